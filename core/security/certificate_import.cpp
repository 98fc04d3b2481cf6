#include "security/certificate_import.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <QDateTime>
#include <memory>

#include "security/openssl_ptr.h"

namespace vigil::core::security {

namespace {

using openssl::BioPtr;
using openssl::Deleter;
using openssl::PKeyPtr;
using openssl::toX509;
using openssl::X509Ptr;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreContextPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;

void freeStack(STACK_OF(X509) * stack) {
    sk_X509_pop_free(stack, X509_free);
}
using StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<freeStack>>;

Error refused(const QString& why) {
    ERR_clear_error();
    return Error::make(QStringLiteral("certificate_refused"),
                       QStringLiteral("The certificate was not imported: %1. The server keeps its current "
                                      "certificate.")
                           .arg(why));
}

// Never asks for a passphrase (OpenSSL's default would prompt on a terminal).
int noPassphrase(char*, int, int, void*) {
    return 0;
}

PKeyPtr toPKey(const QByteArray& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return PKeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
}

QString describe(const QSslCertificate& certificate) {
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? certificate.subjectDisplayName() : names.join(QStringLiteral(", "));
}

bool selfIssued(X509* certificate) {
    return X509_check_issued(certificate, certificate) == X509_V_OK;
}

// The platform names and addresses `leaf` is valid for (RFC 6125 rules as OpenSSL applies them).
QStringList coveredBy(X509* leaf, const QStringList& names, const QList<QHostAddress>& addresses) {
    QStringList covered;
    for (const QString& name : names) {
        const QByteArray ascii = name.toUtf8();
        if (X509_check_host(leaf, ascii.constData(), static_cast<size_t>(ascii.size()), 0, nullptr) == 1) {
            covered << name;
        }
    }
    for (const QHostAddress& address : addresses) {
        const QByteArray text = address.toString().toLatin1();
        if (X509_check_ip_asc(leaf, text.constData(), 0) == 1) {
            covered << address.toString();
        }
    }
    return covered;
}

Status verifyChain(X509* leaf, const QList<QSslCertificate>& issuers, qint64 nowMs) {
    StorePtr store(X509_STORE_new());
    StackPtr untrusted(sk_X509_new_null());
    StoreContextPtr context(X509_STORE_CTX_new());
    if (!store || !untrusted || !context) {
        return refused(QStringLiteral("OpenSSL could not set up the chain check"));
    }
    // Roots given in the bundle, and the ones this host trusts (a public CA's root is rarely sent).
    X509_STORE_set_default_paths(store.get());
    for (const QSslCertificate& issuer : issuers) {
        X509Ptr x509 = toX509(issuer);
        if (!x509) {
            continue;
        }
        if (selfIssued(x509.get())) {
            X509_STORE_add_cert(store.get(), x509.get());
        } else if (sk_X509_push(untrusted.get(), x509.get()) > 0) {
            x509.release();
        }
    }
    if (X509_STORE_CTX_init(context.get(), store.get(), leaf, untrusted.get()) != 1) {
        return refused(QStringLiteral("OpenSSL could not set up the chain check"));
    }
    X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
    X509_VERIFY_PARAM_set_time(parameters, static_cast<time_t>(nowMs / 1000));
    X509_VERIFY_PARAM_set_purpose(parameters, X509_PURPOSE_SSL_SERVER);
    if (X509_verify_cert(context.get()) == 1) {
        ERR_clear_error();
        return {};
    }
    const int error = X509_STORE_CTX_get_error(context.get());
    const int depth = X509_STORE_CTX_get_error_depth(context.get());
    const QString reason = QString::fromLatin1(X509_verify_cert_error_string(error));
    if (error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
        error == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN) {
        return refused(QStringLiteral("its chain does not reach a trusted root (%1, at depth %2). Paste the "
                                      "certificates of the CAs that issued it after it, up to the root")
                           .arg(reason, QString::number(depth)));
    }
    return refused(QStringLiteral("its chain does not verify (%1, at depth %2)").arg(reason, QString::number(depth)));
}

}  // namespace

Result<QSslKey> CertificateImport::readKey(const QByteArray& keyPem) {
    if (keyPem.contains("ENCRYPTED")) {
        return refused(QStringLiteral("the private key is protected by a passphrase. Export it without one "
                                      "(openssl pkey -in key.pem -out plain.pem); the server keeps it encrypted "
                                      "in its database"));
    }
    PKeyPtr key = toPKey(keyPem);
    if (!key) {
        return refused(QStringLiteral("the private key is not a PEM private key"));
    }
    const int type = EVP_PKEY_get_base_id(key.get());
    const QSsl::KeyAlgorithm algorithm = type == EVP_PKEY_RSA ? QSsl::Rsa : type == EVP_PKEY_EC ? QSsl::Ec : QSsl::Opaque;
    if (algorithm == QSsl::Opaque) {
        return refused(QStringLiteral("the private key is neither RSA nor EC (ECDSA), the kinds TLS servers use"));
    }
    if (algorithm == QSsl::Rsa && EVP_PKEY_get_bits(key.get()) < 2048) {
        return refused(QStringLiteral("the RSA key has %1 bits; use at least 2048").arg(EVP_PKEY_get_bits(key.get())));
    }
    // Written again by OpenSSL, so Qt reads the PKCS#8 or traditional form the same way.
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return refused(QStringLiteral("OpenSSL could not write the private key again"));
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, static_cast<qsizetype>(size));
    QSslKey qtKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    pem.fill('\0');
    if (qtKey.isNull()) {
        return refused(QStringLiteral("Qt could not load the private key"));
    }
    ERR_clear_error();
    return qtKey;
}

Result<CertificateBundle> CertificateImport::check(const QByteArray& certificatesPem, const QByteArray& keyPem,
                                                   const QStringList& names, const QList<QHostAddress>& addresses,
                                                   qint64 nowMs) {
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatesPem, QSsl::Pem);
    if (certificates.isEmpty()) {
        return refused(QStringLiteral("no PEM certificate was found (\"-----BEGIN CERTIFICATE-----\" ...). Paste "
                                      "the server certificate first, then the CAs that issued it"));
    }
    if (certificates.size() > kMaxCertificates) {
        return refused(QStringLiteral("the bundle holds %1 certificates; a chain has at most %2")
                           .arg(certificates.size())
                           .arg(kMaxCertificates));
    }
    CertificateBundle bundle;
    bundle.leaf = certificates.first();
    bundle.issuers = certificates.mid(1);
    auto key = readKey(keyPem);
    if (!key) {
        return key.error();
    }
    bundle.key = key.value();

    X509Ptr leaf = toX509(bundle.leaf);
    PKeyPtr privateKey = toPKey(bundle.key.toPem());
    if (!leaf || !privateKey) {
        return refused(QStringLiteral("OpenSSL could not read the certificate or key"));
    }
    if (X509_check_private_key(leaf.get(), privateKey.get()) != 1) {
        return refused(QStringLiteral("the private key does not belong to the certificate \"%1\" (the first in "
                                      "the bundle). Send the key that was made with its signing request")
                           .arg(describe(bundle.leaf)));
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    if (bundle.leaf.effectiveDate() > now) {
        return refused(QStringLiteral("the certificate is valid only from %1 (UTC)")
                           .arg(bundle.leaf.effectiveDate().toUTC().toString(Qt::ISODate)));
    }
    if (bundle.leaf.expiryDate() <= now) {
        return refused(QStringLiteral("the certificate expired on %1 (UTC). Ask the CA for a new one")
                           .arg(bundle.leaf.expiryDate().toUTC().toString(Qt::ISODate)));
    }
    if (X509_check_ca(leaf.get()) != 0) {
        return refused(QStringLiteral("\"%1\" is a CA certificate; import the server certificate it issued")
                           .arg(describe(bundle.leaf)));
    }
    if (selfIssued(leaf.get())) {
        return refused(QStringLiteral("the certificate is self-signed, not signed by a CA. To use a certificate "
                                      "of the platform's own CA, make one instead of importing"));
    }
    bundle.covered = coveredBy(leaf.get(), names, addresses);
    if (bundle.covered.isEmpty()) {
        QStringList platform = names;
        for (const QHostAddress& address : addresses) {
            platform << address.toString();
        }
        return refused(QStringLiteral("it names none of this platform's names and addresses (%1). Ask the CA for "
                                      "a certificate whose subject alternative names include the ones clients use")
                           .arg(platform.join(QStringLiteral(", "))));
    }
    if (Status chain = verifyChain(leaf.get(), bundle.issuers, nowMs); !chain) {
        return chain.error();
    }
    return bundle;
}

}  // namespace vigil::core::security
