// Camera authentication: WWW-Authenticate parsing (Basic, Digest, several challenges in one
// header), Digest responses checked against the RFC 2617 and RFC 7616 examples, the client's
// choice of the strongest scheme, nc counting, stale nonces, and the server-side check the test
// camera uses (issue 4: "wrong camera password" gives a clear unauthorised state).

#include <QTest>

#include "media/rtsp/rtsp_auth.h"

using namespace vigil::core::media::rtsp;

class TestRtspAuth : public QObject {
    Q_OBJECT

private slots:
    void rfc2617Example() {
        AuthChallenge challenge;
        challenge.scheme = AuthScheme::Digest;
        challenge.realm = "testrealm@host.com";
        challenge.nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        challenge.qop = {"auth"};
        QCOMPARE(digestResponse(challenge, QStringLiteral("Mufasa"), QStringLiteral("Circle Of Life"), "GET",
                                "/dir/index.html", "auth", "00000001", "0a4f113b"),
                 QByteArray("6629fae49393a05397450978507c4ef1"));
    }

    void rfc7616Examples() {
        AuthChallenge challenge;
        challenge.scheme = AuthScheme::Digest;
        challenge.realm = "http-auth@example.org";
        challenge.nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        challenge.qop = {"auth"};
        const QByteArray cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        challenge.algorithm = "MD5";
        QCOMPARE(digestResponse(challenge, QStringLiteral("Mufasa"), QStringLiteral("Circle of Life"), "GET",
                                "/dir/index.html", "auth", "00000001", cnonce),
                 QByteArray("8ca523f5e9506fed4657c9700eebdbec"));
        challenge.algorithm = "SHA-256";
        QCOMPARE(digestResponse(challenge, QStringLiteral("Mufasa"), QStringLiteral("Circle of Life"), "GET",
                                "/dir/index.html", "auth", "00000001", cnonce),
                 QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
        challenge.algorithm = "UNKNOWN-HASH";
        QVERIFY(digestResponse(challenge, QStringLiteral("u"), QStringLiteral("p"), "GET", "/", "auth", "1", "c").isEmpty());
        QVERIFY(!challenge.isSupported());
    }

    void parsesChallenges() {
        const auto parsed = parseWwwAuthenticate(
            "Digest realm=\"IP Camera(C1234)\", nonce=\"a1b2\\\"c3\", algorithm=MD5, qop=\"auth,auth-int\", "
            "opaque=\"xyz\", stale=TRUE, Basic realm=\"cam\"");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), 2);
        const AuthChallenge& digest = parsed->at(0);
        QCOMPARE(digest.scheme, AuthScheme::Digest);
        QCOMPARE(digest.realm, QByteArray("IP Camera(C1234)"));
        QCOMPARE(digest.nonce, QByteArray("a1b2\"c3"));
        QCOMPARE(digest.qop, (QList<QByteArray>{"auth", "auth-int"}));
        QCOMPARE(digest.opaque, QByteArray("xyz"));
        QVERIFY(digest.stale);
        QVERIFY(digest.isSupported());
        QCOMPARE(parsed->at(1).scheme, AuthScheme::Basic);
        QCOMPARE(parsed->at(1).realm, QByteArray("cam"));

        QVERIFY(!parseWwwAuthenticate("Digest realm=\"unterminated").ok());
        QVERIFY(!parseWwwAuthenticate("Digest realm=\"x\"").ok());  // no nonce
        QVERIFY(!parseWwwAuthenticate("").ok());
        QVERIFY(!parseWwwAuthenticate("realm=\"x\"").ok());  // parameter before a scheme
        const auto bad = parseWwwAuthenticate("Digest realm=\"x");
        QVERIFY(bad.error().message.contains(QStringLiteral("closing quote")));
    }

    void strongestWins() {
        const auto chosen = strongestChallenge({"Basic realm=\"a\"", "Digest realm=\"a\", nonce=\"n\"",
                                                "Digest realm=\"a\", nonce=\"m\", algorithm=SHA-256",
                                                "Negotiate", "Digest broken=\"", "Digest realm=\"a\", nonce=\"q\", qop=\"auth-int\""});
        QVERIFY(chosen.has_value());
        QCOMPARE(chosen->algorithm, QByteArray("SHA-256"));
        QVERIFY(!strongestChallenge({"Negotiate", "NTLM"}).has_value());
    }

    void clientAnswersOnceThenGivesUp() {
        RtspAuthenticator authenticator(QStringLiteral("admin"), QStringLiteral("secret"));
        authenticator.setCnonceForTest("c0ffee");
        QVERIFY(authenticator.authorization("DESCRIBE", "rtsp://h/s").isEmpty());
        QVERIFY(authenticator.takeChallenge({"Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", opaque=\"o\""}));
        const QByteArray first = authenticator.authorization("DESCRIBE", "rtsp://h/s");
        QVERIFY2(first.startsWith("Digest username=\"admin\", realm=\"r\", nonce=\"n1\", uri=\"rtsp://h/s\""), first);
        QVERIFY(first.contains("nc=00000001"));
        QVERIFY(first.contains("opaque=\"o\""));
        QVERIFY(authenticator.authorization("SETUP", "rtsp://h/s/t").contains("nc=00000002"));

        // The server checks it as the test camera does.
        const auto header = parseAuthorization(first);
        QVERIFY(header.ok());
        const AuthChallenge issued = *authenticator.challenge();
        QVERIFY(verifyDigest(header.value(), issued, QStringLiteral("admin"), QStringLiteral("secret"), "DESCRIBE"));
        QVERIFY(!verifyDigest(header.value(), issued, QStringLiteral("admin"), QStringLiteral("wrong"), "DESCRIBE"));
        QVERIFY(!verifyDigest(header.value(), issued, QStringLiteral("admin"), QStringLiteral("secret"), "PLAY"));
        QVERIFY(!verifyDigest(header.value(), issued, QStringLiteral("other"), QStringLiteral("secret"), "DESCRIBE"));

        // Refused again with the same nonce: the credentials are wrong, no endless retries.
        QVERIFY(!authenticator.takeChallenge({"Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""}));
        // But a stale nonce is answered with the new one.
        QVERIFY(authenticator.takeChallenge({"Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true"}));
        QVERIFY(authenticator.authorization("DESCRIBE", "rtsp://h/s").contains("nonce=\"n2\""));
    }

    void digestWithoutQop() {
        RtspAuthenticator authenticator(QStringLiteral("u"), QStringLiteral("p"));
        QVERIFY(authenticator.takeChallenge({"Digest realm=\"r\", nonce=\"n\""}));
        const QByteArray value = authenticator.authorization("OPTIONS", "rtsp://h/");
        QVERIFY(!value.contains("nc="));
        const auto header = parseAuthorization(value);
        QVERIFY(verifyDigest(header.value(), *authenticator.challenge(), QStringLiteral("u"), QStringLiteral("p"), "OPTIONS"));
    }

    void basic() {
        RtspAuthenticator authenticator(QStringLiteral("user"), QStringLiteral("pa:ss"));
        QVERIFY(authenticator.takeChallenge({"Basic realm=\"cam\""}));
        const QByteArray value = authenticator.authorization("DESCRIBE", "rtsp://h/");
        QCOMPARE(value, "Basic " + QByteArray("user:pa:ss").toBase64());
        const auto header = parseAuthorization(value);
        QVERIFY(header.ok());
        QCOMPARE(header->scheme, AuthScheme::Basic);
        QCOMPARE(header->basicUser, QStringLiteral("user"));
        QCOMPARE(header->basicPassword, QStringLiteral("pa:ss"));
        QVERIFY(!parseAuthorization("Basic !!!").ok());
        QVERIFY(!parseAuthorization("Basic " + QByteArray("nocolon").toBase64()).ok());
    }

    void noCredentialsNoAnswer() {
        RtspAuthenticator authenticator;
        QVERIFY(!authenticator.takeChallenge({"Basic realm=\"cam\""}));
    }
};

QTEST_GUILESS_MAIN(TestRtspAuth)
#include "tst_rtsp_auth.moc"
