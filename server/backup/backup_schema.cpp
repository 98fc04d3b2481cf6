#include "backup/backup_schema.h"

#include "accounts/security_log_schema.h"

namespace vigil::server {

core::store::Migration backupSecurityLogMigration() {
    // Migration 5's kinds and these four, written out: a migration's SQL must not change once released.
    return securityLogKindsMigration(
        10, QStringLiteral("security log: backup, restore, factory_reset, update entries"),
        securityLogKindsOfMigration5() + QStringList{QStringLiteral("backup"), QStringLiteral("restore"),
                                                     QStringLiteral("factory_reset"),
                                                     QStringLiteral("update")});
}

}  // namespace vigil::server
