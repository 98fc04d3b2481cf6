#include "model/event_model.h"

#include <QJsonArray>
#include <QSet>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

QStringList latin(std::initializer_list<const char*> values) {
    QStringList list;
    for (const char* value : values) {
        list.append(QString::fromLatin1(value));
    }
    return list;
}

// An optional string field that must be one of `allowed`.
QString oneOf(FieldReader& read, const QString& name, const QStringList& allowed, const QString& fallback) {
    if (!read.has(name)) {
        return fallback;
    }
    const QString value = read.string(name);
    if (read.ok() && !allowed.contains(value)) {
        read.failWith(FieldReader::badRequest(read.mode() == FieldReader::Mode::Request ? QStringLiteral("request")
                                                                                         : QStringLiteral("event"),
                                              name, QStringLiteral("must be one of %1").arg(allowed.join(u", "))));
    }
    return value;
}

}  // namespace

const QStringList& EventSeverities::all() {
    static const QStringList kAll = latin({kInfo, kWarning, kCritical});
    return kAll;
}

const QStringList& AlarmStates::all() {
    static const QStringList kAll = latin({kNew, kAcknowledged, kHandled});
    return kAll;
}

const QStringList& EventSourceTypes::all() {
    static const QStringList kAll = latin({kChannel, kDevice, kServer, kUser});
    return kAll;
}

const QStringList& EventKinds::all() {
    static const QStringList kAll =
        latin({kDeviceOnline, kDeviceOffline, kDeviceUnauthorised, kStreamError, kMotion, kMotionEnded,
               kCameraEvent, kStorageProblem, kRecordingStopped, kRecordingGap, kLoginFailed, kLockout,
               kHealth, kManualAlarm, kAggregated, kLicence, kTimeSync, kCertificate, kSecurityDrift});
    return kAll;
}

QJsonObject AlarmStep::toJson() const {
    return QJsonObject{{QStringLiteral("timeMs"), timeMs},
                       {QStringLiteral("userName"), userName},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("comment"), comment}};
}

Result<AlarmStep> AlarmStep::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("alarm step"));
    AlarmStep step;
    step.timeMs = read.integer(QStringLiteral("timeMs"));
    step.userName = read.string(QStringLiteral("userName"));
    step.action = read.string(QStringLiteral("action"));
    step.comment = read.string(QStringLiteral("comment"));
    return finished(read, step);
}

QJsonObject Event::toJson() const {
    QJsonArray steps;
    for (const AlarmStep& step : trail) {
        steps.append(step.toJson());
    }
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("timeMs"), timeMs},
                       {QStringLiteral("sourceType"), sourceType},
                       {QStringLiteral("sourceId"), sourceId},
                       {QStringLiteral("sourceName"), sourceName},
                       {QStringLiteral("channelId"), channelId},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("severity"), severity},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("details"), details},
                       {QStringLiteral("alarmState"), alarmState},
                       {QStringLiteral("trail"), steps},
                       {QStringLiteral("ruleId"), ruleId}};
}

Result<Event> Event::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("event"));
    Event event;
    event.id = read.integer(QStringLiteral("id"));
    event.timeMs = read.integer(QStringLiteral("timeMs"));
    event.sourceType = read.string(QStringLiteral("sourceType"));
    event.sourceId = read.string(QStringLiteral("sourceId"));
    event.sourceName = read.string(QStringLiteral("sourceName"));
    event.channelId = read.string(QStringLiteral("channelId"));
    event.kind = read.string(QStringLiteral("kind"));
    event.severity = read.string(QStringLiteral("severity"));
    event.message = read.string(QStringLiteral("message"));
    event.details = read.object(QStringLiteral("details"));
    event.alarmState = read.string(QStringLiteral("alarmState"));
    for (const QJsonValue& value : read.array(QStringLiteral("trail"))) {
        auto step = AlarmStep::fromJson(value.toObject());
        if (!step) {
            return step.error();
        }
        event.trail.append(step.value());
    }
    event.ruleId = read.string(QStringLiteral("ruleId"));
    return finished(read, event);
}

QJsonObject AlarmCounters::toJson() const {
    return QJsonObject{{QStringLiteral("new"), fresh},
                       {QStringLiteral("acknowledged"), acknowledged},
                       {QStringLiteral("pending"), pending()},
                       {QStringLiteral("handled"), handled}};
}

Result<AlarmCounters> AlarmCounters::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("alarm counters"));
    AlarmCounters counters;
    counters.fresh = read.integer(QStringLiteral("new"));
    counters.acknowledged = read.integer(QStringLiteral("acknowledged"));
    counters.handled = read.integer(QStringLiteral("handled"));
    return finished(read, counters);
}

Result<AlarmActionRequest> AlarmActionRequest::fromRequest(const QJsonObject& json, bool commentRequired) {
    const QString context = QStringLiteral("alarm action");
    FieldReader read(json, context, FieldReader::Mode::Request);
    AlarmActionRequest request;
    const QJsonArray ids = read.array(QStringLiteral("ids"));
    if (read.has(QStringLiteral("comment")) || commentRequired) {
        request.comment = read.string(QStringLiteral("comment")).trimmed();
    }
    if (!read.finish()) {
        return read.error();
    }
    if (ids.isEmpty() || ids.size() > kMaxIds) {
        return FieldReader::badRequest(context, QStringLiteral("ids"),
                                       QStringLiteral("must list 1 to %1 alarm ids").arg(kMaxIds));
    }
    QSet<qint64> seen;
    for (const QJsonValue& value : ids) {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 1 || number != static_cast<double>(static_cast<qint64>(number))) {
            return FieldReader::badRequest(context, QStringLiteral("ids"), QStringLiteral("must hold whole positive numbers"));
        }
        if (!seen.contains(static_cast<qint64>(number))) {
            seen.insert(static_cast<qint64>(number));
            request.ids.append(static_cast<qint64>(number));
        }
    }
    if (commentRequired && request.comment.isEmpty()) {
        return FieldReader::badRequest(context, QStringLiteral("comment"), QStringLiteral("must not be empty"));
    }
    if (request.comment.size() > kMaxCommentLength) {
        return FieldReader::badRequest(context, QStringLiteral("comment"),
                                       QStringLiteral("must be at most %1 characters").arg(kMaxCommentLength));
    }
    return request;
}

Result<ManualAlarmRequest> ManualAlarmRequest::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("manual alarm");
    FieldReader read(json, context, FieldReader::Mode::Request);
    ManualAlarmRequest request;
    request.message = read.string(QStringLiteral("message")).trimmed();
    if (read.has(QStringLiteral("channelId"))) {
        request.channelId = read.string(QStringLiteral("channelId"));
    }
    request.severity = oneOf(read, QStringLiteral("severity"), EventSeverities::all(), request.severity);
    if (!read.finish()) {
        return read.error();
    }
    if (request.message.isEmpty() || request.message.size() > kMaxMessageLength) {
        return FieldReader::badRequest(context, QStringLiteral("message"),
                                       QStringLiteral("must say what happened, in 1 to %1 characters").arg(kMaxMessageLength));
    }
    return request;
}

QJsonObject EventSettings::toJson() const {
    return QJsonObject{{QStringLiteral("retentionDays"), retentionDays}};
}

Result<EventSettings> EventSettings::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("event settings"), FieldReader::Mode::Request);
    EventSettings settings;
    settings.retentionDays = read.smallInteger(QStringLiteral("retentionDays"));
    if (!read.finish()) {
        return read.error();
    }
    if (settings.retentionDays < 1 || settings.retentionDays > kMaxRetentionDays) {
        return FieldReader::badRequest(QStringLiteral("event settings"), QStringLiteral("retentionDays"),
                                       QStringLiteral("must be 1 to %1 days").arg(kMaxRetentionDays));
    }
    return settings;
}

}  // namespace vigil::core::model
