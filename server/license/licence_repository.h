#pragma once
// LicenceRepository: the licence_state row and the licence_log (licence_schema.cpp).

#include <QList>
#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct LicenceRow {
    qint64 trialStartedMs = 0;
    qint64 trialEndsMs = 0;
    QString licenceFile;  // '' when none
    qint64 activatedMs = 0;
    qint64 seenMaxMs = 0;
    qint64 rollbackMs = 0;
    QString warned;
};

struct LicenceLogEntry {
    qint64 id = 0;
    qint64 timeMs = 0;
    QString kind;
    QString detail;
};

class LicenceRepository {
public:
    explicit LicenceRepository(core::store::Database& db) : m_db(db) {}

    core::Result<std::optional<LicenceRow>> load() const;
    core::Status save(const LicenceRow& row);  // inserts or replaces the one row
    core::Status append(qint64 timeMs, const QString& kind, const QString& detail);
    core::Result<QList<LicenceLogEntry>> log(int limit) const;  // newest first

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
