// Licensing against a real engine on 127.0.0.1 and vigil-license as the vendor (issue 7, LIC-1):
// the trial made at initialisation (and kept when the database is made again), clock rollback,
// capacity enforced where devices are added, online activation against vigil-license serving HTTPS,
// an unreachable vendor, offline activation by files, Express-to-Pro upgrade with the Express code
// and with the deactivation file, a code refused the second time on another fingerprint, renewal
// and added capacity, expiry alarms, and tampered, expired, other-machine, unsigned and wrong-key
// licences refused with their reasons.

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "common/clock.h"
#include "engine/engine.h"
#include "license/ed25519.h"
#include "license/licence_service.h"
#include "license/licence_verifier.h"
#include "licence_fixture.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

// One platform: an engine in its own data folder on a made-up machine, with an administrator.
struct Platform {
    QString root;
    core::ManualClock* clock;
    std::unique_ptr<server::Engine> engine;
    std::unique_ptr<ApiSession> admin;

    bool start(const core::license::MachineFactors& factors) {
        server::EngineOptions options = test::engineOptions(root);
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.clock = clock;
        options.machineFactors = factors;
        admin.reset();
        engine = std::make_unique<server::Engine>(options);
        if (!engine->start().ok()) {
            return false;
        }
        admin = std::make_unique<ApiSession>(*engine);
        if (admin->get("/api/v1/setup").json.value("initialised").toBool() == false) {
            const ApiReply setup = admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword));
            if (setup.status != 201 && setup.status != 200) {
                qWarning().noquote() << "setup:" << describe(setup);
                return false;
            }
        }
        return admin->login(kAdmin, kAdminPassword).status == 200;
    }

    void stop() {
        admin.reset();
        engine.reset();
    }

    QJsonObject status() { return admin->get("/api/v1/licence").json; }

    void trustVendor(const test::Vendor& vendor) {
        const ApiReply set = admin->put("/api/v1/licence/settings",
                                        {{"vendorUrl", vendor.url().toString()}, {"vendorCaPem", QString::fromLatin1(readAll(vendor.caFile()))}});
        QVERIFY2(set.status == 200, qPrintable(describe(set)));
    }

    ApiReply activate(const QJsonObject& body) { return admin->post("/api/v1/licence/activation", body); }

    ApiReply addCamera(int n) {
        return admin->post("/api/v1/devices", {{"driver", "rtsp"},
                                               {"address", QStringLiteral("rtsp://127.0.0.1:%1/cam%2").arg(test::closedPort()).arg(n)}});
    }

    // Moves the shared clock; sessions time out over days, so the administrator logs in again.
    void advance(qint64 ms) {
        clock->advance(ms);
        admin->login(kAdmin, kAdminPassword);
    }

    QStringList logKinds() {
        QStringList kinds;
        for (const QJsonValue& entry : admin->get("/api/v1/licence/log").json.value("entries").toArray()) {
            kinds << entry.toObject().value("kind").toString();
        }
        return kinds;
    }
};

class TestLicenceApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::ManualClock> m_clock;
    std::unique_ptr<test::Vendor> m_vendor;
    int m_platforms = 0;

    std::unique_ptr<Platform> platform(const QString& machineName) {
        auto p = std::make_unique<Platform>();
        p->root = m_dir.filePath(QStringLiteral("platform-%1").arg(++m_platforms));
        p->clock = m_clock.get();
        if (!p->start(test::machine(machineName))) {
            return nullptr;
        }
        return p;
    }

    // The offline round trip: request file out of the platform, vigil-license activate, file back in.
    ApiReply activateOffline(Platform& p, const QJsonObject& body) {
        const ApiReply request = p.admin->post("/api/v1/licence/request", body);
        if (request.status != 200) {
            return request;
        }
        const QString requestFile = m_dir.filePath(QStringLiteral("request-%1.json").arg(m_platforms));
        const QString activationFile = m_dir.filePath(QStringLiteral("activation-%1.json").arg(m_platforms));
        writeAll(requestFile, QJsonDocument(request.json).toJson());
        int exitCode = -1;
        const QString said = m_vendor->run({"activate", "--db", m_vendor->registry(), "--key", test::developmentKey(1),
                                            "--request", requestFile, "--out", activationFile},
                                           &exitCode);
        if (exitCode != 0) {
            ApiReply failed;
            failed.status = -exitCode;
            return failed;
        }
        return p.admin->call("POST", "/api/v1/licence/import", {}, readAll(activationFile));
    }

    QJsonObject codeRecord(const QString& code) {
        const QJsonArray codes = QJsonDocument::fromJson(m_vendor->run({"list", "--db", m_vendor->registry()}).toUtf8()).array();
        for (const QJsonValue& value : codes) {
            if (value.toObject().value("code").toString() == code) {
                return value.toObject();
            }
        }
        return {};
    }

    // A licence for `p` made and signed here with development key `keyNumber` (or a foreign key).
    core::license::LicenceDocument licenceFor(Platform& p, const core::license::MachineFactors& factors) {
        core::license::LicenceDocument doc;
        doc.licenceId = QStringLiteral("a4f5c7de-0000-4000-8000-000000000001");
        doc.licensee = QStringLiteral("Harbour Authority");
        doc.platformId = p.engine->serverId();
        doc.fingerprint = core::license::MachineFingerprint::fromFactors(factors);
        doc.edition = QStringLiteral("pro");
        doc.channels = 32;
        doc.features = {QStringLiteral("video_wall")};
        doc.issuedMs = m_clock->nowMs() - kDayMs;
        doc.expiresMs = m_clock->nowMs() + 100 * kDayMs;
        doc.activationCodes = {QStringLiteral("VGL-TEST1-TEST2-TEST3-TEST4")};
        return doc;
    }

    static QByteArray signedFile(const core::license::LicenceDocument& doc, const QString& keyPath) {
        auto key = core::license::Ed25519::fromPrivatePem(readAll(keyPath));
        auto file = core::license::LicenceVerifier::sign(doc, key.value());
        return file->toFile();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock = std::make_unique<core::ManualClock>(QDateTime::currentMSecsSinceEpoch());
        m_vendor = std::make_unique<test::Vendor>(m_dir.path());
        QVERIFY2(m_vendor->start(), "vigil-license serve did not start");
    }

    void cleanupTestCase() { m_vendor->stop(); }

    // Every test starts at the real time: the vendor dates its licences by the real clock.
    void init() { m_clock->set(QDateTime::currentMSecsSinceEpoch()); }

    // LIC-1: a trial at initialisation, 30 days for 16 channels, with all features to evaluate.
    void trialIsMadeAtInitialisation() {
        const qint64 before = m_clock->nowMs();
        auto p = platform("alpha");
        QVERIFY(p);
        const QJsonObject s = p->status();
        QCOMPARE(s.value("state").toString(), QStringLiteral("trial"));
        QCOMPARE(s.value("edition").toString(), QStringLiteral("trial"));
        QCOMPARE(s.value("channels").toInt(), 16);
        QCOMPARE(s.value("channelsUsed").toInt(), 0);
        QCOMPARE(s.value("trialStartedMs").toInteger(), before);
        QCOMPARE(s.value("trialEndsMs").toInteger() - s.value("trialStartedMs").toInteger(), 30 * kDayMs);
        QCOMPARE(s.value("daysLeft").toInt(), 30);
        QVERIFY(s.value("features").toArray().contains("cascade_parent"));
        QVERIFY(s.value("fingerprintId").toString().startsWith("VGL-"));
        QCOMPARE(s.value("platformId").toString(), p->engine->serverId());
        QVERIFY(p->logKinds().contains("trial_started"));
        // The answers hold exactly the fields server/api/licence.yaml names.
        const auto shapes = test::requiredFields(QStringLiteral(VIGIL_TEST_SOURCE_DIR_LITERAL "/server/api/licence.yaml"));
        QStringList keys = s.keys();
        keys.sort();
        QCOMPARE(keys, shapes.value("LicenceStatus"));
        keys = p->admin->get("/api/v1/licence/settings").json.keys();
        keys.sort();
        QCOMPARE(keys, shapes.value("LicenceSettings"));

        // Read for administrators only: a viewer gets 403.
        const ApiReply viewer = p->admin->post("/api/v1/users", {{"userName", "watcher"}, {"password", "Kestrel!Wing7"}, {"roleId", "viewer"}});
        QVERIFY2(viewer.status == 201, qPrintable(describe(viewer)));
        ApiSession other(*p->engine);
        QCOMPARE(other.login("watcher", "Kestrel!Wing7").status, 200);
        QCOMPARE(other.get("/api/v1/licence").status, 403);
    }

    // LIC-1: a new database in the same data folder (a reinstall) does not restart the trial.
    void trialSurvivesANewDatabase() {
        auto p = platform("bravo");
        QVERIFY(p);
        const qint64 started = p->status().value("trialStartedMs").toInteger();
        p->advance(10 * kDayMs);
        p->stop();
        QVERIFY(QFile::remove(p->root + "/server/vigil.db"));
        QVERIFY(QFile::remove(p->root + "/secrets/database-key") || true);
        QVERIFY(p->start(test::machine("bravo")));
        const QJsonObject s = p->status();
        QCOMPARE(s.value("trialStartedMs").toInteger(), started);
        QCOMPARE(s.value("daysLeft").toInt(), 20);
    }

    // LIC-1: winding the clock back is noticed, and the trial is judged by the latest time seen.
    void clockRollbackIsDetected() {
        auto p = platform("charlie");
        QVERIFY(p);
        QSignalSpy alarms(p->engine->licence(), &server::LicenceService::alarmRaised);
        p->advance(12 * kDayMs);
        QCOMPARE(p->status().value("daysLeft").toInt(), 18);
        QCOMPARE(p->status().value("clockRollback").toBool(), false);
        const qint64 seen = m_clock->nowMs();
        p->advance(-8 * kDayMs);
        const QJsonObject s = p->status();
        QCOMPARE(s.value("clockRollback").toBool(), true);
        QCOMPARE(s.value("clockSeenMaxMs").toInteger(), seen);
        QCOMPARE(s.value("daysLeft").toInt(), 18);  // not 26: going back gains nothing
        QVERIFY(p->logKinds().contains("clock_rollback"));
        QVERIFY(std::any_of(alarms.cbegin(), alarms.cend(), [](const QList<QVariant>& a) { return a.at(0) == "clock_rollback"; }));
        // The rollback survives a restart, and a new database (the seal keeps the latest time).
        p->stop();
        QVERIFY(QFile::remove(p->root + "/server/vigil.db"));
        QVERIFY(p->start(test::machine("charlie")));
        QCOMPARE(p->status().value("clockRollback").toBool(), true);
        QCOMPARE(p->status().value("daysLeft").toInt(), 18);
        // Once the clock is right again the warning clears.
        p->advance(8 * kDayMs);
        QCOMPARE(p->status().value("clockRollback").toBool(), false);
    }

    // LIC-1: capacity is enforced where devices are added, with a message that says how to get more.
    void capacityIsEnforced() {
        auto p = platform("delta");
        QVERIFY(p);
        QString firstId;
        for (int i = 0; i < 16; ++i) {
            const ApiReply added = p->addCamera(i);
            QVERIFY2(added.status == 201, qPrintable(describe(added)));
            firstId = firstId.isEmpty() ? added.json.value("id").toString() : firstId;
        }
        QCOMPARE(p->status().value("channelsUsed").toInt(), 16);
        const ApiReply refused = p->addCamera(16);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("licence_capacity"));
        QVERIFY2(refused.message().contains("licensed for 16 channels") && refused.message().contains("Licence page"),
                 qPrintable(refused.message()));
        QVERIFY(p->logKinds().contains("capacity_refused"));
        // A disabled device frees its channel; enabling it again while full is refused.
        QCOMPARE(p->admin->put("/api/v1/devices/" + firstId, {{"enabled", false}}).status, 200);
        QCOMPARE(p->addCamera(17).status, 201);
        const ApiReply enable = p->admin->put("/api/v1/devices/" + firstId, {{"enabled", true}});
        QCOMPARE(enable.status, 403);
        QCOMPARE(enable.error(), QStringLiteral("licence_capacity"));
        // After the trial: nothing is removed or stopped, but nothing may be added.
        p->advance(31 * kDayMs);
        QCOMPARE(p->status().value("state").toString(), QStringLiteral("expired"));
        QCOMPARE(p->admin->get("/api/v1/devices").json.value("devices").toArray().size(), 17);
        const ApiReply expired = p->addCamera(18);
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.error(), QStringLiteral("licence_inactive"));
        QVERIFY2(expired.message().contains("keep recording"), qPrintable(expired.message()));
    }

    // LIC-1: expiry alarms 14, 7, 3, 1 days before and at expiry, each once.
    void expiryRaisesAlarmsBeforeAndAt() {
        auto p = platform("echo");
        QVERIFY(p);
        QSignalSpy alarms(p->engine->licence(), &server::LicenceService::alarmRaised);
        p->advance(10 * kDayMs);
        (void)p->status();
        QCOMPARE(alarms.size(), 0);
        p->advance(6 * kDayMs + 1000);  // 14 days left
        QVERIFY(p->status().value("expiring").toBool());
        (void)p->status();
        QCOMPARE(alarms.size(), 1);
        QCOMPARE(alarms.at(0).at(0).toString(), QStringLiteral("expiry_warning"));
        QVERIFY(alarms.at(0).at(1).toString().contains("14 days left"));
        p->advance(14 * kDayMs);
        (void)p->status();
        QCOMPARE(alarms.size(), 2);
        QCOMPARE(alarms.at(1).at(0).toString(), QStringLiteral("expired"));
        QVERIFY(p->logKinds().contains("expired"));
        // Both are in the event history as licence events (warning, then critical).
        const QJsonArray events = p->admin->get("/api/v1/events?kind=licence").json.value("events").toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value("severity").toString(), QStringLiteral("critical"));
        QCOMPARE(events.at(1).toObject().value("severity").toString(), QStringLiteral("warning"));
    }

    // LIC-1: online activation against vigil-license serving HTTPS on loopback; the same code from
    // another machine is refused, the same machine may activate it again (a reinstall).
    void onlineActivationAndCodeBoundToItsMachine() {
        auto p = platform("foxtrot");
        QVERIFY(p);
        p->trustVendor(*m_vendor);
        const QString code = m_vendor->issue({"--edition", "pro", "--channels", "64", "--features", "distributed,video_wall",
                                              "--days", "365", "--licensee", "Harbour Authority"});
        QVERIFY(!code.isEmpty());
        const ApiReply activated = p->activate({{"activationCode", code.toLower()}});
        QVERIFY2(activated.status == 200, qPrintable(describe(activated)));
        QCOMPARE(activated.json.value("state").toString(), QStringLiteral("licensed"));
        QCOMPARE(activated.json.value("edition").toString(), QStringLiteral("pro"));
        QCOMPARE(activated.json.value("channels").toInt(), 64);
        QCOMPARE(activated.json.value("licensee").toString(), QStringLiteral("Harbour Authority"));
        QCOMPARE(activated.json.value("features").toArray(), QJsonArray({"distributed", "video_wall"}));
        QCOMPARE(activated.json.value("activationCodes").toArray(), QJsonArray({code}));
        const QJsonObject record = codeRecord(code);
        QCOMPARE(record.value("state").toString(), QStringLiteral("active"));
        QCOMPARE(record.value("fingerprintId").toString(), p->status().value("fingerprintId").toString());
        QCOMPARE(record.value("platformId").toString(), p->engine->serverId());
        // The security log says who activated what.
        const ApiReply log = p->admin->get("/api/v1/security-log?kind=setting_changed");
        QVERIFY2(QJsonDocument(log.json).toJson().contains("Pro licence activated"), log.body.constData());

        // Another machine: refused, saying where the code runs.
        auto other = platform("golf");
        QVERIFY(other);
        other->trustVendor(*m_vendor);
        const ApiReply refused = other->activate({{"activationCode", code}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(), QStringLiteral("code_used"));
        QVERIFY2(refused.message().contains(record.value("fingerprintId").toString()), qPrintable(refused.message()));
        QCOMPARE(other->status().value("state").toString(), QStringLiteral("trial"));

        // The same machine with one factor changed (a new network card) may activate it again.
        core::license::MachineFactors changed = test::machine("foxtrot");
        changed.macs = {"new-card"};
        p->stop();
        QVERIFY(p->start(changed));
        QCOMPARE(p->status().value("state").toString(), QStringLiteral("licensed"));
        p->trustVendor(*m_vendor);
        const ApiReply again = p->activate({{"activationCode", code}});
        QVERIFY2(again.status == 200, qPrintable(describe(again)));
    }

    // LIC-1: an unreachable vendor gives a clear message that suggests offline activation.
    void unreachableVendorSuggestsOffline() {
        auto p = platform("hotel");
        QVERIFY(p);
        QCOMPARE(p->admin->put("/api/v1/licence/settings", {{"vendorUrl", QStringLiteral("https://127.0.0.1:%1").arg(test::closedPort())}}).status, 200);
        const ApiReply refused = p->activate({{"activationCode", "VGL-AAAAA-BBBBB-CCCCC-DDDDD"}});
        QCOMPARE(refused.status, 502);
        QCOMPARE(refused.error(), QStringLiteral("vendor_unreachable"));
        QVERIFY2(refused.message().contains("activate offline"), qPrintable(refused.message()));
        QCOMPARE(p->admin->put("/api/v1/licence/settings", {{"vendorUrl", "http://plain.example"}}).status, 400);
        const ApiReply badCode = p->activate({{"activationCode", "not a code"}});
        QCOMPARE(badCode.status, 400);
    }

    // LIC-1: offline activation by request file and activation file; then renewal and added capacity.
    void offlineActivationRenewalAndCapacity() {
        auto p = platform("india");
        QVERIFY(p);
        const QString code = m_vendor->issue({"--edition", "pro", "--channels", "8", "--days", "30"});
        const ApiReply imported = activateOffline(*p, {{"activationCode", code}});
        QVERIFY2(imported.status == 200, qPrintable(describe(imported)));
        QCOMPARE(imported.json.value("state").toString(), QStringLiteral("licensed"));
        QCOMPARE(imported.json.value("channels").toInt(), 8);
        const qint64 expires = imported.json.value("expiresMs").toInteger();

        const QString more = m_vendor->issue({"--kind", "capacity", "--channels", "8"});
        const ApiReply bigger = activateOffline(*p, {{"activationCode", more}});
        QVERIFY2(bigger.status == 200, qPrintable(describe(bigger)));
        QCOMPARE(bigger.json.value("channels").toInt(), 16);
        QCOMPARE(bigger.json.value("expiresMs").toInteger(), expires);
        QCOMPARE(bigger.json.value("activationCodes").toArray(), QJsonArray({code, more}));
        QCOMPARE(bigger.json.value("licensee").toString(), imported.json.value("licensee").toString());
        QVERIFY(!imported.json.value("licensee").toString().isEmpty());

        p->trustVendor(*m_vendor);
        const QString renewal = m_vendor->issue({"--kind", "renewal", "--days", "365"});
        const ApiReply renewed = p->activate({{"activationCode", renewal}});
        QVERIFY2(renewed.status == 200, qPrintable(describe(renewed)));
        QCOMPARE(renewed.json.value("expiresMs").toInteger(), expires + 365 * kDayMs);
        QCOMPARE(renewed.json.value("channels").toInt(), 16);
        // A capacity code is used once.
        const ApiReply twice = p->activate({{"activationCode", more}});
        QCOMPARE(twice.error(), QStringLiteral("code_used"));
    }

    // LIC-1: Express to Pro with the Express activation code (online) ...
    void upgradeFromExpressWithItsCode() {
        auto p = platform("juliet");
        QVERIFY(p);
        p->trustVendor(*m_vendor);
        const QString express = m_vendor->issue({"--edition", "express", "--channels", "4", "--features", "video_wall"});
        const ApiReply activated = p->activate({{"activationCode", express}});
        QVERIFY2(activated.status == 200, qPrintable(describe(activated)));
        QCOMPARE(activated.json.value("edition").toString(), QStringLiteral("express"));
        QCOMPARE(activated.json.value("features").toArray(), QJsonArray({"video_wall"}));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(p->addCamera(i).status, 201);
        }
        QCOMPARE(p->addCamera(5).error(), QStringLiteral("licence_capacity"));

        const QString upgrade = m_vendor->issue({"--kind", "upgrade", "--edition", "pro", "--channels", "32", "--features", "cascade_parent"});
        const ApiReply without = p->activate({{"activationCode", upgrade}});
        QCOMPARE(without.status, 409);
        QCOMPARE(without.error(), QStringLiteral("upgrade_needs_express"));
        const ApiReply upgraded = p->activate({{"activationCode", upgrade}, {"expressCode", express}});
        QVERIFY2(upgraded.status == 200, qPrintable(describe(upgraded)));
        QCOMPARE(upgraded.json.value("edition").toString(), QStringLiteral("pro"));
        QCOMPARE(upgraded.json.value("channels").toInt(), 32);
        QCOMPARE(upgraded.json.value("upgradedFrom").toString(), express);
        QCOMPARE(p->addCamera(5).status, 201);
        QCOMPARE(codeRecord(express).value("state").toString(), QStringLiteral("deactivated"));
        // The Express code is spent: it activates nowhere again.
        auto other = platform("kilo");
        QVERIFY(other);
        other->trustVendor(*m_vendor);
        QCOMPARE(other->activate({{"activationCode", express}}).error(), QStringLiteral("code_deactivated"));
    }

    // ... and with the Express deactivation file (offline).
    void upgradeFromExpressWithItsDeactivationFile() {
        auto p = platform("lima");
        QVERIFY(p);
        const QString express = m_vendor->issue({"--edition", "express", "--channels", "8"});
        QCOMPARE(activateOffline(*p, {{"activationCode", express}}).status, 200);
        const ApiReply deactivation = p->admin->post("/api/v1/licence/deactivation");
        QVERIFY2(deactivation.status == 200, qPrintable(describe(deactivation)));
        QCOMPARE(deactivation.json.value("format").toString(), QStringLiteral("vigil-licence-deactivation"));
        QCOMPARE(p->status().value("state").toString(), QStringLiteral("trial"));  // back on what remains of the trial
        QCOMPARE(p->admin->post("/api/v1/licence/deactivation").error(), QStringLiteral("licence_not_express"));

        const QString upgrade = m_vendor->issue({"--kind", "upgrade", "--edition", "pro", "--channels", "48"});
        const ApiReply upgraded = activateOffline(*p, {{"activationCode", upgrade}, {"expressDeactivation", deactivation.json}});
        QVERIFY2(upgraded.status == 200, qPrintable(describe(upgraded)));
        QCOMPARE(upgraded.json.value("edition").toString(), QStringLiteral("pro"));
        QCOMPARE(upgraded.json.value("channels").toInt(), 48);
        QCOMPARE(upgraded.json.value("upgradedFrom").toString(), express);
        const QJsonObject record = codeRecord(express);
        QCOMPARE(record.value("state").toString(), QStringLiteral("deactivated"));
        QVERIFY(record.value("deactivationReason").toString().contains(upgrade));
        // The same deactivation file cannot buy a second upgrade.
        const QString second = m_vendor->issue({"--kind", "upgrade", "--edition", "pro", "--channels", "48"});
        auto other = platform("mike");
        QVERIFY(other);
        const ApiReply request = other->admin->post("/api/v1/licence/request", {{"activationCode", second}, {"expressDeactivation", deactivation.json}});
        QCOMPARE(request.status, 200);
        QCOMPARE(activateOffline(*other, {{"activationCode", second}, {"expressDeactivation", deactivation.json}}).status, -1);
    }

    // LIC-1: tampered, expired, other-machine, other-platform, unsigned, wrong-key and malformed
    // licences are refused with their reasons; a licence signed with the second trusted key (rotation) works.
    void badLicencesAreRefusedWithTheirReasons() {
        auto p = platform("november");
        QVERIFY(p);
        const auto factors = test::machine("november");
        const core::license::LicenceDocument good = licenceFor(*p, factors);
        auto import = [&p](const QByteArray& file) { return p->admin->call("POST", "/api/v1/licence/import", {}, file); };

        QJsonObject tampered = QJsonDocument::fromJson(signedFile(good, test::developmentKey(1))).object();
        QJsonObject inner = tampered.value("licence").toObject();
        inner.insert("channels", 3200);
        tampered.insert("licence", inner);
        ApiReply r = import(QJsonDocument(tampered).toJson());
        QCOMPARE(r.status, 422);
        QCOMPARE(r.error(), QStringLiteral("licence_tampered"));

        core::license::LicenceDocument expired = good;
        expired.expiresMs = m_clock->nowMs() - 1000;
        r = import(signedFile(expired, test::developmentKey(1)));
        QCOMPARE(r.error(), QStringLiteral("licence_expired"));
        QVERIFY(r.message().contains("Renew"));

        core::license::LicenceDocument elsewhere = good;
        elsewhere.fingerprint = core::license::MachineFingerprint::fromFactors(test::machine("oscar"));
        r = import(signedFile(elsewhere, test::developmentKey(1)));
        QCOMPARE(r.error(), QStringLiteral("licence_other_machine"));
        QVERIFY2(r.message().contains("0 of its 5 machine factors"), qPrintable(r.message()));

        core::license::LicenceDocument otherPlatform = good;
        otherPlatform.platformId = QStringLiteral("another-platform");
        QCOMPARE(import(signedFile(otherPlatform, test::developmentKey(1))).error(), QStringLiteral("licence_other_platform"));

        QJsonObject unsignedFile = QJsonDocument::fromJson(signedFile(good, test::developmentKey(1))).object();
        unsignedFile.remove("signature");
        QCOMPARE(import(QJsonDocument(unsignedFile).toJson()).error(), QStringLiteral("licence_unsigned"));

        auto foreign = core::license::Ed25519::generate();
        const QString foreignKey = m_dir.filePath("foreign.pem");
        writeAll(foreignKey, foreign->privatePem);
        r = import(signedFile(good, foreignKey));
        QCOMPARE(r.error(), QStringLiteral("licence_unknown_key"));
        QVERIFY(r.message().contains(foreign->keyId()));

        r = import("{\"format\": \"vigil-licence\"");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error(), QStringLiteral("bad_request"));  // not JSON: the gateway refuses the body
        r = import(R"({"format": "vigil-licence", "version": 1, "licence": {"edition": "gold"}})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error(), QStringLiteral("licence_malformed"));
        QCOMPARE(p->status().value("state").toString(), QStringLiteral("trial"));  // nothing changed
        QVERIFY(p->logKinds().contains("activation_failed"));

        // Key rotation: the second trusted key signs a good licence.
        r = import(signedFile(good, test::developmentKey(2)));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json.value("state").toString(), QStringLiteral("licensed"));
        QCOMPARE(r.json.value("channels").toInt(), 32);

        // The stored licence is verified again: the same data on another machine is invalid.
        p->stop();
        QVERIFY(p->start(test::machine("papa")));
        const QJsonObject moved = p->status();
        QCOMPARE(moved.value("state").toString(), QStringLiteral("invalid"));
        QVERIFY(moved.value("problem").toString().contains("another machine"));
        QCOMPARE(p->addCamera(1).error(), QStringLiteral("licence_inactive"));
        // And an expired licence shows expired with the way out.
        p->stop();
        QVERIFY(p->start(factors));
        p->advance(101 * kDayMs);
        QCOMPARE(p->status().value("state").toString(), QStringLiteral("expired"));
    }
};

QTEST_GUILESS_MAIN(TestLicenceApi)
#include "tst_licence_api.moc"
