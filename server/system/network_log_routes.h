#pragma once
// Routes of /api/v1/system/network-log (SEC-3.1), all needing `security`: the settings and what was
// sent, a change, and a test message. Changes go to the security log (and so to the syslog server).

#include <QList>

#include "http/route.h"

namespace vigil::server {

class AccountsService;
class NetworkLog;

QList<Route> networkLogRoutes(NetworkLog& log, AccountsService& accounts);

}  // namespace vigil::server
