// Configuration backup and restore against a real engine on 127.0.0.1 (issue 8, SEC-2.7): a backup
// made through the API, things changed, the backup restored and the previous state back (users,
// devices, the security settings the accounts service keeps in memory; everyone signed out); a wrong
// passphrase, a truncated file, a changed file and a file of a later schema refused with their
// reasons and nothing changed; a file of an older schema migrated on the way in; the schedule makes
// its backups at its slots and keeps the newest N; backupNow() for the audit engine's "backup before
// fixes"; the permission and the security log entries.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "accounts/accounts_service.h"
#include "backup/backup_cipher.h"
#include "backup/backup_service.h"
#include "backup/config_snapshot.h"
#include "common/clock.h"
#include "engine/engine.h"
#include "engine/schema.h"
#include "license/ed25519.h"
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
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

}  // namespace

class TestBackupApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_backupName;
    // Who signs in again when a restore ended the session (the accounts of the backup restored).
    QString m_user = kAdmin;
    QString m_password = kAdminPassword;

    QString folder() const { return m_engine->dataDir() + QStringLiteral("/backups"); }

    bool signIn() { return m_admin->login(m_user, m_password).status == 200; }

    // Users, devices and the lockout setting: what the test changes and expects back.
    QString state() {
        QStringList parts;
        for (const QJsonValue& user : m_admin->get("/api/v1/users").json.value("users").toArray()) {
            parts << QStringLiteral("user:") + user.toObject().value("userName").toString();
        }
        for (const QJsonValue& device : m_admin->get("/api/v1/devices").json.value("devices").toArray()) {
            parts << QStringLiteral("device:") + device.toObject().value("address").toString();
        }
        const QJsonObject security = m_admin->get("/api/v1/settings/security").json;
        parts << QStringLiteral("lockout:%1")
                     .arg(security.value("lockout").toObject().value("attempts").toInt());
        parts.sort();
        return parts.join(u' ');
    }

    // Polls a job until it finishes; its final JSON.
    QJsonObject waitJob(const QString& id) {
        QJsonObject job;
        for (int i = 0; i < 600; ++i) {
            ApiReply reply = m_admin->get(QStringLiteral("/api/v1/system/backups/jobs/") + id);
            if (reply.status == 401 && signIn()) {  // a restore signs everyone out
                reply = m_admin->get(QStringLiteral("/api/v1/system/backups/jobs/") + id);
            }
            job = reply.json;
            if (job.value("state").toString() != QLatin1String("running")) {
                return job;
            }
            QTest::qWait(50);
        }
        return job;
    }

    QJsonObject restore(const QString& name, const QString& passphrase, bool checkOnly = false) {
        const ApiReply started =
            m_admin->post("/api/v1/system/backups/restore",
                          {{"name", name}, {"passphrase", passphrase}, {"checkOnly", checkOnly}});
        if (started.status != 202) {
            qWarning().noquote() << "restore:" << describe(started);
            return {};
        }
        return waitJob(started.json.value("id").toString());
    }

    ApiReply addCamera(int n) {
        return m_admin->post(
            "/api/v1/devices",
            {{"driver", "rtsp"},
             {"address", QStringLiteral("rtsp://127.0.0.1:%1/cam%2").arg(test::closedPort()).arg(n)}});
    }

    QStringList logKinds() {
        QStringList kinds;
        for (const QJsonValue& entry :
             m_admin->get("/api/v1/security-log?limit=1000").json.value("entries").toArray()) {
            kinds << entry.toObject().value("kind").toString();
        }
        return kinds;
    }

    // A file sealed here (not by the service) holding `snapshot` at `schemaVersion`.
    QByteArray sealed(const QJsonObject& snapshot, int schemaVersion) {
        core::backup::BackupHeader header;
        header.schemaVersion = schemaVersion;
        header.platformId = m_engine->serverId();
        header.platformName = QStringLiteral("elsewhere");
        header.productVersion = QStringLiteral("0.0.1");
        header.createdMs = m_clock->nowMs();
        header.reason = QStringLiteral("test");
        header.kdf.memoryKiB = 256;
        header.kdf.iterations = 1;
        auto key = core::license::Ed25519::generate();
        auto bytes = core::backup::BackupCipher::seal(
            header, QJsonDocument(snapshot).toJson(QJsonDocument::Compact), kPassphrase, key.value());
        return bytes ? bytes.value() : QByteArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.clock = m_clock.get();
        options.backupKdf.memoryKiB = 256;  // the default (64 MiB, 3 passes) is for real sites
        options.backupKdf.iterations = 1;
        m_engine = std::make_unique<server::Engine>(options);
        QVERIFY(m_engine->start().ok());
        m_admin = std::make_unique<ApiSession>(*m_engine);
        const ApiReply setup = m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword));
        QVERIFY2(setup.status == 201 || setup.status == 200, qPrintable(describe(setup)));
        QVERIFY(signIn());
        const ApiReply vera = m_admin->post(
            "/api/v1/users", {{"userName", "vera"}, {"roleId", "viewer"}, {"password", "Meadow#Lark42"}});
        QVERIFY2(vera.status == 201, qPrintable(describe(vera)));
        QVERIFY2(addCamera(1).status == 201, "camera 1");
    }

    // SEC-2.7: back up, change things, restore: the previous state is back.
    void backUpChangeRestore() {
        const QString before = state();
        QVERIFY(before.contains("user:vera"));
        const ApiReply started = m_admin->post("/api/v1/system/backups", {{"passphrase", kPassphrase}});
        QVERIFY2(started.status == 202, qPrintable(describe(started)));
        QCOMPARE(started.json.value("kind").toString(), QStringLiteral("backup"));
        const QJsonObject done = waitJob(started.json.value("id").toString());
        QCOMPARE(done.value("state").toString(), QStringLiteral("succeeded"));
        m_backupName = done.value("result").toObject().value("name").toString();
        QVERIFY(QFile::exists(folder() + QLatin1Char('/') + m_backupName));
        const QByteArray file = test::readFileBytes(folder() + QLatin1Char('/') + m_backupName);
        QVERIFY(!file.contains("vera"));  // encrypted
        QVERIFY(!file.contains("cam1"));

        const ApiReply listed = m_admin->get("/api/v1/system/backups");
        QCOMPARE(listed.status, 200);
        const QJsonObject entry = listed.json.value("backups").toArray().first().toObject();
        QCOMPARE(entry.value("name").toString(), m_backupName);
        QCOMPARE(entry.value("platformId").toString(), m_engine->serverId());
        QVERIFY(entry.value("schemaVersion").toInt() >= 10);

        // Change users, devices and a setting the accounts service holds in memory.
        QJsonArray users = m_admin->get("/api/v1/users").json.value("users").toArray();
        for (const QJsonValue& user : users) {
            if (user.toObject().value("userName").toString() == QLatin1String("vera")) {
                QCOMPARE(
                    m_admin->del(QStringLiteral("/api/v1/users/") + user.toObject().value("id").toString())
                        .status,
                    204);
            }
        }
        QCOMPARE(
            m_admin->post("/api/v1/users", {{"userName", "otto"}, {"password", "Harvest#Moon77"}}).status,
            201);
        QCOMPARE(addCamera(2).status, 201);
        QJsonObject security = m_admin->get("/api/v1/settings/security").json;
        QJsonObject lockout = security.value("lockout").toObject();
        lockout.insert("attempts", 9);
        security.insert("lockout", lockout);
        QCOMPARE(m_admin->put("/api/v1/settings/security", security).status, 200);
        const QString changed = state();
        QVERIFY(changed != before);
        QVERIFY(changed.contains("lockout:9"));

        // A check alone changes nothing.
        const QJsonObject checked = restore(m_backupName, kPassphrase, true);
        QCOMPARE(checked.value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(state(), changed);

        const QString oldToken = m_admin->token();
        const QJsonObject restored = restore(m_backupName, kPassphrase);
        QVERIFY2(restored.value("state").toString() == QLatin1String("succeeded"),
                 qPrintable(QJsonDocument(restored).toJson()));
        // Everyone was signed out: the accounts were replaced.
        ApiSession old(*m_engine);
        old.setToken(oldToken);
        QCOMPARE(old.get("/api/v1/auth/me").status, 401);
        QVERIFY(m_admin->token() != oldToken);
        QCOMPARE(state(), before);
        const QStringList kinds = logKinds();  // the log itself is kept across the restore
        QVERIFY(kinds.contains("backup"));
        QVERIFY(kinds.contains("restore"));
        QVERIFY(kinds.contains("user_deleted"));
    }

    // Refused files leave everything as it was, each with its reason.
    void refusalsChangeNothing() {
        QVERIFY(!m_backupName.isEmpty());
        QCOMPARE(
            m_admin->post("/api/v1/users", {{"userName", "otto"}, {"password", "Harvest#Moon77"}}).status,
            201);
        const QString before = state();
        const QByteArray good = test::readFileBytes(folder() + QLatin1Char('/') + m_backupName);

        QJsonObject job = restore(m_backupName, QStringLiteral("not the passphrase"));
        QCOMPARE(job.value("state").toString(), QStringLiteral("failed"));
        QCOMPARE(job.value("error").toString(), QStringLiteral("backup_wrong_passphrase"));
        QCOMPARE(state(), before);

        QVERIFY(test::writeFileBytes(folder() + QStringLiteral("/cut.vbk"), good.left(good.size() - 30)));
        job = restore(QStringLiteral("cut.vbk"), kPassphrase);
        QCOMPARE(job.value("error").toString(), QStringLiteral("backup_truncated"));
        QCOMPARE(state(), before);

        QByteArray changed = good;
        changed[changed.size() - 120] = static_cast<char>(changed[changed.size() - 120] ^ 0x20);
        QVERIFY(test::writeFileBytes(folder() + QStringLiteral("/changed.vbk"), changed));
        job = restore(QStringLiteral("changed.vbk"), kPassphrase);
        QCOMPARE(job.value("error").toString(), QStringLiteral("backup_tampered"));
        QCOMPARE(state(), before);

        // A later schema: refused before the passphrase is even tried.
        const int current = server::serverMigrations().back().version;
        QVERIFY(test::writeFileBytes(folder() + QStringLiteral("/later.vbk"),
                                     sealed(QJsonObject{{"tables", QJsonObject{}}}, current + 1)));
        job = restore(QStringLiteral("later.vbk"), QStringLiteral("wrong as well, but later"));
        QCOMPARE(job.value("error").toString(), QStringLiteral("backup_schema_newer"));
        QVERIFY(job.value("message").toString().contains(QString::number(current + 1)));
        QCOMPARE(state(), before);

        // Uploads are read before they are kept.
        ApiReply upload = m_admin->post(
            "/api/v1/system/backups/upload",
            {{"name", "upload-cut.vbk"}, {"content", QString::fromLatin1(good.left(100).toBase64())}});
        QCOMPARE(upload.status, 422);
        QCOMPARE(upload.error(), QStringLiteral("backup_truncated"));
        upload =
            m_admin->post("/api/v1/system/backups/upload",
                          {{"name", "../escape.vbk"}, {"content", QString::fromLatin1(good.toBase64())}});
        QCOMPARE(upload.status, 400);
        upload = m_admin->post("/api/v1/system/backups/upload",
                               {{"name", "carried.vbk"}, {"content", QString::fromLatin1(good.toBase64())}});
        QVERIFY2(upload.status == 201, qPrintable(describe(upload)));
        const ApiReply download = m_admin->get("/api/v1/system/backups/files/carried.vbk");
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, good);
        QCOMPARE(m_admin->del("/api/v1/system/backups/files/carried.vbk").status, 204);
        QCOMPARE(m_admin->get("/api/v1/system/backups/files/carried.vbk").status, 404);
        QCOMPARE(state(), before);
        QVERIFY(logKinds().count("restore") >= 4);  // the refusals are logged too
    }

    // The permission "backup": a viewer is refused.
    void viewersCannotTouchBackups() {
        ApiSession vera(*m_engine);
        QCOMPARE(vera.login(QStringLiteral("vera"), QStringLiteral("Meadow#Lark42")).status, 200);
        QCOMPARE(vera.get("/api/v1/system/backups").status, 403);
        QCOMPARE(
            vera.post("/api/v1/system/backups/restore", {{"name", m_backupName}, {"passphrase", kPassphrase}})
                .status,
            403);
    }

    // The schedule runs at its slots (not for slots before it was set) and keeps the newest N.
    void scheduleKeepsN() {
        ApiReply set =
            m_admin->put("/api/v1/system/backups/schedule",
                         {{"enabled", true}, {"frequency", "daily"}, {"time", "02:00"}, {"keep", 2}});
        QCOMPARE(set.status, 400);  // no passphrase yet
        set = m_admin->put("/api/v1/system/backups/schedule", {{"enabled", true},
                                                               {"frequency", "daily"},
                                                               {"time", "02:00"},
                                                               {"keep", 2},
                                                               {"passphrase", kPassphrase}});
        QVERIFY2(set.status == 200, qPrintable(describe(set)));
        QCOMPARE(set.json.value("passphraseSet").toBool(), true);
        QVERIFY(!set.json.contains("passphrase"));
        server::BackupService& backups = *m_engine->backup();
        QCOMPARE(backups.runDueSchedule().value(), QString());  // today's 02:00 came before the schedule
        QStringList made;
        for (int day = 0; day < 4; ++day) {
            m_clock->advance(kDayMs);
            auto name = backups.runDueSchedule();
            QVERIFY2(name.ok() && !name.value().isEmpty(),
                     name.ok() ? "nothing due" : qPrintable(name.error().message));
            made << name.value();
            QCOMPARE(backups.runDueSchedule().value(), QString());  // once per slot
        }
        const QStringList kept =
            QDir(folder()).entryList({QStringLiteral("vigil-scheduled-*.vbk")}, QDir::Files, QDir::Name);
        QCOMPARE(kept, (QStringList{made.at(2), made.at(3)}));
        QVERIFY(QFile::exists(folder() + QLatin1Char('/') + m_backupName));  // manual backups are not rotated
        QVERIFY(signIn());  // the days passed ended the session
        const ApiReply listed = m_admin->get("/api/v1/system/backups");
        QCOMPARE(listed.json.value("state").toObject().value("scheduleEnabled").toBool(), true);
        int scheduled = 0;
        for (const QJsonValue& entry : listed.json.value("backups").toArray()) {
            scheduled += entry.toObject().value("scheduled").toBool() ? 1 : 0;
        }
        QCOMPARE(scheduled, 2);

        // The hook for the audit engine: a backup now, with the schedule's passphrase.
        auto path = backups.backupNow(QStringLiteral("before fixes"));
        QVERIFY2(path.ok(), path.ok() ? "" : qPrintable(path.error().message));
        auto file = core::backup::BackupFile::parse(test::readFileBytes(path.value()));
        QVERIFY(file.ok());
        QCOMPARE(file->header.reason, QStringLiteral("before fixes"));
        QVERIFY(core::backup::BackupCipher::open(file.value(), kPassphrase).ok());
    }

    // A backup of an older schema (3: accounts only) is migrated on the way in.
    void olderSchemaMigrates() {
        const std::vector<core::store::Migration>& all = server::serverMigrations();
        const std::vector<core::store::Migration> early(all.begin(), all.begin() + 3);
        QTemporaryDir scratch;
        auto db = core::store::Database::open(scratch.filePath("old.db"), QByteArray(32, '\x17'));
        QVERIFY(db.ok());
        QCOMPARE(core::store::Migrator::migrate(*db.value(), early).value(), 3);
        const QString hash = m_engine->accounts()->hasher().hash(QStringLiteral("Old#Timer2019")).value();
        QVERIFY(db.value()
                    ->exec(QStringLiteral(
                               "INSERT INTO users (id, user_name, user_name_key, password_hash, role_id, "
                               "password_changed_ms, created_ms) "
                               "VALUES ('u-old', 'oldtimer', 'oldtimer', '%1', 'administrator', %2, %2);"
                               "INSERT INTO settings (key, value, updated_ms) VALUES "
                               "('accounts.initialisedMs', '%2', %2)")
                               .arg(hash)
                               .arg(m_clock->nowMs()))
                    .ok());
        auto snapshot = server::ConfigSnapshot::capture(*db.value());
        QVERIFY(snapshot.ok());
        QVERIFY(!snapshot->value("tables").toObject().contains("devices"));  // schema 3 has none
        QVERIFY(test::writeFileBytes(folder() + QStringLiteral("/old.vbk"), sealed(snapshot.value(), 3)));

        m_user = QStringLiteral("oldtimer");
        m_password = QStringLiteral("Old#Timer2019");
        const QJsonObject job = restore(QStringLiteral("old.vbk"), kPassphrase);
        QVERIFY2(job.value("state").toString() == QLatin1String("succeeded"),
                 qPrintable(QJsonDocument(job).toJson()));
        QCOMPARE(job.value("result").toObject().value("schemaVersion").toInt(), 3);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 401);  // chief is not in that backup
        QCOMPARE(m_admin->login(QStringLiteral("oldtimer"), QStringLiteral("Old#Timer2019")).status, 200);
        QCOMPARE(m_admin->get("/api/v1/devices").json.value("devices").toArray().size(), 0);
        // The tables of later migrations exist and the built-in roles came with migration 2.
        QCOMPARE(m_admin->get("/api/v1/roles").json.value("roles").toArray().size(), 5);
        QCOMPARE(m_admin->get("/api/v1/system/backups/schedule").status, 200);
    }

    // server/api/backups.yaml names exactly the fields the service sends.
    void shapesMatchTheDocument() {
        const auto required =
            test::requiredFields(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + "/server/api/backups.yaml");
        QVERIFY(!required.isEmpty());
        const ApiReply listed = m_admin->get("/api/v1/system/backups");
        QCOMPARE(test::sortedKeys(listed.json), required.value("BackupList"));
        QCOMPARE(test::sortedKeys(listed.json.value("backups").toArray().first().toObject()),
                 required.value("BackupEntry"));
        QCOMPARE(test::sortedKeys(listed.json.value("schedule").toObject()),
                 required.value("BackupSchedule"));
        QCOMPARE(test::sortedKeys(listed.json.value("state").toObject()), required.value("BackupState"));
        const ApiReply jobs = m_admin->get("/api/v1/system/backups/jobs");
        QCOMPARE(test::sortedKeys(jobs.json), required.value("BackupJobList"));
        QCOMPARE(test::sortedKeys(jobs.json.value("jobs").toArray().first().toObject()),
                 required.value("BackupJob"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestBackupApi)
#include "tst_backup_api.moc"
