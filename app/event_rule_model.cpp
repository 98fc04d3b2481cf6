#include "event_rule_model.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include "app_logging.h"
#include "client/devices_api.h"
#include "event_kind_name.h"

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

constexpr int kMinutesPerDay = 24 * 60;

// "HH:mm" of a minute of the day; the day's end is "24:00".
QString clock(int minute) {
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

// The minute of the day of "H:mm" or "HH:mm" ("24:00" the day's end); -1 when it is none.
int minuteOf(const QString& text) {
    static const QRegularExpression kClock(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const QRegularExpressionMatch match = kClock.match(text);
    if (!match.hasMatch()) {
        return -1;
    }
    const int minute = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    return match.captured(2).toInt() < 60 && minute <= kMinutesPerDay ? minute : -1;
}

QString dayName(int day) {
    return QLocale().dayName(day, QLocale::ShortFormat);
}

QJsonObject range(int day, int start, int end) {
    return {{QStringLiteral("day"), day}, {QStringLiteral("startMinute"), start}, {QStringLiteral("endMinute"), end}};
}

QJsonObject actionOf(const QJsonObject& rule, const QString& type) {
    for (const QJsonValue& action : rule.value(QStringLiteral("actions")).toArray()) {
        if (action.toObject().value(QStringLiteral("type")).toString() == type) {
            return action.toObject();
        }
    }
    return {};
}

// The users a pop-up or sound action is for, as the form shows them ("" everyone allowed).
QString usersText(const QJsonObject& action) {
    return toStrings(action.value(QStringLiteral("userNames"))).join(QStringLiteral(", "));
}

// The action with the users of the form's field `key` (popupUsers, soundUsers), when the form has it.
QJsonObject withUsers(QJsonObject action, const QVariantMap& fields, const QString& key) {
    if (fields.contains(key)) {
        action.insert(QStringLiteral("userNames"), toArray(splitList(fields.value(key).toString())));
    }
    return action;
}

}  // namespace

EventRuleModel::EventRuleModel(core::client::ApiClient* client, core::client::DevicesApi* devices, QObject* parent)
    : RequestListModel(parent), m_api(new core::client::EventsApi(client, this)), m_devices(devices) {
    connect(client, &core::client::ApiClient::pushReceived, this, &EventRuleModel::applyPush);
    // Pushes sent while the socket was down are lost: read the list again when it is back.
    connect(client, &core::client::ApiClient::eventsConnectedChanged, this, [this](bool connected) {
        if (connected && m_loaded) {
            refresh();
        }
    });
}

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

QString EventRuleModel::actionName(const QString& type) {
    static const QHash<QString, const char*> kNames = {
        {QStringLiteral("alarm"), QT_TR_NOOP("alarm")},   {QStringLiteral("record"), QT_TR_NOOP("record")},
        {QStringLiteral("popup"), QT_TR_NOOP("pop-up")},  {QStringLiteral("sound"), QT_TR_NOOP("sound")},
        {QStringLiteral("email"), QT_TR_NOOP("e-mail")},  {QStringLiteral("syslog"), QT_TR_NOOP("syslog")},
        {QStringLiteral("ptz"), QT_TR_NOOP("PTZ preset")},
    };
    const char* name = kNames.value(type, nullptr);
    return name ? tr(name) : type;
}

QString EventRuleModel::summaryOf(const QJsonObject& rule) {
    const QJsonObject filter = rule.value(QStringLiteral("filter")).toObject();
    QStringList kinds;
    for (const QString& kind : toStrings(filter.value(QStringLiteral("kinds")))) {
        kinds.append(eventKindName(kind));
    }
    QStringList actions;
    for (const QJsonValue& action : rule.value(QStringLiteral("actions")).toArray()) {
        actions.append(actionName(action.toObject().value(QStringLiteral("type")).toString()));
    }
    QString when = kinds.isEmpty() ? tr("any event") : kinds.join(QStringLiteral(", "));
    if (const qsizetype sources = filter.value(QStringLiteral("sourceIds")).toArray().size(); sources > 0) {
        when += tr(" from %n source(s)", "", static_cast<int>(sources));
    }
    if (!filter.value(QStringLiteral("schedule")).toArray().isEmpty()) {
        when += tr(", on schedule");
    }
    return tr("When %1 → %2").arg(when, actions.join(QStringLiteral(", ")));
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
        setRules(rules.value());
    });
}

void EventRuleModel::setRules(const QList<QJsonObject>& rules) {
    beginResetModel();
    m_rules = rules;
    endResetModel();
    m_loaded = true;
    emit countChanged();
    emit openRowChanged();
    checkOpenRule(QString());
}

int EventRuleModel::rowOf(const QString& id) const {
    for (int row = 0; row < count(); ++row) {
        if (m_rules.at(row).value(QStringLiteral("id")).toString() == id) {
            return row;
        }
    }
    return -1;
}

void EventRuleModel::removeRow(int row) {
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
}

void EventRuleModel::place(const QJsonObject& rule) {
    const QString name = rule.value(QStringLiteral("name")).toString();
    const int old = rowOf(rule.value(QStringLiteral("id")).toString());
    if (old >= 0) {
        removeRow(old);
    }
    int row = 0;
    while (row < count() && m_rules.at(row).value(QStringLiteral("name")).toString() < name) {
        ++row;
    }
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    endInsertRows();
}

void EventRuleModel::applyPush(const core::model::PushMessage& message) {
    if (message.type != QLatin1String("events.rule") || !m_loaded) {
        return;  // a list never shown is read whole when it is
    }
    const QString change = message.data.value(QStringLiteral("change")).toString();
    const QString id = message.data.value(QStringLiteral("id")).toString();
    const QJsonObject rule = message.data.value(QStringLiteral("rule")).toObject();
    const int before = count();
    if (change == QLatin1String("deleted")) {
        if (const int row = rowOf(id); row >= 0) {
            removeRow(row);
        }
    } else if (!rule.isEmpty() && rule.value(QStringLiteral("id")).toString() == id) {
        place(rule);
    } else {
        return;
    }
    qCInfo(lcApp).noquote() << "Event rules: rule" << id << change << "by"
                            << message.data.value(QStringLiteral("userName")).toString();
    if (count() != before) {
        emit countChanged();
    }
    emit openRowChanged();
    checkOpenRule(message.data.value(QStringLiteral("userName")).toString());
}

int EventRuleModel::openRow() const {
    if (!m_open) {
        return -2;
    }
    return m_openId.isEmpty() ? -1 : rowOf(m_openId);
}

QVariantMap EventRuleModel::open(int row) {
    m_open = true;
    m_openBase = row >= 0 && row < count() ? m_rules.at(row) : QJsonObject{};
    m_openId = m_openBase.value(QStringLiteral("id")).toString();
    setConflict({});
    clearError();
    emit openRowChanged();
    return fieldsOf(m_openBase);
}

void EventRuleModel::close() {
    m_open = false;
    m_openId.clear();
    m_openBase = {};
    setConflict({});
    emit openRowChanged();
}

void EventRuleModel::setConflict(const QString& text) {
    if (text != m_conflict) {
        m_conflict = text;
        emit conflictChanged();
    }
}

void EventRuleModel::checkOpenRule(const QString& byUser) {
    if (!m_open || m_openId.isEmpty() || m_openId == m_ownChange) {
        return;
    }
    const int row = rowOf(m_openId);
    if (row >= 0 && m_rules.at(row) == m_openBase) {
        return;
    }
    const QString name = m_openBase.value(QStringLiteral("name")).toString();
    if (row < 0) {
        setConflict(byUser.isEmpty()
                        ? tr("The rule \"%1\" was deleted elsewhere while you were editing it. Your form is kept: "
                             "Save makes the rule again, Cancel lets it go.")
                              .arg(name)
                        : tr("%1 deleted the rule \"%2\" while you were editing it. Your form is kept: Save makes the "
                             "rule again, Cancel lets it go.")
                              .arg(byUser, name));
    } else {
        setConflict(byUser.isEmpty()
                        ? tr("The rule \"%1\" was changed elsewhere while you were editing it. Your form is kept: "
                             "Save puts your version over it, or load the other version.")
                              .arg(name)
                        : tr("%1 changed the rule \"%2\" while you were editing it. Your form is kept: Save puts "
                             "your version over it, or load the other version.")
                              .arg(byUser, name));
    }
}

QVariantMap EventRuleModel::fieldsAt(int row) const {
    return fieldsOf(row >= 0 && row < count() ? m_rules.at(row) : QJsonObject{});
}

QVariantMap EventRuleModel::fieldsOf(const QJsonObject& rule) {
    const QJsonObject filter = rule.value(QStringLiteral("filter")).toObject();
    const QJsonObject record = actionOf(rule, QStringLiteral("record"));
    const QJsonObject sound = actionOf(rule, QStringLiteral("sound"));
    const QJsonObject popup = actionOf(rule, QStringLiteral("popup"));
    const QJsonObject email = actionOf(rule, QStringLiteral("email"));
    const QJsonObject syslog = actionOf(rule, QStringLiteral("syslog"));
    const QJsonObject ptz = actionOf(rule, QStringLiteral("ptz"));
    QVariantMap fields{
        {QStringLiteral("name"), rule.value(QStringLiteral("name")).toString()},
        {QStringLiteral("enabled"), rule.value(QStringLiteral("enabled")).toBool(true)},
        {QStringLiteral("kinds"), toStrings(filter.value(QStringLiteral("kinds")))},
        {QStringLiteral("severities"), toStrings(filter.value(QStringLiteral("severities")))},
        {QStringLiteral("sourceIds"), toStrings(filter.value(QStringLiteral("sourceIds")))},
        {QStringLiteral("debounceS"), rule.value(QStringLiteral("debounceMs")).toInteger() / 1000},
        {QStringLiteral("alarm"), !actionOf(rule, QStringLiteral("alarm")).isEmpty() || rule.isEmpty()},
        {QStringLiteral("sound"), sound.isEmpty() ? QString() : sound.value(QStringLiteral("sound")).toString()},
        {QStringLiteral("soundUsers"), usersText(sound)},
        {QStringLiteral("popup"), !popup.isEmpty()},
        {QStringLiteral("popupUsers"), usersText(popup)},
        {QStringLiteral("record"), !record.isEmpty()},
        {QStringLiteral("preEventS"), record.value(QStringLiteral("preEventMs")).toInteger(5000) / 1000},
        {QStringLiteral("postEventS"), record.value(QStringLiteral("postEventMs")).toInteger(10000) / 1000},
        {QStringLiteral("emailTo"), toStrings(email.value(QStringLiteral("to"))).join(QStringLiteral(", "))},
        {QStringLiteral("syslogHost"), syslog.value(QStringLiteral("host")).toString()},
        {QStringLiteral("syslogPort"), syslog.value(QStringLiteral("port")).toInt(6514)},
        {QStringLiteral("ptzChannelId"), ptz.value(QStringLiteral("channelId")).toString()},
        {QStringLiteral("ptzPresetToken"), ptz.value(QStringLiteral("presetToken")).toString()},
    };
    fields.insert(scheduleFields(filter.value(QStringLiteral("schedule")).toArray()));
    return fields;
}

QVariantMap EventRuleModel::scheduleFields(const QJsonArray& schedule) {
    QVariantMap fields{{QStringLiteral("scheduleMode"), QStringLiteral("always")},
                       {QStringLiteral("scheduleDays"), QVariantList{1, 2, 3, 4, 5}},
                       {QStringLiteral("scheduleFrom"), QStringLiteral("00:00")},
                       {QStringLiteral("scheduleTo"), QStringLiteral("24:00")},
                       {QStringLiteral("scheduleText"), QString()}};
    if (schedule.isEmpty()) {
        return fields;
    }
    // The ranges as the form makes them: the same times each chosen day ("same"), or a time range
    // past midnight, which is a late part on each chosen day and an early part on the day after.
    QMap<int, std::pair<int, int>> same;
    QMap<int, int> late;   // day -> start, running to midnight
    QMap<int, int> early;  // day -> end, from midnight
    QStringList text;
    for (const QJsonValue& value : schedule) {
        const QJsonObject r = value.toObject();
        const int day = r.value(QStringLiteral("day")).toInt();
        const int start = r.value(QStringLiteral("startMinute")).toInt();
        const int end = r.value(QStringLiteral("endMinute")).toInt();
        text.append(QStringLiteral("%1 %2\u2013%3").arg(dayName(day), clock(start), clock(end)));
        same.insert(day, {start, end});
        if (end == kMinutesPerDay && start > 0) {
            late.insert(day, start);
        } else if (start == 0 && end < kMinutesPerDay) {
            early.insert(day, end);
        }
    }
    fields.insert(QStringLiteral("scheduleText"), text.join(QStringLiteral(", ")));
    auto allEqual = [](const auto& values) {
        return std::all_of(values.cbegin(), values.cend(), [&](const auto& v) { return v == *values.cbegin(); });
    };
    auto asDays = [](const QList<int>& days) {
        QVariantList list;
        for (int day : days) {
            list.append(day);
        }
        return list;
    };
    if (same.size() == schedule.size() && allEqual(same.values())) {
        fields.insert(QStringLiteral("scheduleMode"), QStringLiteral("weekly"));
        fields.insert(QStringLiteral("scheduleDays"), asDays(same.keys()));
        fields.insert(QStringLiteral("scheduleFrom"), clock(same.first().first));
        fields.insert(QStringLiteral("scheduleTo"), clock(same.first().second));
        return fields;
    }
    bool overnight = late.size() + early.size() == schedule.size() && late.size() == early.size() &&
                     allEqual(late.values()) && allEqual(early.values());
    for (auto it = late.cbegin(); overnight && it != late.cend(); ++it) {
        overnight = early.contains(it.key() % 7 + 1);
    }
    if (overnight) {
        fields.insert(QStringLiteral("scheduleMode"), QStringLiteral("weekly"));
        fields.insert(QStringLiteral("scheduleDays"), asDays(late.keys()));
        fields.insert(QStringLiteral("scheduleFrom"), clock(late.first()));
        fields.insert(QStringLiteral("scheduleTo"), clock(early.first()));
        return fields;
    }
    fields.insert(QStringLiteral("scheduleMode"), QStringLiteral("custom"));
    return fields;
}

QJsonArray EventRuleModel::scheduleRanges(const QList<int>& days, int fromMinute, int toMinute) {
    QJsonArray ranges;
    for (int day : days) {
        if (day < 1 || day > 7) {
            continue;
        }
        if (fromMinute == toMinute || (fromMinute == 0 && toMinute == kMinutesPerDay)) {
            ranges.append(range(day, 0, kMinutesPerDay));
        } else if (fromMinute < toMinute) {
            ranges.append(range(day, fromMinute, toMinute));
        } else {
            // Past midnight: the rest of this day and the start of the next (Sunday's next is Monday).
            ranges.append(range(day, fromMinute, kMinutesPerDay));
            if (toMinute > 0) {
                ranges.append(range(day % 7 + 1, 0, toMinute));
            }
        }
    }
    return ranges;
}

QString EventRuleModel::problemOf(const QVariantMap& fields) {
    if (fields.value(QStringLiteral("scheduleMode")).toString() == QLatin1String("weekly")) {
        if (fields.value(QStringLiteral("scheduleDays")).toList().isEmpty()) {
            return tr("The schedule has no day: the rule would never fire. Check the days it works on, or choose "
                      "\"Always\".");
        }
        if (minuteOf(fields.value(QStringLiteral("scheduleFrom")).toString()) < 0 ||
            minuteOf(fields.value(QStringLiteral("scheduleTo")).toString()) < 0) {
            return tr("The schedule's times must be written as HH:mm, 00:00 to 24:00 (for example 22:00 to 06:00).");
        }
    }
    if (!fields.value(QStringLiteral("ptzChannelId")).toString().isEmpty() &&
        fields.value(QStringLiteral("ptzPresetToken")).toString().isEmpty()) {
        return tr("Choose the preset the PTZ camera moves to, or no PTZ camera.");
    }
    return {};
}

QJsonObject EventRuleModel::ruleInput(const QJsonObject& base, const QVariantMap& fields) {
    QJsonObject filter = base.value(QStringLiteral("filter")).toObject();
    filter.insert(QStringLiteral("kinds"), toArray(fields.value(QStringLiteral("kinds")).toStringList()));
    filter.insert(QStringLiteral("severities"), toArray(fields.value(QStringLiteral("severities")).toStringList()));
    if (fields.contains(QStringLiteral("sourceIds"))) {
        filter.insert(QStringLiteral("sourceIds"), toArray(fields.value(QStringLiteral("sourceIds")).toStringList()));
    }
    const QString scheduleMode = fields.value(QStringLiteral("scheduleMode")).toString();
    if (scheduleMode == QLatin1String("always")) {
        filter.insert(QStringLiteral("schedule"), QJsonArray{});
    } else if (scheduleMode == QLatin1String("weekly")) {
        QList<int> days;
        for (const QVariant& day : fields.value(QStringLiteral("scheduleDays")).toList()) {
            days.append(day.toInt());
        }
        filter.insert(QStringLiteral("schedule"),
                      scheduleRanges(days, minuteOf(fields.value(QStringLiteral("scheduleFrom")).toString()),
                                     minuteOf(fields.value(QStringLiteral("scheduleTo")).toString())));
    }  // "custom" or none: the rule's own schedule stays
    // The editor's action types are replaced; the details it does not show stay, and so do PTZ
    // actions after the first (the one the form shows).
    QJsonArray actions;
    bool firstPtz = true;
    for (const QJsonValue& action : base.value(QStringLiteral("actions")).toArray()) {
        const QString type = action.toObject().value(QStringLiteral("type")).toString();
        if (type == QLatin1String("ptz") && !std::exchange(firstPtz, false)) {
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
        keep(QStringLiteral("sound"),
             withUsers({{QStringLiteral("type"), QStringLiteral("sound")}, {QStringLiteral("sound"), sound}}, fields,
                       QStringLiteral("soundUsers")));
    }
    if (fields.value(QStringLiteral("popup")).toBool()) {
        keep(QStringLiteral("popup"),
             withUsers({{QStringLiteral("type"), QStringLiteral("popup")}}, fields, QStringLiteral("popupUsers")));
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
    const QString ptzChannel = fields.value(QStringLiteral("ptzChannelId")).toString();
    if (!ptzChannel.isEmpty()) {
        actions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("ptz")},
                                   {QStringLiteral("channelId"), ptzChannel},
                                   {QStringLiteral("presetToken"), fields.value(QStringLiteral("ptzPresetToken")).toString()}});
    }
    return {{QStringLiteral("name"), fields.value(QStringLiteral("name")).toString().trimmed()},
            {QStringLiteral("enabled"), fields.value(QStringLiteral("enabled")).toBool()},
            {QStringLiteral("filter"), filter},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("debounceMs"), fields.value(QStringLiteral("debounceS")).toLongLong() * 1000}};
}

void EventRuleModel::save(const QVariantMap& fields) {
    // Over the rule as it is now (what the form does not show stays as saved elsewhere); a rule
    // deleted meanwhile is made again from what the form opened.
    const int row = openRow();
    const QJsonObject base = row >= 0 ? m_rules.at(row) : m_openBase;
    const QString id = row >= 0 ? m_openId : QString();
    if (const QString problem = problemOf(fields); !problem.isEmpty()) {
        setError(problem);
        qCInfo(lcApp).noquote() << "Event rule not sent:" << problem;
        return;
    }
    setBusy(true);
    m_ownChange = id;
    m_api->saveRule(id, ruleInput(base, fields), [this, id](Result<QJsonObject> rule) {
        setBusy(false);
        m_ownChange.clear();
        if (!rule) {
            // The server's own reason: what is wrong with the rule and what to change.
            setError(rule.error().message);
            qCInfo(lcApp).noquote() << "Event rule refused:" << rule.error().code << rule.error().message;
            return;
        }
        setError({});
        say(tr("Rule \"%1\" saved.").arg(rule->value(QStringLiteral("name")).toString()));
        qCInfo(lcApp).noquote() << "Event rule saved:" << rule->value(QStringLiteral("name")).toString();
        close();
        emit saved();
        refresh();
    });
}

void EventRuleModel::loadPresets(const QString& channelId) {
    m_presetsChannel = channelId;
    if (!m_presets.isEmpty()) {
        m_presets.clear();
        emit presetsChanged();
    }
    if (!m_devices || channelId.isEmpty()) {
        return;
    }
    m_devices->fetchPtzPresets(channelId, [this, channelId](Result<core::client::PtzPresets> presets) {
        if (channelId != m_presetsChannel) {
            return;  // another camera was chosen meanwhile
        }
        if (!presets) {
            setError(presets.error().message);
            return;
        }
        // {id, name} for the form's drop-down: the token is what the rule keeps.
        m_presets.clear();
        for (const auto& preset : presets->presets) {
            m_presets.append(QVariantMap{{QStringLiteral("id"), preset.token},
                                         {QStringLiteral("name"), preset.name.isEmpty() ? preset.token : preset.name}});
        }
        emit presetsChanged();
    });
}

void EventRuleModel::remove(int row) {
    if (row < 0 || row >= count()) {
        return;
    }
    const QString name = m_rules.at(row).value(QStringLiteral("name")).toString();
    const QString id = m_rules.at(row).value(QStringLiteral("id")).toString();
    setBusy(true);
    m_ownChange = id;
    m_api->deleteRule(id, [this, name, id](core::Status removed) {
        setBusy(false);
        m_ownChange.clear();
        if (!removed) {
            setError(removed.error().message);
            return;
        }
        setError({});
        if (id == m_openId) {
            close();
        }
        say(tr("Rule \"%1\" deleted.").arg(name));
        refresh();
    });
}

void EventRuleModel::clear() {
    close();
    beginResetModel();
    m_rules.clear();
    endResetModel();
    m_loaded = false;
    emit countChanged();
    setError({});
    say({});
}

}  // namespace vigil::app
