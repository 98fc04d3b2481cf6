#include "accounts/security_log.h"

#include <QDateTime>

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::LogEntry;

namespace {

// Builds the WHERE clause and its bindings together so they cannot drift apart.
struct Filter {
    QString where;
    BindFunction bind;
};

Filter filterFor(const LogQuery& query) {
    QStringList conditions{QStringLiteral("1 = 1")};
    if (query.fromMs > 0) {
        conditions << QStringLiteral("time_ms >= ?1");
    }
    if (query.toMs > 0) {
        conditions << QStringLiteral("time_ms < ?2");
    }
    if (!query.userName.isEmpty()) {
        // The log keeps names as typed; compare case-insensitively like logins do (ASCII folding in SQL).
        conditions << QStringLiteral("lower(user_name) = lower(?3)");
    }
    if (!query.kind.isEmpty()) {
        conditions << QStringLiteral("kind = ?4");
    }
    return Filter{conditions.join(QStringLiteral(" AND ")), [query](core::store::Statement& s) {
                      if (query.fromMs > 0) {
                          s.bind(1, query.fromMs);
                      }
                      if (query.toMs > 0) {
                          s.bind(2, query.toMs);
                      }
                      if (!query.userName.isEmpty()) {
                          s.bind(3, query.userName);
                      }
                      if (!query.kind.isEmpty()) {
                          s.bind(4, query.kind);
                      }
                  }};
}

}  // namespace

Status SecurityLog::append(LogEntry& entry) {
    const Status status = runStatement(
        m_db,
        QStringLiteral("INSERT INTO security_log (time_ms, kind, user_name, address, target, detail) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        [&entry](core::store::Statement& s) {
            s.bind(1, entry.timeMs)
                .bind(2, entry.kind)
                .bind(3, entry.userName)
                .bind(4, entry.address)
                .bind(5, entry.target)
                .bind(6, entry.detail);
        });
    if (status) {
        entry.id = m_db.lastInsertId();
    }
    return status;
}

Result<LogPage> SecurityLog::search(const LogQuery& query) const {
    const Filter filter = filterFor(query);
    auto total = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM security_log WHERE %1").arg(filter.where),
                        filter.bind);
    if (!total) {
        return total.error();
    }
    LogPage page;
    page.total = total.value();
    const Status status = forEachRow(
        m_db,
        QStringLiteral("SELECT id, time_ms, kind, user_name, address, target, detail FROM security_log "
                       "WHERE %1 ORDER BY id DESC LIMIT ?5 OFFSET ?6")
            .arg(filter.where),
        [&](core::store::Statement& s) {
            filter.bind(s);
            s.bind(5, qint64(query.limit)).bind(6, qint64(query.offset));
        },
        [&page](const core::store::Statement& row) {
            page.entries.append(LogEntry{row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4),
                                         row.text(5), row.text(6)});
        });
    if (!status) {
        return status.error();
    }
    return page;
}

QString SecurityLog::csvCell(const QString& text) {
    QString cell = text;
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    if (!cell.isEmpty() && kFormulaStarts.contains(cell.front())) {
        cell.prepend(QLatin1Char('\''));
    }
    const bool quote = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
                       cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r')) ||
                       cell.contains(QLatin1Char('\''));
    if (!quote) {
        return cell;
    }
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray SecurityLog::toCsv(const QList<LogEntry>& entries) {
    // CRLF line ends, as RFC 4180 asks; the time twice: UTC ms for programs, ISO 8601 for people.
    QString csv = QStringLiteral("id,timeMs,timeUtc,kind,userName,address,target,detail\r\n");
    for (const LogEntry& entry : entries) {
        const QString iso = QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
        const QStringList cells = {
            QString::number(entry.id), QString::number(entry.timeMs), iso,
            csvCell(entry.kind),       csvCell(entry.userName),       csvCell(entry.address),
            csvCell(entry.target),     csvCell(entry.detail)};
        csv += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

}  // namespace vigil::server
