#pragma once
// Migrations of the security log's table that came after its creation (migration 2, schema.cpp).

#include "store/migrations.h"

namespace vigil::server {

// Migration 5: the `service_control` kind (service start/stop/restart through the API, SRV-1).
// SQLite cannot change a CHECK in place, so the table is rebuilt with its rows and ids kept.
core::store::Migration securityLogServiceControlMigration();

}  // namespace vigil::server
