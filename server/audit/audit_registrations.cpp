#include "audit/audit_registrations.h"

#include "audit/network_functions.h"
#include "audit/platform_checks.h"
#include "backup/backup_audit_checks.h"
#include "devices/device_audit_checks.h"
#include "system/system_audit_checks.h"

namespace vigil::server {

void registerAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    registerNetworkFunctions(registry, engine, audit);
    registerPlatformChecks(registry, engine, audit);
    registerSystemAuditChecks(registry, engine, audit);
    registerBackupAuditChecks(registry, engine, audit);
    registerDeviceAuditChecks(registry, engine, audit);
}

}  // namespace vigil::server
