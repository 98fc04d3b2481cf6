#pragma once
// The delivery's part of the access gateway's route table (http/route.h): live and archive
// streams, snapshots and exports under /api/v1/media, described in
// server/api/openapi.yaml and media.yaml.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class DeliveryService;

QList<Route> deliveryRoutes(DeliveryService& delivery);

}  // namespace vigil::server
