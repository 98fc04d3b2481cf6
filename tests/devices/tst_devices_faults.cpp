// Faulty cameras through the devices service (issue 4, "Bad input"): vigil-testcamera plays two
// cameras on 127.0.0.1; one of them freezes (connection open, nothing sent), then refuses every
// request (503), then comes back. Each fault shows as a clear device state with a reason, the
// device recovers by itself, and the other camera stays online and keeps streaming throughout
// ("nothing else disturbed").

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "../accounts/api_session.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "support/test_engine.h"
#include "testcamera/test_camera.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");

QJsonObject setupBody() {
    QJsonArray questions;
    for (int i = 0; i < 3; ++i) {
        questions.append(QJsonObject{{"question", QString("Question %1?").arg(i)}, {"answer", QString("Answer %1").arg(i)}});
    }
    return QJsonObject{{"userName", kAdmin}, {"password", kAdminPassword}, {"email", "chief@example.com"}, {"questions", questions}};
}

}  // namespace

class TestDevicesFaults : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestCamera m_camera;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;
    QString m_faulty;  // device ids
    QString m_steady;

    QJsonObject device(const QString& id) { return m_admin->get("/api/v1/devices/" + id).json; }
    static QString stateOf(const QJsonObject& device) { return device.value("status").toObject().value("state").toString(); }
    qint64 packets(const QString& id) {
        return qint64(device(id).value("channels").toArray().first().toObject().value("streams").toObject()
                          .value("main").toObject().value("packets").toDouble());
    }

    // Waits (bounding a hang only) for one of `states`, checking on the way that the steady camera
    // stays online.
    QJsonObject waitForState(const QString& id, const QStringList& states, int timeoutMs = 60000) {
        QJsonObject last;
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            last = device(id);
            if (!m_steady.isEmpty() && id != m_steady) {
                const QString steady = stateOf(device(m_steady));
                if (steady != "online") {
                    qWarning().noquote() << "the steady camera is" << steady;
                    return {};
                }
            }
            if (states.contains(stateOf(last))) {
                return last;
            }
            QTest::qWait(250);
        }
        qWarning().noquote() << "never reached" << states << QJsonDocument(last).toJson(QJsonDocument::Compact);
        return last;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString clip = test::TestCamera::clip(QStringLiteral("faults-h264.mp4"), {}, &error);
        QVERIFY2(!clip.isEmpty(), qPrintable(error));
        QVERIFY2(m_camera.start({"name=faulty,file=" + clip, "name=steady,file=" + clip}, {}, &error), qPrintable(error));

        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
        m_engine = std::make_unique<server::Engine>(options);
        QVERIFY(m_engine->start().ok());
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
        QCOMPARE(m_admin->post("/api/v1/setup", setupBody()).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);

        for (const QString& name : {QStringLiteral("faulty"), QStringLiteral("steady")}) {
            const ApiReply added = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", m_camera.url(name).toString()}, {"name", name}});
            QVERIFY2(added.status == 201, qPrintable(describe(added)));
            (name == "faulty" ? m_faulty : m_steady) = added.json.value("id").toString();
        }
        QCOMPARE(stateOf(waitForState(m_steady, {"online"})), QStringLiteral("online"));
        QCOMPARE(stateOf(waitForState(m_faulty, {"online"})), QStringLiteral("online"));
    }

    void aFrozenCameraGoesOfflineAndComesBack() {
        QCOMPARE(m_camera.command("freeze faulty"), QStringLiteral("ok"));
        const QJsonObject frozen = waitForState(m_faulty, {"offline", "stream_error"});
        QVERIFY2(stateOf(frozen) == "offline" || stateOf(frozen) == "stream_error", qPrintable(stateOf(frozen)));
        QVERIFY(!frozen.value("status").toObject().value("reason").toString().isEmpty());
        QCOMPARE(m_camera.command("resume faulty"), QStringLiteral("ok"));
        QCOMPARE(stateOf(waitForState(m_faulty, {"online"})), QStringLiteral("online"));
    }

    void aRefusingCameraIsAStreamErrorWithTheReason() {
        QCOMPARE(m_camera.command("refuse faulty"), QStringLiteral("ok"));
        QCOMPARE(m_camera.command("drop faulty"), QStringLiteral("ok"));  // its viewers must reconnect
        const QJsonObject refused = waitForState(m_faulty, {"stream_error"});
        QCOMPARE(stateOf(refused), QStringLiteral("stream_error"));
        QVERIFY(!refused.value("status").toObject().value("reason").toString().isEmpty());
        // A connection test says why too, with the prober's words.
        const ApiReply started = m_admin->post("/api/v1/connection-tests", QJsonObject{{"deviceId", m_faulty}});
        QCOMPARE(started.status, 202);
        QJsonObject job;
        QTRY_VERIFY_WITH_TIMEOUT((job = m_admin->get("/api/v1/connection-tests/" + started.json.value("id").toString()).json)
                                         .value("state").toString() != "running",
                                 30000);
        QCOMPARE(job.value("state").toString(), QStringLiteral("failed"));
        QVERIFY2(job.value("message").toString().contains("503"), qPrintable(job.value("message").toString()));

        QCOMPARE(m_camera.command("resume faulty"), QStringLiteral("ok"));
        QCOMPARE(stateOf(waitForState(m_faulty, {"online"})), QStringLiteral("online"));
    }

    void theOtherCameraWasNeverDisturbed() {
        const qint64 before = packets(m_steady);
        QTRY_VERIFY_WITH_TIMEOUT(packets(m_steady) > before, 10000);
        QCOMPARE(stateOf(device(m_steady)), QStringLiteral("online"));
        QCOMPARE(device(m_steady).value("channels").toArray().first().toObject().value("streams").toObject()
                     .value("main").toObject().value("reconnects").toInt(),
                 0);
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
        m_camera.stop();
    }
};

QTEST_GUILESS_MAIN(TestDevicesFaults)
#include "tst_devices_faults.moc"
