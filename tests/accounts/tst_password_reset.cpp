// Password reset (SEC-1.3, docs/design/accounts.md) against a real engine on 127.0.0.1 and a real
// SMTP server (tests/support/smtp_peer.py on Debian's aiosmtpd, STARTTLS required, certificate from
// a test CA made here by OpenSSL and given to the SMTP settings as their extra CA). The test reads
// the delivered .eml, takes the code from it and completes the reset; a wrong, used or expired code
// fails; an unknown user gets the identical 202; the security questions work from loopback. SMTP
// settings never show their password. Time is a ManualClock.
//
// This engine listens on 127.0.0.1, so every request here comes from loopback; the questions route
// refusing another address (403 reset_local_only) is in tst_address_filter_api, whose client
// connects from 127.0.0.2.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "accounts/accounts_service.h"
#include "api_session.h"
#include "engine/engine.h"
#include "support/test_engine.h"
#include "support/tls_peers.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::setupBody;
using test::SmtpPeer;

namespace {

constexpr qint64 kStartMs = 1'750'000'000'000;
constexpr qint64 kMinuteMs = 60 * 1000;
const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kEmail = QStringLiteral("chief@example.com");
const QString kSmtpUser = QStringLiteral("vigil-mailer");
const QString kSmtpPassword = QStringLiteral("correct horse battery staple");

QString codeIn(const QByteArray& eml) {
    return QRegularExpression(QStringLiteral("\\nCode: (\\d{8})\\r?\\n"))
        .match(QString::fromLatin1(eml))
        .captured(1);
}

}  // namespace

class TestPasswordReset : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{kStartMs};
    std::unique_ptr<SmtpPeer> m_peer;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_password = kAdminPassword;
    int m_delivered = 0;

    QJsonObject smtpBody(const QString& password) const {
        QJsonObject body{{"host", "127.0.0.1"},
                         {"port", m_peer->port()},
                         {"security", "starttls"},
                         {"user", kSmtpUser},
                         {"from", "vigil@site.test"},
                         {"timeoutMs", 10000},
                         {"caPem", QString::fromLatin1(test::readWholeFile(m_dir.filePath("ca.pem")))}};
        if (!password.isNull()) {
            body.insert("password", password);
        }
        return body;
    }

    // Past the lockout window, so earlier failures from 127.0.0.1 do not add up across test functions.
    void nextWindow() { m_clock.advance(6 * kMinuteMs); }

    ApiReply requestCode(const QString& userName) {
        return std::make_unique<ApiSession>(*m_engine)->post("/api/v1/auth/reset/request",
                                                             QJsonObject{{"userName", userName}});
    }

    ApiReply complete(const QString& code, const QString& password) {
        return std::make_unique<ApiSession>(*m_engine)->post(
            "/api/v1/auth/reset/complete",
            QJsonObject{{"userName", kAdmin}, {"code", code}, {"newPassword", password}});
    }

    QString receiveCode() {
        const QByteArray eml = m_peer->waitForMessage(++m_delivered);
        if (!eml.contains(kEmail.toLatin1())) {
            qWarning() << "no reset e-mail to" << kEmail << eml;
        }
        return codeIn(eml);
    }

    void relogin() {
        m_admin = std::make_unique<ApiSession>(*m_engine);
        const ApiReply login = m_admin->login(kAdmin, m_password);
        QVERIFY2(login.status == 200, qPrintable(describe(login)));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(test::runTool("/usr/bin/python3", {"-c", "import aiosmtpd"}, m_dir.path()),
                 "python3-aiosmtpd is missing: run tools/install-deps.sh");
        QVERIFY(test::makeTestCertificates(m_dir.path()));
        m_peer = std::make_unique<SmtpPeer>(m_dir.filePath("mail"), m_dir.path(), kSmtpUser, kSmtpPassword);
        QVERIFY2(m_peer->port() != 0, "the SMTP peer did not start");

        server::EngineOptions options = test::engineOptions(m_dir.filePath("engine"));
        options.clock = &m_clock;
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin
                     ->post("/api/v1/setup",
                            setupBody(kAdmin, kAdminPassword, kEmail, QStringLiteral("Answer  Number %1")))
                     .status,
                 201);
        relogin();
    }

    void resetIsOffByDefault() {
        ApiReply reply = requestCode(kAdmin);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("reset_disabled"));
        reply = complete("12345678", "Another#Harbour5");
        QCOMPARE(reply.error(), QStringLiteral("reset_disabled"));
    }

    void smtpSettingsNeverShowThePassword() {
        ApiReply reply = m_admin->get("/api/v1/settings/smtp");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("passwordSet").toBool(), false);
        reply = m_admin->put("/api/v1/settings/smtp", smtpBody(kSmtpPassword));
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("passwordSet").toBool(), true);
        QVERIFY(!reply.json.contains("password"));
        QVERIFY(!reply.body.contains(kSmtpPassword.toLatin1()));
        // Sent again without a password, the stored one stays.
        reply = m_admin->put("/api/v1/settings/smtp", smtpBody(QString()));
        QCOMPARE(reply.json.value("passwordSet").toBool(), true);
        reply = m_admin->get("/api/v1/settings/smtp");
        QVERIFY(!reply.body.contains(kSmtpPassword.toLatin1()));
        QVERIFY(reply.json.value("caPem").toString().contains("BEGIN CERTIFICATE"));
        const ApiReply log = m_admin->get("/api/v1/security-log?kind=setting_changed");
        QVERIFY(!log.body.contains(kSmtpPassword.toLatin1()));

        QJsonObject bad = smtpBody(QString());
        bad.insert("caPem", "not a certificate");
        QCOMPARE(m_admin->put("/api/v1/settings/smtp", bad).status, 400);
        bad = smtpBody(QString());
        bad.insert("tls", true);
        QCOMPARE(m_admin->put("/api/v1/settings/smtp", bad).status, 400);
    }

    void smtpTestSendsOrQuotesTheServer() {
        ApiReply reply = m_admin->post("/api/v1/settings/smtp/test");
        QVERIFY2(reply.status == 204, qPrintable(describe(reply)));
        const QByteArray eml = m_peer->waitForMessage(++m_delivered);
        QVERIFY(eml.contains("Vigil SMTP test"));
        QVERIFY(eml.contains(kEmail.toLatin1()));

        QCOMPARE(m_admin->put("/api/v1/settings/smtp", smtpBody("wrong password")).status, 200);
        reply = m_admin->post("/api/v1/settings/smtp/test");
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.error(), QStringLiteral("smtp_failed"));
        QVERIFY2(reply.message().contains("535") || reply.message().contains("uthentication"),
                 qPrintable(reply.message()));
        QCOMPARE(m_admin->put("/api/v1/settings/smtp", smtpBody(kSmtpPassword)).status, 200);
    }

    void enableReset() {
        core::model::SecuritySettings settings = m_engine->accounts()->securitySettings();
        settings.reset.enabled = true;
        QCOMPARE(m_admin->put("/api/v1/settings/security", settings.toJson()).status, 200);
    }

    void emailedCodeResetsThePassword() {
        nextWindow();
        const ApiReply requested = requestCode(kAdmin);
        QCOMPARE(requested.status, 202);
        const QString code = receiveCode();
        QCOMPARE(code.size(), 8);

        const QString wrong = code == "00000000" ? "11111111" : "00000000";
        ApiReply reply = complete(wrong, "Another#Harbour5");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("reset_failed"));
        reply = complete(code, "short");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QStringLiteral("password_policy"));

        reply = complete(code, "Another#Harbour5");
        QVERIFY2(reply.status == 204, qPrintable(describe(reply)));
        // Every session of the user ended; the new password works, the old one does not.
        QCOMPARE(m_admin->get("/api/v1/auth/me").status, 401);
        QCOMPARE(std::make_unique<ApiSession>(*m_engine)->login(kAdmin, kAdminPassword).status, 401);
        m_password = "Another#Harbour5";
        relogin();

        // Used once, gone.
        reply = complete(code, "Third#Harbour77");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("reset_failed"));
        const ApiReply log = m_admin->get("/api/v1/security-log?kind=password_reset");
        QVERIFY2(log.body.contains("password reset by e-mailed code"), log.body.constData());
    }

    void unknownUserGetsTheSameAnswer() {
        nextWindow();
        const ApiReply known = requestCode(kAdmin);
        const ApiReply unknown = requestCode("nobody-here");
        QCOMPARE(unknown.status, 202);
        QCOMPARE(unknown.status, known.status);
        QCOMPARE(unknown.body, known.body);
        receiveCode();  // the known one's mail; none for the unknown user
        QTest::qWait(300);
        QCOMPARE(m_peer->messages().size(), m_delivered);
    }

    void codeExpires() {
        nextWindow();
        QCOMPARE(requestCode(kAdmin).status, 202);
        const QString code = receiveCode();
        QVERIFY(!code.isEmpty());
        m_clock.advance(16 * kMinuteMs);
        QCOMPARE(complete(code, "Fourth#Harbour88").error(), QStringLiteral("reset_failed"));
        QCOMPARE(m_admin->login(kAdmin, m_password).status, 200);
    }

    void questionsResetFromLoopback() {
        nextWindow();
        const auto questions = [this](const QJsonArray& answers) {
            return std::make_unique<ApiSession>(*m_engine)->post(
                "/api/v1/auth/reset/questions",
                QJsonObject{{"userName", kAdmin}, {"answers", answers}, {"newPassword", "Fifth#Harbour99"}});
        };
        ApiReply reply = questions(QJsonArray{"Answer Number 0", "Answer Number 1", "wrong"});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("reset_failed"));
        QCOMPARE(questions(QJsonArray{"Answer Number 0"}).status, 400);
        // Case and spacing do not matter, as at setup.
        reply = questions(QJsonArray{"answer number 0", "  ANSWER   number 1 ", "Answer Number 2"});
        QVERIFY2(reply.status == 204, qPrintable(describe(reply)));
        m_password = "Fifth#Harbour99";
        relogin();
    }

    void cleanupTestCase() {
        m_admin.reset();
        if (m_engine) {
            m_engine->stop();
        }
        m_peer.reset();
    }
};

QTEST_MAIN(TestPasswordReset)
#include "tst_password_reset.moc"
