#pragma once
// The security audit's checks of what server/backup provides (issue 8; server/audit/audit_registry.h):
// the configuration backup (SEC-2.7: a schedule with a passphrase and a backup within its period),
// updates (SEC-1.4: an imported signed manifest and what it says of the platform and client) and
// factory defaults (SEC-1.1: the route needs `maintenance`, held by administrators only). Also sets
// the audit's backup hook: fixes run only after BackupService::backupNow() made a backup (WIZ-2).

namespace vigil::server {

class AuditRegistry;
class AuditService;
class Engine;

void registerBackupAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit);

}  // namespace vigil::server
