#pragma once
// The database migration of server/backup: the security log's kinds for backups, restores, factory
// defaults and update manifests (SEC-2.7, SEC-1.1, SEC-1.4). SQLite cannot change a CHECK in place,
// so the table is rebuilt with its rows and ids kept, as migration 5 did
// (accounts/security_log_schema.h: securityLogKindsMigration). A later migration adding kinds must
// list these too.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration backupSecurityLogMigration();

}  // namespace vigil::server
