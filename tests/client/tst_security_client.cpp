// SecurityApi (core/client/security_api.h, the security wizard's client; issue 8, WIZ-1..4) against a
// real engine on 127.0.0.1:
//  - the catalogue gives each fixable item its fix's title, so the wizard names a fix in words before
//    it runs (WIZ-2);
//  - an audit job is followed through the server's security.job pushes over the event WebSocket, with
//    no polling while the WebSocket is up (WIZ-2);
//  - a job that ended before it was followed (its pushes came before the answer that started it) is
//    still seen to its end: following reads it once;
//  - with the WebSocket down, followed jobs are polled, and the poll stops once it is back;
//  - with a language set (the interface language), the catalogue and the report come in it (?lang=).

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "../accounts/api_session.h"
#include "await_call.h"
#include "client/api_client.h"
#include "client/file_download.h"
#include "client/security_api.h"
#include "client/trust_store.h"
#include "engine/engine.h"
#include "model/system_model.h"
#include "support/pinned_client.h"
#include "support/test_engine.h"

using namespace vigil;
using core::client::ApiClient;
using core::client::SecurityApi;
using core::client::TrustStore;
using core::model::Job;
using test::await;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kTimeoutMs = 30000;  // bounds a hang only

}  // namespace

class TestSecurityClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SecurityApi> m_api;
    QHash<QString, QList<Job>> m_pushed;  // security.job pushes by job id

    Job startAudit(int level) {
        const auto started = await<Job>([&](auto done) { m_api->startAudit(level, done); });
        if (!started || !started->ok()) {
            qWarning() << "the audit did not start";
            return {};
        }
        return started->value();
    }

    // Follows a job until it ends; every update seen, and whether the poll ever ran meanwhile.
    QList<Job> follow(const Job& job, bool* polled) {
        QList<Job> updates;
        m_api->followJob(job, [&updates](const Job& update) { updates.append(update); });
        QDeadlineTimer deadline(kTimeoutMs);
        *polled = m_api->pollingJobs();
        while ((updates.isEmpty() || updates.last().isRunning()) && !deadline.hasExpired()) {
            QTest::qWait(5);
            *polled = *polled || m_api->pollingJobs();
        }
        return updates;
    }

    bool setConnected(bool connected) {
        if (m_client->eventsConnected() == connected) {
            return true;
        }
        connected ? m_client->connectEvents() : m_client->disconnectEvents();
        return QTest::qWaitFor([&] { return m_client->eventsConnected() == connected; }, kTimeoutMs);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.filePath(QStringLiteral("engine")));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; not what is tested here
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        test::ApiSession session(*m_engine);
        QCOMPARE(session.post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(session.login(kAdmin, kAdminPassword).status, 200);
        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
        m_client = test::pinnedClient(*m_engine, m_trust.get(), session.token());
        m_api = std::make_unique<SecurityApi>(m_client.get());
        connect(m_client.get(), &ApiClient::pushReceived, this, [this](const core::model::PushMessage& message) {
            if (message.type == QLatin1String(SecurityApi::kJobPush)) {
                if (auto job = Job::fromJson(message.data)) {
                    m_pushed[job->id].append(job.value());
                }
            }
        });
        QVERIFY(setConnected(true));
    }

    void cleanupTestCase() {
        m_api.reset();
        m_client.reset();
        m_engine.reset();
    }

    // WIZ-2: the wizard shows what a fix does, not its id.
    void catalogueNamesEachFix() {
        const auto catalogue = await<QList<core::model::AuditItem>>([&](auto done) { m_api->fetchCatalogue(done); });
        QVERIFY(catalogue && catalogue->ok());
        int fixable = 0;
        for (const core::model::AuditItem& item : catalogue->value()) {
            QCOMPARE(item.fixTitle.isEmpty(), item.fixId.isEmpty());
            if (!item.fixId.isEmpty()) {
                ++fixable;
                QVERIFY2(item.fixTitle != item.fixId && item.fixTitle.contains(QLatin1Char(' ')), qPrintable(item.fixTitle));
            }
            if (item.id == QLatin1String("sec-1.2-password-expiry")) {
                QCOMPARE(item.fixTitle, QStringLiteral("Make passwords expire after 90 days"));
            }
        }
        QVERIFY(fixable >= 5);
    }

    // WIZ-1, WIZ-3: the wizard's language goes to the server, which words the items, fixes and the
    // report in it; ids stay as they are.
    void catalogueAndReportInTheInterfaceLanguage() {
        m_api->setLanguage(QStringLiteral("de"));
        const auto german = await<QList<core::model::AuditItem>>([&](auto done) { m_api->fetchCatalogue(done); });
        m_api->setLanguage(QString());
        QVERIFY(german && german->ok());
        const auto expiry = std::find_if(german->value().cbegin(), german->value().cend(), [](const auto& item) {
            return item.id == QLatin1String("sec-1.2-password-expiry");
        });
        QVERIFY(expiry != german->value().cend());
        QCOMPARE(expiry->title, QStringLiteral("Passwörter werden regelmäßig geändert"));
        QCOMPARE(expiry->fixTitle, QStringLiteral("Passwörter nach 90 Tagen ablaufen lassen"));
        QCOMPARE(expiry->fixId, QStringLiteral("password-expiry"));

        bool polled = false;
        const QList<Job> audited = follow(startAudit(1), &polled);
        QVERIFY(!audited.isEmpty() && audited.last().state == QLatin1String("succeeded"));
        const QString runId = audited.last().result.value(QStringLiteral("runId")).toString();
        m_api->setLanguage(QStringLiteral("zh_CN"));
        const QString path = m_dir.filePath(QStringLiteral("report-zh_CN.html"));
        std::unique_ptr<core::client::FileDownload> download(m_api->downloadReport(runId, false, path));
        m_api->setLanguage(QString());
        QSignalSpy finished(download.get(), &core::client::FileDownload::finished);
        download->start();
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().first().value<core::Status>().ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(file.readAll());
        QVERIFY2(report.contains(QStringLiteral("审计等级</th><td>1")), qPrintable(report.left(600)));
        QVERIFY(report.contains(QStringLiteral("定期更换密码")));
    }

    void auditFollowedThroughPushesWithoutPolling() {
        const Job started = startAudit(3);
        QVERIFY(!started.id.isEmpty());
        bool polled = false;
        const QList<Job> updates = follow(started, &polled);
        QVERIFY(!updates.isEmpty());
        QCOMPARE(updates.last().state, QStringLiteral("succeeded"));
        QVERIFY(!updates.last().result.value(QStringLiteral("runId")).toString().isEmpty());
        QVERIFY2(!polled, "no poll while the WebSocket is up");
        // The server pushed the job's end, and the wizard's callback saw that same state.
        QTRY_VERIFY_WITH_TIMEOUT(!m_pushed.value(started.id).isEmpty() &&
                                     !m_pushed.value(started.id).last().isRunning(),
                                 kTimeoutMs);
        QCOMPARE(m_pushed.value(started.id).last().state, updates.last().state);
    }

    // The job's pushes all came before following began: the one read at the start sees its end.
    void jobThatEndedBeforeItWasFollowedIsSeenToItsEnd() {
        const Job started = startAudit(1);
        QVERIFY(started.isRunning() || started.state == QLatin1String("succeeded"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_pushed.value(started.id).isEmpty() &&
                                     !m_pushed.value(started.id).last().isRunning(),
                                 kTimeoutMs);
        Job stale = started;
        stale.state = QStringLiteral("running");  // as the start answered, before the pushes
        bool polled = false;
        const QList<Job> updates = follow(stale, &polled);
        QVERIFY(!updates.isEmpty());
        QCOMPARE(updates.last().state, QStringLiteral("succeeded"));
        QVERIFY(!polled);
    }

    void pollsOnlyWhileTheWebSocketIsDown() {
        QVERIFY(setConnected(false));
        const Job started = startAudit(3);
        QVERIFY(!started.id.isEmpty());
        const int pushesBefore = int(m_pushed.value(started.id).size());
        bool polled = false;
        const QList<Job> updates = follow(started, &polled);
        QVERIFY(!updates.isEmpty());
        QCOMPARE(updates.last().state, QStringLiteral("succeeded"));
        QCOMPARE(int(m_pushed.value(started.id).size()), pushesBefore);  // nothing came over the socket
        QVERIFY2(polled, "the poll follows jobs while the WebSocket is down");
        QVERIFY(!m_api->pollingJobs());  // nothing followed any more

        // Back up: a new job is followed by pushes again.
        QVERIFY(setConnected(true));
        const Job again = startAudit(2);
        const QList<Job> pushed = follow(again, &polled);
        QCOMPARE(pushed.last().state, QStringLiteral("succeeded"));
        QVERIFY(!polled);
    }
};

QTEST_GUILESS_MAIN(TestSecurityClient)
#include "tst_security_client.moc"
