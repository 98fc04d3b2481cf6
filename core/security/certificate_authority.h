#pragma once
// The platform's own certificate authority (SEC-2.3). On first start the server makes a CA
// (ECDSA P-256, 10 years) and a server certificate signed by it (ECDSA P-256, 825 days, SANs for
// the host's names and addresses, serverAuth). Clients pin the CA on first contact; the server
// certificate can be re-issued (new address, expiry) without clients noticing.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::security {

struct CertificateSubject {
    QString commonName;
    QString organization = QStringLiteral("Vigil");
    // Defaulted so CertificateSubject{name} compiles cleanly under -Wmissing-field-initializers.
    QString organizationalUnit = {};
    QString country = {};  // two letters, optional
    QString state = {};     // state or province, optional
    QString locality = {};  // city, optional
};

struct CertifiedKey {
    QSslCertificate certificate;
    QSslKey key;  // private key, unencrypted in memory; persisted only inside the encrypted store
    QByteArray certificatePem() const { return certificate.toPem(); }
    QByteArray keyPem() const { return key.toPem(); }
};

class CertificateAuthority {
public:
    static Result<CertifiedKey> createAuthority(const CertificateSubject& subject, int validDays = 3650);

    static Result<CertifiedKey> issueServerCertificate(const CertifiedKey& authority,
                                                       const CertificateSubject& subject,
                                                       const QStringList& dnsNames,
                                                       const QList<QHostAddress>& addresses,
                                                       int validDays = 825);

    // The names and addresses a server certificate should cover on this host: localhost, the host
    // name, and every configured address of every up interface (loopback included).
    static QStringList localDnsNames();
    static QList<QHostAddress> localAddresses();

    // SHA-256 of the DER certificate, as "AB:CD:..." (what users compare on screen).
    static QString fingerprint(const QSslCertificate& certificate);

    // True when `certificate` was signed by `authority` (signature check with OpenSSL).
    static bool isSignedBy(const QSslCertificate& certificate, const QSslCertificate& authority);
};

}  // namespace vigil::core::security
