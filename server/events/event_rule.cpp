#include "events/event_rule.h"

#include <QDateTime>
#include <QJsonArray>

#include <QSslCertificate>

#include "model/json_fields.h"
#include "net/mail_message.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::model::FieldReader;

namespace {

const QString kContext = QStringLiteral("event rule");

QStringList latin(std::initializer_list<const char*> values) {
    QStringList list;
    for (const char* value : values) {
        list.append(QString::fromLatin1(value));
    }
    return list;
}

QJsonArray toArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

Error bad(const QString& field, const QString& problem) {
    return FieldReader::badRequest(kContext, field, problem);
}

// A list field whose every entry must be in `allowed` (when given).
QStringList listOf(FieldReader& read, const QString& name, const QStringList& allowed = {}) {
    if (!read.has(name)) {
        return {};
    }
    QStringList values = read.stringList(name);
    if (!read.ok()) {
        return {};
    }
    for (const QString& value : std::as_const(values)) {
        if ((!allowed.isEmpty() && !allowed.contains(value)) || value.isEmpty()) {
            read.failWith(bad(name, allowed.isEmpty() ? QStringLiteral("must not hold empty names")
                                                      : QStringLiteral("holds \"%1\"; use %2")
                                                            .arg(value, allowed.join(u", "))));
            return {};
        }
    }
    values.removeDuplicates();
    return values;
}

}  // namespace

const QStringList& RuleAction::types() {
    static const QStringList kTypes = latin({kAlarm, kRecord, kPopup, kSound, kEmail, kSyslog, kPtz});
    return kTypes;
}

const QStringList& RuleAction::sounds() {
    static const QStringList kSounds = {QStringLiteral("alarm"), QStringLiteral("chime"), QStringLiteral("siren")};
    return kSounds;
}

QJsonObject RuleAction::toJson() const {
    QJsonObject json{{QStringLiteral("type"), type}};
    if (type == QLatin1String(kAlarm)) {
        json.insert(QStringLiteral("severity"), severity);
    } else if (type == QLatin1String(kRecord)) {
        json.insert(QStringLiteral("channelIds"), toArray(channelIds));
        json.insert(QStringLiteral("stream"), stream);
        json.insert(QStringLiteral("preEventMs"), preEventMs);
        json.insert(QStringLiteral("postEventMs"), postEventMs);
    } else if (type == QLatin1String(kPopup)) {
        json.insert(QStringLiteral("channelIds"), toArray(channelIds));
        json.insert(QStringLiteral("userNames"), toArray(userNames));
    } else if (type == QLatin1String(kSound)) {
        json.insert(QStringLiteral("sound"), sound);
        json.insert(QStringLiteral("userNames"), toArray(userNames));
    } else if (type == QLatin1String(kEmail)) {
        json.insert(QStringLiteral("to"), toArray(to));
        json.insert(QStringLiteral("subject"), subject);
    } else if (type == QLatin1String(kSyslog)) {
        json.insert(QStringLiteral("host"), host);
        json.insert(QStringLiteral("port"), port);
        json.insert(QStringLiteral("caCertificate"), caCertificate);
    } else if (type == QLatin1String(kPtz)) {
        json.insert(QStringLiteral("channelId"), channelId);
        json.insert(QStringLiteral("presetToken"), presetToken);
    }
    return json;
}

Result<RuleAction> RuleAction::fromRequest(const QJsonObject& json, int index) {
    FieldReader read(json, QStringLiteral("action %1 of the event rule").arg(index + 1), FieldReader::Mode::Request);
    RuleAction action;
    action.type = read.string(QStringLiteral("type"));
    if (!read.ok()) {
        return read.error();
    }
    if (!types().contains(action.type)) {
        return bad(QStringLiteral("actions[%1].type").arg(index),
                   QStringLiteral("is \"%1\"; use %2").arg(action.type, types().join(u", ")));
    }
    auto optionalString = [&read](const QString& name, QString& target) {
        if (read.has(name)) {
            target = read.string(name);
        }
    };
    auto optionalInteger = [&read](const QString& name, qint64& target) {
        if (read.has(name)) {
            target = read.integer(name);
        }
    };
    const QString at = QStringLiteral("actions[%1].").arg(index);
    if (action.type == QLatin1String(kAlarm)) {
        optionalString(QStringLiteral("severity"), action.severity);
        if (read.ok() && !action.severity.isEmpty() && !core::model::EventSeverities::all().contains(action.severity)) {
            return bad(at + QStringLiteral("severity"), QStringLiteral("must be info, warning or critical"));
        }
    } else if (action.type == QLatin1String(kRecord)) {
        action.channelIds = listOf(read, QStringLiteral("channelIds"));
        optionalString(QStringLiteral("stream"), action.stream);
        optionalInteger(QStringLiteral("preEventMs"), action.preEventMs);
        optionalInteger(QStringLiteral("postEventMs"), action.postEventMs);
        if (read.ok() && action.stream != QLatin1String("main") && action.stream != QLatin1String("sub")) {
            return bad(at + QStringLiteral("stream"), QStringLiteral("must be main or sub"));
        }
        if (read.ok() && (action.preEventMs < 0 || action.preEventMs > kMaxRecordMs || action.postEventMs < 1000 ||
                          action.postEventMs > kMaxRecordMs)) {
            return bad(at + QStringLiteral("postEventMs"),
                       QStringLiteral("preEventMs must be 0 to %1 and postEventMs 1000 to %1").arg(kMaxRecordMs));
        }
    } else if (action.type == QLatin1String(kPopup)) {
        action.channelIds = listOf(read, QStringLiteral("channelIds"));
        action.userNames = listOf(read, QStringLiteral("userNames"));
    } else if (action.type == QLatin1String(kSound)) {
        optionalString(QStringLiteral("sound"), action.sound);
        action.userNames = listOf(read, QStringLiteral("userNames"));
        if (read.ok() && !sounds().contains(action.sound)) {
            return bad(at + QStringLiteral("sound"), QStringLiteral("must be one of %1").arg(sounds().join(u", ")));
        }
    } else if (action.type == QLatin1String(kEmail)) {
        action.to = listOf(read, QStringLiteral("to"));
        optionalString(QStringLiteral("subject"), action.subject);
        if (read.ok()) {
            core::net::MailMessage probe{action.to, action.subject.isEmpty() ? QStringLiteral("x") : action.subject,
                                         QStringLiteral("x")};
            if (action.to.isEmpty()) {
                return bad(at + QStringLiteral("to"), QStringLiteral("must list at least one address"));
            }
            if (core::Status valid = probe.validate(); !valid) {
                return bad(at + QStringLiteral("to"), valid.error().message);
            }
        }
    } else if (action.type == QLatin1String(kSyslog)) {
        action.host = read.string(QStringLiteral("host")).trimmed();
        if (read.has(QStringLiteral("port"))) {
            action.port = read.smallInteger(QStringLiteral("port"));
        }
        optionalString(QStringLiteral("caCertificate"), action.caCertificate);
        if (read.ok() && (action.host.isEmpty() || action.port < 1 || action.port > 65535)) {
            return bad(at + QStringLiteral("host"), QStringLiteral("needs a host name or address and a port 1-65535"));
        }
        if (read.ok() && !action.caCertificate.isEmpty() &&
            QSslCertificate::fromData(action.caCertificate.toUtf8(), QSsl::Pem).isEmpty()) {
            return bad(at + QStringLiteral("caCertificate"), QStringLiteral("is not a PEM certificate"));
        }
    } else if (action.type == QLatin1String(kPtz)) {
        action.channelId = read.string(QStringLiteral("channelId"));
        action.presetToken = read.string(QStringLiteral("presetToken"));
    }
    if (!read.finish()) {
        return read.error();
    }
    return action;
}

bool EventRule::matches(const core::model::Event& event) const {
    if (m_kinds.isEmpty() ? event.kind == QLatin1String(core::model::EventKinds::kAggregated)
                          : !m_kinds.contains(event.kind)) {
        return false;
    }
    if (!m_sources.isEmpty() && !m_sources.contains(event.sourceId) && !m_sources.contains(event.channelId)) {
        return false;
    }
    return m_severities.isEmpty() || m_severities.contains(event.severity);
}

bool EventRule::inSchedule(qint64 timeMs) const {
    return schedule.isEmpty() || schedule.contains(QDateTime::fromMSecsSinceEpoch(timeMs).toLocalTime());
}

void EventRule::index() {
    m_kinds = QSet<QString>(kinds.cbegin(), kinds.cend());
    m_sources = QSet<QString>(sourceIds.cbegin(), sourceIds.cend());
    m_severities = QSet<QString>(severities.cbegin(), severities.cend());
}

QJsonObject EventRule::definition() const {
    QJsonArray actionArray;
    for (const RuleAction& action : actions) {
        actionArray.append(action.toJson());
    }
    return QJsonObject{{QStringLiteral("filter"), QJsonObject{{QStringLiteral("kinds"), toArray(kinds)},
                                                              {QStringLiteral("sourceIds"), toArray(sourceIds)},
                                                              {QStringLiteral("severities"), toArray(severities)},
                                                              {QStringLiteral("schedule"), schedule.toJson()}}},
                       {QStringLiteral("actions"), actionArray},
                       {QStringLiteral("debounceMs"), debounceMs}};
}

QJsonObject EventRule::toJson() const {
    QJsonObject json = definition();
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("enabled"), enabled);
    json.insert(QStringLiteral("createdMs"), createdMs);
    json.insert(QStringLiteral("updatedMs"), updatedMs);
    return json;
}

namespace {

Result<EventRule> readRule(FieldReader& read, bool withName) {
    EventRule rule;
    if (withName) {
        rule.name = read.string(QStringLiteral("name")).trimmed();
        if (read.has(QStringLiteral("enabled"))) {
            rule.enabled = read.boolean(QStringLiteral("enabled"));
        }
    }
    if (read.has(QStringLiteral("debounceMs"))) {
        rule.debounceMs = read.integer(QStringLiteral("debounceMs"));
    }
    QJsonObject filter;
    if (read.has(QStringLiteral("filter"))) {
        filter = read.object(QStringLiteral("filter"));
    }
    const QJsonArray actions = read.array(QStringLiteral("actions"));
    if (!read.finish()) {
        return read.error();
    }
    if (withName && (rule.name.isEmpty() || rule.name.size() > 128)) {
        return bad(QStringLiteral("name"), QStringLiteral("must be 1 to 128 characters"));
    }
    if (rule.debounceMs < 0 || rule.debounceMs > EventRule::kMaxDebounceMs) {
        return bad(QStringLiteral("debounceMs"), QStringLiteral("must be 0 to %1").arg(EventRule::kMaxDebounceMs));
    }
    FieldReader filterRead(filter, QStringLiteral("event rule filter"), FieldReader::Mode::Request);
    rule.kinds = listOf(filterRead, QStringLiteral("kinds"), core::model::EventKinds::all());
    rule.sourceIds = listOf(filterRead, QStringLiteral("sourceIds"));
    rule.severities = listOf(filterRead, QStringLiteral("severities"), core::model::EventSeverities::all());
    QJsonArray schedule;
    if (filterRead.has(QStringLiteral("schedule"))) {
        schedule = filterRead.array(QStringLiteral("schedule"));
    }
    if (!filterRead.finish()) {
        return filterRead.error();
    }
    auto parsed = WeeklySchedule::fromJson(schedule, kContext);
    if (!parsed) {
        return parsed.error();
    }
    rule.schedule = parsed.value();
    if (actions.isEmpty() || actions.size() > EventRule::kMaxActions) {
        return bad(QStringLiteral("actions"),
                   QStringLiteral("must list 1 to %1 actions: a rule without one would do nothing")
                       .arg(EventRule::kMaxActions));
    }
    for (int i = 0; i < actions.size(); ++i) {
        if (!actions[i].isObject()) {
            return bad(QStringLiteral("actions[%1]").arg(i), QStringLiteral("must be an object"));
        }
        auto action = RuleAction::fromRequest(actions[i].toObject(), i);
        if (!action) {
            return action.error();
        }
        rule.actions.append(action.value());
    }
    return rule;
}

}  // namespace

Result<EventRule> EventRule::fromDefinition(const QJsonObject& json) {
    FieldReader read(json, kContext, FieldReader::Mode::Request);
    auto rule = readRule(read, false);
    if (rule) {
        rule->index();
    }
    return rule;
}

Result<EventRule> EventRule::fromRequest(const QJsonObject& json) {
    FieldReader read(json, kContext, FieldReader::Mode::Request);
    auto rule = readRule(read, true);
    if (rule) {
        rule->index();
    }
    return rule;
}

}  // namespace vigil::server
