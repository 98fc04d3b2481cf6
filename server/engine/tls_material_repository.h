#pragma once
// TlsMaterialRepository: loads the platform CA and server certificate from the encrypted store,
// making them on first start and re-issuing the server certificate when it nears expiry or no
// longer covers this host's names and addresses (SEC-2.3). Clients pin the CA, so re-issuing the
// server certificate never bothers them. An imported CA-signed certificate (with its chain, in the
// settings table as "tls.imported") takes precedence and is never re-issued: its expiry is warned about instead
// (tls/certificate_manager.h); making a platform certificate again removes it.

#include "common/result.h"
#include "security/certificate_authority.h"
#include "security/certificate_import.h"

#include <QHostAddress>
#include <QString>

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

struct TlsMaterial {
    core::security::CertifiedKey authority;
    core::security::CertifiedKey server;
    QList<QSslCertificate> issuers;  // sent after the server certificate: the platform CA, or the imported chain
    bool imported = false;
};

class TlsMaterialRepository {
public:
    static constexpr int kRenewBeforeDays = 30;

    explicit TlsMaterialRepository(core::store::Database& db) : m_db(db) {}

    // `serverName` goes into the subjects; `listenAddress` must be covered by the server certificate.
    core::Result<TlsMaterial> loadOrCreate(const QString& serverName, const QHostAddress& listenAddress);
    // A new platform-made server certificate; the imported one, if any, goes.
    core::Status replaceServer(const core::security::CertifiedKey& server);
    // A checked CA-signed certificate (security/certificate_import.h) with its chain.
    core::Status saveImported(const core::security::CertificateBundle& bundle);
    // This host's addresses and the listen address: what the server certificate must cover.
    static QList<QHostAddress> coveredAddresses(const QHostAddress& listenAddress);

private:
    core::Result<std::optional<core::security::CertifiedKey>> load(const QString& name) const;
    core::Result<std::optional<core::security::CertifiedKey>> loadImported(QList<QSslCertificate>* chain) const;
    core::Status save(const QString& name, const core::security::CertifiedKey& material);
    static bool needsReissue(const core::security::CertifiedKey& server, const QStringList& names,
                             const QList<QHostAddress>& addresses);

    core::store::Database& m_db;
};

}  // namespace vigil::server
