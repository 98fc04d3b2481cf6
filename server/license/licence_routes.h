#pragma once
// The licence routes of the access gateway (LIC-1, server/api/licence.yaml): status, log, settings,
// online activation, the offline request file, activation file import and the Express deactivation.
// Reading and changing the licence both need "system_settings" (administrators).

#include <QList>

#include "http/route.h"

namespace vigil::server {

class LicenceService;

QList<Route> licenceRoutes(LicenceService& licence);

}  // namespace vigil::server
