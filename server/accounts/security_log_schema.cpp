#include "accounts/security_log_schema.h"

namespace vigil::server {

core::store::Migration securityLogKindsMigration(int version, const QString& name, const QStringList& kinds) {
    // Same columns as migration 2; only the kinds grow. Ids are copied, and the old table's
    // AUTOINCREMENT counter moves to the new one (RENAME carries it along), so numbering goes on from
    // the highest id ever given, not the highest kept: no id is ever reused.
    return {version, name,
            QStringLiteral(R"sql(
CREATE TABLE security_log_v%1 (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,  -- increases with each entry, never reused
    time_ms   INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms
    kind      TEXT NOT NULL CHECK (kind IN ('%2')),
    user_name TEXT NOT NULL DEFAULT '',  -- who acted or tried to; '' when nobody is known
    address   TEXT NOT NULL DEFAULT '',  -- from where (IP address); '' for the server itself
    target    TEXT NOT NULL DEFAULT '',  -- what was acted on: user, role, setting, session, service, file
    detail    TEXT NOT NULL DEFAULT ''   -- what happened, for people
);
INSERT INTO security_log_v%1 (id, time_ms, kind, user_name, address, target, detail)
    SELECT id, time_ms, kind, user_name, address, target, detail FROM security_log;
DELETE FROM sqlite_sequence WHERE name = 'security_log_v%1';
UPDATE sqlite_sequence SET name = 'security_log_v%1' WHERE name = 'security_log';
DROP TABLE security_log;
ALTER TABLE security_log_v%1 RENAME TO security_log;
CREATE INDEX security_log_by_time ON security_log (time_ms);
CREATE INDEX security_log_by_user ON security_log (user_name, time_ms);
)sql")
                .arg(version)
                .arg(kinds.join(QStringLiteral("', '")))};
}

const QStringList& securityLogKindsOfMigration5() {
    static const QStringList kKinds = {QStringLiteral("login"),
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
                                       QStringLiteral("service_control")};
    return kKinds;
}

core::store::Migration securityLogServiceControlMigration() {
    return securityLogKindsMigration(5, QStringLiteral("security log: service_control entries"),
                                     securityLogKindsOfMigration5());
}

}  // namespace vigil::server
