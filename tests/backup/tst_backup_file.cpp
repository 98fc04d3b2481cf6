// The configuration backup file (SEC-2.7, core/backup): what seal() writes opens with the same
// passphrase to the same contents; a wrong passphrase, a cut file, a changed byte (signature), a file
// changed and re-signed by someone else (GCM tag), a later file format and a short passphrase are
// each refused with their own reason.

#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

#include "backup/backup_cipher.h"
#include "backup/backup_file.h"
#include "license/ed25519.h"

using namespace vigil::core;
using backup::BackupCipher;
using backup::BackupFile;
using backup::BackupHeader;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

BackupHeader header() {
    BackupHeader made;
    made.schemaVersion = 10;
    made.platformId = QStringLiteral("platform-1");
    made.platformName = QStringLiteral("site");
    made.productVersion = QStringLiteral("0.1.0");
    made.createdMs = 1'790'000'000'000;
    made.reason = QStringLiteral("manual");
    made.kdf.memoryKiB = 256;  // cheap for tests; the service's default is 64 MiB
    made.kdf.iterations = 1;
    return made;
}

QString codeOf(const Result<QByteArray>& result) {
    return result ? QStringLiteral("ok") : result.error().code;
}

QString openCode(const QByteArray& bytes, const QString& passphrase = kPassphrase) {
    auto file = BackupFile::parse(bytes);
    if (!file) {
        return file.error().code;
    }
    return codeOf(BackupCipher::open(file.value(), passphrase));
}

}  // namespace

class TestBackupFile : public QObject {
    Q_OBJECT

private:
    license::Ed25519Key m_key;
    QByteArray m_plain;
    QByteArray m_sealed;

private slots:
    void initTestCase() {
        auto key = license::Ed25519::generate();
        QVERIFY(key.ok());
        m_key = key.value();
        m_plain =
            QByteArrayLiteral(R"({"tables":{"settings":{"columns":["key","value"],"rows":[["a","b"]]}}})");
        auto sealed = BackupCipher::seal(header(), m_plain, kPassphrase, m_key);
        QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().message));
        m_sealed = sealed.value();
    }

    void opensWithItsPassphrase() {
        auto file = BackupFile::parse(m_sealed);
        QVERIFY(file.ok());
        QCOMPARE(file->header.schemaVersion, 10);
        QCOMPARE(file->header.platformId, QStringLiteral("platform-1"));
        QCOMPARE(file->header.signerPublicKey, m_key.publicRaw);
        QVERIFY(!m_sealed.contains("settings"));  // the contents are not readable in the file
        auto plain = BackupCipher::open(file.value(), kPassphrase);
        QVERIFY(plain.ok());
        QCOMPARE(plain.value(), m_plain);
    }

    void wrongPassphraseIsNamed() {
        QCOMPARE(openCode(m_sealed, QStringLiteral("wrong horse battery")),
                 QStringLiteral("backup_wrong_passphrase"));
    }

    void truncatedFilesAreNamed() {
        for (const qsizetype keep :
             {qsizetype(5), qsizetype(15), qsizetype(40), m_sealed.size() / 2, m_sealed.size() - 1}) {
            QCOMPARE(openCode(m_sealed.left(keep)), QStringLiteral("backup_truncated"));
        }
        QCOMPARE(openCode(m_sealed + "x"), QStringLiteral("backup_malformed"));
        QCOMPARE(openCode(QByteArrayLiteral("PK\x03\x04 a zip file")), QStringLiteral("backup_not_a_backup"));
    }

    void changedBytesBreakTheSignature() {
        // A byte of the contents, of the tag, and of the header (the platform name).
        for (const qsizetype at : {m_sealed.size() - 100, m_sealed.size() - 70}) {
            QByteArray changed = m_sealed;
            changed[at] = static_cast<char>(changed[at] ^ 0x01);
            QCOMPARE(openCode(changed), QStringLiteral("backup_tampered"));
        }
        QByteArray renamed = m_sealed;
        renamed.replace("\"site\"", "\"sitf\"");
        QCOMPARE(openCode(renamed), QStringLiteral("backup_tampered"));
    }

    void reSignedChangesBreakTheTag() {
        // Someone without the passphrase changes the contents and signs again (with the platform's
        // key, or with their own named in the header): the signature checks, the GCM tag does not.
        auto other = license::Ed25519::generate();
        QVERIFY(other.ok());
        auto file = BackupFile::parse(m_sealed);
        QVERIFY(file.ok());
        BackupFile forged = file.value();
        forged.ciphertext[3] = static_cast<char>(forged.ciphertext[3] ^ 0x40);
        forged.signature = license::Ed25519::sign(m_key.privatePem, forged.signedBytes()).value();
        QCOMPARE(openCode(forged.toBytes()), QStringLiteral("backup_tampered"));
        // A new header naming the forger's key: the header is the tag's additional data.
        BackupHeader moved = forged.header;
        moved.signerPublicKey = other->publicRaw;
        forged.header = moved;
        forged.headerBytes = QJsonDocument(moved.toJson()).toJson(QJsonDocument::Compact);
        forged.ciphertext = file->ciphertext;
        forged.signature = license::Ed25519::sign(other->privatePem, forged.signedBytes()).value();
        QCOMPARE(openCode(forged.toBytes()), QStringLiteral("backup_tampered"));
    }

    void laterFormatIsNamed() {
        auto file = BackupFile::parse(m_sealed);
        QVERIFY(file.ok());
        QJsonObject json = file->header.toJson();
        json.insert(QStringLiteral("formatVersion"), 2);
        json.insert(QStringLiteral("somethingNew"), true);
        BackupFile later = file.value();
        later.headerBytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
        auto parsed = BackupFile::parse(later.toBytes());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("backup_format_newer"));
        QVERIFY(parsed.error().message.contains(QStringLiteral("later Vigil")));
    }

    void headerAsksForTooMuchMemory() {
        auto file = BackupFile::parse(m_sealed);
        QVERIFY(file.ok());
        QJsonObject json = file->header.toJson();
        QJsonObject kdf = json.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("memoryKiB"), 64LL * 1024 * 1024);
        json.insert(QStringLiteral("kdf"), kdf);
        BackupFile greedy = file.value();
        greedy.headerBytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
        auto parsed = BackupFile::parse(greedy.toBytes());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("backup_malformed"));
        QVERIFY(parsed.error().message.contains(QStringLiteral("memoryKiB")));
    }

    void shortPassphraseIsRefused() {
        auto sealed = BackupCipher::seal(header(), m_plain, QStringLiteral("short"), m_key);
        QVERIFY(!sealed.ok());
        QCOMPARE(sealed.error().code, QStringLiteral("backup_passphrase_weak"));
    }
};

QTEST_GUILESS_MAIN(TestBackupFile)
#include "tst_backup_file.moc"
