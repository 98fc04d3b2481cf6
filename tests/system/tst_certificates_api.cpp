// Server certificates against real peers on loopback (SEC-2.3): certificates and keys made with the
// openssl command (a root CA, an intermediate CA, server certificates RSA and EC), and curl as the
// client that sees which certificate the HTTPS port serves, trusting only the CA file it is given.
//  - the platform CA downloads (public ca.pem) and curl trusts the port with it;
//  - a new platform certificate with subject fields and extra names/addresses is served to the next
//    connection without a restart;
//  - a CA-signed certificate (chain: server, intermediate, root) is imported and served; curl trusts
//    it with the root, no longer with the platform CA; it stays across an engine restart;
//  - refusals say why and replace nothing: wrong key, expired (the platform clock moved past it),
//    names none of the platform's, chain not reaching a root, self-signed, a CA certificate,
//    passphrase-protected key, not PEM;
//  - a certificate within the warning days raises a `certificate` event.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/api_yaml.h"
#include "support/shifted_clock.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr qint64 kDayMs = 86400000;

struct Curl {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

}  // namespace

class TestCertificatesApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_pki;  // what the openssl command makes
    test::ShiftedClock m_clock;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    QString pki(const QString& name) const { return m_pki.filePath(name); }

    // Runs openssl in the pki folder; fails the test with its output when it fails.
    bool openssl(const QStringList& arguments) {
        QProcess process;
        process.setWorkingDirectory(m_pki.path());
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning().noquote() << "openssl" << arguments.join(' ') << process.readAllStandardError();
            return false;
        }
        return true;
    }

    bool writeFile(const QString& name, const QByteArray& data) {
        QFile file(pki(name));
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }

    QByteArray readFile(const QString& name) const {
        QFile file(pki(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // An extensions file for `openssl x509 -req -extfile`.
    bool extensions(const QString& name, const QString& text) { return writeFile(name, text.toUtf8()); }

    // A key (ec or rsa) and a certificate signed by `issuer` (or self-signed when issuer is empty).
    bool makeCertificate(const QString& name, const QString& subject, const QString& ext, int days,
                         const QString& issuer, const QString& keyType = QStringLiteral("ec")) {
        const QStringList keyArguments = keyType == QLatin1String("rsa")
                                             ? QStringList{"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}
                                             : QStringList{"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"};
        if (!openssl(keyArguments + QStringList{"-out", name + ".key"}) ||
            !openssl({"req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr"})) {
            return false;
        }
        const QString extFile = name + ".ext";
        if (!extensions(extFile, ext)) {
            return false;
        }
        QStringList sign{"x509", "-req", "-in", name + ".csr", "-days", QString::number(days), "-sha256",
                         "-extfile", extFile, "-out", name + ".pem"};
        if (issuer.isEmpty()) {
            sign << "-signkey" << name + ".key";
        } else {
            sign << "-CA" << issuer + ".pem" << "-CAkey" << issuer + ".key" << "-CAcreateserial";
        }
        return openssl(sign);
    }

    // curl to the engine's port, trusting only `caFile`; -v shows the served certificate's subject.
    Curl curl(const QString& caFile) {
        QProcess process;
        process.start(QStringLiteral("curl"),
                      QStringList{"-sS", "-v", "--max-time", "20", "--cacert", caFile,
                                  QStringLiteral("https://127.0.0.1:%1/api/v1/system/info").arg(m_engine->https()->port())});
        Curl result;
        // The engine runs on this thread: keep its event loop turning while curl talks to it.
        if (QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            result.exitCode = process.exitCode();
        }
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    void startEngine() {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.clock = &m_clock;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        m_admin->trust({QSslCertificate(readFile("root.pem"))});
    }

    QJsonObject status() { return m_admin->get("/api/v1/system/certificates").json; }
    QString servedFingerprint() { return status().value("server")["fingerprint"].toString(); }

    ApiReply import(const QByteArray& certificates, const QByteArray& key) {
        return m_admin->post("/api/v1/system/certificates/import",
                             QJsonObject{{"certificatePem", QString::fromUtf8(certificates)},
                                         {"keyPem", QString::fromUtf8(key)}});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid() && m_pki.isValid());
        const QString caExt = QStringLiteral("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                                             "subjectKeyIdentifier=hash\n");
        const QString serverExt = QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                                                 "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
        QVERIFY(makeCertificate("root", "/O=Test Trust/CN=Test Root CA", caExt, 3650, {}));
        QVERIFY(makeCertificate("intermediate", "/O=Test Trust/CN=Test Issuing CA", caExt, 1825, "root"));
        // Valid five days: inside the default 30 warning days.
        QVERIFY(makeCertificate("server", "/O=Harbour Ops/CN=vms.harbour.test", serverExt, 5, "intermediate", "rsa"));
        QVERIFY(makeCertificate("elsewhere", "/CN=other.example",
                                "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:other.example\n",
                                90, "intermediate"));
        QVERIFY(makeCertificate("selfsigned", "/CN=localhost",
                                "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n", 90, {}));
        QVERIFY(openssl({"pkey", "-in", "server.key", "-aes256", "-passout", "pass:Secret#123", "-out", "encrypted.key"}));
        startEngine();
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        const ApiReply login = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(login.status == 200, qPrintable(test::describe(login)));
    }

    void thePlatformCertificateAndCaAreShownAndDownloadable() {
        const ApiReply reply = m_admin->get("/api/v1/system/certificates");
        QVERIFY2(reply.status == 200, qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("source").toString(), QStringLiteral("platform"));
        const QJsonObject server = reply.json.value("server").toObject();
        QVERIFY(server.value("names").toArray().contains(QStringLiteral("localhost")));
        QVERIFY(server.value("addresses").toArray().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(server.value("daysLeft").toInt() > 700);
        QCOMPARE(reply.json.value("expiring").toBool(), false);
        QCOMPARE(reply.json.value("expiryWarningDays").toInt(), 30);
        const QString caFingerprint = m_admin->get("/api/v1/system/info").json.value("caFingerprint").toString();
        QCOMPARE(reply.json.value("authority")["fingerprint"].toString(), caFingerprint);
        QCOMPARE(reply.json.value("chain").toArray().size(), 1);
        QCOMPARE(reply.json.value("chain")[0]["fingerprint"].toString(), caFingerprint);
        // The shapes file names exactly what is sent.
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        const auto required = test::requiredFields(source + "/server/api/system.yaml");
        QCOMPARE(test::sortedKeys(reply.json), required.value("CertificateStatus"));
        QCOMPARE(test::sortedKeys(server), required.value("CertificateInfo"));

        // Anyone downloads the CA (no session), and curl trusts the port with it alone.
        ApiSession anonymous(*m_engine);
        const ApiReply pem = anonymous.get("/api/v1/system/ca.pem");
        QCOMPARE(pem.status, 200);
        QVERIFY(writeFile("platform-ca.pem", pem.body));
        const Curl trusted = curl(pki("platform-ca.pem"));
        QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
        QVERIFY(trusted.out.contains("caFingerprint"));
        QVERIFY2(curl(pki("root.pem")).exitCode != 0, "curl must not trust the port with an unrelated root");
    }

    void aNewPlatformCertificateCarriesTheSubjectAndIsServedAtOnce() {
        const QString before = servedFingerprint();
        const ApiReply made = m_admin->post(
            "/api/v1/system/certificates/server",
            QJsonObject{{"commonName", "vms.harbour.test"}, {"organization", "Harbour Ops"}, {"organizationalUnit", "Security"},
                        {"country", "nz"}, {"state", "Otago"}, {"locality", "Dunedin"},
                        {"names", QJsonArray{"vms.harbour.test"}}, {"addresses", QJsonArray{"10.1.2.3"}}, {"validDays", 400}});
        QVERIFY2(made.status == 200, qPrintable(test::describe(made)));
        const QJsonObject server = made.json.value("server").toObject();
        QVERIFY(server.value("fingerprint").toString() != before);
        QCOMPARE(server.value("commonName").toString(), QStringLiteral("vms.harbour.test"));
        QCOMPARE(server.value("organization").toString(), QStringLiteral("Harbour Ops"));
        QCOMPARE(server.value("organizationalUnit").toString(), QStringLiteral("Security"));
        QCOMPARE(server.value("country").toString(), QStringLiteral("NZ"));
        QCOMPARE(server.value("state").toString(), QStringLiteral("Otago"));
        QCOMPARE(server.value("locality").toString(), QStringLiteral("Dunedin"));
        QVERIFY(server.value("names").toArray().contains(QStringLiteral("vms.harbour.test")));
        QVERIFY(server.value("names").toArray().contains(QStringLiteral("localhost")));  // the platform's own, always
        QVERIFY(server.value("addresses").toArray().contains(QStringLiteral("10.1.2.3")));
        QVERIFY(server.value("addresses").toArray().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(server.value("daysLeft").toInt() >= 399 && server.value("daysLeft").toInt() <= 400);
        QCOMPARE(made.json.value("source").toString(), QStringLiteral("platform"));

        // A new connection gets it, no restart: curl with the platform CA shows the new subject.
        const Curl fresh = curl(pki("platform-ca.pem"));
        QVERIFY2(fresh.exitCode == 0, fresh.err.constData());
        QVERIFY2(fresh.err.contains("CN=vms.harbour.test") && fresh.err.contains("ST=Otago"), fresh.err.constData());

        const ApiReply badCountry = m_admin->post("/api/v1/system/certificates/server", QJsonObject{{"country", "NZL"}});
        QCOMPARE(badCountry.status, 400);
        QVERIFY(badCountry.message().contains("country"));
        QCOMPARE(m_admin->post("/api/v1/system/certificates/server", QJsonObject{{"addresses", QJsonArray{"10.1.2"}}}).status, 400);
        QCOMPARE(m_admin->post("/api/v1/system/certificates/server", QJsonObject{{"names", QJsonArray{"bad name"}}}).status, 400);
        QCOMPARE(m_admin->post("/api/v1/system/certificates/server", QJsonObject{{"validDays", 3000}}).status, 400);
        QCOMPARE(servedFingerprint(), server.value("fingerprint").toString());
    }

    void badImportsAreRefusedWithTheReasonAndReplaceNothing() {
        const QString before = servedFingerprint();
        const QByteArray server = readFile("server.pem");
        const QByteArray chain = server + readFile("intermediate.pem") + readFile("root.pem");
        const QByteArray key = readFile("server.key");
        struct Case {
            const char* name;
            QByteArray certificates;
            QByteArray key;
            QString mentions;
        };
        const QList<Case> cases = {
            {"wrong key", chain, readFile("elsewhere.key"), "does not belong"},
            {"names none of ours", readFile("elsewhere.pem") + readFile("intermediate.pem") + readFile("root.pem"),
             readFile("elsewhere.key"), "names none"},
            {"no chain to a root", server, key, "does not reach a trusted root"},
            {"self-signed", readFile("selfsigned.pem"), readFile("selfsigned.key"), "self-signed"},
            {"a CA certificate", readFile("intermediate.pem") + readFile("root.pem"), readFile("intermediate.key"), "CA certificate"},
            {"passphrase", chain, readFile("encrypted.key"), "passphrase"},
            {"not PEM", "certificate please", key, "no PEM certificate"},
            {"key not PEM", chain, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not a PEM private key"},
        };
        for (const Case& c : cases) {
            const ApiReply reply = import(c.certificates, c.key);
            QVERIFY2(reply.status == 422, qPrintable(QStringLiteral("%1: %2").arg(c.name, test::describe(reply))));
            QCOMPARE(reply.error(), QStringLiteral("certificate_refused"));
            QVERIFY2(reply.message().contains(c.mentions), qPrintable(QStringLiteral("%1: %2").arg(c.name, reply.message())));
            QVERIFY2(reply.message().contains("keeps its current certificate"), qPrintable(reply.message()));
        }
        // Expired: the platform's clock ten days on, past the five days the certificate is valid (the
        // session ends with the jump, so log in again on either side of it).
        m_clock.shift(10 * kDayMs);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        const ApiReply expired = import(chain, key);
        // Not valid yet: the clock a month back.
        m_clock.shift(-30 * kDayMs);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        const ApiReply early = import(chain, key);
        m_clock.shift(0);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        QCOMPARE(expired.status, 422);
        QVERIFY2(expired.message().contains("expired on"), qPrintable(expired.message()));
        QCOMPARE(early.status, 422);
        QVERIFY2(early.message().contains("valid only from"), qPrintable(early.message()));
        QCOMPARE(m_admin->post("/api/v1/system/certificates/import", QJsonObject{{"certificatePem", "x"}}).status, 400);

        QCOMPARE(servedFingerprint(), before);
        QCOMPARE(status().value("source").toString(), QStringLiteral("platform"));
        QVERIFY(curl(pki("platform-ca.pem")).exitCode == 0);
    }

    void aCaSignedCertificateIsImportedServedAndWarnedAbout() {
        const QByteArray chain = readFile("server.pem") + readFile("intermediate.pem") + readFile("root.pem");
        const ApiReply reply = import(chain, readFile("server.key"));
        QVERIFY2(reply.status == 200, qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("source").toString(), QStringLiteral("imported"));
        QCOMPARE(reply.json.value("server")["commonName"].toString(), QStringLiteral("vms.harbour.test"));
        QCOMPARE(reply.json.value("server")["issuer"].toString(), QStringLiteral("Test Issuing CA"));
        QCOMPARE(reply.json.value("chain").toArray().size(), 2);
        QCOMPARE(reply.json.value("expiring").toBool(), true);
        QVERIFY(reply.json.value("server")["daysLeft"].toInt() <= 5);

        // curl trusts the port with the imported chain's root, no longer with the platform CA.
        const Curl withRoot = curl(pki("root.pem"));
        QVERIFY2(withRoot.exitCode == 0, withRoot.err.constData());
        QVERIFY2(withRoot.err.contains("CN=vms.harbour.test") && withRoot.err.contains("O=Harbour Ops"), withRoot.err.constData());
        QVERIFY(curl(pki("platform-ca.pem")).exitCode != 0);
        // The platform CA is still what ca.pem gives (clients that pinned it keep its fingerprint).
        QCOMPARE(m_admin->get("/api/v1/system/ca.pem").body, readFile("platform-ca.pem"));

        // Five days left, warned 30 days before: a certificate event.
        QJsonArray events;
        QVERIFY(QTest::qWaitFor(
            [&] { return !(events = m_admin->get("/api/v1/events?kind=certificate").json.value("events").toArray()).isEmpty(); },
            15000));
        const QJsonObject event = events.first().toObject();
        QCOMPARE(event.value("severity").toString(), QStringLiteral("warning"));
        QVERIFY(event.value("details")["daysLeft"].toInt() <= 5);
        QCOMPARE(event.value("details")["source"].toString(), QStringLiteral("imported"));
        QVERIFY2(event.value("message").toString().contains("Import a renewed certificate"), qPrintable(event.value("message").toString()));

        // The change is in the security log.
        const QJsonArray log = m_admin->get("/api/v1/security-log?kind=setting_changed&limit=50").json.value("entries").toArray();
        bool logged = false;
        for (const QJsonValue& entry : log) {
            logged = logged || (entry["target"].toString() == "certificates" &&
                                entry["detail"].toString().startsWith("imported server certificate: \"vms.harbour.test\""));
        }
        QVERIFY(logged);

        const ApiReply settings = m_admin->put("/api/v1/system/certificates/settings", QJsonObject{{"expiryWarningDays", 3}});
        QVERIFY2(settings.status == 200, qPrintable(test::describe(settings)));
        QCOMPARE(settings.json.value("expiring").toBool(), false);
        QCOMPARE(m_admin->put("/api/v1/system/certificates/settings", QJsonObject{{"expiryWarningDays", 0}}).status, 400);
    }

    void theImportedCertificateStaysAcrossARestart() {
        const QString imported = servedFingerprint();
        m_admin.reset();
        m_engine.reset();
        startEngine();
        QVERIFY(m_admin->login(kAdmin, kAdminPassword).status == 200);
        QCOMPARE(status().value("source").toString(), QStringLiteral("imported"));
        QCOMPARE(servedFingerprint(), imported);
        QVERIFY(curl(pki("root.pem")).exitCode == 0);
    }

    void makingAPlatformCertificateReplacesTheImportedOne() {
        const ApiReply made = m_admin->post("/api/v1/system/certificates/server", QJsonObject{});
        QVERIFY2(made.status == 200, qPrintable(test::describe(made)));
        QCOMPARE(made.json.value("source").toString(), QStringLiteral("platform"));
        QCOMPARE(made.json.value("server")["commonName"].toString(), m_engine->serverName());
        QVERIFY(curl(pki("platform-ca.pem")).exitCode == 0);
        QVERIFY(curl(pki("root.pem")).exitCode != 0);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestCertificatesApi)
#include "tst_certificates_api.moc"
