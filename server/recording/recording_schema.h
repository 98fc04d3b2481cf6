#pragma once
// The recording tables (docs/design/recording.md): storage locations, per-channel recording
// settings, the segment index and recorded gaps. Listed in engine/schema.cpp.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration recordingMigration();

}  // namespace vigil::server
