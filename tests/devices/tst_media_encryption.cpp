// Media encryption status (SEC-2.4). Against a real engine: a GStreamer RTSP camera on 127.0.0.1
// (plain RTSP, main and sub streams) added with the rtsp driver shows its control, main and sub legs
// unencrypted and the client leg encrypted; a camera addressed by rtsps:// shows its control leg
// encrypted; a role without device_config is refused. The scheme rules (https, rtsps, wss encrypted;
// http, rtsp unencrypted; anything else unknown, never counted as encrypted) are checked on the pure
// function, since no RTSPS camera runs here.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "devices/media_encryption.h"
#include "engine/engine.h"
#include "support/api_yaml.h"
#include "support/gst_camera.h"
#include "support/test_engine.h"

using namespace vigil;
using server::MediaEncryption;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kWaitMs = 30000;  // bounds a hang only

QJsonObject deviceIn(const QJsonObject& report, const QString& id) {
    for (const QJsonValue& device : report.value("devices").toArray()) {
        if (device["deviceId"].toString() == id) {
            return device.toObject();
        }
    }
    return {};
}

QString stateOfLeg(const QJsonObject& device, const QString& leg) {
    for (const QJsonValue& entry : device.value("legs").toArray()) {
        if (entry["leg"].toString() == leg) {
            return entry["state"].toString();
        }
    }
    return {};
}

}  // namespace

class TestMediaEncryption : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    QString addDevice(const QJsonObject& body) {
        const ApiReply reply = m_admin->post("/api/v1/devices", body);
        if (reply.status != 201) {
            qWarning() << test::describe(reply);
            return {};
        }
        return reply.json.value("id").toString();
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

    void schemesDecideTheLegs() {
        QCOMPARE(MediaEncryption::legFor("main", "c", "rtsps://10.0.0.5:322/live").state, QStringLiteral("encrypted"));
        QCOMPARE(MediaEncryption::legFor("control", "", "https://10.0.0.5/onvif/device_service").state,
                 QStringLiteral("encrypted"));
        QCOMPARE(MediaEncryption::legFor("main", "c", "RTSP://10.0.0.5/live").state, QStringLiteral("unencrypted"));
        QCOMPARE(MediaEncryption::legFor("control", "", "http://10.0.0.5/onvif/device_service").state,
                 QStringLiteral("unencrypted"));
        QCOMPARE(MediaEncryption::legFor("control", "", "virtual://demo").state, QStringLiteral("unknown"));
        QCOMPARE(MediaEncryption::legFor("main", "c", "").state, QStringLiteral("unknown"));

        core::model::Device device;
        device.id = "d";
        device.address = "https://10.0.0.5/onvif/device_service";
        core::model::Channel channel;
        channel.id = "c";
        channel.mainUrl = "rtsps://10.0.0.5:322/main";
        device.channels = {channel};
        QVERIFY(MediaEncryption::of(device).cameraEncrypted);
        device.channels[0].subUrl = "rtsp://10.0.0.5/sub";  // one plain leg is enough to say no
        QVERIFY(!MediaEncryption::of(device).cameraEncrypted);
        device.channels[0].subUrl.clear();
        device.address = "virtual://demo";  // unknown is not encrypted
        QVERIFY(!MediaEncryption::of(device).cameraEncrypted);
    }

    void aPlainRtspCameraShowsItsUnencryptedLegs() {
        test::GstCamera::Options options;
        options.mounts = QStringList{"main:h264", "sub:h264"};
        test::GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const QString id = addDevice(QJsonObject{{"driver", "rtsp"},
                                                 {"address", camera.url("main").toString()},
                                                 {"subAddress", camera.url("sub").toString()},
                                                 {"name", "Loading bay"}});
        QVERIFY(!id.isEmpty());
        // The channels (and their stream URLs) are known once the camera is described.
        QJsonObject device;
        QVERIFY(QTest::qWaitFor(
            [&] {
                device = deviceIn(m_admin->get("/api/v1/devices/encryption").json, id);
                return stateOfLeg(device, "main") == QLatin1String("unencrypted") &&
                       stateOfLeg(device, "sub") == QLatin1String("unencrypted");
            },
            kWaitMs));
        QCOMPARE(device.value("name").toString(), QStringLiteral("Loading bay"));
        QCOMPARE(stateOfLeg(device, "client"), QStringLiteral("encrypted"));
        QCOMPARE(stateOfLeg(device, "control"), QStringLiteral("unencrypted"));
        QCOMPARE(device.value("cameraEncrypted").toBool(), false);
        const auto required =
            test::requiredFields(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + "/server/api/system.yaml");
        QCOMPARE(test::sortedKeys(device), required.value("DeviceEncryption"));
        QCOMPARE(test::sortedKeys(device.value("legs")[0].toObject()), required.value("EncryptionLeg"));

        const QString secure = addDevice(
            QJsonObject{{"driver", "rtsp"}, {"address", QStringLiteral("rtsps://127.0.0.1:%1/main").arg(test::closedPort())}});
        QVERIFY(!secure.isEmpty());
        const ApiReply report = m_admin->get("/api/v1/devices/encryption");
        QVERIFY2(report.status == 200, qPrintable(test::describe(report)));
        QCOMPARE(stateOfLeg(deviceIn(report.json, secure), "control"), QStringLiteral("encrypted"));
        const QJsonObject summary = report.json.value("summary").toObject();
        QCOMPARE(summary.value("devices").toInt(), 2);
        QVERIFY(summary.value("unencryptedLegs").toInt() >= 3);
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void itNeedsDeviceConfig() {
        const QJsonObject viewer{{"userName", "vera"}, {"roleId", "viewer"}, {"password", "Kestrel!Wing7"}};
        QCOMPARE(m_admin->post("/api/v1/users", viewer).status, 201);
        ApiSession session(*m_engine);
        QCOMPARE(session.login("vera", "Kestrel!Wing7").status, 200);
        const ApiReply refused = session.get("/api/v1/devices/encryption");
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.message().contains("device_config"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestMediaEncryption)
#include "tst_media_encryption.moc"
