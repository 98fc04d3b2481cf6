#include "event_rule_model.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "app_logging.h"
#include "event_center_model.h"

namespace vigil::app {

using core::Result;

namespace {

QJsonArray toArray(const QStringList& list) {
    QJsonArray array;
    for (const QString& item : list) {
        array.append(item);
    }
    return array;
}

QStringList toStrings(const QJsonValue& value) {
    QStringList list;
    for (const QJsonValue& item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

QStringList splitList(const QString& text) {
    QStringList list;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        list.append(part.trimmed());
    }
    return list;
}

QJsonObject actionOf(const QJsonObject& rule, const QString& type) {
    for (const QJsonValue& action : rule.value(QStringLiteral("actions")).toArray()) {
        if (action.toObject().value(QStringLiteral("type")).toString() == type) {
            return action.toObject();
        }
    }
    return {};
}

}  // namespace

EventRuleModel::EventRuleModel(core::client::ApiClient* client, QObject* parent)
    : RequestListModel(parent), m_api(new core::client::EventsApi(client, this)) {}

int EventRuleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant EventRuleModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const QJsonObject& rule = m_rules.at(index.row());
    switch (role) {
        case IdRole:
            return rule.value(QStringLiteral("id")).toString();
        case NameRole:
            return rule.value(QStringLiteral("name")).toString();
        case EnabledRole:
            return rule.value(QStringLiteral("enabled")).toBool();
        case SummaryRole:
            return summaryOf(rule);
        default:
            return {};
    }
}

QHash<int, QByteArray> EventRuleModel::roleNames() const {
    return {{IdRole, "ruleId"}, {NameRole, "name"}, {EnabledRole, "enabled"}, {SummaryRole, "summary"}};
}

QString EventRuleModel::summaryOf(const QJsonObject& rule) {
    const QJsonObject filter = rule.value(QStringLiteral("filter")).toObject();
    QStringList kinds;
    for (const QString& kind : toStrings(filter.value(QStringLiteral("kinds")))) {
        kinds.append(EventCenterModel::kindName(kind));
    }
    QStringList actions;
    for (const QJsonValue& action : rule.value(QStringLiteral("actions")).toArray()) {
        actions.append(action.toObject().value(QStringLiteral("type")).toString());
    }
    return tr("When %1 → %2")
        .arg(kinds.isEmpty() ? tr("any event") : kinds.join(QStringLiteral(", ")), actions.join(QStringLiteral(", ")));
}

void EventRuleModel::say(const QString& text) {
    if (text != m_message) {
        m_message = text;
        emit messageChanged();
    }
}

void EventRuleModel::refresh() {
    setBusy(true);
    m_api->fetchRules([this](Result<QList<QJsonObject>> rules) {
        setBusy(false);
        if (!rules) {
            setError(rules.error().message);
            return;
        }
        beginResetModel();
        m_rules = rules.value();
        endResetModel();
        emit countChanged();
    });
}

QVariantMap EventRuleModel::fieldsAt(int row) const {
    const QJsonObject rule = row >= 0 && row < count() ? m_rules.at(row) : QJsonObject{};
    const QJsonObject filter = rule.value(QStringLiteral("filter")).toObject();
    const QJsonObject record = actionOf(rule, QStringLiteral("record"));
    const QJsonObject sound = actionOf(rule, QStringLiteral("sound"));
    const QJsonObject email = actionOf(rule, QStringLiteral("email"));
    const QJsonObject syslog = actionOf(rule, QStringLiteral("syslog"));
    return {
        {QStringLiteral("name"), rule.value(QStringLiteral("name")).toString()},
        {QStringLiteral("enabled"), rule.value(QStringLiteral("enabled")).toBool(true)},
        {QStringLiteral("kinds"), toStrings(filter.value(QStringLiteral("kinds")))},
        {QStringLiteral("severities"), toStrings(filter.value(QStringLiteral("severities")))},
        {QStringLiteral("debounceS"), rule.value(QStringLiteral("debounceMs")).toInteger() / 1000},
        {QStringLiteral("alarm"), !actionOf(rule, QStringLiteral("alarm")).isEmpty() || rule.isEmpty()},
        {QStringLiteral("sound"), sound.isEmpty() ? QString() : sound.value(QStringLiteral("sound")).toString()},
        {QStringLiteral("popup"), !actionOf(rule, QStringLiteral("popup")).isEmpty()},
        {QStringLiteral("record"), !record.isEmpty()},
        {QStringLiteral("preEventS"), record.value(QStringLiteral("preEventMs")).toInteger(5000) / 1000},
        {QStringLiteral("postEventS"), record.value(QStringLiteral("postEventMs")).toInteger(10000) / 1000},
        {QStringLiteral("emailTo"), toStrings(email.value(QStringLiteral("to"))).join(QStringLiteral(", "))},
        {QStringLiteral("syslogHost"), syslog.value(QStringLiteral("host")).toString()},
        {QStringLiteral("syslogPort"), syslog.value(QStringLiteral("port")).toInt(6514)},
    };
}

QJsonObject EventRuleModel::ruleInput(const QJsonObject& base, const QVariantMap& fields) {
    QJsonObject filter = base.value(QStringLiteral("filter")).toObject();
    filter.insert(QStringLiteral("kinds"), toArray(fields.value(QStringLiteral("kinds")).toStringList()));
    filter.insert(QStringLiteral("severities"), toArray(fields.value(QStringLiteral("severities")).toStringList()));
    // The editor's action types are replaced; others (PTZ) and the details it does not show stay.
    QJsonArray actions;
    for (const QJsonValue& action : base.value(QStringLiteral("actions")).toArray()) {
        const QString type = action.toObject().value(QStringLiteral("type")).toString();
        if (type == QLatin1String("ptz")) {
            actions.append(action);
        }
    }
    auto keep = [&](const QString& type, QJsonObject action) {
        QJsonObject old = actionOf(base, type);
        for (auto it = action.constBegin(); it != action.constEnd(); ++it) {
            old.insert(it.key(), it.value());
        }
        actions.append(old);
    };
    if (fields.value(QStringLiteral("alarm")).toBool()) {
        keep(QStringLiteral("alarm"), {{QStringLiteral("type"), QStringLiteral("alarm")}});
    }
    const QString sound = fields.value(QStringLiteral("sound")).toString();
    if (!sound.isEmpty()) {
        keep(QStringLiteral("sound"), {{QStringLiteral("type"), QStringLiteral("sound")}, {QStringLiteral("sound"), sound}});
    }
    if (fields.value(QStringLiteral("popup")).toBool()) {
        keep(QStringLiteral("popup"), {{QStringLiteral("type"), QStringLiteral("popup")}});
    }
    if (fields.value(QStringLiteral("record")).toBool()) {
        keep(QStringLiteral("record"),
             {{QStringLiteral("type"), QStringLiteral("record")},
              {QStringLiteral("preEventMs"), fields.value(QStringLiteral("preEventS")).toLongLong() * 1000},
              {QStringLiteral("postEventMs"), fields.value(QStringLiteral("postEventS")).toLongLong() * 1000}});
    }
    const QStringList to = splitList(fields.value(QStringLiteral("emailTo")).toString());
    if (!to.isEmpty()) {
        keep(QStringLiteral("email"), {{QStringLiteral("type"), QStringLiteral("email")}, {QStringLiteral("to"), toArray(to)}});
    }
    const QString host = fields.value(QStringLiteral("syslogHost")).toString().trimmed();
    if (!host.isEmpty()) {
        keep(QStringLiteral("syslog"), {{QStringLiteral("type"), QStringLiteral("syslog")},
                                        {QStringLiteral("host"), host},
                                        {QStringLiteral("port"), fields.value(QStringLiteral("syslogPort")).toInt()}});
    }
    return {{QStringLiteral("name"), fields.value(QStringLiteral("name")).toString().trimmed()},
            {QStringLiteral("enabled"), fields.value(QStringLiteral("enabled")).toBool()},
            {QStringLiteral("filter"), filter},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("debounceMs"), fields.value(QStringLiteral("debounceS")).toLongLong() * 1000}};
}

void EventRuleModel::save(int row, const QVariantMap& fields) {
    const bool existing = row >= 0 && row < count();
    const QJsonObject base = existing ? m_rules.at(row) : QJsonObject{};
    const QString id = base.value(QStringLiteral("id")).toString();
    setBusy(true);
    m_api->saveRule(id, ruleInput(base, fields), [this, id](Result<QJsonObject> rule) {
        setBusy(false);
        if (!rule) {
            // The server's own reason: what is wrong with the rule and what to change.
            setError(rule.error().message);
            qCInfo(lcApp).noquote() << "Event rule refused:" << rule.error().code << rule.error().message;
            return;
        }
        setError({});
        say(tr("Rule \"%1\" saved.").arg(rule->value(QStringLiteral("name")).toString()));
        qCInfo(lcApp).noquote() << "Event rule saved:" << rule->value(QStringLiteral("name")).toString();
        emit saved();
        refresh();
    });
}

void EventRuleModel::remove(int row) {
    if (row < 0 || row >= count()) {
        return;
    }
    const QString name = m_rules.at(row).value(QStringLiteral("name")).toString();
    setBusy(true);
    m_api->deleteRule(m_rules.at(row).value(QStringLiteral("id")).toString(), [this, name](core::Status removed) {
        setBusy(false);
        if (!removed) {
            setError(removed.error().message);
            return;
        }
        setError({});
        say(tr("Rule \"%1\" deleted.").arg(name));
        refresh();
    });
}

void EventRuleModel::clear() {
    beginResetModel();
    m_rules.clear();
    endResetModel();
    emit countChanged();
    setError({});
    say({});
}

}  // namespace vigil::app
