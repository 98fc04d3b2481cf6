#include "model/account_model.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

using Mode = FieldReader::Mode;

QJsonArray toArray(const QStringList& strings) {
    return QJsonArray::fromStringList(strings);
}

User readUser(FieldReader& read) {
    User user;
    user.id = read.string(QStringLiteral("id"));
    user.userName = read.string(QStringLiteral("userName"));
    user.roleId = read.string(QStringLiteral("roleId"));
    user.enabled = read.boolean(QStringLiteral("enabled"));
    user.validFromMs = read.integer(QStringLiteral("validFromMs"));
    user.validUntilMs = read.integer(QStringLiteral("validUntilMs"));
    user.allowedAddresses = read.stringList(QStringLiteral("allowedAddresses"));
    user.memo = read.string(QStringLiteral("memo"));
    user.mustChangePassword = read.boolean(QStringLiteral("mustChangePassword"));
    user.passwordChangedMs = read.integer(QStringLiteral("passwordChangedMs"));
    user.createdMs = read.integer(QStringLiteral("createdMs"));
    user.lastLoginMs = read.integer(QStringLiteral("lastLoginMs"));
    return user;
}

Session readSession(FieldReader& read) {
    Session session;
    session.id = read.string(QStringLiteral("id"));
    session.userName = read.string(QStringLiteral("userName"));
    session.address = read.string(QStringLiteral("address"));
    session.clientKind = read.string(QStringLiteral("clientKind"));
    session.sinceMs = read.integer(QStringLiteral("sinceMs"));
    session.lastSeenMs = read.integer(QStringLiteral("lastSeenMs"));
    session.current = read.boolean(QStringLiteral("current"));
    return session;
}

SecuritySettings::Lockout readLockout(FieldReader& read) {
    SecuritySettings::Lockout lockout;
    lockout.attempts = read.smallInteger(QStringLiteral("attempts"));
    lockout.windowMs = read.integer(QStringLiteral("windowMs"));
    lockout.lockMs = read.integer(QStringLiteral("lockMs"));
    return lockout;
}

SecuritySettings::Sessions readSessionSettings(FieldReader& read) {
    SecuritySettings::Sessions sessions;
    sessions.idleTimeoutMs = read.integer(QStringLiteral("idleTimeoutMs"));
    sessions.absoluteTimeoutMs = read.integer(QStringLiteral("absoluteTimeoutMs"));
    sessions.maxPlatform = read.smallInteger(QStringLiteral("maxPlatform"));
    sessions.maxPerUser = read.smallInteger(QStringLiteral("maxPerUser"));
    return sessions;
}

SecuritySettings::Passwords readPasswords(FieldReader& read) {
    return SecuritySettings::Passwords{read.smallInteger(QStringLiteral("expiryDays"))};
}

SecuritySettings::Reset readReset(FieldReader& read) {
    return SecuritySettings::Reset{read.boolean(QStringLiteral("enabled"))};
}

SecuritySettings::Workstation readWorkstation(FieldReader& read) {
    return SecuritySettings::Workstation{read.integer(QStringLiteral("autoLockMs"))};
}

Result<SecuritySettings> readSettings(const QJsonObject& json, Mode mode) {
    FieldReader read(json, QStringLiteral("security settings"), mode);
    SecuritySettings settings;
    settings.lockout =
        nested(read, QStringLiteral("lockout"), QStringLiteral("security settings lockout"), &readLockout);
    settings.sessions = nested(read, QStringLiteral("sessions"), QStringLiteral("security settings sessions"),
                               &readSessionSettings);
    settings.passwords = nested(read, QStringLiteral("passwords"),
                                QStringLiteral("security settings passwords"), &readPasswords);
    settings.reset =
        nested(read, QStringLiteral("reset"), QStringLiteral("security settings reset"), &readReset);
    settings.workstation = nested(read, QStringLiteral("workstation"),
                                  QStringLiteral("security settings workstation"), &readWorkstation);
    return finished(read, settings);
}

// A value must lie in [low, high]; the message names the field and the range.
bool inRange(qint64 value, qint64 low, qint64 high, const char* field, const QString& unit,
             std::optional<Error>* error) {
    if (error->has_value() || (value >= low && value <= high)) {
        return true;
    }
    *error = FieldReader::badRequest(
        QStringLiteral("security settings"), QString::fromLatin1(field),
        QStringLiteral("is %1, out of range: use %2 to %3 %4").arg(value).arg(low).arg(high).arg(unit));
    return false;
}

}  // namespace

// --- User ---------------------------------------------------------------------------------------

QJsonObject User::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("userName"), userName},
                       {QStringLiteral("roleId"), roleId},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("validFromMs"), validFromMs},
                       {QStringLiteral("validUntilMs"), validUntilMs},
                       {QStringLiteral("allowedAddresses"), toArray(allowedAddresses)},
                       {QStringLiteral("memo"), memo},
                       {QStringLiteral("mustChangePassword"), mustChangePassword},
                       {QStringLiteral("passwordChangedMs"), passwordChangedMs},
                       {QStringLiteral("createdMs"), createdMs},
                       {QStringLiteral("lastLoginMs"), lastLoginMs}};
}

Result<User> User::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("user"));
    return finished(read, readUser(read));
}

// --- UserInput ----------------------------------------------------------------------------------

QJsonObject UserInput::toJson() const {
    QJsonObject json{{QStringLiteral("userName"), userName},
                     {QStringLiteral("roleId"), roleId},
                     {QStringLiteral("enabled"), enabled},
                     {QStringLiteral("validFromMs"), validFromMs},
                     {QStringLiteral("validUntilMs"), validUntilMs},
                     {QStringLiteral("allowedAddresses"), toArray(allowedAddresses)},
                     {QStringLiteral("memo"), memo},
                     {QStringLiteral("mustChangePassword"), mustChangePassword}};
    if (!password.isEmpty()) {
        json.insert(QStringLiteral("password"), password);
    }
    return json;
}

Result<UserInput> UserInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("user"), Mode::Request);
    UserInput input;
    // Every field is optional here; the route decides which it needs (POST: userName and password).
    auto note = [&](const char* field) {
        const QString name = QString::fromLatin1(field);
        const bool present = read.has(name);
        if (present) {
            input.present.insert(name);
        }
        return present;
    };
    if (note("userName")) {
        input.userName = read.string(QStringLiteral("userName"));
    }
    if (note("roleId")) {
        input.roleId = read.string(QStringLiteral("roleId"));
    }
    if (note("enabled")) {
        input.enabled = read.boolean(QStringLiteral("enabled"));
    }
    if (note("validFromMs")) {
        input.validFromMs = read.integer(QStringLiteral("validFromMs"));
    }
    if (note("validUntilMs")) {
        input.validUntilMs = read.integer(QStringLiteral("validUntilMs"));
    }
    if (note("allowedAddresses")) {
        input.allowedAddresses = read.stringList(QStringLiteral("allowedAddresses"));
    }
    if (note("memo")) {
        input.memo = read.string(QStringLiteral("memo"));
    }
    if (note("mustChangePassword")) {
        input.mustChangePassword = read.boolean(QStringLiteral("mustChangePassword"));
    }
    if (note("password")) {
        input.password = read.string(QStringLiteral("password"));
    }
    return finished(read, input);
}

// --- Role ---------------------------------------------------------------------------------------

QJsonObject Role::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("builtin"), builtin},
                       {QStringLiteral("permissions"), toArray(permissions)},
                       {QStringLiteral("allChannels"), allChannels},
                       {QStringLiteral("channels"), toArray(channels)}};
}

Result<Role> Role::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("role"));
    Role role;
    role.id = read.string(QStringLiteral("id"));
    role.name = read.string(QStringLiteral("name"));
    role.builtin = read.boolean(QStringLiteral("builtin"));
    role.permissions = read.stringList(QStringLiteral("permissions"));
    role.allChannels = read.boolean(QStringLiteral("allChannels"));
    role.channels = read.stringList(QStringLiteral("channels"));
    return finished(read, role);
}

QJsonObject RoleInput::toJson() const {
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("permissions"), toArray(permissions)},
                       {QStringLiteral("allChannels"), allChannels},
                       {QStringLiteral("channels"), toArray(channels)}};
}

Result<RoleInput> RoleInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("role"), Mode::Request);
    RoleInput input;
    input.name = read.string(QStringLiteral("name"));
    input.permissions = read.stringList(QStringLiteral("permissions"));
    input.allChannels = read.boolean(QStringLiteral("allChannels"));
    input.channels = read.stringList(QStringLiteral("channels"));
    return finished(read, input);
}

// --- Session and LogEntry -----------------------------------------------------------------------

QJsonObject Session::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("userName"), userName},
                       {QStringLiteral("address"), address}, {QStringLiteral("clientKind"), clientKind},
                       {QStringLiteral("sinceMs"), sinceMs}, {QStringLiteral("lastSeenMs"), lastSeenMs},
                       {QStringLiteral("current"), current}};
}

Result<Session> Session::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("session"));
    return finished(read, readSession(read));
}

const QStringList& LogEntry::kinds() {
    static const QStringList kKinds = {
        QStringLiteral("login"),
        QStringLiteral("login_failed"),
        QStringLiteral("lockout"),
        QStringLiteral("logout"),
        QStringLiteral("session_ended"),
        QStringLiteral("session_expired"),
        QStringLiteral("user_created"),
        QStringLiteral("user_changed"),
        QStringLiteral("user_deleted"),
        QStringLiteral("role_created"),
        QStringLiteral("role_changed"),
        QStringLiteral("role_deleted"),
        QStringLiteral("password_changed"),
        QStringLiteral("setting_changed"),
        QStringLiteral("filter_changed"),
        QStringLiteral("password_reset"),
        QStringLiteral("setup"),
        QStringLiteral("service_control"),
        QStringLiteral("backup"),         // server/backup: made, uploaded, deleted, schedule (SEC-2.7)
        QStringLiteral("restore"),        // configuration restored or refused (SEC-2.7)
        QStringLiteral("factory_reset"),  // restore factory defaults (SEC-1.1)
        QStringLiteral("update"),         // update manifest imported (SEC-1.4)
    };
    return kKinds;
}

QJsonObject LogEntry::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("timeMs"), timeMs},
                       {QStringLiteral("kind"), kind},       {QStringLiteral("userName"), userName},
                       {QStringLiteral("address"), address}, {QStringLiteral("target"), target},
                       {QStringLiteral("detail"), detail}};
}

Result<LogEntry> LogEntry::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("security log entry"));
    LogEntry entry;
    entry.id = read.integer(QStringLiteral("id"));
    entry.timeMs = read.integer(QStringLiteral("timeMs"));
    entry.kind = read.string(QStringLiteral("kind"));
    entry.userName = read.string(QStringLiteral("userName"));
    entry.address = read.string(QStringLiteral("address"));
    entry.target = read.string(QStringLiteral("target"));
    entry.detail = read.string(QStringLiteral("detail"));
    return finished(read, entry);
}

// --- SecuritySettings ---------------------------------------------------------------------------

Status SecuritySettings::validate() const {
    const QString ms = QStringLiteral("milliseconds");
    std::optional<Error> error;
    inRange(lockout.attempts, 1, kMaxAttempts, "lockout.attempts", QStringLiteral("failures"), &error);
    inRange(lockout.windowMs, kMinDurationMs, kMaxWindowMs, "lockout.windowMs", ms, &error);
    inRange(lockout.lockMs, kMinDurationMs, kMaxLockMs, "lockout.lockMs", ms, &error);
    inRange(sessions.idleTimeoutMs, kMinDurationMs, kMaxIdleTimeoutMs, "sessions.idleTimeoutMs", ms, &error);
    inRange(sessions.absoluteTimeoutMs, sessions.idleTimeoutMs, kMaxAbsoluteTimeoutMs,
            "sessions.absoluteTimeoutMs", ms, &error);
    inRange(sessions.maxPlatform, 1, kMaxSessions, "sessions.maxPlatform", QStringLiteral("sessions"),
            &error);
    inRange(sessions.maxPerUser, 1, sessions.maxPlatform, "sessions.maxPerUser", QStringLiteral("sessions"),
            &error);
    inRange(passwords.expiryDays, 0, kMaxExpiryDays, "passwords.expiryDays",
            QStringLiteral("days (0: never)"), &error);
    inRange(workstation.autoLockMs, 0, kMaxAutoLockMs, "workstation.autoLockMs",
            QStringLiteral("ms (0: never)"), &error);
    if (error) {
        return *error;
    }
    return {};
}

QJsonObject SecuritySettings::toJson() const {
    return QJsonObject{
        {QStringLiteral("lockout"), QJsonObject{{QStringLiteral("attempts"), lockout.attempts},
                                                {QStringLiteral("windowMs"), lockout.windowMs},
                                                {QStringLiteral("lockMs"), lockout.lockMs}}},
        {QStringLiteral("sessions"),
         QJsonObject{{QStringLiteral("idleTimeoutMs"), sessions.idleTimeoutMs},
                     {QStringLiteral("absoluteTimeoutMs"), sessions.absoluteTimeoutMs},
                     {QStringLiteral("maxPlatform"), sessions.maxPlatform},
                     {QStringLiteral("maxPerUser"), sessions.maxPerUser}}},
        {QStringLiteral("passwords"), QJsonObject{{QStringLiteral("expiryDays"), passwords.expiryDays}}},
        {QStringLiteral("reset"), QJsonObject{{QStringLiteral("enabled"), reset.enabled}}},
        {QStringLiteral("workstation"), QJsonObject{{QStringLiteral("autoLockMs"), workstation.autoLockMs}}},
    };
}

Result<SecuritySettings> SecuritySettings::fromJson(const QJsonObject& json) {
    return readSettings(json, Mode::Response);
}

Result<SecuritySettings> SecuritySettings::fromRequest(const QJsonObject& json) {
    auto settings = readSettings(json, Mode::Request);
    if (!settings) {
        return settings;
    }
    if (Status valid = settings->validate(); !valid) {
        return valid.error();
    }
    return settings;
}

// --- Setup --------------------------------------------------------------------------------------

QJsonObject SetupRequest::toJson() const {
    QJsonArray questionArray;
    for (const SecurityQuestion& question : questions) {
        questionArray.append(QJsonObject{{QStringLiteral("question"), question.question},
                                         {QStringLiteral("answer"), question.answer}});
    }
    return QJsonObject{{QStringLiteral("userName"), userName},
                       {QStringLiteral("password"), password},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("questions"), questionArray}};
}

Result<SetupRequest> SetupRequest::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("setup request");
    FieldReader read(json, context, Mode::Request);
    SetupRequest request;
    request.userName = read.string(QStringLiteral("userName"));
    request.password = read.string(QStringLiteral("password"));
    request.email = read.string(QStringLiteral("email"));
    const QJsonArray questionArray = read.array(QStringLiteral("questions"));
    if (read.ok() && questionArray.size() != kQuestionCount) {
        read.failWith(FieldReader::badRequest(
            context, QStringLiteral("questions"),
            QStringLiteral("holds %1 entries; give exactly %2 questions with their answers")
                .arg(questionArray.size())
                .arg(kQuestionCount)));
    }
    for (qsizetype i = 0; read.ok() && i < questionArray.size(); ++i) {
        const QString name = QStringLiteral("questions[%1]").arg(i);
        if (!questionArray.at(i).isObject()) {
            read.fail(name, QStringLiteral("an object {\"question\", \"answer\"}"), questionArray.at(i));
            break;
        }
        FieldReader readQuestion(questionArray.at(i).toObject(), context + QLatin1Char(' ') + name,
                                 Mode::Request);
        SecurityQuestion question{readQuestion.string(QStringLiteral("question")),
                                  readQuestion.string(QStringLiteral("answer"))};
        if (readQuestion.ok() &&
            (question.question.trimmed().isEmpty() || question.answer.trimmed().isEmpty())) {
            readQuestion.failWith(FieldReader::badRequest(
                context, name, QStringLiteral("has an empty question or answer; fill in both")));
        }
        if (!readQuestion.finish()) {
            read.failWith(readQuestion.error());
            break;
        }
        request.questions.append(question);
    }
    return finished(read, request);
}

QJsonObject SetupStatus::toJson() const {
    return QJsonObject{{QStringLiteral("initialised"), initialised},
                       {QStringLiteral("passwordRules"), passwordRules}};
}

Result<SetupStatus> SetupStatus::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("setup status"));
    SetupStatus status;
    status.initialised = read.boolean(QStringLiteral("initialised"));
    status.passwordRules = read.string(QStringLiteral("passwordRules"));
    return finished(read, status);
}

// --- Login --------------------------------------------------------------------------------------

const QStringList& LoginRequest::clientKinds() {
    static const QStringList kKinds = {QStringLiteral("workstation"), QStringLiteral("web"),
                                       QStringLiteral("server")};
    return kKinds;
}

QJsonObject LoginRequest::toJson() const {
    return QJsonObject{{QStringLiteral("userName"), userName},
                       {QStringLiteral("password"), password},
                       {QStringLiteral("clientKind"), clientKind}};
}

Result<LoginRequest> LoginRequest::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("login request");
    FieldReader read(json, context, Mode::Request);
    LoginRequest request;
    request.userName = read.string(QStringLiteral("userName"));
    request.password = read.string(QStringLiteral("password"));
    request.clientKind = read.string(QStringLiteral("clientKind"));
    if (read.ok() && !clientKinds().contains(request.clientKind)) {
        read.failWith(FieldReader::badRequest(
            context, QStringLiteral("clientKind"),
            QStringLiteral("is \"%1\"; use one of: %2").arg(request.clientKind, clientKinds().join(u", "))));
    }
    return finished(read, request);
}

QJsonObject LoginResponse::toJson() const {
    return QJsonObject{{QStringLiteral("token"), token},
                       {QStringLiteral("expiresMs"), expiresMs},
                       {QStringLiteral("idleTimeoutMs"), idleTimeoutMs},
                       {QStringLiteral("autoLockMs"), autoLockMs},
                       {QStringLiteral("mustChangePassword"), mustChangePassword},
                       {QStringLiteral("user"), user.toJson()},
                       {QStringLiteral("permissions"), toArray(permissions)}};
}

Result<LoginResponse> LoginResponse::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("login answer"));
    LoginResponse response;
    response.token = read.string(QStringLiteral("token"));
    response.expiresMs = read.integer(QStringLiteral("expiresMs"));
    response.idleTimeoutMs = read.integer(QStringLiteral("idleTimeoutMs"));
    response.autoLockMs = read.integer(QStringLiteral("autoLockMs"));
    response.mustChangePassword = read.boolean(QStringLiteral("mustChangePassword"));
    response.user = nested(read, QStringLiteral("user"), QStringLiteral("login answer's user"), &readUser);
    response.permissions = read.stringList(QStringLiteral("permissions"));
    return finished(read, response);
}

QJsonObject MeResponse::toJson() const {
    return QJsonObject{{QStringLiteral("user"), user.toJson()},
                       {QStringLiteral("permissions"), toArray(permissions)},
                       {QStringLiteral("session"), session.toJson()},
                       {QStringLiteral("autoLockMs"), autoLockMs}};
}

Result<MeResponse> MeResponse::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("current session"));
    MeResponse me;
    me.user = nested(read, QStringLiteral("user"), QStringLiteral("current session's user"), &readUser);
    me.permissions = read.stringList(QStringLiteral("permissions"));
    me.session =
        nested(read, QStringLiteral("session"), QStringLiteral("current session's session"), &readSession);
    me.autoLockMs = read.integer(QStringLiteral("autoLockMs"));
    return finished(read, me);
}

QJsonObject PasswordChangeRequest::toJson() const {
    return QJsonObject{{QStringLiteral("currentPassword"), currentPassword},
                       {QStringLiteral("newPassword"), newPassword}};
}

Result<PasswordChangeRequest> PasswordChangeRequest::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("password change request"), Mode::Request);
    PasswordChangeRequest request;
    request.currentPassword = read.string(QStringLiteral("currentPassword"));
    request.newPassword = read.string(QStringLiteral("newPassword"));
    return finished(read, request);
}

}  // namespace vigil::core::model
