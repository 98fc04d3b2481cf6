#include "backup/backup_cipher.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <QJsonDocument>
#include <QtEndian>
#include <memory>

namespace vigil::core::backup {

namespace {

constexpr int kKeyBytes = 32;
// qCompress() puts the plain size first; authentic contents claiming more than this are refused
// rather than allocated.
constexpr quint32 kMaxPlainBytes = 1024U * 1024 * 1024;

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// Wipes the derived key when it goes out of scope.
struct DerivedKey {
    QByteArray bytes;
    ~DerivedKey() { OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size())); }
    QByteArray key() const { return bytes.left(kKeyBytes); }
    QByteArray check() const { return bytes.mid(kKeyBytes); }
};

Error failed(const QString& what) {
    return Error::make(
        QStringLiteral("backup_crypto_failed"),
        QStringLiteral("The backup could not be %1 (the cryptographic library failed; the server "
                       "may be out of memory). Try again; if it keeps failing, see the server log.")
            .arg(what));
}

Error tampered(const QString& how) {
    return Error::make(QStringLiteral("backup_tampered"),
                       QStringLiteral("The backup file was changed after it was made (%1), so it cannot be "
                                      "trusted and nothing was restored. Use an unchanged copy.")
                           .arg(how));
}

Result<DerivedKey> derive(const QString& passphrase, const KdfParameters& kdf) {
    QByteArray secret = passphrase.toUtf8();
    DerivedKey derived;
    derived.bytes.resize(kKeyBytes + BackupFile::kKeyCheckBytes);
    const int rc = argon2id_hash_raw(kdf.iterations, kdf.memoryKiB, kdf.parallelism, secret.constData(),
                                     static_cast<size_t>(secret.size()), kdf.salt.constData(),
                                     static_cast<size_t>(kdf.salt.size()), derived.bytes.data(),
                                     static_cast<size_t>(derived.bytes.size()));
    OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    if (rc != ARGON2_OK) {
        return Error::make(QStringLiteral("backup_crypto_failed"),
                           QStringLiteral("The backup key could not be derived: %1. The server may lack the "
                                          "memory the file asks for (%2 MiB).")
                               .arg(QString::fromLatin1(argon2_error_message(rc)))
                               .arg(kdf.memoryKiB / 1024));
    }
    return derived;
}

QByteArray randomBytes(int size) {
    QByteArray bytes(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), size) != 1) {
        return {};
    }
    return bytes;
}

// Encrypts (decrypt=false) or decrypts and checks the tag (decrypt=true); nullopt on failure.
std::optional<QByteArray> gcm(bool decrypt, const QByteArray& key, const QByteArray& nonce,
                              const QByteArray& aad, const QByteArray& input, QByteArray* tag) {
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    const auto* k = reinterpret_cast<const unsigned char*>(key.constData());
    const auto* iv = reinterpret_cast<const unsigned char*>(nonce.constData());
    const auto init = decrypt ? EVP_DecryptInit_ex : EVP_EncryptInit_ex;
    if (!ctx || init(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) !=
            1 ||
        init(ctx.get(), nullptr, nullptr, k, iv) != 1) {
        return std::nullopt;
    }
    const auto update = decrypt ? EVP_DecryptUpdate : EVP_EncryptUpdate;
    int length = 0;
    if (update(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(aad.constData()),
               static_cast<int>(aad.size())) != 1) {
        return std::nullopt;
    }
    QByteArray output(input.size() + 16, '\0');
    auto* out = reinterpret_cast<unsigned char*>(output.data());
    if (update(ctx.get(), out, &length, reinterpret_cast<const unsigned char*>(input.constData()),
               static_cast<int>(input.size())) != 1) {
        return std::nullopt;
    }
    int total = length;
    if (decrypt) {
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag->size()),
                                tag->data()) != 1 ||
            EVP_DecryptFinal_ex(ctx.get(), out + total, &length) != 1) {
            return std::nullopt;
        }
    } else {
        if (EVP_EncryptFinal_ex(ctx.get(), out + total, &length) != 1) {
            return std::nullopt;
        }
        tag->resize(BackupFile::kTagBytes);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, BackupFile::kTagBytes, tag->data()) != 1) {
            return std::nullopt;
        }
    }
    total += length;
    output.resize(total);
    return output;
}

}  // namespace

Status BackupCipher::checkPassphrase(const QString& passphrase) {
    if (passphrase.size() < kMinPassphraseLength || passphrase.size() > kMaxPassphraseLength) {
        return Error::make(
            QStringLiteral("backup_passphrase_weak"),
            QStringLiteral("The backup passphrase must be %1 to %2 characters long; anyone who has "
                           "the file and guesses it reads the platform's configuration. Choose a "
                           "longer one and keep it apart from the backups.")
                .arg(kMinPassphraseLength)
                .arg(kMaxPassphraseLength));
    }
    return {};
}

Result<QByteArray> BackupCipher::seal(BackupHeader header, const QByteArray& plaintext,
                                      const QString& passphrase, const license::Ed25519Key& signer) {
    if (Status strong = checkPassphrase(passphrase); !strong) {
        return strong.error();
    }
    const QByteArray compressed = qCompress(plaintext, 9);
    if (compressed.size() > BackupFile::kMaxContentBytes) {
        return Error::make(
            QStringLiteral("backup_too_large"),
            QStringLiteral("The configuration is %1 bytes compressed, more than a backup file holds "
                           "(%2).")
                .arg(compressed.size())
                .arg(BackupFile::kMaxContentBytes));
    }
    header.kdf.salt = randomBytes(KdfParameters::kSaltBytes);
    header.nonce = randomBytes(BackupFile::kNonceBytes);
    if (header.kdf.salt.isEmpty() || header.nonce.isEmpty()) {
        return failed(QStringLiteral("made"));
    }
    auto derived = derive(passphrase, header.kdf);
    if (!derived) {
        return derived.error();
    }
    header.keyCheck = derived->check();
    header.signerPublicKey = signer.publicRaw;
    header.contentBytes = compressed.size();
    BackupFile file;
    file.header = header;
    file.headerBytes = QJsonDocument(header.toJson()).toJson(QJsonDocument::Compact);
    file.ciphertext.resize(compressed.size());  // GCM keeps the length; additionalData() needs it
    auto sealed = gcm(false, derived->key(), header.nonce, file.additionalData(), compressed, &file.tag);
    if (!sealed) {
        return failed(QStringLiteral("encrypted"));
    }
    file.ciphertext = *sealed;
    auto signature = license::Ed25519::sign(signer.privatePem, file.signedBytes());
    if (!signature) {
        return signature.error();
    }
    file.signature = signature.value();
    return file.toBytes();
}

Status BackupCipher::checkSignature(const BackupFile& file) {
    if (!license::Ed25519::verify(file.header.signerPublicKey, file.signedBytes(), file.signature)) {
        return tampered(QStringLiteral("its signature does not match its contents"));
    }
    return {};
}

Result<QByteArray> BackupCipher::open(const BackupFile& file, const QString& passphrase) {
    if (Status signature = checkSignature(file); !signature) {
        return signature.error();
    }
    auto derived = derive(passphrase, file.header.kdf);
    if (!derived) {
        return derived.error();
    }
    if (CRYPTO_memcmp(derived->check().constData(), file.header.keyCheck.constData(),
                      static_cast<size_t>(BackupFile::kKeyCheckBytes)) != 0) {
        return Error::make(
            QStringLiteral("backup_wrong_passphrase"),
            QStringLiteral("The passphrase does not open this backup. Give the passphrase it was made "
                           "with (for scheduled backups, the schedule's); nothing was restored."));
    }
    QByteArray tag = file.tag;
    auto plain = gcm(true, derived->key(), file.header.nonce, file.additionalData(), file.ciphertext, &tag);
    if (!plain) {
        return tampered(QStringLiteral("its authentication tag does not match"));
    }
    if (plain->size() < 4 || qFromBigEndian<quint32>(plain->constData()) > kMaxPlainBytes) {
        return Error::make(
            QStringLiteral("backup_malformed"),
            QStringLiteral("The backup's contents are not readable (bad compression header)."));
    }
    QByteArray contents = qUncompress(*plain);
    if (contents.isEmpty()) {
        return Error::make(
            QStringLiteral("backup_malformed"),
            QStringLiteral("The backup's contents do not decompress; the program that wrote it was "
                           "faulty. Use another backup."));
    }
    return contents;
}

}  // namespace vigil::core::backup
