#include "store/migrations.h"

#include <QDateTime>

#include "common/logging.h"

namespace vigil::core::store {

namespace {

// Versions must run 1, 2, 3 ... in list order: a gap or a swap means a migration was lost or
// misnumbered in a merge, and applying the rest would build a schema nobody tested.
Status validate(const std::vector<Migration>& migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const int expected = static_cast<int>(i) + 1;
        const Migration& migration = migrations[i];
        if (migration.version != expected) {
            return Error::make(QStringLiteral("store_migrations_invalid"),
                               QStringLiteral("Migration list is broken: entry %1 (\"%2\") has version %3, "
                                              "expected %4. Versions must be 1, 2, 3 ... without gaps, in "
                                              "order. This is a defect in this build of Vigil.")
                                   .arg(QString::number(i + 1), migration.name,
                                        QString::number(migration.version), QString::number(expected)));
        }
        if (migration.name.trimmed().isEmpty()) {
            return Error::make(QStringLiteral("store_migrations_invalid"),
                               QStringLiteral("Migration %1 has no name. This is a defect in this build of "
                                              "Vigil.")
                                   .arg(migration.version));
        }
    }
    return {};
}

Status apply(Database& db, const Migration& migration) {
    Transaction transaction(db);
    if (!transaction.status()) {
        return transaction.status();
    }
    // Kept in the same transaction as the schema change, so the record and the schema never disagree.
    Status ready =
        db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                               "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                               "applied_ms INTEGER NOT NULL)"));
    if (!ready) {
        return ready;
    }
    if (Status changed = db.exec(migration.sql); !changed) {
        return changed;
    }
    auto record = db.prepare(
        QStringLiteral("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?1, ?2, ?3)"));
    if (!record) {
        return record.error();
    }
    record->bind(1, migration.version).bind(2, migration.name).bind(3, QDateTime::currentMSecsSinceEpoch());
    if (Status recorded = record->run(); !recorded) {
        return recorded;
    }
    // PRAGMA takes no parameters; the version is an int we made, not user input.
    if (Status versioned = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        !versioned) {
        return versioned;
    }
    return transaction.commit();
}

}  // namespace

Result<int> Migrator::currentVersion(Database& db) {
    auto query = db.prepare(QStringLiteral("PRAGMA user_version"));
    if (!query) {
        return query.error();
    }
    auto row = query->step();
    if (!row) {
        return row.error();
    }
    return row.value() ? static_cast<int>(query->int64(0)) : 0;
}

Result<int> Migrator::migrate(Database& db, const std::vector<Migration>& migrations) {
    if (Status valid = validate(migrations); !valid) {
        return valid.error();
    }
    auto current = currentVersion(db);
    if (!current) {
        return current.error();
    }
    const int known = static_cast<int>(migrations.size());
    int version = current.value();
    if (version > known) {
        return Error::make(
            QStringLiteral("store_too_new"),
            QStringLiteral("The database %1 has schema version %2, but this Vigil knows versions "
                           "up to %3: it was written by a newer Vigil. Install that version "
                           "(or newer) again, or restore a backup made with this one.")
                .arg(db.path(), QString::number(version), QString::number(known)));
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= version) {
            continue;
        }
        if (Status applied = apply(db, migration); !applied) {
            return Error::make(
                QStringLiteral("store_migration_failed"),
                QStringLiteral("Upgrading the database %1 to version %2 (\"%3\") failed and was "
                               "rolled back; the database stays at version %4. %5")
                    .arg(db.path(), QString::number(migration.version), migration.name,
                         QString::number(version), applied.error().message));
        }
        version = migration.version;
        qCInfo(lcStore).noquote() << "database migrated to version" << version << "-" << migration.name;
    }
    return version;
}

}  // namespace vigil::core::store
