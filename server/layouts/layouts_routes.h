#pragma once
// The layouts routes of the access gateway (issue 5, VID-1; server/api/layouts.yaml): the caller's
// own saved Live view layouts under /api/v1/layouts, all with permission `live`. Another user's
// layout looks absent (404), as if it did not exist.

#include <QList>

#include "http/route.h"

namespace vigil::core {
class Clock;
}
namespace vigil::core::store {
class Database;
}

namespace vigil::server {

QList<Route> layoutsRoutes(core::store::Database& db, const core::Clock& clock);

}  // namespace vigil::server
