#pragma once
// BackupFile: the container of a configuration backup (SEC-2.7). Parsing and writing only; the
// cryptography is BackupCipher's (backup_cipher.h), so the parser links Qt alone and has a fuzz
// target (tests/fuzz/fuzz_backup_file.cpp).
//
// Layout (integers big-endian):
//   "VIGIL-BACKUP\n"          magic, 13 bytes
//   u32 H, H bytes            header: compact JSON (BackupHeader), readable without the passphrase
//   u64 C, C bytes            the configuration: zlib-compressed JSON, AES-256-GCM encrypted
//   16 bytes                  the GCM tag; the additional data is everything before the ciphertext
//   64 bytes                  Ed25519 signature of everything before it, by the platform's backup key
//
// The header says what the file is (format version, schema version, platform, time, why it was
// made) and how to open it (Argon2id parameters and salt, the GCM nonce, a key check that tells a
// wrong passphrase from a changed file, the signer's public key). Checks here are about shape:
// lengths that add up, fields present with the right types, values in range. Errors:
//   backup_not_a_backup   it does not start with the magic
//   backup_truncated      it ends before its lengths say it should (an interrupted copy)
//   backup_malformed      anything else wrong with its shape, naming what
//   backup_format_newer   made by a later Vigil whose file format this one cannot read

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "common/result.h"

namespace vigil::core::backup {

struct KdfParameters {
    quint32 memoryKiB = 64 * 1024;
    quint32 iterations = 3;
    quint32 parallelism = 1;
    QByteArray salt;  // kSaltBytes

    static constexpr int kSaltBytes = 16;
    // A file asking for more is refused as malformed: opening a backup must not be a way to make the
    // server allocate gigabytes or spin for minutes.
    static constexpr quint32 kMaxMemoryKiB = 1024 * 1024;
    static constexpr quint32 kMaxIterations = 16;
    static constexpr quint32 kMaxParallelism = 8;
};

struct BackupHeader {
    static constexpr auto kFormat = "vigil-backup";
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    int schemaVersion = 0;  // the database schema (migration) version the contents follow
    QString platformId;     // the server id of the platform it was made on
    QString platformName;
    QString productVersion;   // the Vigil version that made it
    qint64 createdMs = 0;     // UTC ms
    QString reason;           // "manual", "scheduled", "before factory defaults", ...
    qint64 contentBytes = 0;  // size of the compressed plaintext, so the ciphertext length is checked
    KdfParameters kdf;
    QByteArray nonce;            // 12 bytes, AES-256-GCM
    QByteArray keyCheck;         // 32 bytes derived with the key: tells a wrong passphrase from tampering
    QByteArray signerPublicKey;  // 32 bytes, Ed25519

    QJsonObject toJson() const;
    static Result<BackupHeader> fromJson(const QJsonObject& json);
};

struct BackupFile {
    static constexpr char kMagic[] = "VIGIL-BACKUP\n";
    static constexpr int kMagicBytes = 13;
    static constexpr int kTagBytes = 16;
    static constexpr int kSignatureBytes = 64;
    static constexpr int kNonceBytes = 12;
    static constexpr int kKeyCheckBytes = 32;
    static constexpr int kPublicKeyBytes = 32;
    static constexpr qint64 kMaxHeaderBytes = 16 * 1024;
    static constexpr qint64 kMaxContentBytes = 256LL * 1024 * 1024;

    BackupHeader header;
    QByteArray headerBytes;  // the header exactly as stored (what the tag and signature cover)
    QByteArray ciphertext;
    QByteArray tag;
    QByteArray signature;

    // The bytes the GCM additional data covers (magic, header, ciphertext length) and the bytes the
    // signature covers (everything before it), from headerBytes and the parts: exactly what parse()
    // read when it succeeded.
    QByteArray additionalData() const;
    QByteArray signedBytes() const;
    QByteArray toBytes() const;

    static Result<BackupFile> parse(const QByteArray& bytes);
};

}  // namespace vigil::core::backup
