#include "accounts/user_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::User;

namespace {

const QString kColumns = QStringLiteral(
    "id, user_name, role_id, enabled, valid_from_ms, valid_until_ms, allowed_addresses, memo, "
    "must_change_password, password_changed_ms, created_ms, last_login_ms, password_hash");

// Allowed addresses are kept one per line: entries never hold a line break (AddressRange refuses it).
QString joinAddresses(const QStringList& addresses) {
    return addresses.join(QLatin1Char('\n'));
}

QStringList splitAddresses(const QString& text) {
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

StoredUser readRow(const core::store::Statement& row) {
    StoredUser stored;
    User& user = stored.user;
    user.id = row.text(0);
    user.userName = row.text(1);
    user.roleId = row.text(2);
    user.enabled = row.int64(3) != 0;
    user.validFromMs = row.int64(4);
    user.validUntilMs = row.int64(5);
    user.allowedAddresses = splitAddresses(row.text(6));
    user.memo = row.text(7);
    user.mustChangePassword = row.int64(8) != 0;
    user.passwordChangedMs = row.int64(9);
    user.createdMs = row.int64(10);
    user.lastLoginMs = row.int64(11);
    stored.passwordHash = row.text(12);
    return stored;
}

Result<int> countWhere(core::store::Database& db, const QString& where, const BindFunction& bind) {
    auto count = scalar(db, QStringLiteral("SELECT COUNT(*) FROM users WHERE %1").arg(where), bind);
    if (!count) {
        return count.error();
    }
    return static_cast<int>(count.value());
}

}  // namespace

Result<QList<User>> UserRepository::list() const {
    QList<User> users;
    const Status status =
        forEachRow(m_db, QStringLiteral("SELECT %1 FROM users ORDER BY user_name_key").arg(kColumns), {},
                   [&users](const core::store::Statement& row) { users.append(readRow(row).user); });
    if (!status) {
        return status.error();
    }
    return users;
}

Result<std::optional<StoredUser>> UserRepository::findOne(const QString& where, const QString& value) const {
    std::optional<StoredUser> found;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT %1 FROM users WHERE %2 = ?1").arg(kColumns, where),
        [&value](core::store::Statement& s) { s.bind(1, value); },
        [&found](const core::store::Statement& row) { found = readRow(row); });
    if (!status) {
        return status.error();
    }
    return found;
}

Result<std::optional<StoredUser>> UserRepository::findById(const QString& id) const {
    return findOne(QStringLiteral("id"), id);
}

Result<std::optional<StoredUser>> UserRepository::findByName(const QString& userName) const {
    return findOne(QStringLiteral("user_name_key"), nameKey(userName));
}

Result<int> UserRepository::count() const {
    return countWhere(m_db, QStringLiteral("1 = 1"), {});
}

Result<int> UserRepository::countEnabledAdministrators() const {
    return countWhere(m_db, QStringLiteral("enabled = 1 AND role_id = 'administrator'"), {});
}

Result<int> UserRepository::countWithRole(const QString& roleId) const {
    return countWhere(m_db, QStringLiteral("role_id = ?1"),
                      [&roleId](core::store::Statement& s) { s.bind(1, roleId); });
}

Status UserRepository::insert(const StoredUser& stored) {
    const User& user = stored.user;
    return runStatement(
        m_db,
        QStringLiteral("INSERT INTO users (id, user_name, user_name_key, password_hash, role_id, enabled, "
                       "valid_from_ms, valid_until_ms, allowed_addresses, memo, must_change_password, "
                       "password_changed_ms, created_ms, last_login_ms) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
        [&](core::store::Statement& s) {
            s.bind(1, user.id)
                .bind(2, user.userName)
                .bind(3, nameKey(user.userName))
                .bind(4, stored.passwordHash)
                .bind(5, user.roleId)
                .bind(6, qint64(user.enabled))
                .bind(7, user.validFromMs)
                .bind(8, user.validUntilMs)
                .bind(9, joinAddresses(user.allowedAddresses))
                .bind(10, user.memo)
                .bind(11, qint64(user.mustChangePassword))
                .bind(12, user.passwordChangedMs)
                .bind(13, user.createdMs)
                .bind(14, user.lastLoginMs);
        });
}

Status UserRepository::update(const User& user) {
    return runStatement(
        m_db,
        QStringLiteral("UPDATE users SET user_name = ?2, user_name_key = ?3, role_id = ?4, enabled = ?5, "
                       "valid_from_ms = ?6, valid_until_ms = ?7, allowed_addresses = ?8, memo = ?9, "
                       "must_change_password = ?10 WHERE id = ?1"),
        [&](core::store::Statement& s) {
            s.bind(1, user.id)
                .bind(2, user.userName)
                .bind(3, nameKey(user.userName))
                .bind(4, user.roleId)
                .bind(5, qint64(user.enabled))
                .bind(6, user.validFromMs)
                .bind(7, user.validUntilMs)
                .bind(8, joinAddresses(user.allowedAddresses))
                .bind(9, user.memo)
                .bind(10, qint64(user.mustChangePassword));
        });
}

Status UserRepository::setPassword(const QString& id, const QString& hash, qint64 changedMs,
                                   bool mustChange) {
    return runStatement(m_db,
                        QStringLiteral("UPDATE users SET password_hash = ?2, password_changed_ms = ?3, "
                                       "must_change_password = ?4 WHERE id = ?1"),
                        [&](core::store::Statement& s) {
                            s.bind(1, id).bind(2, hash).bind(3, changedMs).bind(4, qint64(mustChange));
                        });
}

Status UserRepository::setHash(const QString& id, const QString& hash) {
    return runStatement(m_db, QStringLiteral("UPDATE users SET password_hash = ?2 WHERE id = ?1"),
                        [&](core::store::Statement& s) { s.bind(1, id).bind(2, hash); });
}

Status UserRepository::setMustChangePassword(const QString& id, bool mustChange) {
    return runStatement(m_db, QStringLiteral("UPDATE users SET must_change_password = ?2 WHERE id = ?1"),
                        [&](core::store::Statement& s) { s.bind(1, id).bind(2, qint64(mustChange)); });
}

Status UserRepository::setLastLogin(const QString& id, qint64 loginMs) {
    return runStatement(m_db, QStringLiteral("UPDATE users SET last_login_ms = ?2 WHERE id = ?1"),
                        [&](core::store::Statement& s) { s.bind(1, id).bind(2, loginMs); });
}

Status UserRepository::remove(const QString& id) {
    return runStatement(m_db, QStringLiteral("DELETE FROM users WHERE id = ?1"),
                        [&](core::store::Statement& s) { s.bind(1, id); });
}

Status UserRepository::saveRecovery(const QString& userId, const QString& email,
                                    const QList<StoredQuestion>& questions) {
    Status status =
        runStatement(m_db,
                     QStringLiteral("INSERT INTO recovery (kind, user_id, position, text, answer_hash) "
                                    "VALUES ('email', ?1, 0, ?2, NULL)"),
                     [&](core::store::Statement& s) { s.bind(1, userId).bind(2, email); });
    for (qsizetype i = 0; status && i < questions.size(); ++i) {
        status =
            runStatement(m_db,
                         QStringLiteral("INSERT INTO recovery (kind, user_id, position, text, answer_hash) "
                                        "VALUES ('question', ?1, ?2, ?3, ?4)"),
                         [&](core::store::Statement& s) {
                             s.bind(1, userId)
                                 .bind(2, qint64(i))
                                 .bind(3, questions.at(i).question)
                                 .bind(4, questions.at(i).answerHash);
                         });
    }
    return status;
}

Result<StoredRecovery> UserRepository::recovery(const QString& userId) const {
    StoredRecovery recovery;
    const Status status = forEachRow(
        m_db,
        QStringLiteral(
            "SELECT kind, text, answer_hash FROM recovery WHERE user_id = ?1 ORDER BY kind, position"),
        [&userId](core::store::Statement& s) { s.bind(1, userId); },
        [&recovery](const core::store::Statement& row) {
            if (row.text(0) == QLatin1String("email")) {
                recovery.email = row.text(1);
            } else {
                recovery.questions.append(StoredQuestion{row.text(1), row.text(2)});
            }
        });
    if (!status) {
        return status.error();
    }
    return recovery;
}

Result<std::optional<QString>> UserRepository::reservedEmail() const {
    std::optional<QString> email;
    const Status status =
        forEachRow(m_db, QStringLiteral("SELECT text FROM recovery WHERE kind = 'email' ORDER BY id LIMIT 1"),
                   {}, [&email](const core::store::Statement& row) { email = row.text(0); });
    if (!status) {
        return status.error();
    }
    return email;
}

}  // namespace vigil::server
