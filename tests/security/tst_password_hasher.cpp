// PasswordHasher: Argon2id (libargon2) as ARCHITECTURE.md "Data" and issue 3 ask: PHC strings with a
// random 16-byte salt and 32-byte hash, hashes that upgrade on login when the parameters change,
// clear errors (never a crash) for damaged stored hashes, and no plaintext in what is stored.

#include <argon2.h>

#include <QTest>

#include "security/password_hasher.h"

using vigil::core::security::Argon2Parameters;
using vigil::core::security::PasswordHasher;

namespace {

// Cheap parameters keep the many cases fast; the defaults get their own round trip.
const Argon2Parameters kCheap{256, 1, 1};
const Argon2Parameters kCheapStronger{512, 2, 1};
const QString kPassword = QStringLiteral("Qwer#947-camera");

// Base64 without padding, as in PHC strings.
QString b64(const QByteArray& bytes) {
    return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
}

}  // namespace

class TestPasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void roundTripWithTheDefaults() {
        const PasswordHasher hasher;
        QCOMPARE(hasher.parameters(), PasswordHasher::kDefaultParameters);
        const auto encoded = hasher.hash(kPassword);
        QVERIFY2(encoded.ok(), encoded.ok() ? "" : qPrintable(encoded.error().message));
        const auto& p = PasswordHasher::kDefaultParameters;
        const QString prefix = QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=%3$")
                                   .arg(p.memoryKiB)
                                   .arg(p.iterations)
                                   .arg(p.parallelism);
        QVERIFY2(encoded->startsWith(prefix), qPrintable(encoded.value()));

        const auto verified = hasher.verify(kPassword, encoded.value());
        QVERIFY(verified.ok());
        QVERIFY(verified->ok);
        QVERIFY(!verified->needsRehash);
        QCOMPARE(PasswordHasher::parseParameters(encoded.value()).value(), p);
    }

    void wrongPasswordIsRefusedNotAnError() {
        const PasswordHasher hasher(kCheap);
        const QString encoded = hasher.hash(kPassword).value();
        for (const QString& wrong : {QStringLiteral("Qwer#947-camerA"), QStringLiteral("Qwer#947-camer"),
                                     QString(), kPassword + QStringLiteral(" ")}) {
            const auto verified = hasher.verify(wrong, encoded);
            QVERIFY(verified.ok());
            QVERIFY(!verified->ok);
            QVERIFY(!verified->needsRehash);  // never a hint about a password that did not match
        }
    }

    void saltAndHashSizes() {
        const PasswordHasher hasher(kCheap);
        const QString encoded = hasher.hash(kPassword).value();
        const QStringList parts = encoded.split(u'$');
        QCOMPARE(parts.size(), 6);
        QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), PasswordHasher::kSaltBytes);
        QCOMPARE(QByteArray::fromBase64(parts[5].toLatin1()).size(), PasswordHasher::kHashBytes);
    }

    void samePasswordGivesDifferentEncodings() {
        const PasswordHasher hasher(kCheap);
        const QString first = hasher.hash(kPassword).value();
        const QString second = hasher.hash(kPassword).value();
        QVERIFY(first != second);
        QVERIFY(first.split(u'$')[4] != second.split(u'$')[4]);  // the salts differ
        QVERIFY(hasher.verify(kPassword, first)->ok);
        QVERIFY(hasher.verify(kPassword, second)->ok);
    }

    // Hashes made with older parameters still log in, and say they should be replaced.
    void needsRehashWhenParametersChange() {
        const PasswordHasher before(kCheap);
        const PasswordHasher after(kCheapStronger);
        const QString old = before.hash(kPassword).value();

        const auto upgraded = after.verify(kPassword, old);
        QVERIFY(upgraded.ok());
        QVERIFY(upgraded->ok);
        QVERIFY(upgraded->needsRehash);
        QVERIFY(!after.verify(QStringLiteral("wrong"), old)->needsRehash);

        const QString fresh = after.hash(kPassword).value();
        QVERIFY(after.verify(kPassword, fresh)->ok);
        QVERIFY(!after.verify(kPassword, fresh)->needsRehash);
        QVERIFY(before.verify(kPassword, fresh)->needsRehash);  // and back: any difference counts
    }

    // Same m, t, p but a shorter salt or hash (another implementation's output): rehash too.
    void needsRehashWhenSaltOrHashLengthDiffers() {
        const QByteArray password = kPassword.toUtf8();
        const QByteArray salt(8, 's');
        char encoded[256] = {};
        QCOMPARE(argon2id_hash_encoded(kCheap.iterations, kCheap.memoryKiB, kCheap.parallelism,
                                       password.constData(), static_cast<size_t>(password.size()),
                                       salt.constData(), static_cast<size_t>(salt.size()), 16, encoded,
                                       sizeof encoded),
                 int(ARGON2_OK));
        const auto verified = PasswordHasher(kCheap).verify(kPassword, QString::fromLatin1(encoded));
        QVERIFY(verified.ok());
        QVERIFY(verified->ok);
        QVERIFY(verified->needsRehash);
    }

    void malformedEncodingsGiveAClearError_data() {
        QTest::addColumn<QString>("encoded");
        const QString salt = b64(QByteArray(16, 'a'));
        const QString hash = b64(QByteArray(32, 'b'));
        const auto phc = [&](const QString& head, const QString& params) {
            return QStringLiteral("$%1$%2$%3$%4").arg(head, params, salt, hash);
        };
        QTest::newRow("empty") << QString();
        QTest::newRow("plaintext") << QStringLiteral("hunter2");
        QTest::newRow("bcrypt") << QStringLiteral(
            "$2b$12$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui");
        QTest::newRow("argon2i") << phc(QStringLiteral("argon2i$v=19"), QStringLiteral("m=256,t=1,p=1"));
        QTest::newRow("argon2d") << phc(QStringLiteral("argon2d$v=19"), QStringLiteral("m=256,t=1,p=1"));
        QTest::newRow("old version") << phc(QStringLiteral("argon2id$v=16"), QStringLiteral("m=256,t=1,p=1"));
        QTest::newRow("no version") << QStringLiteral("$argon2id$m=256,t=1,p=1$%1$%2").arg(salt, hash);
        QTest::newRow("missing p") << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=256,t=1"));
        QTest::newRow("reordered") << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("t=1,m=256,p=1"));
        QTest::newRow("not a number")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=lots,t=1,p=1"));
        QTest::newRow("negative") << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=-256,t=1,p=1"));
        QTest::newRow("leading zero")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=0256,t=1,p=1"));
        QTest::newRow("overflow") << phc(QStringLiteral("argon2id$v=19"),
                                         QStringLiteral("m=99999999999,t=1,p=1"));
        // A tampered row must not make a login allocate 4 GiB or run for minutes.
        QTest::newRow("huge memory") << phc(QStringLiteral("argon2id$v=19"),
                                            QStringLiteral("m=4294967295,t=1,p=1"));
        QTest::newRow("huge iterations")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=256,t=100000,p=1"));
        QTest::newRow("zero iterations")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=256,t=0,p=1"));
        QTest::newRow("zero lanes") << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=256,t=1,p=0"));
        QTest::newRow("memory below lanes")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=8,t=1,p=4"));
        QTest::newRow("bad salt base64") << QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$!!!!$%1").arg(hash);
        QTest::newRow("padded salt")
            << QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$%1==$%2").arg(salt, hash);
        QTest::newRow("short salt")
            << QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$%1$%2").arg(b64("abc"), hash);
        QTest::newRow("empty hash") << QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$%1$").arg(salt);
        QTest::newRow("extra field") << phc(QStringLiteral("argon2id$v=19"),
                                            QStringLiteral("m=256,t=1,p=1")) +
                                            QStringLiteral("$x");
        QTest::newRow("trailing NUL")
            << phc(QStringLiteral("argon2id$v=19"), QStringLiteral("m=256,t=1,p=1")) + QChar(0);
    }
    void malformedEncodingsGiveAClearError() {
        QFETCH(QString, encoded);
        const PasswordHasher hasher(kCheap);
        const auto verified = hasher.verify(kPassword, encoded);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, QStringLiteral("password_hash_malformed"));
        QVERIFY(verified.error().message.contains(QStringLiteral("set a new password")));
        QVERIFY(!PasswordHasher::parseParameters(encoded).ok());
    }

    // A hash whose bytes were altered is well-formed: it simply matches no password.
    void tamperedHashBytesDoNotMatch() {
        const PasswordHasher hasher(kCheap);
        QString encoded = hasher.hash(kPassword).value();
        const qsizetype last = encoded.size() - 2;
        encoded[last] = encoded[last] == u'A' ? u'B' : u'A';
        const auto verified = hasher.verify(kPassword, encoded);
        QVERIFY(verified.ok());
        QVERIFY(!verified->ok);
    }

    void encodingHoldsNoPlaintext() {
        const PasswordHasher hasher(kCheap);
        const QString encoded = hasher.hash(kPassword).value();
        const QByteArray utf8 = kPassword.toUtf8();
        QVERIFY(!encoded.contains(kPassword, Qt::CaseInsensitive));
        QVERIFY(!encoded.contains(b64(utf8)));
        QVERIFY(!encoded.contains(b64(utf8.left(12))));
        QVERIFY(!encoded.contains(QString::fromLatin1(utf8.toHex()), Qt::CaseInsensitive));
    }

    void nonAsciiAndEmptyPasswordsRoundTrip() {
        const PasswordHasher hasher(kCheap);
        for (const QString& password : {QString(), QStringLiteral("p\u00e4ssw\u00f6rd-\u20ac"),
                                        QString::fromUcs4(U"\U0001F512lock", 5)}) {
            const QString encoded = hasher.hash(password).value();
            QVERIFY(hasher.verify(password, encoded)->ok);
            QVERIFY(!hasher.verify(password + QStringLiteral("x"), encoded)->ok);
        }
    }

    // The unknown-user path runs a full Argon2id verify with the current parameters and returns
    // nothing; its timing is reported by bench_password_hash (no timed assertions in tests).
    void dummyVerifyRunsForAnyInput() {
        const PasswordHasher hasher(kCheap);
        hasher.dummyVerify(kPassword);
        hasher.dummyVerify(QString());
        hasher.dummyVerify(QString(1000, u'x'));
    }

    // wipe() empties the caller's buffer and leaves other owners of shared data alone.
    void wipeClearsOnlyTheOwnBuffer() {
        QByteArray bytes = kPassword.toUtf8();
        PasswordHasher::wipe(bytes);
        QVERIFY(bytes.isEmpty());

        QString text = kPassword;
        text.detach();
        PasswordHasher::wipe(text);
        QVERIFY(text.isEmpty());

        const QString kept = kPassword;
        QString shared = kept;
        PasswordHasher::wipe(shared);
        QVERIFY(shared.isEmpty());
        QCOMPARE(kept, kPassword);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_password_hasher.moc"
