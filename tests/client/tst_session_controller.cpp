// The workstation's SessionController against a real Engine on 127.0.0.1 (CLI-2, SEC-1.9): the idle
// auto-lock comes with the login answer for every user, so an operator's workstation (without the
// security permission, which reads the settings) locks itself too; and applyAutoLock() follows a
// changed setting at once. Nobody touches this test's event loop, so the idle timer runs out.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

#include "accounts/accounts_service.h"
#include "await_call.h"
#include "client/api_client.h"
#include "client/trust_store.h"
#include "engine/engine.h"
#include "session_controller.h"
#include "support/test_engine.h"

namespace vigil {

using app::SessionController;
using core::client::ApiClient;
using core::client::TrustStore;

using test::await;

namespace {

constexpr int kTimeoutMs = 15000;  // bounds a hang only
constexpr qint64 kAutoLockMs = 1500;
const QString kAdmin = QStringLiteral("admin");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kOperator = QStringLiteral("olga");
const QString kOperatorPassword = QStringLiteral("Lantern-Quay-42");

// A workstation's client and session controller, trusting the engine's CA as a standalone one does.
struct Workstation {
    Workstation(server::Engine& engine, const QString& trustFile) : trust(trustFile), client(&trust) {
        client.setSite(QStringLiteral("127.0.0.1"), static_cast<quint16>(engine.baseUrl().port()));
        (void)client.pinAuthority(engine.authority().certificate);
        controller = std::make_unique<SessionController>(&client);
        controller->checkSetup();
    }
    TrustStore trust;
    ApiClient client;
    std::unique_ptr<SessionController> controller;
};

}  // namespace

class TestSessionController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        server::EngineOptions options = test::engineOptions(m_dir.filePath("engine"), 0);
        options.passwordHashing = {64, 1, 1};  // cheap Argon2id: this test is about the session, not hashing
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<Workstation>(*m_engine, m_dir.filePath("admin.json"));
        SessionController& admin = *m_admin->controller;
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), QStringLiteral("setup"), kTimeoutMs);
        QVariantList questions;
        for (int i = 1; i <= SessionController::kQuestionCount; ++i) {
            questions.append(QVariantMap{{"question", QStringLiteral("Question %1?").arg(i)},
                                         {"answer", QStringLiteral("answer %1").arg(i)}});
        }
        admin.setup(kAdmin, kAdminPassword, kAdminPassword, "admin@example.com", questions);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), QStringLiteral("login"), kTimeoutMs);
        admin.login(kAdmin, kAdminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), QStringLiteral("active"), kTimeoutMs);
        QCOMPARE(admin.autoLockMs(), 0);  // the default: never

        core::model::UserInput input;
        input.userName = kOperator;
        input.password = kOperatorPassword;
        input.roleId = QStringLiteral("operator");
        auto user =
            await<core::model::User>([&](auto done) { m_admin->client.createUser(input, std::move(done)); });
        QVERIFY(user.has_value());  // else no answer within test::kAwaitTimeoutMs
        QVERIFY2(user->ok(), user->ok() ? "" : qPrintable(user->error().message));
    }

    void operatorWorkstationLocksItself() {
        core::model::SecuritySettings settings = m_engine->accounts()->securitySettings();
        settings.workstation.autoLockMs = kAutoLockMs;
        auto stored = await<core::model::SecuritySettings>(
            [&](auto done) { m_admin->client.saveSecuritySettings(settings, std::move(done)); });
        QVERIFY(stored.has_value());
        QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().message));

        Workstation olga(*m_engine, m_dir.filePath("olga.json"));
        SessionController& controller = *olga.controller;
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), QStringLiteral("login"), kTimeoutMs);
        controller.login(kOperator, kOperatorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), QStringLiteral("active"), kTimeoutMs);
        QVERIFY(!controller.hasPermission(QStringLiteral("security")));
        QCOMPARE(controller.autoLockMs(), kAutoLockMs);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), QStringLiteral("locked"), kTimeoutMs);

        // Unlocking logs in again and keeps the setting; the lock comes back after the next idle time.
        controller.unlock(kOperatorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), QStringLiteral("active"), kTimeoutMs);
        QCOMPARE(controller.autoLockMs(), kAutoLockMs);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), QStringLiteral("locked"), kTimeoutMs);
    }

    void applyAutoLockFollowsAChange() {
        SessionController& admin = *m_admin->controller;
        QCOMPARE(admin.state(), QStringLiteral("active"));
        QSignalSpy changed(&admin, &SessionController::autoLockChanged);
        admin.applyAutoLock(kAutoLockMs);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(admin.autoLockMs(), kAutoLockMs);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), QStringLiteral("locked"), kTimeoutMs);
        admin.unlock(kAdminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), QStringLiteral("active"), kTimeoutMs);
        // Off again: no lock however long nobody types (checked over a few auto-lock periods).
        admin.applyAutoLock(0);
        QTest::qWait(static_cast<int>(3 * kAutoLockMs));
        QCOMPARE(admin.state(), QStringLiteral("active"));
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<Workstation> m_admin;
};

}  // namespace vigil

QTEST_GUILESS_MAIN(vigil::TestSessionController)
#include "tst_session_controller.moc"
