// The event routes and pushes against a real engine over HTTPS (issue 6, EVT-1, SEC-2.2): manual
// alarms are stored, searched with paging and filters, exported to CSV, acknowledged and handled
// several at once with comments (the trail says who, what, when), state rules refuse a second
// acknowledge with 409 and a list with one wrong id changes nothing, counters follow; every route
// asks for event_handling (a viewer gets 403 and no pushes); a session that reconnects with
// ?since=<last id it saw> receives exactly the events it missed; retention is a setting; rule changes
// are pushed (events.rule) to the sessions that may read rules and to no others.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "events/event_service.h"
#include "event_socket.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::EventSocket;

namespace {
const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Vigil-Admin-Pass-2024");
const QString kUserPassword = QStringLiteral("Operator-Pass-2024-x");
constexpr int kWaitMs = 20000;  // bounds a hang only
}  // namespace

class TstEventsApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    std::unique_ptr<ApiSession> userSession(const QString& name, const QString& roleId) {
        const ApiReply created = m_admin->post(
            "/api/v1/users", QJsonObject{{"userName", name}, {"roleId", roleId}, {"password", kUserPassword}});
        if (created.status != 201) {
            qWarning() << test::describe(created);
            return nullptr;
        }
        auto session = std::make_unique<ApiSession>(*m_engine);
        const ApiReply login = session->login(name, kUserPassword);
        return login.status == 200 ? std::move(session) : nullptr;
    }

    qint64 raiseAlarm(ApiSession& session, const QString& message) {
        const ApiReply raised = session.post("/api/v1/events/alarms", QJsonObject{{"message", message}, {"severity", "warning"}});
        if (raised.status != 201) {
            qWarning() << test::describe(raised);
            return 0;
        }
        return raised.json.value("id").toInteger();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
    }

    void manualAlarmIsStoredPushedAndSearchable() {
        EventSocket socket(*m_engine, *m_admin);
        QVERIFY(socket.isConnected());
        const ApiReply raised = m_admin->post("/api/v1/events/alarms",
                                              QJsonObject{{"message", "Fire door open in hall B"}, {"severity", "critical"}});
        QVERIFY2(raised.status == 201, qPrintable(test::describe(raised)));
        const qint64 id = raised.json.value("id").toInteger();
        QVERIFY(id > 0);
        QCOMPARE(raised.json.value("kind").toString(), QStringLiteral("manual_alarm"));
        QCOMPARE(raised.json.value("alarmState").toString(), QStringLiteral("new"));
        QCOMPARE(raised.json.value("sourceType").toString(), QStringLiteral("user"));
        const QJsonArray trail = raised.json.value("trail").toArray();
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail[0]["action"].toString(), QStringLiteral("raised"));
        QCOMPARE(trail[0]["userName"].toString(), kAdmin);

        // Pushed at once to the session, then counted.
        QTRY_VERIFY_WITH_TIMEOUT(socket.eventIds().contains(id), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!socket.of("events.counters").isEmpty(), kWaitMs);
        QVERIFY(socket.of("events.counters").last().value("new").toInteger() >= 1);

        const ApiReply found = m_admin->get(QStringLiteral("/api/v1/events?kind=manual_alarm&state=new"));
        QVERIFY2(found.status == 200, qPrintable(test::describe(found)));
        QCOMPARE(found.json.value("events").toArray().first().toObject().value("id").toInteger(), id);
        const ApiReply one = m_admin->get(QStringLiteral("/api/v1/events/%1").arg(id));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json.value("message").toString(), QStringLiteral("Fire door open in hall B"));
        QCOMPARE(m_admin->get("/api/v1/events/999999").status, 404);

        // Bad requests say what was wrong.
        const ApiReply noMessage = m_admin->post("/api/v1/events/alarms", QJsonObject{{"severity", "critical"}});
        QCOMPARE(noMessage.status, 400);
        QVERIFY(noMessage.message().contains("message"));
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "x"}, {"severity", "apocalyptic"}}).status, 400);
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "x"}, {"colour", "red"}}).status, 400);
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "x"}, {"channelId", "no-such"}}).status, 404);
        const ApiReply badQuery = m_admin->get("/api/v1/events?kind=earthquake");
        QCOMPARE(badQuery.status, 400);
        QVERIFY(badQuery.message().contains("motion"));
        QCOMPARE(m_admin->get("/api/v1/events?colour=red").status, 400);
        QCOMPARE(m_admin->get("/api/v1/events?from=100&to=50").status, 400);
        QCOMPARE(m_admin->get("/api/v1/events?limit=501").status, 400);
    }

    void alarmsAreAcknowledgedAndHandledWithComments() {
        const qint64 first = raiseAlarm(*m_admin, "Perimeter breach north");
        const qint64 second = raiseAlarm(*m_admin, "Perimeter breach south");
        QVERIFY(first > 0 && second > first);
        const qint64 pendingBefore = m_admin->get("/api/v1/events/counters").json.value("pending").toInteger();

        auto operatorSession = userSession("olga", "operator");
        QVERIFY(operatorSession);
        const ApiReply acknowledged = operatorSession->post(
            "/api/v1/events/acknowledge", QJsonObject{{"ids", QJsonArray{first, second}}, {"comment", "Guard sent to both gates"}});
        QVERIFY2(acknowledged.status == 200, qPrintable(test::describe(acknowledged)));
        for (const QJsonValue& value : acknowledged.json.value("events").toArray()) {
            QCOMPARE(value.toObject().value("alarmState").toString(), QStringLiteral("acknowledged"));
        }
        // Already acknowledged: refused, nothing changes.
        const ApiReply again = m_admin->post("/api/v1/events/acknowledge", QJsonObject{{"ids", QJsonArray{first}}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.error(), QStringLiteral("alarm_state_conflict"));
        // One unknown id in the list: nothing is handled.
        const ApiReply partly = m_admin->post("/api/v1/events/handle",
                                              QJsonObject{{"ids", QJsonArray{first, 999999}}, {"comment", "done"}});
        QCOMPARE(partly.status, 404);
        QCOMPARE(m_admin->get(QStringLiteral("/api/v1/events/%1").arg(first)).json.value("alarmState").toString(),
                 QStringLiteral("acknowledged"));
        QCOMPARE(m_admin->post("/api/v1/events/handle", QJsonObject{{"ids", QJsonArray{}}}).status, 400);
        QCOMPARE(m_admin->post("/api/v1/events/comment", QJsonObject{{"ids", QJsonArray{first}}}).status, 400);

        const ApiReply commented = m_admin->post("/api/v1/events/comment",
                                                 QJsonObject{{"ids", QJsonArray{first}}, {"comment", "Police called"}});
        QCOMPARE(commented.status, 200);
        const ApiReply handled = m_admin->post(
            "/api/v1/events/handle", QJsonObject{{"ids", QJsonArray{first, second}}, {"comment", "False alarm: a fox"}});
        QVERIFY2(handled.status == 200, qPrintable(test::describe(handled)));

        const QJsonObject done = m_admin->get(QStringLiteral("/api/v1/events/%1").arg(first)).json;
        QCOMPARE(done.value("alarmState").toString(), QStringLiteral("handled"));
        const QJsonArray trail = done.value("trail").toArray();
        QCOMPARE(trail.size(), 4);
        QCOMPARE(trail[1]["action"].toString(), QStringLiteral("acknowledged"));
        QCOMPARE(trail[1]["userName"].toString(), QStringLiteral("olga"));
        QCOMPARE(trail[1]["comment"].toString(), QStringLiteral("Guard sent to both gates"));
        QCOMPARE(trail[2]["action"].toString(), QStringLiteral("commented"));
        QCOMPARE(trail[2]["comment"].toString(), QStringLiteral("Police called"));
        QCOMPARE(trail[3]["action"].toString(), QStringLiteral("handled"));
        QCOMPARE(trail[3]["userName"].toString(), kAdmin);
        QCOMPARE(trail[3]["comment"].toString(), QStringLiteral("False alarm: a fox"));
        QVERIFY(trail[3]["timeMs"].toInteger() >= trail[1]["timeMs"].toInteger());
        QCOMPARE(m_admin->post("/api/v1/events/handle", QJsonObject{{"ids", QJsonArray{second}}}).status, 409);

        const QJsonObject counters = m_admin->get("/api/v1/events/counters").json;
        QCOMPARE(counters.value("pending").toInteger(), pendingBefore - 2);
        QVERIFY(counters.value("handled").toInteger() >= 2);
        const QJsonArray handledList = m_admin->get("/api/v1/events?state=handled").json.value("events").toArray();
        QVERIFY(handledList.size() >= 2);
    }

    void searchPagesAndExportsCsv() {
        for (int i = 0; i < 7; ++i) {
            QVERIFY(raiseAlarm(*m_admin, QStringLiteral("Paged alarm %1").arg(i)) > 0);
        }
        const ApiReply page1 = m_admin->get("/api/v1/events?kind=manual_alarm&limit=5");
        QCOMPARE(page1.status, 200);
        QCOMPARE(page1.json.value("events").toArray().size(), 5);
        QCOMPARE(page1.json.value("more").toBool(), true);
        // Newest first.
        QCOMPARE(page1.json.value("events").toArray()[0].toObject().value("message").toString(), QStringLiteral("Paged alarm 6"));
        const ApiReply page2 = m_admin->get("/api/v1/events?kind=manual_alarm&limit=5&offset=5");
        QCOMPARE(page2.json.value("events").toArray()[0].toObject().value("message").toString(), QStringLiteral("Paged alarm 1"));
        const ApiReply future = m_admin->get(QStringLiteral("/api/v1/events?from=%1").arg(QDateTime::currentMSecsSinceEpoch() + 60000));
        QCOMPARE(future.json.value("events").toArray().size(), 0);

        // A formula in a message is defused in the CSV.
        QVERIFY(raiseAlarm(*m_admin, "=HYPERLINK(\"http://evil\"), \"quoted\"") > 0);
        const ApiReply csv = m_admin->get("/api/v1/events/export?kind=manual_alarm");
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
        QVERIFY(csv.headers.value("content-disposition").contains("vigil-events.csv"));
        const QList<QByteArray> lines = csv.body.split('\n');
        QVERIFY(lines.first().startsWith("id,timeMs,timeUtc,kind,severity"));
        QVERIFY(csv.body.contains("Paged alarm 3"));
        QVERIFY(csv.body.contains("\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\""));
    }

    void everyRouteNeedsEventHandling() {
        auto viewer = userSession("vera", "viewer");
        QVERIFY(viewer);
        EventSocket socket(*m_engine, *viewer);
        QVERIFY(socket.isConnected());
        for (const QString& path : {QStringLiteral("/api/v1/events"), QStringLiteral("/api/v1/events/counters"),
                                    QStringLiteral("/api/v1/events/export"), QStringLiteral("/api/v1/events/1"),
                                    QStringLiteral("/api/v1/events/settings")}) {
            QCOMPARE(viewer->get(path).status, 403);
        }
        QCOMPARE(viewer->post("/api/v1/events/alarms", QJsonObject{{"message", "x"}}).status, 403);
        QCOMPARE(viewer->post("/api/v1/events/acknowledge", QJsonObject{{"ids", QJsonArray{1}}}).status, 403);
        // An operator handles events but does not change retention.
        auto operatorSession = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(operatorSession->login("olga", kUserPassword).status, 200);
        QCOMPARE(operatorSession->put("/api/v1/events/settings", QJsonObject{{"retentionDays", 5}}).status, 403);

        // The viewer's socket never sees events.
        const qint64 id = raiseAlarm(*m_admin, "Not for viewers");
        EventSocket adminSocket(*m_engine, *m_admin, id - 1);
        QTRY_VERIFY_WITH_TIMEOUT(adminSocket.eventIds().contains(id), kWaitMs);
        QTest::qWait(300);
        QVERIFY(socket.eventIds().isEmpty());
        QVERIFY(socket.of("events.counters").isEmpty());
    }

    void reconnectingSessionReceivesWhatItMissed() {
        EventSocket first(*m_engine, *m_admin, 0);
        QVERIFY(first.isConnected());
        const qint64 seen = raiseAlarm(*m_admin, "Seen before the drop");
        QTRY_VERIFY_WITH_TIMEOUT(first.eventIds().contains(seen), kWaitMs);
        const int clients = m_engine->https()->hub().clientCount();
        first.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->https()->hub().clientCount(), clients - 1, kWaitMs);

        QList<qint64> missed;
        for (int i = 0; i < 3; ++i) {
            missed << raiseAlarm(*m_admin, QStringLiteral("Missed %1").arg(i));
        }
        EventSocket resumed(*m_engine, *m_admin, seen);
        QVERIFY(resumed.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(!resumed.of("events.resumed").isEmpty(), kWaitMs);
        QCOMPARE(resumed.eventIds(), missed);  // exactly those, oldest first, before the "resumed" mark
        const QJsonObject mark = resumed.of("events.resumed").first();
        QCOMPARE(mark.value("since").toInteger(), seen);
        QCOMPARE(mark.value("complete").toBool(), true);
        QCOMPARE(mark.value("lastId").toInteger(), missed.last());
        // New events keep coming after the catch-up.
        const qint64 later = raiseAlarm(*m_admin, "After the reconnect");
        QTRY_VERIFY_WITH_TIMEOUT(resumed.eventIds().contains(later), kWaitMs);
    }

    void retentionIsASetting() {
        QCOMPARE(m_admin->get("/api/v1/events/settings").json.value("retentionDays").toInt(), 90);
        QCOMPARE(m_admin->put("/api/v1/events/settings", QJsonObject{{"retentionDays", 0}}).status, 400);
        const ApiReply set = m_admin->put("/api/v1/events/settings", QJsonObject{{"retentionDays", 30}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json.value("retentionDays").toInt(), 30);
        QCOMPARE(m_engine->events()->settings().retentionDays, 30);
        // Nothing is older than 30 days here: retention deletes nothing yet.
        auto removed = m_engine->events()->applyRetention();
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), 0);
    }

    void answersHaveTheShapesOfEventsYaml() {
        const auto shapes = test::requiredFields(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + "/server/api/events.yaml");
        QVERIFY(!shapes.isEmpty());
        auto keys = [](const QJsonObject& json) {
            QStringList list = json.keys();
            list.sort();
            return list;
        };
        const qint64 id = raiseAlarm(*m_admin, "Shape check");
        const ApiReply one = m_admin->get(QStringLiteral("/api/v1/events/%1").arg(id));
        QCOMPARE(keys(one.json), shapes.value("Event"));
        QCOMPARE(keys(one.json.value("trail").toArray().first().toObject()), shapes.value("AlarmStep"));
        QCOMPARE(keys(m_admin->get("/api/v1/events?limit=1").json), shapes.value("EventPage"));
        QCOMPARE(keys(m_admin->get("/api/v1/events/counters").json), shapes.value("AlarmCounters"));
        QCOMPARE(keys(m_admin->get("/api/v1/events/settings").json), shapes.value("EventSettings"));
        const ApiReply acted = m_admin->post("/api/v1/events/comment", QJsonObject{{"ids", QJsonArray{id}}, {"comment", "c"}});
        QCOMPARE(keys(acted.json), shapes.value("EventList"));
        // The client's reader takes what the server sends.
        auto parsed = core::model::Event::fromJson(one.json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->id, id);
        QCOMPARE(parsed->trail.size(), 1);
    }

    // EVT-2: a rule saved or deleted on one workstation reaches the others at once (events.rule), but
    // only sessions that may read rules (event_handling); the viewer's socket gets nothing.
    void ruleChangesArePushedToSessionsThatMayReadRules() {
        auto operatorSession = userSession("otto", "operator");
        auto viewer = userSession("vito", "viewer");
        QVERIFY(operatorSession && viewer);
        EventSocket operatorSocket(*m_engine, *operatorSession);
        EventSocket viewerSocket(*m_engine, *viewer);
        QVERIFY(operatorSocket.isConnected() && viewerSocket.isConnected());

        const QJsonObject body{{"name", "Siren on manual alarms"},
                               {"filter", QJsonObject{{"kinds", QJsonArray{"manual_alarm"}}}},
                               {"actions", QJsonArray{QJsonObject{{"type", "sound"}, {"sound", "siren"}}}}};
        const ApiReply created = m_admin->post("/api/v1/events/rules", body);
        QVERIFY2(created.status == 201, qPrintable(test::describe(created)));
        const QString id = created.json.value("id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(operatorSocket.of("events.rule").size(), 1, kWaitMs);
        QJsonObject push = operatorSocket.of("events.rule").last();
        QCOMPARE(push.value("change").toString(), QStringLiteral("created"));
        QCOMPARE(push.value("id").toString(), id);
        QCOMPARE(push.value("userName").toString(), kAdmin);
        QCOMPARE(push.value("rule").toObject(), created.json);  // the rule as GET gives it

        QJsonObject changed = body;
        changed.insert("name", "Chime on manual alarms");
        changed.insert("actions", QJsonArray{QJsonObject{{"type", "sound"}, {"sound", "chime"}, {"userNames", QJsonArray{"otto"}}}});
        const ApiReply updated = m_admin->put("/api/v1/events/rules/" + id, changed);
        QVERIFY2(updated.status == 200, qPrintable(test::describe(updated)));
        QTRY_COMPARE_WITH_TIMEOUT(operatorSocket.of("events.rule").size(), 2, kWaitMs);
        push = operatorSocket.of("events.rule").last();
        QCOMPARE(push.value("change").toString(), QStringLiteral("changed"));
        QCOMPARE(push.value("rule").toObject().value("name").toString(), QStringLiteral("Chime on manual alarms"));
        QCOMPARE(push.value("rule").toObject(), updated.json);

        // A refused save changes nothing and pushes nothing; a delete says which rule went.
        QCOMPARE(operatorSession->del("/api/v1/events/rules/" + id).status, 403);
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + id).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(operatorSocket.of("events.rule").size(), 3, kWaitMs);
        push = operatorSocket.of("events.rule").last();
        QCOMPARE(push.value("change").toString(), QStringLiteral("deleted"));
        QCOMPARE(push.value("id").toString(), id);
        QVERIFY(!push.contains("rule"));
        QCOMPARE(m_admin->del("/api/v1/events/rules/" + id).status, 404);

        // Wait for something the viewer would get before its events.rule pushes if it got them:
        // another session's push after the last change.
        const qint64 alarm = raiseAlarm(*m_admin, "After the rule changes");
        QTRY_VERIFY_WITH_TIMEOUT(operatorSocket.eventIds().contains(alarm), kWaitMs);
        QCOMPARE(operatorSocket.of("events.rule").size(), 3);  // the second delete (404) pushed nothing
        QVERIFY(viewerSocket.of("events.rule").isEmpty());
        QVERIFY(!viewerSocket.messages().isEmpty());  // it is connected: it had its system.hello
    }

    void cleanupTestCase() {
        m_admin.reset();
        if (m_engine) {
            m_engine->stop();
        }
    }
};

QTEST_MAIN(TstEventsApi)
#include "tst_events_api.moc"
