// Time synchronisation against real peers on loopback (SEC-1.5): chronyd serving NTP on a free port
// of 127.0.0.1 (tests/support/chrony_peer.h), a UDP socket that never answers, and a closed port.
// The engine reads "now" from a clock the test can shift (support/shifted_clock.h), so a platform clock ten minutes behind the
// real chronyd shows as an offset, an unsynchronised status and a time_sync event; shifting it back
// gives an info event; with chronyd stopped no server answers. Settings are checked (bad ones are
// refused and nothing changes), logged in the security log and kept across an engine restart.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <cmath>
#include <memory>

#include "../accounts/api_session.h"
#include "engine/engine.h"
#include "support/api_yaml.h"
#include "support/chrony_peer.h"
#include "support/shifted_clock.h"
#include "support/test_engine.h"
#include "system/time_service.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
constexpr int kWaitMs = 20000;  // bounds a hang only

}  // namespace

class TestTimeApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ShiftedClock m_clock;
    test::ChronyPeer m_chrony;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    void startEngine() {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        options.clock = &m_clock;
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
    }

    // Asks for a check and waits for its result: the status once lastCheckMs moved.
    QJsonObject checked() {
        const qint64 before = m_admin->get("/api/v1/system/time").json.value("lastCheckMs").toInteger();
        const ApiReply started = m_admin->post("/api/v1/system/time/check");
        if (started.status != 202) {
            qWarning() << test::describe(started);
            return {};
        }
        QJsonObject status;
        (void)QTest::qWaitFor(
            [&] {
                status = m_admin->get("/api/v1/system/time").json;
                return status.value("lastCheckMs").toInteger() > before && !m_engine->time()->checking();
            },
            kWaitMs);
        return m_admin->get("/api/v1/system/time").json;
    }

    QJsonArray timeEvents() { return m_admin->get("/api/v1/events?kind=time_sync").json.value("events").toArray(); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_chrony.start(&error), qPrintable(error));
        startEngine();
        QCOMPARE(m_admin->post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        const ApiReply login = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(login.status == 200, qPrintable(test::describe(login)));
    }

    void aFreshPlatformHasNoTimeServer() {
        const ApiReply reply = m_admin->get("/api/v1/system/time");
        QVERIFY2(reply.status == 200, qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("configured").toBool(), false);
        QCOMPARE(reply.json.value("synchronised").toBool(), false);
        QVERIFY(reply.json.value("offsetMs").isNull());
        QVERIFY2(reply.json.value("problem").toString().contains("No time server"), qPrintable(test::describe(reply)));
        QCOMPARE(reply.json.value("intervalS").toInt(), 300);
        QCOMPARE(reply.json.value("maxOffsetMs").toInteger(), 1000);
        // server/api/system.yaml names exactly the fields sent.
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        QCOMPARE(test::sortedKeys(reply.json),
                 test::requiredFields(source + "/server/api/system.yaml").value("TimeStatus"));
    }

    void chronyAnswersAndThePlatformIsSynchronised() {
        const ApiReply put = m_admin->put("/api/v1/system/time",
                                          QJsonObject{{"servers", QJsonArray{m_chrony.address()}}, {"maxOffsetMs", 500}});
        QVERIFY2(put.status == 200, qPrintable(test::describe(put)));
        QJsonObject status;
        QVERIFY(QTest::qWaitFor(
            [&] {
                status = m_admin->get("/api/v1/system/time").json;
                return status.value("lastAnswerMs").toInteger() > 0;
            },
            kWaitMs));
        QVERIFY2(status.value("synchronised").toBool(), qPrintable(QJsonDocument(status).toJson()));
        QCOMPARE(status.value("server").toString(), m_chrony.address());
        QCOMPARE(status.value("stratum").toInt(), 8);  // chronyd with "local stratum 8"
        QVERIFY(std::abs(status.value("offsetMs").toDouble()) < 500);
        QVERIFY(status.value("delayMs").toDouble() >= 0);
        QCOMPARE(status.value("problem").toString(), QString());
        // The servers cameras are to be told (devcheck) are the ones configured.
        QCOMPARE(m_engine->time()->servers().size(), 1);
        QCOMPARE(m_engine->time()->servers().first().port, m_chrony.port());
        // The change is in the security log.
        const QJsonArray log = m_admin->get("/api/v1/security-log?kind=setting_changed&limit=20").json.value("entries").toArray();
        bool logged = false;
        for (const QJsonValue& entry : log) {
            logged = logged || (entry["target"].toString() == "time" && entry["detail"].toString().contains(m_chrony.address()));
        }
        QVERIFY(logged);
        // A first check that finds the clock right is not news.
        QCOMPARE(timeEvents().size(), 0);
    }

    void aClockTenMinutesBehindIsAnOffsetProblemWithAnEvent() {
        m_clock.shift(-600000);
        const QJsonObject status = checked();
        QCOMPARE(status.value("synchronised").toBool(), false);
        const double offset = status.value("offsetMs").toDouble();
        QVERIFY2(offset > 590000 && offset < 610000, qPrintable(QString::number(offset)));
        QVERIFY2(status.value("problem").toString().contains("behind"), qPrintable(status.value("problem").toString()));
        QJsonArray events;
        QVERIFY(QTest::qWaitFor([&] { return !(events = timeEvents()).isEmpty(); }, kWaitMs));
        const QJsonObject event = events.first().toObject();
        QCOMPARE(event.value("severity").toString(), QStringLiteral("warning"));
        QCOMPARE(event.value("details")["timeKind"].toString(), QStringLiteral("offset"));
        QVERIFY(event.value("details")["offsetMs"].toDouble() > 590000);
        // The same condition again is not a second event.
        (void)checked();
        QTest::qWait(300);
        QCOMPARE(timeEvents().size(), 1);
    }

    void backInBoundsSaysSo() {
        m_clock.shift(0);
        const QJsonObject status = checked();
        QVERIFY(status.value("synchronised").toBool());
        QJsonArray events;
        QVERIFY(QTest::qWaitFor([&] { return (events = timeEvents()).size() == 2; }, kWaitMs));
        QCOMPARE(events.first().toObject().value("severity").toString(), QStringLiteral("info"));
        QCOMPARE(events.first().toObject().value("details")["timeKind"].toString(), QStringLiteral("synchronised"));
    }

    void aDeadFirstServerFallsBackToTheNextOne() {
        const QString closed = QStringLiteral("127.0.0.1:%1").arg(test::freeUdpPort());
        const ApiReply put =
            m_admin->put("/api/v1/system/time", QJsonObject{{"servers", QJsonArray{closed, m_chrony.address()}}});
        QVERIFY2(put.status == 200, qPrintable(test::describe(put)));
        QCOMPARE(put.json.value("maxOffsetMs").toInteger(), 500);  // left out: kept
        const QJsonObject status = checked();
        QVERIFY(status.value("synchronised").toBool());
        QCOMPARE(status.value("server").toString(), m_chrony.address());
    }

    void noServerAnsweringIsAProblemWithAnEvent() {
        QUdpSocket silent;  // takes datagrams and never answers: the timeout path
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        const QString silentAddress = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
        QVERIFY(m_admin->put("/api/v1/system/time", QJsonObject{{"servers", QJsonArray{silentAddress, m_chrony.address()}}})
                    .status == 200);
        (void)checked();
        m_chrony.stop();
        const QJsonObject status = checked();
        QCOMPARE(status.value("synchronised").toBool(), false);
        const QString problem = status.value("problem").toString();
        QVERIFY2(problem.startsWith("No time server answered"), qPrintable(problem));
        QVERIFY2(problem.contains(silentAddress) && problem.contains(m_chrony.address()), qPrintable(problem));
        // The last answer is still reported with its time, so people see how old it is.
        QVERIFY(status.value("lastAnswerMs").toInteger() > 0);
        QJsonArray events;
        QVERIFY(QTest::qWaitFor([&] { return (events = timeEvents()).size() == 3; }, kWaitMs));
        QCOMPARE(events.first().toObject().value("details")["timeKind"].toString(), QStringLiteral("no_answer"));
        QCOMPARE(events.first().toObject().value("severity").toString(), QStringLiteral("warning"));
    }

    void badSettingsAreRefusedAndNothingChanges() {
        const QJsonObject before = m_admin->get("/api/v1/system/time").json;
        struct Case {
            QJsonObject body;
            QString mentions;
        };
        const QList<Case> cases = {
            {QJsonObject{{"servers", QJsonArray{"bad host!"}}}, "bad host!"},
            {QJsonObject{{"servers", QJsonArray{"127.0.0.1:0"}}}, "port"},
            {QJsonObject{{"servers", QJsonArray{"[::1"}}}, "]"},
            {QJsonObject{{"servers", "127.0.0.1"}}, "servers"},
            {QJsonObject{{"intervalS", 5}}, "intervalS"},
            {QJsonObject{{"maxOffsetMs", 0}}, "maxOffsetMs"},
            {QJsonObject{{"colour", "red"}}, "colour"},
        };
        for (const Case& c : cases) {
            const ApiReply reply = m_admin->put("/api/v1/system/time", c.body);
            QVERIFY2(reply.status == 400, qPrintable(test::describe(reply)));
            QCOMPARE(reply.error(), QStringLiteral("bad_request"));
            QVERIFY2(reply.message().contains(c.mentions), qPrintable(reply.message()));
        }
        const QJsonObject after = m_admin->get("/api/v1/system/time").json;
        QCOMPARE(after.value("servers"), before.value("servers"));
        QCOMPARE(after.value("intervalS"), before.value("intervalS"));
    }

    void settingsSurviveARestart() {
        QVERIFY(m_admin->put("/api/v1/system/time",
                             QJsonObject{{"servers", QJsonArray{"ntp.example.com", "[::1]:1123"}}, {"intervalS", 600}})
                    .status == 200);
        m_admin.reset();
        m_engine.reset();
        startEngine();
        QVERIFY(m_admin->login(kAdmin, kAdminPassword).status == 200);
        const QJsonObject status = m_admin->get("/api/v1/system/time").json;
        QCOMPARE(status.value("servers").toArray(), (QJsonArray{"ntp.example.com:123", "[::1]:1123"}));
        QCOMPARE(status.value("intervalS").toInt(), 600);
        QCOMPARE(status.value("maxOffsetMs").toInteger(), 500);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_chrony.stop();
    }
};

QTEST_GUILESS_MAIN(TestTimeApi)
#include "tst_time_api.moc"
