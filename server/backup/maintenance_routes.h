#pragma once
// Factory defaults (SEC-1.1) and updates (SEC-1.4) under /api/v1/system, with the permission
// "maintenance"; openapi.yaml and backups.yaml describe them.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class FactoryDefaults;
class UpdateCatalogue;

QList<Route> maintenanceRoutes(FactoryDefaults& defaults, UpdateCatalogue& updates);

}  // namespace vigil::server
