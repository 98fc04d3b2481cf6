// The ONVIF path end to end (issue 4, "Done means"): a real engine on 127.0.0.1 finds
// vigil-testcamera's ONVIF devices with a discovery job (unicast probe to the camera's discovery
// port), adds one from the discovery result and one by its ONVIF address; both go online with the
// stream the ONVIF profile names (the stream hub reads the test camera's RTSP with the same
// credentials) and show model and firmware (SEC-1.4); PTZ calls through the API reach the camera
// (it prints each one); a wrong password shows the device as unauthorised, the right one online again.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "onvif_test_camera.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::OnvifTestCamera;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kCameraUser = QStringLiteral("operator");
const QString kCameraPassword = QStringLiteral("Lens-Secret-83q");
constexpr int kStateTimeoutMs = 45000;  // bounds a hang only

QString stateOf(const QJsonObject& device) {
    return device.value("status").toObject().value("state").toString();
}

}  // namespace

class TestOnvifEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=gate,user=%1,password=%2,ptz=1").arg(kCameraUser, kCameraPassword),
                                 QStringLiteral("name=yard,user=%1,password=%2").arg(kCameraUser, kCameraPassword)},
                                {}, &error),
                 qPrintable(error));
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; not what is tested here
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        QVERIFY(QJsonDocument(m_admin->get("/api/v1/device-drivers").json).toJson().contains("\"onvif\""));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_camera.stop();
    }

    void addedByDiscoveryAndByAddress() {
        QJsonArray found = discover();
        QCOMPARE(found.size(), 2);
        QJsonObject gate;
        for (const QJsonValue& device : found) {
            QCOMPARE(device.toObject().value("driver").toString(), QStringLiteral("onvif"));
            QVERIFY(device.toObject().value("deviceId").isNull());
            if (device.toObject().value("name").toString() == QStringLiteral("gate")) {
                gate = device.toObject();
            }
        }
        QCOMPARE(QUrl(gate.value("address").toString()), m_camera.deviceUrl(QStringLiteral("gate")));

        // From the discovery result, and by ONVIF address.
        m_gate = add(gate.value("address").toString(), QStringLiteral("Gate"), kCameraPassword);
        m_yard = add(m_camera.deviceUrl(QStringLiteral("yard")).toString(), QStringLiteral("Yard"), kCameraPassword);
        QVERIFY(!m_gate.isEmpty() && !m_yard.isEmpty());
        for (const QString& id : {m_gate, m_yard}) {
            const QJsonObject online = waitForState(id, {"online"});
            QCOMPARE(stateOf(online), QStringLiteral("online"));
            QCOMPARE(online.value("manufacturer").toString(), QStringLiteral("Vigil"));
            QCOMPARE(online.value("model").toString(), QStringLiteral("vigil-testcamera"));
            QCOMPARE(online.value("firmware").toString(), QStringLiteral(VIGIL_VERSION));
            QCOMPARE(online.value("channels").toArray().size(), 1);
        }
        const QJsonObject channel = device(m_gate).value("channels").toArray().first().toObject();
        QCOMPARE(QUrl(channel.value("mainUrl").toString()), m_camera.rtspUrl(QStringLiteral("gate")));
        QVERIFY(channel.value("ptz").toBool());
        QVERIFY(!device(m_yard).value("channels").toArray().first().toObject().value("ptz").toBool());
        // The stream the profile names plays: the hub reads it with the device's credentials.
        QJsonObject stream;
        QTRY_VERIFY_WITH_TIMEOUT((stream = device(m_gate).value("channels").toArray().first().toObject()
                                               .value("streams").toObject().value("main").toObject())
                                         .value("state").toString() == QStringLiteral("live"),
                                 30000);
        QCOMPARE(stream.value("codec").toString(), QStringLiteral("h264"));

        // A second discovery names the devices already added.
        found = discover();
        QCOMPARE(found.size(), 2);
        for (const QJsonValue& device : found) {
            const QString expected = device.toObject().value("name").toString() == QStringLiteral("gate") ? m_gate : m_yard;
            QCOMPARE(device.toObject().value("deviceId").toString(), expected);
        }
    }

    void ptzThroughTheApiReachesTheCamera() {
        QVERIFY(!m_gate.isEmpty());
        const QString channel = device(m_gate).value("channels").toArray().first().toObject().value("id").toString();
        ApiReply reply = m_admin->post("/api/v1/channels/" + channel + "/ptz/move", QJsonObject{{"pan", -0.5}, {"zoom", 0.25}});
        QCOMPARE(reply.status, 202);
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz gate ContinuousMove"), 20000),
                 QStringLiteral("onvif ptz gate ContinuousMove profile=main pan=-0.5 tilt=0 zoom=0.25"));
        QCOMPARE(m_admin->post("/api/v1/channels/" + channel + "/ptz/stop").status, 202);
        QVERIFY(!m_camera.waitForLine(QStringLiteral("onvif ptz gate Stop"), 20000).isEmpty());
        QCOMPARE(m_admin->post("/api/v1/channels/" + channel + "/ptz/presets", QJsonObject{{"name", "Dock"}}).status, 202);
        const QString set = m_camera.waitForLine(QStringLiteral("onvif ptz gate SetPreset"), 20000);
        QVERIFY2(set.contains(QStringLiteral("name=Dock token=")), qPrintable(set));
        const QString token = set.section(QStringLiteral("token="), 1);
        QCOMPARE(m_admin->post("/api/v1/channels/" + channel + "/ptz/presets/" + token + "/goto").status, 202);
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz gate GotoPreset"), 20000),
                 QStringLiteral("onvif ptz gate GotoPreset profile=main token=") + token);
        // The presets list refreshes from the device.
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument(m_admin->get("/api/v1/channels/" + channel + "/ptz/presets").json)
                                     .toJson()
                                     .contains("\"Dock\""),
                                 20000);
    }

    void wrongPasswordShowsUnauthorised() {
        QVERIFY(!m_yard.isEmpty());
        QCOMPARE(m_admin->put("/api/v1/devices/" + m_yard, QJsonObject{{"password", "not-the-password"}}).status, 200);
        const QJsonObject refused = waitForState(m_yard, {"unauthorised"});
        QCOMPARE(stateOf(refused), QStringLiteral("unauthorised"));
        const QString reason = refused.value("status").toObject().value("reason").toString();
        QVERIFY2(reason.contains(QStringLiteral("credentials")), qPrintable(reason));
        QCOMPARE(m_admin->put("/api/v1/devices/" + m_yard, QJsonObject{{"password", kCameraPassword}}).status, 200);
        QCOMPARE(stateOf(waitForState(m_yard, {"online"})), QStringLiteral("online"));
    }

private:
    QJsonArray discover() {
        const ApiReply started = m_admin->post(
            "/api/v1/discovery-jobs", QJsonObject{{"drivers", QJsonArray{"onvif"}}, {"timeoutMs", 1500},
                                                  {"unicastHost", "127.0.0.1"}, {"unicastPort", m_camera.discoveryPort()}});
        if (started.status != 202) {
            qWarning().noquote() << test::describe(started);
            return {};
        }
        QJsonObject job;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() &&
               (job = m_admin->get("/api/v1/discovery-jobs/" + started.json.value("id").toString()).json)
                       .value("state")
                       .toString() == QStringLiteral("running")) {
            QTest::qWait(100);
        }
        if (job.value("state").toString() != QStringLiteral("succeeded")) {
            qWarning().noquote() << QJsonDocument(job).toJson(QJsonDocument::Compact);
        }
        return job.value("result").toObject().value("devices").toArray();
    }

    QString add(const QString& address, const QString& name, const QString& password) {
        const ApiReply reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "onvif"}, {"address", address},
                                                                            {"name", name}, {"userName", kCameraUser},
                                                                            {"password", password}});
        if (reply.status != 201) {
            qWarning().noquote() << test::describe(reply);
            return {};
        }
        return reply.json.value("id").toString();
    }

    QJsonObject device(const QString& id) { return m_admin->get("/api/v1/devices/" + id).json; }

    QJsonObject waitForState(const QString& id, const QStringList& states) {
        QJsonObject last;
        QDeadlineTimer deadline(kStateTimeoutMs);
        while (!deadline.hasExpired()) {
            last = device(id);
            if (states.contains(stateOf(last))) {
                return last;
            }
            QTest::qWait(200);
        }
        qWarning().noquote() << "device" << id << "never reached" << states << ":"
                             << QJsonDocument(last).toJson(QJsonDocument::Compact);
        return last;
    }

    QTemporaryDir m_dir;
    OnvifTestCamera m_camera;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_gate;
    QString m_yard;
};

QTEST_GUILESS_MAIN(TestOnvifEngine)
#include "tst_onvif_engine.moc"
