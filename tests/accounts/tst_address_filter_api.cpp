// The address filter through a real engine (SEC-2.5, docs/design/accounts.md): the routes, the
// 400 that names every bad entry, the 409 for a filter that would shut out the administrator's own
// address, and a deny-list change taking effect: requests on a connection opened before it get 403
// address_refused, and new connections are closed before their TLS handshake.
//
// The filter always admits loopback (the server's own machine can always undo it), so a test on
// 127.0.0.1 could never be refused. The engine here listens on this machine's first non-loopback
// IPv4 address and the test connects to it, so the server sees that address as the client's. A
// machine without one skips this test; tst_address_filter_settings covers the rules without a
// network either way. The same client also shows that the security-questions reset is refused
// from another machine (403 reset_local_only).

#include <QJsonArray>
#include <QNetworkInterface>
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

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kFilterPath = QStringLiteral("/api/v1/settings/address-filter");

QHostAddress nonLoopbackAddress() {
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() &&
            !address.isLinkLocal()) {
            return address;
        }
    }
    return {};
}

QJsonObject setupBody() {
    QJsonArray questions;
    for (int i = 0; i < 3; ++i) {
        questions.append(QJsonObject{{"question", QString("Question %1?").arg(i)},
                                     {"answer", QString("Answer %1").arg(i)}});
    }
    return QJsonObject{{"userName", kAdmin},
                       {"password", kAdminPassword},
                       {"email", "chief@example.com"},
                       {"questions", questions}};
}

QString describe(const ApiReply& reply) {
    return QString::number(reply.status) + QLatin1Char(' ') + QString::fromUtf8(reply.body);
}

}  // namespace

class TestAddressFilterApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHostAddress m_address;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    std::unique_ptr<ApiSession> session() {
        auto made = std::make_unique<ApiSession>(*m_engine);
        made->setPeerVerifyName(m_address.toString());
        return made;
    }

private slots:
    void initTestCase() {
        m_address = nonLoopbackAddress();
        if (m_address.isNull()) {
            QSKIP("This machine has no non-loopback IPv4 address, and the filter always admits loopback.");
        }
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.listenAddress = m_address;
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = session();
        QCOMPARE(m_admin->post("/api/v1/setup", setupBody()).status, 201);
        const ApiReply login = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(login.status == 200, qPrintable(describe(login)));
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
        ApiReply reply = m_admin->put(
            kFilterPath, QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{m_address.toString()}}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("would_lock_out_self"));
        reply = m_admin->put(kFilterPath,
                             QJsonObject{{"mode", "allow"}, {"entries", QJsonArray{"198.51.100.0/24"}}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(m_admin->get(kFilterPath).json.value("mode").toString(), QStringLiteral("off"));
    }

    void otherAddressesChangeFreely() {
        const ApiReply reply = m_admin->put(
            kFilterPath, QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{"198.51.100.0/24"}}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("entries").toArray().first().toString(), QStringLiteral("198.51.100.0/24"));
        // Still admitted, on this connection and on a new one.
        QCOMPARE(m_admin->get(kFilterPath).status, 200);
        QCOMPARE(session()->get("/api/v1/setup").status, 200);
        const ApiReply log = m_admin->get("/api/v1/security-log?kind=filter_changed");
        QCOMPARE(log.json.value("total").toInt(), 1);
        QVERIFY(log.json.value("entries").toArray().first().toObject().value("detail").toString().contains(
            "198.51.100.0/24"));
    }

    void denyListTakesEffect() {
        const quint64 refusedBefore = m_engine->https()->refusedConnections();
        ApiReply reply = m_admin->put(
            kFilterPath,
            QJsonObject{{"mode", "deny"}, {"entries", QJsonArray{m_address.toString()}}, {"confirm", true}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));

        // The connection the change came over is still open (kept alive): its next request is refused.
        reply = m_admin->get(kFilterPath);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("address_refused"));

        // A new connection is closed before any TLS: no HTTP status at all.
        reply = session()->get("/api/v1/setup");
        QCOMPARE(reply.status, 0);
        QVERIFY(m_engine->https()->refusedConnections() > refusedBefore);

        // Undone from the server's own machine (here: in-process), new connections get in again.
        server::Actor local{QStringLiteral("test"), QHostAddress(QHostAddress::LocalHost), {}};
        QVERIFY(m_engine->accounts()->setAddressFilter(local, AddressFilter(), false).ok());
        QCOMPARE(session()->get("/api/v1/setup").status, 200);
        QCOMPARE(m_admin->get(kFilterPath).status, 200);
        QCOMPARE(m_admin->get("/api/v1/security-log?kind=filter_changed").json.value("total").toInt(), 3);
    }

    // The same non-loopback client serves the rule that questions reset only on the server's own machine.
    void questionsResetRefusedFromAnotherMachine() {
        core::model::SecuritySettings settings = m_engine->accounts()->securitySettings();
        settings.reset.enabled = true;
        QCOMPARE(m_admin->put("/api/v1/settings/security", settings.toJson()).status, 200);
        const ApiReply reply =
            session()->post("/api/v1/auth/reset/questions",
                            QJsonObject{{"userName", kAdmin},
                                        {"answers", QJsonArray{"Answer 0", "Answer 1", "Answer 2"}},
                                        {"newPassword", "Another#Harbour5"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("reset_local_only"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        if (m_engine) {
            m_engine->stop();
        }
    }
};

QTEST_MAIN(TestAddressFilterApi)
#include "tst_address_filter_api.moc"
