#pragma once
// The platform's network-facing functions for the function-minimisation table (SEC-1.6): what the
// platform offers on the network, its state, its secure default and how to switch it. Functions the
// platform does not have are listed too (never on), so the table answers for the whole list the
// hardening guides name.

namespace vigil::server {

class AuditRegistry;
class AuditService;
class Engine;

void registerNetworkFunctions(AuditRegistry& registry, Engine& engine, AuditService& audit);

}  // namespace vigil::server
