// CertificateAuthority (SEC-2.3): the platform's own CA and the server certificates it issues.
// Clients pin the CA, so the chain, the names and the key usage must be exactly right.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTest>
#include <memory>

#include "security/certificate_authority.h"

using vigil::core::security::CertificateAuthority;
using vigil::core::security::CertificateSubject;
using vigil::core::security::CertifiedKey;

namespace {

struct X509Free {
    void operator()(X509* cert) const { X509_free(cert); }
};
struct PKeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct BioFree {
    void operator()(BIO* bio) const { BIO_free_all(bio); }
};
struct ConstraintsFree {
    void operator()(BASIC_CONSTRAINTS* constraints) const { BASIC_CONSTRAINTS_free(constraints); }
};

std::unique_ptr<X509, X509Free> toX509(const QSslCertificate& certificate) {
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return std::unique_ptr<X509, X509Free>(d2i_X509(nullptr, &data, static_cast<long>(der.size())));
}

std::unique_ptr<EVP_PKEY, PKeyFree> toPKey(const QSslKey& key) {
    const QByteArray pem = key.toPem();
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return std::unique_ptr<EVP_PKEY, PKeyFree>(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// CA flag and path length from the basicConstraints extension; isCa -1 when the extension is absent.
struct Constraints {
    int isCa = -1;
    long pathLength = -1;
    bool critical = false;
};

Constraints basicConstraints(const QSslCertificate& certificate) {
    auto cert = toX509(certificate);
    int critical = -1;
    std::unique_ptr<BASIC_CONSTRAINTS, ConstraintsFree> constraints(static_cast<BASIC_CONSTRAINTS*>(
        X509_get_ext_d2i(cert.get(), NID_basic_constraints, &critical, nullptr)));
    Constraints result;
    if (constraints) {
        result.isCa = constraints->ca ? 1 : 0;
        result.pathLength = constraints->pathlen ? ASN1_INTEGER_get(constraints->pathlen) : -1;
        result.critical = critical == 1;
    }
    return result;
}

}  // namespace

class TestCertificateAuthority : public QObject {
    Q_OBJECT

private:
    CertifiedKey m_ca;
    CertifiedKey m_server;
    QDateTime m_madeAt;
    const QStringList m_dnsNames{QStringLiteral("localhost"), QStringLiteral("nvr-01.example.test")};
    const QList<QHostAddress> m_addresses{
        QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("192.168.7.20")),
        QHostAddress(QStringLiteral("::1")), QHostAddress(QStringLiteral("fd00::20"))};

private slots:
    void initTestCase() {
        m_madeAt = QDateTime::currentDateTimeUtc();
        auto ca = CertificateAuthority::createAuthority(
            CertificateSubject{QStringLiteral("Vigil Test CA"), QStringLiteral("Vigil"), QStringLiteral("QA"),
                               QStringLiteral("DE")},
            3650);
        QVERIFY2(ca.ok(), ca.ok() ? "" : qPrintable(ca.error().message));
        m_ca = ca.value();
        auto server = CertificateAuthority::issueServerCertificate(
            m_ca, CertificateSubject{QStringLiteral("nvr-01")}, m_dnsNames, m_addresses, 825);
        QVERIFY2(server.ok(), server.ok() ? "" : qPrintable(server.error().message));
        m_server = server.value();
    }

    void authorityIsACa() {
        QVERIFY(!m_ca.certificate.isNull());
        QVERIFY(m_ca.certificate.isSelfSigned());
        const Constraints constraints = basicConstraints(m_ca.certificate);
        QCOMPARE(constraints.isCa, 1);
        QVERIFY(constraints.critical);
        QCOMPARE(constraints.pathLength, 0L);  // signs servers only, never another CA
        auto cert = toX509(m_ca.certificate);
        QVERIFY(X509_check_ca(cert.get()) >= 1);
        QVERIFY((X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN) != 0);
        QVERIFY((X509_get_key_usage(cert.get()) & KU_CRL_SIGN) != 0);
        QVERIFY(X509_get0_subject_key_id(cert.get()) != nullptr);
        QCOMPARE(m_ca.certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("Vigil Test CA")});
        QCOMPARE(m_ca.certificate.subjectInfo(QSslCertificate::CountryName),
                 QStringList{QStringLiteral("DE")});
        QCOMPARE(m_ca.certificate.version(), QByteArray("3"));
        QCOMPARE(m_ca.key.algorithm(), QSsl::Ec);
        QCOMPARE(m_ca.key.length(), 256);
    }

    void serverCertificateIsALeafForServers() {
        const Constraints constraints = basicConstraints(m_server.certificate);
        QCOMPARE(constraints.isCa, 0);
        auto cert = toX509(m_server.certificate);
        QCOMPARE(X509_check_ca(cert.get()), 0);
        QVERIFY((X509_get_key_usage(cert.get()) & KU_DIGITAL_SIGNATURE) != 0);
        QVERIFY((X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN) == 0);
        QVERIFY((X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) != 0);
        QCOMPARE(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_SERVER, 0), 1);
        // The authority key identifier names our CA's key.
        auto ca = toX509(m_ca.certificate);
        const ASN1_OCTET_STRING* authorityKeyId = X509_get0_authority_key_id(cert.get());
        QVERIFY(authorityKeyId != nullptr);
        QCOMPARE(ASN1_OCTET_STRING_cmp(authorityKeyId, X509_get0_subject_key_id(ca.get())), 0);
        QCOMPARE(m_server.certificate.issuerInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("Vigil Test CA")});
        QCOMPARE(m_server.key.algorithm(), QSsl::Ec);
    }

    void serverCertificateChainsToTheCa() {
        QVERIFY(CertificateAuthority::isSignedBy(m_server.certificate, m_ca.certificate));
        // What a client does: trust only our CA, check the chain and the host name.
        QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration onlyOurs = saved;
        onlyOurs.setCaCertificates({m_ca.certificate});
        QSslConfiguration::setDefaultConfiguration(onlyOurs);
        const QList<QSslError> errors =
            QSslCertificate::verify({m_server.certificate, m_ca.certificate}, QStringLiteral("localhost"));
        const QList<QSslError> wrongHost = QSslCertificate::verify({m_server.certificate, m_ca.certificate},
                                                                   QStringLiteral("elsewhere.test"));
        QSslConfiguration::setDefaultConfiguration(saved);
        const QList<QSslError> untrusted =
            QSslCertificate::verify({m_server.certificate, m_ca.certificate}, QStringLiteral("localhost"));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().errorString()));
        QVERIFY(!wrongHost.isEmpty());  // the verification above really looked at the names
        QVERIFY(!untrusted.isEmpty());  // and trusted only because our CA was made the root
    }

    void subjectAltNamesCoverNamesAndAddresses() {
        const auto names = m_server.certificate.subjectAlternativeNames();
        const QList<QString> dns = names.values(QSsl::DnsEntry);
        for (const QString& name : m_dnsNames) {
            QVERIFY2(dns.contains(name), qPrintable(name));
        }
        QCOMPARE(dns.size(), m_dnsNames.size());
        QList<QHostAddress> ips;
        for (const QString& ip : names.values(QSsl::IpAddressEntry)) {
            ips << QHostAddress(ip);
        }
        for (const QHostAddress& address : m_addresses) {
            QVERIFY2(ips.contains(address), qPrintable(address.toString()));
        }
        QCOMPARE(ips.size(), m_addresses.size());
    }

    void anotherCasCertificateIsNotSignedByOurs() {
        auto otherCa =
            CertificateAuthority::createAuthority(CertificateSubject{QStringLiteral("Vigil Test CA")});
        QVERIFY(otherCa.ok());
        auto foreign = CertificateAuthority::issueServerCertificate(
            otherCa.value(), CertificateSubject{QStringLiteral("nvr-01")}, m_dnsNames, m_addresses);
        QVERIFY(foreign.ok());
        // Same names everywhere: only the signature tells them apart.
        QVERIFY(!CertificateAuthority::isSignedBy(foreign->certificate, m_ca.certificate));
        QVERIFY(CertificateAuthority::isSignedBy(foreign->certificate, otherCa->certificate));
        QVERIFY(!CertificateAuthority::isSignedBy(m_server.certificate, otherCa->certificate));
        QVERIFY(!CertificateAuthority::isSignedBy(m_server.certificate, QSslCertificate()));
        QVERIFY(CertificateAuthority::fingerprint(otherCa->certificate) !=
                CertificateAuthority::fingerprint(m_ca.certificate));
    }

    void fingerprintIsSha256InColonHex() {
        const QString fingerprint = CertificateAuthority::fingerprint(m_ca.certificate);
        static const QRegularExpression format(QStringLiteral("^[0-9A-F]{2}(:[0-9A-F]{2}){31}$"));
        QVERIFY2(format.match(fingerprint).hasMatch(), qPrintable(fingerprint));
        QCOMPARE(CertificateAuthority::fingerprint(m_ca.certificate), fingerprint);
        // Stable across a PEM round trip (what the store keeps), and it is the hash of the DER.
        const QSslCertificate reloaded(m_ca.certificatePem(), QSsl::Pem);
        QCOMPARE(CertificateAuthority::fingerprint(reloaded), fingerprint);
        const QByteArray sha = QCryptographicHash::hash(m_ca.certificate.toDer(), QCryptographicHash::Sha256);
        QCOMPARE(fingerprint, QString::fromLatin1(sha.toHex(':').toUpper()));
    }

    void validityIsAsRequested() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Backdated an hour for clients whose clocks run behind.
        const qint64 caStartsAgo = m_ca.certificate.effectiveDate().secsTo(m_madeAt);
        QVERIFY2(caStartsAgo >= 3590 && caStartsAgo <= 3700, qPrintable(QString::number(caStartsAgo)));
        QVERIFY(qAbs(m_ca.certificate.expiryDate().secsTo(m_madeAt.addDays(3650))) < 120);
        QVERIFY(qAbs(m_server.certificate.expiryDate().secsTo(m_madeAt.addDays(825))) < 120);
        QVERIFY(m_server.certificate.effectiveDate() < now);

        auto shortLived = CertificateAuthority::issueServerCertificate(
            m_ca, CertificateSubject{QStringLiteral("s")}, {QStringLiteral("localhost")}, {}, 7);
        QVERIFY(shortLived.ok());
        QVERIFY(qAbs(shortLived->certificate.expiryDate().secsTo(now.addDays(7))) < 120);
    }

    void privateKeysMatchTheirCertificates() {
        for (const CertifiedKey* made : {&m_ca, &m_server}) {
            QVERIFY(!made->key.isNull());
            QCOMPARE(made->key.type(), QSsl::PrivateKey);
            auto cert = toX509(made->certificate);
            auto key = toPKey(made->key);
            QVERIFY(cert && key);
            QCOMPARE(X509_check_private_key(cert.get(), key.get()), 1);
        }
        // And not the other's.
        auto serverCert = toX509(m_server.certificate);
        auto caKey = toPKey(m_ca.key);
        QCOMPARE(X509_check_private_key(serverCert.get(), caKey.get()), 0);
        // PEM round trip keeps the key usable.
        const QSslKey reloaded(m_server.keyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        QCOMPARE(reloaded.toPem(), m_server.key.toPem());
    }

    void badInputIsRefused() {
        QVERIFY(!CertificateAuthority::createAuthority(CertificateSubject{QString()}).ok());
        QVERIFY(!CertificateAuthority::createAuthority(CertificateSubject{QStringLiteral("CA"),
                                                                          QStringLiteral("Vigil"), QString(),
                                                                          QStringLiteral("DEU")})
                     .ok());
        auto noNames = CertificateAuthority::issueServerCertificate(
            m_ca, CertificateSubject{QStringLiteral("s")}, {}, {});
        QVERIFY(!noNames.ok());
        // A server certificate cannot act as an authority (CA:FALSE).
        auto fromLeaf = CertificateAuthority::issueServerCertificate(
            m_server, CertificateSubject{QStringLiteral("s")}, {QStringLiteral("localhost")}, {});
        QVERIFY(!fromLeaf.ok());
        QCOMPARE(fromLeaf.error().code, QStringLiteral("tls_bad_authority"));
        // Nor can a CA certificate paired with someone else's key.
        CertifiedKey mismatched{m_ca.certificate, m_server.key};
        auto wrongKey = CertificateAuthority::issueServerCertificate(
            mismatched, CertificateSubject{QStringLiteral("s")}, {QStringLiteral("localhost")}, {});
        QVERIFY(!wrongKey.ok());
        QCOMPARE(wrongKey.error().code, QStringLiteral("tls_bad_authority"));
    }

    void localNamesAndAddressesCoverLoopback() {
        QStringList names = CertificateAuthority::localDnsNames();
        QVERIFY(names.contains(QStringLiteral("localhost")));
        QVERIFY(names.contains(QHostInfo::localHostName()));
        QCOMPARE(names.removeDuplicates(), 0);
        const QList<QHostAddress> addresses = CertificateAuthority::localAddresses();
        QVERIFY(addresses.contains(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(addresses.contains(QHostAddress(QStringLiteral("::1"))));
        for (const QHostAddress& address : addresses) {
            QVERIFY2(address.scopeId().isEmpty(), qPrintable(address.toString()));
        }
        // What the engine does with them must work.
        auto local = CertificateAuthority::issueServerCertificate(
            m_ca, CertificateSubject{QStringLiteral("local")}, names, addresses);
        QVERIFY2(local.ok(), local.ok() ? "" : qPrintable(local.error().message));
        QCOMPARE(local->certificate.subjectAlternativeNames().values(QSsl::IpAddressEntry).size(),
                 addresses.size());
    }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificate_authority.moc"
