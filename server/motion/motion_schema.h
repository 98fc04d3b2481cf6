#pragma once
// The motion_settings table (server-side motion detection, issue 6). Listed in engine/schema.cpp.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration motionMigration();

}  // namespace vigil::server
