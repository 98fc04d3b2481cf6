#include "accounts/reset_code_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;

Status ResetCodeRepository::replace(const StoredResetCode& code) {
    return runStatement(
        m_db,
        QStringLiteral("INSERT OR REPLACE INTO reset_codes (user_id, code_hash, created_ms, "
                       "expires_ms) VALUES (?1, ?2, ?3, ?4)"),
        [&code](core::store::Statement& s) {
            s.bind(1, code.userId).bind(2, code.codeHash).bind(3, code.createdMs).bind(4, code.expiresMs);
        });
}

Result<std::optional<StoredResetCode>> ResetCodeRepository::find(const QString& userId) const {
    std::optional<StoredResetCode> found;
    const Status status = forEachRow(
        m_db,
        QStringLiteral(
            "SELECT user_id, code_hash, created_ms, expires_ms FROM reset_codes WHERE user_id = ?1"),
        [&userId](core::store::Statement& s) { s.bind(1, userId); },
        [&found](const core::store::Statement& row) {
            found = StoredResetCode{row.text(0), row.text(1), row.int64(2), row.int64(3)};
        });
    if (!status) {
        return status.error();
    }
    return found;
}

Status ResetCodeRepository::remove(const QString& userId) {
    return runStatement(m_db, QStringLiteral("DELETE FROM reset_codes WHERE user_id = ?1"),
                        [&userId](core::store::Statement& s) { s.bind(1, userId); });
}

}  // namespace vigil::server
