#include "engine/tls_material_repository.h"

#include "server_logging.h"
#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace vigil::server {

namespace {

// The imported certificate (JSON {certificatePem, keyPem}) lives in the settings table of the
// encrypted database: tls_material's names are fixed by its schema.
constexpr auto kImportedKey = "tls.imported";

QString firstOf(const QSslCertificate& certificate, QSslCertificate::SubjectInfo field) {
    const QStringList values = certificate.subjectInfo(field);
    return values.isEmpty() ? QString() : values.first();
}

// The subject fields of `certificate`, for a re-issue that keeps them; `fallbackName` when it has no CN.
core::security::CertificateSubject subjectOf(const QSslCertificate& certificate, const QString& fallbackName) {
    core::security::CertificateSubject subject{firstOf(certificate, QSslCertificate::CommonName)};
    if (subject.commonName.isEmpty()) {
        subject.commonName = fallbackName;
    }
    if (const QString organization = firstOf(certificate, QSslCertificate::Organization); !organization.isEmpty()) {
        subject.organization = organization;
    }
    subject.organizationalUnit = firstOf(certificate, QSslCertificate::OrganizationalUnitName);
    subject.country = firstOf(certificate, QSslCertificate::CountryName);
    subject.state = firstOf(certificate, QSslCertificate::StateOrProvinceName);
    subject.locality = firstOf(certificate, QSslCertificate::LocalityName);
    return subject;
}

}  // namespace

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

    const CertifiedKey& ca = *authority.value();
    QList<QSslCertificate> chain;
    auto imported = loadImported(&chain);
    if (!imported) {
        // Served anyway with the platform's own certificate, so the platform stays reachable to fix it.
        qCWarning(lcEngine).noquote() << imported.error().message;
    } else if (imported.value()) {
        return TlsMaterial{ca, *imported.value(), chain, true};
    }

    QStringList names = CertificateAuthority::localDnsNames();
    const QList<QHostAddress> addresses = coveredAddresses(listenAddress);
    auto server = load(QStringLiteral("server"));
    if (!server) {
        return server.error();
    }
    if (!server.value() || !CertificateAuthority::isSignedBy(server.value()->certificate, ca.certificate) ||
        needsReissue(*server.value(), names, addresses)) {
        // A re-issue keeps the subject people gave (and the extra names) of the certificate it replaces.
        CertificateSubject subject{serverName};
        if (server.value()) {
            subject = subjectOf(server.value()->certificate, serverName);
            for (const QString& name : server.value()->certificate.subjectAlternativeNames().values(QSsl::DnsEntry)) {
                if (!names.contains(name, Qt::CaseInsensitive)) {
                    names.append(name);
                }
            }
        }
        auto issued = CertificateAuthority::issueServerCertificate(ca, subject, names, addresses);
        if (!issued) {
            return issued.error();
        }
        if (Status saved = save(QStringLiteral("server"), issued.value()); !saved) {
            return saved.error();
        }
        qCInfo(lcEngine).noquote() << "issued the server certificate for" << names.join(QLatin1Char(','));
        server = std::optional<CertifiedKey>{issued.value()};
    }
    return TlsMaterial{ca, *server.value(), {ca.certificate}, false};
}

QList<QHostAddress> TlsMaterialRepository::coveredAddresses(const QHostAddress& listenAddress) {
    QList<QHostAddress> addresses = CertificateAuthority::localAddresses();
    if (!listenAddress.isNull() && listenAddress != QHostAddress::Any && listenAddress != QHostAddress::AnyIPv4 &&
        listenAddress != QHostAddress::AnyIPv6 && !addresses.contains(listenAddress)) {
        addresses.append(listenAddress);
    }
    return addresses;
}

Status TlsMaterialRepository::replaceServer(const CertifiedKey& server) {
    core::store::Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    if (Status saved = save(QStringLiteral("server"), server); !saved) {
        return saved;
    }
    auto removed = m_db.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?1"));
    if (!removed) {
        return removed.error();
    }
    removed->bind(1, QLatin1String(kImportedKey));
    if (Status done = removed->run(); !done) {
        return done;
    }
    return transaction.commit();
}

Status TlsMaterialRepository::saveImported(const core::security::CertificateBundle& bundle) {
    QByteArray certificates = bundle.leaf.toPem();
    for (const QSslCertificate& issuer : bundle.issuers) {
        certificates += issuer.toPem();
    }
    QByteArray keyPem = bundle.key.toPem();
    const QJsonObject document{{QStringLiteral("certificatePem"), QString::fromLatin1(certificates)},
                               {QStringLiteral("keyPem"), QString::fromLatin1(keyPem)}};
    keyPem.fill('\0');
    auto statement = m_db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, QLatin1String(kImportedKey))
        .bind(2, QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)))
        .bind(3, QDateTime::currentMSecsSinceEpoch());
    return statement->run();
}

Result<std::optional<CertifiedKey>> TlsMaterialRepository::loadImported(QList<QSslCertificate>* chain) const {
    auto statement = m_db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, QLatin1String(kImportedKey));
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return std::optional<CertifiedKey>{};
    }
    const QJsonObject document = QJsonDocument::fromJson(statement->text(0).toUtf8()).object();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(
        document.value(QStringLiteral("certificatePem")).toString().toLatin1(), QSsl::Pem);
    QByteArray keyPem = document.value(QStringLiteral("keyPem")).toString().toLatin1();
    auto key = core::security::CertificateImport::readKey(keyPem);
    keyPem.fill('\0');
    if (certificates.isEmpty() || !key) {
        return Error::make(QStringLiteral("tls_material_invalid"),
                           QStringLiteral("The imported server certificate or its key cannot be read. Import it "
                                          "again, or make a platform certificate."));
    }
    *chain = certificates.mid(1);
    return std::optional<CertifiedKey>{CertifiedKey{certificates.first(), key.value()}};
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
