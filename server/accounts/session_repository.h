#pragma once
// SessionRepository: the sessions table (SEC-1.9). Looked up by the SHA-256 of the bearer token;
// the token itself is never stored.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/account_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct StoredSession {
    QString id;
    QString tokenHash;
    QString userId;
    QString userName;  // joined from users, for lists and the log
    QString address;
    QString clientKind;
    qint64 sinceMs = 0;
    qint64 lastSeenMs = 0;
    qint64 expiresMs = 0;

    core::model::Session toModel(bool current) const;
};

class SessionRepository {
public:
    explicit SessionRepository(core::store::Database& db) : m_db(db) {}

    core::Status insert(const StoredSession& session);
    core::Result<std::optional<StoredSession>> findByTokenHash(const QString& tokenHash) const;
    core::Result<std::optional<StoredSession>> findById(const QString& id) const;
    core::Result<QList<StoredSession>> list() const;  // oldest first
    core::Result<QList<StoredSession>> listForUser(const QString& userId) const;
    core::Result<int> count() const;
    core::Result<int> countForUser(const QString& userId) const;
    core::Status touch(const QString& id, qint64 lastSeenMs);
    core::Status remove(const QString& id);

private:
    core::Result<QList<StoredSession>> select(const QString& where, const QString& value) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
