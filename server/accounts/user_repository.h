#pragma once
// UserRepository: the users table and the recovery data made at initialisation. Password hashes
// never leave this layer in an API shape: User has no hash field, StoredUser carries it alongside.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/account_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct StoredUser {
    core::model::User user;
    QString passwordHash;  // Argon2id PHC string
};

struct StoredQuestion {
    QString question;
    QString answerHash;  // Argon2id PHC string of the normalised answer
};

// What initialisation stored for resetting a user's password.
struct StoredRecovery {
    QString email;                    // empty when the user has no reserved e-mail
    QList<StoredQuestion> questions;  // in the order they were asked
};

class UserRepository {
public:
    explicit UserRepository(core::store::Database& db) : m_db(db) {}

    core::Result<QList<core::model::User>> list() const;
    core::Result<std::optional<StoredUser>> findById(const QString& id) const;
    // Case-insensitive, as user names are unique whatever their case.
    core::Result<std::optional<StoredUser>> findByName(const QString& userName) const;
    core::Result<int> count() const;
    // Enabled users holding the built-in administrator role.
    core::Result<int> countEnabledAdministrators() const;
    core::Result<int> countWithRole(const QString& roleId) const;

    core::Status insert(const StoredUser& stored);
    // Every field of User except id, createdMs, lastLoginMs; the hash is not touched.
    core::Status update(const core::model::User& user);
    core::Status setPassword(const QString& id, const QString& hash, qint64 changedMs, bool mustChange);
    core::Status setHash(const QString& id, const QString& hash);  // same password, new parameters
    core::Status setMustChangePassword(const QString& id, bool mustChange);
    core::Status setLastLogin(const QString& id, qint64 loginMs);
    core::Status remove(const QString& id);

    core::Status saveRecovery(const QString& userId, const QString& email,
                              const QList<StoredQuestion>& questions);

    core::Result<StoredRecovery> recovery(const QString& userId) const;
    // The reserved e-mail set at initialisation (the first one stored); nullopt before it.
    core::Result<std::optional<QString>> reservedEmail() const;

    static QString nameKey(const QString& userName) { return userName.toCaseFolded(); }

private:
    core::Result<std::optional<StoredUser>> findOne(const QString& where, const QString& value) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
