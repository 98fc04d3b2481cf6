#pragma once
// The one place where the engine's parts register their audit checks, fixes and network functions
// (audit_registry.h). Each part writes a register function in its own folder and adds one line to
// registerAuditChecks() in audit_registrations.cpp.

namespace vigil::server {

class AuditRegistry;
class AuditService;
class Engine;

void registerAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit);

}  // namespace vigil::server
