#include "accounts/security_log_schema.h"

namespace vigil::server {

core::store::Migration securityLogServiceControlMigration() {
    // Same columns as migration 2; only the kinds grow. Ids are copied, and the old table's
    // AUTOINCREMENT counter moves to the new one (RENAME carries it along), so numbering goes on from
    // the highest id ever given, not the highest kept: no id is ever reused.
    return {5, QStringLiteral("security log: service_control entries"), QStringLiteral(R"sql(
CREATE TABLE security_log_v5 (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,  -- increases with each entry, never reused
    time_ms   INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms
    kind      TEXT NOT NULL CHECK (kind IN ('login', 'login_failed', 'lockout', 'logout', 'session_ended',
                                   'session_expired', 'user_created', 'user_changed', 'user_deleted',
                                   'role_created', 'role_changed', 'role_deleted', 'password_changed',
                                   'setting_changed', 'filter_changed', 'password_reset', 'setup',
                                   'service_control')),
    user_name TEXT NOT NULL DEFAULT '',  -- who acted or tried to; '' when nobody is known
    address   TEXT NOT NULL DEFAULT '',  -- from where (IP address); '' for the server itself
    target    TEXT NOT NULL DEFAULT '',  -- what was acted on: user, role, setting, session, service
    detail    TEXT NOT NULL DEFAULT ''   -- what happened, for people
);
INSERT INTO security_log_v5 (id, time_ms, kind, user_name, address, target, detail)
    SELECT id, time_ms, kind, user_name, address, target, detail FROM security_log;
DELETE FROM sqlite_sequence WHERE name = 'security_log_v5';
UPDATE sqlite_sequence SET name = 'security_log_v5' WHERE name = 'security_log';
DROP TABLE security_log;
ALTER TABLE security_log_v5 RENAME TO security_log;
CREATE INDEX security_log_by_time ON security_log (time_ms);
CREATE INDEX security_log_by_user ON security_log (user_name, time_ms);
)sql")};
}

}  // namespace vigil::server
