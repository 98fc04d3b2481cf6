// The address filter through a real engine (SEC-2.5, docs/design/accounts.md): the routes, the
// 400 that names every bad entry, the 409 for a filter that would shut out the administrator's own
// address, and deny and allow lists taking effect: a refused connection is closed before its TLS
// handshake. The engine listens on 127.0.0.1; the filtered clients connect from 127.0.0.2 and
// 127.0.0.3 (raw sockets bound there), because the console address 127.0.0.1 is always admitted.
// The same client shows that the security-questions reset is refused away from the console.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "accounts/accounts_service.h"
#include "api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/test_engine.h"

using namespace vigil;
using core::net::AddressFilter;
using test::ApiReply;
using test::ApiSession;
using test::setupBody;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kFilterPath = QStringLiteral("/api/v1/settings/address-filter");

// Clients the filter judges come from here: loopback, but not the console address (127.0.0.1) the
// filter always admits. Tests never leave 127.0.0.0/8.
const QHostAddress kClient(QStringLiteral("127.0.0.2"));

}  // namespace

class TestAddressFilterApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;   // from the console, 127.0.0.1
    std::unique_ptr<ApiSession> m_remote;  // the same administrator from kClient

    std::unique_ptr<ApiSession> session() { return std::make_unique<ApiSession>(*m_engine); }

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
        m_remote = session();
        m_remote->setToken(m_admin->token());
        QCOMPARE(m_remote->callFrom(kClient, "GET", kFilterPath).status, 200);
    }

    void startsOff() {
        const ApiReply reply = m_admin->get(kFilterPath);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("mode").toString(), QStringLiteral("off"));
        QCOMPARE(reply.json.value("entries").toArray().size(), 0);
    }

    void badEntriesAreAllNamed() {
        const ApiReply reply = m_admin->put(
            kFilterPath,
            QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{"10.0.0.300", "10.0.0.0/8", "bogus"}}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QStringLiteral("bad_request"));
        QVERIFY2(reply.message().contains("10.0.0.300") && reply.message().contains("bogus"),
                 qPrintable(reply.message()));
        QCOMPARE(m_admin->get(kFilterPath).json.value("mode").toString(), QStringLiteral("off"));
    }

    void ownAddressNeedsConfirmation() {
        const QJsonObject denyMe{{"mode", "deny"}, {"entries", QJsonArray{kClient.toString()}}};
        ApiReply reply = m_remote->callFrom(kClient, "PUT", kFilterPath, denyMe);
        QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
        QCOMPARE(reply.error(), QStringLiteral("would_lock_out_self"));
        reply =
            m_remote->callFrom(kClient, "PUT", kFilterPath,
                               QJsonObject{{"mode", "allow"}, {"entries", QJsonArray{"198.51.100.0/24"}}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(m_admin->get(kFilterPath).json.value("mode").toString(), QStringLiteral("off"));
        // From the console the same list needs no confirmation: the console is always admitted.
        QCOMPARE(m_admin->put(kFilterPath, denyMe).status, 200);
        QCOMPARE(m_admin->put(kFilterPath, QJsonObject{{"mode", "off"}, {"entries", QJsonArray{}}}).status,
                 200);
    }

    void otherAddressesChangeFreely() {
        const ApiReply reply =
            m_remote->callFrom(kClient, "PUT", kFilterPath,
                               QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{"198.51.100.0/24"}}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("entries").toArray().first().toString(), QStringLiteral("198.51.100.0/24"));
        // The client is still admitted on a new connection.
        QCOMPARE(m_remote->callFrom(kClient, "GET", "/api/v1/setup").status, 200);
        const ApiReply log = m_admin->get("/api/v1/security-log?kind=filter_changed");
        QCOMPARE(log.json.value("total").toInt(), 3);  // two from the console above, this one
        QVERIFY(log.json.value("entries").toArray().first().toObject().value("detail").toString().contains(
            "198.51.100.0/24"));
    }

    void denyListTakesEffect() {
        const quint64 refusedBefore = m_engine->https()->refusedConnections();
        const ApiReply reply =
            m_admin->put(kFilterPath, QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{"127.0.0.2/32"}}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));

        // A new connection from the denied address is closed before any TLS: no HTTP status at all.
        QCOMPARE(m_remote->callFrom(kClient, "GET", "/api/v1/setup").status, 0);
        QVERIFY(m_engine->https()->refusedConnections() > refusedBefore);
        // The console still gets in.
        QCOMPARE(m_admin->get(kFilterPath).status, 200);
    }

    void allowListTakesEffect() {
        ApiReply reply =
            m_admin->put(kFilterPath, QJsonObject{{"mode", "allow"}, {"entries", QJsonArray{"127.0.0.2"}}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(m_remote->callFrom(kClient, "GET", "/api/v1/setup").status, 200);
        QCOMPARE(m_remote->callFrom(QHostAddress(QStringLiteral("127.0.0.3")), "GET", "/api/v1/setup").status,
                 0);

        // Undone from the server's own machine (here: in-process), everyone gets in again.
        server::Actor local{QStringLiteral("test"), QHostAddress(QHostAddress::LocalHost), {}};
        QVERIFY(m_engine->accounts()->setAddressFilter(local, AddressFilter(), false).ok());
        QCOMPARE(m_remote->callFrom(QHostAddress(QStringLiteral("127.0.0.3")), "GET", "/api/v1/setup").status,
                 200);
    }

    // Reset by security questions only from the console, not from another address.
    void questionsResetRefusedFromAnotherAddress() {
        core::model::SecuritySettings settings = m_engine->accounts()->securitySettings();
        settings.reset.enabled = true;
        QCOMPARE(m_admin->put("/api/v1/settings/security", settings.toJson()).status, 200);
        ApiSession anonymous(*m_engine);
        const ApiReply reply =
            anonymous.callFrom(kClient, "POST", "/api/v1/auth/reset/questions",
                               QJsonObject{{"userName", kAdmin},
                                           {"answers", QJsonArray{"Answer 0", "Answer 1", "Answer 2"}},
                                           {"newPassword", "Another#Harbour5"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("reset_local_only"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_remote.reset();
        if (m_engine) {
            m_engine->stop();
        }
    }
};

QTEST_MAIN(TestAddressFilterApi)
#include "tst_address_filter_api.moc"
