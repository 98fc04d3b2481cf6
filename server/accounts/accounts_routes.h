#pragma once
// The accounts routes of the access gateway (docs/design/accounts.md, API table): setup, login,
// logout, me, own password, permissions, users, roles, sessions, the security log and the security
// settings. The gateway checks each route's permission before its handler runs.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class AccountsService;

QList<Route> accountsRoutes(AccountsService& accounts);

}  // namespace vigil::server
