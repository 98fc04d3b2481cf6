// The workstation's event connection (core/client/api_client.h) catching up after a drop, against a
// real engine on 127.0.0.1 (issue 6, EVT-1: "a workstation that reconnects receives what it missed"):
//  - the first opening asks with ?since=0, is told the newest event id (events.resumed) and replays
//    nothing;
//  - events raised while the connection is down (by another operator, over HTTP) arrive after the
//    reconnect, oldest first, each once, before events.resumed names the id they followed;
//  - events raised after that arrive live as before, and none of the missed ones is repeated;
//  - a new session (a new token) starts a new cursor.
// The drop is made by aborting the client's socket, as a network cut would; the server side is the
// real one.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

#include "../accounts/api_session.h"
#include "client/api_client.h"
#include "client/trust_store.h"
#include "engine/engine.h"
#include "support/pinned_client.h"
#include "support/test_engine.h"

using namespace vigil;
using core::client::ApiClient;
using core::client::TrustStore;
using core::model::PushMessage;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kTimeoutMs = 30000;  // bounds a hang only

}  // namespace

class TestEventsClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<test::ApiSession> m_session;  // another operator, over plain HTTP calls
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<ApiClient> m_client;
    QList<PushMessage> m_pushes;  // events.event and events.resumed, in arrival order

    qint64 raise(const QString& message) {
        const auto reply = m_session->post("/api/v1/events/alarms", {{"message", message}});
        if (reply.status != 201 && reply.status != 200) {
            qWarning() << "raising an alarm failed:" << reply.status << reply.body;
            return 0;
        }
        return reply.json.value("id").toInteger();
    }

    QList<qint64> pushedEventIds() const {
        QList<qint64> ids;
        for (const PushMessage& push : m_pushes) {
            if (push.type == QLatin1String("events.event")) {
                ids.append(push.data.value(QStringLiteral("id")).toInteger());
            }
        }
        return ids;
    }

    qsizetype resumedCount() const {
        return std::count_if(m_pushes.cbegin(), m_pushes.cend(),
                             [](const PushMessage& push) { return push.type == QLatin1String("events.resumed"); });
    }

    bool waitConnected(bool connected) {
        return QTest::qWaitFor([&] { return m_client->eventsConnected() == connected; }, kTimeoutMs);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.filePath(QStringLiteral("engine")));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; not what is tested here
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_session = std::make_unique<test::ApiSession>(*m_engine);
        QCOMPARE(m_session->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_session->login(kAdmin, kAdminPassword).status, 200);

        // The workstation: its own session of the same user.
        test::ApiSession workstation(*m_engine);
        QCOMPARE(workstation.login(kAdmin, kAdminPassword).status, 200);
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
        m_client = test::pinnedClient(*m_engine, m_trust.get(), workstation.token());
        connect(m_client.get(), &ApiClient::pushReceived, this, [this](const PushMessage& push) {
            if (push.type == QLatin1String("events.event") || push.type == QLatin1String("events.resumed")) {
                m_pushes.append(push);
            }
        });
    }

    void firstOpeningReplaysNothing() {
        const qint64 before = raise(QStringLiteral("raised before the workstation connected"));
        QVERIFY(before > 0);
        m_client->connectEvents();
        QVERIFY(waitConnected(true));
        QTRY_COMPARE_WITH_TIMEOUT(resumedCount(), 1, kTimeoutMs);
        const PushMessage resumed = m_pushes.last();
        QCOMPARE(resumed.data.value("since").toInteger(), 0);
        QVERIFY(resumed.data.value("lastId").toInteger() >= before);
        QVERIFY(pushedEventIds().isEmpty());  // history is for the search, not the socket
        QCOMPARE(m_client->lastEventId(), resumed.data.value("lastId").toInteger());
    }

    void missedEventsArriveAfterTheDrop() {
        const qint64 live = raise(QStringLiteral("seen live"));
        QTRY_VERIFY_WITH_TIMEOUT(pushedEventIds().contains(live), kTimeoutMs);
        QCOMPARE(m_client->lastEventId(), live);
        m_pushes.clear();

        // The cut: the client notices, and reconnects by itself after its back-off.
        auto* socket = m_client->findChild<QWebSocket*>();
        QVERIFY(socket);
        socket->abort();
        QVERIFY(waitConnected(false));
        const QList<qint64> missed{raise(QStringLiteral("missed 1")), raise(QStringLiteral("missed 2")),
                                   raise(QStringLiteral("missed 3"))};
        QVERIFY(!missed.contains(0));
        QVERIFY(pushedEventIds().isEmpty());

        QVERIFY(waitConnected(true));
        QTRY_COMPARE_WITH_TIMEOUT(resumedCount(), 1, kTimeoutMs);
        QCOMPARE(pushedEventIds(), missed);  // oldest first, each once, nothing seen before repeated
        const PushMessage resumed = m_pushes.last();
        QCOMPARE(resumed.type, QStringLiteral("events.resumed"));  // after the replay
        QCOMPARE(resumed.data.value("since").toInteger(), live);
        QVERIFY(resumed.data.value("complete").toBool());
        QCOMPARE(m_client->lastEventId(), missed.last());

        const qint64 after = raise(QStringLiteral("live again"));
        QTRY_VERIFY_WITH_TIMEOUT(pushedEventIds().contains(after), kTimeoutMs);
        QCOMPARE(pushedEventIds(), missed + QList<qint64>{after});
    }

    void newSessionStartsANewCursor() {
        QVERIFY(m_client->lastEventId() > 0);
        m_client->setBearerToken(QStringLiteral("another-session"));
        QCOMPARE(m_client->lastEventId(), 0);
    }

    void cleanupTestCase() {
        m_client->disconnectEvents();
        m_client.reset();
        m_session.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestEventsClient)
#include "tst_events_client.moc"
