// Factory defaults and updates against a real engine on 127.0.0.1 (issue 8).
// SEC-1.1: refused without the confirmation, with a wrong password, without a passphrase for the
// backup made first, and to a viewer - nothing changed each time; then the platform returns to its
// first-run state (setup again, everyone signed out) with a backup made first, the licence and the
// security log kept, recordings kept or removed as asked; the backup made first restores what was.
// SEC-1.4: an update manifest signed by vigil-license with the development vendor key, imported
// through the API; platform, client and device firmware compared with it; changed, unsigned,
// unknown-key and older manifests refused with their reasons.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "../license/licence_fixture.h"
#include "signed_manifest.h"
#include "engine/engine.h"
#include "license/ed25519.h"
#include "license/update_manifest.h"
#include "license/update_manifest_verifier.h"
#include "store/database.h"
#include "support/api_yaml.h"
#include "support/file_bytes.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kPassphrase = QStringLiteral("long enough passphrase");

}  // namespace

class TestMaintenanceApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_firstBackup;
    QString m_user = kAdmin;
    QString m_password = kAdminPassword;

    QString state() {
        QStringList parts;
        for (const QJsonValue& user : m_admin->get("/api/v1/users").json.value("users").toArray()) {
            parts << QStringLiteral("user:") + user.toObject().value("userName").toString();
        }
        for (const QJsonValue& device : m_admin->get("/api/v1/devices").json.value("devices").toArray()) {
            parts << QStringLiteral("device:") + device.toObject().value("address").toString();
        }
        parts.sort();
        return parts.join(u' ');
    }

    bool setUp(const QString& user, const QString& password) {
        const ApiReply setup = m_admin->post("/api/v1/setup", test::setupBody(user, password));
        if (setup.status != 201) {
            qWarning().noquote() << "setup:" << describe(setup);
            return false;
        }
        m_user = user;
        m_password = password;
        return m_admin->login(user, password).status == 200;
    }

    ApiReply addCamera(int n) {
        return m_admin->post(
            "/api/v1/devices",
            {{"driver", "rtsp"},
             {"address", QStringLiteral("rtsp://127.0.0.1:%1/cam%2").arg(test::closedPort()).arg(n)}});
    }

    // A recorded segment as the recorder leaves it: a file under the primary storage and its index row.
    QString recordSegment(const QString& time) {
        const QString relative = QStringLiteral("chan-1/main/2026-11-23/%1.ts").arg(time);
        const QString path = m_engine->dataDir() + QStringLiteral("/recordings/") + relative;
        QDir().mkpath(QFileInfo(path).path());
        if (!test::writeFileBytes(path, QByteArray(4096, 'G'))) {
            return {};
        }
        const bool indexed =
            m_engine->database()
                .exec(QStringLiteral("INSERT INTO recording_segments (location, path, channel_id, stream, "
                                     "start_ms, end_ms, size_bytes, state) VALUES ('primary', '%1', "
                                     "'chan-1', 'main', 1000, 61000, 4096, 'complete')")
                          .arg(relative))
                .ok();
        return indexed ? path : QString();
    }

    qint64 segmentRows() {
        auto rows = m_engine->database().prepare(QStringLiteral("SELECT COUNT(*) FROM recording_segments"));
        return rows && rows->step().value() ? rows->int64(0) : -1;
    }

    QByteArray signedManifest(const QString& platform, const QString& client, const QString& firmware,
                              qint64 issuedMs) {
        return test::signedManifest(m_dir.path(), platform, client, firmware, issuedMs);
    }

    ApiReply importManifest(const QByteArray& file) {
        return m_admin->call("POST", "/api/v1/system/updates/manifest", {}, file);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.filePath(QStringLiteral("platform")));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.backupKdf.memoryKiB = 256;
        options.backupKdf.iterations = 1;
        m_engine = std::make_unique<server::Engine>(options);
        QVERIFY(m_engine->start().ok());
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QVERIFY(setUp(kAdmin, kAdminPassword));
        QCOMPARE(m_admin
                     ->post("/api/v1/users",
                            {{"userName", "vera"}, {"roleId", "viewer"}, {"password", "Meadow#Lark42"}})
                     .status,
                 201);
        QCOMPARE(addCamera(1).status, 201);
    }

    // SEC-1.1: each refusal leaves everything as it was.
    void factoryDefaultsRefusals() {
        const QString before = state();
        const QString trial =
            m_admin->get("/api/v1/licence").json.value("trialStartedMs").toVariant().toString();
        QJsonObject body{{"password", kAdminPassword}, {"confirm", "RESET"}, {"keepRecordings", true}};

        ApiReply reply = m_admin->post(
            "/api/v1/system/factory-defaults",
            QJsonObject{{"password", kAdminPassword}, {"confirm", "yes"}, {"keepRecordings", true}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("RESET"));
        QJsonObject wrong = body;
        wrong.insert("password", "Not#ThePassword1");
        reply = m_admin->post("/api/v1/system/factory-defaults", wrong);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("wrong_password"));
        reply = m_admin->post("/api/v1/system/factory-defaults", body);  // no schedule passphrase, none given
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("backup_passphrase_missing"));
        ApiSession vera(*m_engine);
        QCOMPARE(vera.login(QStringLiteral("vera"), QStringLiteral("Meadow#Lark42")).status, 200);
        QCOMPARE(vera.post("/api/v1/system/factory-defaults", body).status, 403);
        QCOMPARE(state(), before);
        QCOMPARE(m_admin->get("/api/v1/setup").json.value("initialised").toBool(), true);
        QCOMPARE(m_admin->get("/api/v1/licence").json.value("trialStartedMs").toVariant().toString(), trial);
    }

    // SEC-1.1: back to the first-run state, a backup made first, recordings kept.
    void factoryDefaultsKeepingRecordings() {
        const QString before = state();
        const QString segment = recordSegment(QStringLiteral("180000"));
        QVERIFY(!segment.isEmpty());
        const QString trial =
            m_admin->get("/api/v1/licence").json.value("trialStartedMs").toVariant().toString();
        const QString serverId = m_engine->serverId();
        const ApiReply reply =
            m_admin->post("/api/v1/system/factory-defaults", {{"password", kAdminPassword},
                                                              {"confirm", "RESET"},
                                                              {"keepRecordings", true},
                                                              {"backupPassphrase", kPassphrase}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        m_firstBackup = reply.json.value("backup").toString();
        QVERIFY(QFile::exists(m_engine->dataDir() + QStringLiteral("/backups/") + m_firstBackup));
        QCOMPARE(reply.json.value("recordingsKept").toBool(), true);

        const ApiReply me = m_admin->get("/api/v1/auth/me");  // the session is gone and so is the setup
        QCOMPARE(me.status, 403);
        QCOMPARE(me.error(), QStringLiteral("not_initialised"));
        QCOMPARE(m_admin->get("/api/v1/setup").json.value("initialised").toBool(), false);  // first run
        QVERIFY(m_admin->login(kAdmin, kAdminPassword).status != 200);  // no accounts until setup
        QVERIFY(setUp(QStringLiteral("newchief"), QStringLiteral("Fresh#Start2026")));
        QCOMPARE(state(), QStringLiteral("user:newchief"));  // no devices, no other users
        QCOMPARE(m_engine->serverId(), serverId);
        QCOMPARE(m_admin->get("/api/v1/licence").json.value("trialStartedMs").toVariant().toString(), trial);
        QVERIFY(QFile::exists(segment));
        QCOMPARE(segmentRows(), 1);
        // The security log was kept, and says what happened.
        QStringList kinds;
        for (const QJsonValue& entry :
             m_admin->get("/api/v1/security-log?limit=1000").json.value("entries").toArray()) {
            kinds << entry.toObject().value("kind").toString();
        }
        QVERIFY(kinds.contains("factory_reset"));
        QVERIFY(kinds.contains("user_created"));  // vera, before the reset
        QVERIFY(before.contains("user:vera"));
    }

    // Recordings removed when asked; the schedule's passphrase serves the backup made first.
    void factoryDefaultsRemovingRecordings() {
        const QString segment = recordSegment(QStringLiteral("180100"));
        QVERIFY(!segment.isEmpty());
        QCOMPARE(m_admin
                     ->put("/api/v1/system/backups/schedule", {{"enabled", false},
                                                               {"frequency", "daily"},
                                                               {"time", "02:00"},
                                                               {"keep", 3},
                                                               {"passphrase", kPassphrase}})
                     .status,
                 200);
        const ApiReply reply =
            m_admin->post("/api/v1/system/factory-defaults",
                          {{"password", "Fresh#Start2026"}, {"confirm", "RESET"}, {"keepRecordings", false}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("segmentsRemoved").toInt(), 2);  // this one and the one kept last time
        QVERIFY(!QFile::exists(segment));
        QCOMPARE(segmentRows(), 0);
        QVERIFY(
            QDir(m_engine->dataDir() + QStringLiteral("/recordings")).exists());  // the storage itself stays
    }

    // The backup made before the first reset brings the old configuration back.
    void backupMadeFirstRestores() {
        QVERIFY(setUp(QStringLiteral("interim"), QStringLiteral("Interim#Admin77")));
        const ApiReply started = m_admin->post("/api/v1/system/backups/restore",
                                               {{"name", m_firstBackup}, {"passphrase", kPassphrase}});
        QVERIFY2(started.status == 202, qPrintable(describe(started)));
        m_user = kAdmin;
        m_password = kAdminPassword;
        QJsonObject job;
        for (int i = 0; i < 600 && job.value("state").toString() != QLatin1String("succeeded"); ++i) {
            QTest::qWait(50);
            ApiReply reply =
                m_admin->get("/api/v1/system/backups/jobs/" + started.json.value("id").toString());
            if (reply.status == 401) {
                m_admin->login(m_user, m_password);
                continue;
            }
            job = reply.json;
            QVERIFY2(job.value("state").toString() != QLatin1String("failed"),
                     qPrintable(QJsonDocument(job).toJson()));
        }
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        QVERIFY(state().contains("user:vera"));
        QCOMPARE(m_admin->get("/api/v1/devices").json.value("devices").toArray().size(), 1);
    }

    // SEC-1.4: versions compared with a signed manifest imported offline.
    void updatesAgainstASignedManifest() {
        ApiReply status = m_admin->get("/api/v1/system/updates");
        QCOMPARE(status.status, 200);
        QVERIFY(status.json.value("manifest").isNull());
        QCOMPARE(status.json.value("platform").toObject().value("installed").toString(),
                 QStringLiteral(VIGIL_VERSION));
        QCOMPARE(status.json.value("platform").toObject().value("state").toString(),
                 QStringLiteral("unknown"));

        // The rtsp driver reports no firmware; an ONVIF camera's description would fill these in.
        const QString deviceId = m_admin->get("/api/v1/devices")
                                     .json.value("devices")
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value("id")
                                     .toString();
        QVERIFY(m_engine->database()
                    .exec(QStringLiteral("UPDATE devices SET manufacturer = 'Vigil', model = 'TestCamera', "
                                         "firmware = '2.0.3' WHERE id = '%1'")
                              .arg(deviceId))
                    .ok());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray manifest =
            signedManifest(QStringLiteral("99.0.0"), QStringLiteral("0.0.1"), QStringLiteral("2.1.0"), now);
        QVERIFY(!manifest.isEmpty());
        const ApiReply imported = importManifest(manifest);
        QVERIFY2(imported.status == 200, qPrintable(describe(imported)));
        const QJsonObject platform = imported.json.value("platform").toObject();
        QCOMPARE(platform.value("latest").toString(), QStringLiteral("99.0.0"));
        QCOMPARE(platform.value("state").toString(), QStringLiteral("update_available"));
        QCOMPARE(platform.value("notes").toString(), QStringLiteral("Platform notes."));
        QCOMPARE(imported.json.value("client").toObject().value("state").toString(),
                 QStringLiteral("up_to_date"));
        const QJsonObject device = imported.json.value("devices").toArray().first().toObject();
        QCOMPARE(device.value("deviceId").toString(), deviceId);
        QCOMPARE(device.value("installed").toString(), QStringLiteral("2.0.3"));
        QCOMPARE(device.value("latest").toString(), QStringLiteral("2.1.0"));
        QCOMPARE(device.value("state").toString(), QStringLiteral("update_available"));
        QVERIFY(!imported.json.value("manifest").toObject().value("keyId").toString().isEmpty());
        // A workstation names its own version.
        status = m_admin->get("/api/v1/system/updates?client=0.0.0.9");
        QCOMPARE(status.json.value("client").toObject().value("state").toString(),
                 QStringLiteral("update_available"));

        // Refusals: changed after signing, unsigned, another key, older than the one kept.
        QByteArray changed = manifest;
        changed.replace("99.0.0", "0.0.1");
        QCOMPARE(importManifest(changed).error(), QStringLiteral("update_manifest_tampered"));
        QJsonObject unsignedFile = QJsonDocument::fromJson(manifest).object();
        unsignedFile.remove("signature");
        ApiReply refused = importManifest(QJsonDocument(unsignedFile).toJson());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.error(), QStringLiteral("update_manifest_unsigned"));
        auto foreign = core::license::UpdateManifest::parse(manifest).value();
        QVERIFY(
            core::license::UpdateManifestVerifier::sign(foreign, core::license::Ed25519::generate().value())
                .ok());
        QCOMPARE(importManifest(foreign.toFile()).error(), QStringLiteral("update_manifest_unknown_key"));
        const QByteArray older = signedManifest(QStringLiteral("98.0.0"), QStringLiteral("0.0.1"),
                                                QStringLiteral("2.0.0"), now - 1000);
        refused = importManifest(older);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(), QStringLiteral("update_manifest_older"));
        QCOMPARE(m_admin->get("/api/v1/system/updates")
                     .json.value("platform")
                     .toObject()
                     .value("latest")
                     .toString(),
                 QStringLiteral("99.0.0"));

        QStringList kinds;
        for (const QJsonValue& entry :
             m_admin->get("/api/v1/security-log?kind=update").json.value("entries").toArray()) {
            kinds << entry.toObject().value("detail").toString();
        }
        QVERIFY(kinds.size() >= 4);  // one import, three refusals by signature
        // Shapes as backups.yaml names them.
        const auto required =
            test::requiredFields(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + "/server/api/backups.yaml");
        QCOMPARE(test::sortedKeys(status.json), required.value("UpdateStatus"));
        QCOMPARE(test::sortedKeys(platform), required.value("VersionComparison"));
        QCOMPARE(test::sortedKeys(device), required.value("DeviceFirmware"));
        QCOMPARE(test::sortedKeys(status.json.value("manifest").toObject()), required.value("ManifestInfo"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceApi)
#include "tst_maintenance_api.moc"
