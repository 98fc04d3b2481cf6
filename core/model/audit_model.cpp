#include "model/audit_model.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

const QStringList& AuditStates::all() {
    static const QStringList kAll = {QLatin1String(kPass), QLatin1String(kFail), QLatin1String(kNotApplicable),
                                     QLatin1String(kAttested), QLatin1String(kUnknown)};
    return kAll;
}

bool AuditStates::meets(const QString& state) {
    return state == QLatin1String(kPass) || state == QLatin1String(kNotApplicable) ||
           state == QLatin1String(kAttested);
}

QJsonObject AuditItem::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("requirement"), requirement},
                       {QStringLiteral("level"), level},     {QStringLiteral("scope"), scope},
                       {QStringLiteral("kind"), kind},       {QStringLiteral("title"), title},
                       {QStringLiteral("why"), why},         {QStringLiteral("owner"), owner},
                       {QStringLiteral("fixId"), fixId},     {QStringLiteral("fixTitle"), fixTitle},
                       {QStringLiteral("checkAvailable"), checkAvailable}};
}

QJsonObject AuditFinding::toJson() const {
    return QJsonObject{{QStringLiteral("subject"), subject},
                       {QStringLiteral("subjectName"), subjectName},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("evidence"), evidence}};
}

QJsonObject Attestation::toJson() const {
    return QJsonObject{{QStringLiteral("itemId"), itemId},
                       {QStringLiteral("userName"), userName},
                       {QStringLiteral("timeMs"), timeMs},
                       {QStringLiteral("comment"), comment}};
}

QJsonObject AuditItemResult::toJson() const {
    return QJsonObject{{QStringLiteral("itemId"), itemId},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("findings"), toJsonArray(findings)},
                       {QStringLiteral("fixId"), fixId},
                       {QStringLiteral("attestation"), attestation ? QJsonValue(attestation->toJson()) : QJsonValue()}};
}

int AuditRun::count(const QString& state) const {
    int n = 0;
    for (const AuditItemResult& result : results) {
        n += result.state == state ? 1 : 0;
    }
    return n;
}

QJsonObject AuditRun::toJson(bool withResults) const {
    QJsonObject counts;
    for (const QString& state : AuditStates::all()) {
        counts.insert(state, count(state));
    }
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("startedMs"), startedMs},
                     {QStringLiteral("finishedMs"), finishedMs},
                     {QStringLiteral("level"), level},
                     {QStringLiteral("userName"), userName},
                     {QStringLiteral("met"), met},
                     {QStringLiteral("counts"), counts}};
    if (withResults) {
        json.insert(QStringLiteral("results"), toJsonArray(results));
    }
    return json;
}

QJsonObject AuditSettings::toJson() const {
    return QJsonObject{{QStringLiteral("targetLevel"), targetLevel}, {QStringLiteral("scheduleHours"), scheduleHours}};
}

Result<AuditSettings> AuditSettings::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("audit settings");
    FieldReader read(json, context, FieldReader::Mode::Request);
    AuditSettings settings;
    settings.targetLevel = read.smallInteger(QStringLiteral("targetLevel"));
    settings.scheduleHours = read.smallInteger(QStringLiteral("scheduleHours"));
    if (read.ok() && (settings.targetLevel < 0 || settings.targetLevel > 3)) {
        return FieldReader::badRequest(context, QStringLiteral("targetLevel"),
                                       QStringLiteral("must be 0 (none), 1, 2 or 3"));
    }
    if (read.ok() && (settings.scheduleHours < 0 || settings.scheduleHours > kMaxScheduleHours)) {
        return FieldReader::badRequest(context, QStringLiteral("scheduleHours"),
                                       QStringLiteral("must be 0 (no schedule) to %1 hours").arg(kMaxScheduleHours));
    }
    return finished(read, settings);
}

Result<AuditStartInput> AuditStartInput::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("audit request");
    FieldReader read(json, context, FieldReader::Mode::Request);
    AuditStartInput input;
    if (read.has(QStringLiteral("level"))) {
        input.level = read.smallInteger(QStringLiteral("level"));
        if (read.ok() && (input.level < 1 || input.level > 3)) {
            return FieldReader::badRequest(context, QStringLiteral("level"), QStringLiteral("must be 1, 2 or 3"));
        }
    }
    return finished(read, input);
}

Result<AttestationInput> AttestationInput::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("attestation");
    FieldReader read(json, context, FieldReader::Mode::Request);
    AttestationInput input;
    input.comment = read.string(QStringLiteral("comment")).trimmed();
    if (read.ok() && (input.comment.isEmpty() || input.comment.size() > kMaxCommentLength)) {
        return FieldReader::badRequest(
            context, QStringLiteral("comment"),
            QStringLiteral("must say what was confirmed and how (1 to %1 characters)").arg(kMaxCommentLength));
    }
    return finished(read, input);
}

Result<FixInput> FixInput::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("fix request");
    FieldReader read(json, context, FieldReader::Mode::Request);
    FixInput input;
    input.fixIds = read.stringList(QStringLiteral("fixIds"));
    if (read.has(QStringLiteral("backupPassphrase"))) {
        input.backupPassphrase = read.string(QStringLiteral("backupPassphrase"));
    }
    if (read.ok() && input.fixIds.isEmpty()) {
        return FieldReader::badRequest(context, QStringLiteral("fixIds"), QStringLiteral("must name at least one fix"));
    }
    input.fixIds.removeDuplicates();
    return finished(read, input);
}

QJsonObject NetworkFunction::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("provided"), provided},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("secureDefault"), secureDefault},
                       {QStringLiteral("switchable"), switchable},
                       {QStringLiteral("note"), note},
                       {QStringLiteral("confirmedBy"), confirmedBy},
                       {QStringLiteral("confirmedMs"), confirmedMs}};
}

Result<FunctionSwitchInput> FunctionSwitchInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("function switch"), FieldReader::Mode::Request);
    FunctionSwitchInput input;
    input.enabled = read.boolean(QStringLiteral("enabled"));
    return finished(read, input);
}

}  // namespace vigil::core::model
