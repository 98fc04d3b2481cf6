#pragma once
// The devices routes of the access gateway (docs/design/devices.md, API; server/api/devices.yaml):
// drivers, devices, channels with status and statistics, the group tree, connection tests and
// discovery jobs, PTZ. Reading needs "live", changing "device_config", PTZ "ptz"; every answer holds
// only the channels the caller's role reaches (channel_access.h).

#include <QList>

#include "http/route.h"

namespace vigil::server {

class DevicesService;

QList<Route> devicesRoutes(DevicesService& devices);

}  // namespace vigil::server
