#pragma once
// GET /api/v1/devices/encryption (SEC-2.4): each camera's legs and whether they are encrypted, for
// the channels the caller's role reaches (device_config).

#include <QList>

#include "http/route.h"

namespace vigil::server {

class DevicesService;

QList<Route> mediaEncryptionRoutes(DevicesService& devices);

}  // namespace vigil::server
