#include "security/certificate_authority.h"

#include <netdb.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

#include <QCryptographicHash>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QUrl>
#include <array>
#include <climits>
#include <memory>
#include <utility>

#include "common/logging.h"
#include "security/openssl_ptr.h"

namespace vigil::core::security {

namespace {

template <auto Free>
using OpenSslDeleter = openssl::Deleter<Free>;
using openssl::BioPtr;
using openssl::PKeyPtr;
using openssl::X509Ptr;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using Ia5StringPtr = std::unique_ptr<ASN1_IA5STRING, OpenSslDeleter<ASN1_IA5STRING_free>>;
using OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, OpenSslDeleter<ASN1_OCTET_STRING_free>>;
using AddrInfoPtr = std::unique_ptr<addrinfo, OpenSslDeleter<freeaddrinfo>>;

constexpr int kSerialBytes = 16;
constexpr long kClockSkewSeconds = 3600;
constexpr long kSecondsPerDay = 86400;

// Takes every queued OpenSSL error so none leaks into the next, unrelated TLS call on this thread.
QString openSslErrors() {
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        reasons << QString::fromLatin1(text.data());
    }
    return reasons.isEmpty() ? QStringLiteral("unknown OpenSSL error") : reasons.join(QStringLiteral("; "));
}

Error tlsError(const QString& what) {
    return Error::make(QStringLiteral("tls_certificate_failed"),
                       QStringLiteral("Cannot make the TLS certificate: %1 failed (%2). Check the OpenSSL "
                                      "installation; the server keeps its previous certificate.")
                           .arg(what, openSslErrors()));
}

PKeyPtr generateKey() {
    return PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

// 128 random bits with the top bit cleared: positive, unique in practice, and within the 20 octets
// RFC 5280 allows.
bool setRandomSerial(X509* cert) {
    std::array<unsigned char, kSerialBytes> bytes{};
    if (RAND_bytes(bytes.data(), kSerialBytes) != 1) {
        return false;
    }
    bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7f) | 0x01);
    BignumPtr number(BN_bin2bn(bytes.data(), kSerialBytes, nullptr));
    if (!number) {
        return false;
    }
    ASN1_INTEGER* serial = X509_get_serialNumber(cert);
    return BN_to_ASN1_INTEGER(number.get(), serial) != nullptr;
}

bool addNameEntry(X509_NAME* name, const char* field, const QString& value) {
    if (value.isEmpty()) {
        return true;
    }
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(utf8.constData()),
                                      static_cast<int>(utf8.size()), -1, 0) == 1;
}

Status checkSubject(const CertificateSubject& subject) {
    if (subject.commonName.trimmed().isEmpty()) {
        return Error::make(
            QStringLiteral("tls_bad_subject"),
            QStringLiteral("A certificate needs a common name (the server or authority name)."));
    }
    if (!subject.country.isEmpty() && subject.country.size() != 2) {
        return Error::make(QStringLiteral("tls_bad_subject"),
                           QStringLiteral("The country \"%1\" must be a two-letter code such as DE or FR.")
                               .arg(subject.country));
    }
    return {};
}

bool setSubject(X509* cert, const CertificateSubject& subject) {
    X509_NAME* name = X509_get_subject_name(cert);
    return addNameEntry(name, "C", subject.country) && addNameEntry(name, "ST", subject.state) &&
           addNameEntry(name, "L", subject.locality) && addNameEntry(name, "O", subject.organization) &&
           addNameEntry(name, "OU", subject.organizationalUnit) &&
           addNameEntry(name, "CN", subject.commonName);
}

// A version 3 certificate for `key` with subject, serial and validity set; issuer and extensions
// are the caller's.
X509Ptr newCertificate(const CertificateSubject& subject, EVP_PKEY* key, int validDays) {
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 || !setRandomSerial(cert.get()) ||
        !setSubject(cert.get(), subject) || X509_set_pubkey(cert.get(), key) != 1) {
        return nullptr;
    }
    // Backdated so a client whose clock runs a little behind does not reject a fresh certificate.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kClockSkewSeconds) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kSecondsPerDay * validDays)) {
        return nullptr;
    }
    return cert;
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(cert, extension.get(), -1) == 1;
}

// Takes `value` over in every case: on success the names stack owns it, on failure it is freed.
template <typename StringPtr>
bool addGeneralName(GENERAL_NAMES* names, int type, StringPtr value) {
    GeneralNamePtr name(GENERAL_NAME_new());
    if (!name) {
        return false;
    }
    GENERAL_NAME_set0_value(name.get(), type, value.release());
    if (sk_GENERAL_NAME_push(names, name.get()) == 0) {
        return false;
    }
    name.release();
    return true;
}

bool addDnsName(GENERAL_NAMES* names, const QString& dnsName) {
    const QByteArray ascii = QUrl::toAce(dnsName);
    Ia5StringPtr value(ASN1_IA5STRING_new());
    if (ascii.isEmpty() || !value ||
        ASN1_STRING_set(value.get(), ascii.constData(), static_cast<int>(ascii.size())) != 1) {
        return false;
    }
    return addGeneralName(names, GEN_DNS, std::move(value));
}

bool addIpAddress(GENERAL_NAMES* names, const QHostAddress& address) {
    QByteArray bytes;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 ip = address.toIPv4Address();
        bytes = QByteArray(4, Qt::Uninitialized);
        for (int i = 0; i < 4; ++i) {
            bytes[i] = static_cast<char>((ip >> (24 - 8 * i)) & 0xff);
        }
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR ip = address.toIPv6Address();
        bytes = QByteArray(reinterpret_cast<const char*>(ip.c), 16);
    } else {
        return true;  // not an address; nothing to certify
    }
    OctetStringPtr value(ASN1_OCTET_STRING_new());
    if (!value ||
        ASN1_OCTET_STRING_set(value.get(), reinterpret_cast<const unsigned char*>(bytes.constData()),
                              static_cast<int>(bytes.size())) != 1) {
        return false;
    }
    return addGeneralName(names, GEN_IPADD, std::move(value));
}

// Built from structures, not from a "DNS:a,IP:b" config string, so no name can inject another.
bool addSubjectAltNames(X509* cert, const QStringList& dnsNames, const QList<QHostAddress>& addresses) {
    GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names) {
        return false;
    }
    for (const QString& dnsName : dnsNames) {
        if (!addDnsName(names.get(), dnsName)) {
            return false;
        }
    }
    for (const QHostAddress& address : addresses) {
        if (!addIpAddress(names.get(), address)) {
            return false;
        }
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

QByteArray bioContents(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

Result<CertifiedKey> toQt(X509* cert, EVP_PKEY* key) {
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return tlsError(QStringLiteral("writing PEM"));
    }
    CertifiedKey made;
    made.certificate = QSslCertificate(bioContents(certBio.get()), QSsl::Pem);
    QByteArray keyPem = bioContents(keyBio.get());
    made.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    keyPem.fill('\0');
    if (made.certificate.isNull() || made.key.isNull()) {
        return Error::make(QStringLiteral("tls_certificate_failed"),
                           QStringLiteral("Qt could not load the certificate just made; check that Qt's "
                                          "OpenSSL TLS backend is installed."));
    }
    return made;
}

X509Ptr fromQt(const QSslCertificate& certificate) {
    return openssl::toX509(certificate);
}

PKeyPtr fromQt(const QSslKey& key) {
    QByteArray pem = key.toPem();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    PKeyPtr pkey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    pem.fill('\0');
    return pkey;
}

Error badAuthority(const QString& why) {
    ERR_clear_error();
    return Error::make(QStringLiteral("tls_bad_authority"),
                       QStringLiteral("Cannot issue the server certificate: %1. Restore the certificate "
                                      "authority from a backup or reset the TLS material.")
                           .arg(why));
}

bool appendUnique(QStringList& names, const QString& name) {
    if (name.isEmpty() || names.contains(name, Qt::CaseInsensitive)) {
        return false;
    }
    names << name;
    return true;
}

// What `hostname -f` prints: the canonical name the resolver (usually /etc/hosts) gives the host.
QString canonicalHostName(const QString& hostName) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_CANONNAME;
    addrinfo* found = nullptr;
    if (getaddrinfo(hostName.toUtf8().constData(), nullptr, &hints, &found) != 0) {
        return {};
    }
    AddrInfoPtr owned(found);
    return owned->ai_canonname ? QString::fromUtf8(owned->ai_canonname) : QString();
}

}  // namespace

Result<CertifiedKey> CertificateAuthority::createAuthority(const CertificateSubject& subject, int validDays) {
    if (Status valid = checkSubject(subject); !valid) {
        return valid.error();
    }
    PKeyPtr key = generateKey();
    if (!key) {
        return tlsError(QStringLiteral("generating the P-256 key"));
    }
    X509Ptr cert = newCertificate(subject, key.get(), validDays);
    if (!cert || X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())) != 1) {
        return tlsError(QStringLiteral("building the authority certificate"));
    }
    // pathlen:0: this CA signs server certificates only, never another CA.
    if (!addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash")) {
        return tlsError(QStringLiteral("adding the authority extensions"));
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        return tlsError(QStringLiteral("signing the authority certificate"));
    }
    return toQt(cert.get(), key.get());
}

Result<CertifiedKey> CertificateAuthority::issueServerCertificate(const CertifiedKey& authority,
                                                                  const CertificateSubject& subject,
                                                                  const QStringList& dnsNames,
                                                                  const QList<QHostAddress>& addresses,
                                                                  int validDays) {
    if (Status valid = checkSubject(subject); !valid) {
        return valid.error();
    }
    if (dnsNames.isEmpty() && addresses.isEmpty()) {
        return Error::make(QStringLiteral("tls_bad_subject"),
                           QStringLiteral("A server certificate needs at least one host name or address; "
                                          "clients check it against the address they connect to."));
    }
    X509Ptr caCert = fromQt(authority.certificate);
    PKeyPtr caKey = fromQt(authority.key);
    if (!caCert || !caKey) {
        return badAuthority(QStringLiteral("the authority's certificate or key cannot be read"));
    }
    if (X509_check_ca(caCert.get()) == 0) {
        return badAuthority(QStringLiteral("the authority certificate is not a CA certificate"));
    }
    if (X509_check_private_key(caCert.get(), caKey.get()) != 1) {
        return badAuthority(QStringLiteral("the authority's key does not match its certificate"));
    }
    PKeyPtr key = generateKey();
    if (!key) {
        return tlsError(QStringLiteral("generating the P-256 key"));
    }
    X509Ptr cert = newCertificate(subject, key.get(), validDays);
    if (!cert || X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get())) != 1) {
        return tlsError(QStringLiteral("building the server certificate"));
    }
    if (!addExtension(cert.get(), caCert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), caCert.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), caCert.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(cert.get(), caCert.get(), NID_subject_key_identifier, "hash") ||
        !addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, "keyid:always") ||
        !addSubjectAltNames(cert.get(), dnsNames, addresses)) {
        return tlsError(QStringLiteral("adding the server certificate extensions"));
    }
    if (X509_sign(cert.get(), caKey.get(), EVP_sha256()) <= 0) {
        return tlsError(QStringLiteral("signing the server certificate"));
    }
    return toQt(cert.get(), key.get());
}

QStringList CertificateAuthority::localDnsNames() {
    QStringList names{QStringLiteral("localhost")};
    const QString hostName = QHostInfo::localHostName();
    appendUnique(names, hostName);
    if (!hostName.isEmpty()) {
        const QString canonical = canonicalHostName(hostName);
        if (canonical.contains(QLatin1Char('.'))) {
            appendUnique(names, canonical);
        }
        const QString domain = QHostInfo::localDomainName();
        if (!domain.isEmpty() && !hostName.contains(QLatin1Char('.'))) {
            appendUnique(names, hostName + QLatin1Char('.') + domain);
        }
    }
    return names;
}

QList<QHostAddress> CertificateAuthority::localAddresses() {
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6)};
    const QList<QHostAddress> found = QNetworkInterface::allAddresses();
    for (QHostAddress address : found) {
        // A certificate names an address, not the interface a link-local one is reached through.
        address.setScopeId(QString());
        if (!address.isNull() && !addresses.contains(address)) {
            addresses << address;
        }
    }
    return addresses;
}

QString CertificateAuthority::fingerprint(const QSslCertificate& certificate) {
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool CertificateAuthority::isSignedBy(const QSslCertificate& certificate, const QSslCertificate& authority) {
    X509Ptr cert = fromQt(certificate);
    X509Ptr ca = fromQt(authority);
    EVP_PKEY* caKey = ca ? X509_get0_pubkey(ca.get()) : nullptr;
    const bool signedByCa = cert && caKey && X509_verify(cert.get(), caKey) == 1;
    ERR_clear_error();
    return signedByCa;
}

}  // namespace vigil::core::security
