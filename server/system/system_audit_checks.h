#pragma once
// The security audit's checks of the platform's system features (issue 8; server/audit/audit_registry.h):
// time synchronisation (SEC-1.5, a fresh NTP check: passes only when a server answers now), service
// ports (SEC-2.1), the server certificate (SEC-2.3, with a fix that re-issues a platform-signed one
// that is expiring), media encryption per camera (SEC-2.4) and the network log (SEC-3.1, a test
// message over TLS: passes only when the syslog server takes it).

namespace vigil::server {

class AuditRegistry;
class AuditService;
class Engine;

void registerSystemAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit);

}  // namespace vigil::server
