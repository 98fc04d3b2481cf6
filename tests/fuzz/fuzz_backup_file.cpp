// Fuzz target: configuration backup files (core/backup/backup_file.h, SEC-2.7), which come from
// outside (an upload, a file copied into the backup folder). Invariants: parsing never crashes nor
// allocates beyond the file; a refusal has one of the documented codes and a message; a file that
// parses has parts of the sizes the format fixes, and writes back to exactly the bytes it came from.

#include <QByteArray>
#include <cstddef>
#include <cstdint>

#include "backup/backup_file.h"
#include "fuzz_check.h"

using namespace vigil::core::backup;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto file = BackupFile::parse(bytes);
    if (!file) {
        const QString& code = file.error().code;
        FUZZ_CHECK(code == QLatin1String("backup_not_a_backup") ||
                   code == QLatin1String("backup_truncated") || code == QLatin1String("backup_malformed") ||
                   code == QLatin1String("backup_format_newer"));
        FUZZ_CHECK(!file.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(file->toBytes() == bytes);
    FUZZ_CHECK(file->tag.size() == BackupFile::kTagBytes);
    FUZZ_CHECK(file->signature.size() == BackupFile::kSignatureBytes);
    FUZZ_CHECK(file->header.nonce.size() == BackupFile::kNonceBytes);
    FUZZ_CHECK(file->header.signerPublicKey.size() == BackupFile::kPublicKeyBytes);
    FUZZ_CHECK(file->ciphertext.size() == file->header.contentBytes);
    FUZZ_CHECK(file->header.kdf.memoryKiB <= KdfParameters::kMaxMemoryKiB);
    FUZZ_CHECK(file->header.kdf.salt.size() == KdfParameters::kSaltBytes);
    FUZZ_CHECK(file->header.schemaVersion >= 1);
    return 0;
}
