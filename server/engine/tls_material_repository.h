#pragma once
// TlsMaterialRepository: loads the platform CA and server certificate from the encrypted store,
// making them on first start and re-issuing the server certificate when it nears expiry or no
// longer covers this host's names and addresses (SEC-2.3). Clients pin the CA, so re-issuing the
// server certificate never bothers them.

#include "common/result.h"
#include "security/certificate_authority.h"

#include <QHostAddress>
#include <QString>

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct TlsMaterial {
    core::security::CertifiedKey authority;
    core::security::CertifiedKey server;
};

class TlsMaterialRepository {
public:
    static constexpr int kRenewBeforeDays = 30;

    explicit TlsMaterialRepository(core::store::Database& db) : m_db(db) {}

    // `serverName` goes into the subjects; `listenAddress` must be covered by the server certificate.
    core::Result<TlsMaterial> loadOrCreate(const QString& serverName, const QHostAddress& listenAddress);

private:
    core::Result<std::optional<core::security::CertifiedKey>> load(const QString& name) const;
    core::Status save(const QString& name, const core::security::CertifiedKey& material);
    static bool needsReissue(const core::security::CertifiedKey& server, const QStringList& names,
                             const QList<QHostAddress>& addresses);

    core::store::Database& m_db;
};

}  // namespace vigil::server
