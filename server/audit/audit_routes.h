#pragma once
// The security audit's routes under /api/v1/security/ (issue 8; server/api/security.yaml). Every one
// needs the `security` permission.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class AuditService;
class Engine;

QList<Route> auditRoutes(AuditService& audit, Engine& engine);

}  // namespace vigil::server
