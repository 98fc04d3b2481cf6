#pragma once
// ResetCodeRepository: the reset_codes table (schema migration 3): at most one live password-reset
// code per user, kept only as an Argon2id hash.

#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct StoredResetCode {
    QString userId;
    QString codeHash;  // Argon2id PHC string
    qint64 createdMs = 0;
    qint64 expiresMs = 0;
};

class ResetCodeRepository {
public:
    explicit ResetCodeRepository(core::store::Database& db) : m_db(db) {}

    // Stores the user's code, replacing any earlier one: only the latest e-mail works.
    core::Status replace(const StoredResetCode& code);
    core::Result<std::optional<StoredResetCode>> find(const QString& userId) const;
    core::Status remove(const QString& userId);

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
