// Configurable service ports (SEC-2.1) against a real engine: the HTTPS gateway moves to a port the
// administrator chooses, and only it restarts (the other services keep running, untouched); the new
// port answers curl with the platform CA, the old one refuses connections; the choice is in the
// security log and is the port a restarted engine listens on. Ports below 1025, a port another
// program holds, and bad bodies are refused and change nothing.

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kWaitMs = 15000;  // bounds a hang only

// Whether something accepts TCP connections on 127.0.0.1:port (the engine runs on this thread, so
// the wait keeps its event loop turning).
bool accepts(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    (void)QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState || socket.state() == QAbstractSocket::UnconnectedState; },
                    kWaitMs);
    return socket.state() == QAbstractSocket::ConnectedState;
}

}  // namespace

class TestPortsApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    void startEngine(bool ephemeral) {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.ephemeralPort = ephemeral;  // false: the stored setting
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
    }

    int curlExit(quint16 port) {
        QFile ca(m_dir.filePath("ca.pem"));
        if (!ca.open(QIODevice::WriteOnly) || ca.write(m_engine->authority().certificatePem()) < 0) {
            return -1;
        }
        ca.close();
        QProcess process;
        process.start("curl", QStringList{"-sS", "--max-time", "10", "--cacert", ca.fileName(),
                                          QStringLiteral("https://127.0.0.1:%1/api/v1/system/info").arg(port)});
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 20000)) {
            return -1;
        }
        return process.exitCode();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        startEngine(true);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
    }

    void thePortsAreListed() {
        const ApiReply reply = m_admin->get("/api/v1/system/ports");
        QVERIFY2(reply.status == 200, qPrintable(test::describe(reply)));
        const QJsonArray ports = reply.json.value("ports").toArray();
        QCOMPARE(ports.size(), 1);
        const QJsonObject gateway = ports.first().toObject();
        QCOMPARE(gateway.value("serviceId").toString(), QStringLiteral("access-gateway"));
        QCOMPARE(gateway.value("boundPort").toInt(), int(m_engine->https()->port()));
        QCOMPARE(gateway.value("defaultPort").toInt(), 7443);
        QCOMPARE(gateway.value("protocol").toString(), QStringLiteral("tcp"));
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        QCOMPARE(test::sortedKeys(gateway), test::requiredFields(source + "/server/api/system.yaml").value("ServicePort"));
    }

    void badPortsAreRefusedAndNothingChanges() {
        const quint16 before = m_engine->https()->port();
        QTcpServer holder;  // another program on a port
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        const ApiReply inUse = m_admin->put("/api/v1/system/ports", QJsonObject{{"access-gateway", int(holder.serverPort())}});
        QCOMPARE(inUse.status, 409);
        QCOMPARE(inUse.error(), QStringLiteral("port_in_use"));
        QVERIFY(inUse.message().contains(QString::number(holder.serverPort())));
        struct Case {
            QJsonObject body;
            QString mentions;
        };
        const QList<Case> cases = {
            {QJsonObject{{"access-gateway", 443}}, "1025"},
            {QJsonObject{{"access-gateway", 70000}}, "65535"},
            {QJsonObject{{"access-gateway", "8443"}}, "access-gateway"},
            {QJsonObject{{"access-gateway", 8443}, {"rtsp", 8554}}, "rtsp"},
            {QJsonObject{}, "access-gateway"},
        };
        for (const Case& c : cases) {
            const ApiReply reply = m_admin->put("/api/v1/system/ports", c.body);
            QVERIFY2(reply.status == 400, qPrintable(test::describe(reply)));
            QVERIFY2(reply.message().contains(c.mentions), qPrintable(reply.message()));
        }
        QTest::qWait(500);  // a restart would have begun by now
        QCOMPARE(m_engine->https()->port(), before);
        QVERIFY(accepts(before));
    }

    void theGatewayMovesAndOnlyItRestarts() {
        const quint16 before = m_engine->https()->port();
        const quint16 chosen = test::closedPort();
        QSignalSpy changes(m_engine.get(), &server::Engine::serviceStateChanged);
        const ApiReply reply = m_admin->put("/api/v1/system/ports", QJsonObject{{"access-gateway", int(chosen)}});
        QVERIFY2(reply.status == 202, qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("ports")[0]["port"].toInt(), int(chosen));
        QVERIFY(QTest::qWaitFor([&] { return m_engine->https()->port() == chosen; }, kWaitMs));
        QCOMPARE(m_engine->https()->state(), server::ServiceState::Running);
        // The new port answers over TLS with the platform CA; the old one is closed.
        QCOMPARE(curlExit(chosen), 0);
        QVERIFY(!accepts(before));
        QCOMPARE(curlExit(before), 7);  // curl: could not connect
        // Only the gateway went through states; every other service is running as before.
        for (const QList<QVariant>& change : std::as_const(changes)) {
            QCOMPARE(change.at(0).toString(), QStringLiteral("access-gateway"));
        }
        QVERIFY(changes.size() >= 2);  // stopping/stopped, starting/running
        for (const server::Service* service : m_engine->services()) {
            QVERIFY2(service->state() == server::ServiceState::Running, qPrintable(service->id()));
        }
        // The API goes on at the new port (ApiSession follows the engine's port).
        const ApiReply ports = m_admin->get("/api/v1/system/ports");
        QVERIFY2(ports.status == 200, qPrintable(test::describe(ports)));
        QCOMPARE(ports.json.value("ports")[0]["port"].toInt(), int(chosen));
        QCOMPARE(ports.json.value("ports")[0]["boundPort"].toInt(), int(chosen));
        const QJsonArray log = m_admin->get("/api/v1/security-log?kind=setting_changed&limit=20").json.value("entries").toArray();
        bool logged = false;
        for (const QJsonValue& entry : log) {
            logged = logged || (entry["target"].toString() == "ports" &&
                                entry["detail"].toString().contains(QStringLiteral("to %1").arg(chosen)));
        }
        QVERIFY(logged);
    }

    void aRestartedEngineListensOnTheChosenPort() {
        const quint16 chosen = m_engine->https()->port();
        m_admin.reset();
        m_engine.reset();
        startEngine(false);
        QCOMPARE(m_engine->https()->port(), chosen);
        QCOMPARE(curlExit(chosen), 0);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestPortsApi)
#include "tst_ports_api.moc"
