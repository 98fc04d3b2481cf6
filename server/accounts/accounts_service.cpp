#include "accounts/accounts_service.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include "accounts/accounts_logging.h"
#include "accounts/address_filter_settings.h"
#include "accounts/smtp_settings_document.h"
#include "engine/settings_repository.h"
#include "model/json_fields.h"
#include "model/permissions.h"
#include "net/address_filter.h"
#include "security/password_policy.h"
#include "security/session_token.h"
#include "store/database.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::LogEntry;
using core::model::Permissions;
using core::model::Role;
using core::model::SecuritySettings;
using core::model::User;
using core::security::PasswordHasher;
using core::security::PasswordPolicy;
using core::security::SessionToken;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

QString addressText(const QHostAddress& address) {
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; people know it as a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString timeText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

Error badRequest(const QString& context, const QString& field, const QString& problem) {
    return core::model::FieldReader::badRequest(context, field, problem);
}

Error notFound(const char* code, const QString& what, const QString& id) {
    return Error::make(QString::fromLatin1(code),
                       QStringLiteral("There is no %1 with the id \"%2\". Reload the list; it may have been "
                                      "deleted.")
                           .arg(what, id));
}

// Security-question answers compare ignoring case and spacing, as people retype them differently.
QString normalisedAnswer(const QString& answer) {
    return answer.simplified().toCaseFolded();
}

Status checkUserName(const QString& userName, const QString& context) {
    const bool blankEnds = userName != userName.trimmed();
    const bool controls = std::any_of(userName.cbegin(), userName.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    if (userName.isEmpty() || userName.size() > AccountsService::kMaxUserNameLength || blankEnds ||
        controls) {
        return badRequest(context, QStringLiteral("userName"),
                          QStringLiteral("must be 1 to %1 characters, without blanks at either end or "
                                         "control characters")
                              .arg(AccountsService::kMaxUserNameLength));
    }
    return {};
}

Status checkEmail(const QString& email) {
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    const bool shaped = at > 0 && at == email.lastIndexOf(QLatin1Char('@')) && at < email.size() - 1 &&
                        email.indexOf(QLatin1Char('.'), at) > at + 1 && email.size() <= 254 &&
                        !std::any_of(email.cbegin(), email.cend(), [](QChar c) { return c.isSpace(); });
    if (!shaped) {
        return badRequest(QStringLiteral("setup request"), QStringLiteral("email"),
                          QStringLiteral("is not an e-mail address; give one like name@example.com"));
    }
    return {};
}

}  // namespace

Actor Actor::of(const RouteRequest& request) {
    Actor actor;
    actor.address = request.address;
    if (request.caller) {
        actor.userName = request.caller->userName;
        actor.sessionId = request.caller->sessionId;
    }
    return actor;
}

AccountsService::AccountsService(core::store::Database& db, SettingsRepository& settings,
                                 const core::Clock& clock, core::security::Argon2Parameters hashing,
                                 QObject* parent)
    : Service(QStringLiteral("accounts"), QStringLiteral("Accounts"), parent),
      m_db(db),
      m_settingsStore(settings),
      m_clock(clock),
      m_hasher(hashing),
      m_lockout(clock),
      m_users(db),
      m_roles(db),
      m_sessions(db),
      m_log(db),
      m_resetCodes(db) {
    loadSettings();
    loadAddressFilter();
    loadSmtpSettings();
    auto initialised = m_settingsStore.value(QString::fromLatin1(kInitialisedKey));
    m_initialised = initialised && initialised.value().has_value();
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &AccountsService::expireSessions);
}

AccountsService::~AccountsService() = default;

Status AccountsService::doStart() {
    m_running = true;
    m_sweep.start();
    expireSessions();
    return {};
}

void AccountsService::doStop() {
    m_sweep.stop();
    m_running = false;
}

Status AccountsService::available() const {
    if (m_running) {
        return {};
    }
    return Error::make(QStringLiteral("accounts_unavailable"),
                       QStringLiteral("The accounts service is not running, so nobody can log in or be "
                                      "checked. Start it from the services list on the server."));
}

// --- settings -----------------------------------------------------------------------------------

void AccountsService::loadSettings() {
    auto stored = m_settingsStore.value(QString::fromLatin1(kSettingsKey));
    if (stored && stored.value()) {
        auto parsed = SecuritySettings::fromJson(QJsonDocument::fromJson(stored.value()->toUtf8()).object());
        if (parsed && parsed->validate()) {
            m_settings = parsed.value();
        } else {
            qCWarning(lcAccounts) << "stored security settings are unreadable; using the defaults until they "
                                     "are saved again";
        }
    }
    applySettings();
}

void AccountsService::applySettings() {
    core::security::LockoutPolicy policy = m_lockout.policy();
    policy.maxFailures = m_settings.lockout.attempts;
    policy.windowMs = m_settings.lockout.windowMs;
    policy.lockMs = m_settings.lockout.lockMs;
    if (Status applied = m_lockout.setPolicy(policy); !applied) {
        qCWarning(lcAccounts).noquote() << applied.error().message;
    }
}

Status AccountsService::setSecuritySettings(const Actor& actor, const SecuritySettings& settings) {
    if (Status valid = settings.validate(); !valid) {
        return valid;
    }
    const QString text = QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact));
    if (Status saved = m_settingsStore.setValue(QString::fromLatin1(kSettingsKey), text); !saved) {
        return saved;
    }
    const QString before =
        QString::fromUtf8(QJsonDocument(m_settings.toJson()).toJson(QJsonDocument::Compact));
    m_settings = settings;
    applySettings();
    log(QStringLiteral("setting_changed"), actor, QStringLiteral("security"),
        QStringLiteral("from %1 to %2").arg(before, text));
    expireSessions();  // shorter timeouts apply to running sessions at once
    return {};
}

void AccountsService::loadAddressFilter() {
    auto stored = m_settingsStore.value(QString::fromLatin1(kAddressFilterKey));
    if (!stored || !stored.value()) {
        return;
    }
    auto filter = AddressFilterSettings::fromStored(*stored.value());
    if (!filter) {
        // Refusing everyone would lock the administrators out too; loopback stays open either way,
        // but say loudly that the filter is not in force.
        qCCritical(lcAccounts).noquote() << filter.error().message << "The address filter is off until then.";
        return;
    }
    m_addressFilter = filter.value();
}

Status AccountsService::setAddressFilter(const Actor& actor, const core::net::AddressFilter& filter,
                                         bool confirm) {
    if (Status safe = AddressFilterSettings::checkSelfLockOut(filter, actor.address, confirm); !safe) {
        return safe;
    }
    const QString text = AddressFilterSettings::toStored(filter);
    if (Status saved = m_settingsStore.setValue(QString::fromLatin1(kAddressFilterKey), text); !saved) {
        return saved;
    }
    const QString before = AddressFilterSettings::toStored(m_addressFilter);
    m_addressFilter = filter;
    log(QStringLiteral("filter_changed"), actor, QStringLiteral("address_filter"),
        QStringLiteral("from %1 to %2%3")
            .arg(before, text,
                 confirm && filter.wouldLockOut(actor.address)
                     ? QStringLiteral(" (confirmed although it refuses the changer's address)")
                     : QString()));
    emit addressFilterChanged();
    return {};
}

// --- the security log ---------------------------------------------------------------------------

void AccountsService::log(const QString& kind, const QString& userName, const QHostAddress& address,
                          const QString& target, const QString& detail) {
    LogEntry entry{
        0,      m_clock.nowMs(), kind, userName, address.isNull() ? QString() : addressText(address),
        target, detail};
    qCInfo(lcAccounts).noquote() << kind << "user" << userName << "from" << entry.address << "target"
                                 << target << "-" << detail;
    if (Status appended = m_log.append(entry); !appended) {
        // The event still happened; say loudly that the log missed it.
        qCCritical(lcAccounts).noquote() << "security log write failed:" << appended.error().message;
        return;
    }
    emit logged(entry);
}

void AccountsService::log(const QString& kind, const Actor& actor, const QString& target,
                          const QString& detail) {
    log(kind, actor.userName, actor.address, target, detail);
}

Result<LogPage> AccountsService::searchLog(const LogQuery& query) const {
    return m_log.search(query);
}

// --- initialisation -----------------------------------------------------------------------------

core::model::SetupStatus AccountsService::setupStatus() const {
    return core::model::SetupStatus{m_initialised, PasswordPolicy::rulesSummary()};
}

Result<User> AccountsService::setup(const core::model::SetupRequest& request, const QHostAddress& address) {
    if (m_initialised) {
        return Error::make(
            QStringLiteral("already_initialised"),
            QStringLiteral("This platform is initialised already. Log in with an administrator "
                           "account instead."));
    }
    if (Status status = available(); !status) {
        return status.error();
    }
    Status valid = checkUserName(request.userName, QStringLiteral("setup request"));
    if (valid) {
        valid = PasswordPolicy::enforce(request.password, request.userName);
    }
    if (valid) {
        valid = checkEmail(request.email);
    }
    if (!valid) {
        return valid.error();
    }
    auto hash = m_hasher.hash(request.password);
    if (!hash) {
        return hash.error();
    }
    QList<StoredQuestion> questions;
    for (const auto& question : request.questions) {
        auto answerHash = m_hasher.hash(normalisedAnswer(question.answer));
        if (!answerHash) {
            return answerHash.error();
        }
        questions.append(StoredQuestion{question.question.trimmed(), answerHash.value()});
    }
    const qint64 now = m_clock.nowMs();
    StoredUser admin;
    admin.user.id = newId();
    admin.user.userName = request.userName;
    admin.user.roleId = QString::fromLatin1(Permissions::kAdministrator);
    admin.user.passwordChangedMs = now;
    admin.user.createdMs = now;
    admin.passwordHash = hash.value();

    core::store::Transaction transaction(m_db);
    Status stored = transaction.status();
    if (stored) {
        stored = m_users.insert(admin);
    }
    if (stored) {
        stored = m_users.saveRecovery(admin.user.id, request.email.trimmed(), questions);
    }
    if (stored) {
        stored = m_settingsStore.setValue(QString::fromLatin1(kInitialisedKey), QString::number(now));
    }
    if (stored) {
        stored = transaction.commit();
    }
    if (!stored) {
        return stored.error();
    }
    m_initialised = true;
    log(QStringLiteral("setup"), request.userName, address, request.userName,
        QStringLiteral("platform initialised; administrator created with %1 security questions")
            .arg(questions.size()));
    return admin.user;
}

// --- login --------------------------------------------------------------------------------------

Error AccountsService::loginFailed() const {
    // One answer for every refusal, so it tells an attacker nothing (SEC-1.7).
    return Error::make(
        QStringLiteral("login_failed"),
        QStringLiteral("The user name or password is wrong, or the account cannot log in now. "
                       "Check both and try again; after repeated failures the account and this "
                       "address are locked for a while."));
}

void AccountsService::spendVerifyTime(const std::optional<StoredUser>& stored,
                                      const QString& password) const {
    if (stored) {
        (void)m_hasher.verify(password, stored->passwordHash);
    } else {
        m_hasher.dummyVerify(password);
    }
}

Error AccountsService::recordLoginFailure(const QString& userName, const QHostAddress& address,
                                          const QString& why) {
    using core::security::FailureOutcome;
    log(QStringLiteral("login_failed"), userName, address, userName, why);
    const FailureOutcome outcome = m_lockout.recordFailure(userName, address);
    const qint64 until = m_clock.nowMs() + m_settings.lockout.lockMs;
    if (outcome == FailureOutcome::AccountLocked || outcome == FailureOutcome::AccountAndAddressLocked) {
        log(QStringLiteral("lockout"), userName, address, userName,
            QStringLiteral("account locked until %1 after %2 failed logins")
                .arg(timeText(until))
                .arg(m_settings.lockout.attempts));
    }
    if (outcome == FailureOutcome::AddressLocked || outcome == FailureOutcome::AccountAndAddressLocked) {
        log(QStringLiteral("lockout"), userName, address, addressText(address),
            QStringLiteral("address locked until %1 after %2 failed logins")
                .arg(timeText(until))
                .arg(m_settings.lockout.attempts));
    }
    return loginFailed();
}

QString AccountsService::refusalFor(const User& user, const QHostAddress& address, qint64 nowMs) const {
    if (!user.enabled) {
        return QStringLiteral("refused: the account is disabled");
    }
    if (user.validFromMs > 0 && nowMs < user.validFromMs) {
        return QStringLiteral("refused: the account is valid from %1").arg(timeText(user.validFromMs));
    }
    if (user.validUntilMs > 0 && nowMs >= user.validUntilMs) {
        return QStringLiteral("refused: the account expired at %1").arg(timeText(user.validUntilMs));
    }
    if (user.allowedAddresses.isEmpty()) {
        return {};
    }
    for (const QString& entry : user.allowedAddresses) {
        auto range = core::net::AddressRange::parse(entry);
        if (range && range->contains(address)) {
            return {};
        }
    }
    return QStringLiteral("refused: %1 is not among the account's allowed addresses")
        .arg(addressText(address));
}

Result<core::model::LoginResponse> AccountsService::login(const core::model::LoginRequest& request,
                                                          const QHostAddress& address) {
    if (!m_initialised) {
        return Error::make(
            QStringLiteral("not_initialised"),
            QStringLiteral("This platform is not initialised yet. Initialise it first: choose the "
                           "administrator's name and password."));
    }
    if (Status status = available(); !status) {
        return status.error();
    }
    auto found = m_users.findByName(request.userName);
    if (!found) {
        return found.error();
    }
    const std::optional<StoredUser>& stored = found.value();
    // The lock is checked before the password is looked at, and the hasher runs anyway, so a locked
    // login answers the same, in the same time, whether the password was right or not (SEC-1.7).
    qint64 lockedUntil = 0;
    if (m_lockout.isLocked(request.userName, address, &lockedUntil)) {
        spendVerifyTime(stored, request.password);
        log(QStringLiteral("login_failed"), request.userName, address, request.userName,
            QStringLiteral("refused without checking the password: locked until %1")
                .arg(timeText(lockedUntil)));
        return loginFailed();
    }
    if (!stored) {
        m_hasher.dummyVerify(request.password);
        return recordLoginFailure(request.userName, address, QStringLiteral("unknown user name"));
    }
    auto verified = m_hasher.verify(request.password, stored->passwordHash);
    if (!verified) {
        qCCritical(lcAccounts).noquote() << "password hash of" << stored->user.userName
                                         << "cannot be checked:" << verified.error().message;
        return recordLoginFailure(
            request.userName, address,
            QStringLiteral("the stored password hash cannot be checked: %1").arg(verified.error().message));
    }
    if (!verified->ok) {
        return recordLoginFailure(request.userName, address, QStringLiteral("wrong password"));
    }
    const QString refusal = refusalFor(stored->user, address, m_clock.nowMs());
    if (!refusal.isEmpty()) {
        log(QStringLiteral("login_failed"), request.userName, address, stored->user.userName, refusal);
        return loginFailed();
    }
    m_lockout.recordSuccess(request.userName, address);
    StoredUser user = stored.value();
    if (verified->needsRehash) {
        // The only moment the plaintext is at hand: store it under today's parameters.
        auto rehashed = m_hasher.hash(request.password);
        if (rehashed && m_users.setHash(user.user.id, rehashed.value())) {
            user.passwordHash = rehashed.value();
            qCInfo(lcAccounts).noquote() << "password hash of" << user.user.userName << "upgraded";
        }
    }
    return openSession(std::move(user), request.clientKind, address);
}

Status AccountsService::checkSessionLimits(const StoredUser& stored, const QHostAddress& address) {
    expireSessions();
    auto platform = m_sessions.count();
    if (!platform) {
        return platform.error();
    }
    auto own = m_sessions.countForUser(stored.user.id);
    if (!own) {
        return own.error();
    }
    QString message;
    if (platform.value() >= m_settings.sessions.maxPlatform) {
        message = QStringLiteral(
                      "The server has reached its limit of %1 sessions. Ask someone to log out, or an "
                      "administrator to end unused sessions or raise the limit.")
                      .arg(m_settings.sessions.maxPlatform);
    } else if (own.value() >= m_settings.sessions.maxPerUser) {
        message = QStringLiteral(
                      "This account already has %1 sessions, its limit. Log out elsewhere first, or "
                      "ask an administrator to end one.")
                      .arg(m_settings.sessions.maxPerUser);
    }
    if (message.isEmpty()) {
        return {};
    }
    log(QStringLiteral("login_failed"), stored.user.userName, address, stored.user.userName,
        QStringLiteral("refused: session limit. %1").arg(message));
    return Error::make(QStringLiteral("session_limit"), message);
}

Result<core::model::LoginResponse> AccountsService::openSession(StoredUser stored, const QString& clientKind,
                                                                const QHostAddress& address) {
    if (Status limits = checkSessionLimits(stored, address); !limits) {
        return limits.error();
    }
    const qint64 now = m_clock.nowMs();
    User& user = stored.user;
    const int expiryDays = m_settings.passwords.expiryDays;
    if (expiryDays > 0 && !user.mustChangePassword && now >= user.passwordChangedMs + expiryDays * kDayMs) {
        user.mustChangePassword = true;
        if (Status saved = m_users.setMustChangePassword(user.id, true); !saved) {
            return saved.error();
        }
    }
    auto token = SessionToken::generate();
    if (!token) {
        return token.error();
    }
    auto permissions = permissionsOf(user.roleId);
    if (!permissions) {
        return permissions.error();
    }
    StoredSession session;
    session.id = newId();
    session.tokenHash = SessionToken::hashForStorage(token.value());
    session.userId = user.id;
    session.userName = user.userName;
    session.address = addressText(address);
    session.clientKind = clientKind;
    session.sinceMs = now;
    session.lastSeenMs = now;
    session.expiresMs = now + m_settings.sessions.absoluteTimeoutMs;
    Status saved = m_sessions.insert(session);
    if (saved) {
        saved = m_users.setLastLogin(user.id, now);
    }
    if (!saved) {
        return saved.error();
    }
    user.lastLoginMs = now;
    log(QStringLiteral("login"), user.userName, address, session.id,
        QStringLiteral("%1 session opened%2")
            .arg(clientKind,
                 user.mustChangePassword ? QStringLiteral("; the password must be changed") : QString()));
    core::model::LoginResponse response;
    response.token = token.value();
    response.expiresMs = session.expiresMs;
    response.idleTimeoutMs = m_settings.sessions.idleTimeoutMs;
    // Every user's workstation locks itself, so the setting travels with the session, not only to
    // those allowed to read the security settings.
    response.autoLockMs = m_settings.workstation.autoLockMs;
    response.mustChangePassword = user.mustChangePassword;
    response.user = user;
    response.permissions = permissions.value();
    return response;
}

// --- sessions -----------------------------------------------------------------------------------

Result<QStringList> AccountsService::permissionsOf(const QString& roleId) const {
    auto role = m_roles.find(roleId);
    if (!role) {
        return role.error();
    }
    return role.value() ? role.value()->permissions : QStringList();
}

Result<Caller> AccountsService::authenticate(const QString& token, const QHostAddress& address) {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto unauthenticated = [](const QString& why) {
        return Error::make(QStringLiteral("unauthenticated"),
                           QStringLiteral("%1 Log in again and send the token as \"Authorization: Bearer "
                                          "<token>\".")
                               .arg(why));
    };
    if (token.isEmpty()) {
        return unauthenticated(QStringLiteral("This needs a session, and the request has no token."));
    }
    if (!SessionToken::isWellFormed(token)) {
        return unauthenticated(QStringLiteral("The token is not one this server makes."));
    }
    auto found = m_sessions.findByTokenHash(SessionToken::hashForStorage(token));
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return unauthenticated(QStringLiteral("The session has ended or never existed."));
    }
    const StoredSession& session = *found.value();
    const qint64 now = m_clock.nowMs();
    if (now >= session.expiresMs || now - session.lastSeenMs > m_settings.sessions.idleTimeoutMs) {
        endSessions({session}, QString::fromLatin1(kReasonExpired), QStringLiteral("session_expired"),
                    Actor{QString(), address, QString()});
        return unauthenticated(QStringLiteral("The session has timed out."));
    }
    auto user = m_users.findById(session.userId);
    if (!user) {
        return user.error();
    }
    if (!user.value() || !refusalFor(user.value()->user, address, now).isEmpty()) {
        endSessions({session}, QString::fromLatin1(kReasonUserDisabled), QStringLiteral("session_ended"),
                    Actor{QString(), address, QString()});
        return unauthenticated(QStringLiteral("The account can no longer use this session."));
    }
    auto permissions = permissionsOf(user.value()->user.roleId);
    if (!permissions) {
        return permissions.error();
    }
    if (Status touched = m_sessions.touch(session.id, now); !touched) {
        return touched.error();
    }
    return Caller{session.id, session.userId, user.value()->user.userName, permissions.value(),
                  user.value()->user.mustChangePassword};
}

QStringList AccountsService::sessionPermissions(const QString& sessionId) const {
    auto session = m_sessions.findById(sessionId);
    if (!session || !session.value()) {
        return {};
    }
    auto user = m_users.findById(session.value()->userId);
    if (!user || !user.value()) {
        return {};
    }
    auto permissions = permissionsOf(user.value()->user.roleId);
    return permissions ? permissions.value() : QStringList();
}

void AccountsService::endSessions(const QList<StoredSession>& sessions, const QString& reason,
                                  const QString& kind, const Actor& actor) {
    for (const StoredSession& session : sessions) {
        if (Status removed = m_sessions.remove(session.id); !removed) {
            qCWarning(lcAccounts).noquote()
                << "cannot end session" << session.id << ":" << removed.error().message;
            continue;
        }
        const QString who = actor.userName.isEmpty() ? session.userName : actor.userName;
        const QHostAddress from = actor.address.isNull() ? QHostAddress(session.address) : actor.address;
        log(kind, who, from, session.id,
            QStringLiteral("session of %1 from %2 (%3) ended: %4")
                .arg(session.userName, session.address, session.clientKind, reason));
        emit sessionEnded(session.id, reason);
    }
}

void AccountsService::endUserSessions(const QString& userId, const QString& reason, const Actor& actor,
                                      const QString& keepSessionId) {
    auto sessions = m_sessions.listForUser(userId);
    if (!sessions) {
        return;
    }
    QList<StoredSession> ending;
    for (const StoredSession& session : sessions.value()) {
        if (session.id != keepSessionId) {
            ending.append(session);
        }
    }
    endSessions(ending, reason, QStringLiteral("session_ended"), actor);
}

void AccountsService::expireSessions() {
    auto sessions = m_sessions.list();
    if (!sessions) {
        return;
    }
    const qint64 now = m_clock.nowMs();
    QList<StoredSession> expired;
    for (const StoredSession& session : sessions.value()) {
        if (now >= session.expiresMs || now - session.lastSeenMs > m_settings.sessions.idleTimeoutMs) {
            expired.append(session);
        }
    }
    endSessions(expired, QString::fromLatin1(kReasonExpired), QStringLiteral("session_expired"), Actor{});
}

void AccountsService::endAllSessions(const QString& reason, const Actor& actor) {
    auto sessions = m_sessions.list();
    if (sessions) {
        endSessions(sessions.value(), reason, QStringLiteral("session_ended"), actor);
    }
}

void AccountsService::reloadConfiguration() {
    m_settings = SecuritySettings{};
    loadSettings();
    m_addressFilter = core::net::AddressFilter{};
    loadAddressFilter();
    m_smtp = core::net::SmtpSettings{};
    loadSmtpSettings();
    auto initialised = m_settingsStore.value(QString::fromLatin1(kInitialisedKey));
    m_initialised = initialised && initialised.value().has_value();
    emit addressFilterChanged();
}

Status AccountsService::logout(const Actor& actor) {
    auto session = m_sessions.findById(actor.sessionId);
    if (!session) {
        return session.error();
    }
    if (session.value()) {
        endSessions({*session.value()}, QString::fromLatin1(kReasonLogout), QStringLiteral("logout"), actor);
    }
    return {};
}

Result<core::model::MeResponse> AccountsService::me(const Caller& caller) const {
    auto user = m_users.findById(caller.userId);
    if (!user) {
        return user.error();
    }
    auto session = m_sessions.findById(caller.sessionId);
    if (!session) {
        return session.error();
    }
    if (!user.value() || !session.value()) {
        return Error::make(QStringLiteral("unauthenticated"),
                           QStringLiteral("The session has just ended. Log in again."));
    }
    return core::model::MeResponse{user.value()->user, caller.permissions, session.value()->toModel(true),
                                   m_settings.workstation.autoLockMs};
}

Result<QList<core::model::Session>> AccountsService::sessions(const Actor& actor) {
    expireSessions();
    auto stored = m_sessions.list();
    if (!stored) {
        return stored.error();
    }
    QList<core::model::Session> sessions;
    for (const StoredSession& session : stored.value()) {
        sessions.append(session.toModel(session.id == actor.sessionId));
    }
    return sessions;
}

Status AccountsService::endSession(const Actor& actor, const QString& sessionId) {
    if (sessionId == actor.sessionId) {
        return Error::make(QStringLiteral("own_session"),
                           QStringLiteral("That is the session making this request. Log out instead "
                                          "(POST /api/v1/auth/logout)."));
    }
    auto session = m_sessions.findById(sessionId);
    if (!session) {
        return session.error();
    }
    if (!session.value()) {
        return notFound("session_not_found", QStringLiteral("session"), sessionId);
    }
    endSessions({*session.value()}, QString::fromLatin1(kReasonEnded), QStringLiteral("session_ended"),
                actor);
    return {};
}

// --- own password -------------------------------------------------------------------------------

Result<StoredUser> AccountsService::sessionUserWithPassword(const Actor& actor, const QString& password,
                                                            const QString& notDone) {
    auto session = m_sessions.findById(actor.sessionId);
    if (!session) {
        return session.error();
    }
    auto stored = session.value() ? m_users.findById(session.value()->userId)
                                  : Result<std::optional<StoredUser>>(std::optional<StoredUser>());
    if (!stored) {
        return stored.error();
    }
    if (!stored.value()) {
        return Error::make(QStringLiteral("unauthenticated"),
                           QStringLiteral("The session has ended. Log in again."));
    }
    const StoredUser& user = *stored.value();
    auto verified = m_hasher.verify(password, user.passwordHash);
    if (!verified || !verified->ok) {
        // A stolen session must not become a free password oracle: wrong guesses count like logins.
        recordLoginFailure(user.user.userName, actor.address,
                           QStringLiteral("wrong password given again (%1)").arg(notDone));
        return Error::make(QStringLiteral("wrong_password"),
                           QStringLiteral("The current password is wrong, so %1. "
                                          "Type the password you logged in with.")
                               .arg(notDone));
    }
    return user;
}

Status AccountsService::confirmOwnPassword(const Actor& actor, const QString& password, const QString& notDone) {
    auto user = sessionUserWithPassword(actor, password, notDone);
    return user ? Status{} : Status(user.error());
}

Status AccountsService::changeOwnPassword(const Actor& actor,
                                          const core::model::PasswordChangeRequest& request) {
    auto stored = sessionUserWithPassword(actor, request.currentPassword, QStringLiteral("the password was not changed"));
    if (!stored) {
        return stored.error();
    }
    const StoredUser& user = stored.value();
    if (request.newPassword == request.currentPassword) {
        return Error::make(
            QStringLiteral("password_policy"),
            QStringLiteral("The new password is the same as the current one. Choose a new one."));
    }
    if (Status policy = PasswordPolicy::enforce(request.newPassword, user.user.userName); !policy) {
        return policy;
    }
    auto hash = m_hasher.hash(request.newPassword);
    if (!hash) {
        return hash.error();
    }
    if (Status saved = m_users.setPassword(user.user.id, hash.value(), m_clock.nowMs(), false); !saved) {
        return saved;
    }
    log(QStringLiteral("password_changed"), actor, user.user.userName,
        QStringLiteral("own password changed"));
    // Other sessions may be someone who knew the old password.
    endUserSessions(user.user.id, QString::fromLatin1(kReasonPasswordChanged), actor, actor.sessionId);
    return {};
}

// --- users --------------------------------------------------------------------------------------

Result<QList<User>> AccountsService::users() const {
    return m_users.list();
}

Result<User> AccountsService::user(const QString& id) const {
    auto stored = m_users.findById(id);
    if (!stored) {
        return stored.error();
    }
    if (!stored.value()) {
        return notFound("user_not_found", QStringLiteral("user"), id);
    }
    return stored.value()->user;
}

Status AccountsService::validateUser(const User& user, const QString& exceptId) const {
    const QString context = QStringLiteral("user");
    if (Status name = checkUserName(user.userName, context); !name) {
        return name;
    }
    auto role = m_roles.find(user.roleId);
    if (!role) {
        return role.error();
    }
    if (!role.value()) {
        return badRequest(
            context, QStringLiteral("roleId"),
            QStringLiteral("names no role (\"%1\"); pick one from GET /api/v1/roles").arg(user.roleId));
    }
    if (user.validFromMs < 0 || user.validUntilMs < 0 ||
        (user.validUntilMs > 0 && user.validUntilMs <= user.validFromMs)) {
        return badRequest(
            context, QStringLiteral("validUntilMs"),
            QStringLiteral("must be 0 (no end) or later than validFromMs; both are UTC ms, 0 for none"));
    }
    for (const QString& entry : user.allowedAddresses) {
        if (auto range = core::net::AddressRange::parse(entry); !range) {
            return badRequest(context, QStringLiteral("allowedAddresses"),
                              QStringLiteral("holds \"%1\": %2").arg(entry, range.error().message));
        }
    }
    auto existing = m_users.findByName(user.userName);
    if (!existing) {
        return existing.error();
    }
    if (existing.value() && existing.value()->user.id != exceptId) {
        return Error::make(QStringLiteral("user_exists"),
                           QStringLiteral("There is already a user named \"%1\" (names ignore case). Choose "
                                          "another name.")
                               .arg(existing.value()->user.userName));
    }
    return {};
}

Status AccountsService::protectLastAdministrator(const StoredUser& before, const User* after) const {
    const auto isAdmin = [](const User& user) {
        return user.enabled && user.roleId == QLatin1String(Permissions::kAdministrator);
    };
    if (!isAdmin(before.user) || (after && isAdmin(*after))) {
        return {};
    }
    auto admins = m_users.countEnabledAdministrators();
    if (!admins) {
        return admins.error();
    }
    if (admins.value() > 1) {
        return {};
    }
    return Error::make(
        QStringLiteral("last_administrator"),
        QStringLiteral("\"%1\" is the last enabled administrator; deleting, disabling or demoting "
                       "it would leave nobody able to manage the platform. Make another "
                       "administrator first.")
            .arg(before.user.userName));
}

Result<User> AccountsService::createUser(const Actor& actor, const core::model::UserInput& input) {
    if (!input.has("userName") || !input.has("password")) {
        return badRequest(QStringLiteral("user"),
                          QString::fromLatin1(input.has("userName") ? "password" : "userName"),
                          QStringLiteral("is required to create a user"));
    }
    const qint64 now = m_clock.nowMs();
    StoredUser stored;
    User& user = stored.user;
    user.id = newId();
    user.userName = input.userName;
    user.roleId = input.roleId;
    user.enabled = input.enabled;
    user.validFromMs = input.validFromMs;
    user.validUntilMs = input.validUntilMs;
    user.allowedAddresses = input.allowedAddresses;
    user.memo = input.memo;
    user.mustChangePassword = input.mustChangePassword;
    user.passwordChangedMs = now;
    user.createdMs = now;
    if (Status valid = validateUser(user, QString()); !valid) {
        return valid.error();
    }
    if (Status policy = PasswordPolicy::enforce(input.password, user.userName); !policy) {
        return policy.error();
    }
    auto hash = m_hasher.hash(input.password);
    if (!hash) {
        return hash.error();
    }
    stored.passwordHash = hash.value();
    if (Status saved = m_users.insert(stored); !saved) {
        return saved.error();
    }
    log(QStringLiteral("user_created"), actor, user.userName,
        QStringLiteral("role %1, %2")
            .arg(user.roleId, user.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")));
    return user;
}

Result<User> AccountsService::updateUser(const Actor& actor, const QString& id,
                                         const core::model::UserInput& input) {
    auto found = m_users.findById(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("user_not_found", QStringLiteral("user"), id);
    }
    const StoredUser before = *found.value();
    User after = before.user;
    QStringList changes;
    const auto apply = [&](const char* field, auto& target, const auto& value) {
        if (input.has(field) && target != value) {
            target = value;
            changes << QString::fromLatin1(field);
        }
    };
    apply("userName", after.userName, input.userName);
    apply("roleId", after.roleId, input.roleId);
    apply("enabled", after.enabled, input.enabled);
    apply("validFromMs", after.validFromMs, input.validFromMs);
    apply("validUntilMs", after.validUntilMs, input.validUntilMs);
    apply("allowedAddresses", after.allowedAddresses, input.allowedAddresses);
    apply("memo", after.memo, input.memo);
    apply("mustChangePassword", after.mustChangePassword, input.mustChangePassword);
    Status valid = validateUser(after, id);
    if (valid) {
        valid = protectLastAdministrator(before, &after);
    }
    const bool newPassword = input.has("password") && !input.password.isEmpty();
    if (valid && newPassword) {
        valid = PasswordPolicy::enforce(input.password, after.userName);
    }
    if (!valid) {
        return valid.error();
    }
    core::store::Transaction transaction(m_db);
    Status saved = transaction.status();
    if (saved) {
        saved = m_users.update(after);
    }
    if (saved && newPassword) {
        auto hash = m_hasher.hash(input.password);
        saved = hash ? m_users.setPassword(id, hash.value(), m_clock.nowMs(), after.mustChangePassword)
                     : Status(hash.error());
        after.passwordChangedMs = m_clock.nowMs();
        changes << QStringLiteral("password");
    }
    if (saved) {
        saved = transaction.commit();
    }
    if (!saved) {
        return saved.error();
    }
    log(QStringLiteral("user_changed"), actor, after.userName,
        changes.isEmpty() ? QStringLiteral("nothing changed")
                          : QStringLiteral("changed: %1").arg(changes.join(u", ")));
    if (!after.enabled && before.user.enabled) {
        endUserSessions(id, QString::fromLatin1(kReasonUserDisabled), actor);
    } else if (newPassword) {
        endUserSessions(id, QString::fromLatin1(kReasonPasswordChanged), actor, actor.sessionId);
    }
    return after;
}

Status AccountsService::deleteUser(const Actor& actor, const QString& id) {
    auto found = m_users.findById(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("user_not_found", QStringLiteral("user"), id);
    }
    if (Status last = protectLastAdministrator(*found.value(), nullptr); !last) {
        return last;
    }
    // Ended first, so their WebSockets hear why before the rows go with the user.
    endUserSessions(id, QString::fromLatin1(kReasonUserDeleted), actor);
    if (Status removed = m_users.remove(id); !removed) {
        return removed;
    }
    log(QStringLiteral("user_deleted"), actor, found.value()->user.userName, QStringLiteral("user deleted"));
    return {};
}

// --- roles --------------------------------------------------------------------------------------

Result<QList<Role>> AccountsService::roles() const {
    return m_roles.list();
}

Result<Role> AccountsService::role(const QString& id) const {
    auto found = m_roles.find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("role_not_found", QStringLiteral("role"), id);
    }
    return *found.value();
}

Status AccountsService::validateRole(const Role& role, const QString& exceptId) const {
    const QString context = QStringLiteral("role");
    if (role.name.trimmed().isEmpty() || role.name.size() > kMaxRoleNameLength ||
        role.name != role.name.trimmed()) {
        return badRequest(context, QStringLiteral("name"),
                          QStringLiteral("must be 1 to %1 characters without blanks at either end")
                              .arg(kMaxRoleNameLength));
    }
    if (const QString unknown = Permissions::firstUnknown(role.permissions); !unknown.isEmpty()) {
        return badRequest(
            context, QStringLiteral("permissions"),
            QStringLiteral("holds \"%1\", which is no permission; use ids from GET /api/v1/permissions")
                .arg(unknown));
    }
    if (role.permissions.size() != QSet<QString>(role.permissions.cbegin(), role.permissions.cend()).size() ||
        role.channels.size() != QSet<QString>(role.channels.cbegin(), role.channels.cend()).size()) {
        return badRequest(context, QStringLiteral("permissions"),
                          QStringLiteral("or channels list an entry twice"));
    }
    if (std::any_of(role.channels.cbegin(), role.channels.cend(),
                    [](const QString& c) { return c.isEmpty(); })) {
        return badRequest(context, QStringLiteral("channels"), QStringLiteral("holds an empty channel id"));
    }
    auto existing = m_roles.findByName(role.name);
    if (!existing) {
        return existing.error();
    }
    if (existing.value() && existing.value()->id != exceptId) {
        return Error::make(
            QStringLiteral("role_exists"),
            QStringLiteral("There is already a role named \"%1\". Choose another name.").arg(role.name));
    }
    return {};
}

Result<Role> AccountsService::createRole(const Actor& actor, const core::model::RoleInput& input) {
    const Role role{newId(), input.name, false, input.permissions, input.allChannels, input.channels};
    if (Status valid = validateRole(role, QString()); !valid) {
        return valid.error();
    }
    core::store::Transaction transaction(m_db);
    Status saved = transaction.status();
    if (saved) {
        saved = m_roles.insert(role, m_clock.nowMs());
    }
    if (saved) {
        saved = transaction.commit();
    }
    if (!saved) {
        return saved.error();
    }
    log(QStringLiteral("role_created"), actor, role.name,
        QStringLiteral("permissions: %1").arg(role.permissions.join(u", ")));
    return m_roles.find(role.id).value().value_or(role);
}

Result<Role> AccountsService::updateRole(const Actor& actor, const QString& id,
                                         const core::model::RoleInput& input) {
    auto existing = role(id);
    if (!existing) {
        return existing;
    }
    if (existing->builtin) {
        return Error::make(
            QStringLiteral("role_builtin"),
            QStringLiteral("\"%1\" is a built-in role and cannot be changed. Make a custom role with "
                           "the permissions you need.")
                .arg(existing->name));
    }
    const Role updated{id, input.name, false, input.permissions, input.allChannels, input.channels};
    if (Status valid = validateRole(updated, id); !valid) {
        return valid.error();
    }
    core::store::Transaction transaction(m_db);
    Status saved = transaction.status();
    if (saved) {
        saved = m_roles.update(updated);
    }
    if (saved) {
        saved = transaction.commit();
    }
    if (!saved) {
        return saved.error();
    }
    log(QStringLiteral("role_changed"), actor, updated.name,
        QStringLiteral("permissions: %1 (were %2)")
            .arg(updated.permissions.join(u", "), existing->permissions.join(u", ")));
    return role(id);
}

Status AccountsService::deleteRole(const Actor& actor, const QString& id) {
    auto existing = role(id);
    if (!existing) {
        return existing.error();
    }
    if (existing->builtin) {
        return Error::make(
            QStringLiteral("role_builtin"),
            QStringLiteral("\"%1\" is a built-in role and cannot be deleted.").arg(existing->name));
    }
    auto holders = m_users.countWithRole(id);
    if (!holders) {
        return holders.error();
    }
    if (holders.value() > 0) {
        return Error::make(QStringLiteral("role_in_use"),
                           QStringLiteral("%1 user(s) have the role \"%2\". Give them another role first.")
                               .arg(holders.value())
                               .arg(existing->name));
    }
    if (Status removed = m_roles.remove(id); !removed) {
        return removed;
    }
    log(QStringLiteral("role_deleted"), actor, existing->name, QStringLiteral("role deleted"));
    return {};
}

// --- password reset (SEC-1.3) --------------------------------------------------------------------

void AccountsService::loadSmtpSettings() {
    auto stored = m_settingsStore.value(QString::fromLatin1(kSmtpKey));
    if (!stored || !stored.value()) {
        return;
    }
    auto settings = SmtpSettingsDocument::fromStored(*stored.value());
    if (!settings) {
        qCWarning(lcAccounts).noquote() << settings.error().message;
        return;
    }
    m_smtp = settings.value();
}

Status AccountsService::setSmtpSettings(const Actor& actor, const core::net::SmtpSettings& settings) {
    if (Status saved =
            m_settingsStore.setValue(QString::fromLatin1(kSmtpKey), SmtpSettingsDocument::toStored(settings));
        !saved) {
        return saved;
    }
    const bool passwordChanged = settings.password != m_smtp.password;
    m_smtp = settings;
    // The document without the password: the log is read by auditors, the password is not theirs.
    log(QStringLiteral("setting_changed"), actor, QStringLiteral("smtp"),
        QStringLiteral("SMTP settings now %1%2")
            .arg(QString::fromUtf8(
                     QJsonDocument(SmtpSettingsDocument::toJson(settings)).toJson(QJsonDocument::Compact)),
                 passwordChanged ? QStringLiteral(", password changed") : QString()));
    return {};
}

Status AccountsService::testSmtp(const Actor& actor) {
    if (!SmtpSettingsDocument::isConfigured(m_smtp)) {
        return Error::make(
            QStringLiteral("smtp_not_configured"),
            QStringLiteral("No SMTP server is set. Enter the SMTP settings and save them first."));
    }
    auto email = m_users.reservedEmail();
    if (!email) {
        return email.error();
    }
    if (!email.value()) {
        return Error::make(QStringLiteral("not_initialised"),
                           QStringLiteral("There is no reserved e-mail before initialisation."));
    }
    const Status sent = m_mail.sendAndWait(m_smtp, PasswordReset::testMessage(*email.value()));
    qCInfo(lcAccounts).noquote() << "SMTP test by" << actor.userName << ":"
                                 << (sent ? QStringLiteral("sent") : sent.error().message);
    if (!sent) {
        return Error::make(QStringLiteral("smtp_failed"), sent.error().message);
    }
    return {};
}

Error AccountsService::resetFailed() const {
    // One answer for an unknown user, a wrong, used or expired code, wrong answers and a lock.
    return Error::make(
        QStringLiteral("reset_failed"),
        QStringLiteral("The password was not reset: the user name, code or answers are wrong, "
                       "the code has expired or was used, or the account is locked for a while. "
                       "Ask for a new code and try again."));
}

Status AccountsService::checkResetAllowed(const QString& newPassword, const QString& userName) const {
    if (Status up = available(); !up) {
        return up;
    }
    if (!m_settings.reset.enabled) {
        return Error::make(
            QStringLiteral("reset_disabled"),
            QStringLiteral("Password reset is switched off on this platform. Ask an administrator "
                           "to set your password."));
    }
    if (newPassword.isNull()) {
        return {};
    }
    return PasswordPolicy::enforce(newPassword, userName);
}

Status AccountsService::requestReset(const ResetCodeRequest& request, const QHostAddress& address) {
    if (Status allowed = checkResetAllowed(QString(), request.userName); !allowed) {
        return allowed;
    }
    // Rate limit per address (SEC-1.7): each request counts like a failure of the address, under no
    // account name, so a flood of requests locks the address and not the account it names.
    // Only the address's lock is asked about: the empty account name is shared by every address.
    if (m_lockout.addressLockedUntil(address) > 0) {
        m_hasher.dummyVerify(request.userName);
        log(QStringLiteral("password_reset"), request.userName, address, request.userName,
            QStringLiteral("reset code refused: the address is locked"));
        return {};
    }
    using core::security::FailureOutcome;
    const FailureOutcome outcome = m_lockout.recordFailure(QString(), address);
    if (outcome == FailureOutcome::AddressLocked || outcome == FailureOutcome::AccountAndAddressLocked) {
        log(QStringLiteral("lockout"), request.userName, address, addressText(address),
            QStringLiteral("address locked after %1 reset requests").arg(m_settings.lockout.attempts));
    }
    auto stored = m_users.findByName(request.userName);
    if (!stored) {
        return stored.error();
    }
    auto recovery =
        stored.value() ? m_users.recovery(stored.value()->user.id) : Result<StoredRecovery>(StoredRecovery{});
    if (!recovery) {
        return recovery.error();
    }
    if (!stored.value() || recovery->email.isEmpty()) {
        // The same work as a real code (one Argon2id run) so the answer time says nothing.
        m_hasher.dummyVerify(request.userName);
        log(QStringLiteral("password_reset"), request.userName, address, request.userName,
            QStringLiteral(
                "reset code requested for a user without a reserved e-mail (or unknown); none sent"));
        return {};
    }
    sendResetCode(*stored.value(), recovery->email, address);
    return {};
}

void AccountsService::sendResetCode(const StoredUser& stored, const QString& email,
                                    const QHostAddress& address) {
    const QString userName = stored.user.userName;
    const qint64 nowMs = m_clock.nowMs();
    auto earlier = m_resetCodes.find(stored.user.id);
    if (earlier && earlier.value() && nowMs - earlier.value()->createdMs < PasswordReset::kResendIntervalMs) {
        m_hasher.dummyVerify(userName);
        log(QStringLiteral("password_reset"), userName, address, userName,
            QStringLiteral("reset code not sent again: the last one went out less than a minute ago"));
        return;
    }
    const QString code = PasswordReset::newCode();
    auto hash = m_hasher.hash(code);
    const qint64 expiresMs = nowMs + PasswordReset::kCodeLifetimeMs;
    if (!hash || !m_resetCodes.replace(StoredResetCode{stored.user.id, hash.value(), nowMs, expiresMs})) {
        qCCritical(lcAccounts) << "cannot store a password reset code";
        return;
    }
    if (!SmtpSettingsDocument::isConfigured(m_smtp)) {
        log(QStringLiteral("password_reset"), userName, address, userName,
            QStringLiteral("reset code not sent: no SMTP server is set"));
        return;
    }
    const Status started =
        m_mail.send(m_smtp, PasswordReset::codeMessage(email, userName, code, expiresMs, address),
                    [this, userName, address, email](const Status& sent) {
                        log(QStringLiteral("password_reset"), userName, address, userName,
                            sent ? QStringLiteral("reset code sent to %1").arg(email)
                                 : QStringLiteral("reset code could not be sent to %1: %2")
                                       .arg(email, sent.error().message));
                    });
    if (!started) {
        log(QStringLiteral("password_reset"), userName, address, userName,
            QStringLiteral("reset code could not be sent: %1").arg(started.error().message));
    }
}

Result<std::optional<StoredUser>> AccountsService::resetTarget(const QString& userName,
                                                               const QHostAddress& address,
                                                               const QString& secret, const QString& how) {
    auto stored = m_users.findByName(userName);
    if (!stored) {
        return stored.error();
    }
    if (m_lockout.isLocked(userName, address)) {
        spendVerifyTime(stored.value(), secret);
        log(QStringLiteral("login_failed"), userName, address, userName,
            QStringLiteral("%1 refused without checking it: locked").arg(how));
        return std::optional<StoredUser>();
    }
    return stored;
}

Status AccountsService::completeReset(const ResetCompletion& request, const QHostAddress& address) {
    if (Status allowed = checkResetAllowed(request.newPassword, request.userName); !allowed) {
        return allowed;
    }
    const QString how = QStringLiteral("password reset by e-mailed code");
    auto target = resetTarget(request.userName, address, request.code, how);
    if (!target) {
        return target.error();
    }
    if (!target.value()) {
        return resetFailed();
    }
    const StoredUser& stored = *target.value();
    auto code = m_resetCodes.find(stored.user.id);
    if (!code) {
        return code.error();
    }
    bool ok = false;
    if (code.value() && m_clock.nowMs() < code.value()->expiresMs) {
        auto verified = m_hasher.verify(request.code, code.value()->codeHash);
        ok = verified && verified->ok;
    } else {
        m_hasher.dummyVerify(request.code);
    }
    if (!ok) {
        recordLoginFailure(stored.user.userName, address,
                           QStringLiteral("wrong, used or expired reset code"));
        return resetFailed();
    }
    return applyReset(stored, request.newPassword, address, how);
}

Status AccountsService::resetWithQuestions(const QuestionsReset& request, const QHostAddress& address) {
    if (Status allowed = checkResetAllowed(request.newPassword, request.userName); !allowed) {
        return allowed;
    }
    // Only the console addresses count as "this machine": they are what a person at the server uses.
    if (!core::net::AddressFilter::isConsole(address)) {
        return Error::make(QStringLiteral("reset_local_only"),
                           QStringLiteral("Reset with the security questions works only on the server's own "
                                          "machine. Use it there, or ask for a code by e-mail."));
    }
    const QString how = QStringLiteral("password reset by security questions");
    auto target = resetTarget(request.userName, address, request.answers.join(u' '), how);
    if (!target) {
        return target.error();
    }
    if (!target.value()) {
        return resetFailed();
    }
    const StoredUser& stored = *target.value();
    auto recovery = m_users.recovery(stored.user.id);
    if (!recovery) {
        return recovery.error();
    }
    // Every answer is checked, right or wrong, so the time does not say which one failed.
    bool ok = recovery->questions.size() == request.answers.size();
    for (qsizetype i = 0; i < request.answers.size(); ++i) {
        const QString answer = normalisedAnswer(request.answers.at(i));
        if (i < recovery->questions.size()) {
            auto verified = m_hasher.verify(answer, recovery->questions.at(i).answerHash);
            ok = ok && verified && verified->ok;
        } else {
            m_hasher.dummyVerify(answer);
        }
    }
    if (!ok) {
        recordLoginFailure(stored.user.userName, address, QStringLiteral("wrong security answers"));
        return resetFailed();
    }
    return applyReset(stored, request.newPassword, address, how);
}

Status AccountsService::applyReset(const StoredUser& stored, const QString& newPassword,
                                   const QHostAddress& address, const QString& how) {
    auto hash = m_hasher.hash(newPassword);
    if (!hash) {
        return hash.error();
    }
    if (Status saved = m_users.setPassword(stored.user.id, hash.value(), m_clock.nowMs(), false); !saved) {
        return saved;
    }
    // Single use: the code goes with its first success (and an answers reset voids a pending code).
    (void)m_resetCodes.remove(stored.user.id);
    m_lockout.recordSuccess(stored.user.userName, address);
    const Actor actor{stored.user.userName, address, {}};
    log(QStringLiteral("password_reset"), actor, stored.user.userName, how);
    // Whoever held a session may have known the old password.
    endUserSessions(stored.user.id, QString::fromLatin1(kReasonPasswordChanged), actor);
    return {};
}

}  // namespace vigil::server
