#pragma once
// The event tables (issue 6, EVT-1, EVT-2; docs/design/events.md): every event with its alarm state,
// the alarms' trails, and the rules. Listed in engine/schema.cpp.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration eventsMigration();

}  // namespace vigil::server
