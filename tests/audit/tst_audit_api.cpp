// The security audit against a real engine on 127.0.0.1 (issue 8, SEC-1.x..4.x, WIZ-1..4): the
// catalogue as data; a fresh platform audited at levels 1, 2 and 3 gives the expected fails (levels
// nest); the platform made weaker through the ordinary settings API fails more, and the fixes (a job
// with progress and a list of what changed, each in the security log) make those items pass again;
// attestations are stored, shown in runs and the report; the function table switches camera search
// off for real; a run below the chosen level raises a security_drift event; cancel stops an audit
// without storing it; sslscan against the engine confirms what the HTTPS check says; the report comes
// as HTML and as PDF, which pdftoppm renders to a PNG in the artifacts folder for people to look at.
// The items, fixes, functions and the report come in German or Simplified Chinese when ?lang= asks
// for it (English otherwise), and every item, fix, function and report label has both translations.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "../events/event_socket.h"
#include "audit_runs.h"
#include "audit/audit_catalogue.h"
#include "audit/audit_service.h"
#include "audit/audit_translation.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/api_yaml.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::resultsById;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kBackupPassphrase = QStringLiteral("long enough passphrase");

// The audit's own items a fresh platform fails, by level (the items other parts check are left out:
// their checks land separately).
const QStringList kFreshFailsLevel1 = {QStringLiteral("sec-1.2-password-expiry")};
const QStringList kFreshFailsLevel2 = kFreshFailsLevel1 + QStringList{QStringLiteral("sec-2.5-address-filter"),
                                                                      QStringLiteral("sec-2.9-redundant-storage")};
const QStringList kFreshFailsLevel3 =
    kFreshFailsLevel2 + QStringList{QStringLiteral("sec-3.1-network-log"), QStringLiteral("sec-3.3-standby"),
                                    QStringLiteral("sec-3.2-host-8021x"), QStringLiteral("sec-3.4-physical"),
                                    QStringLiteral("sec-3.5-network-isolation"), QStringLiteral("sec-4.4-gateway-binding")};

QString ownerOf(const QString& itemId) {
    const auto* item = server::auditItem(itemId);
    return item ? item->owner : QString();
}

}  // namespace

class TestAuditApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_api;
    QString m_fixBackup;  // the backup the fix job made first

    QJsonObject waitForJob(const QString& id) { return test::waitForSecurityJob(*m_api, id); }
    QJsonObject audit(int level) { return test::runAudit(*m_api, level); }

    // The audit-owned items of the run that fail.
    static QString ownFails(const QJsonObject& run) {
        QStringList fails;
        for (const QJsonValue& value : run.value(QStringLiteral("results")).toArray()) {
            const QJsonObject result = value.toObject();
            const QString id = result.value(QStringLiteral("itemId")).toString();
            if (result.value(QStringLiteral("state")).toString() == QLatin1String("fail") &&
                ownerOf(id) == QLatin1String("audit")) {
                fails << id;
            }
        }
        fails.sort();
        return fails.join(QLatin1Char(' '));
    }

    static QString sortedCopy(QStringList list) {
        list.sort();
        return list.join(QLatin1Char(' '));
    }

    // The catalogue's items by id, as GET /api/v1/security/catalogue answers for `query` ("?lang=de").
    QList<QJsonObject> catalogueItems(const QString& query) {
        const ApiReply reply = m_api->get(QStringLiteral("/api/v1/security/catalogue") + query);
        QList<QJsonObject> items;
        for (const QJsonValue& value : reply.json.value(QStringLiteral("items")).toArray()) {
            items << value.toObject();
        }
        return items;
    }

    // Writes `pdf` to the artifacts as <name>.pdf, renders its first page to <name>-1.png and returns
    // the text pdftotext reads from that page.
    static QString keepPdf(const QByteArray& pdf, const QString& name) {
        const QString dir = QStringLiteral(VIGIL_AUDIT_ARTIFACTS);
        if (!QDir().mkpath(dir)) {
            return {};
        }
        QFile file(dir + QLatin1Char('/') + name + QStringLiteral(".pdf"));
        if (!file.open(QIODevice::WriteOnly)) {
            return {};
        }
        file.write(pdf);
        file.close();
        QFile::remove(dir + QLatin1Char('/') + name + QStringLiteral("-1.png"));
        QProcess render;
        render.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"),
                                                 QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                                                 file.fileName(), dir + QLatin1Char('/') + name});
        if (!render.waitForFinished(60000) || render.exitCode() != 0 ||
            QFileInfo(dir + QLatin1Char('/') + name + QStringLiteral("-1.png")).size() < 10000) {
            qWarning().noquote() << "pdftoppm" << render.readAllStandardError();
            return {};
        }
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                 QStringLiteral("1"), file.fileName(), QStringLiteral("-")});
        return text.waitForFinished(30000) ? QString::fromUtf8(text.readAllStandardOutput()) : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.backupKdf.memoryKiB = 256;  // the default (64 MiB, 3 passes) is for real sites
        options.backupKdf.iterations = 1;
        m_engine = std::make_unique<server::Engine>(options);
        QVERIFY(m_engine->start().ok());
        m_api = std::make_unique<ApiSession>(*m_engine);
        const ApiReply setup = m_api->post(QStringLiteral("/api/v1/setup"), test::setupBody(kAdmin, kAdminPassword));
        QVERIFY2(setup.status == 200 || setup.status == 201, qPrintable(describe(setup)));
        QCOMPARE(m_api->login(kAdmin, kAdminPassword).status, 200);
    }

    // WIZ-1: the items are data: every one with a level, a kind, words for people; fixes named.
    void catalogueIsData() {
        const ApiReply reply = m_api->get(QStringLiteral("/api/v1/security/catalogue"));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), server::auditCatalogue().size());
        QSet<QString> requirements;
        for (const QJsonValue& value : items) {
            const QJsonObject item = value.toObject();
            QVERIFY(item.value(QStringLiteral("level")).toInt() >= 1 && item.value(QStringLiteral("level")).toInt() <= 3);
            QVERIFY(!item.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(item.value(QStringLiteral("why")).toString().size() > 30);
            requirements.insert(item.value(QStringLiteral("requirement")).toString());
        }
        // Every SEC requirement that applies has at least one item.
        for (const char* id : {"SEC-1.1", "SEC-1.2", "SEC-1.3", "SEC-1.4", "SEC-1.5", "SEC-1.6", "SEC-1.7", "SEC-1.8",
                               "SEC-1.9", "SEC-1.10", "SEC-2.1", "SEC-2.2", "SEC-2.3", "SEC-2.4", "SEC-2.5", "SEC-2.6",
                               "SEC-2.7", "SEC-2.8", "SEC-2.9", "SEC-2.10", "SEC-3.1", "SEC-3.2", "SEC-3.3", "SEC-3.4",
                               "SEC-3.5", "SEC-4.1", "SEC-4.2", "SEC-4.3", "SEC-4.4"}) {
            QVERIFY2(requirements.contains(QLatin1String(id)), id);
        }
        const auto lockout = std::find_if(items.begin(), items.end(), [](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("sec-1.7-lockout");
        });
        QVERIFY(lockout != items.end());
        QCOMPARE(lockout->toObject().value(QStringLiteral("fixId")).toString(), QStringLiteral("lockout-defaults"));
        // WIZ-2: the fix's title comes with the item, so the wizard names it before it runs.
        QCOMPARE(lockout->toObject().value(QStringLiteral("fixTitle")).toString(),
                 QStringLiteral("Lock after 5 failed logins in 5 min, for 30 min (where weaker)"));
        QVERIFY(lockout->toObject().value(QStringLiteral("checkAvailable")).toBool());
    }

    // WIZ-1: the recommendation follows the site's type, or its size when no type is given.
    void recommendsALevel() {
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/recommendation")).json.value(QStringLiteral("level")).toInt(), 1);
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/recommendation?type=medium")).json.value(QStringLiteral("level")).toInt(), 2);
        const ApiReply large = m_api->get(QStringLiteral("/api/v1/security/recommendation?type=infrastructure"));
        QCOMPARE(large.json.value(QStringLiteral("level")).toInt(), 3);
        QCOMPARE(large.json.value(QStringLiteral("higherPossible")).toBool(), false);
        const ApiReply bad = m_api->get(QStringLiteral("/api/v1/security/recommendation?type=huge"));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.message().contains(QStringLiteral("infrastructure")));
    }

    // A fresh platform at each level: the expected fails, levels nested, evidence on every finding.
    void freshPlatformAtEachLevel() {
        const QJsonObject one = audit(1);
        const QJsonObject two = audit(2);
        const QJsonObject three = audit(3);
        QCOMPARE(ownFails(one), sortedCopy(kFreshFailsLevel1));
        QCOMPARE(ownFails(two), sortedCopy(kFreshFailsLevel2));
        QCOMPARE(ownFails(three), sortedCopy(kFreshFailsLevel3));
        const auto r1 = resultsById(one);
        const auto r2 = resultsById(two);
        const auto r3 = resultsById(three);
        for (const QString& id : r1.keys()) {
            QVERIFY2(r2.contains(id) && r3.contains(id), qPrintable(id + " missing from a higher level"));
            QCOMPARE(server::auditItem(id)->level, 1);
        }
        for (const QString& id : r2.keys()) {
            QVERIFY2(r3.contains(id), qPrintable(id));
        }
        QVERIFY(r2.size() > r1.size() && r3.size() > r2.size());
        QCOMPARE(r3.size(), server::auditCatalogue().size());
        QCOMPARE(one.value(QStringLiteral("met")).toBool(), false);
        // What the audit's own checks report on a fresh platform.
        for (const char* pass : {"sec-1.2-password-policy", "sec-1.2-admin-account", "sec-1.3-reset-info",
                                 "sec-1.6-platform-functions", "sec-1.7-lockout", "sec-1.8-security-log",
                                 "sec-1.9-session-timeouts", "sec-1.10-anonymous-access", "sec-1.10-https-only",
                                 "sec-1.10-database-encryption", "sec-4.3-incident-response"}) {
            QVERIFY2(r1.value(QLatin1String(pass)).value(QStringLiteral("state")).toString() == QLatin1String("pass"),
                     qPrintable(QLatin1String(pass) + QStringLiteral(": ") +
                                QString::fromUtf8(QJsonDocument(r1.value(QLatin1String(pass))).toJson(QJsonDocument::Compact))));
        }
        QCOMPARE(r1.value("sec-4.2-smtp-tls").value("state").toString(), QStringLiteral("not_applicable"));
        QCOMPARE(r2.value("sec-2.10-platform-snmp").value("state").toString(), QStringLiteral("not_applicable"));
        QCOMPARE(r1.value("sec-1.2-password-expiry").value("fixId").toString(), QStringLiteral("password-expiry"));
        // Every finding says what it saw (attestation items: that nobody confirmed them yet).
        for (const QJsonObject& result : r3) {
            for (const QJsonValue& finding : result.value(QStringLiteral("findings")).toArray()) {
                QVERIFY2(!finding.toObject().value(QStringLiteral("evidence")).toString().isEmpty(),
                         qPrintable(result.value(QStringLiteral("itemId")).toString()));
            }
        }
        // Stored runs, newest first.
        const QJsonArray runs = m_api->get(QStringLiteral("/api/v1/security/audits")).json.value(QStringLiteral("runs")).toArray();
        QVERIFY(runs.size() >= 3);
        QCOMPARE(runs.first().toObject().value(QStringLiteral("id")).toString(), three.value(QStringLiteral("id")).toString());
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/audits/latest")).json.value(QStringLiteral("id")).toString(),
                 three.value(QStringLiteral("id")).toString());
    }

    // sslscan (a real TLS scanner) agrees with the HTTPS check: TLS 1.2/1.3 only.
    void sslscanConfirmsHttpsOnly() {
        QProcess scan;
        scan.start(QStringLiteral("sslscan"), {QStringLiteral("--no-colour"), QStringLiteral("--no-cipher-details"),
                                              QStringLiteral("--no-ciphersuites"), QStringLiteral("--no-fallback"),
                                              QStringLiteral("--no-renegotiation"), QStringLiteral("--no-compression"),
                                              QStringLiteral("--no-heartbleed"), QStringLiteral("--no-groups"),
                                              QStringLiteral("127.0.0.1:%1").arg(m_engine->https()->port())});
        // The engine answers on this thread: wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(scan.state() == QProcess::NotRunning, 120000);
        const QString out = QString::fromUtf8(scan.readAllStandardOutput());
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("TLSv1\\.2\\s+enabled"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("TLSv1\\.0\\s+disabled"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("TLSv1\\.1\\s+disabled"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("SSLv3\\s+disabled"))), qPrintable(out));
        const QJsonObject run = audit(1);
        const QString evidence = resultsById(run)
                                     .value(QStringLiteral("sec-1.10-https-only"))
                                     .value(QStringLiteral("findings"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("evidence"))
                                     .toString();
        const bool tls13 = out.contains(QRegularExpression(QStringLiteral("TLSv1\\.3\\s+enabled")));
        QVERIFY2(evidence.contains(tls13 ? QStringLiteral("TLS 1.3") : QStringLiteral("TLS 1.2")), qPrintable(evidence));
    }

    // SEC-1.6: the table covers the functions guides name; camera search really switches off.
    void functionTableSwitches() {
        const QJsonArray functions = m_api->get(QStringLiteral("/api/v1/security/functions")).json.value(QStringLiteral("functions")).toArray();
        QSet<QString> ids;
        for (const QJsonValue& value : functions) {
            ids.insert(value.toObject().value(QStringLiteral("id")).toString());
        }
        for (const char* id : {"https_gateway", "plain_http_redirect", "discovery_responder", "camera_discovery",
                               "multicast_video", "anonymous_access", "smtp", "syslog_forwarding", "snmp", "upnp_none"}) {
            if (QByteArray(id) == "upnp_none") {
                continue;
            }
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        }
        const ApiReply off = m_api->put(QStringLiteral("/api/v1/security/functions/camera_discovery"), {{QStringLiteral("enabled"), false}});
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json.value(QStringLiteral("enabled")).toBool(), false);
        const ApiReply search = m_api->post(QStringLiteral("/api/v1/discovery-jobs"), {{QStringLiteral("timeoutMs"), 500}});
        QCOMPARE(search.status, 409);  // refused before any probe is sent
        QCOMPARE(search.error(), QStringLiteral("multicast_discovery_off"));
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/functions/camera_discovery"), {{QStringLiteral("enabled"), true}}).status, 200);
        // (Not searched again: a multicast probe would leave loopback.)
        const ApiReply unicast = m_api->post(QStringLiteral("/api/v1/discovery-jobs"),
                                             {{QStringLiteral("timeoutMs"), 500}, {QStringLiteral("unicastHost"), QStringLiteral("127.0.0.1")}});
        QCOMPARE(unicast.status, 202);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/functions/https_gateway"), {{QStringLiteral("enabled"), false}}).status, 409);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/functions/telnet"), {{QStringLiteral("enabled"), true}}).status, 404);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/functions/smtp"), {{QStringLiteral("enabled"), true}}).status, 409);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/functions/smtp"), {{QStringLiteral("on"), true}}).status, 400);
    }

    // WIZ-2: weakened through the ordinary API, the platform fails; the fixes (a job) mend it, each
    // change listed and in the security log; a second audit passes those items.
    void fixesMakeFailsPass() {
        QJsonObject settings = m_api->get(QStringLiteral("/api/v1/settings/security")).json;
        QJsonObject lockout = settings.value(QStringLiteral("lockout")).toObject();
        lockout.insert(QStringLiteral("attempts"), 50);
        settings.insert(QStringLiteral("lockout"), lockout);
        QJsonObject sessions = settings.value(QStringLiteral("sessions")).toObject();
        sessions.insert(QStringLiteral("idleTimeoutMs"), 8 * 3600 * 1000);
        sessions.insert(QStringLiteral("maxPerUser"), 50);
        settings.insert(QStringLiteral("sessions"), sessions);
        const ApiReply weakened = m_api->put(QStringLiteral("/api/v1/settings/security"), settings);
        QVERIFY2(weakened.status == 200, qPrintable(describe(weakened)));
        // Password reset by e-mail switched on in the function table's own place (the settings), not declared there.
        QJsonObject reset = weakened.json.value(QStringLiteral("reset")).toObject();
        reset.insert(QStringLiteral("enabled"), true);
        QJsonObject again = weakened.json;
        again.insert(QStringLiteral("reset"), reset);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/settings/security"), again).status, 200);

        const QJsonObject before = audit(2);
        const QString expected = sortedCopy(kFreshFailsLevel2 + QStringList{QStringLiteral("sec-1.7-lockout"),
                                                                               QStringLiteral("sec-1.9-session-timeouts"),
                                                                               QStringLiteral("sec-2.6-concurrent-logins"),
                                                                               QStringLiteral("sec-1.6-platform-functions"),
                                                                               QStringLiteral("sec-1.3-reset-info")});
        QCOMPARE(ownFails(before), expected);

        QStringList fixIds;
        for (const QJsonObject& result : resultsById(before)) {
            if (!result.value(QStringLiteral("fixId")).toString().isEmpty()) {
                fixIds << result.value(QStringLiteral("fixId")).toString();
            }
        }
        fixIds.sort();
        QCOMPARE(fixIds, (QStringList{QStringLiteral("concurrent-logins"), QStringLiteral("functions-off"),
                                      QStringLiteral("lockout-defaults"), QStringLiteral("password-expiry"),
                                      QStringLiteral("session-timeouts")}));
        QCOMPARE(m_api->post(QStringLiteral("/api/v1/security/fixes"), {{QStringLiteral("fixIds"), QJsonArray{QStringLiteral("nope")}}}).status, 400);
        // WIZ-2: no fix without the backup made first; with no passphrase for it (neither in the request nor
        // the backup schedule's), the job fails and nothing changes.
        const ApiReply refused = m_api->post(QStringLiteral("/api/v1/security/fixes"),
                                             {{QStringLiteral("fixIds"), QJsonArray::fromStringList(fixIds)}});
        QCOMPARE(refused.status, 202);
        const QJsonObject refusedJob = waitForJob(refused.json.value(QStringLiteral("id")).toString());
        QCOMPARE(refusedJob.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(refusedJob.value(QStringLiteral("error")).toString(), QStringLiteral("backup_passphrase_missing"));
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/settings/security")).json.value(QStringLiteral("lockout")).toObject()
                     .value(QStringLiteral("attempts")).toInt(), 50);

        const ApiReply started = m_api->post(QStringLiteral("/api/v1/security/fixes"),
                                             {{QStringLiteral("fixIds"), QJsonArray::fromStringList(fixIds)},
                                              {QStringLiteral("backupPassphrase"), kBackupPassphrase}});
        QCOMPARE(started.status, 202);
        const QJsonObject job = waitForJob(started.json.value(QStringLiteral("id")).toString());
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(job.value(QStringLiteral("progress")).toDouble(), 1.0);
        const QJsonObject result = job.value(QStringLiteral("result")).toObject();
        // The backup made first, by name, among the platform's backups.
        m_fixBackup = result.value(QStringLiteral("backup")).toString();
        QVERIFY2(m_fixBackup.endsWith(QStringLiteral(".vbk")), qPrintable(m_fixBackup));
        const QJsonArray backups = m_api->get(QStringLiteral("/api/v1/system/backups")).json.value(QStringLiteral("backups")).toArray();
        QVERIFY2(std::any_of(backups.begin(), backups.end(),
                             [&](const QJsonValue& b) { return b.toObject().value(QStringLiteral("name")).toString() == m_fixBackup; }),
                 qPrintable(QJsonDocument(backups).toJson()));
        const QJsonArray changes = result.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), fixIds.size());
        QString allChanges;
        for (const QJsonValue& change : changes) {
            QVERIFY2(change.toObject().value(QStringLiteral("error")).toString().isEmpty(), qPrintable(change.toObject().value("error").toString()));
            QVERIFY2(!change.toObject().value(QStringLiteral("changes")).toArray().isEmpty(),
                     qPrintable(change.toObject().value(QStringLiteral("fixId")).toString()));
            for (const QJsonValue& line : change.toObject().value(QStringLiteral("changes")).toArray()) {
                allChanges += line.toString() + QLatin1Char('\n');
            }
        }
        QVERIFY2(allChanges.contains(QStringLiteral("lockout after 50 -> 5 failed logins")), qPrintable(allChanges));
        QVERIFY2(allChanges.contains(QStringLiteral("password_reset_email: on -> off")), qPrintable(allChanges));
        QVERIFY2(allChanges.contains(QStringLiteral("password expiry never -> 90 days")), qPrintable(allChanges));

        // The same settings the API shows, changed.
        const QJsonObject now = m_api->get(QStringLiteral("/api/v1/settings/security")).json;
        QCOMPARE(now.value(QStringLiteral("lockout")).toObject().value(QStringLiteral("attempts")).toInt(), 5);
        QCOMPARE(now.value(QStringLiteral("reset")).toObject().value(QStringLiteral("enabled")).toBool(), false);
        // Each fix in the security log.
        const QJsonArray log = m_api->get(QStringLiteral("/api/v1/security-log?limit=200")).json.value(QStringLiteral("entries")).toArray();
        QSet<QString> targets;
        for (const QJsonValue& entry : log) {
            targets.insert(entry.toObject().value(QStringLiteral("target")).toString());
        }
        for (const QString& id : fixIds) {
            QVERIFY2(targets.contains(QStringLiteral("security.fix.") + id), qPrintable(id));
        }

        const QJsonObject after = audit(2);
        QCOMPARE(ownFails(after), sortedCopy({QStringLiteral("sec-2.5-address-filter"), QStringLiteral("sec-2.9-redundant-storage")}));
    }

    // WIZ-2: the backup made before the fixes restores the state before them (the restore ends every
    // session: sign in again); the fixes are applied again for the tests after this one.
    void backupBeforeFixesRestoresThePreviousState() {
        QVERIFY(!m_fixBackup.isEmpty());
        const ApiReply restore = m_api->post(QStringLiteral("/api/v1/system/backups/restore"),
                                             {{QStringLiteral("name"), m_fixBackup}, {QStringLiteral("passphrase"), kBackupPassphrase}});
        QVERIFY2(restore.status == 202, qPrintable(describe(restore)));
        const QString jobPath = QStringLiteral("/api/v1/system/backups/jobs/") + restore.json.value(QStringLiteral("id")).toString();
        // Signed out by the restore once it is written: sign in again to read the job.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const ApiReply reply = m_api->get(jobPath);
                return reply.status == 401 || reply.json.value(QStringLiteral("state")).toString() != QLatin1String("running");
            },
            60000));
        QCOMPARE(m_api->login(kAdmin, kAdminPassword).status, 200);
        const QJsonObject job = m_api->get(jobPath).json;
        QVERIFY2(job.value(QStringLiteral("state")).toString() == QLatin1String("succeeded"), qPrintable(QJsonDocument(job).toJson()));
        const QJsonObject settings = m_api->get(QStringLiteral("/api/v1/settings/security")).json;
        QCOMPARE(settings.value(QStringLiteral("lockout")).toObject().value(QStringLiteral("attempts")).toInt(), 50);
        QCOMPARE(settings.value(QStringLiteral("reset")).toObject().value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(settings.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("maxPerUser")).toInt(), 50);
        QVERIFY(ownFails(audit(2)).contains(QStringLiteral("sec-1.7-lockout")));

        const ApiReply again = m_api->post(QStringLiteral("/api/v1/security/fixes"),
                                           {{QStringLiteral("fixIds"), QJsonArray{QStringLiteral("concurrent-logins"), QStringLiteral("functions-off"),
                                                                                  QStringLiteral("lockout-defaults"), QStringLiteral("password-expiry"),
                                                                                  QStringLiteral("session-timeouts")}},
                                            {QStringLiteral("backupPassphrase"), kBackupPassphrase}});
        QCOMPARE(waitForJob(again.json.value(QStringLiteral("id")).toString()).value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(ownFails(audit(2)), sortedCopy({QStringLiteral("sec-2.5-address-filter"), QStringLiteral("sec-2.9-redundant-storage")}));
    }

    // Attestations: only for attestation items, stored with who/when/comment, shown in runs, withdrawable.
    void attestationsAreStoredAndShown() {
        const QString path = QStringLiteral("/api/v1/security/attestations/sec-3.4-physical");
        QCOMPARE(m_api->put(path, {{QStringLiteral("comment"), QStringLiteral("  ")}}).status, 400);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/attestations/sec-1.7-lockout"),
                            {{QStringLiteral("comment"), QStringLiteral("trust me")}}).status, 409);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/attestations/sec-9.9"), {{QStringLiteral("comment"), QStringLiteral("x")}}).status, 404);
        const ApiReply given = m_api->put(path, {{QStringLiteral("comment"), QStringLiteral("Walked the site on Monday: "
                                                                                             "vandal domes, locked poles, surge arresters on every outdoor run.")}});
        QCOMPARE(given.status, 200);
        QCOMPARE(given.json.value(QStringLiteral("userName")).toString(), kAdmin);
        QVERIFY(given.json.value(QStringLiteral("timeMs")).toDouble() > 0);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/security/attestations/sec-4.4-gateway-binding"),
                            {{QStringLiteral("comment"), QStringLiteral("Static ARP entry for the gateway on the core switch.")}}).status,
                 200);
        const QJsonArray list = m_api->get(QStringLiteral("/api/v1/security/attestations")).json.value(QStringLiteral("attestations")).toArray();
        QCOMPARE(list.size(), 2);

        const auto results = resultsById(audit(3));
        const QJsonObject physical = results.value(QStringLiteral("sec-3.4-physical"));
        QCOMPARE(physical.value(QStringLiteral("state")).toString(), QStringLiteral("attested"));
        QCOMPARE(physical.value(QStringLiteral("attestation")).toObject().value(QStringLiteral("userName")).toString(), kAdmin);
        QCOMPARE(results.value(QStringLiteral("sec-3.2-host-8021x")).value(QStringLiteral("state")).toString(), QStringLiteral("fail"));
        // The isolation item shows the subnets as evidence for whoever confirms it.
        const QString subnets = results.value(QStringLiteral("sec-3.5-network-isolation")).value(QStringLiteral("findings")).toArray().last().toObject().value(QStringLiteral("evidence")).toString();
        QVERIFY2(subnets.contains(QStringLiteral("Clients on: 127.0.0.0/24")), qPrintable(subnets));

        QCOMPARE(m_api->del(QStringLiteral("/api/v1/security/attestations/sec-4.4-gateway-binding")).status, 204);
        QCOMPARE(m_api->del(QStringLiteral("/api/v1/security/attestations/sec-4.4-gateway-binding")).status, 404);
    }

    // WIZ-4: a chosen level and a schedule; a run below the level after one that met it raises an event.
    void driftRaisesAnEvent() {
        const ApiReply bad = m_api->put(QStringLiteral("/api/v1/security/settings"), {{QStringLiteral("targetLevel"), 4}, {QStringLiteral("scheduleHours"), 0}});
        QCOMPARE(bad.status, 400);
        const ApiReply set = m_api->put(QStringLiteral("/api/v1/security/settings"),
                                        {{QStringLiteral("targetLevel"), 1}, {QStringLiteral("scheduleHours"), 24}});
        QCOMPARE(set.status, 200);
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/settings")).json.value(QStringLiteral("scheduleHours")).toInt(), 24);
        QSignalSpy drifted(m_engine->audit(), &server::AuditService::drifted);
        const QJsonObject baseline = audit(0);  // 0: the target level
        QCOMPARE(baseline.value(QStringLiteral("level")).toInt(), 1);
        QCOMPARE(drifted.count(), 0);  // nothing the audit checks got worse

        QJsonObject settings = m_api->get(QStringLiteral("/api/v1/settings/security")).json;
        QJsonObject lockout = settings.value(QStringLiteral("lockout")).toObject();
        lockout.insert(QStringLiteral("lockMs"), 1000);
        settings.insert(QStringLiteral("lockout"), lockout);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/settings/security"), settings).status, 200);
        m_engine->audit()->runScheduled();  // what the schedule's timer does
        QTRY_COMPARE_WITH_TIMEOUT(drifted.count(), 1, 30000);
        QCOMPARE(drifted.first().at(1).toStringList(), QStringList{QStringLiteral("sec-1.7-lockout")});
        QJsonArray events;
        for (int i = 0; i < 100 && events.isEmpty(); ++i) {
            events = m_api->get(QStringLiteral("/api/v1/events?kind=security_drift")).json.value(QStringLiteral("events")).toArray();
            QTest::qWait(100);
        }
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.first().toObject();
        QVERIFY2(event.value(QStringLiteral("message")).toString().contains(QStringLiteral("sec-1.7-lockout")), qPrintable(event.value("message").toString()));
        QCOMPARE(event.value(QStringLiteral("details")).toObject().value(QStringLiteral("targetLevel")).toInt(), 1);
        // Mend it again for the tests after.
        lockout.insert(QStringLiteral("lockMs"), 30 * 60 * 1000);
        settings.insert(QStringLiteral("lockout"), lockout);
        QCOMPARE(m_api->put(QStringLiteral("/api/v1/settings/security"), settings).status, 200);
    }

    // The wizard follows a job by pushes: security.job on the session's WebSocket until it finishes.
    void jobsArePushed() {
        test::EventSocket socket(*m_engine, *m_api);
        QVERIFY(socket.isConnected());
        const ApiReply started = m_api->post(QStringLiteral("/api/v1/security/audits"), {{QStringLiteral("level"), 1}});
        QCOMPARE(started.status, 202);
        const QString id = started.json.value(QStringLiteral("id")).toString();
        auto finished = [&] {
            for (const QJsonObject& job : socket.of(QStringLiteral("security.job"))) {
                if (job.value(QStringLiteral("id")).toString() == id && job.value(QStringLiteral("state")).toString() == QLatin1String("succeeded")) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(finished(), 30000);
        // Progress came in steps before the end.
        QVERIFY(socket.of(QStringLiteral("security.job")).size() > 3);
    }

    // Cancel: the job ends cancelled and nothing is stored for it.
    void cancelStopsAnAudit() {
        auto job = m_engine->audit()->startAudit(server::Actor{kAdmin, QHostAddress::LocalHost, {}}, 3);
        QVERIFY(job.ok());
        const ApiReply cancelled = m_api->del(QStringLiteral("/api/v1/security/jobs/") + job->id);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
        QTest::qWait(200);
        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/audits/") + job->id).status, 404);
        QCOMPARE(m_api->del(QStringLiteral("/api/v1/security/jobs/none")).status, 404);
    }

    // WIZ-3: the report as HTML and PDF; the PDF's first page rendered to PNG for people to look at.
    void reportAsHtmlAndPdf() {
        const QJsonObject run = audit(3);
        const QString runId = run.value(QStringLiteral("id")).toString();
        const ApiReply html = m_api->get(QStringLiteral("/api/v1/security/report?run=") + runId);
        QCOMPARE(html.status, 200);
        QVERIFY(html.headers.value("content-type").startsWith("text/html"));
        const QString text = QString::fromUtf8(html.body);
        QVERIFY(text.contains(QStringLiteral("Level audited</th><td>3")));
        QVERIFY(text.contains(QStringLiteral("Attested by chief")));
        QVERIFY(text.contains(QStringLiteral("Walked the site on Monday")));
        QVERIFY(text.contains(QStringLiteral("SEC-1.7")));
        QVERIFY(text.contains(QStringLiteral("made ")) && text.contains(QStringLiteral("by chief")));
        QVERIFY(text.contains(QStringLiteral("Network functions")));

        const ApiReply pdf = m_api->get(QStringLiteral("/api/v1/security/report.pdf?run=") + runId);
        QCOMPARE(pdf.status, 200);
        QCOMPARE(pdf.headers.value("content-type"), QByteArray("application/pdf"));
        QVERIFY(pdf.body.startsWith("%PDF-"));
        const QString pdfText = keepPdf(pdf.body, QStringLiteral("security-report"));
        QVERIFY2(pdfText.contains(QStringLiteral("Level audited")), qPrintable(pdfText.left(400)));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {QStringLiteral(VIGIL_AUDIT_ARTIFACTS "/security-report.pdf")});
        QVERIFY(info.waitForFinished(30000));
        const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(infoText.contains(QStringLiteral("Vigil security report")), qPrintable(infoText));

        QCOMPARE(m_api->get(QStringLiteral("/api/v1/security/report?run=nope")).status, 404);
    }

    // WIZ-1: the items' words (title, why it matters, the fix) come in the language ?lang= asks for;
    // ids, requirements, levels and kinds stay as they are; a language Vigil lacks gets English.
    void itemsFollowTheRequestedLanguage_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("translated");
        QTest::addColumn<QString>("lockoutTitle");
        QTest::addColumn<QString>("lockoutFix");
        QTest::newRow("German") << "?lang=de" << true << "Wiederholte Fehlanmeldungen sperren das Konto"
                                << "Nach 5 Fehlanmeldungen in 5 Min. für 30 Min. sperren (wo bisher schwächer)";
        QTest::newRow("German, Austria (BCP 47)") << "?lang=de-AT" << true << "Wiederholte Fehlanmeldungen sperren das Konto"
                                                  << "Nach 5 Fehlanmeldungen in 5 Min. für 30 Min. sperren (wo bisher schwächer)";
        QTest::newRow("Simplified Chinese") << "?lang=zh_CN" << true << "多次登录失败会锁定账户"
                                            << "5 分钟内登录失败 5 次即锁定 30 分钟（仅在当前设置更宽松时）";
        QTest::newRow("Chinese, Hans") << "?lang=zh-Hans" << true << "多次登录失败会锁定账户"
                                       << "5 分钟内登录失败 5 次即锁定 30 分钟（仅在当前设置更宽松时）";
        QTest::newRow("French: not translated") << "?lang=fr" << false << "Repeated failed logins lock the account"
                                                << "Lock after 5 failed logins in 5 min, for 30 min (where weaker)";
        QTest::newRow("Traditional Chinese: English") << "?lang=zh_TW" << false << "Repeated failed logins lock the account"
                                                      << "Lock after 5 failed logins in 5 min, for 30 min (where weaker)";
        QTest::newRow("none asked") << "" << false << "Repeated failed logins lock the account"
                                    << "Lock after 5 failed logins in 5 min, for 30 min (where weaker)";
    }
    void itemsFollowTheRequestedLanguage() {
        QFETCH(QString, query);
        QFETCH(bool, translated);
        QFETCH(QString, lockoutTitle);
        QFETCH(QString, lockoutFix);
        const QList<QJsonObject> english = catalogueItems(QString());
        const QList<QJsonObject> items = catalogueItems(query);
        QCOMPARE(items.size(), english.size());
        const QStringList words = {QStringLiteral("title"), QStringLiteral("why"), QStringLiteral("fixTitle")};
        for (int n = 0; n < items.size(); ++n) {
            QJsonObject item = items.at(n);
            QJsonObject source = english.at(n);
            const QString id = item.value(QStringLiteral("id")).toString();
            for (const QString& field : words) {
                const QString text = item.value(field).toString();
                const QString sourceText = source.value(field).toString();
                QVERIFY2(text.isEmpty() == sourceText.isEmpty(), qPrintable(id + QLatin1Char(' ') + field));
                QVERIFY2(translated == (text != sourceText) || sourceText.isEmpty(),
                         qPrintable(QStringLiteral("%1 %2: %3").arg(id, field, text)));
                item.remove(field);
                source.remove(field);
            }
            QCOMPARE(item, source);  // id, requirement, level, scope, kind, owner, fixId, checkAvailable
            if (id == QLatin1String("sec-1.7-lockout")) {
                QCOMPARE(items.at(n).value(QStringLiteral("title")).toString(), lockoutTitle);
                QCOMPARE(items.at(n).value(QStringLiteral("fixTitle")).toString(), lockoutFix);
            }
        }
        // The function table (SEC-1.6) too.
        const QJsonArray functions =
            m_api->get(QStringLiteral("/api/v1/security/functions") + query).json.value(QStringLiteral("functions")).toArray();
        const QJsonArray englishFunctions =
            m_api->get(QStringLiteral("/api/v1/security/functions")).json.value(QStringLiteral("functions")).toArray();
        QCOMPARE(functions.size(), englishFunctions.size());
        QVERIFY(!functions.isEmpty());
        for (int n = 0; n < functions.size(); ++n) {
            const QJsonObject function = functions.at(n).toObject();
            const QJsonObject source = englishFunctions.at(n).toObject();
            QCOMPARE(function.value(QStringLiteral("id")), source.value(QStringLiteral("id")));
            QCOMPARE(function.value(QStringLiteral("enabled")), source.value(QStringLiteral("enabled")));
            for (const char* field : {"title", "description", "note"}) {
                QVERIFY2(translated == (function.value(QLatin1String(field)) != source.value(QLatin1String(field))),
                         qPrintable(function.value(QStringLiteral("id")).toString() + QLatin1Char(' ') + QLatin1String(field)));
            }
        }
    }

    // Nothing goes untranslated: every item of the catalogue, every registered fix and function, and every
    // label of the report has a German and a Chinese text, and the labels keep their placeholders. A new
    // check fails here until its texts are added (server/audit/audit_texts_*.cpp).
    void everyTextHasBothTranslations() {
        const QList<core::model::AuditItem> items = m_engine->audit()->catalogue();
        const QList<core::model::NetworkFunction> functions = m_engine->audit()->functions();
        QVERIFY(std::any_of(items.cbegin(), items.cend(), [](const auto& item) { return !item.fixId.isEmpty(); }));
        static const QRegularExpression kPlaceholder(QStringLiteral("%\\d"));
        auto placeholders = [](const QString& text) {
            QStringList found;
            for (auto match = kPlaceholder.globalMatch(text); match.hasNext();) {
                found << match.next().captured();
            }
            found.sort();
            return found;
        };
        const server::AuditTranslation english;
        QCOMPARE(english.language(), QStringLiteral("en"));
        QCOMPARE(english.missing(items, functions), QStringList());
        for (const char* language : {"de", "zh_CN"}) {
            const server::AuditTranslation translation{QLatin1String(language)};
            QCOMPARE(translation.language(), QLatin1String(language));
            QCOMPARE(translation.missing(items, functions), QStringList());
            for (int n = 0; n < int(server::ReportText::Count_); ++n) {
                const auto text = server::ReportText(n);
                QVERIFY2(translation.label(text) != english.label(text), qPrintable(english.label(text)));
                QCOMPARE(placeholders(translation.label(text)), placeholders(english.label(text)));
            }
        }
    }

    // WIZ-3: the report in German and Chinese when asked (labels, items, fixes, functions; evidence and
    // comments as they are), in English otherwise; the PDFs rendered to PNG, with the Chinese glyphs
    // drawn from an embedded CJK font (pdffonts) and read back by pdftotext.
    void reportFollowsTheRequestedLanguage() {
        const QString runId = m_api->get(QStringLiteral("/api/v1/security/audits/latest")).json.value(QStringLiteral("id")).toString();
        QVERIFY(!runId.isEmpty());
        auto report = [&](const QString& language) {
            const ApiReply reply = m_api->get(QStringLiteral("/api/v1/security/report?run=%1&lang=%2").arg(runId, language));
            return reply.status == 200 ? QString::fromUtf8(reply.body) : describe(reply);
        };
        const QString german = report(QStringLiteral("de"));
        for (const char* expected : {"<html lang=\"de\">", "Sicherheitsbericht: ", "Geprüfte Stufe</th><td>3",
                                     "Bestätigt von chief am ", "Walked the site on Monday", "erstellt ",
                                     "Wiederholte Fehlanmeldungen sperren das Konto", "Netzwerkfunktionen (SEC-1.6)",
                                     "NICHT BESTANDEN", "Stufe 3 NICHT erfüllt", "Kamerasuche per Multicast"}) {
            QVERIFY2(german.contains(QString::fromUtf8(expected)), expected);
        }
        const QString chinese = report(QStringLiteral("zh_CN"));
        for (const char* expected : {"<html lang=\"zh-CN\">", "安全报告：", "审计等级</th><td>3", "由 chief 于 ",
                                     "Walked the site on Monday", "多次登录失败会锁定账户", "网络功能（SEC-1.6）", "未通过",
                                     "未达到等级 3", "组播搜索摄像机"}) {
            QVERIFY2(chinese.contains(QString::fromUtf8(expected)), expected);
        }
        for (const char* english : {"Level audited", "Attested by", "Network functions", "Repeated failed logins",
                                    ">FAIL<", "Secure default", "Camera search by multicast", "Level 2 includes"}) {
            QVERIFY2(!german.contains(QLatin1String(english)), english);
            QVERIFY2(!chinese.contains(QLatin1String(english)), english);
        }
        const QString other = report(QStringLiteral("fr"));
        QVERIFY(other.contains(QStringLiteral("Level audited</th><td>3")));
        QVERIFY(other.contains(QStringLiteral("Repeated failed logins lock the account")));

        const ApiReply germanPdf = m_api->get(QStringLiteral("/api/v1/security/report.pdf?lang=de&run=") + runId);
        QCOMPARE(germanPdf.status, 200);
        const QString germanText = keepPdf(germanPdf.body, QStringLiteral("security-report-de"));
        QVERIFY2(germanText.contains(QStringLiteral("Geprüfte Stufe")), qPrintable(germanText.left(400)));

        const ApiReply chinesePdf = m_api->get(QStringLiteral("/api/v1/security/report.pdf?lang=zh_CN&run=") + runId);
        QCOMPARE(chinesePdf.status, 200);
        const QString chineseText = keepPdf(chinesePdf.body, QStringLiteral("security-report-zh_CN"));
        QVERIFY2(chineseText.contains(QStringLiteral("审计等级")), qPrintable(chineseText.left(400)));
        QVERIFY2(chineseText.contains(QStringLiteral("恢复出厂设置")), qPrintable(chineseText.left(800)));  // SEC-1.1, first row
        QProcess fonts;
        fonts.start(QStringLiteral("pdffonts"), {QStringLiteral(VIGIL_AUDIT_ARTIFACTS "/security-report-zh_CN.pdf")});
        QVERIFY(fonts.waitForFinished(30000));
        const QString fontList = QString::fromUtf8(fonts.readAllStandardOutput());
        // The Chinese glyphs come from an embedded CJK font (fonts-wqy-microhei, tools/install-deps.sh).
        QVERIFY2(fontList.contains(QStringLiteral("WenQuanYi"), Qt::CaseInsensitive) ||
                     fontList.contains(QStringLiteral("CJK"), Qt::CaseInsensitive),
                 qPrintable(fontList));
    }

    // Least privilege for the routes themselves: a viewer reaches none of them.
    void viewerIsRefused() {
        const ApiReply made = m_api->post(QStringLiteral("/api/v1/users"),
                                          {{QStringLiteral("userName"), QStringLiteral("watcher")},
                                           {QStringLiteral("password"), QStringLiteral("Quiet#River42")},
                                           {QStringLiteral("roleId"), QStringLiteral("viewer")},
                                           {QStringLiteral("enabled"), true},
                                           {QStringLiteral("validFromMs"), 0},
                                           {QStringLiteral("validUntilMs"), 0},
                                           {QStringLiteral("allowedAddresses"), QJsonArray()},
                                           {QStringLiteral("memo"), QString()},
                                           {QStringLiteral("mustChangePassword"), false}});
        QVERIFY2(made.status == 201 || made.status == 200, qPrintable(describe(made)));
        ApiSession viewer(*m_engine);
        QCOMPARE(viewer.login(QStringLiteral("watcher"), QStringLiteral("Quiet#River42")).status, 200);
        QCOMPARE(viewer.get(QStringLiteral("/api/v1/security/catalogue")).status, 403);
        QCOMPARE(viewer.post(QStringLiteral("/api/v1/security/audits")).status, 403);
    }

    // The answers hold exactly the fields server/api/security.yaml names as required.
    void shapesMatchTheDocument() {
        const auto shapes = test::requiredFields(QStringLiteral(VIGIL_TEST_SOURCE_DIR_LITERAL "/server/api/security.yaml"));
        auto first = [](const QJsonObject& json, const char* list) {
            return json.value(QLatin1String(list)).toArray().first().toObject();
        };
        QJsonObject run = m_api->get(QStringLiteral("/api/v1/security/audits/latest")).json;
        const QJsonObject result = first(run, "results");
        run.remove(QStringLiteral("results"));
        const QMap<QString, QJsonObject> answers = {
            {QStringLiteral("AuditItem"), first(m_api->get(QStringLiteral("/api/v1/security/catalogue")).json, "items")},
            {QStringLiteral("AuditRun"), run},
            {QStringLiteral("AuditItemResult"), result},
            {QStringLiteral("AuditFinding"), first(result, "findings")},
            {QStringLiteral("Attestation"), first(m_api->get(QStringLiteral("/api/v1/security/attestations")).json, "attestations")},
            {QStringLiteral("AuditSettings"), m_api->get(QStringLiteral("/api/v1/security/settings")).json},
            {QStringLiteral("Recommendation"), m_api->get(QStringLiteral("/api/v1/security/recommendation")).json},
            {QStringLiteral("NetworkFunction"), first(m_api->get(QStringLiteral("/api/v1/security/functions")).json, "functions")},
            {QStringLiteral("SecurityJob"), first(m_api->get(QStringLiteral("/api/v1/security/jobs")).json, "jobs")},
        };
        for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
            QCOMPARE(test::sortedKeys(it.value()), shapes.value(it.key()));
        }
    }

    void cleanupTestCase() {
        m_api.reset();
        m_engine.reset();
    }
};

QTEST_MAIN(TestAuditApi)
#include "tst_audit_api.moc"
