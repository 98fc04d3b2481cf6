// Network log (SEC-3.1) against a real syslog server on loopback: rsyslogd with rsyslog-gnutls taking
// RFC 5425 syslog over TLS (tests/support/tls_peers.h, its certificate signed by a test CA made with
// openssl). With the network log on and the test CA given, a failed login (security log) and a manual
// alarm (an event) arrive at rsyslog as RFC 5424 lines, and so does the test message. Without the CA
// the server's certificate is not trusted and the status says so. Bad settings are refused; turned off, nothing more is sent.

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "engine/engine.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"
#include "support/tls_peers.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kWaitMs = 20000;  // bounds a hang only

}  // namespace

class TestNetworkLogApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    std::unique_ptr<test::SyslogPeer> m_syslog;
    QString m_caPem;

    bool received(const QByteArray& text) {
        return QTest::qWaitFor([&] { return m_syslog->received().contains(text); }, kWaitMs);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString certificates = m_dir.filePath("pki");
        QVERIFY(QDir().mkpath(certificates));
        QVERIFY(test::makeTestCertificates(certificates));
        m_caPem = QString::fromLatin1(test::readWholeFile(certificates + "/ca.pem"));
        m_syslog = std::make_unique<test::SyslogPeer>(m_dir.filePath("syslog"), certificates);
        QVERIFY(m_syslog->waitUntilListening());

        server::EngineOptions options = test::engineOptions(m_dir.filePath("engine"));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
    }

    void itIsOffUntilConfigured() {
        const ApiReply reply = m_admin->get("/api/v1/system/network-log");
        QVERIFY2(reply.status == 200, qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("enabled").toBool(), false);
        QCOMPARE(reply.json.value("port").toInt(), 6514);
        QCOMPARE(m_admin->post("/api/v1/system/network-log/test").status, 409);
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        QCOMPARE(test::sortedKeys(reply.json), test::requiredFields(source + "/server/api/system.yaml").value("NetworkLogStatus"));
    }

    void badSettingsAreRefused() {
        const QList<QPair<QJsonObject, QString>> cases = {
            {QJsonObject{{"enabled", true}}, "host"},
            {QJsonObject{{"port", 0}}, "port"},
            {QJsonObject{{"caPem", "not a certificate"}}, "caPem"},
            {QJsonObject{{"enabled", "yes"}}, "enabled"},
            {QJsonObject{{"colour", "red"}}, "colour"},
        };
        for (const auto& [body, mentions] : cases) {
            const ApiReply reply = m_admin->put("/api/v1/system/network-log", body);
            QVERIFY2(reply.status == 400, qPrintable(test::describe(reply)));
            QVERIFY2(reply.message().contains(mentions), qPrintable(reply.message()));
        }
        QCOMPARE(m_admin->get("/api/v1/system/network-log").json.value("enabled").toBool(), false);
    }

    void anUntrustedServerIsReported() {
        // On, but without the test CA: rsyslog's certificate cannot be trusted.
        QVERIFY(m_admin->put("/api/v1/system/network-log",
                             QJsonObject{{"enabled", true}, {"host", "127.0.0.1"}, {"port", int(m_syslog->port())}})
                    .status == 200);
        QCOMPARE(m_admin->post("/api/v1/system/network-log/test").status, 202);
        QJsonObject status;
        QVERIFY(QTest::qWaitFor(
            [&] { return !(status = m_admin->get("/api/v1/system/network-log").json).value("lastError").toString().isEmpty(); },
            kWaitMs));
        QVERIFY2(status.value("lastError").toString().contains("not trusted"), qPrintable(status.value("lastError").toString()));
    }

    void securityLogAndEventsReachTheSyslogServerOverTls() {
        // The test CA given: the connection is retried with it (and what waited is delivered).
        const ApiReply put = m_admin->put("/api/v1/system/network-log", QJsonObject{{"caPem", m_caPem}});
        QVERIFY2(put.status == 200, qPrintable(test::describe(put)));
        // A failed login: a security log entry.
        ApiSession stranger(*m_engine);
        QCOMPARE(stranger.login(kAdmin, "wrong-password").status, 401);
        QVERIFY2(received("login_failed"), m_syslog->received().constData());
        // A manual alarm: an event.
        const ApiReply alarm = m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Gate 4 forced open"}});
        QVERIFY2(alarm.status == 201, qPrintable(test::describe(alarm)));
        QVERIFY2(received("Gate 4 forced open"), m_syslog->received().constData());
        // The test message.
        QCOMPARE(m_admin->post("/api/v1/system/network-log/test").status, 202);
        QVERIFY2(received("Vigil network log test, sent by chief"), m_syslog->received().constData());

        const QByteArray log = m_syslog->received();
        // RFC 5424 as rsyslog wrote it back: version 1, our app name, the structured data.
        QVERIFY2(log.contains(" vigil ") && log.contains("[vigil@32473"), log.constData());
        const ApiReply status = m_admin->get("/api/v1/system/network-log");
        QVERIFY(status.json.value("sent").toInteger() >= 3);
        QCOMPARE(status.json.value("lastError").toString(), QString());
    }

    void offSendsNothingMore() {
        QVERIFY(m_admin->put("/api/v1/system/network-log", QJsonObject{{"enabled", false}}).status == 200);
        QTest::qWait(1000);  // what was on the way before arrives first
        const QByteArray before = m_syslog->received();
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Not to be forwarded"}}).status, 201);
        QTest::qWait(1000);
        QVERIFY(!m_syslog->received().contains("Not to be forwarded"));
        QCOMPARE(m_syslog->received().size(), before.size());
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_syslog.reset();
    }
};

QTEST_GUILESS_MAIN(TestNetworkLogApi)
#include "tst_network_log_api.moc"
