#pragma once
// The licence tables (LIC-1): migration number in schema.cpp's list.

#include "store/migrations.h"

namespace vigil::server {

core::store::Migration licenceMigration();

}  // namespace vigil::server
