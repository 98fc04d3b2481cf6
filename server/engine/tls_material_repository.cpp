#include "engine/tls_material_repository.h"

#include "server_logging.h"
#include "store/database.h"

#include <QDateTime>
#include <QSet>

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::security::CertificateAuthority;
using core::security::CertificateSubject;
using core::security::CertifiedKey;

Result<TlsMaterial> TlsMaterialRepository::loadOrCreate(const QString& serverName,
                                                        const QHostAddress& listenAddress) {
    auto authority = load(QStringLiteral("authority"));
    if (!authority) {
        return authority.error();
    }
    if (!authority.value()) {
        auto made = CertificateAuthority::createAuthority(
            CertificateSubject{QStringLiteral("Vigil Platform CA (%1)").arg(serverName)});
        if (!made) {
            return made.error();
        }
        if (Status saved = save(QStringLiteral("authority"), made.value()); !saved) {
            return saved.error();
        }
        qCInfo(lcEngine).noquote() << "created the platform certificate authority"
                                   << CertificateAuthority::fingerprint(made->certificate);
        authority = std::optional<CertifiedKey>{made.value()};
    }

    QStringList names = CertificateAuthority::localDnsNames();
    QList<QHostAddress> addresses = CertificateAuthority::localAddresses();
    if (!listenAddress.isNull() && listenAddress != QHostAddress::Any && listenAddress != QHostAddress::AnyIPv4 &&
        listenAddress != QHostAddress::AnyIPv6 && !addresses.contains(listenAddress)) {
        addresses.append(listenAddress);
    }

    auto server = load(QStringLiteral("server"));
    if (!server) {
        return server.error();
    }
    const CertifiedKey& ca = *authority.value();
    if (!server.value() || !CertificateAuthority::isSignedBy(server.value()->certificate, ca.certificate) ||
        needsReissue(*server.value(), names, addresses)) {
        auto issued = CertificateAuthority::issueServerCertificate(ca, CertificateSubject{serverName}, names,
                                                                   addresses);
        if (!issued) {
            return issued.error();
        }
        if (Status saved = save(QStringLiteral("server"), issued.value()); !saved) {
            return saved.error();
        }
        qCInfo(lcEngine).noquote() << "issued the server certificate for" << names.join(QLatin1Char(','));
        server = std::optional<CertifiedKey>{issued.value()};
    }
    return TlsMaterial{ca, *server.value()};
}

Result<std::optional<CertifiedKey>> TlsMaterialRepository::load(const QString& name) const {
    auto statement =
        m_db.prepare(QStringLiteral("SELECT certificate_pem, key_pem FROM tls_material WHERE name = ?1"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, name);
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return std::optional<CertifiedKey>{};
    }
    CertifiedKey material;
    material.certificate = QSslCertificate(statement->text(0).toUtf8(), QSsl::Pem);
    material.key = QSslKey(statement->text(1).toUtf8(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (material.certificate.isNull() || material.key.isNull()) {
        return Error::make(QStringLiteral("tls_material_invalid"),
                           QStringLiteral("The stored %1 certificate or key cannot be read. Restore the "
                                          "database from a backup, or reset the platform's certificates.")
                               .arg(name));
    }
    return std::optional<CertifiedKey>{material};
}

Status TlsMaterialRepository::save(const QString& name, const CertifiedKey& material) {
    auto statement = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO tls_material (name, certificate_pem, key_pem, created_ms) VALUES (?1, ?2, ?3, ?4)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, name)
        .bind(2, QString::fromLatin1(material.certificatePem()))
        .bind(3, QString::fromLatin1(material.keyPem()))
        .bind(4, QDateTime::currentMSecsSinceEpoch());
    return statement->run();
}

bool TlsMaterialRepository::needsReissue(const CertifiedKey& server, const QStringList& names,
                                         const QList<QHostAddress>& addresses) {
    const QDateTime renewAt = QDateTime::currentDateTimeUtc().addDays(kRenewBeforeDays);
    if (server.certificate.expiryDate() < renewAt) {
        return true;
    }
    const auto sans = server.certificate.subjectAlternativeNames();
    const QStringList dnsEntries = sans.values(QSsl::DnsEntry);
    const QSet<QString> coveredNames(dnsEntries.begin(), dnsEntries.end());
    for (const QString& name : names) {
        if (!coveredNames.contains(name)) {
            return true;
        }
    }
    // Qt lists IP SANs as IpAddressEntry in 6.4.
    QSet<QString> coveredAddresses;
    for (const QString& ip : sans.values(QSsl::IpAddressEntry)) {
        coveredAddresses.insert(QHostAddress(ip).toString());
    }
    for (const QHostAddress& address : addresses) {
        if (!coveredAddresses.contains(address.toString())) {
            return true;
        }
    }
    return false;
}

}  // namespace vigil::server
