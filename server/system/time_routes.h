#pragma once
// Routes of /api/v1/system/time (SEC-1.5): the time status and settings (system_settings), and a
// check on demand. Changes go to the security log.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class AccountsService;
class TimeService;

QList<Route> timeRoutes(TimeService& time, AccountsService& accounts);

}  // namespace vigil::server
