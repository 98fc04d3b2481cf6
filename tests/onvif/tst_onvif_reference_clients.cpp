// vigil-testcamera's ONVIF side against two independent ONVIF clients (issue 4, "Real peers"):
//   - npm `onvif` (installed into the build tree at test time): device information, profiles,
//     stream and snapshot URIs, PTZ, pull-point events, a wrong password; and its WS-Discovery.
//   - Debian's onvif-util (onvif-tools 1.4.4): discovery, device information, profiles, RTSP URI,
//     capabilities, time; and a wrong password.
// What is and is not covered, and why:
//   - onvif-util cannot be pointed at an address and port: given "127.0.0.1" it multicasts a Probe
//     to 239.255.255.250:3702 (with IP_MULTICAST_LOOP off) and picks the answer whose XAddrs host
//     matches. npm onvif's Discovery.probe() also only multicasts to port 3702. Neither can probe a
//     unicast address or another port, and multicast on the machine's own loopback is off (and
//     must not go out on the LAN), so these run in a private network namespace whose loopback
//     carries multicast (run_in_netns.sh under `unshare -rn`). Where the kernel refuses user
//     namespaces those cases are skipped with the reason. Our own driver's unicast probe is
//     tested in tst_onvif_driver.
//   - npm onvif's Cam takes any host and port, so its device, media, PTZ and events calls run
//     against the camera on 127.0.0.1 directly.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "netns_run.h"
#include "onvif_test_camera.h"
#include "testcamera/run_tool.h"

using vigil::test::OnvifTestCamera;
using vigil::test::ToolRun;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("Cam3ra!pass");
const QString kScript = QStringLiteral(VIGIL_ONVIF_TEST_DIR "/npm_onvif_client.js");
const QString kNpmPrefix = QStringLiteral(VIGIL_ONVIF_BUILD_DIR "/npm");
constexpr int kClientBoundMs = 60000;

QString nodePath() {
    return kNpmPrefix + QStringLiteral("/node_modules");
}

QJsonObject lastJsonLine(const QByteArray& output) {
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last()).object();
}

}  // namespace

class TestOnvifReferenceClients : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=cam1,user=%1,password=%2,ptz=1").arg(kUser, kPassword)}, {}, &error),
                 qPrintable(error));
        installNpmOnvif();
    }

    void cleanupTestCase() { m_camera.stop(); }

    void npmReadsDeviceProfilesAndStreams() {
        requireNpm();
        const ToolRun run = node({QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
                                  QString::number(m_camera.onvifPort()), QStringLiteral("/onvif/cam1/device_service"),
                                  kUser, kPassword});
        QVERIFY2(run.ok(), qPrintable(run.describe() + QString::fromUtf8(run.out)));
        const QJsonObject result = lastJsonLine(run.out);
        const QJsonObject info = result.value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Vigil"));
        QCOMPARE(info.value(QStringLiteral("model")).toString(), QStringLiteral("vigil-testcamera"));
        QCOMPARE(info.value(QStringLiteral("serialNumber")).toString(), QStringLiteral("VTC-cam1"));
        const QJsonArray profiles = result.value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("token")).toString(), QStringLiteral("main"));
        QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("token")).toString(), QStringLiteral("sub"));
        const QJsonObject camera = m_camera.camera(QStringLiteral("cam1"));
        for (const QJsonValue& profile : profiles) {
            QCOMPARE(profile.toObject().value(QStringLiteral("encoding")).toString(), QStringLiteral("H264"));
            QCOMPARE(profile.toObject().value(QStringLiteral("width")).toInt(), camera.value(QStringLiteral("width")).toInt());
            QCOMPARE(profile.toObject().value(QStringLiteral("height")).toInt(), camera.value(QStringLiteral("height")).toInt());
            QCOMPARE(profile.toObject().value(QStringLiteral("source")).toString(), QStringLiteral("vs"));
        }
        const QJsonObject streams = result.value(QStringLiteral("streams")).toObject();
        QCOMPARE(QUrl(streams.value(QStringLiteral("main")).toString()), m_camera.rtspUrl(QStringLiteral("cam1")));
        QCOMPARE(QUrl(streams.value(QStringLiteral("sub")).toString()), m_camera.rtspUrl(QStringLiteral("cam1")));
        QCOMPARE(result.value(QStringLiteral("videoSources")).toArray(), QJsonArray{QStringLiteral("vs")});
        const QJsonArray services = result.value(QStringLiteral("uri")).toArray();
        for (const QString& service : {QStringLiteral("media"), QStringLiteral("ptz"), QStringLiteral("events")}) {
            QVERIFY2(services.contains(service), qPrintable(service));
        }
        // The snapshot URI the client got answers with a JPEG.
        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(QUrl(result.value(QStringLiteral("snapshot")).toString()))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("image/jpeg"));
        QVERIFY(reply->readAll().startsWith("\xFF\xD8\xFF"));
    }

    void npmWithAWrongPasswordIsRefused() {
        requireNpm();
        const ToolRun run = node({QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
                                  QString::number(m_camera.onvifPort()), QStringLiteral("/onvif/cam1/device_service"),
                                  kUser, QStringLiteral("wrong")});
        QVERIFY(run.finished);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(lastJsonLine(run.out).value(QStringLiteral("error")).toString().contains(QStringLiteral("not Authorized")),
                 run.out.constData());
    }

    void npmPtzReachesTheCamera() {
        requireNpm();
        const ToolRun run = node({QStringLiteral("ptz"), QStringLiteral("127.0.0.1"), QString::number(m_camera.onvifPort()),
                                  QStringLiteral("/onvif/cam1/device_service"), kUser, kPassword});
        QVERIFY2(run.ok(), qPrintable(run.describe() + QString::fromUtf8(run.out)));
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 ContinuousMove")),
                 QStringLiteral("onvif ptz cam1 ContinuousMove profile=main pan=0.5 tilt=-0.5 zoom=0"));
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 Stop")),
                 QStringLiteral("onvif ptz cam1 Stop profile=main pantilt=true zoom=true"));
        const QString token = QString::number(lastJsonLine(run.out).value(QStringLiteral("token")).toInt());
        QVERIFY(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 SetPreset")).contains(QStringLiteral("name=npm")));
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz cam1 GotoPreset")),
                 QStringLiteral("onvif ptz cam1 GotoPreset profile=main token=") + token);
    }

    void npmReceivesMotionEvents() {
        requireNpm();
        QProcess client;
        client.setProcessEnvironment(nodeEnvironment());
        client.start(QStringLiteral("node"), {kScript, QStringLiteral("events"), QStringLiteral("127.0.0.1"),
                                              QString::number(m_camera.onvifPort()),
                                              QStringLiteral("/onvif/cam1/device_service"), kUser, kPassword});
        QVERIFY(client.waitForStarted(10000));
        // The subscription's first message is the current state; then the motion we raise.
        const QJsonObject initial = readEvent(client);
        QCOMPARE(initial.value(QStringLiteral("topic")).toString(), QStringLiteral("tns1:RuleEngine/CellMotionDetector/Motion"));
        QCOMPARE(isMotion(initial), QStringLiteral("false"));
        QCOMPARE(m_camera.command(QStringLiteral("motion cam1 on")), QStringLiteral("ok"));
        const QJsonObject raised = readEvent(client);
        QCOMPARE(isMotion(raised), QStringLiteral("true"));
        client.kill();
        client.waitForFinished(5000);
        QCOMPARE(m_camera.command(QStringLiteral("motion cam1 off")), QStringLiteral("ok"));
    }

    void npmDiscoversByMulticast() {
        requireNpm();
        requireNetns();
        const ToolRun run = vigil::test::runInNetns(
            {QStringLiteral("name=east,user=%1,password=%2").arg(kUser, kPassword)},
            {QStringLiteral("env"), QStringLiteral("NODE_PATH=") + nodePath(), QStringLiteral("node"), kScript,
             QStringLiteral("discover"), QStringLiteral("2000")});
        QVERIFY2(run.ok(), qPrintable(run.describe() + QString::fromUtf8(run.out)));
        const QJsonArray devices = lastJsonLine(run.out).value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        const QJsonObject device = devices.first().toObject();
        QVERIFY(device.value(QStringLiteral("urn")).toString().startsWith(QStringLiteral("urn:uuid:")));
        const QString xaddrs = device.value(QStringLiteral("xaddrs")).toString();
        QVERIFY2(xaddrs.startsWith(QStringLiteral("http://127.0.0.1:")) &&
                     xaddrs.endsWith(QStringLiteral("/onvif/east/device_service")),
                 qPrintable(xaddrs));
        QVERIFY(device.value(QStringLiteral("scopes")).toString().contains(QStringLiteral("onvif://www.onvif.org/name/east")));
    }

    void onvifUtilDiscoversAndReads() {
        requireNetns();
        const ToolRun run = onvifUtil(kPassword, QStringLiteral("get profiles\\nget rtsp\\nget capabilities\\nget time\\nquit\\n"));
        const QString output = QString::fromUtf8(run.out);
        QVERIFY2(run.ok(), qPrintable(run.describe() + output));
        const QJsonObject ready = QJsonDocument::fromJson(run.out.left(run.out.indexOf('\n'))).object();
        const QString rtsp = ready.value(QStringLiteral("cameras")).toArray().first().toObject().value(QStringLiteral("url")).toString();
        QVERIFY(rtsp.startsWith(QStringLiteral("rtsp://127.0.0.1:")));
        for (const QString& expected :
             {QStringLiteral("found host: 127.0.0.1"), QStringLiteral("successfully connected to host"),
              QStringLiteral("serial: VTC-west"), QStringLiteral("Token 0: main"), QStringLiteral("Token 1: sub"),
              QStringLiteral("  ") + rtsp + QLatin1Char('\n'), QStringLiteral("Time Set By: Manual")}) {
            QVERIFY2(output.contains(expected), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(expected, output)));
        }
        QVERIFY2(!output.contains(QStringLiteral("ERROR")), qPrintable(output));
    }

    void onvifUtilWithAWrongPasswordIsRefused() {
        requireNetns();
        const ToolRun run = onvifUtil(QStringLiteral("wrong"), QStringLiteral("get profiles\\nquit\\n"));
        const QString output = QString::fromUtf8(run.out);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        QVERIFY2(output.contains(QStringLiteral("found host: 127.0.0.1")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("ERROR")) && output.contains(QStringLiteral("NotAuthorized")),
                 qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("Token 0: main")), qPrintable(output));
    }

private:
    void installNpmOnvif() {
        if (QFile::exists(nodePath() + QStringLiteral("/onvif/package.json"))) {
            m_npm = true;
            return;
        }
        if (QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) {
            m_npmProblem = QStringLiteral("npm or node is not installed (tools/install-deps.sh installs them)");
            return;
        }
        const ToolRun install = vigil::test::runTool(
            QStringLiteral("npm"), {QStringLiteral("install"), QStringLiteral("--prefix"), kNpmPrefix, QStringLiteral("onvif"),
                                    QStringLiteral("--no-audit"), QStringLiteral("--no-fund"), QStringLiteral("--loglevel=error")},
            300000);
        m_npm = install.ok() && QFile::exists(nodePath() + QStringLiteral("/onvif/package.json"));
        m_npmProblem = QStringLiteral("npm install onvif failed: ") + install.describe() + QString::fromUtf8(install.out);
    }

    void requireNpm() {
        // npm being present but the install failing (no registry) is a failure, not a skip.
        if (!m_npm && m_npmProblem.startsWith(QStringLiteral("npm or node"))) {
            QSKIP(qPrintable(m_npmProblem));
        }
        QVERIFY2(m_npm, qPrintable(m_npmProblem));
    }

    void requireNetns() {
        QString why;
        if (!vigil::test::netnsAvailable(&why)) {
            QSKIP(qPrintable(why));
        }
    }

    QProcessEnvironment nodeEnvironment() const {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NODE_PATH"), nodePath());
        return environment;
    }

    ToolRun node(const QStringList& arguments) const {
        QProcess process;
        process.setProcessEnvironment(nodeEnvironment());
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral("node"), QStringList{kScript} + arguments);
        ToolRun run;
        run.finished = process.waitForFinished(kClientBoundMs);
        if (!run.finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    static QJsonObject readEvent(QProcess& client) {
        QDeadlineTimer deadline(30000);
        while (!client.canReadLine() && !deadline.hasExpired() && client.state() == QProcess::Running) {
            client.waitForReadyRead(100);
        }
        return QJsonDocument::fromJson(client.readLine()).object();
    }

    static QString isMotion(const QJsonObject& event) {
        for (const QJsonValue& item : event.value(QStringLiteral("items")).toArray()) {
            if (item.toObject().value(QStringLiteral("Name")).toString() == QStringLiteral("IsMotion")) {
                return item.toObject().value(QStringLiteral("Value")).toVariant().toString();
            }
        }
        return {};
    }

    // onvif-util in a namespace with one camera "west": prints the camera's ready line first, then
    // what onvif-util prints for `commands` (escaped newlines, for printf).
    ToolRun onvifUtil(const QString& password, const QString& commands) const {
        return vigil::test::runInNetns(
            {QStringLiteral("name=west,user=%1,password=%2,ptz=1").arg(kUser, kPassword)},
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("echo \"$ONVIF_READY\"; printf '%1' | onvif-util -u '%2' -p '%3' 127.0.0.1")
                 .arg(commands, kUser, password)});
    }

    OnvifTestCamera m_camera;
    bool m_npm = false;
    QString m_npmProblem;
};

QTEST_GUILESS_MAIN(TestOnvifReferenceClients)
#include "tst_onvif_reference_clients.moc"
