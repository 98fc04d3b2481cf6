// The device items of the security audit, end to end (issue 8; SEC-1.2, 1.5, 1.6, 3.2; WIZ-1, WIZ-2;
// "Done means": a test camera with a weak password fails its check and passes after the fix). A real
// engine on 127.0.0.1 manages a weak vigil-testcamera ONVIF camera (password "admin123", an extra
// administrator, an anonymous user, discovery on, plain HTTP on, its clock 120 s ahead, no 802.1X).
// An audit of level 3 through /api/v1/security shows the camera failing each device item with its
// name and evidence; the audit's device fixes (a new random password that Vigil keeps, the extra
// administrator removed, discovery and plain HTTP off, the anonymous user removed) run after a
// configuration backup; the next audit passes those items, and the camera streams again with the
// password Vigil gave it. Its firmware is compared with a signed update manifest (vigil-license).
// Network resume (SEC-2.8): the weak camera keeps no recordings of its own, so its gaps recorded with
// an event pass; a second camera that lists ONVIF Profile G recording and search services fails, as
// Vigil does not fill gaps from a camera's storage yet (the evidence says so).

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "../audit/audit_runs.h"
#include "../backup/signed_manifest.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "weak_camera_site.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kBackupPassphrase = QStringLiteral("Tide-Table#2041");
const QString kStoringPassword = QStringLiteral("Vault-Keeper#58q");

// The one finding of the camera in an item's result.
QJsonObject cameraFinding(const QJsonObject& run, const QString& itemId, const QString& deviceId) {
    for (const QJsonValue& finding :
         test::resultsById(run).value(itemId).value(QStringLiteral("findings")).toArray()) {
        if (finding.toObject().value(QStringLiteral("subject")).toString() == deviceId) {
            return finding.toObject();
        }
    }
    return {};
}

}  // namespace

class TestDeviceAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        const QString error = m_site.start([](server::EngineOptions& options) {
            options.backupKdf.memoryKiB = 256;  // the backup before the fixes; its strength is tested elsewhere
            options.backupKdf.iterations = 1;
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_site.stop(); }

    void weakCameraFailsTheDeviceItems() {
        const QJsonObject run = test::runAudit(*m_site.admin, 3);
        QVERIFY(!run.isEmpty());
        for (const QString& item : {QStringLiteral("sec-1.2-device-passwords"), QStringLiteral("sec-1.5-device-time"),
                                   QStringLiteral("sec-1.6-device-functions"), QStringLiteral("sec-3.2-device-8021x")}) {
            const QJsonObject finding = cameraFinding(run, item, m_site.device);
            QCOMPARE(finding.value("subjectName").toString(), QStringLiteral("Weak gate"));
            QVERIFY2(finding.value("state").toString() == QStringLiteral("fail"),
                     qPrintable(item + ": " + test::evidenceOf(run, item)));
            QCOMPARE(test::stateOf(run, item), QStringLiteral("fail"));
        }
        const QString passwords = test::evidenceOf(run, "sec-1.2-device-passwords");
        QVERIFY2(passwords.contains(QStringLiteral("installer")), qPrintable(passwords));
        QVERIFY(!passwords.contains(test::WeakCameraSite::kWeakPassword));  // judged, never shown
        QVERIFY(test::evidenceOf(run, "sec-1.5-device-time").contains(QStringLiteral("ahead")));
        // The firmware needs a signed update manifest to judge: without one it is not applicable.
        QCOMPARE(cameraFinding(run, "sec-1.4-device-firmware", m_site.device).value("state").toString(),
                 QStringLiteral("not_applicable"));
        QVERIFY(test::evidenceOf(run, "sec-1.4-device-firmware").contains(QStringLiteral("2.1.0")));
        // SEC-2.8: no storage of its own, so a gap recorded with a recording_gap event (tst_event_sources,
        // tst_recorder) is what the item asks.
        const QJsonObject resume = cameraFinding(run, "sec-2.8-network-resume", m_site.device);
        QVERIFY2(resume.value("state").toString() == QStringLiteral("pass"),
                 qPrintable(resume.value("evidence").toString()));
        QVERIFY(resume.value("evidence").toString().contains(QStringLiteral("recording_gap")));
        QCOMPARE(test::resultsById(run).value("sec-1.2-device-passwords").value("fixId").toString(),
                 QStringLiteral("device-passwords"));
        QCOMPARE(test::resultsById(run).value("sec-1.6-device-functions").value("fixId").toString(),
                 QStringLiteral("device-functions"));
    }

    void fixesMakeThemPassAndTheCameraStillStreams() {
        const ApiReply started = m_site.admin->post(
            "/api/v1/security/fixes",
            QJsonObject{{"fixIds", QJsonArray{QStringLiteral("device-passwords"), QStringLiteral("device-functions")}},
                        {"backupPassphrase", kBackupPassphrase}});
        QCOMPARE(started.status, 202);
        const QJsonObject job = test::waitForSecurityJob(*m_site.admin, started.json.value("id").toString());
        QVERIFY2(job.value("state").toString() == QStringLiteral("succeeded"), QJsonDocument(job).toJson().constData());
        const QJsonObject result = job.value("result").toObject();
        QVERIFY(result.value("backup").toString().endsWith(QStringLiteral(".vbk")));  // WIZ-2: backup first
        QString changes;
        for (const QJsonValue& change : result.value("changes").toArray()) {
            QVERIFY2(change.toObject().value("error").toString().isEmpty(),
                     qPrintable(change.toObject().value("error").toString()));
            for (const QJsonValue& line : change.toObject().value("changes").toArray()) {
                changes += line.toString() + QLatin1Char('\n');
            }
        }
        QVERIFY2(changes.contains(QStringLiteral("new password")), qPrintable(changes));
        QVERIFY2(changes.contains(QStringLiteral("\"installer\" deleted")), qPrintable(changes));
        QVERIFY2(changes.contains(QStringLiteral("\"anonymous\" deleted")), qPrintable(changes));

        const QJsonObject run = test::runAudit(*m_site.admin, 3);
        for (const QString& item : {QStringLiteral("sec-1.2-device-passwords"), QStringLiteral("sec-1.6-device-functions")}) {
            QVERIFY2(cameraFinding(run, item, m_site.device).value("state").toString() == QStringLiteral("pass"),
                     qPrintable(item + ": " + test::evidenceOf(run, item)));
        }
        // Not fixed here (the platform has no time server set; 802.1X needs the site's network).
        QCOMPARE(cameraFinding(run, "sec-3.2-device-8021x", m_site.device).value("state").toString(), QStringLiteral("fail"));
        // Vigil kept the password it gave the camera: the camera streams again with it.
        QVERIFY(m_site.streamLive());
    }

    // SEC-1.4: the camera's firmware (2.1.0) against a signed manifest: a newer release fails the item
    // naming it; a manifest whose latest is what the camera runs passes it.
    void firmwareComparedWithTheSignedManifest() {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray newer = test::signedManifest(m_site.dir.path(), VIGIL_VERSION, VIGIL_VERSION, "2.4.0", now - 1000,
                                                     QStringLiteral("vigil-testcamera"));
        QVERIFY(!newer.isEmpty());
        ApiReply imported = m_site.admin->call("POST", "/api/v1/system/updates/manifest", {}, newer);
        QVERIFY2(imported.status == 200, qPrintable(test::describe(imported)));
        QJsonObject run = test::runAudit(*m_site.admin, 1);
        QJsonObject finding = cameraFinding(run, "sec-1.4-device-firmware", m_site.device);
        QCOMPARE(finding.value("state").toString(), QStringLiteral("fail"));
        QVERIFY2(finding.value("evidence").toString().contains(QStringLiteral("2.4.0")),
                 qPrintable(finding.value("evidence").toString()));

        const QByteArray current = test::signedManifest(m_site.dir.path(), VIGIL_VERSION, VIGIL_VERSION, "2.1.0", now,
                                                       QStringLiteral("vigil-testcamera"));
        imported = m_site.admin->call("POST", "/api/v1/system/updates/manifest", {}, current);
        QVERIFY2(imported.status == 200, qPrintable(test::describe(imported)));
        run = test::runAudit(*m_site.admin, 1);
        finding = cameraFinding(run, "sec-1.4-device-firmware", m_site.device);
        QVERIFY2(finding.value("state").toString() == QStringLiteral("pass"), qPrintable(finding.value("evidence").toString()));
    }

    // SEC-2.8: a camera with recordings of its own (ONVIF Profile G) could have its gaps filled;
    // Vigil does not do that yet, so the item fails for it and the evidence names the service.
    void cameraWithItsOwnStorageFailsNetworkResume() {
        test::OnvifTestCamera storing;
        QString error;
        QVERIFY2(storing.start({QStringLiteral("name=vault,user=%1,password=%2,edge-storage=1")
                                    .arg(test::WeakCameraSite::kCameraUser, kStoringPassword)},
                               {}, &error),
                 qPrintable(error));
        const ApiReply added = m_site.admin->post("/api/v1/devices",
                                                  QJsonObject{{"driver", "onvif"},
                                                              {"name", "Vault"},
                                                              {"address", storing.deviceUrl("vault").toString()},
                                                              {"userName", test::WeakCameraSite::kCameraUser},
                                                              {"password", kStoringPassword}});
        QVERIFY2(added.status == 201, qPrintable(test::describe(added)));
        const QString vault = added.json.value("id").toString();
        const QJsonObject run = test::runAudit(*m_site.admin, 2);
        const QJsonObject finding = cameraFinding(run, "sec-2.8-network-resume", vault);
        const QString evidence = finding.value("evidence").toString();
        QVERIFY2(finding.value("state").toString() == QStringLiteral("fail"), qPrintable(evidence));
        QVERIFY2(evidence.contains(QStringLiteral("Profile G")), qPrintable(evidence));
        QVERIFY2(evidence.contains(QStringLiteral("/vault/recording")), qPrintable(evidence));
        QCOMPARE(test::stateOf(run, "sec-2.8-network-resume"), QStringLiteral("fail"));
        QCOMPARE(cameraFinding(run, "sec-2.8-network-resume", m_site.device).value("state").toString(),
                 QStringLiteral("pass"));
        QCOMPARE(m_site.admin->del("/api/v1/devices/" + vault).status, 204);
    }

private:
    test::WeakCameraSite m_site;
};

QTEST_GUILESS_MAIN(TestDeviceAudit)
#include "tst_device_audit.moc"
