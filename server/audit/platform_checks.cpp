#include "audit/platform_checks.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

#include "accounts/accounts_service.h"
#include "accounts/smtp_settings_document.h"
#include "accounts/statement_runner.h"
#include "audit/audit_registry.h"
#include "audit/audit_service.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "model/permissions.h"
#include "recording/recording_service.h"
#include "security/password_policy.h"
#include "store/database.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::AuditFinding;
using core::model::AuditStates;
using core::model::Permissions;
using core::model::SecuritySettings;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;

// Our thresholds: what a hardened site keeps at most (or at least). The defaults are inside them.
constexpr int kMaxLockoutAttempts = 10;
constexpr qint64 kMinLockoutWindowMs = kMinuteMs;
constexpr qint64 kMinLockMs = 5 * kMinuteMs;
constexpr qint64 kMaxIdleMs = kHourMs;
constexpr qint64 kMaxAbsoluteMs = 24 * kHourMs;
constexpr int kMaxExpiryDays = 180;
constexpr int kFixExpiryDays = 90;
constexpr int kMaxSessionsPerUser = 10;
constexpr int kMaxSessionsPlatform = 1000;
constexpr int kMaxAdministrators = 3;

AuditFinding platform(const char* state, const QString& evidence) {
    return AuditFinding{QStringLiteral("platform"), {}, QLatin1String(state), evidence};
}

// A check that answers at once.
AuditCheck now(const char* itemId, std::function<QList<AuditFinding>()> look) {
    return AuditCheck{QLatin1String(itemId), [look](const core::Cancellation&, CheckDone done) { done(look()); }};
}

QString minutes(qint64 ms) {
    return ms % kMinuteMs == 0 ? QStringLiteral("%1 min").arg(ms / kMinuteMs) : QStringLiteral("%1 s").arg(ms / 1000);
}

// A fix that changes the security settings through the accounts service (as PUT /security/settings
// does, logged as such): `mend` returns what it changed.
AuditFix settingsFix(const char* id, const char* itemId, const char* title, Engine* engine,
                     std::function<QStringList(SecuritySettings&)> mend) {
    return AuditFix{QLatin1String(id), QLatin1String(itemId), QString::fromUtf8(title),
                    [engine, mend](const Actor& actor, FixDone done) {
                        SecuritySettings settings = engine->accounts()->securitySettings();
                        const QStringList changed = mend(settings);
                        if (changed.isEmpty()) {
                            done(QStringList{});
                            return;
                        }
                        if (Status saved = engine->accounts()->setSecuritySettings(actor, settings); !saved) {
                            done(saved.error());
                            return;
                        }
                        done(changed);
                    }};
}

QStringList mendLockout(SecuritySettings& s) {
    QStringList changed;
    const SecuritySettings::Lockout defaults;
    if (s.lockout.attempts > kMaxLockoutAttempts) {
        changed << QStringLiteral("lockout after %1 -> %2 failed logins").arg(s.lockout.attempts).arg(defaults.attempts);
        s.lockout.attempts = defaults.attempts;
    }
    if (s.lockout.windowMs < kMinLockoutWindowMs) {
        changed << QStringLiteral("failures counted over %1 -> %2").arg(minutes(s.lockout.windowMs), minutes(defaults.windowMs));
        s.lockout.windowMs = defaults.windowMs;
    }
    if (s.lockout.lockMs < kMinLockMs) {
        changed << QStringLiteral("lock time %1 -> %2").arg(minutes(s.lockout.lockMs), minutes(defaults.lockMs));
        s.lockout.lockMs = defaults.lockMs;
    }
    return changed;
}

QStringList mendSessions(SecuritySettings& s) {
    QStringList changed;
    const SecuritySettings::Sessions defaults;
    if (s.sessions.idleTimeoutMs > kMaxIdleMs) {
        changed << QStringLiteral("idle timeout %1 -> %2").arg(minutes(s.sessions.idleTimeoutMs), minutes(defaults.idleTimeoutMs));
        s.sessions.idleTimeoutMs = defaults.idleTimeoutMs;
    }
    if (s.sessions.absoluteTimeoutMs > kMaxAbsoluteMs) {
        changed << QStringLiteral("session limit %1 -> %2 h")
                       .arg(minutes(s.sessions.absoluteTimeoutMs))
                       .arg(defaults.absoluteTimeoutMs / kHourMs);
        s.sessions.absoluteTimeoutMs = std::max(defaults.absoluteTimeoutMs, s.sessions.idleTimeoutMs);
    }
    return changed;
}

QStringList mendConcurrency(SecuritySettings& s) {
    QStringList changed;
    const SecuritySettings::Sessions defaults;
    if (s.sessions.maxPerUser > kMaxSessionsPerUser) {
        changed << QStringLiteral("sessions per user %1 -> %2").arg(s.sessions.maxPerUser).arg(defaults.maxPerUser);
        s.sessions.maxPerUser = defaults.maxPerUser;
    }
    if (s.sessions.maxPlatform > kMaxSessionsPlatform) {
        changed << QStringLiteral("sessions on the platform %1 -> %2").arg(s.sessions.maxPlatform).arg(defaults.maxPlatform);
        s.sessions.maxPlatform = defaults.maxPlatform;
    }
    return changed;
}

QStringList mendExpiry(SecuritySettings& s) {
    if (s.passwords.expiryDays > 0 && s.passwords.expiryDays <= kMaxExpiryDays) {
        return {};
    }
    const QString before = s.passwords.expiryDays == 0 ? QStringLiteral("never") : QStringLiteral("%1 days").arg(s.passwords.expiryDays);
    s.passwords.expiryDays = kFixExpiryDays;
    return {QStringLiteral("password expiry %1 -> %2 days").arg(before).arg(kFixExpiryDays)};
}

QList<AuditFinding> lookLockout(const SecuritySettings& s) {
    const auto& l = s.lockout;
    const QString seen = QStringLiteral("Locks after %1 failed logins within %2, for %3.")
                             .arg(l.attempts)
                             .arg(minutes(l.windowMs), minutes(l.lockMs));
    const bool ok = l.attempts <= kMaxLockoutAttempts && l.windowMs >= kMinLockoutWindowMs && l.lockMs >= kMinLockMs;
    return {platform(ok ? AuditStates::kPass : AuditStates::kFail,
                     ok ? seen
                        : seen + QStringLiteral(" Needed: at most %1 attempts, counted over at least %2, locked at least %3.")
                                     .arg(kMaxLockoutAttempts)
                                     .arg(minutes(kMinLockoutWindowMs), minutes(kMinLockMs)))};
}

QList<AuditFinding> lookSessions(const SecuritySettings& s) {
    const QString seen = QStringLiteral("Sessions end after %1 idle and %2 h at most.")
                             .arg(minutes(s.sessions.idleTimeoutMs))
                             .arg(double(s.sessions.absoluteTimeoutMs) / double(kHourMs));
    const bool ok = s.sessions.idleTimeoutMs <= kMaxIdleMs && s.sessions.absoluteTimeoutMs <= kMaxAbsoluteMs;
    return {platform(ok ? AuditStates::kPass : AuditStates::kFail,
                     ok ? seen : seen + QStringLiteral(" Needed: idle at most 60 min, at most 24 h in all."))};
}

QList<AuditFinding> lookConcurrency(const SecuritySettings& s) {
    const QString seen = QStringLiteral("At most %1 sessions per user and %2 on the platform.")
                             .arg(s.sessions.maxPerUser)
                             .arg(s.sessions.maxPlatform);
    const bool ok = s.sessions.maxPerUser <= kMaxSessionsPerUser && s.sessions.maxPlatform <= kMaxSessionsPlatform;
    return {platform(ok ? AuditStates::kPass : AuditStates::kFail,
                     ok ? seen
                        : seen + QStringLiteral(" Needed: at most %1 per user and %2 in all.")
                                     .arg(kMaxSessionsPerUser)
                                     .arg(kMaxSessionsPlatform))};
}

QList<AuditFinding> lookExpiry(const SecuritySettings& s) {
    const int days = s.passwords.expiryDays;
    if (days == 0) {
        return {platform(AuditStates::kFail, QStringLiteral("Passwords never expire."))};
    }
    if (days > kMaxExpiryDays) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("Passwords expire after %1 days; at most %2 is needed.").arg(days).arg(kMaxExpiryDays))};
    }
    return {platform(AuditStates::kPass, QStringLiteral("Passwords expire after %1 days.").arg(days))};
}

QList<AuditFinding> lookPolicy() {
    // The policy is code, not a setting; asking it about known-bad passwords proves it is in force.
    const QStringList weak = {QStringLiteral("Ab1"), QStringLiteral("aaaaaaaa"), QStringLiteral("abcdefgh")};
    QStringList accepted;
    for (const QString& password : weak) {
        if (core::security::PasswordPolicy::check(password, QStringLiteral("admin")).acceptable) {
            accepted << password;
        }
    }
    if (!accepted.isEmpty()) {
        return {platform(AuditStates::kFail, QStringLiteral("The policy accepts %1.").arg(accepted.join(QStringLiteral(", "))))};
    }
    return {platform(AuditStates::kPass,
                     QStringLiteral("Required at setup, for new users, changes and resets: %1")
                         .arg(core::security::PasswordPolicy::rulesSummary()))};
}

QList<AuditFinding> lookAdministrators(Engine& engine) {
    static const QSet<QString> kGuessable = {QStringLiteral("admin"),  QStringLiteral("administrator"),
                                             QStringLiteral("root"),   QStringLiteral("supervisor"),
                                             QStringLiteral("system"), QStringLiteral("default"),
                                             QStringLiteral("user"),   QStringLiteral("888888"),
                                             QStringLiteral("666666"), QStringLiteral("service")};
    auto users = engine.accounts()->users();
    auto roles = engine.accounts()->roles();
    if (!users || !roles) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The users could not be read."))};
    }
    QSet<QString> adminRoles;
    for (const auto& role : roles.value()) {
        if (role.permissions.contains(QLatin1String(Permissions::kUserAdmin))) {
            adminRoles.insert(role.id);
        }
    }
    QStringList admins;
    QStringList guessable;
    for (const auto& user : users.value()) {
        if (user.enabled && adminRoles.contains(user.roleId)) {
            admins << user.userName;
            if (kGuessable.contains(user.userName.toLower())) {
                guessable << user.userName;
            }
        }
    }
    const QString seen = QStringLiteral("Accounts that manage users: %1.").arg(admins.join(QStringLiteral(", ")));
    if (!guessable.isEmpty()) {
        return {platform(AuditStates::kFail,
                         seen + QStringLiteral(" Guessable names: %1; give them personal names (or make new accounts "
                                               "and disable these).")
                                    .arg(guessable.join(QStringLiteral(", "))))};
    }
    return {platform(AuditStates::kPass, seen)};
}

QList<AuditFinding> lookResetInfo(Engine& engine) {
    int emails = 0;
    int questions = 0;
    const Status counted = forEachRow(
        engine.database(),
        QStringLiteral("SELECT r.kind, count(*) FROM recovery r JOIN users u ON u.id = r.user_id JOIN role_permissions p "
                       "ON p.role_id = u.role_id AND p.permission = 'user_admin' WHERE u.enabled = 1 GROUP BY r.kind"),
        {}, [&emails, &questions](const core::store::Statement& row) {
            (row.text(0) == QLatin1String("email") ? emails : questions) = int(row.int64(1));
        });
    if (!counted) {
        // Counts read only in part would be wrong evidence: say the store could not be read.
        return {platform(AuditStates::kUnknown, counted.error().message)};
    }
    const bool resetOn = engine.accounts()->securitySettings().reset.enabled;
    const bool mail = SmtpSettingsDocument::isConfigured(engine.accounts()->smtpSettings());
    const QString seen = QStringLiteral("Administrators' reserved e-mail addresses: %1; security questions: %2; reset by "
                                        "e-mail %3; mail server %4.")
                             .arg(emails)
                             .arg(questions)
                             .arg(resetOn ? QStringLiteral("on") : QStringLiteral("off"),
                                  mail ? QStringLiteral("set") : QStringLiteral("not set"));
    if (emails == 0 || questions < 2) {
        return {platform(AuditStates::kFail, seen + QStringLiteral(" Set an e-mail and at least two questions."))};
    }
    if (resetOn && !mail) {
        return {platform(AuditStates::kFail, seen + QStringLiteral(" Reset by e-mail is on but no mail server is set."))};
    }
    return {platform(AuditStates::kPass, seen)};
}

QList<AuditFinding> lookFunctions(AuditService& audit) {
    QStringList on;
    QStringList unneeded;
    for (const auto& function : audit.functions()) {
        if (!function.enabled) {
            continue;
        }
        on << function.id;
        if (!function.secureDefault && function.confirmedBy.isEmpty()) {
            unneeded << function.id;
        }
    }
    const QString seen = QStringLiteral("On: %1.").arg(on.join(QStringLiteral(", ")));
    if (!unneeded.isEmpty()) {
        return {platform(AuditStates::kFail,
                         seen + QStringLiteral(" Off by default and not declared needed: %1. Switch them off, or on "
                                               "through the function table to declare them needed.")
                                    .arg(unneeded.join(QStringLiteral(", "))))};
    }
    return {platform(AuditStates::kPass, seen + QStringLiteral(" Each is at its secure default or declared needed."))};
}

QList<AuditFinding> lookSecurityLog(Engine& engine) {
    auto statement = engine.database().prepare(QStringLiteral("SELECT count(*), max(time_ms) FROM security_log"));
    if (!statement || !statement->step()) {
        return {platform(AuditStates::kFail, QStringLiteral("The security log cannot be read."))};
    }
    const qint64 count = statement->int64(0);
    if (count == 0) {
        return {platform(AuditStates::kFail, QStringLiteral("The security log is empty: nothing has been recorded."))};
    }
    return {platform(AuditStates::kPass,
                     QStringLiteral("%1 entries, the newest at %2 UTC; append only, searchable at /api/v1/security-log.")
                         .arg(count)
                         .arg(QDateTime::fromMSecsSinceEpoch(statement->int64(1), Qt::UTC).toString(Qt::ISODate)))};
}

QList<AuditFinding> lookAnonymous(Engine& engine) {
    // The routes that answer without a session: only the ones sign-in itself needs.
    static const QSet<QString> kNeeded = {QStringLiteral("/api/v1/setup"), QStringLiteral("/api/v1/auth/login"),
                                          QStringLiteral("/api/v1/system/ca.pem"), QStringLiteral("/api/v1/system/info"),
                                          QStringLiteral("/api/v1/auth/reset/request"),
                                          QStringLiteral("/api/v1/auth/reset/complete"),
                                          QStringLiteral("/api/v1/auth/reset/questions")};
    if (!engine.https()) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The access gateway is not running."))};
    }
    QStringList open;
    QStringList extra;
    for (const Route& route : engine.https()->routes()) {
        if (route.permission == QLatin1String(Permissions::kPublic)) {
            open << route.path;
            if (!kNeeded.contains(route.path)) {
                extra << route.path;
            }
        }
    }
    open.removeDuplicates();
    if (!extra.isEmpty()) {
        return {platform(AuditStates::kFail, QStringLiteral("Open without a session beyond sign-in: %1.").arg(extra.join(QStringLiteral(", "))))};
    }
    return {platform(AuditStates::kPass,
                     QStringLiteral("Only setup, sign-in, password reset and the CA/server information answer without a "
                                    "session (%1 routes); setup closes once the platform is initialised.")
                         .arg(open.size()))};
}

QList<AuditFinding> lookDatabase(Engine& engine) {
    // A plain SQLite file starts with this header; SQLCipher's first page is ciphertext.
    QFile file(engine.dataDir() + QStringLiteral("/vigil.db"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The database file cannot be read: %1").arg(file.errorString()))};
    }
    const QByteArray head = file.read(16);
    if (head.startsWith("SQLite format 3")) {
        return {platform(AuditStates::kFail, QStringLiteral("The database file is plain SQLite: anyone with the file reads it."))};
    }
    return {platform(AuditStates::kPass,
                     QStringLiteral("The database file is encrypted (SQLCipher); its key is kept in the %1, never in the "
                                    "database.")
                         .arg(engine.secretBackend() == QLatin1String("keychain") ? QStringLiteral("system keyring")
                                                                                   : QStringLiteral("0600 key file")))};
}

// Connects to the running gateway like a client would and reports the TLS version it agreed.
void lookHttps(Engine* engine, const core::Cancellation&, CheckDone done) {
    if (!engine->https() || engine->https()->port() == 0) {
        done({platform(AuditStates::kFail, QStringLiteral("The HTTPS gateway is not listening."))});
        return;
    }
    auto* socket = new QSslSocket(engine);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates({engine->authority().certificate});
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);  // the name may be a LAN address: only the version matters here
    socket->setSslConfiguration(tls);
    auto answered = std::make_shared<bool>(false);
    auto finish = [socket, answered, done](QList<AuditFinding> findings) {
        if (*answered) {
            return;
        }
        *answered = true;
        socket->abort();
        socket->deleteLater();
        done(std::move(findings));
    };
    QObject::connect(socket, &QSslSocket::encrypted, socket, [socket, finish, engine] {
        const QSsl::SslProtocol protocol = socket->sessionProtocol();
        const bool modern = protocol == QSsl::TlsV1_2 || protocol == QSsl::TlsV1_3;
        const QString name = protocol == QSsl::TlsV1_3 ? QStringLiteral("TLS 1.3")
                             : protocol == QSsl::TlsV1_2 ? QStringLiteral("TLS 1.2")
                                                         : QStringLiteral("an older TLS version");
        finish({platform(modern ? AuditStates::kPass : AuditStates::kFail,
                         QStringLiteral("A client handshake with %1 agreed %2 (%3); the gateway accepts TLS 1.2 and "
                                        "later only and no plain HTTP port is open.")
                             .arg(engine->baseUrl().toString(), name, socket->sessionCipher().name()))});
    });
    QObject::connect(socket, &QSslSocket::errorOccurred, socket, [socket, finish] {
        finish({platform(AuditStates::kFail, QStringLiteral("No TLS 1.2+ handshake with the gateway: %1").arg(socket->errorString()))});
    });
    QTimer::singleShot(15000, socket, [finish] {
        finish({platform(AuditStates::kFail, QStringLiteral("The gateway did not complete a TLS handshake in 15 s."))});
    });
    socket->connectToHostEncrypted(engine->baseUrl().host(), engine->https()->port());
}

QList<AuditFinding> lookLeastPrivilege(Engine& engine) {
    auto users = engine.accounts()->users();
    auto roles = engine.accounts()->roles();
    if (!users || !roles) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The users could not be read."))};
    }
    const QStringList powerful = {QLatin1String(Permissions::kUserAdmin), QLatin1String(Permissions::kSecurity),
                                  QLatin1String(Permissions::kSystemSettings)};
    QSet<QString> powerfulRoles;
    QStringList fullCopies;
    for (const auto& role : roles.value()) {
        if (std::any_of(powerful.cbegin(), powerful.cend(), [&](const QString& p) { return role.permissions.contains(p); })) {
            powerfulRoles.insert(role.id);
        }
        if (!role.builtin && role.permissions.size() >= Permissions::ids().size()) {
            fullCopies << role.name;
        }
    }
    QStringList admins;
    int enabled = 0;
    for (const auto& user : users.value()) {
        if (!user.enabled) {
            continue;
        }
        ++enabled;
        if (powerfulRoles.contains(user.roleId)) {
            admins << user.userName;
        }
    }
    QString seen = QStringLiteral("%1 of %2 enabled accounts may change users, security or system settings (%3).")
                       .arg(admins.size())
                       .arg(enabled)
                       .arg(admins.join(QStringLiteral(", ")));
    QStringList problems;
    if (admins.size() > kMaxAdministrators) {
        problems << QStringLiteral("more than %1 such accounts").arg(kMaxAdministrators);
    }
    if (!fullCopies.isEmpty()) {
        problems << QStringLiteral("custom roles holding every permission: %1").arg(fullCopies.join(QStringLiteral(", ")));
    }
    if (!problems.isEmpty()) {
        return {platform(AuditStates::kFail, seen + QStringLiteral(" Too broad: %1.").arg(problems.join(QStringLiteral("; "))))};
    }
    return {platform(AuditStates::kPass, seen)};
}

QList<AuditFinding> lookAddressFilter(Engine& engine) {
    const auto& filter = engine.accounts()->addressFilter();
    const QString mode = core::net::AddressFilter::modeName(filter.mode());
    if (filter.mode() == core::net::AddressFilter::Mode::Off) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("No address filter: any address that reaches the port may try to sign in. Set an "
                                        "allow list (PUT /api/v1/settings/address-filter)."))};
    }
    return {platform(AuditStates::kPass, QStringLiteral("Address filter in %1 mode.").arg(mode))};
}

QList<AuditFinding> lookStorage(Engine& engine) {
    if (!engine.recording()) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The recording service is not running."))};
    }
    auto storage = engine.recording()->storage();
    if (!storage) {
        return {platform(AuditStates::kUnknown, storage.error().message)};
    }
    if (!storage->mirror) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("Recordings are only in %1; add a mirror location on another disk.").arg(storage->primary.path))};
    }
    return {platform(AuditStates::kPass,
                     QStringLiteral("Recordings in %1, mirrored to %2.").arg(storage->primary.path, storage->mirror->path))};
}

QList<AuditFinding> lookStoredPasswords(Engine& engine) {
    const auto smtp = engine.accounts()->smtpSettings();
    if (!SmtpSettingsDocument::isConfigured(smtp) || smtp.user.isEmpty()) {
        return {platform(AuditStates::kNotApplicable, QStringLiteral("No stored password for another system (no mail login)."))};
    }
    const auto check = core::security::PasswordPolicy::check(smtp.password, smtp.user);
    if (!check.acceptable) {
        return {platform(AuditStates::kFail, QStringLiteral("The mail server password breaks the password rules: %1")
                                                 .arg(check.strengthReason))};
    }
    return {platform(AuditStates::kPass, QStringLiteral("The mail server password meets the password rules."))};
}

QList<AuditFinding> lookSmtpTls(Engine& engine) {
    const auto smtp = engine.accounts()->smtpSettings();
    if (!SmtpSettingsDocument::isConfigured(smtp)) {
        return {platform(AuditStates::kNotApplicable, QStringLiteral("No mail server is set."))};
    }
    // The client has no plain mode: STARTTLS is required, never optional, or TLS from the first byte.
    return {
        platform(AuditStates::kPass, QStringLiteral("Mail to %1:%2 over %3 (required; no plain fallback).")
                                         .arg(smtp.host, QString::number(smtp.port),
                                              core::net::SmtpSettings::securityName(smtp.security)))};
}

// The first column of every row `sql` returns; empty when it cannot be read.
QStringList firstColumn(Engine& engine, const QString& sql) {
    QStringList values;
    auto statement = engine.database().prepare(sql);
    while (statement) {
        auto row = statement->step();
        if (!row || !row.value()) {
            break;
        }
        values << statement->text(0);
    }
    return values;
}

// SEC-3.5: the subnets devices and clients are on, as evidence for the person confirming isolation.
QList<AuditFinding> lookSubnets(Engine& engine) {
    auto subnetOf = [](const QString& host) {
        QHostAddress address(host);
        if (address.protocol() != QAbstractSocket::IPv4Protocol) {
            return host;
        }
        return QHostAddress(address.toIPv4Address() & 0xFFFFFF00u).toString() + QStringLiteral("/24");
    };
    QSet<QString> devices;
    QSet<QString> clients;
    for (const QString& address : firstColumn(engine, QStringLiteral("SELECT address FROM devices"))) {
        devices.insert(subnetOf(QUrl(address).host()));
    }
    for (const QString& address : firstColumn(engine, QStringLiteral("SELECT DISTINCT address FROM sessions"))) {
        clients.insert(subnetOf(address));
    }
    QStringList deviceList(devices.cbegin(), devices.cend());
    QStringList clientList(clients.cbegin(), clients.cend());
    deviceList.sort();
    clientList.sort();
    const QSet<QString> shared = devices & clients;
    return {platform(AuditStates::kUnknown,
                     QStringLiteral("Devices on: %1. Clients on: %2.%3")
                         .arg(deviceList.isEmpty() ? QStringLiteral("none") : deviceList.join(QStringLiteral(", ")),
                              clientList.isEmpty() ? QStringLiteral("none") : clientList.join(QStringLiteral(", ")),
                              shared.isEmpty() ? QString()
                                               : QStringLiteral(" Shared by devices and clients: %1.")
                                                     .arg(QStringList(shared.cbegin(), shared.cend()).join(QStringLiteral(", ")))))};
}

}  // namespace

void registerPlatformChecks(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    Engine* e = &engine;
    AuditService* a = &audit;
    auto settings = [e] { return e->accounts()->securitySettings(); };
    registry.addCheck(now("sec-1.2-password-policy", [] { return lookPolicy(); }));
    registry.addCheck(now("sec-1.2-password-expiry", [settings] { return lookExpiry(settings()); }));
    registry.addCheck(now("sec-1.2-admin-account", [e] { return lookAdministrators(*e); }));
    registry.addCheck(now("sec-1.3-reset-info", [e] { return lookResetInfo(*e); }));
    registry.addCheck(now("sec-1.6-platform-functions", [a] { return lookFunctions(*a); }));
    registry.addCheck(now("sec-1.7-lockout", [settings] { return lookLockout(settings()); }));
    registry.addCheck(now("sec-1.8-security-log", [e] { return lookSecurityLog(*e); }));
    registry.addCheck(now("sec-1.9-session-timeouts", [settings] { return lookSessions(settings()); }));
    registry.addCheck(now("sec-1.10-anonymous-access", [e] { return lookAnonymous(*e); }));
    registry.addCheck({QStringLiteral("sec-1.10-https-only"),
                       [e](const core::Cancellation& cancel, CheckDone done) { lookHttps(e, cancel, std::move(done)); }});
    registry.addCheck(now("sec-1.10-database-encryption", [e] { return lookDatabase(*e); }));
    registry.addCheck(now("sec-4.1-stored-passwords", [e] { return lookStoredPasswords(*e); }));
    registry.addCheck(now("sec-4.2-smtp-tls", [e] { return lookSmtpTls(*e); }));
    registry.addCheck(now("sec-4.3-incident-response", [] {
        return QList<AuditFinding>{platform(AuditStates::kPass,
                                            QStringLiteral("The security report (HTML and PDF, GET /api/v1/security/report) "
                                                           "lists every item with its evidence and attestations."))};
    }));
    registry.addCheck(now("sec-2.2-least-privilege", [e] { return lookLeastPrivilege(*e); }));
    registry.addCheck(now("sec-2.5-address-filter", [e] { return lookAddressFilter(*e); }));
    registry.addCheck(now("sec-2.6-concurrent-logins", [settings] { return lookConcurrency(settings()); }));
    registry.addCheck(now("sec-2.9-redundant-storage", [e] { return lookStorage(*e); }));
    registry.addCheck(now("sec-2.10-platform-snmp", [] {
        return QList<AuditFinding>{platform(AuditStates::kNotApplicable, QStringLiteral("The platform has no SNMP agent."))};
    }));
    registry.addCheck(now("sec-3.3-standby", [] {
        return QList<AuditFinding>{platform(AuditStates::kFail,
                                            QStringLiteral("This server has no standby server: hot standby is not built yet."))};
    }));
    registry.addCheck(now("sec-3.5-network-isolation", [e] { return lookSubnets(*e); }));

    registry.addFix(settingsFix("password-expiry", "sec-1.2-password-expiry", "Make passwords expire after 90 days", e, mendExpiry));
    registry.addFix(settingsFix("lockout-defaults", "sec-1.7-lockout",
                                "Lock after 5 failed logins in 5 min, for 30 min (where weaker)", e, mendLockout));
    registry.addFix(settingsFix("session-timeouts", "sec-1.9-session-timeouts",
                                "End sessions after 30 min idle and 12 h in all (where longer)", e, mendSessions));
    registry.addFix(settingsFix("concurrent-logins", "sec-2.6-concurrent-logins",
                                "Allow at most 4 sessions per user and 64 in all (where more)", e, mendConcurrency));
    registry.addFix(AuditFix{QStringLiteral("functions-off"), QStringLiteral("sec-1.6-platform-functions"),
                             QStringLiteral("Switch off the network functions nobody declared needed"),
                             [a](const Actor& actor, FixDone done) {
                                 QStringList changed;
                                 for (const auto& function : a->functions()) {
                                     if (function.enabled && !function.secureDefault && function.confirmedBy.isEmpty() &&
                                         function.switchable) {
                                         auto result = a->setFunction(actor, function.id, false);
                                         if (!result) {
                                             done(result.error());
                                             return;
                                         }
                                         changed << QStringLiteral("%1: on -> off").arg(function.id);
                                     }
                                 }
                                 done(changed);
                             }});
}

}  // namespace vigil::server
