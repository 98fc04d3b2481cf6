#include "audit/audit_repository.h"

#include <QJsonDocument>

#include "accounts/statement_runner.h"
#include "store/database.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::Attestation;
using core::model::AuditRun;

Status AuditRepository::saveRun(const AuditRun& run) {
    core::store::Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_runs (id, started_ms, finished_ms, level, user_name, met, results_json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, run.id)
        .bind(2, run.startedMs)
        .bind(3, run.finishedMs)
        .bind(4, run.level)
        .bind(5, run.userName)
        .bind(6, run.met ? 1 : 0)
        .bind(7, QString::fromUtf8(QJsonDocument(run.toJson()).toJson(QJsonDocument::Compact)));
    if (Status done = insert->run(); !done) {
        return done;
    }
    auto prune = m_db.prepare(QStringLiteral(
        "DELETE FROM audit_runs WHERE id NOT IN (SELECT id FROM audit_runs ORDER BY finished_ms DESC, rowid DESC "
        "LIMIT ?1)"));
    if (!prune) {
        return prune.error();
    }
    prune->bind(1, kKeptRuns);
    if (Status done = prune->run(); !done) {
        return done;
    }
    return transaction.commit();
}

Result<QList<QJsonObject>> AuditRepository::runs(int limit) const {
    QList<QJsonObject> list;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT results_json FROM audit_runs ORDER BY finished_ms DESC, rowid DESC LIMIT ?1"),
        [limit](core::store::Statement& statement) { statement.bind(1, limit); },
        [&list](const core::store::Statement& row) {
            QJsonObject json = QJsonDocument::fromJson(row.text(0).toUtf8()).object();
            json.remove(QStringLiteral("results"));
            list.append(json);
        });
    if (!status) {
        return status.error();
    }
    return list;
}

Result<std::optional<QJsonObject>> AuditRepository::oneRun(const QString& sql, const QString& id) const {
    auto statement = m_db.prepare(sql);
    if (!statement) {
        return statement.error();
    }
    if (!id.isEmpty()) {
        statement->bind(1, id);
    }
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return std::optional<QJsonObject>{};
    }
    return std::optional<QJsonObject>{QJsonDocument::fromJson(statement->text(0).toUtf8()).object()};
}

Result<std::optional<QJsonObject>> AuditRepository::run(const QString& id) const {
    return oneRun(QStringLiteral("SELECT results_json FROM audit_runs WHERE id = ?1"), id);
}

Result<std::optional<QJsonObject>> AuditRepository::latestRun() const {
    return oneRun(QStringLiteral("SELECT results_json FROM audit_runs ORDER BY finished_ms DESC, rowid DESC LIMIT 1"),
                  {});
}

Result<QList<Attestation>> AuditRepository::attestations() const {
    QList<Attestation> list;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT item_id, user_name, time_ms, comment FROM audit_attestations ORDER BY item_id"), {},
        [&list](const core::store::Statement& row) {
            list.append(Attestation{row.text(0), row.text(1), row.int64(2), row.text(3)});
        });
    if (!status) {
        return status.error();
    }
    return list;
}

Status AuditRepository::saveAttestation(const Attestation& attestation) {
    // SQLite 3.15 has no UPSERT; REPLACE on the item's primary key keeps the latest one.
    auto statement = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO audit_attestations (item_id, user_name, time_ms, comment) VALUES (?1, ?2, ?3, ?4)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, attestation.itemId)
        .bind(2, attestation.userName)
        .bind(3, attestation.timeMs)
        .bind(4, attestation.comment);
    return statement->run();
}

Result<bool> AuditRepository::removeAttestation(const QString& itemId) {
    auto existing = m_db.prepare(QStringLiteral("SELECT 1 FROM audit_attestations WHERE item_id = ?1"));
    if (!existing) {
        return existing.error();
    }
    existing->bind(1, itemId);
    auto found = existing->step();
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return false;
    }
    auto statement = m_db.prepare(QStringLiteral("DELETE FROM audit_attestations WHERE item_id = ?1"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, itemId);
    if (Status done = statement->run(); !done) {
        return done.error();
    }
    return true;
}

}  // namespace vigil::server
