#include "backup/factory_defaults.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>

#include "accounts/statement_runner.h"
#include "backup/backup_service.h"
#include "backup/config_snapshot.h"
#include "engine/service.h"
#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::FieldReader;
using core::store::Database;
using core::store::Statement;

Result<FactoryDefaultsRequest> FactoryDefaultsRequest::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("factory defaults request"), FieldReader::Mode::Request);
    FactoryDefaultsRequest request;
    request.password = read.string(QStringLiteral("password"));
    request.confirm = read.string(QStringLiteral("confirm"));
    request.keepRecordings = read.boolean(QStringLiteral("keepRecordings"));
    if (read.has(QStringLiteral("backupPassphrase"))) {
        request.backupPassphrase = read.string(QStringLiteral("backupPassphrase"));
    }
    return core::model::finished(read, request);
}

const QStringList& FactoryDefaults::keptTables() {
    // The licence is bought for this platform and machine; a reset does not give it back.
    static const QStringList kTables = {QStringLiteral("licence_state")};
    return kTables;
}

FactoryDefaults::FactoryDefaults(Database& db, BackupService& backups, AccountsService& accounts,
                                 Options options)
    : m_db(db), m_backups(backups), m_accounts(accounts), m_options(std::move(options)) {}

Result<QJsonObject> FactoryDefaults::defaults() const {
    // What a new database holds: made by the migrations themselves, so the defaults cannot drift from
    // what a first start makes.
    const QString folder = m_options.scratchFolder + QStringLiteral("/factory-defaults");
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    QByteArray key(Database::kKeyBytes, '\0');
    QRandomGenerator::system()->generate(key.begin(), key.end());
    Result<QJsonObject> snapshot = Error{};
    {
        auto fresh = Database::open(folder + QStringLiteral("/new.db"), key);
        if (!fresh) {
            return fresh.error();
        }
        if (auto made = core::store::Migrator::migrate(**fresh, *m_options.migrations); !made) {
            return made.error();
        }
        snapshot = ConfigSnapshot::capture(**fresh);
    }
    QDir(folder).removeRecursively();
    if (!snapshot) {
        return snapshot;
    }
    auto live = ConfigSnapshot::capture(m_db);
    if (!live) {
        return live.error();
    }
    QJsonObject tables = snapshot->value(QStringLiteral("tables")).toObject();
    const QJsonObject liveTables = live->value(QStringLiteral("tables")).toObject();
    for (const QString& kept : keptTables()) {
        tables.insert(kept, liveTables.value(kept));
    }
    return QJsonObject{{QStringLiteral("tables"), tables}};
}

Result<int> FactoryDefaults::removeRecordings() {
    QHash<QString, QString> roots{{QStringLiteral("primary"), m_options.defaultRecordingsPath}};
    Status read = forEachRow(m_db, QStringLiteral("SELECT role, path FROM storage_locations"), {},
                             [&roots](const Statement& row) { roots.insert(row.text(0), row.text(1)); });
    QStringList files;
    if (read) {
        read = forEachRow(m_db, QStringLiteral("SELECT location, path FROM recording_segments"), {},
                          [&roots, &files](const Statement& row) {
                              const QString root = roots.value(row.text(0));
                              // Only files inside their location, by the index: never a folder swept whole.
                              if (!root.isEmpty() && !row.text(1).contains(QStringLiteral(".."))) {
                                  files.append(QDir(root).filePath(row.text(1)));
                              }
                          });
    }
    if (!read) {
        return read.error();
    }
    int removed = 0;
    for (const QString& file : std::as_const(files)) {
        removed += QFile::remove(file) ? 1 : 0;
    }
    // The dated folders the files were in, now empty; rmpath stops at the first that is not.
    for (const QString& file : std::as_const(files)) {
        for (const QString& root : roots) {
            if (!root.isEmpty() && file.startsWith(root)) {
                QDir(root).rmpath(QFileInfo(QDir(root).relativeFilePath(file)).path());
            }
        }
    }
    const Status cleared =
        m_db.exec(QStringLiteral("DELETE FROM recording_segments; DELETE FROM recording_gaps; DELETE FROM "
                                 "alarm_trail; DELETE FROM events"));
    if (!cleared) {
        return cleared.error();
    }
    return removed;
}

Result<QJsonObject> FactoryDefaults::run(const Actor& actor, const FactoryDefaultsRequest& request) {
    if (request.confirm != QLatin1String(FactoryDefaultsRequest::kConfirmation)) {
        return FieldReader::badRequest(
            QStringLiteral("factory defaults request"), QStringLiteral("confirm"),
            QStringLiteral("must be %1: every account, device and setting goes back to "
                           "its first-run state")
                .arg(QLatin1String(FactoryDefaultsRequest::kConfirmation)));
    }
    if (Status confirmed =
            m_accounts.confirmOwnPassword(actor, request.password, QStringLiteral("nothing was reset"));
        !confirmed) {
        m_accounts.record(QStringLiteral("factory_reset"), actor, QStringLiteral("platform"),
                          QStringLiteral("factory defaults refused: %1").arg(confirmed.error().code));
        return confirmed.error();
    }
    auto backup = m_backups.backupNow(QStringLiteral("before factory defaults"), request.backupPassphrase);
    if (!backup) {
        m_accounts.record(QStringLiteral("factory_reset"), actor, QStringLiteral("platform"),
                          QStringLiteral("factory defaults refused: the backup made first failed (%1)")
                              .arg(backup.error().code));
        return backup.error();
    }
    auto snapshot = defaults();
    if (!snapshot) {
        return snapshot.error();
    }
    m_accounts.record(QStringLiteral("factory_reset"), actor, QStringLiteral("platform"),
                      QStringLiteral("restoring factory defaults (recordings %1); backup made first: %2")
                          .arg(request.keepRecordings ? QStringLiteral("kept") : QStringLiteral("removed"),
                               QFileInfo(backup.value()).fileName()));
    int segmentsRemoved = 0;
    if (!request.keepRecordings) {
        if (m_options.recording) {
            m_options.recording->stop();  // nothing is written while its files go
        }
        auto removed = removeRecordings();
        if (!removed) {
            if (m_options.reloadServices) {
                m_options.reloadServices();
            }
            return removed.error();
        }
        segmentsRemoved = removed.value();
    }
    m_accounts.endAllSessions(QStringLiteral("factory_defaults"), actor);
    const Status applied = ConfigSnapshot::apply(m_db, snapshot.value());
    if (m_options.reloadServices) {
        m_options.reloadServices();
    }
    if (!applied) {
        m_accounts.record(QStringLiteral("factory_reset"), actor, QStringLiteral("platform"),
                          QStringLiteral("factory defaults failed: %1").arg(applied.error().message));
        return applied.error();
    }
    m_accounts.record(QStringLiteral("factory_reset"), actor, QStringLiteral("platform"),
                      QStringLiteral("factory defaults restored; the platform awaits its first-run setup"));
    return QJsonObject{{QStringLiteral("backup"), QFileInfo(backup.value()).fileName()},
                       {QStringLiteral("recordingsKept"), request.keepRecordings},
                       {QStringLiteral("segmentsRemoved"), segmentsRemoved}};
}

}  // namespace vigil::server
