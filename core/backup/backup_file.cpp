#include "backup/backup_file.h"

#include <QJsonDocument>
#include <QtEndian>

#include "model/json_fields.h"

namespace vigil::core::backup {

using model::FieldReader;

namespace {

Error malformed(const QString& problem) {
    return Error::make(
        QStringLiteral("backup_malformed"),
        QStringLiteral("This is not a backup file Vigil can read: %1. Use the file exactly as the "
                       "platform wrote it.")
            .arg(problem));
}

Error truncated(qint64 have, qint64 need) {
    return Error::make(
        QStringLiteral("backup_truncated"),
        QStringLiteral("The backup file is incomplete: it has %1 bytes where its own lengths say %2. "
                       "It was probably cut short while being copied; copy it again from where "
                       "it was made.")
            .arg(have)
            .arg(need));
}

QByteArray bytesOf(FieldReader& read, const QString& name, int size) {
    const QString text = read.string(name);
    if (!read.ok()) {
        return {};
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size) {
        read.failWith(
            malformed(QStringLiteral("header field %1 is not %2 bytes of base64").arg(name).arg(size)));
        return {};
    }
    return decoded.decoded;
}

quint32 boundedOf(FieldReader& read, const QString& name, quint32 max) {
    const qint64 value = read.integer(name);
    if (read.ok() && (value < 1 || value > max)) {
        read.failWith(
            malformed(QStringLiteral("header field %1 is %2, outside 1..%3").arg(name).arg(value).arg(max)));
        return 0;
    }
    return static_cast<quint32>(value);
}

void appendU32(QByteArray& out, quint32 value) {
    char buffer[4];
    qToBigEndian(value, buffer);
    out.append(buffer, 4);
}

void appendU64(QByteArray& out, quint64 value) {
    char buffer[8];
    qToBigEndian(value, buffer);
    out.append(buffer, 8);
}

}  // namespace

QJsonObject BackupHeader::toJson() const {
    return QJsonObject{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("formatVersion"), formatVersion},
        {QStringLiteral("schemaVersion"), schemaVersion},
        {QStringLiteral("platformId"), platformId},
        {QStringLiteral("platformName"), platformName},
        {QStringLiteral("productVersion"), productVersion},
        {QStringLiteral("createdMs"), createdMs},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("contentBytes"), contentBytes},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("argon2id")},
                     {QStringLiteral("memoryKiB"), static_cast<qint64>(kdf.memoryKiB)},
                     {QStringLiteral("iterations"), static_cast<qint64>(kdf.iterations)},
                     {QStringLiteral("parallelism"), static_cast<qint64>(kdf.parallelism)},
                     {QStringLiteral("salt"), QString::fromLatin1(kdf.salt.toBase64())}}},
        {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
        {QStringLiteral("keyCheck"), QString::fromLatin1(keyCheck.toBase64())},
        {QStringLiteral("signer"), QString::fromLatin1(signerPublicKey.toBase64())},
    };
}

Result<BackupHeader> BackupHeader::fromJson(const QJsonObject& json) {
    // The version first, so a file from a later Vigil is named as such rather than as malformed.
    const QJsonValue version = json.value(QStringLiteral("formatVersion"));
    if (json.value(QStringLiteral("format")).toString() != QLatin1String(kFormat) || !version.isDouble()) {
        return malformed(QStringLiteral("its header does not name the format \"%1\" and its version")
                             .arg(QLatin1String(kFormat)));
    }
    if (version.toDouble() > kFormatVersion) {
        return Error::make(
            QStringLiteral("backup_format_newer"),
            QStringLiteral("The backup was made by a later Vigil (backup format %1; this one reads "
                           "format %2). Restore it on a platform updated to that version.")
                .arg(version.toDouble())
                .arg(kFormatVersion));
    }
    FieldReader read(json, QStringLiteral("backup header"), FieldReader::Mode::Request);
    BackupHeader header;
    (void)read.string(QStringLiteral("format"));
    header.formatVersion = read.smallInteger(QStringLiteral("formatVersion"));
    header.schemaVersion = read.smallInteger(QStringLiteral("schemaVersion"));
    header.platformId = read.string(QStringLiteral("platformId"));
    header.platformName = read.string(QStringLiteral("platformName"));
    header.productVersion = read.string(QStringLiteral("productVersion"));
    header.createdMs = read.integer(QStringLiteral("createdMs"));
    header.reason = read.string(QStringLiteral("reason"));
    header.contentBytes = read.integer(QStringLiteral("contentBytes"));
    if (read.string(QStringLiteral("cipher")) != QLatin1String("aes-256-gcm") && read.ok()) {
        read.failWith(malformed(QStringLiteral("the cipher is not aes-256-gcm")));
    }
    header.nonce = bytesOf(read, QStringLiteral("nonce"), BackupFile::kNonceBytes);
    header.keyCheck = bytesOf(read, QStringLiteral("keyCheck"), BackupFile::kKeyCheckBytes);
    header.signerPublicKey = bytesOf(read, QStringLiteral("signer"), BackupFile::kPublicKeyBytes);
    const QJsonObject kdfJson = read.object(QStringLiteral("kdf"));
    if (read.ok()) {
        FieldReader kdf(kdfJson, QStringLiteral("backup header kdf"), FieldReader::Mode::Request);
        if (kdf.string(QStringLiteral("algorithm")) != QLatin1String("argon2id") && kdf.ok()) {
            kdf.failWith(malformed(QStringLiteral("the key derivation is not argon2id")));
        }
        header.kdf.memoryKiB = boundedOf(kdf, QStringLiteral("memoryKiB"), KdfParameters::kMaxMemoryKiB);
        header.kdf.iterations = boundedOf(kdf, QStringLiteral("iterations"), KdfParameters::kMaxIterations);
        header.kdf.parallelism =
            boundedOf(kdf, QStringLiteral("parallelism"), KdfParameters::kMaxParallelism);
        header.kdf.salt = bytesOf(kdf, QStringLiteral("salt"), KdfParameters::kSaltBytes);
        kdf.finish();
        if (!kdf.ok()) {
            read.failWith(kdf.error());
        }
    }
    if (!read.finish()) {
        const Error& error = read.error();
        return error.code == QLatin1String("backup_malformed") ? error : malformed(error.message);
    }
    if (header.formatVersion < 1 || header.schemaVersion < 1 || header.createdMs < 0 ||
        header.contentBytes < 0 || header.contentBytes > BackupFile::kMaxContentBytes) {
        return malformed(QStringLiteral("its header holds a version, time or size out of range"));
    }
    return header;
}

QByteArray BackupFile::additionalData() const {
    QByteArray out(kMagic, kMagicBytes);
    appendU32(out, static_cast<quint32>(headerBytes.size()));
    out.append(headerBytes);
    appendU64(out, static_cast<quint64>(ciphertext.size()));
    return out;
}

QByteArray BackupFile::signedBytes() const {
    return additionalData() + ciphertext + tag;
}

QByteArray BackupFile::toBytes() const {
    return signedBytes() + signature;
}

Result<BackupFile> BackupFile::parse(const QByteArray& bytes) {
    if (!bytes.startsWith(QByteArray(kMagic, kMagicBytes))) {
        if (QByteArray(kMagic, kMagicBytes).startsWith(bytes)) {
            return truncated(bytes.size(), kMagicBytes);
        }
        return Error::make(
            QStringLiteral("backup_not_a_backup"),
            QStringLiteral("This file is not a Vigil configuration backup (it does not start as one "
                           "does). Choose a file the platform's backup made."));
    }
    qint64 at = kMagicBytes;
    const qint64 size = bytes.size();
    if (size < at + 4) {
        return truncated(size, at + 4);
    }
    const qint64 headerSize = qFromBigEndian<quint32>(bytes.constData() + at);
    at += 4;
    if (headerSize < 2 || headerSize > kMaxHeaderBytes) {
        return malformed(
            QStringLiteral("its header length %1 is outside 2..%2").arg(headerSize).arg(kMaxHeaderBytes));
    }
    if (size < at + headerSize + 8) {
        return truncated(size, at + headerSize + 8);
    }
    BackupFile file;
    file.headerBytes = bytes.mid(at, headerSize);
    at += headerSize;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.headerBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return malformed(QStringLiteral("its header is not a JSON object"));
    }
    auto header = BackupHeader::fromJson(document.object());
    if (!header) {
        return header.error();
    }
    file.header = std::move(header).value();
    const quint64 cipherSize = qFromBigEndian<quint64>(bytes.constData() + at);
    at += 8;
    if (cipherSize != static_cast<quint64>(file.header.contentBytes)) {
        return malformed(QStringLiteral("its contents are %1 bytes where the header says %2")
                             .arg(cipherSize)
                             .arg(file.header.contentBytes));
    }
    const qint64 need = at + static_cast<qint64>(cipherSize) + kTagBytes + kSignatureBytes;
    if (size < need) {
        return truncated(size, need);
    }
    if (size > need) {
        return malformed(QStringLiteral("%1 bytes follow its end").arg(size - need));
    }
    file.ciphertext = bytes.mid(at, static_cast<qsizetype>(cipherSize));
    at += static_cast<qint64>(cipherSize);
    file.tag = bytes.mid(at, kTagBytes);
    at += kTagBytes;
    file.signature = bytes.mid(at, kSignatureBytes);
    return file;
}

}  // namespace vigil::core::backup
