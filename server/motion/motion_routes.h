#pragma once
// GET/PUT /api/v1/channels/{id}/motion: a channel's server-side motion settings and status
// (device_config; server/api/openapi.yaml). Channels outside the caller's role look absent.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class DevicesService;
class MotionService;

QList<Route> motionRoutes(MotionService& motion, DevicesService& devices);

}  // namespace vigil::server
