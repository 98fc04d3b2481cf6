#pragma once
// AuditRepository: the SQL of the audit's tables (audit_schema.cpp): finished runs and attestations.

#include <QJsonObject>
#include <QList>
#include <optional>

#include "common/result.h"
#include "model/audit_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class AuditRepository {
public:
    static constexpr int kKeptRuns = 100;  // older runs are dropped when a new one is saved

    explicit AuditRepository(core::store::Database& db) : m_db(db) {}

    core::Status saveRun(const core::model::AuditRun& run);
    // Newest first, without results.
    core::Result<QList<QJsonObject>> runs(int limit) const;
    // The run as saved (with results), nullopt when unknown.
    core::Result<std::optional<QJsonObject>> run(const QString& id) const;
    core::Result<std::optional<QJsonObject>> latestRun() const;

    core::Result<QList<core::model::Attestation>> attestations() const;
    core::Status saveAttestation(const core::model::Attestation& attestation);
    // False when there was none for the item.
    core::Result<bool> removeAttestation(const QString& itemId);

private:
    core::Result<std::optional<QJsonObject>> oneRun(const QString& sql, const QString& id) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
