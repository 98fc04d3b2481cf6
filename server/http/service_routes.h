#pragma once
// Service control through the API (SRV-1, issue 2, for an administrator once accounts exist):
// POST /api/v1/services/{id}/start|stop|restart with the `maintenance` permission, each request
// written to the security log (kind service_control) with who, from where, what and the outcome.
//
// Two services carry the API itself, so stopping either through the API would cut every client off,
// the caller included, with no API left to start it again: "access-gateway" (HTTPS) and
// "accounts" (which checks every token). Their stop answers 409 service_required saying so; both can
// be restarted. A gateway restart answers 202 first and restarts a moment later on the same port,
// since the answer travels on the very connection the restart closes.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class Engine;

// How long the gateway waits between answering a restart of itself and closing its connections.
constexpr int kGatewayRestartDelayMs = 250;

QList<Route> serviceRoutes(Engine& engine);

}  // namespace vigil::server
