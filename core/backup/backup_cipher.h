#pragma once
// BackupCipher: seals and opens a configuration backup (SEC-2.7, backup_file.h for the layout).
//  - key: Argon2id (libargon2, as account passwords: core/security/password_hasher.h) over the
//    passphrase the administrator gives, 64 bytes: the first 32 are the AES-256-GCM key, the last 32
//    the key check kept in the header, which tells a wrong passphrase from a changed file;
//  - contents: zlib-compressed, then AES-256-GCM (OpenSSL EVP) with the header as additional data,
//    so neither the contents nor the header can change unnoticed by someone without the passphrase;
//  - signature: Ed25519 (core/license/ed25519.h, the licences' code) by the platform's backup key
//    over the whole file, checkable without the passphrase; it also says which platform made it.
// Errors of open(), in the order they are checked:
//   backup_tampered          the signature does not match (changed after it was made) or the GCM tag
//                            does not (changed by someone who re-signed it)
//   backup_wrong_passphrase  the key check does not match
//   backup_malformed         the authentic contents do not decompress (made by a faulty writer)

#include <QByteArray>
#include <QString>

#include "backup/backup_file.h"
#include "common/result.h"
#include "license/ed25519.h"

namespace vigil::core::backup {

class BackupCipher {
public:
    static constexpr int kMinPassphraseLength = 10;
    static constexpr int kMaxPassphraseLength = 256;

    // backup_passphrase_weak when it is too short or too long to be used.
    static Status checkPassphrase(const QString& passphrase);

    // The file's bytes. Fills in header's contentBytes, kdf salt, nonce, key check and signer; the
    // caller sets the rest and the KDF cost (header.kdf, default 64 MiB, 3 passes).
    static Result<QByteArray> seal(BackupHeader header, const QByteArray& plaintext,
                                   const QString& passphrase, const license::Ed25519Key& signer);

    // The signature check alone (no passphrase needed).
    static Status checkSignature(const BackupFile& file);
    // Everything: signature, passphrase, tag; the plaintext on success.
    static Result<QByteArray> open(const BackupFile& file, const QString& passphrase);
};

}  // namespace vigil::core::backup
