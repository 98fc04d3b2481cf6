#include "audit/audit_registrations.h"

#include "audit/network_functions.h"
#include "audit/platform_checks.h"

namespace vigil::server {

void registerAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    registerNetworkFunctions(registry, engine, audit);
    registerPlatformChecks(registry, engine, audit);
    // Other parts add their line here: time and certificates, backup and updates, device checks.
}

}  // namespace vigil::server
