#include "license/licence_repository.h"

#include "accounts/statement_runner.h"
#include "store/database.h"

namespace vigil::server {

using core::Result;
using core::Status;

Result<std::optional<LicenceRow>> LicenceRepository::load() const {
    auto statement = m_db.prepare(QStringLiteral(
        "SELECT trial_started_ms, trial_ends_ms, licence_file, activated_ms, seen_max_ms, rollback_ms, warned "
        "FROM licence_state WHERE id = 1"));
    if (!statement) {
        return statement.error();
    }
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return std::optional<LicenceRow>{};
    }
    LicenceRow result;
    result.trialStartedMs = statement->int64(0);
    result.trialEndsMs = statement->int64(1);
    result.licenceFile = statement->text(2);
    result.activatedMs = statement->int64(3);
    result.seenMaxMs = statement->int64(4);
    result.rollbackMs = statement->int64(5);
    result.warned = statement->text(6);
    return std::optional<LicenceRow>{result};
}

Status LicenceRepository::save(const LicenceRow& row) {
    // SQLite 3.15 has no UPSERT; REPLACE on the one-row primary key does the same here.
    auto statement = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO licence_state (id, trial_started_ms, trial_ends_ms, licence_file, activated_ms, "
        "seen_max_ms, rollback_ms, warned) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, row.trialStartedMs)
        .bind(2, row.trialEndsMs)
        .bind(3, row.licenceFile)
        .bind(4, row.activatedMs)
        .bind(5, row.seenMaxMs)
        .bind(6, row.rollbackMs)
        .bind(7, row.warned);
    return statement->run();
}

Status LicenceRepository::append(qint64 timeMs, const QString& kind, const QString& detail) {
    auto statement =
        m_db.prepare(QStringLiteral("INSERT INTO licence_log (time_ms, kind, detail) VALUES (?1, ?2, ?3)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, std::max<qint64>(timeMs, 0)).bind(2, kind).bind(3, detail);
    return statement->run();
}

Result<QList<LicenceLogEntry>> LicenceRepository::log(int limit) const {
    QList<LicenceLogEntry> entries;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT id, time_ms, kind, detail FROM licence_log ORDER BY id DESC LIMIT ?1"),
        [limit](core::store::Statement& statement) { statement.bind(1, limit); },
        [&entries](const core::store::Statement& row) {
            entries.append({row.int64(0), row.int64(1), row.text(2), row.text(3)});
        });
    if (!status) {
        return status.error();
    }
    return entries;
}

}  // namespace vigil::server
