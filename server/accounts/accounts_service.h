#pragma once
// AccountsService: the "accounts" service (issue 3, docs/design/accounts.md). Owns initialisation,
// login with lockout (SEC-1.7), sessions with idle and absolute timeouts and limits (SEC-1.9,
// SEC-2.6), users and roles (SEC-2.2), own password change and expiry (SEC-1.2), the security
// settings (applied live) and the security log (SEC-1.8), which every security event goes to.
//
// Runs on the engine's thread like every service. Logins stay on that thread: one Argon2id verify
// costs ~20 ms (password_hasher.h), and running them one at a time is what bounds their memory; the
// lockout keeps a flood of them short-lived per account and per address.

#include <QHostAddress>
#include <QTimer>
#include <memory>

#include "accounts/mail_sender.h"
#include "accounts/password_reset.h"
#include "accounts/reset_code_repository.h"
#include "accounts/role_repository.h"
#include "accounts/security_log.h"
#include "accounts/session_repository.h"
#include "accounts/user_repository.h"
#include "common/clock.h"
#include "engine/service.h"
#include "http/route.h"
#include "model/account_model.h"
#include "net/address_filter.h"
#include "security/lockout_tracker.h"
#include "security/password_hasher.h"

namespace vigil::server {

class SettingsRepository;

// Who did something and from where, for the security log.
struct Actor {
    QString userName;
    QHostAddress address;
    QString sessionId;  // empty for unauthenticated requests

    static Actor of(const RouteRequest& request);
};

class AccountsService : public Service {
    Q_OBJECT
public:
    static constexpr auto kSettingsKey = "security.settings";          // SecuritySettings as JSON
    static constexpr auto kInitialisedKey = "accounts.initialisedMs";  // UTC ms of the setup
    static constexpr auto kSmtpKey = "smtp.settings";  // SmtpSettingsDocument, password included
    static constexpr auto kAddressFilterKey = "security.address_filter";  // {"mode","entries"} as JSON
    static constexpr int kMaxUserNameLength = 64;
    static constexpr int kMaxRoleNameLength = 64;
    static constexpr int kSweepIntervalMs = 30 * 1000;  // how often idle sessions are looked for

    // Session end reasons sent with "session.ended".
    static constexpr auto kReasonLogout = "logout";
    static constexpr auto kReasonEnded = "ended";  // by an administrator
    static constexpr auto kReasonExpired = "expired";
    static constexpr auto kReasonUserDisabled = "user_disabled";
    static constexpr auto kReasonUserDeleted = "user_deleted";
    static constexpr auto kReasonPasswordChanged = "password_changed";

    AccountsService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                    core::security::Argon2Parameters hashing, QObject* parent = nullptr);
    ~AccountsService() override;

    bool isInitialised() const { return m_initialised; }
    core::model::SetupStatus setupStatus() const;
    core::Result<core::model::User> setup(const core::model::SetupRequest& request,
                                          const QHostAddress& address);

    core::Result<core::model::LoginResponse> login(const core::model::LoginRequest& request,
                                                   const QHostAddress& address);
    // The caller behind a bearer token; error "unauthenticated" saying why. Marks the session seen.
    core::Result<Caller> authenticate(const QString& token, const QHostAddress& address);
    // Permissions of a live session, without marking it seen; empty when it is gone.
    QStringList sessionPermissions(const QString& sessionId) const;
    core::Status logout(const Actor& actor);
    core::Result<core::model::MeResponse> me(const Caller& caller) const;
    // Writes an entry to the security log for another part of the engine (service control: who,
    // from where, what). Never fails the action: a failed write is logged loudly.
    void record(const QString& kind, const Actor& actor, const QString& target, const QString& detail) {
        log(kind, actor, target, detail);
    }
    core::Status changeOwnPassword(const Actor& actor, const core::model::PasswordChangeRequest& request);
    // The session's own password again, before a dangerous action (factory defaults): wrong_password
    // saying `notDone` ("nothing was reset") when it is wrong, which counts like a failed login.
    core::Status confirmOwnPassword(const Actor& actor, const QString& password, const QString& notDone);

    core::Result<QList<core::model::User>> users() const;
    core::Result<core::model::User> user(const QString& id) const;
    core::Result<core::model::User> createUser(const Actor& actor, const core::model::UserInput& input);
    core::Result<core::model::User> updateUser(const Actor& actor, const QString& id,
                                               const core::model::UserInput& input);
    core::Status deleteUser(const Actor& actor, const QString& id);

    core::Result<QList<core::model::Role>> roles() const;
    core::Result<core::model::Role> role(const QString& id) const;
    core::Result<core::model::Role> createRole(const Actor& actor, const core::model::RoleInput& input);
    core::Result<core::model::Role> updateRole(const Actor& actor, const QString& id,
                                               const core::model::RoleInput& input);
    core::Status deleteRole(const Actor& actor, const QString& id);

    core::Result<QList<core::model::Session>> sessions(const Actor& actor);
    core::Status endSession(const Actor& actor, const QString& sessionId);
    // Ends sessions past their idle or absolute timeout; runs on a timer and before limits are counted.
    void expireSessions();
    // Ends every session (a restore or factory defaults replaces the accounts: server/backup).
    void endAllSessions(const QString& reason, const Actor& actor);
    // Reads again what this service keeps of the configuration (settings, address filter, SMTP,
    // initialisation) after server/backup replaced it.
    void reloadConfiguration();

    core::Result<LogPage> searchLog(const LogQuery& query) const;

    core::model::SecuritySettings securitySettings() const { return m_settings; }
    core::Status setSecuritySettings(const Actor& actor, const core::model::SecuritySettings& settings);

    // The platform's address filter (SEC-2.5); the gateway applies it to every connection and request.
    const core::net::AddressFilter& addressFilter() const { return m_addressFilter; }
    // Stores and applies a new filter; 409 would_lock_out_self when it would refuse the actor's own
    // address and `confirm` is false.
    core::Status setAddressFilter(const Actor& actor, const core::net::AddressFilter& filter, bool confirm);

    // Password reset (SEC-1.3). Requests answer the same whether or not the user exists; failures
    // count toward the lockout like failed logins.
    core::Status requestReset(const ResetCodeRequest& request, const QHostAddress& address);
    core::Status completeReset(const ResetCompletion& request, const QHostAddress& address);
    // Only from the server's own machine (loopback): answers alone are weaker than a mailbox.
    core::Status resetWithQuestions(const QuestionsReset& request, const QHostAddress& address);

    core::net::SmtpSettings smtpSettings() const { return m_smtp; }
    core::Status setSmtpSettings(const Actor& actor, const core::net::SmtpSettings& settings);
    // Sends a test message to the reserved e-mail and waits for the server's verdict: smtp_failed
    // with the server's error text when it refused.
    core::Status testSmtp(const Actor& actor);

    const core::security::PasswordHasher& hasher() const { return m_hasher; }
    core::security::LockoutTracker& lockout() { return m_lockout; }

signals:
    // A session ended (logout, timeout, ended by an administrator...): its WebSocket must be told.
    void sessionEnded(const QString& sessionId, const QString& reason);
    // An entry was added to the security log.
    void logged(const vigil::core::model::LogEntry& entry);
    // The address filter changed: connections from now on are judged by addressFilter().
    void addressFilterChanged();

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    core::Status available() const;
    void loadSettings();
    void applySettings();
    void loadAddressFilter();
    void loadSmtpSettings();

    core::Error resetFailed() const;
    core::Status checkResetAllowed(const QString& newPassword, const QString& userName) const;
    core::Result<std::optional<StoredUser>> resetTarget(const QString& userName, const QHostAddress& address,
                                                        const QString& secret, const QString& how);
    void sendResetCode(const StoredUser& stored, const QString& email, const QHostAddress& address);
    core::Status applyReset(const StoredUser& stored, const QString& newPassword, const QHostAddress& address,
                            const QString& how);
    void log(const QString& kind, const QString& userName, const QHostAddress& address, const QString& target,
             const QString& detail);
    void log(const QString& kind, const Actor& actor, const QString& target, const QString& detail);

    core::Error loginFailed() const;
    core::Error recordLoginFailure(const QString& userName, const QHostAddress& address, const QString& why);
    void spendVerifyTime(const std::optional<StoredUser>& stored, const QString& password) const;
    QString refusalFor(const core::model::User& user, const QHostAddress& address, qint64 nowMs) const;
    core::Status checkSessionLimits(const StoredUser& stored, const QHostAddress& address);
    core::Result<core::model::LoginResponse> openSession(StoredUser stored, const QString& clientKind,
                                                         const QHostAddress& address);
    core::Result<StoredUser> sessionUserWithPassword(const Actor& actor, const QString& password,
                                                     const QString& notDone);
    void endSessions(const QList<StoredSession>& sessions, const QString& reason, const QString& kind,
                     const Actor& actor);
    void endUserSessions(const QString& userId, const QString& reason, const Actor& actor,
                         const QString& keepSessionId = {});
    core::Result<QStringList> permissionsOf(const QString& roleId) const;

    core::Status validateUser(const core::model::User& user, const QString& exceptId) const;
    core::Status validateRole(const core::model::Role& role, const QString& exceptId) const;
    core::Status protectLastAdministrator(const StoredUser& before, const core::model::User* after) const;

    core::store::Database& m_db;
    SettingsRepository& m_settingsStore;
    const core::Clock& m_clock;
    core::security::PasswordHasher m_hasher;
    core::security::LockoutTracker m_lockout;
    UserRepository m_users;
    RoleRepository m_roles;
    SessionRepository m_sessions;
    SecurityLog m_log;
    ResetCodeRepository m_resetCodes;
    MailSender m_mail;
    core::net::SmtpSettings m_smtp;
    core::model::SecuritySettings m_settings;
    core::net::AddressFilter m_addressFilter;
    QTimer m_sweep;
    bool m_initialised = false;
    bool m_running = false;
};

}  // namespace vigil::server
