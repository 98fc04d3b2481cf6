#pragma once
// The layouts table (issue 5, VID-1): each user's saved Live view layouts. Listed in
// engine/schema.cpp, which stays the one ordered list of the server's migrations.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration layoutsMigration();

}  // namespace vigil::server
