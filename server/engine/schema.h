#pragma once
// The server database schema, as an ordered list of migrations. This file is the authority for the
// data: every table and column is commented, units are in column names, invariants are CHECKs.

#include "store/migrations.h"

#include <vector>

namespace vigil::server {

const std::vector<core::store::Migration>& serverMigrations();

}  // namespace vigil::server
