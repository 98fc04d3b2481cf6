#include "backup/config_snapshot.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::store::Database;
using core::store::Statement;

namespace {

const QString kTables = QStringLiteral("tables");
const QString kColumns = QStringLiteral("columns");
const QString kRows = QStringLiteral("rows");

Error invalid(const QString& problem) {
    return Error::make(
        QStringLiteral("backup_contents_invalid"),
        QStringLiteral("The backup's contents do not fit this platform's database: %1. Nothing was "
                       "changed. Use another backup, or restore it on the version that made it.")
            .arg(problem));
}

QString quoted(const QString& identifier) {
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QJsonValue valueOf(const Statement& row, int column) {
    switch (row.columnType(column)) {
        case Statement::Type::Integer:
            return QJsonValue(row.int64(column));
        case Statement::Type::Real:
            return QJsonObject{{QStringLiteral("real"), row.real(column)}};
        case Statement::Type::Text:
            return row.text(column);
        case Statement::Type::Blob:
            return QJsonObject{{QStringLiteral("blob"), QString::fromLatin1(row.blob(column).toBase64())}};
        case Statement::Type::Null:
            break;
    }
    return QJsonValue::Null;
}

bool bindValue(Statement& statement, int index, const QJsonValue& value) {
    if (value.isNull()) {
        statement.bindNull(index);
    } else if (value.isString()) {
        statement.bind(index, value.toString());
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        if (number != static_cast<double>(static_cast<qint64>(number))) {
            return false;  // integers only; reals travel as {"real": x}
        }
        statement.bind(index, static_cast<qint64>(number));
    } else if (value.isObject() && value.toObject().size() == 1 &&
               value.toObject().value(QStringLiteral("real")).isDouble()) {
        statement.bind(index, value.toObject().value(QStringLiteral("real")).toDouble());
    } else if (value.isObject() && value.toObject().size() == 1 &&
               value.toObject().value(QStringLiteral("blob")).isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toObject().value(QStringLiteral("blob")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return false;
        }
        statement.bind(index, decoded.decoded);
    } else {
        return false;
    }
    return true;
}

Result<QStringList> columnsOf(Database& db, const QString& table) {
    QStringList columns;
    const Status read = forEachRow(db, QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)), {},
                                   [&columns](const Statement& row) { columns.append(row.text(1)); });
    if (!read) {
        return read.error();
    }
    return columns;
}

// Settings rows whose key is local are neither captured nor replaced.
QString localSettingsList() {
    QStringList keys;
    for (const QString& key : ConfigSnapshot::localSettings()) {
        keys.append(QLatin1Char('\'') + key + QLatin1Char('\''));
    }
    return keys.join(u", ");
}

Status clearTable(Database& db, const QString& table) {
    const bool settings = table == QLatin1String("settings");
    const QString keep =
        settings ? QStringLiteral(" WHERE key NOT IN (%1)").arg(localSettingsList()) : QString();
    return db.exec(QStringLiteral("DELETE FROM %1%2").arg(quoted(table), keep));
}

Status fillTable(Database& db, const QString& table, const QJsonObject& data) {
    auto known = columnsOf(db, table);
    if (!known) {
        return known.error();
    }
    const bool settings = table == QLatin1String("settings");
    const QJsonArray columnsJson = data.value(kColumns).toArray();
    QStringList columns;
    for (const QJsonValue& column : columnsJson) {
        if (!column.isString() || !known->contains(column.toString()) ||
            columns.contains(column.toString())) {
            return invalid(
                QStringLiteral("table %1 has no column \"%2\"").arg(table, column.toString().left(64)));
        }
        columns.append(column.toString());
    }
    const QJsonArray rows = data.value(kRows).toArray();
    if (columns.isEmpty()) {
        return rows.isEmpty() ? Status{}
                              : invalid(QStringLiteral("table %1 has rows but no columns").arg(table));
    }
    QStringList quotedColumns;
    QStringList places;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        quotedColumns.append(quoted(columns.at(i)));
        places.append(QStringLiteral("?%1").arg(i + 1));
    }
    auto insert = db.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                 .arg(quoted(table), quotedColumns.join(u", "), places.join(u", ")));
    if (!insert) {
        return insert.error();
    }
    const int keyColumn = static_cast<int>(columns.indexOf(QStringLiteral("key")));
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows.at(r).toArray();
        if (row.size() != columns.size()) {
            return invalid(QStringLiteral("row %1 of table %2 has %3 values for %4 columns")
                               .arg(r + 1)
                               .arg(table)
                               .arg(row.size())
                               .arg(columns.size()));
        }
        if (settings && keyColumn >= 0 &&
            ConfigSnapshot::localSettings().contains(row.at(keyColumn).toString())) {
            continue;
        }
        insert->reset();
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (!bindValue(*insert, static_cast<int>(c + 1), row.at(c))) {
                return invalid(QStringLiteral("row %1 of table %2 has an unreadable value in %3")
                                   .arg(r + 1)
                                   .arg(table, columns.at(c)));
            }
        }
        if (Status inserted = insert->run(); !inserted) {
            return invalid(QStringLiteral("row %1 of table %2 is refused (%3)")
                               .arg(r + 1)
                               .arg(table, inserted.error().message));
        }
    }
    return {};
}

}  // namespace

const QStringList& ConfigSnapshot::runtimeTables() {
    static const QStringList kTables = {
        QStringLiteral("schema_migrations"),  // the database's own history
        QStringLiteral("tls_material"),       // this installation's CA and key (SEC-2.3), made at first start
        QStringLiteral("sessions"),           // who is signed in now
        QStringLiteral("reset_codes"),        // one-time codes in flight
        QStringLiteral("security_log"),       // the record of what happened: never rewritten
        QStringLiteral("recording_segments"),  // the recordings' index: recordings are not configuration
        QStringLiteral("recording_gaps"),
        QStringLiteral("events"),  // the event history and alarm trails
        QStringLiteral("alarm_trail"),
        QStringLiteral("licence_log"),
        QStringLiteral("audit_runs"),  // the security audits done: a record, like the security log
    };
    return kTables;
}

const QStringList& ConfigSnapshot::localSettings() {
    static const QStringList kKeys = {QStringLiteral("server.id"), QStringLiteral("backup.signing_key")};
    return kKeys;
}

Result<QStringList> ConfigSnapshot::configTables(Database& db) {
    QStringList tables;
    const Status read = forEachRow(db,
                                   QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                                  "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"),
                                   {}, [&tables](const Statement& row) {
                                       if (!runtimeTables().contains(row.text(0))) {
                                           tables.append(row.text(0));
                                       }
                                   });
    if (!read) {
        return read.error();
    }
    return tables;
}

Result<QJsonObject> ConfigSnapshot::capture(Database& db) {
    auto tables = configTables(db);
    if (!tables) {
        return tables.error();
    }
    QJsonObject result;
    for (const QString& table : std::as_const(tables.value())) {
        auto columns = columnsOf(db, table);
        if (!columns) {
            return columns.error();
        }
        QStringList quotedColumns;
        for (const QString& column : std::as_const(columns.value())) {
            quotedColumns.append(quoted(column));
        }
        const QString where = table == QLatin1String("settings")
                                  ? QStringLiteral(" WHERE key NOT IN (%1)").arg(localSettingsList())
                                  : QString();
        QJsonArray rows;
        const Status read = forEachRow(db,
                                       QStringLiteral("SELECT %1 FROM %2%3 ORDER BY rowid")
                                           .arg(quotedColumns.join(u", "), quoted(table), where),
                                       {}, [&rows](const Statement& row) {
                                           QJsonArray values;
                                           for (int c = 0; c < row.columnCount(); ++c) {
                                               values.append(valueOf(row, c));
                                           }
                                           rows.append(values);
                                       });
        if (!read) {
            return read.error();
        }
        result.insert(table,
                      QJsonObject{{kColumns, QJsonArray::fromStringList(columns.value())}, {kRows, rows}});
    }
    return QJsonObject{{kTables, result}};
}

Result<QJsonObject> ConfigSnapshot::upgrade(const QJsonObject& snapshot, int schemaVersion,
                                            const std::vector<core::store::Migration>& migrations,
                                            const QString& scratchDir) {
    const int current = migrations.empty() ? 0 : migrations.back().version;
    if (schemaVersion > current) {
        return Error::make(
            QStringLiteral("backup_schema_newer"),
            QStringLiteral("The backup holds a configuration of database schema %1; this platform is at "
                           "schema %2 and cannot know what the newer one means. Update this platform "
                           "to the version that made the backup, then restore it.")
                .arg(schemaVersion)
                .arg(current));
    }
    if (schemaVersion < 1) {
        return invalid(QStringLiteral("schema version %1 does not exist").arg(schemaVersion));
    }
    QByteArray key(Database::kKeyBytes, '\0');
    QRandomGenerator::system()->generate(key.begin(), key.end());
    auto scratch = Database::open(scratchDir + QStringLiteral("/restore-check.db"), key);
    if (!scratch) {
        return scratch.error();
    }
    std::vector<core::store::Migration> older;
    for (const core::store::Migration& migration : migrations) {
        if (migration.version <= schemaVersion) {
            older.push_back(migration);
        }
    }
    if (auto made = core::store::Migrator::migrate(**scratch, older); !made) {
        return made.error();
    }
    if (Status loaded = apply(**scratch, snapshot); !loaded) {
        return loaded.error();
    }
    if (auto migrated = core::store::Migrator::migrate(**scratch, migrations); !migrated) {
        return invalid(QStringLiteral("it does not migrate from schema %1 (%2)")
                           .arg(schemaVersion)
                           .arg(migrated.error().message));
    }
    return capture(**scratch);
}

Status ConfigSnapshot::apply(Database& db, const QJsonObject& snapshot) {
    const QJsonValue tablesValue = snapshot.value(kTables);
    if (!tablesValue.isObject()) {
        return invalid(QStringLiteral("it holds no tables"));
    }
    const QJsonObject tables = tablesValue.toObject();
    auto present = configTables(db);
    if (!present) {
        return present.error();
    }
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        if (!present->contains(it.key()) || !it.value().isObject()) {
            return invalid(QStringLiteral("the table \"%1\" is not part of the configuration here")
                               .arg(it.key().left(64)));
        }
    }
    core::store::Transaction transaction(db);
    if (!transaction.status()) {
        return transaction.status();
    }
    // References are checked at the commit, so the order tables are filled in does not matter.
    if (Status deferred = db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred) {
        return deferred;
    }
    // Every table is emptied before any is filled: a cascade (devices -> channels) must not reach
    // rows already put back.
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        if (Status cleared = clearTable(db, it.key()); !cleared) {
            return cleared;
        }
    }
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        if (Status filled = fillTable(db, it.key(), it.value().toObject()); !filled) {
            return filled;
        }
    }
    if (Status committed = transaction.commit(); !committed) {
        return invalid(
            QStringLiteral("its rows refer to rows it does not hold (%1)").arg(committed.error().message));
    }
    return {};
}

}  // namespace vigil::server
