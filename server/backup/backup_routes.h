#pragma once
// The routes of server/backup under /api/v1/system/backups (SEC-2.7), all with the permission
// "backup"; openapi.yaml and backups.yaml describe them.

#include <QList>

#include "http/route.h"

namespace vigil::server {

class BackupService;

QList<Route> backupRoutes(BackupService& backups);

}  // namespace vigil::server
