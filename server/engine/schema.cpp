#include "engine/schema.h"

#include "accounts/security_log_schema.h"
#include "audit/audit_schema.h"
#include "backup/backup_schema.h"
#include "devices/devices_schema.h"
#include "events/events_schema.h"
#include "layouts/layouts_schema.h"
#include "license/licence_schema.h"
#include "motion/motion_schema.h"
#include "recording/recording_schema.h"

namespace vigil::server {

const std::vector<core::store::Migration>& serverMigrations() {
    static const std::vector<core::store::Migration> kMigrations = {
        {1, QStringLiteral("settings and TLS material"), QStringLiteral(R"sql(
-- Key/value settings of this server (ports, names, policies). Values are text; the code that owns a
-- key parses it. The key names are dotted: "https.port", "server.id".
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
    value      TEXT NOT NULL,
    updated_ms INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms of the last change
);

-- The platform's certificate authority and its current server certificate (SEC-2.3). Private keys
-- live only here, inside the encrypted database.
CREATE TABLE tls_material (
    name            TEXT PRIMARY KEY NOT NULL CHECK (name IN ('authority', 'server')),
    certificate_pem TEXT NOT NULL,
    key_pem         TEXT NOT NULL,
    created_ms      INTEGER NOT NULL CHECK (created_ms >= 0)  -- UTC ms when it was issued
);
)sql")},
        {2, QStringLiteral("accounts, sessions, security log"), QStringLiteral(R"sql(
-- Roles (SEC-2.2). The built-in ones (builtin = 1) are inserted here and never change; custom roles
-- are made by administrators. A role is a set of permissions plus the channels it reaches.
CREATE TABLE roles (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- "administrator" ... or a UUID
    name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),  -- shown to people
    builtin      INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),  -- 1: fixed, not deletable
    all_channels INTEGER NOT NULL DEFAULT 1 CHECK (all_channels IN (0, 1)),  -- 0: only role_channels
    created_ms   INTEGER NOT NULL CHECK (created_ms >= 0)  -- UTC ms
);

-- The permission ids a role grants (model/permissions.h lists them), one row each.
CREATE TABLE role_permissions (
    role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission TEXT NOT NULL CHECK (permission IN ('live', 'playback', 'export', 'ptz', 'device_config',
                                    'event_handling', 'user_admin', 'system_settings', 'security',
                                    'backup', 'maintenance', 'logs')),
    PRIMARY KEY (role_id, permission)
);

-- The channels a role reaches when roles.all_channels = 0, one row each.
CREATE TABLE role_channels (
    role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
    PRIMARY KEY (role_id, channel_id)
);

-- People and programs that log in. Passwords only as Argon2id PHC strings (core/security/
-- password_hasher.h), which carry their own parameters so they can be upgraded at the next login.
CREATE TABLE users (
    id                   TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID, never reused
    user_name            TEXT NOT NULL CHECK (length(user_name) BETWEEN 1 AND 64),
    user_name_key        TEXT NOT NULL UNIQUE,  -- user_name case-folded: names are unique whatever the case
    password_hash        TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    role_id              TEXT NOT NULL REFERENCES roles (id),
    enabled              INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    valid_from_ms        INTEGER NOT NULL DEFAULT 0 CHECK (valid_from_ms >= 0),  -- UTC ms; 0: no start
    valid_until_ms       INTEGER NOT NULL DEFAULT 0 CHECK (valid_until_ms >= 0),  -- UTC ms; 0: no end
    allowed_addresses    TEXT NOT NULL DEFAULT '',  -- addresses/CIDR ranges, one per line; '': any
    memo                 TEXT NOT NULL DEFAULT '',
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    password_changed_ms  INTEGER NOT NULL CHECK (password_changed_ms >= 0),  -- UTC ms
    created_ms           INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    last_login_ms        INTEGER NOT NULL DEFAULT 0 CHECK (last_login_ms >= 0),  -- UTC ms; 0: never
    CHECK (valid_until_ms = 0 OR valid_until_ms > valid_from_ms)
);

-- Login sessions (SEC-1.9). Only the SHA-256 of the bearer token is kept (core/security/
-- session_token.h): a copy of this table does not hand out live sessions. Rows go when the session
-- ends (logout, timeout, ended by an administrator); the security log keeps the history.
CREATE TABLE sessions (
    id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- opaque handle shown in the API
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),  -- lower-case hex SHA-256
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address       TEXT NOT NULL,  -- the client's IP address at login
    client_kind   TEXT NOT NULL CHECK (client_kind IN ('workstation', 'web', 'server')),
    since_ms      INTEGER NOT NULL CHECK (since_ms >= 0),  -- UTC ms of the login
    last_seen_ms  INTEGER NOT NULL CHECK (last_seen_ms >= since_ms),  -- UTC ms of the last request
    expires_ms    INTEGER NOT NULL CHECK (expires_ms > since_ms)  -- UTC ms of the absolute end
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- The security log (SEC-1.8): logins, failures, lockouts, session ends, user/role/setting changes.
-- Append only: the code has no UPDATE or DELETE for it and the API no route that writes it.
CREATE TABLE security_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,  -- increases with each entry, never reused
    time_ms   INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms
    kind      TEXT NOT NULL CHECK (kind IN ('login', 'login_failed', 'lockout', 'logout', 'session_ended',
                                   'session_expired', 'user_created', 'user_changed', 'user_deleted',
                                   'role_created', 'role_changed', 'role_deleted', 'password_changed',
                                   'setting_changed', 'filter_changed', 'password_reset', 'setup')),
    user_name TEXT NOT NULL DEFAULT '',  -- who acted or tried to; '' when nobody is known
    address   TEXT NOT NULL DEFAULT '',  -- from where (IP address); '' for the server itself
    target    TEXT NOT NULL DEFAULT '',  -- what was acted on: user, role, setting, session
    detail    TEXT NOT NULL DEFAULT ''   -- what happened, for people
);
CREATE INDEX security_log_by_time ON security_log (time_ms);
CREATE INDEX security_log_by_user ON security_log (user_name, time_ms);

-- What password reset needs (SEC-1.3), set at initialisation: the reserved e-mail (one row) and the
-- security questions with Argon2id-hashed answers (several rows). kind says which a row is.
CREATE TABLE recovery (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('email', 'question')),
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,  -- whose password it resets
    position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),  -- question order, from 0
    text        TEXT NOT NULL CHECK (length(text) > 0),  -- the e-mail address or the question
    answer_hash TEXT,  -- Argon2id PHC string of the normalised answer; NULL for the e-mail
    CHECK ((kind = 'email' AND answer_hash IS NULL) OR (kind = 'question' AND answer_hash LIKE '$argon2id$%')),
    UNIQUE (user_id, kind, position)
);

INSERT INTO roles (id, name, builtin, all_channels, created_ms) VALUES
    ('administrator', 'Administrator', 1, 1, 0),
    ('operator', 'Operator', 1, 1, 0),
    ('viewer', 'Viewer', 1, 1, 0),
    ('live_viewer', 'Live viewer', 1, 1, 0),
    ('auditor', 'Auditor', 1, 1, 0);
INSERT INTO role_permissions (role_id, permission) VALUES
    ('administrator', 'live'), ('administrator', 'playback'), ('administrator', 'export'),
    ('administrator', 'ptz'), ('administrator', 'device_config'), ('administrator', 'event_handling'),
    ('administrator', 'user_admin'), ('administrator', 'system_settings'), ('administrator', 'security'),
    ('administrator', 'backup'), ('administrator', 'maintenance'), ('administrator', 'logs'),
    ('operator', 'live'), ('operator', 'playback'), ('operator', 'export'), ('operator', 'ptz'),
    ('operator', 'event_handling'),
    ('viewer', 'live'), ('viewer', 'playback'),
    ('live_viewer', 'live'),
    ('auditor', 'logs');
)sql")},
        {3, QStringLiteral("password reset codes"), QStringLiteral(R"sql(
-- One-time codes for password reset by e-mail (SEC-1.3). Only an Argon2id hash of the code is kept,
-- so a copy of the database does not hand out a working code. One live code per user: a new request
-- replaces the old one, and using a code deletes it, which is what makes it single-use.
CREATE TABLE reset_codes (
    user_id    TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,  -- whose password
    code_hash  TEXT NOT NULL CHECK (code_hash LIKE '$argon2id$%'),  -- PHC string of the code
    created_ms INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms when it was sent
    expires_ms INTEGER NOT NULL CHECK (expires_ms > created_ms)  -- UTC ms after which it is refused
);
)sql")},
        devicesMigration(),
        securityLogServiceControlMigration(),
        recordingMigration(),
        eventsMigration(),
        layoutsMigration(),
        licenceMigration(),
        backupSecurityLogMigration(),
        motionMigration(),
        auditMigration(),
    };
    return kMigrations;
}

}  // namespace vigil::server
