#pragma once
// The security audit's tables (issue 8): migration number in schema.cpp's list.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration auditMigration();

}  // namespace vigil::server
