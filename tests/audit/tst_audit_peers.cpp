// The audit's checks of the platform's system and backup features against real peers on 127.0.0.1
// (issue 8): the time check (SEC-1.5) passes only while chronyd answers NTP and fails as soon as it
// stops; the network log check (SEC-3.1) passes only when rsyslogd with rsyslog-gnutls takes a test
// message over TLS with a certificate that verifies, and fails without the CA and once rsyslog is
// gone; the backup check (SEC-2.7) needs a schedule with a passphrase and a backup within its period;
// the updates check (SEC-1.4) needs a manifest signed by vigil-license and says what it names; the
// factory defaults check (SEC-1.1) names the roles that may reset; the ports check (SEC-2.1) and the
// certificate check (SEC-2.3) read what the gateway serves; media encryption (SEC-2.4) has nothing to
// judge without cameras.

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "../backup/signed_manifest.h"
#include "audit_runs.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/chrony_peer.h"
#include "support/test_engine.h"
#include "support/tls_peers.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::evidenceOf;
using test::stateOf;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kPassphrase = QStringLiteral("long enough passphrase");
constexpr int kWaitMs = 20000;  // bounds a hang only

}  // namespace

class TestAuditPeers : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_api;

    QJsonObject audit(int level) { return test::runAudit(*m_api, level); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.filePath(QStringLiteral("engine")));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.backupKdf.memoryKiB = 256;  // the default (64 MiB, 3 passes) is for real sites
        options.backupKdf.iterations = 1;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_api = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_api->post(QStringLiteral("/api/v1/setup"), test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(m_api->login(kAdmin, kAdminPassword).status, 200);
    }

    // SEC-1.5: no server set -> fail; chronyd on a free loopback port -> pass with its offset; chronyd
    // stopped -> the next audit asks again and fails.
    void timeCheckPassesOnlyWhileChronyAnswers() {
        QJsonObject run = audit(1);
        QCOMPARE(stateOf(run, "sec-1.5-platform-time"), QStringLiteral("fail"));
        QVERIFY2(evidenceOf(run, "sec-1.5-platform-time").contains("No NTP server"), qPrintable(evidenceOf(run, "sec-1.5-platform-time")));

        test::ChronyPeer chrony;
        QString error;
        QVERIFY2(chrony.start(&error), qPrintable(error));
        const ApiReply set = m_api->put(QStringLiteral("/api/v1/system/time"), QJsonObject{{"servers", QJsonArray{chrony.address()}}});
        QVERIFY2(set.status == 200, qPrintable(test::describe(set)));
        run = audit(1);
        QVERIFY2(stateOf(run, "sec-1.5-platform-time") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-1.5-platform-time")));
        QVERIFY2(evidenceOf(run, "sec-1.5-platform-time").contains(chrony.address()), qPrintable(evidenceOf(run, "sec-1.5-platform-time")));
        QVERIFY(evidenceOf(run, "sec-1.5-platform-time").contains("stratum"));

        chrony.stop();
        run = audit(1);
        QVERIFY2(stateOf(run, "sec-1.5-platform-time") == QLatin1String("fail"), qPrintable(evidenceOf(run, "sec-1.5-platform-time")));
        QVERIFY(!evidenceOf(run, "sec-1.5-platform-time").contains("answered now"));
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/system/time"), QJsonObject{{"servers", QJsonArray{}}}).status, 200);
    }

    // SEC-3.1: off -> fail; rsyslog over TLS with its CA -> pass, and the test message is in rsyslog's
    // file; without the CA the certificate is not trusted -> fail; rsyslog gone -> fail.
    void networkLogCheckPassesOnlyWhenRsyslogTakesTls() {
        QJsonObject run = audit(3);
        QCOMPARE(stateOf(run, "sec-3.1-network-log"), QStringLiteral("fail"));

        const QString pki = m_dir.filePath(QStringLiteral("pki"));
        QVERIFY(QDir().mkpath(pki));
        QVERIFY(test::makeTestCertificates(pki));
        const QString caPem = QString::fromLatin1(test::readWholeFile(pki + QStringLiteral("/ca.pem")));
        auto syslog = std::make_unique<test::SyslogPeer>(m_dir.filePath(QStringLiteral("syslog")), pki);
        QVERIFY(syslog->waitUntilListening());

        // Without the CA: rsyslog's certificate cannot be verified.
        ApiReply set = m_api->put(QStringLiteral("/api/v1/system/network-log"),
                                  QJsonObject{{"enabled", true}, {"host", "127.0.0.1"}, {"port", int(syslog->port())}});
        QVERIFY2(set.status == 200, qPrintable(test::describe(set)));
        run = audit(3);
        QVERIFY2(stateOf(run, "sec-3.1-network-log") == QLatin1String("fail"), qPrintable(evidenceOf(run, "sec-3.1-network-log")));
        QVERIFY2(evidenceOf(run, "sec-3.1-network-log").contains("not trusted"), qPrintable(evidenceOf(run, "sec-3.1-network-log")));

        set = m_api->put(QStringLiteral("/api/v1/system/network-log"), QJsonObject{{"caPem", caPem}});
        QVERIFY2(set.status == 200, qPrintable(test::describe(set)));
        run = audit(3);
        QVERIFY2(stateOf(run, "sec-3.1-network-log") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-3.1-network-log")));
        QVERIFY(evidenceOf(run, "sec-3.1-network-log").contains(QStringLiteral("127.0.0.1:%1").arg(syslog->port())));
        QVERIFY2(QTest::qWaitFor([&] { return syslog->received().contains("Vigil network log test, sent by the security audit"); }, kWaitMs),
                 syslog->received().constData());

        // rsyslog stops (SIGTERM to its PID); once the platform has noticed, the check fails.
        syslog.reset();
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_api->get(QStringLiteral("/api/v1/system/network-log")).json.value("lastError").toString().isEmpty(); },
            kWaitMs));
        run = audit(3);
        QVERIFY2(stateOf(run, "sec-3.1-network-log") == QLatin1String("fail"), qPrintable(evidenceOf(run, "sec-3.1-network-log")));
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/system/network-log"), QJsonObject{{"enabled", false}}).status, 200);
    }

    // SEC-2.7: no schedule -> fail; a schedule with a passphrase but no backup yet -> fail; a backup
    // made -> pass.
    void backupCheckNeedsAScheduleAndARecentBackup() {
        QJsonObject run = audit(2);
        QCOMPARE(stateOf(run, "sec-2.7-config-backup"), QStringLiteral("fail"));
        QVERIFY2(evidenceOf(run, "sec-2.7-config-backup").contains("schedule is off"), qPrintable(evidenceOf(run, "sec-2.7-config-backup")));

        const ApiReply schedule = m_api->put(QStringLiteral("/api/v1/system/backups/schedule"),
                                             QJsonObject{{"enabled", true}, {"frequency", "daily"}, {"time", "02:00"},
                                                         {"keep", 7}, {"passphrase", kPassphrase}});
        QVERIFY2(schedule.status == 200, qPrintable(test::describe(schedule)));
        run = audit(2);
        QCOMPARE(stateOf(run, "sec-2.7-config-backup"), QStringLiteral("fail"));
        QVERIFY2(evidenceOf(run, "sec-2.7-config-backup").contains("no backup was made"), qPrintable(evidenceOf(run, "sec-2.7-config-backup")));

        const ApiReply started = m_api->post(QStringLiteral("/api/v1/system/backups"), QJsonObject{{"passphrase", kPassphrase}});
        QCOMPARE(started.status, 202);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_api->get(QStringLiteral("/api/v1/system/backups/jobs/") + started.json.value("id").toString())
                           .json.value("state")
                           .toString() == QLatin1String("succeeded");
            },
            kWaitMs));
        run = audit(2);
        QVERIFY2(stateOf(run, "sec-2.7-config-backup") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-2.7-config-backup")));
        QVERIFY(evidenceOf(run, "sec-2.7-config-backup").contains("daily at 02:00 UTC"));
    }

    // SEC-1.4: no manifest -> fail; a signed manifest naming a newer platform -> fail naming it; one
    // naming this build -> pass.
    void updatesCheckFollowsTheSignedManifest() {
        QJsonObject run = audit(1);
        QCOMPARE(stateOf(run, "sec-1.4-platform-version"), QStringLiteral("fail"));
        QVERIFY(evidenceOf(run, "sec-1.4-platform-version").contains("No update manifest"));

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray newer = test::signedManifest(m_dir.path(), "99.0.0", VIGIL_VERSION, "1.0.0", now - 1000);
        QVERIFY(!newer.isEmpty());
        ApiReply imported = m_api->call("POST", "/api/v1/system/updates/manifest", {}, newer);
        QVERIFY2(imported.status == 200, qPrintable(test::describe(imported)));
        run = audit(1);
        QCOMPARE(stateOf(run, "sec-1.4-platform-version"), QStringLiteral("fail"));
        QVERIFY2(evidenceOf(run, "sec-1.4-platform-version").contains("99.0.0"), qPrintable(evidenceOf(run, "sec-1.4-platform-version")));

        const QByteArray current = test::signedManifest(m_dir.path(), VIGIL_VERSION, VIGIL_VERSION, "1.0.0", now);
        imported = m_api->call("POST", "/api/v1/system/updates/manifest", {}, current);
        QVERIFY2(imported.status == 200, qPrintable(test::describe(imported)));
        run = audit(1);
        QVERIFY2(stateOf(run, "sec-1.4-platform-version") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-1.4-platform-version")));
    }

    // SEC-1.1: only roles with user_admin hold maintenance -> pass; a custom operator role given
    // maintenance -> fail naming it.
    void factoryDefaultsCheckNamesWhoMayReset() {
        QJsonObject run = audit(1);
        QVERIFY2(stateOf(run, "sec-1.1-restore-defaults") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-1.1-restore-defaults")));
        QVERIFY(evidenceOf(run, "sec-1.1-restore-defaults").contains("factory-defaults"));
        const ApiReply role = m_api->post(QStringLiteral("/api/v1/roles"),
                                          QJsonObject{{"name", "Night shift"}, {"permissions", QJsonArray{"live", "maintenance"}},
                                                      {"allChannels", true}, {"channels", QJsonArray{}}});
        QVERIFY2(role.status == 201, qPrintable(test::describe(role)));
        run = audit(1);
        QCOMPARE(stateOf(run, "sec-1.1-restore-defaults"), QStringLiteral("fail"));
        QVERIFY2(evidenceOf(run, "sec-1.1-restore-defaults").contains("Night shift"), qPrintable(evidenceOf(run, "sec-1.1-restore-defaults")));
        QCOMPARE(m_api->del("/api/v1/roles/" + role.json.value("id").toString()).status, 204);
    }

    // SEC-2.1, SEC-2.3, SEC-2.4: what the gateway serves and the cameras there are (none).
    void portsCertificateAndMediaChecks() {
        const QJsonObject run = audit(2);
        // The test engine listens on a port the kernel picked, not 7443.
        QVERIFY2(stateOf(run, "sec-2.1-service-ports") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-2.1-service-ports")));
        QVERIFY(evidenceOf(run, "sec-2.1-service-ports").contains(QString::number(m_engine->https()->port())));
        QVERIFY2(stateOf(run, "sec-2.3-certificate") == QLatin1String("pass"), qPrintable(evidenceOf(run, "sec-2.3-certificate")));
        QVERIFY(evidenceOf(run, "sec-2.3-certificate").contains("platform certificate"));
        QCOMPARE(stateOf(run, "sec-2.4-media-encryption"), QStringLiteral("not_applicable"));
    }

    void cleanupTestCase() {
        m_api.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestAuditPeers)
#include "tst_audit_peers.moc"
