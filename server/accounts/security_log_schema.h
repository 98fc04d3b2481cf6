#pragma once
// Migrations of the security log's table that came after its creation (migration 2, schema.cpp).

#include <QStringList>

#include "store/migrations.h"

namespace vigil::server {

// A migration that rebuilds the security log allowing `kinds` (SQLite cannot change a CHECK in
// place), its rows and ids kept. A later one must list every kind allowed before it, too.
core::store::Migration securityLogKindsMigration(int version, const QString& name, const QStringList& kinds);

// The kinds migration 5 allows (frozen: later migrations add to them).
const QStringList& securityLogKindsOfMigration5();

// Migration 5: the `service_control` kind (service start/stop/restart through the API, SRV-1).
core::store::Migration securityLogServiceControlMigration();

}  // namespace vigil::server
