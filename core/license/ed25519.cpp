#include "license/ed25519.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace vigil::core::license {

namespace {
struct PKeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

Error keyError(const QString& what) {
    return Error::make(QStringLiteral("licence_key_invalid"),
                       QStringLiteral("%1. Use a key file made by \"vigil-license keygen\".").arg(what));
}

PKey readPrivate(const QByteArray& pem) {
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio) {
        return {};
    }
    PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (key && EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
        return {};
    }
    return key;
}

Result<Ed25519Key> describe(EVP_PKEY* key) {
    Ed25519Key result;
    size_t length = Ed25519::kPublicKeyBytes;
    result.publicRaw.resize(Ed25519::kPublicKeyBytes);
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(result.publicRaw.data()), &length) != 1 ||
        length != Ed25519::kPublicKeyBytes) {
        return keyError(QStringLiteral("The key has no Ed25519 public half"));
    }
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return keyError(QStringLiteral("The private key could not be written as PEM"));
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    result.privatePem = QByteArray(data, static_cast<qsizetype>(size));
    return result;
}
}  // namespace

QString Ed25519Key::keyIdOf(const QByteArray& publicRaw) {
    return QString::fromLatin1(QCryptographicHash::hash(publicRaw, QCryptographicHash::Sha256).toHex().left(16));
}

Result<Ed25519Key> Ed25519::generate() {
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) {
        return keyError(QStringLiteral("OpenSSL could not make an Ed25519 key"));
    }
    return describe(key.get());
}

Result<Ed25519Key> Ed25519::fromPrivatePem(const QByteArray& pem) {
    PKey key = readPrivate(pem);
    if (!key) {
        return keyError(QStringLiteral("The file is not an Ed25519 private key in PEM"));
    }
    return describe(key.get());
}

Result<QByteArray> Ed25519::sign(const QByteArray& privatePem, const QByteArray& message) {
    PKey key = readPrivate(privatePem);
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx) {
        return keyError(QStringLiteral("The signing key is not an Ed25519 private key in PEM"));
    }
    QByteArray signature(kSignatureBytes, '\0');
    size_t length = kSignatureBytes;
    // Ed25519 hashes the message itself: no digest is named, and it signs in one shot.
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<size_t>(message.size())) != 1 ||
        length != kSignatureBytes) {
        return keyError(QStringLiteral("OpenSSL could not sign with the key"));
    }
    return signature;
}

bool Ed25519::verify(const QByteArray& publicRaw, const QByteArray& message, const QByteArray& signature) {
    if (publicRaw.size() != kPublicKeyBytes || signature.size() != kSignatureBytes) {
        return false;
    }
    PKey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                         reinterpret_cast<const unsigned char*>(publicRaw.constData()),
                                         static_cast<size_t>(publicRaw.size())));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return false;
    }
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char*>(message.constData()),
                            static_cast<size_t>(message.size())) == 1;
}

}  // namespace vigil::core::license
