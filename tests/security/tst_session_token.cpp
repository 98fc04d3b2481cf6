// SessionToken: the bearer token a login returns (SEC-1.9 sessions; ARCHITECTURE.md "Protocol").
// 32 random bytes as unpadded base64url, only its SHA-256 kept by the server, compared in
// constant time.

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

#include "security/session_token.h"

using vigil::core::security::SessionToken;

class TestSessionToken : public QObject {
    Q_OBJECT

private slots:
    void lengthAndAlphabet() {
        for (int i = 0; i < 1000; ++i) {
            const auto token = SessionToken::generate();
            QVERIFY(token.ok());
            QCOMPARE(token->size(), SessionToken::kEncodedLength);
            QVERIFY2(SessionToken::isWellFormed(token.value()), qPrintable(token.value()));
            QVERIFY(!token->contains(u'='));
            const QByteArray raw = QByteArray::fromBase64(token->toLatin1(), QByteArray::Base64UrlEncoding);
            QCOMPARE(raw.size(), SessionToken::kRandomBytes);
        }
    }

    void uniqueOverTenThousand() {
        QSet<QString> seen;
        for (int i = 0; i < 10'000; ++i) {
            seen.insert(SessionToken::generate().value());
        }
        QCOMPARE(seen.size(), 10'000);
    }

    // Over many tokens every one of the 64 base64url symbols turns up: the bytes are not biased
    // toward a subset.
    void usesTheWholeAlphabet() {
        QSet<QChar> symbols;
        for (int i = 0; i < 200; ++i) {
            const QString token = SessionToken::generate().value();
            for (const QChar c : token) {
                symbols.insert(c);
            }
        }
        QCOMPARE(symbols.size(), 64);
    }

    void wellFormedRejectsJunk() {
        const QString good = SessionToken::generate().value();
        QVERIFY(SessionToken::isWellFormed(good));
        QVERIFY(!SessionToken::isWellFormed(QString()));
        QVERIFY(!SessionToken::isWellFormed(good.left(42)));
        QVERIFY(!SessionToken::isWellFormed(good + QStringLiteral("A")));
        QVERIFY(!SessionToken::isWellFormed(good.left(42) + QStringLiteral("=")));
        QVERIFY(!SessionToken::isWellFormed(good.left(42) + QStringLiteral("+")));
        QVERIFY(!SessionToken::isWellFormed(good.left(42) + QStringLiteral("/")));
        QVERIFY(!SessionToken::isWellFormed(good.left(42) + QString(QChar(0x00E9))));
    }

    // Only the hash is stored: stable for one token, different between tokens, and not the token.
    void hashIsStableAndNotTheToken() {
        const QString token = SessionToken::generate().value();
        const QString hash = SessionToken::hashForStorage(token);
        QCOMPARE(hash.size(), SessionToken::kHashHexLength);
        QCOMPARE(hash, SessionToken::hashForStorage(token));
        QCOMPARE(hash, hash.toLower());
        QVERIFY(!hash.contains(token));
        QVERIFY(hash != SessionToken::hashForStorage(SessionToken::generate().value()));
        // A known vector pins the algorithm: SHA-256 of the token's ASCII, lower-case hex.
        QCOMPARE(SessionToken::hashForStorage(QStringLiteral("abc")),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void constantTimeEquals() {
        const QString a = SessionToken::hashForStorage(QStringLiteral("one"));
        const QString b = SessionToken::hashForStorage(QStringLiteral("two"));
        QVERIFY(SessionToken::constantTimeEquals(a, QString(a)));
        QVERIFY(!SessionToken::constantTimeEquals(a, b));
        QVERIFY(!SessionToken::constantTimeEquals(a, a.left(63)));
        QVERIFY(!SessionToken::constantTimeEquals(a, QString()));
        QVERIFY(SessionToken::constantTimeEquals(QString(), QString()));
        QVERIFY(SessionToken::constantTimeEquals(QByteArrayView("x\0y", 3), QByteArrayView("x\0y", 3)));
        QVERIFY(!SessionToken::constantTimeEquals(QByteArrayView("x\0y", 3), QByteArrayView("x\0z", 3)));
    }
};

QTEST_GUILESS_MAIN(TestSessionToken)
#include "tst_session_token.moc"
