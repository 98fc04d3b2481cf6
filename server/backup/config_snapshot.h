#pragma once
// ConfigSnapshot: the platform's configuration as data (SEC-2.7): the rows of every table of the
// server database except those holding what happens rather than how the platform is set up
// (kRuntimeTables: sessions, logs, events, the recording index) and this installation's own secrets
// (the TLS material, the database identity settings). A table added by a later migration is part of
// the configuration unless it is listed there, so a new feature's settings are backed up by default.
//
// JSON shape, inside the encrypted backup: {"tables": {"<name>": {"columns": [..], "rows": [[..]]}}}
// with values as null, integers, strings, {"real": x} or {"blob": "<base64>"}.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/migrations.h"

namespace vigil::server {

class ConfigSnapshot {
public:
    // Tables that are never part of a backup nor replaced by a restore.
    static const QStringList& runtimeTables();
    // Settings that belong to this installation, not to its configuration: they never travel and a
    // restore keeps the current values (the platform id, the backup signing key).
    static const QStringList& localSettings();

    // The configuration tables present in `db`, sorted.
    static core::Result<QStringList> configTables(core::store::Database& db);
    static core::Result<QJsonObject> capture(core::store::Database& db);

    // Loads `snapshot`, taken at `schemaVersion`, into a scratch database made by the first
    // `schemaVersion` of `migrations` in `scratchDir`, migrates it to the last one and captures it
    // again: the snapshot at the current schema, with every constraint checked on the way. Errors:
    // backup_schema_newer (made by a later schema than `migrations` knows), backup_contents_invalid.
    static core::Result<QJsonObject> upgrade(const QJsonObject& snapshot, int schemaVersion,
                                             const std::vector<core::store::Migration>& migrations,
                                             const QString& scratchDir);

    // Replaces the rows of every table in `snapshot` in one transaction (foreign keys checked at the
    // commit); local settings keep their current values. Nothing changes when it fails.
    static core::Status apply(core::store::Database& db, const QJsonObject& snapshot);
};

}  // namespace vigil::server
