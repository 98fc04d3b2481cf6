#pragma once
// Ed25519 with OpenSSL 3 (EVP_PKEY_ED25519): the signatures of licences (LIC-1). Keys travel as
// PEM (private, PKCS#8) or as the raw 32-byte public key; a key's id is the first 16 hex digits of
// the SHA-256 of its raw public key, so a licence names the key that signed it.

#include <QByteArray>
#include <QString>

#include "common/result.h"

namespace vigil::core::license {

struct Ed25519Key {
    QByteArray privatePem;  // PKCS#8 PEM; empty for a public-only key
    QByteArray publicRaw;   // 32 bytes

    QString keyId() const { return keyIdOf(publicRaw); }
    static QString keyIdOf(const QByteArray& publicRaw);
};

class Ed25519 {
public:
    static constexpr int kSignatureBytes = 64;
    static constexpr int kPublicKeyBytes = 32;

    static Result<Ed25519Key> generate();
    // Reads a PKCS#8 PEM private key and derives its public half.
    static Result<Ed25519Key> fromPrivatePem(const QByteArray& pem);
    static Result<QByteArray> sign(const QByteArray& privatePem, const QByteArray& message);
    static bool verify(const QByteArray& publicRaw, const QByteArray& message, const QByteArray& signature);
};

}  // namespace vigil::core::license
