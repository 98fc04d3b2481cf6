// Server-side motion detection against a real engine and GStreamer RTSP cameras on 127.0.0.1
// (issue 6, "Event sources", EVT-2): a camera showing a moving ball raises motion (decoded from its sub
// stream, the one the engine already pulls) and, once the picture stands still, motion_ended; a rule
// on that motion makes an alarm and records with pre-event video exactly as for a camera's own
// (ONVIF) motion; a static scene raises none (on a camera without a sub stream, which the status
// says); a region grid that leaves out the only moving area (the burnt-in clock) raises none until
// the area counts again. The settings route is strict, needs device_config and has the shape
// server/api/devices.yaml describes.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "accounts/api_session.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "support/api_yaml.h"
#include "support/gst_camera.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::GstCamera;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Motion-Admin-Pass-2024");
const QString kUserPassword = QStringLiteral("Watch-Pass-2024-q");
constexpr int kWaitMs = 60000;  // bounds a hang only

std::unique_ptr<GstCamera> camera(const QStringList& mounts, const QString& pattern, bool clock) {
    GstCamera::Options options;
    options.mounts = mounts;
    options.pattern = pattern;
    options.clock = clock;
    options.fps = 15;
    options.gopSeconds = 1.0;
    return std::make_unique<GstCamera>(options);
}

// The grid with the cells from (column0, row0) to (column1, row1) left out.
QJsonArray gridWithout(int column0, int column1, int row0, int row1) {
    QJsonArray rows;
    for (int row = 0; row < 12; ++row) {
        QString text;
        for (int column = 0; column < 16; ++column) {
            const bool out = column >= column0 && column <= column1 && row >= row0 && row <= row1;
            text += out ? QLatin1Char('0') : QLatin1Char('1');
        }
        rows.append(text);
    }
    return rows;
}

}  // namespace

class TstMotion : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    std::unique_ptr<GstCamera> m_ball;   // main + sub, a moving ball
    std::unique_ptr<GstCamera> m_still;  // main only, colour bars (smpte100: the plain "smpte" has a noise box), nothing moves
    std::unique_ptr<GstCamera> m_clock;  // main only, colour bars with the clock ticking at the top left
    QString m_ballChannel;
    QString m_stillChannel;
    QString m_clockChannel;

    QString addCamera(const GstCamera& camera, bool withSub) {
        QJsonObject body{{"driver", "rtsp"}, {"address", camera.url("main").toString()}};
        if (withSub) {
            body.insert("subAddress", camera.url("sub").toString());
        }
        const ApiReply added = m_admin->post("/api/v1/devices", body);
        if (added.status != 201) {
            qWarning() << test::describe(added);
            return {};
        }
        const QString device = added.json.value("id").toString();
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired()) {
            const QJsonArray channels = m_admin->get("/api/v1/devices/" + device).json.value("channels").toArray();
            if (!channels.isEmpty()) {
                const QString channel = channels.first().toObject().value("id").toString();
                m_admin->put("/api/v1/recording/channels/" + channel, QJsonObject{{"mode", "off"}});
                return channel;
            }
            QTest::qWait(200);
        }
        return {};
    }

    QJsonObject motion(const QString& channel) { return m_admin->get("/api/v1/channels/" + channel + "/motion").json; }
    QJsonObject status(const QString& channel) { return motion(channel).value("status").toObject(); }
    ApiReply setMotion(const QString& channel, const QJsonObject& body) {
        return m_admin->put("/api/v1/channels/" + channel + "/motion", body);
    }
    QJsonArray search(const QString& query) { return m_admin->get("/api/v1/events?" + query).json.value("events").toArray(); }

    qint64 mainPackets(const QString& channel) {
        return m_admin->get("/api/v1/channels/" + channel).json.value("streams").toObject().value("main").toObject().value("packets").toInteger();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.recordingSegmentMs = 2000;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        // Only the rule records here.
        QJsonObject storage = m_admin->get("/api/v1/recording/storage").json.value("settings").toObject();
        QJsonObject primary = storage.value("primary").toObject();
        primary.remove("role");
        const ApiReply stored = m_admin->put("/api/v1/recording/storage", QJsonObject{{"primary", primary}, {"defaultMode", "off"}});
        QVERIFY2(stored.status == 200, qPrintable(test::describe(stored)));

        m_ball = camera({"main:h264", "sub:h264"}, "ball", false);
        m_still = camera({"main:h264"}, "smpte100", false);
        m_clock = camera({"main:h264"}, "smpte100", true);
        for (GstCamera* each : {m_ball.get(), m_still.get(), m_clock.get()}) {
            QString error;
            QVERIFY2(each->start(&error), qPrintable(error));
        }
        m_ballChannel = addCamera(*m_ball, true);
        m_stillChannel = addCamera(*m_still, false);
        m_clockChannel = addCamera(*m_clock, false);
        QVERIFY(!m_ballChannel.isEmpty() && !m_stillChannel.isEmpty() && !m_clockChannel.isEmpty());
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_ball.reset();
        m_still.reset();
        m_clock.reset();
    }

    void settingsAreStrictAndNeedDeviceConfig() {
        const ApiReply got = m_admin->get("/api/v1/channels/" + m_ballChannel + "/motion");
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json.value("enabled").toBool(), false);  // off until asked for
        QCOMPARE(got.json.value("sensitivity").toInt(), 50);
        QCOMPARE(got.json.value("regions").toArray(), gridWithout(0, -1, 0, -1));
        QCOMPARE(got.json.value("status").toObject().value("state").toString(), QStringLiteral("off"));
        const auto shapes = test::requiredFields(QStringLiteral(VIGIL_SOURCE_DIR) + "/server/api/devices.yaml");
        QCOMPARE(test::sortedKeys(got.json), shapes.value("MotionSettings"));
        QCOMPARE(test::sortedKeys(got.json.value("status").toObject()), shapes.value("MotionStatus"));

        ApiReply refused = setMotion(m_ballChannel, {{"sensitivity", 0}});
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.message().contains("sensitivity"));
        refused = setMotion(m_ballChannel, {{"regions", QJsonArray{"1111"}}});
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.message().contains("12"));
        QCOMPARE(setMotion(m_ballChannel, {{"enable", true}}).status, 400);
        QCOMPARE(setMotion("no-such-channel", {{"enabled", true}}).status, 404);
        QCOMPARE(m_admin->get("/api/v1/channels/no-such-channel/motion").status, 404);
        QCOMPARE(motion(m_ballChannel).value("enabled").toBool(), false);  // nothing was stored

        // Operators watch; configuring detection is device_config.
        QCOMPARE(m_admin->post("/api/v1/users", QJsonObject{{"userName", "olga"}, {"roleId", "operator"}, {"password", kUserPassword}}).status, 201);
        ApiSession operatorSession(*m_engine);
        QCOMPARE(operatorSession.login("olga", kUserPassword).status, 200);
        QCOMPARE(operatorSession.get("/api/v1/channels/" + m_ballChannel + "/motion").status, 403);
        QCOMPARE(operatorSession.put("/api/v1/channels/" + m_ballChannel + "/motion", {{"enabled", true}}).status, 403);
    }

    void movingContentRaisesMotionThatARuleTurnsIntoAnAlarmWithRecording() {
        const ApiReply made = m_admin->post(
            "/api/v1/events/rules",
            QJsonObject{{"name", "Yard intrusion"},
                        {"filter", QJsonObject{{"kinds", QJsonArray{"motion"}}, {"sourceIds", QJsonArray{m_ballChannel}}}},
                        {"actions", QJsonArray{QJsonObject{{"type", "alarm"}, {"severity", "critical"}},
                                               QJsonObject{{"type", "record"}, {"preEventMs", 2000}, {"postEventMs", 3000}}}},
                        {"debounceMs", 0}});
        QVERIFY2(made.status == 201, qPrintable(test::describe(made)));
        // The hub can only keep what it received: more than the pre-event time (15 fps).
        QTRY_VERIFY_WITH_TIMEOUT(mainPackets(m_ballChannel) >= 60, kWaitMs);
        QCOMPARE(search("kind=motion&source=" + m_ballChannel).size(), 0);

        const ApiReply enabled = setMotion(m_ballChannel, {{"enabled", true}});
        QVERIFY2(enabled.status == 200, qPrintable(test::describe(enabled)));
        QCOMPARE(enabled.json.value("enabled").toBool(), true);
        QVERIFY(enabled.json.value("updatedMs").toInteger() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(search("kind=motion&source=" + m_ballChannel).size() == 1, kWaitMs);
        const QJsonObject event = search("kind=motion&source=" + m_ballChannel).first().toObject();
        const QJsonObject details = event.value("details").toObject();
        QCOMPARE(details.value("origin").toString(), QStringLiteral("server"));
        QCOMPARE(details.value("stream").toString(), QStringLiteral("sub"));
        QCOMPARE(details.value("active").toBool(), true);
        QVERIFY(details.value("changedCells").toInt() > 0);
        QCOMPARE(event.value("sourceType").toString(), QStringLiteral("channel"));
        QCOMPARE(event.value("channelId").toString(), m_ballChannel);
        // The rule treated it as it treats a camera's own motion.
        QCOMPARE(event.value("alarmState").toString(), QStringLiteral("new"));
        QCOMPARE(event.value("ruleId").toString(), made.json.value("id").toString());
        QCOMPARE(event.value("severity").toString(), QStringLiteral("critical"));

        const QJsonObject watching = status(m_ballChannel);
        qInfo() << "detector status" << watching;
        QCOMPARE(watching.value("stream").toString(), QStringLiteral("sub"));
        QCOMPARE(watching.value("message").toString(), QString());
        QVERIFY(watching.value("compared").toInteger() > 0);
        QVERIFY(watching.value("decoded").toInteger() >= watching.value("compared").toInteger());
        QVERIFY(watching.value("packets").toInteger() >= watching.value("decoded").toInteger());

        // Recorded from before the event (the hub's history), although the channel's mode is off.
        const qint64 eventMs = event.value("timeMs").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                  .arg(m_ballChannel)
                                                  .arg(eventMs - 60000)
                                                  .arg(eventMs + 60000))
                                         .json.value("periods")
                                         .toArray()
                                         .size() == 1,
                                 kWaitMs);
        const QJsonObject period = m_admin->get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                    .arg(m_ballChannel)
                                                    .arg(eventMs - 60000)
                                                    .arg(eventMs + 60000))
                                       .json.value("periods")
                                       .toArray()
                                       .first()
                                       .toObject();
        qInfo() << "clip starts" << eventMs - period.value("startMs").toInteger() << "ms before the event";
        QVERIFY(period.value("startMs").toInteger() < eventMs);
    }

    void motionEndsWhenThePictureStandsStill() {
        QTRY_COMPARE_WITH_TIMEOUT(status(m_ballChannel).value("state").toString(), QStringLiteral("motion"), kWaitMs);
        QCOMPARE(search("kind=motion_ended&source=" + m_ballChannel).size(), 0);
        m_ball->still();
        QTRY_VERIFY_WITH_TIMEOUT(search("kind=motion_ended&source=" + m_ballChannel).size() == 1, kWaitMs);
        const QJsonObject ended = search("kind=motion_ended&source=" + m_ballChannel).first().toObject();
        QCOMPARE(ended.value("details").toObject().value("origin").toString(), QStringLiteral("server"));
        QCOMPARE(ended.value("details").toObject().value("active").toBool(), false);
        QCOMPARE(status(m_ballChannel).value("state").toString(), QStringLiteral("watching"));
        // And stays ended while nothing moves.
        const qint64 compared = status(m_ballChannel).value("compared").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(status(m_ballChannel).value("compared").toInteger() >= compared + 25, kWaitMs);
        QCOMPARE(search("kind=motion&source=" + m_ballChannel).size(), 1);
        QCOMPARE(setMotion(m_ballChannel, {{"enabled", false}}).json.value("status").toObject().value("state").toString(),
                 QStringLiteral("off"));
    }

    void aStaticSceneRaisesNone() {
        const ApiReply enabled = setMotion(m_stillChannel, {{"enabled", true}});
        QVERIFY2(enabled.status == 200, qPrintable(test::describe(enabled)));
        // No sub stream: the main one, and the status says so.
        QCOMPARE(enabled.json.value("status").toObject().value("stream").toString(), QStringLiteral("main"));
        QVERIFY(enabled.json.value("status").toObject().value("message").toString().contains("no sub stream"));
        // Ten seconds of pictures (five a second), across several keyframes.
        QTRY_VERIFY_WITH_TIMEOUT(status(m_stillChannel).value("compared").toInteger() >= 50, kWaitMs);
        QCOMPARE(status(m_stillChannel).value("state").toString(), QStringLiteral("watching"));
        QCOMPARE(status(m_stillChannel).value("lastMotionMs").toInteger(), 0);
        QCOMPARE(search("source=" + m_stillChannel + "&kind=motion").size(), 0);
        setMotion(m_stillChannel, {{"enabled", false}});
    }

    void aRegionGridThatLeavesOutTheMovingAreaRaisesNone() {
        // The clock ticks at the top left (about 120 x 30 pixels of 640 x 360): cells of 40 x 30, so
        // the first 6 columns of the first 3 rows hold it with room to spare.
        const ApiReply masked = setMotion(m_clockChannel, {{"enabled", true}, {"sensitivity", 100}, {"regions", gridWithout(0, 5, 0, 2)}});
        QVERIFY2(masked.status == 200, qPrintable(test::describe(masked)));
        QCOMPARE(masked.json.value("regions").toArray(), gridWithout(0, 5, 0, 2));
        QTRY_VERIFY_WITH_TIMEOUT(status(m_clockChannel).value("compared").toInteger() >= 50, kWaitMs);
        QCOMPARE(search("source=" + m_clockChannel + "&kind=motion").size(), 0);

        // The same picture with the whole grid counting: the ticking clock is motion.
        const ApiReply whole = setMotion(m_clockChannel, {{"regions", gridWithout(0, -1, 0, -1)}});
        QVERIFY2(whole.status == 200, qPrintable(test::describe(whole)));
        QCOMPARE(whole.json.value("sensitivity").toInt(), 100);
        QTRY_VERIFY_WITH_TIMEOUT(search("source=" + m_clockChannel + "&kind=motion").size() >= 1, kWaitMs);
        // Stored: the engine's database has them after a restart of the events service too.
        QCOMPARE(motion(m_clockChannel).value("enabled").toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TstMotion)
#include "tst_motion.moc"
