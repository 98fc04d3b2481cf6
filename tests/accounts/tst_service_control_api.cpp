// Service control through a real engine (SRV-1 for an administrator, SEC-1.8, SEC-2.2):
// POST /api/v1/services/{id}/start|stop|restart needs `maintenance`; each request is in the security
// log with who and from where (one from 127.0.0.2 to show the address is the caller's); the access
// gateway and the accounts service refuse to stop (the API rides on them) but restart; a gateway
// restart answers 202 first and then serves again on the same port.

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "accounts/accounts_service.h"
#include "api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::setupBody;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kOperator = QStringLiteral("oscar");
const QString kOperatorPassword = QStringLiteral("Kestrel!Wing7");
const QHostAddress kClient(QStringLiteral("127.0.0.2"));  // loopback, but not the console address
constexpr int kTimeoutMs = 15000;                         // bounds a hang only

QString stateOf(const ApiReply& services, const QString& id) {
    for (const QJsonValue& service : services.json.value("services").toArray()) {
        if (service.toObject().value("id").toString() == id) {
            return service.toObject().value("state").toString();
        }
    }
    return {};
}

}  // namespace

class TestServiceControlApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    std::unique_ptr<ApiSession> session() { return std::make_unique<ApiSession>(*m_engine); }

    // The service_control entries of the security log, newest first.
    QJsonArray controlLog() {
        const ApiReply reply = m_admin->get("/api/v1/security-log?kind=service_control&limit=100");
        if (reply.status != 200) {
            qWarning() << describe(reply);
        }
        return reply.json.value("entries").toArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = session();
        QCOMPARE(m_admin->post("/api/v1/setup", setupBody(kAdmin, kAdminPassword)).status, 201);
        const ApiReply login = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(login.status == 200, qPrintable(describe(login)));
        const ApiReply created = m_admin->post(
            "/api/v1/users",
            QJsonObject{{"userName", kOperator}, {"roleId", "operator"}, {"password", kOperatorPassword}});
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
    }

    void needsMaintenance() {
        auto oscar = session();
        QCOMPARE(oscar->login(kOperator, kOperatorPassword).status, 200);
        const ApiReply reply = oscar->post("/api/v1/services/system-management/stop");
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
        QVERIFY(reply.message().contains("maintenance"));
        QCOMPARE(stateOf(m_admin->get("/api/v1/system/services"), "system-management"),
                 QStringLiteral("running"));
        QCOMPARE(controlLog().size(), 0);
    }

    void stopStartRestartAreLogged() {
        ApiReply reply = m_admin->post("/api/v1/services/system-management/stop");
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("state").toString(), QStringLiteral("stopped"));
        QCOMPARE(stateOf(m_admin->get("/api/v1/system/services"), "system-management"),
                 QStringLiteral("stopped"));
        QCOMPARE(m_admin->get("/api/v1/system/health").status, 503);  // the stopped service really stopped

        reply = m_admin->post("/api/v1/services/system-management/start");
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("state").toString(), QStringLiteral("running"));

        // From another address: the log names the address the request came from.
        auto remote = session();
        remote->setToken(m_admin->token());
        reply = remote->callFrom(kClient, "POST", "/api/v1/services/system-management/restart");
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("state").toString(), QStringLiteral("running"));

        const QJsonArray log = controlLog();
        QCOMPARE(log.size(), 3);
        const QJsonObject restart = log.at(0).toObject();
        QCOMPARE(restart.value("userName").toString(), kAdmin);
        QCOMPARE(restart.value("address").toString(), kClient.toString());
        QCOMPARE(restart.value("target").toString(), QStringLiteral("system-management"));
        QCOMPARE(restart.value("detail").toString(), QStringLiteral("restart: running"));
        QCOMPARE(log.at(1).toObject().value("detail").toString(), QStringLiteral("start: running"));
        QCOMPARE(log.at(2).toObject().value("detail").toString(), QStringLiteral("stop: stopped"));
        QCOMPARE(log.at(2).toObject().value("address").toString(), QStringLiteral("127.0.0.1"));
    }

    void unknownServiceIsNamed() {
        const ApiReply reply = m_admin->post("/api/v1/services/nonesuch/start");
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.error(), QStringLiteral("service_not_found"));
        QVERIFY2(reply.message().contains("access-gateway"), qPrintable(reply.message()));
    }

    void gatewayAndAccountsRefuseToStop() {
        const int before = controlLog().size();
        for (const char* id : {"access-gateway", "accounts"}) {
            const ApiReply reply = m_admin->post(QStringLiteral("/api/v1/services/%1/stop").arg(id));
            QCOMPARE(reply.status, 409);
            QCOMPARE(reply.error(), QStringLiteral("service_required"));
            QVERIFY2(reply.message().contains("Restart it instead"), qPrintable(reply.message()));
            QCOMPARE(stateOf(m_admin->get("/api/v1/system/services"), id), QStringLiteral("running"));
        }
        const QJsonArray log = controlLog();
        QCOMPARE(log.size(), before + 2);
        QVERIFY(log.at(0).toObject().value("detail").toString().startsWith("stop refused"));
    }

    void accountsRestartKeepsSessions() {
        const ApiReply reply = m_admin->post("/api/v1/services/accounts/restart");
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("state").toString(), QStringLiteral("running"));
        QCOMPARE(m_admin->get("/api/v1/auth/me").status, 200);
    }

    void gatewayRestartsAfterAnswering() {
        server::HttpsService* gateway = m_engine->https();
        const quint16 port = gateway->port();
        QSignalSpy states(gateway, &server::Service::stateChanged);
        const ApiReply reply = m_admin->post("/api/v1/services/access-gateway/restart");
        QVERIFY2(reply.status == 202, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("state").toString(), QStringLiteral("restarting"));
        // The answer came while the gateway still ran; the restart (stopping, stopped, starting,
        // running) follows, and a new client finds the gateway on the same port.
        QTRY_VERIFY_WITH_TIMEOUT(
            !states.isEmpty() && gateway->state() == server::ServiceState::Running && states.size() >= 4,
            kTimeoutMs);
        QCOMPARE(states.first().at(1).value<server::ServiceState>(), server::ServiceState::Stopping);
        QCOMPARE(gateway->port(), port);
        auto fresh = session();
        fresh->setToken(m_admin->token());
        QCOMPARE(fresh->get("/api/v1/auth/me").status, 200);
        const QJsonObject entry = controlLog().at(0).toObject();
        QCOMPARE(entry.value("target").toString(), QStringLiteral("access-gateway"));
        QCOMPARE(entry.value("userName").toString(), kAdmin);
        QVERIFY(entry.value("detail").toString().startsWith("restart requested"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestServiceControlApi)
#include "tst_service_control_api.moc"
