// Event sources against a real engine (issue 6, EVT-1, SEC-2.2): vigil-testcamera's ONVIF cameras
// added through the devices API; "motion gate on|off" on the camera's stdin reaches the engine
// through an ONVIF pull-point subscription and becomes motion / motion_ended events on the gate's
// channel (searchable, pushed); a camera whose stream freezes becomes a stream_error or offline
// event and one that comes back an online event and, once it records again, a recording_gap event
// for the time its recording missed (SEC-2.8); failed logins and lockouts from the security log
// become events; a role with event_handling that does not reach the gate's channel sees none of its
// events (search, one event, pushes) but sees the server's.

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "devices/devices_service.h"
#include "engine/engine.h"
#include "event_socket.h"
#include "onvif_channel.h"
#include "onvif/onvif_test_camera.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::EventSocket;
using test::OnvifTestCamera;

namespace {
const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kUserPassword = QStringLiteral("Watch-Pass-2024-q");
const QString kCameraUser = QStringLiteral("operator");
const QString kCameraPassword = QStringLiteral("Lens-Secret-83q");
constexpr int kWaitMs = 45000;  // bounds a hang only

QStringList kindsOf(const QJsonArray& events) {
    QStringList kinds;
    for (const QJsonValue& event : events) {
        kinds << event.toObject().value("kind").toString();
    }
    return kinds;
}
}  // namespace

class TstEventSources : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    OnvifTestCamera m_camera;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_gateChannel;
    QString m_yardChannel;

    QString addCamera(const QString& name) {
        return test::addOnvifChannel(*m_admin, m_camera, name, kCameraUser, kCameraPassword, kWaitMs);
    }

    QJsonArray search(ApiSession& session, const QString& query) {
        return session.get("/api/v1/events?" + query).json.value("events").toArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=gate,user=%1,password=%2").arg(kCameraUser, kCameraPassword),
                                 QStringLiteral("name=yard,user=%1,password=%2").arg(kCameraUser, kCameraPassword)},
                                {}, &error),
                 qPrintable(error));
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        m_gateChannel = addCamera("gate");
        m_yardChannel = addCamera("yard");
        QVERIFY(!m_gateChannel.isEmpty() && !m_yardChannel.isEmpty());
        // A first connection is not news.
        QCOMPARE(search(*m_admin, "kind=device_online").size(), 0);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_camera.stop();
    }

    void cameraMotionRaisesAnEvent() {
        EventSocket socket(*m_engine, *m_admin);
        QVERIFY(socket.isConnected());
        // The subscription is up when the camera counts its pull point.
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command("pullpoints gate"), QStringLiteral("ok 1"), kWaitMs);
        QCOMPARE(m_camera.command("motion gate on"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=motion&source=" + m_gateChannel).size() == 1, kWaitMs);
        const QJsonObject motion = search(*m_admin, "kind=motion").first().toObject();
        QCOMPARE(motion.value("channelId").toString(), m_gateChannel);
        QCOMPARE(motion.value("sourceType").toString(), QStringLiteral("channel"));
        QCOMPARE(motion.value("sourceName").toString(), QStringLiteral("gate"));
        QCOMPARE(motion.value("details").toObject().value("active").toBool(), true);
        QCOMPARE(motion.value("details").toObject().value("origin").toString(), QStringLiteral("camera"));
        QTRY_VERIFY_WITH_TIMEOUT(socket.eventIds().contains(motion.value("id").toInteger()), kWaitMs);

        QCOMPARE(m_camera.command("motion gate off"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=motion_ended").size() == 1, kWaitMs);
        // The yard camera stayed still.
        QCOMPARE(search(*m_admin, "kind=motion,motion_ended&source=" + m_yardChannel).size(), 0);
    }

    void cameraGoingAwayAndBackRaisesEvents() {
        QCOMPARE(m_camera.command("freeze yard"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=stream_error,device_offline&source=" + m_yardChannel).size() >= 1,
                                 kWaitMs);
        const QJsonObject gone = search(*m_admin, "kind=stream_error,device_offline&source=" + m_yardChannel).first().toObject();
        QCOMPARE(gone.value("severity").toString(), QStringLiteral("warning"));
        QVERIFY(!gone.value("message").toString().isEmpty());
        QCOMPARE(m_camera.command("resume yard"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=device_online&source=" + m_yardChannel).size() == 1, kWaitMs);
        // SEC-2.8: the recording's gap while the camera was away is reported once it records again.
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=recording_gap&source=" + m_yardChannel).size() == 1,
                                 kWaitMs);
        const QJsonObject gap =
            search(*m_admin, "kind=recording_gap&source=" + m_yardChannel).first().toObject();
        QCOMPARE(gap.value("severity").toString(), QStringLiteral("warning"));
        QCOMPARE(gap.value("channelId").toString(), m_yardChannel);
        QVERIFY(gap.value("details").toObject().value("endMs").toInteger() >
                gap.value("details").toObject().value("startMs").toInteger());
        QVERIFY2(gap.value("message").toString().contains(QStringLiteral("yard")),
                 qPrintable(gap.value("message").toString()));
        QCOMPARE(search(*m_admin, "source=" + m_gateChannel + "&kind=stream_error,device_offline,device_online").size(), 0);
    }

    void eventsOfChannelsOutsideTheRoleStayHidden() {
        // A role with event_handling that reaches only the yard.
        const ApiReply role = m_admin->post("/api/v1/roles", QJsonObject{{"name", "Yard guard"},
                                                                         {"permissions", QJsonArray{"live", "event_handling"}},
                                                                         {"allChannels", false},
                                                                         {"channels", QJsonArray{m_yardChannel}}});
        QVERIFY2(role.status == 201, qPrintable(test::describe(role)));
        const ApiReply user = m_admin->post("/api/v1/users", QJsonObject{{"userName", "yardguard"},
                                                                         {"roleId", role.json.value("id").toString()},
                                                                         {"password", kUserPassword}});
        QVERIFY2(user.status == 201, qPrintable(test::describe(user)));
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Everyone's"}}).status, 201);
        ApiSession guard(*m_engine);
        QCOMPARE(guard.login("yardguard", kUserPassword).status, 200);
        EventSocket socket(*m_engine, guard);
        QVERIFY(socket.isConnected());

        const QStringList kinds = kindsOf(search(guard, "limit=500"));
        QVERIFY(!kinds.contains("motion"));  // the gate's
        QVERIFY(kinds.contains("manual_alarm"));  // of no channel
        QVERIFY(kinds.contains("device_online"));  // the yard's
        const qint64 gateMotion = search(*m_admin, "kind=motion").first().toObject().value("id").toInteger();
        QCOMPARE(guard.get(QStringLiteral("/api/v1/events/%1").arg(gateMotion)).status, 404);
        QCOMPARE(guard.post("/api/v1/events/alarms", QJsonObject{{"message", "x"}, {"channelId", m_gateChannel}}).status, 404);

        // Pushes: the yard's motion arrives, the gate's does not.
        QCOMPARE(m_camera.command("motion gate on"), QStringLiteral("ok"));
        QCOMPARE(m_camera.command("motion yard on"), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=motion&source=" + m_yardChannel).size() == 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=motion&source=" + m_gateChannel).size() == 2, kWaitMs);
        const qint64 yardMotion = search(*m_admin, "kind=motion&source=" + m_yardChannel).first().toObject().value("id").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(socket.eventIds().contains(yardMotion), kWaitMs);
        for (const QJsonObject& event : socket.of("events.event")) {
            QVERIFY2(event.value("channelId").toString() != m_gateChannel, "the gate's event reached the yard guard");
        }
        // Counters count only what the role reaches: a manual alarm on the gate is not the guard's.
        const qint64 before = guard.get("/api/v1/events/counters").json.value("pending").toInteger();
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Gate"}, {"channelId", m_gateChannel}}).status, 201);
        QCOMPARE(guard.get("/api/v1/events/counters").json.value("pending").toInteger(), before);
        QCOMPARE(m_admin->post("/api/v1/events/alarms", QJsonObject{{"message", "Yard"}, {"channelId", m_yardChannel}}).status, 201);
        QCOMPARE(guard.get("/api/v1/events/counters").json.value("pending").toInteger(), before + 1);
    }

    void failedLoginsAndLockoutsAreEvents() {
        ApiSession stranger(*m_engine);
        for (int i = 0; i < 6; ++i) {
            stranger.login(kAdmin, QStringLiteral("wrong-%1").arg(i));
        }
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=login_failed").size() >= 1, kWaitMs);
        const QJsonObject failed = search(*m_admin, "kind=login_failed").first().toObject();
        QCOMPARE(failed.value("sourceType").toString(), QStringLiteral("user"));
        QCOMPARE(failed.value("details").toObject().value("address").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(failed.value("channelId").toString(), QString());
        // Five failures lock the account (SEC-1.7): a critical event.
        QTRY_VERIFY_WITH_TIMEOUT(search(*m_admin, "kind=lockout").size() >= 1, kWaitMs);
        QCOMPARE(search(*m_admin, "kind=lockout").first().toObject().value("severity").toString(), QStringLiteral("critical"));
    }
};

QTEST_MAIN(TstEventSources)
#include "tst_event_sources.moc"
