// Device security through ONVIF (issue 8): the "onvif" driver's securityInfo and the changes the
// device checks' fixes make, against vigil-testcamera's ONVIF side on 127.0.0.1 started with a
// weak admin password, an extra administrator, anonymous access, discovery on, its web page on
// plain HTTP and its clock 120 s off. Each change is proved by what the camera then does, not only
// by what it says: the old RTSP password is refused and the new one streams (ffprobe, SEC-1.2), a
// WS-Discovery probe goes unanswered (SEC-1.6), the web port refuses connections (SEC-1.6/1.10),
// the deleted user cannot sign in (SEC-1.2), and 802.1X and firmware are reported (SEC-3.2, 1.4).

#include <QTcpSocket>
#include <QTest>

#include "onvif/onvif_driver.h"
#include "onvif_test_camera.h"
#include "testcamera/run_tool.h"

using vigil::core::devices::Cancellation;
using vigil::core::devices::DeviceAddress;
using vigil::core::devices::DeviceProtocol;
using vigil::core::devices::DeviceSecurityInfo;
using vigil::core::devices::DiscoveryRequest;
using vigil::plugins::onvif::OnvifDriver;
using vigil::test::OnvifTestCamera;
using vigil::test::why;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kWeakPassword = QStringLiteral("admin123");
const QString kStrongPassword = QStringLiteral("Vk7#pq2-Lm9x");
constexpr int kClockOffsetSeconds = 120;

std::optional<DeviceProtocol> protocol(const DeviceSecurityInfo& info, const QString& name) {
    for (const DeviceProtocol& entry : info.protocols.value_or(QList<DeviceProtocol>())) {
        if (entry.name == name) {
            return entry;
        }
    }
    return std::nullopt;
}

bool portOpen(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(3000);
}

}  // namespace

class TestOnvifSecurity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=weak,user=%1,password=%2,extra-user=installer:install1:Administrator,"
                                                "extra-user=viewer:Look4Me!x:User,anonymous=1,firmware=2.1.0,dot1x=off")
                                     .arg(kUser, kWeakPassword),
                                 QStringLiteral("name=tidy,user=%1,password=%2,discovery=off,http=off,dot1x=unsupported")
                                     .arg(kUser, kStrongPassword)},
                                {QStringLiteral("--onvif-clock-offset"), QString::number(kClockOffsetSeconds)}, &error),
                 qPrintable(error));
    }

    void cleanupTestCase() { m_camera.stop(); }

    void init() { OnvifDriver::forgetAll(); }

    // What the weak camera reports: each finding the device checks act on.
    void postureOfAWeakCamera() {
        OnvifDriver driver;
        Cancellation cancel;
        auto info = driver.securityInfo(device(QStringLiteral("weak"), kWeakPassword), cancel);
        QVERIFY2(info.ok(), why(info));
        QCOMPARE(info->firmware, QStringLiteral("2.1.0"));
        QVERIFY(info->users.has_value());
        QMap<QString, QString> levels;
        for (const auto& user : *info->users) {
            levels.insert(user.name, user.level);
        }
        QCOMPARE(levels.value(kUser), QStringLiteral("Administrator"));
        QCOMPARE(levels.value(QStringLiteral("installer")), QStringLiteral("Administrator"));
        QCOMPARE(levels.value(QStringLiteral("viewer")), QStringLiteral("User"));
        QCOMPARE(levels.value(QStringLiteral("anonymous")), QStringLiteral("Anonymous"));
        QVERIFY(info->anonymousAccess);
        QCOMPARE(info->discoverable, std::optional<bool>(true));
        QVERIFY(protocol(*info, QStringLiteral("HTTP")).has_value());
        QVERIFY(protocol(*info, QStringLiteral("HTTP"))->enabled);
        QCOMPARE(protocol(*info, QStringLiteral("HTTP"))->ports,
                 QList<int>{m_camera.camera(QStringLiteral("weak")).value(QStringLiteral("web_port")).toInt()});
        QVERIFY(!protocol(*info, QStringLiteral("HTTPS"))->enabled);
        QCOMPARE(protocol(*info, QStringLiteral("RTSP"))->ports, QList<int>{m_camera.rtspUrl(QStringLiteral("weak")).port()});
        QCOMPARE(info->dot1xConfigurations, std::optional<int>(0));
        QVERIFY(info->time.has_value());
        QVERIFY(!info->time->ntp);
        QVERIFY(info->clockOffsetMs.has_value());
        // The camera's clock is 120 s ahead; the reading is within a couple of seconds of that.
        QVERIFY2(qAbs(*info->clockOffsetMs - kClockOffsetSeconds * 1000) < 3000,
                 qPrintable(QString::number(*info->clockOffsetMs)));
        QVERIFY(info->unavailable.isEmpty());
    }

    // The tidy camera: nothing anonymous, discovery and HTTP off, and no 802.1X support at all.
    void postureOfATidyCamera() {
        OnvifDriver driver;
        Cancellation cancel;
        auto info = driver.securityInfo(device(QStringLiteral("tidy"), kStrongPassword), cancel);
        QVERIFY2(info.ok(), why(info));
        QVERIFY(!info->anonymousAccess);
        QCOMPARE(info->users->size(), 1);
        QCOMPARE(info->discoverable, std::optional<bool>(false));
        QVERIFY(!protocol(*info, QStringLiteral("HTTP"))->enabled);
        QVERIFY(!info->dot1xConfigurations.has_value());
        QVERIFY(info->unavailable.contains(QStringLiteral("dot1x")));
        QCOMPARE(info->firmware, QStringLiteral(VIGIL_VERSION));
        // A camera that is not discoverable does not answer a probe.
        QVERIFY(!discovered(QStringLiteral("tidy")));
    }

    void wrongPasswordIsUnauthorised() {
        OnvifDriver driver;
        Cancellation cancel;
        auto info = driver.securityInfo(device(QStringLiteral("tidy"), QStringLiteral("Wrong-pass9")), cancel);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, QString::fromLatin1(vigil::core::devices::kErrorUnauthorised));
    }

    void discoveryTurnedOff() {
        QVERIFY(discovered(QStringLiteral("weak")));
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress weak = device(QStringLiteral("weak"), kWeakPassword);
        auto set = driver.setDiscoverable(weak, false, cancel);
        QVERIFY2(set.ok(), why(set));
        QVERIFY(!m_camera.waitForLine(QStringLiteral("onvif security weak discovery NonDiscoverable")).isEmpty());
        QVERIFY(!discovered(QStringLiteral("weak")));
        QCOMPARE(driver.securityInfo(weak, cancel)->discoverable, std::optional<bool>(false));
        QVERIFY(driver.setDiscoverable(weak, true, cancel).ok());
        QVERIFY(discovered(QStringLiteral("weak")));
    }

    void plainHttpTurnedOff() {
        const quint16 web = static_cast<quint16>(m_camera.camera(QStringLiteral("weak")).value(QStringLiteral("web_port")).toInt());
        QVERIFY(web != 0);
        QVERIFY(portOpen(web));
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress weak = device(QStringLiteral("weak"), kWeakPassword);
        auto off = driver.setProtocolEnabled(weak, QStringLiteral("HTTP"), false, cancel);
        QVERIFY2(off.ok(), why(off));
        QVERIFY(!portOpen(web));
        auto info = driver.securityInfo(weak, cancel);
        QVERIFY2(info.ok(), why(info));
        QVERIFY(!protocol(*info, QStringLiteral("HTTP"))->enabled);
        // HTTPS cannot be switched on by the test camera: the device's refusal comes back as such.
        auto https = driver.setProtocolEnabled(weak, QStringLiteral("HTTPS"), true, cancel);
        QVERIFY(!https.ok());
        auto unknown = driver.setProtocolEnabled(weak, QStringLiteral("FTP"), false, cancel);
        QCOMPARE(unknown.error().code, QString::fromLatin1(vigil::core::devices::kErrorNotSupported));
        // Back on, on the same port.
        QVERIFY(driver.setProtocolEnabled(weak, QStringLiteral("HTTP"), true, cancel).ok());
        QVERIFY(portOpen(web));
    }

    void extraUserDeleted() {
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress weak = device(QStringLiteral("weak"), kWeakPassword);
        DeviceAddress installer = weak;
        installer.user = QStringLiteral("installer");
        installer.password = QStringLiteral("install1");
        QVERIFY(driver.users(installer, cancel).ok());  // the extra administrator can sign in
        auto deleted = driver.deleteUser(weak, QStringLiteral("installer"), cancel);
        QVERIFY2(deleted.ok(), why(deleted));
        OnvifDriver::forgetAll();
        auto refused = driver.users(installer, cancel);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QString::fromLatin1(vigil::core::devices::kErrorUnauthorised));
        // The account the camera was set up with cannot delete itself.
        QVERIFY(!driver.deleteUser(weak, kUser, cancel).ok());
    }

    // SEC-1.2: the new password is what ONVIF and RTSP ask for from then on.
    void passwordChangedAndStillStreams() {
        QUrl rtsp = m_camera.rtspUrl(QStringLiteral("weak"));
        rtsp.setUserName(kUser);
        rtsp.setPassword(kWeakPassword);
        QVERIFY(probe(rtsp));
        OnvifDriver driver;
        Cancellation cancel;
        auto changed = driver.setUserPassword(device(QStringLiteral("weak"), kWeakPassword), kUser, kStrongPassword, cancel);
        QVERIFY2(changed.ok(), why(changed));
        QVERIFY(!probe(rtsp));
        rtsp.setPassword(kStrongPassword);
        QVERIFY(probe(rtsp));
        auto info = driver.securityInfo(device(QStringLiteral("weak"), kStrongPassword), cancel);
        QVERIFY2(info.ok(), why(info));
        QVERIFY(!driver.securityInfo(device(QStringLiteral("weak"), kWeakPassword), cancel).ok());
        // Put back for the tests after this one.
        QVERIFY(driver.setUserPassword(device(QStringLiteral("weak"), kStrongPassword), kUser, kWeakPassword, cancel).ok());
    }

    // SEC-1.5: NTP set to a server that does not answer: the device says NTP, its clock stays off.
    void ntpWithoutAnAnsweringServer() {
        OnvifDriver driver;
        Cancellation cancel;
        const DeviceAddress weak = device(QStringLiteral("weak"), kWeakPassword);
        QVERIFY(driver.setNtp(weak, {QStringLiteral("127.0.0.1")}, cancel).ok());
        auto info = driver.securityInfo(weak, cancel);
        QVERIFY2(info.ok(), why(info));
        QVERIFY(info->time->ntp);
        QCOMPARE(info->time->ntpServers, QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY(qAbs(*info->clockOffsetMs) > 100'000);
    }

private:
    DeviceAddress device(const QString& name, const QString& password) const {
        DeviceAddress address;
        address.driver = QStringLiteral("onvif");
        address.address = m_camera.deviceUrl(name);
        address.user = kUser;
        address.password = password;
        return address;
    }

    bool discovered(const QString& name) {
        OnvifDriver driver;
        Cancellation cancel;
        DiscoveryRequest request;
        request.unicastHost = QStringLiteral("127.0.0.1");
        request.unicastPort = m_camera.discoveryPort();
        request.timeoutMs = 1500;
        auto found = driver.discover(request, cancel);
        if (!found.ok()) {
            return false;
        }
        return std::any_of(found->begin(), found->end(), [&](const auto& device) { return device.name == name; });
    }

    static bool probe(const QUrl& url) {
        vigil::test::ToolRun run;
        const QJsonObject streams = vigil::test::ffprobe(
            {QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), url.toString()}, &run);
        return run.ok() && !streams.value(QStringLiteral("streams")).toArray().isEmpty();
    }

    OnvifTestCamera m_camera;
};

QTEST_GUILESS_MAIN(TestOnvifSecurity)
#include "tst_onvif_security.moc"
