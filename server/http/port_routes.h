#pragma once
// Routes of /api/v1/system/ports (SEC-2.1): the port of every listening service, and a change of one,
// which restarts only that service. Today the access gateway (HTTPS: API, events, media) is the one
// service that listens; the table is per service so the next one (an RTSP re-stream, a syslog
// receiver...) adds a row. Ports 1025..65535 only: below that a service needs privileges it should
// not have, and well-known ports are what batch scanners look at first.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class Engine;

QList<Route> portRoutes(Engine& engine);

}  // namespace vigil::server
