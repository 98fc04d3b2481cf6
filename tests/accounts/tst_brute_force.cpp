// Brute force (issue 3, SEC-1.7, SEC-1.8): 1,000 wrong logins from one address against one account,
// with the real Argon2id parameters. Never a success, the lock in force, every attempt in the
// security log, and another user from another loopback address (127.0.0.2) still logs in.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "api_session.h"
#include "engine/engine.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {
constexpr int kAttempts = 1000;
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kPassword = QStringLiteral("Kestrel!Wing7");
}  // namespace

class TestBruteForce : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<server::Engine>(test::engineOptions(m_dir.path()));
        QVERIFY(m_engine->start().ok());
        ApiSession admin(*m_engine);
        QJsonArray questions;
        for (int i = 0; i < 3; ++i) {
            questions.append(QJsonObject{{"question", QString("Q%1?").arg(i)}, {"answer", "A"}});
        }
        QCOMPARE(admin
                     .post("/api/v1/setup", QJsonObject{{"userName", "chief"},
                                                        {"password", kAdminPassword},
                                                        {"email", "chief@example.com"},
                                                        {"questions", questions}})
                     .status,
                 201);
        QCOMPARE(admin.login("chief", kAdminPassword).status, 200);
        for (const QString name : {"victim", "bystander"}) {
            QCOMPARE(
                admin.post("/api/v1/users", QJsonObject{{"userName", name}, {"password", kPassword}}).status,
                201);
        }
    }

    void thousandWrongAttempts() {
        ApiSession attacker(*m_engine);
        ApiSession admin(*m_engine);
        QCOMPARE(admin.login("chief", kAdminPassword).status, 200);
        QElapsedTimer timer;
        timer.start();
        QByteArray firstBody;
        for (int i = 0; i < kAttempts; ++i) {
            const ApiReply reply = attacker.login("victim", QString("Wrong#%1x").arg(i));
            QVERIFY2(reply.status == 401, qPrintable(QString("attempt %1: %2").arg(i).arg(reply.status)));
            if (firstBody.isEmpty()) {
                firstBody = reply.body;
            }
            QCOMPARE(reply.body, firstBody);  // the same answer, locked or not
        }
        qInfo() << kAttempts << "attempts in" << timer.elapsed() << "ms";

        const ApiReply right = attacker.login("victim", kPassword);
        QCOMPARE(right.status, 401);
        QCOMPARE(right.body, firstBody);

        const ApiReply failures = admin.get("/api/v1/security-log?kind=login_failed&user=victim&limit=1");
        QCOMPARE(failures.status, 200);
        QCOMPARE(failures.json.value("total").toInt(), kAttempts + 1);
        const ApiReply locks = admin.get("/api/v1/security-log?kind=lockout&user=victim");
        QVERIFY(locks.json.value("total").toInt() >= 1);

        // Another user from another address is served as usual.
        const ApiReply other = attacker.postFrom(
            QHostAddress("127.0.0.2"), "/api/v1/auth/login",
            QJsonObject{{"userName", "bystander"}, {"password", kPassword}, {"clientKind", "web"}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json.value("token").toString().size(), 43);
    }

    void cleanupTestCase() { m_engine.reset(); }
};

QTEST_GUILESS_MAIN(TestBruteForce)
#include "tst_brute_force.moc"
