#pragma once
// Migration 4: the devices service's tables (device groups, devices, their credentials and channels).
// Listed in engine/schema.cpp, which stays the one ordered list of the server's migrations.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration devicesMigration();

}  // namespace vigil::server
