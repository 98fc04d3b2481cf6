// DeviceFindings (issue 8): each device finding's rule on hand-made device reports, without a
// camera: the password judged with the platform's PasswordPolicy (SEC-1.2) and never shown, extra
// administrators and anonymous users (SEC-1.2, 1.10), NTP and the clock offset (SEC-1.5), discovery
// and plain HTTP (SEC-1.6), 802.1X (SEC-3.2), and "not reported" as not_applicable with the device's
// answer rather than a guess. The same rules run against a real camera in tst_device_security_api.

#include <QTest>

#include "devices/device_findings.h"

using vigil::core::devices::DeviceProtocol;
using vigil::core::devices::DeviceSecurityInfo;
using vigil::core::devices::DeviceTime;
using vigil::core::devices::DeviceUser;
using vigil::server::DeviceFinding;
using vigil::server::DeviceFindingContext;
using vigil::server::DeviceFindings;

namespace {

DeviceFindingContext vigilAccount(const QString& password) {
    return DeviceFindingContext{QStringLiteral("admin"), password, QUrl(QStringLiteral("http://192.0.2.5:8000/onvif/device_service"))};
}

DeviceSecurityInfo tidy() {
    DeviceSecurityInfo info;
    info.manufacturer = QStringLiteral("Acme");
    info.model = QStringLiteral("C1");
    info.firmware = QStringLiteral("5.0");
    info.users = QList<DeviceUser>{{QStringLiteral("admin"), QStringLiteral("Administrator")},
                                   {QStringLiteral("viewer"), QStringLiteral("User")}};
    info.time = DeviceTime{QDateTime::currentDateTimeUtc(), true, {QStringLiteral("ntp.example")}};
    info.clockOffsetMs = 400;
    info.discoverable = false;
    info.protocols = QList<DeviceProtocol>{{QStringLiteral("HTTP"), false, {80}},
                                           {QStringLiteral("HTTPS"), true, {443}},
                                           {QStringLiteral("RTSP"), true, {554}}};
    info.dot1xConfigurations = 1;
    info.edgeStorage = QString();  // no recording or search service
    return info;
}

}  // namespace

class TestDeviceFindings : public QObject {
    Q_OBJECT

private slots:
    void tidyDevicePassesEverything() {
        const auto all = DeviceFindings::all(tidy(), vigilAccount(QStringLiteral("Quay7-Lantern#4")));
        QCOMPARE(all.size(), 9);
        for (const DeviceFinding& finding : all) {
            const QString expected = finding.id == QStringLiteral("device_firmware") ? QStringLiteral("not_applicable")
                                                                                     : QStringLiteral("pass");
            QVERIFY2(finding.state == expected, qPrintable(finding.id + QLatin1Char(' ') + finding.evidence));
            QVERIFY(!finding.requirements.isEmpty());
            QVERIFY(!finding.evidence.isEmpty());
            QVERIFY(finding.fix.isEmpty());
        }
    }

    void weakPasswordFailsWithoutShowingIt() {
        const DeviceFinding finding = DeviceFindings::password(tidy(), vigilAccount(QStringLiteral("admin123")));
        QCOMPARE(finding.state, QStringLiteral("fail"));
        QCOMPARE(finding.fix, QStringLiteral("set_password"));
        QCOMPARE(finding.fixInput.value(QStringLiteral("user")).toString(), QStringLiteral("admin"));
        QVERIFY(!finding.evidence.contains(QStringLiteral("admin123")));
        QVERIFY(finding.requirements.contains(QStringLiteral("SEC-1.2")));
        // The user name reversed is refused as the platform refuses it.
        QCOMPARE(DeviceFindings::password(tidy(), vigilAccount(QStringLiteral("nimda"))).state, QStringLiteral("fail"));
        DeviceFindingContext none = vigilAccount(QString());
        none.userName.clear();
        QCOMPARE(DeviceFindings::password(tidy(), none).state, QStringLiteral("fail"));
    }

    void extraAdministratorsAndAnonymousUsers() {
        DeviceSecurityInfo info = tidy();
        info.users->append({QStringLiteral("installer"), QStringLiteral("Administrator")});
        info.users->append({QStringLiteral("guest"), QStringLiteral("Anonymous")});
        const DeviceFinding users = DeviceFindings::users(info, vigilAccount(QStringLiteral("Quay7-Lantern#4")));
        QCOMPARE(users.state, QStringLiteral("fail"));
        QCOMPARE(users.fix, QStringLiteral("delete_user"));
        QCOMPARE(users.fixInput.value(QStringLiteral("user")).toString(), QStringLiteral("installer"));
        QVERIFY(users.evidence.contains(QStringLiteral("viewer (User)")));
        const DeviceFinding anonymous = DeviceFindings::anonymous(info);
        QCOMPARE(anonymous.state, QStringLiteral("fail"));
        QCOMPARE(anonymous.fixInput.value(QStringLiteral("user")).toString(), QStringLiteral("guest"));
        // Anonymous access without an anonymous user: failing, and nothing ONVIF can switch off.
        DeviceSecurityInfo open = tidy();
        open.anonymousAccess = true;
        QCOMPARE(DeviceFindings::anonymous(open).state, QStringLiteral("fail"));
        QVERIFY(DeviceFindings::anonymous(open).fix.isEmpty());
    }

    void timeNeedsNtpAndASmallOffset() {
        DeviceSecurityInfo info = tidy();
        info.clockOffsetMs = -120000;
        DeviceFinding off = DeviceFindings::time(info);
        QCOMPARE(off.state, QStringLiteral("fail"));
        QCOMPARE(off.fix, QStringLiteral("set_ntp"));
        QVERIFY(off.evidence.contains(QStringLiteral("120.0 s behind")));
        info.clockOffsetMs = 100;
        info.time->ntp = false;
        QCOMPARE(DeviceFindings::time(info).state, QStringLiteral("fail"));  // right now, but drifting
        info.time.reset();
        info.unavailable.insert(QStringLiteral("time"), QStringLiteral("no clock here"));
        const DeviceFinding unknown = DeviceFindings::time(info);
        QCOMPARE(unknown.state, QStringLiteral("not_applicable"));
        QVERIFY(unknown.evidence.contains(QStringLiteral("no clock here")));
    }

    void discoveryHttpAndDot1x() {
        DeviceSecurityInfo info = tidy();
        info.discoverable = true;
        QCOMPARE(DeviceFindings::discovery(info).fix, QStringLiteral("discovery_off"));
        info.protocols = QList<DeviceProtocol>{{QStringLiteral("HTTP"), true, {80}}};
        const DeviceFinding http = DeviceFindings::http(info, vigilAccount(QStringLiteral("Quay7-Lantern#4")));
        QCOMPARE(http.state, QStringLiteral("fail"));
        QCOMPARE(http.fix, QStringLiteral("http_off"));
        // Vigil talking to the device over that very port: no fix offered, the evidence says why.
        info.protocols = QList<DeviceProtocol>{{QStringLiteral("HTTP"), true, {80, 8000}}};
        const DeviceFinding own = DeviceFindings::http(info, vigilAccount(QStringLiteral("Quay7-Lantern#4")));
        QCOMPARE(own.state, QStringLiteral("fail"));
        QVERIFY(own.fix.isEmpty());
        QVERIFY(own.evidence.contains(QStringLiteral("https://")));
        info.dot1xConfigurations = 0;
        QCOMPARE(DeviceFindings::dot1x(info).state, QStringLiteral("fail"));
        info.dot1xConfigurations.reset();
        QCOMPARE(DeviceFindings::dot1x(info).state, QStringLiteral("not_applicable"));
        // SEC-2.8: recordings on the camera that Vigil cannot fill gaps from yet fail, with where.
        info.edgeStorage = QStringLiteral("http://192.0.2.7/onvif/recording");
        const DeviceFinding storage = DeviceFindings::edgeStorage(info);
        QCOMPARE(storage.state, QStringLiteral("fail"));
        QVERIFY(storage.evidence.contains(QStringLiteral("Profile G")));
        QVERIFY(storage.evidence.contains(QStringLiteral("http://192.0.2.7/onvif/recording")));
        QVERIFY(storage.fix.isEmpty());
        info.edgeStorage.reset();
        info.unavailable.insert(QStringLiteral("storage"), QStringLiteral("GetServices failed"));
        QCOMPARE(DeviceFindings::edgeStorage(info).state, QStringLiteral("not_applicable"));
        QVERIFY(DeviceFindings::edgeStorage(info).evidence.contains(QStringLiteral("GetServices failed")));
    }
};

QTEST_GUILESS_MAIN(TestDeviceFindings)
#include "tst_device_findings.moc"
