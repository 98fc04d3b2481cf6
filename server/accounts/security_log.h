#pragma once
// SecurityLog: the append-only security log (SEC-1.8). append() is the only write; there is no
// update or delete here or in the API. search() filters by time, user and kind; toCsv() exports.

#include <QByteArray>
#include <QList>
#include <QString>

#include "common/result.h"
#include "model/account_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct LogQuery {
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;
    static constexpr int kMaxCsvRows = 100000;

    qint64 fromMs = 0;  // inclusive; 0: from the start
    qint64 toMs = 0;    // exclusive; 0: until now
    QString userName;   // exact, case-insensitive; empty: everyone
    QString kind;       // one of LogEntry::kinds(); empty: all
    int limit = kDefaultLimit;
    int offset = 0;
};

struct LogPage {
    QList<core::model::LogEntry> entries;  // newest first
    qint64 total = 0;                      // entries matching the query, ignoring limit and offset
};

class SecurityLog {
public:
    explicit SecurityLog(core::store::Database& db) : m_db(db) {}

    // Sets entry.id. The entry must name one of LogEntry::kinds().
    core::Status append(core::model::LogEntry& entry);
    core::Result<LogPage> search(const LogQuery& query) const;

    // RFC 4180 CSV with a header line; cells that a spreadsheet would run as a formula are defused.
    static QByteArray toCsv(const QList<core::model::LogEntry>& entries);
    // One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ tab or CR gets
    // a ' in front so spreadsheet programs show it as text instead of evaluating it (CSV injection).
    static QString csvCell(const QString& text);

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
