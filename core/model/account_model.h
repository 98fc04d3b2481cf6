#pragma once
// API value types for accounts and access security (issue 3): users, roles, sessions, the security
// log, security settings, and the bodies of setup, login and password change. docs/design/accounts.md
// explains them; server/api/accounts.yaml describes the same shapes. Times are UTC milliseconds.
//
// Two kinds of fromJson, because the two directions are held to different standards:
//  - fromJson on a shape the server SENDS (User, Role, Session, LogEntry, LoginResponse, ...) reads a
//    response: unknown fields are ignored, errors are "bad_response".
//  - fromRequest on a shape the server RECEIVES (UserInput, RoleInput, SetupRequest, LoginRequest,
//    PasswordChangeRequest, SecuritySettings) is strict: unknown fields and wrong types are refused
//    with "bad_request" naming the field and what it expects.
// SecuritySettings travels both ways and has both.

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::model {

struct User {
    QString id;  // opaque, stable
    QString userName;
    QString roleId;
    bool enabled = true;
    qint64 validFromMs = 0;        // 0: no start
    qint64 validUntilMs = 0;       // 0: no end
    QStringList allowedAddresses;  // addresses or CIDR ranges the user may log in from; empty: any
    QString memo;
    bool mustChangePassword = false;
    qint64 passwordChangedMs = 0;
    qint64 createdMs = 0;
    qint64 lastLoginMs = 0;  // 0: never

    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject& json);
};

// The body of POST /users and PUT /users/{id}. `present` says which fields the request carried: a PUT
// changes only those, a POST fills the others with the defaults below (least privilege: live_viewer).
struct UserInput {
    static constexpr auto kDefaultRoleId = "live_viewer";

    QString userName;
    QString roleId = QString::fromLatin1(kDefaultRoleId);
    bool enabled = true;
    qint64 validFromMs = 0;
    qint64 validUntilMs = 0;
    QStringList allowedAddresses;
    QString memo;
    bool mustChangePassword = false;
    QString password;  // required by POST, optional for PUT (empty: unchanged)
    QSet<QString> present;

    bool has(const char* field) const { return present.contains(QLatin1String(field)); }
    QJsonObject toJson() const;  // every field except an empty password
    static Result<UserInput> fromRequest(const QJsonObject& json);
};

struct Role {
    QString id;  // the built-ins are named ("administrator", ...); custom roles get an opaque id
    QString name;
    bool builtin = false;
    QStringList permissions;  // permission ids (model/permissions.h)
    bool allChannels = true;
    QStringList channels;  // channel ids, when not allChannels

    QJsonObject toJson() const;
    static Result<Role> fromJson(const QJsonObject& json);
};

// The body of POST /roles and PUT /roles/{id}; every field is required.
struct RoleInput {
    QString name;
    QStringList permissions;
    bool allChannels = true;
    QStringList channels;

    QJsonObject toJson() const;
    static Result<RoleInput> fromRequest(const QJsonObject& json);
};

struct Session {
    QString id;  // an opaque handle, never the token or its hash
    QString userName;
    QString address;
    QString clientKind;  // workstation | web | server
    qint64 sinceMs = 0;
    qint64 lastSeenMs = 0;
    bool current = false;  // the session that asked

    QJsonObject toJson() const;
    static Result<Session> fromJson(const QJsonObject& json);
};

struct LogEntry {
    qint64 id = 0;  // increases with each entry
    qint64 timeMs = 0;
    QString kind;      // login, login_failed, lockout, ... (docs/design/accounts.md)
    QString userName;  // who acted (or tried to); empty when nobody is known
    QString address;   // from where
    QString target;    // what was acted on: a user name, a role, a setting, a session
    QString detail;    // what happened, for people

    static const QStringList& kinds();

    QJsonObject toJson() const;
    static Result<LogEntry> fromJson(const QJsonObject& json);
};

struct SecuritySettings {
    // What validate() accepts, public so that forms check the same numbers before sending (one rule).
    // Two bounds depend on another value: absoluteTimeoutMs >= idleTimeoutMs, maxPerUser <= maxPlatform.
    static constexpr qint64 kSecondMs = 1000;
    static constexpr qint64 kDayMs = 24 * 60 * 60 * kSecondMs;
    static constexpr int kMaxAttempts = 1000;
    static constexpr qint64 kMinDurationMs = kSecondMs;  // windows, locks and timeouts
    static constexpr qint64 kMaxWindowMs = kDayMs;
    static constexpr qint64 kMaxLockMs = 30 * kDayMs;
    static constexpr qint64 kMaxIdleTimeoutMs = 30 * kDayMs;
    static constexpr qint64 kMaxAbsoluteTimeoutMs = 365 * kDayMs;
    static constexpr int kMaxSessions = 100000;
    static constexpr int kMaxExpiryDays = 3650;
    static constexpr qint64 kMaxAutoLockMs = kDayMs;

    struct Lockout {
        int attempts = 5;
        qint64 windowMs = 5 * 60 * 1000;
        qint64 lockMs = 30 * 60 * 1000;
    };
    struct Sessions {
        qint64 idleTimeoutMs = 30 * 60 * 1000;
        qint64 absoluteTimeoutMs = 12 * 60 * 60 * 1000;
        int maxPlatform = 64;
        int maxPerUser = 4;
    };
    struct Passwords {
        int expiryDays = 0;  // 0: passwords never expire
    };
    struct Reset {
        bool enabled = false;
    };
    struct Workstation {
        qint64 autoLockMs = 0;  // 0: never
    };

    Lockout lockout;
    Sessions sessions;
    Passwords passwords;
    Reset reset;
    Workstation workstation;

    // bad_request naming the first value out of range and the range to use.
    Status validate() const;

    QJsonObject toJson() const;
    static Result<SecuritySettings> fromJson(const QJsonObject& json);     // tolerant
    static Result<SecuritySettings> fromRequest(const QJsonObject& json);  // strict, then validate()
};

struct SecurityQuestion {
    QString question;
    QString answer;
};

struct SetupRequest {
    static constexpr int kQuestionCount = 3;

    QString userName;
    QString password;
    QString email;                      // the reserved e-mail for password reset (SEC-1.3)
    QList<SecurityQuestion> questions;  // exactly kQuestionCount, none empty

    QJsonObject toJson() const;
    static Result<SetupRequest> fromRequest(const QJsonObject& json);
};

struct SetupStatus {
    bool initialised = false;
    QString passwordRules;  // PasswordPolicy::rulesSummary()

    QJsonObject toJson() const;
    static Result<SetupStatus> fromJson(const QJsonObject& json);
};

struct LoginRequest {
    QString userName;
    QString password;
    QString clientKind = QStringLiteral("workstation");  // workstation | web | server

    static const QStringList& clientKinds();

    QJsonObject toJson() const;
    static Result<LoginRequest> fromRequest(const QJsonObject& json);
};

struct LoginResponse {
    QString token;
    qint64 expiresMs = 0;      // the absolute end of the session
    qint64 idleTimeoutMs = 0;  // the session ends after this long without a request
    // SecuritySettings::workstation.autoLockMs: every user's workstation locks itself after this long
    // without input (CLI-2), whatever the user's permissions; 0: never.
    qint64 autoLockMs = 0;
    bool mustChangePassword = false;
    User user;
    QStringList permissions;

    QJsonObject toJson() const;
    static Result<LoginResponse> fromJson(const QJsonObject& json);
};

// GET /auth/me.
struct MeResponse {
    User user;
    QStringList permissions;
    Session session;
    qint64 autoLockMs = 0;  // as in LoginResponse, so a workstation follows a changed setting

    QJsonObject toJson() const;
    static Result<MeResponse> fromJson(const QJsonObject& json);
};

struct PasswordChangeRequest {
    QString currentPassword;
    QString newPassword;

    QJsonObject toJson() const;
    static Result<PasswordChangeRequest> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model
