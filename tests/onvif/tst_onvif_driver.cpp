// The "onvif" driver against vigil-testcamera's ONVIF side on 127.0.0.1 (issue 4): describe by
// address (profiles to channels, stream and snapshot URIs, device information for SEC-1.4), the
// camera's clock offset, discovery by unicast probe, PTZ calls that reach the camera (it prints
// each one), events pulled from a pull point, users and password change (SEC-1.2), NTP, HTTP
// Digest fallback, and bad input: a wrong password is device_unauthorised, malformed answers are
// device_bad_answer, a silent camera can be cancelled, a closed port is device_unreachable; the
// test camera keeps running through all of it. Multicast discovery runs in tst_onvif_multicast.

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <array>
#include <thread>
#include <vector>

#include "onvif/onvif_driver.h"
#include "netns_run.h"
#include "onvif_test_camera.h"

using vigil::core::devices::Cancellation;
using vigil::core::devices::DeviceAddress;
using vigil::core::devices::DeviceDescription;
using vigil::core::devices::DeviceEvent;
using vigil::core::devices::DiscoveryRequest;
using vigil::plugins::onvif::OnvifDriver;
using vigil::test::OnvifTestCamera;
using vigil::test::why;
namespace devices = vigil::core::devices;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("Cam3ra!pass");

DeviceAddress address(const OnvifTestCamera& camera, const QString& name, const QString& password = kPassword) {
    DeviceAddress device;
    device.driver = QStringLiteral("onvif");
    device.address = camera.deviceUrl(name);
    device.user = kUser;
    device.password = password;
    return device;
}

QString cameraSpec(const QString& name, bool ptz) {
    return QStringLiteral("name=%1,user=%2,password=%3%4").arg(name, kUser, kPassword, ptz ? QStringLiteral(",ptz=1") : QString());
}

}  // namespace

class TestOnvifDriver : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_camera.start({cameraSpec(QStringLiteral("cam1"), true), cameraSpec(QStringLiteral("cam2"), false)}, {},
                                &error),
                 qPrintable(error));
    }

    void cleanupTestCase() { m_camera.stop(); }

    void init() {
        OnvifDriver::forgetAll();  // each test starts without what earlier ones taught the driver
        QCOMPARE(m_camera.command(QStringLiteral("onvif-fault cam1 none")), QStringLiteral("ok"));
    }

    void describeByAddress() {
        OnvifDriver driver;
        Cancellation cancel;
        auto description = driver.describe(address(m_camera, QStringLiteral("cam1")), cancel);
        QVERIFY2(description.ok(), why(description));
        QCOMPARE(description->manufacturer, QStringLiteral("Vigil"));
        QCOMPARE(description->model, QStringLiteral("vigil-testcamera"));
        QCOMPARE(description->firmware, QStringLiteral(VIGIL_VERSION));
        QCOMPARE(description->serialNumber, QStringLiteral("VTC-cam1"));
        QCOMPARE(description->channels.size(), 1);
        const devices::ChannelDescription& channel = description->channels.first();
        QCOMPARE(channel.token, QStringLiteral("vs"));
        QCOMPARE(channel.mainProfileToken, QStringLiteral("main"));
        QCOMPARE(channel.subProfileToken, QStringLiteral("sub"));
        QCOMPARE(channel.mainStream, m_camera.rtspUrl(QStringLiteral("cam1")));
        QCOMPARE(channel.subStream, m_camera.rtspUrl(QStringLiteral("cam1")));
        QCOMPARE(channel.snapshot.path(), QStringLiteral("/onvif/cam1/snapshot.jpg"));
        QVERIFY(channel.ptz);
        QVERIFY(description->clockOffsetMs.has_value());
        // Same machine, same clock: the offset is what whole seconds and one round trip allow.
        QVERIFY2(std::abs(*description->clockOffsetMs) <= 2000, qPrintable(QString::number(*description->clockOffsetMs)));

        auto plain = driver.describe(address(m_camera, QStringLiteral("cam2")), cancel);
        QVERIFY2(plain.ok(), why(plain));
        QVERIFY(!plain->channels.first().ptz);
    }

    void wrongPasswordIsUnauthorised() {
        OnvifDriver driver;
        Cancellation cancel;
        auto description = driver.describe(address(m_camera, QStringLiteral("cam1"), QStringLiteral("wrong")), cancel);
        QVERIFY(!description.ok());
        QCOMPARE(description.error().code, QString::fromLatin1(devices::kErrorUnauthorised));
        QVERIFY2(description.error().message.contains(QStringLiteral("credentials")),
                 qPrintable(description.error().message));
    }

    void discoverByUnicastProbe() {
        OnvifDriver driver;
        Cancellation cancel;
        DiscoveryRequest request;
        request.unicastHost = QStringLiteral("127.0.0.1");
        request.unicastPort = m_camera.discoveryPort();
        request.timeoutMs = 1500;
        auto found = driver.discover(request, cancel);
        QVERIFY2(found.ok(), why(found));
        QCOMPARE(found->size(), 2);
        QMap<QString, devices::DiscoveredDevice> byName;
        for (const auto& device : *found) {
            byName.insert(device.name, device);
        }
        QCOMPARE(byName.value(QStringLiteral("cam1")).address, m_camera.deviceUrl(QStringLiteral("cam1")));
        QCOMPARE(byName.value(QStringLiteral("cam2")).address, m_camera.deviceUrl(QStringLiteral("cam2")));
        QCOMPARE(byName.value(QStringLiteral("cam1")).hardware, QStringLiteral("vigil-testcamera"));
        QCOMPARE(byName.value(QStringLiteral("cam1")).driver, QStringLiteral("onvif"));
        QVERIFY(byName.value(QStringLiteral("cam1")).endpointReference.startsWith(QStringLiteral("urn:uuid:")));
        QVERIFY(byName.value(QStringLiteral("cam1")).endpointReference !=
                byName.value(QStringLiteral("cam2")).endpointReference);

        // What discovery found is what describe takes.
        DeviceAddress device = address(m_camera, QStringLiteral("cam1"));
        device.address = byName.value(QStringLiteral("cam1")).address;
        QVERIFY(driver.describe(device, cancel).ok());
    }

    void discoveryOfNothingIsEmptyOrUnreachable() {
        // A port where nothing listens: the probe bounces (ICMP port unreachable) or times out.
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 port = closed.localPort();
        closed.close();
        OnvifDriver driver;
        Cancellation cancel;
        DiscoveryRequest request;
        request.unicastHost = QStringLiteral("127.0.0.1");
        request.unicastPort = port;
        request.timeoutMs = 500;
        auto found = driver.discover(request, cancel);
        QVERIFY(found.ok() ? found->isEmpty() : found.error().code == QLatin1String(devices::kErrorUnreachable));
    }

    void ptzCallsReachTheCamera() {
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress device = address(m_camera, QStringLiteral("cam1"));
        QVERIFY(driver.ptzMove(device, QStringLiteral("vs"), 0.5, -0.25, 0, cancel).ok());
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 ContinuousMove")),
                 QStringLiteral("onvif ptz cam1 ContinuousMove profile=main pan=0.5 tilt=-0.25 zoom=0"));
        QVERIFY(driver.ptzStop(device, QStringLiteral("vs"), cancel).ok());
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 Stop")),
                 QStringLiteral("onvif ptz cam1 Stop profile=main pantilt=true zoom=true"));

        auto token = driver.ptzSetPreset(device, QStringLiteral("vs"), QStringLiteral("Front <door>"), cancel);
        QVERIFY2(token.ok(), why(token));
        QVERIFY(!token->isEmpty());
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 SetPreset")),
                 QStringLiteral("onvif ptz cam1 SetPreset profile=main name=Front <door> token=%1").arg(*token));
        auto presets = driver.ptzPresets(device, QStringLiteral("vs"), cancel);
        QVERIFY2(presets.ok(), why(presets));
        bool listed = false;
        for (const auto& preset : *presets) {
            listed = listed || (preset.token == *token && preset.name == QStringLiteral("Front <door>"));
        }
        QVERIFY(listed);
        QVERIFY(driver.ptzGotoPreset(device, QStringLiteral("vs"), *token, cancel).ok());
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 GotoPreset")),
                 QStringLiteral("onvif ptz cam1 GotoPreset profile=main token=%1").arg(*token));

        // A preset the camera does not have: its fault, quoted.
        auto missing = driver.ptzGotoPreset(device, QStringLiteral("vs"), QStringLiteral("99"), cancel);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QString::fromLatin1(devices::kErrorBadAnswer));
        QVERIFY2(missing.error().message.contains(QStringLiteral("no preset")), qPrintable(missing.error().message));
        QVERIFY(!m_camera.waitForLine(QStringLiteral("onvif ptz cam1 GotoPreset")).isEmpty());

        // A camera without PTZ.
        auto none = driver.ptzMove(address(m_camera, QStringLiteral("cam2")), QStringLiteral("vs"), 1, 0, 0, cancel);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QString::fromLatin1(devices::kErrorNotSupported));
    }

    void laterCallsReuseWhatTheDriverLearnt() {
        // The registry makes a new driver for each call; what describe learnt (clock offset, service
        // addresses, profiles) still spares the next call three requests.
        Cancellation cancel;
        const DeviceAddress device = address(m_camera, QStringLiteral("cam1"));
        QVERIFY(OnvifDriver().describe(device, cancel).ok());
        const int before = m_camera.command(QStringLiteral("onvif-requests cam1")).mid(3).toInt();
        QVERIFY(OnvifDriver().ptzStop(device, QStringLiteral("vs"), cancel).ok());
        QCOMPARE(m_camera.command(QStringLiteral("onvif-requests cam1")).mid(3).toInt(), before + 1);

        // Without it: the clock, the services, the profiles, then the call.
        OnvifDriver::forgetAll();
        QVERIFY(OnvifDriver().ptzStop(device, QStringLiteral("vs"), cancel).ok());
        QCOMPARE(m_camera.command(QStringLiteral("onvif-requests cam1")).mid(3).toInt(), before + 5);
    }

    void eventsArePulled() {
        OnvifDriver driver;
        Cancellation cancel;
        auto stream = driver.subscribeEvents(address(m_camera, QStringLiteral("cam1")), cancel);
        QVERIFY2(stream.ok(), why(stream));
        QCOMPARE(m_camera.command(QStringLiteral("pullpoints cam1")), QStringLiteral("ok 1"));

        // The current state first (as cameras send it), then the motion we raise.
        auto initial = (*stream)->pull(1000, cancel);
        QVERIFY2(initial.ok(), why(initial));
        QCOMPARE(initial->size(), 1);
        QCOMPARE(initial->first().topic, QStringLiteral("motion"));
        QVERIFY(!initial->first().active);

        QCOMPARE(m_camera.command(QStringLiteral("motion cam1 on")), QStringLiteral("ok"));
        auto pulled = (*stream)->pull(5000, cancel);
        QVERIFY2(pulled.ok(), why(pulled));
        QCOMPARE(pulled->size(), 1);
        const DeviceEvent& motion = pulled->first();
        QCOMPARE(motion.topic, QStringLiteral("motion"));
        QCOMPARE(motion.channelToken, QStringLiteral("vs"));  // the configuration token mapped to the source
        QVERIFY(motion.active);
        QVERIFY(motion.time.isValid());
        QCOMPARE(m_camera.command(QStringLiteral("motion cam1 off")), QStringLiteral("ok"));
        auto off = (*stream)->pull(5000, cancel);
        QVERIFY(off.ok());
        QCOMPARE(off->size(), 1);
        QVERIFY(!off->first().active);

        // A pull with nothing to report waits and comes back empty.
        auto quiet = (*stream)->pull(1000, cancel);
        QVERIFY(quiet.ok());
        QVERIFY(quiet->isEmpty());

        stream->reset();  // unsubscribes
        QCOMPARE(m_camera.command(QStringLiteral("pullpoints cam1")), QStringLiteral("ok 0"));
    }

    void usersAndPassword() {
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress device = address(m_camera, QStringLiteral("cam2"));
        auto users = driver.users(device, cancel);
        QVERIFY2(users.ok(), why(users));
        QCOMPARE(users->size(), 1);
        QCOMPARE(users->first().name, kUser);
        QCOMPARE(users->first().level, QStringLiteral("Administrator"));

        const QString changed = QStringLiteral("N3w!Secret");
        QVERIFY(driver.setUserPassword(device, kUser, changed, cancel).ok());
        auto old = driver.describe(device, cancel);
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, QString::fromLatin1(devices::kErrorUnauthorised));
        DeviceAddress updated = device;
        updated.password = changed;
        QVERIFY(driver.describe(updated, cancel).ok());
        QVERIFY(driver.setUserPassword(updated, kUser, kPassword, cancel).ok());
        QVERIFY(driver.describe(device, cancel).ok());

        auto unknown = driver.setUserPassword(device, QStringLiteral("nobody"), changed, cancel);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("device_user_unknown"));
    }

    void timeAndNtp() {
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress device = address(m_camera, QStringLiteral("cam2"));
        auto before = driver.time(device, cancel);
        QVERIFY2(before.ok(), why(before));
        QVERIFY(!before->ntp);
        QVERIFY(std::abs(before->utc.secsTo(QDateTime::currentDateTimeUtc())) <= 2);
        const QStringList servers = {QStringLiteral("192.0.2.1"), QStringLiteral("ntp.example.org")};
        QVERIFY(driver.setNtp(device, servers, cancel).ok());
        auto after = driver.time(device, cancel);
        QVERIFY(after.ok());
        QVERIFY(after->ntp);
        QCOMPARE(after->ntpServers, servers);
    }

    void malformedAnswersAreBadAnswers_data() {
        QTest::addColumn<QString>("fault");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("html") << QStringLiteral("html");
    }

    void malformedAnswersAreBadAnswers() {
        QFETCH(QString, fault);
        QCOMPARE(m_camera.command(QStringLiteral("onvif-fault cam1 ") + fault), QStringLiteral("ok"));
        OnvifDriver driver;
        Cancellation cancel;
        auto description = driver.describe(address(m_camera, QStringLiteral("cam1")), cancel);
        QVERIFY(!description.ok());
        QCOMPARE(description.error().code, QString::fromLatin1(devices::kErrorBadAnswer));
        auto move = driver.ptzMove(address(m_camera, QStringLiteral("cam1")), QStringLiteral("vs"), 0.1, 0, 0, cancel);
        QVERIFY(!move.ok());
        QCOMPARE(m_camera.command(QStringLiteral("onvif-fault cam1 none")), QStringLiteral("ok"));
        QVERIFY(driver.describe(address(m_camera, QStringLiteral("cam1")), cancel).ok());
        QVERIFY(m_camera.isRunning());
    }

    void silentCameraIsCancelled() {
        QCOMPARE(m_camera.command(QStringLiteral("onvif-fault cam1 silent")), QStringLiteral("ok"));
        OnvifDriver driver;
        Cancellation cancel;
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel.cancel();
        });
        auto description = driver.describe(address(m_camera, QStringLiteral("cam1")), cancel);
        canceller.join();
        QVERIFY(!description.ok());
        QCOMPARE(description.error().code, QString::fromLatin1(devices::kErrorCancelled));
    }

    void closedPortIsUnreachable() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        OnvifDriver driver;
        Cancellation cancel;
        DeviceAddress device = address(m_camera, QStringLiteral("cam1"));
        device.address.setPort(port);
        auto description = driver.describe(device, cancel);
        QVERIFY(!description.ok());
        QCOMPARE(description.error().code, QString::fromLatin1(devices::kErrorUnreachable));
        QVERIFY2(description.error().message.contains(QString::number(port)), qPrintable(description.error().message));
    }

    void notAnOnvifPathIsNamed() {
        OnvifDriver driver;
        Cancellation cancel;
        DeviceAddress device = address(m_camera, QStringLiteral("cam1"));
        device.address.setPath(QStringLiteral("/onvif/nothing/device_service"));
        auto description = driver.describe(device, cancel);
        QVERIFY(!description.ok());
        QCOMPARE(description.error().code, QString::fromLatin1(devices::kErrorBadAnswer));
        QVERIFY2(description.error().message.contains(QStringLiteral("404")), qPrintable(description.error().message));
    }

    void driverIsSafeOnSeveralThreads() {
        // The devices service calls one driver from several workers at once.
        OnvifDriver driver;
        std::array<bool, 4> results{};
        std::vector<std::thread> calls;
        for (int i = 0; i < 4; ++i) {
            calls.emplace_back([&driver, &results, this, i] {
                Cancellation cancel;
                const DeviceAddress device = address(m_camera, i % 2 ? QStringLiteral("cam1") : QStringLiteral("cam2"));
                results[i] = driver.describe(device, cancel).ok() && driver.users(device, cancel).ok();
            });
        }
        for (auto& call : calls) {
            call.join();
        }
        for (bool result : results) {
            QVERIFY(result);
        }
    }

private:
    OnvifTestCamera m_camera;
};

// Cameras whose clock is an hour ahead, and cameras that want HTTP Digest instead of WS-Security.
class TestOnvifDriverCameraKinds : public QObject {
    Q_OBJECT

private slots:
    void clockOffsetIsMeasuredAndUsed() {
        OnvifTestCamera camera;
        QString error;
        QVERIFY2(camera.start({cameraSpec(QStringLiteral("ahead"), true)},
                              {QStringLiteral("--onvif-clock-offset"), QStringLiteral("3600")}, &error),
                 qPrintable(error));
        OnvifDriver driver;
        Cancellation cancel;
        // Without the offset, tokens would be an hour off and refused (the camera allows 5 min).
        auto description = driver.describe(address(camera, QStringLiteral("ahead")), cancel);
        QVERIFY2(description.ok(), why(description));
        QVERIFY(description->clockOffsetMs.has_value());
        QVERIFY2(std::abs(*description->clockOffsetMs - 3'600'000) <= 2000,
                 qPrintable(QString::number(*description->clockOffsetMs)));
        // Later calls use the remembered offset.
        QVERIFY(driver.ptzStop(address(camera, QStringLiteral("ahead")), QStringLiteral("vs"), cancel).ok());
        QVERIFY(!camera.waitForLine(QStringLiteral("onvif ptz ahead Stop")).isEmpty());
    }

    void multicastDiscoveryInANamespace() {
        // The probe goes to 239.255.255.250:3702 on every multicast interface; in the namespace that
        // is loopback alone, where the camera has joined the group (run_in_netns.sh).
        QString why;
        if (!vigil::test::netnsAvailable(&why)) {
            QSKIP(qPrintable(why));
        }
        const vigil::test::ToolRun run = vigil::test::runInNetns(
            {cameraSpec(QStringLiteral("north"), false), cameraSpec(QStringLiteral("south"), true)},
            {QStringLiteral(VIGIL_ONVIF_BUILD_DIR "/onvif_discover"), QStringLiteral("2000")});
        QVERIFY2(run.ok(), qPrintable(run.describe() + QString::fromUtf8(run.out)));
        const QJsonArray devices = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 2);
        QStringList names;
        for (const QJsonValue& device : devices) {
            names.append(device.toObject().value(QStringLiteral("name")).toString());
            QVERIFY(device.toObject().value(QStringLiteral("address")).toString().startsWith(QStringLiteral("http://127.0.0.1:")));
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("north"), QStringLiteral("south")}));
    }

    void httpDigestFallback() {
        OnvifTestCamera camera;
        QString error;
        QVERIFY2(camera.start({cameraSpec(QStringLiteral("digest"), true)},
                              {QStringLiteral("--onvif-auth"), QStringLiteral("digest")}, &error),
                 qPrintable(error));
        OnvifDriver driver;
        Cancellation cancel;
        auto description = driver.describe(address(camera, QStringLiteral("digest")), cancel);
        QVERIFY2(description.ok(), why(description));
        QVERIFY(driver.ptzMove(address(camera, QStringLiteral("digest")), QStringLiteral("vs"), 0, 0, 1, cancel).ok());
        QVERIFY(!camera.waitForLine(QStringLiteral("onvif ptz digest ContinuousMove")).isEmpty());
        auto refused = driver.describe(address(camera, QStringLiteral("digest"), QStringLiteral("wrong")), cancel);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QString::fromLatin1(devices::kErrorUnauthorised));
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestOnvifDriver test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestOnvifDriverCameraKinds test;
        status |= QTest::qExec(&test, argc, argv);
    }
    return status;
}

#include "tst_onvif_driver.moc"
