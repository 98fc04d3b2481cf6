#include "accounts/session_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;

namespace {

StoredSession readRow(const core::store::Statement& row) {
    StoredSession session;
    session.id = row.text(0);
    session.tokenHash = row.text(1);
    session.userId = row.text(2);
    session.userName = row.text(3);
    session.address = row.text(4);
    session.clientKind = row.text(5);
    session.sinceMs = row.int64(6);
    session.lastSeenMs = row.int64(7);
    session.expiresMs = row.int64(8);
    return session;
}

std::optional<StoredSession> first(const QList<StoredSession>& sessions) {
    return sessions.isEmpty() ? std::nullopt : std::optional<StoredSession>(sessions.first());
}

}  // namespace

core::model::Session StoredSession::toModel(bool current) const {
    return core::model::Session{id, userName, address, clientKind, sinceMs, lastSeenMs, current};
}

Result<QList<StoredSession>> SessionRepository::select(const QString& where, const QString& value) const {
    QList<StoredSession> sessions;
    const Status status = forEachRow(
        m_db,
        QStringLiteral(
            "SELECT s.id, s.token_hash, s.user_id, u.user_name, s.address, s.client_kind, s.since_ms, "
            "s.last_seen_ms, s.expires_ms FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE %1 ORDER BY s.since_ms, s.id")
            .arg(where),
        [&value](core::store::Statement& s) {
            if (!value.isNull()) {
                s.bind(1, value);
            }
        },
        [&sessions](const core::store::Statement& row) { sessions.append(readRow(row)); });
    if (!status) {
        return status.error();
    }
    return sessions;
}

Status SessionRepository::insert(const StoredSession& session) {
    return runStatement(
        m_db,
        QStringLiteral("INSERT INTO sessions (id, token_hash, user_id, address, client_kind, since_ms, "
                       "last_seen_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        [&session](core::store::Statement& s) {
            s.bind(1, session.id)
                .bind(2, session.tokenHash)
                .bind(3, session.userId)
                .bind(4, session.address)
                .bind(5, session.clientKind)
                .bind(6, session.sinceMs)
                .bind(7, session.lastSeenMs)
                .bind(8, session.expiresMs);
        });
}

Result<std::optional<StoredSession>> SessionRepository::findByTokenHash(const QString& tokenHash) const {
    auto sessions = select(QStringLiteral("s.token_hash = ?1"), tokenHash);
    if (!sessions) {
        return sessions.error();
    }
    return first(sessions.value());
}

Result<std::optional<StoredSession>> SessionRepository::findById(const QString& id) const {
    auto sessions = select(QStringLiteral("s.id = ?1"), id);
    if (!sessions) {
        return sessions.error();
    }
    return first(sessions.value());
}

Result<QList<StoredSession>> SessionRepository::list() const {
    return select(QStringLiteral("1 = 1"), QString());
}

Result<QList<StoredSession>> SessionRepository::listForUser(const QString& userId) const {
    return select(QStringLiteral("s.user_id = ?1"), userId);
}

Result<int> SessionRepository::count() const {
    auto count = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM sessions"));
    if (!count) {
        return count.error();
    }
    return static_cast<int>(count.value());
}

Result<int> SessionRepository::countForUser(const QString& userId) const {
    auto count = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM sessions WHERE user_id = ?1"),
                        [&userId](core::store::Statement& s) { s.bind(1, userId); });
    if (!count) {
        return count.error();
    }
    return static_cast<int>(count.value());
}

Status SessionRepository::touch(const QString& id, qint64 lastSeenMs) {
    // max(): a clock that steps back must not break the last_seen_ms >= since_ms invariant.
    return runStatement(m_db,
                        QStringLiteral("UPDATE sessions SET last_seen_ms = max(since_ms, ?2) WHERE id = ?1"),
                        [&](core::store::Statement& s) { s.bind(1, id).bind(2, lastSeenMs); });
}

Status SessionRepository::remove(const QString& id) {
    return runStatement(m_db, QStringLiteral("DELETE FROM sessions WHERE id = ?1"),
                        [&id](core::store::Statement& s) { s.bind(1, id); });
}

}  // namespace vigil::server
