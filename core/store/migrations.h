#pragma once
// Versioned schema migrations. Each migration runs once, in order, inside its own transaction;
// the applied version is kept in PRAGMA user_version and a schema_migrations table records when
// each one ran. A database newer than this build knows is refused (store_too_new) rather than
// guessed at.

#include "common/result.h"
#include "store/database.h"

#include <QString>

#include <vector>

namespace vigil::core::store {

struct Migration {
    int version;       // 1, 2, 3 ... without gaps
    QString name;      // short description, recorded in schema_migrations
    QString sql;       // one or more statements
};

class Migrator {
public:
    // Applies every migration whose version is above the database's current version.
    // Returns the version the database is at afterwards.
    static Result<int> migrate(Database& db, const std::vector<Migration>& migrations);
    static Result<int> currentVersion(Database& db);
};

}  // namespace vigil::core::store
