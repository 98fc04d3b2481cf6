// The devices API against a real engine on 127.0.0.1 with real cameras (issue 4; GStreamer's RTSP
// server through tests/support/gst_camera.h): a camera added by RTSP URL goes online with stream
// statistics; a wrong password shows as unauthorised with the reason; an address where nothing
// listens as unreachable; a camera that stops shows offline (or a stream error) and comes back online
// by itself when it returns; removing a device closes its streams; the group tree's rules; clear
// errors for bad input; channel rights (SEC-2.2) in lists, pushes and routes; credentials never in an
// answer nor readable in the data folder without the key; devices come back after an engine restart.

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

#include "../accounts/api_session.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "media/stream_hub.h"
#include "support/gst_camera.h"
#include "support/test_engine.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::GstCamera;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kViewerPassword = QStringLiteral("Kestrel!Wing7");
const QString kCameraUser = QStringLiteral("operator");
const QString kCameraPassword = QStringLiteral("Lens-Secret-83q");
constexpr int kStateTimeoutMs = 45000;  // bounds a hang only: reconnects back off for a few seconds

QJsonObject setupBody() {
    QJsonArray questions;
    for (int i = 0; i < 3; ++i) {
        questions.append(QJsonObject{{"question", QString("Question %1?").arg(i)}, {"answer", QString("Answer %1").arg(i)}});
    }
    return QJsonObject{{"userName", kAdmin}, {"password", kAdminPassword}, {"email", "chief@example.com"}, {"questions", questions}};
}

// A port on 127.0.0.1 where nothing listens: bound by the OS, then let go.
quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

}  // namespace

class TestDevicesApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    void startEngine() {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; tst_brute_force runs the real ones
        m_admin.reset();
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        // Quick retries keep the test short; the policy is the same code with other numbers.
        m_engine->devices()->setReconnectPolicy({500, 2000});
        m_admin = std::make_unique<ApiSession>(*m_engine);
    }

    QString addDevice(const QJsonObject& body) {
        const ApiReply reply = m_admin->post("/api/v1/devices", body);
        if (reply.status != 201) {
            qWarning().noquote() << describe(reply);
            return {};
        }
        return reply.json.value("id").toString();
    }

    QJsonObject device(const QString& id) { return m_admin->get("/api/v1/devices/" + id).json; }

    // Polls until the device's state is one of `states`; returns the last answer.
    QJsonObject waitForState(const QString& id, const QStringList& states, int timeoutMs = kStateTimeoutMs) {
        QJsonObject last;
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            last = device(id);
            if (states.contains(last.value("status").toObject().value("state").toString())) {
                return last;
            }
            QTest::qWait(200);
        }
        qWarning().noquote() << "device" << id << "never reached" << states << ":"
                             << QJsonDocument(last).toJson(QJsonDocument::Compact);
        return last;
    }

    // Opens the events WebSocket of `session` and collects the pushed messages' texts.
    std::unique_ptr<QWebSocket> listen(ApiSession& session, QStringList& pushed) {
        auto socket = std::make_unique<QWebSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        socket->setSslConfiguration(session.tls());
        QUrl url = m_engine->baseUrl();
        url.setScheme("wss");
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        url.setQuery("token=" + session.token());
        connect(socket.get(), &QWebSocket::textMessageReceived, this, [&pushed](const QString& text) { pushed << text; });
        QSignalSpy connected(socket.get(), &QWebSocket::connected);
        socket->open(url);
        if (!connected.wait(10000)) {
            qWarning() << "WebSocket did not connect:" << socket->errorString();
        }
        return socket;
    }

    static bool pushedDevice(const QStringList& pushed, const QString& id, const QString& name) {
        return std::any_of(pushed.cbegin(), pushed.cend(), [&](const QString& text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            const QJsonObject d = m.value("data").toObject();
            return m.value("type").toString() == "devices.device" && d.value("id").toString() == id &&
                   (name.isEmpty() || d.value("name").toString() == name);
        });
    }

    static QString stateOf(const QJsonObject& device) { return device.value("status").toObject().value("state").toString(); }

    static QJsonObject mainStream(const QJsonObject& device) {
        return device.value("channels").toArray().first().toObject().value("streams").toObject().value("main").toObject();
    }

    QString createUser(const QString& name, const QString& roleId) {
        const ApiReply reply = m_admin->post("/api/v1/users", QJsonObject{{"userName", name}, {"roleId", roleId}, {"password", kViewerPassword}});
        return reply.status == 201 ? reply.json.value("id").toString() : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        startEngine();
        QCOMPARE(m_admin->post("/api/v1/setup", setupBody()).status, 201);
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        const ApiReply drivers = m_admin->get("/api/v1/device-drivers");
        QCOMPARE(drivers.status, 200);
        QVERIFY2(QJsonDocument(drivers.json).toJson().contains("\"rtsp\""), drivers.body.constData());
    }

    void cameraByRtspUrlGoesOnlineWithStatistics() {
        GstCamera camera;
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));

        QStringList pushed;
        auto socket = listen(*m_admin, pushed);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);

        const QString id = addDevice({{"driver", "rtsp"}, {"address", camera.url().toString()}, {"name", "Front door"}});
        QVERIFY(!id.isEmpty());
        const QJsonObject online = waitForState(id, {"online"});
        QCOMPARE(stateOf(online), QStringLiteral("online"));
        QCOMPARE(online.value("name").toString(), QStringLiteral("Front door"));
        QCOMPARE(online.value("channels").toArray().size(), 1);
        const QJsonObject channel = online.value("channels").toArray().first().toObject();
        QCOMPARE(channel.value("status").toObject().value("state").toString(), QStringLiteral("online"));
        QCOMPARE(channel.value("name").toString(), QStringLiteral("Front door"));
        // Statistics come from the stream hub as packets flow: wait for a few seconds' worth.
        QJsonObject stream;
        QTRY_VERIFY_WITH_TIMEOUT((stream = mainStream(device(id))).value("fps").toDouble() > 0 &&
                                     stream.value("bitsPerSecond").toDouble() > 0,
                                 20000);
        QCOMPARE(stream.value("state").toString(), QStringLiteral("live"));
        QCOMPARE(stream.value("codec").toString(), QStringLiteral("h264"));
        QCOMPARE(stream.value("width").toInt(), 640);
        QCOMPARE(stream.value("height").toInt(), 360);
        QVERIFY(stream.value("lastKeyframeMs").toDouble() > 0);
        QVERIFY(stream.value("packets").toDouble() > 0);
        QVERIFY(stream.value("fps").toDouble() > 10 && stream.value("fps").toDouble() < 40);  // the camera sends 25

        // The same state was pushed over the session's WebSocket.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(pushed.cbegin(), pushed.cend(),
                                             [&id](const QString& text) {
                                                 const QJsonObject d = QJsonDocument::fromJson(text.toUtf8())
                                                                           .object()
                                                                           .value("data")
                                                                           .toObject();
                                                 return d.value("id").toString() == id &&
                                                        d.value("status").toObject().value("state").toString() == "online";
                                             }),
                                 10000);

        // Removing it closes its streams in the hub.
        const QString channelId = channel.value("id").toString();
        QVERIFY(m_engine->streams()->keys().contains(channelId + "/main"));
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
        QVERIFY(!m_engine->streams()->keys().contains(channelId + "/main"));
        QCOMPARE(m_admin->get("/api/v1/devices/" + id).status, 404);
        QCOMPARE(m_admin->get("/api/v1/channels/" + channelId).status, 404);
        QTRY_VERIFY_WITH_TIMEOUT(pushed.join("\n").contains("devices.device_removed"), 10000);
    }

    void virtualCameraGoesOnlineLikeARealOne() {
        const QString id = addDevice({{"driver", "virtual"}, {"address", "virtual://demo"}});
        QVERIFY(!id.isEmpty());
        const QJsonObject online = waitForState(id, {"online"}, 120000);  // the first one may make the clips
        QCOMPARE(stateOf(online), QStringLiteral("online"));
        QCOMPARE(online.value("model").toString(), QStringLiteral("Virtual camera"));
        const QJsonObject channel = online.value("channels").toArray().first().toObject();
        QVERIFY(channel.value("mainUrl").toString().startsWith("rtsp://127.0.0.1:"));
        QVERIFY(!channel.value("subUrl").toString().isEmpty());
        QJsonObject stream;
        QTRY_VERIFY_WITH_TIMEOUT((stream = mainStream(device(id))).value("fps").toDouble() > 0, 20000);
        QCOMPARE(stream.value("codec").toString(), QStringLiteral("h264"));
        QCOMPARE(stream.value("width").toInt(), 1280);
        const QJsonObject sub = channel.value("streams").toObject().value("sub").toObject();
        QVERIFY2(sub.value("state").toString() != "idle", qPrintable(QJsonDocument(sub).toJson()));
    }

    void wrongPasswordIsUnauthorisedWithTheReason() {
        GstCamera::Options options;
        options.user = kCameraUser;
        options.password = kCameraPassword;
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const QString id = addDevice({{"driver", "rtsp"},
                                      {"address", camera.url().toString()},
                                      {"userName", kCameraUser},
                                      {"password", "not-the-password"}});
        QVERIFY(!id.isEmpty());
        const QJsonObject refused = waitForState(id, {"unauthorised"});
        QCOMPARE(stateOf(refused), QStringLiteral("unauthorised"));
        QVERIFY2(!refused.value("status").toObject().value("reason").toString().isEmpty(),
                 qPrintable(QJsonDocument(refused).toJson()));
        QVERIFY(refused.value("status").toObject().value("sinceMs").toDouble() > 0);

        // With the right password it goes online, without anything else to do.
        const ApiReply fixed = m_admin->put("/api/v1/devices/" + id, QJsonObject{{"password", kCameraPassword}});
        QVERIFY2(fixed.status == 200, qPrintable(describe(fixed)));
        QCOMPARE(stateOf(waitForState(id, {"online"})), QStringLiteral("online"));
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void nothingListeningIsUnreachable() {
        const QString address = QStringLiteral("rtsp://127.0.0.1:%1/main").arg(closedPort());
        const QString id = addDevice({{"driver", "rtsp"}, {"address", address}});
        QVERIFY(!id.isEmpty());
        const QJsonObject unreachable = waitForState(id, {"unreachable"});
        QCOMPARE(stateOf(unreachable), QStringLiteral("unreachable"));
        QVERIFY(!unreachable.value("status").toObject().value("reason").toString().isEmpty());
        // It is tried again later, and says when (back-off).
        QVERIFY(unreachable.value("status").toObject().value("nextRetryMs").toDouble() >=
                unreachable.value("status").toObject().value("sinceMs").toDouble());
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void stoppedCameraComesBackOnlineByItself() {
        GstCamera camera;
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const QString id = addDevice({{"driver", "rtsp"}, {"address", camera.url().toString()}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(stateOf(waitForState(id, {"online"})), QStringLiteral("online"));

        camera.stop();
        const QJsonObject down = waitForState(id, {"offline", "stream_error"});
        QVERIFY2(stateOf(down) == "offline" || stateOf(down) == "stream_error", qPrintable(stateOf(down)));
        QVERIFY(!down.value("status").toObject().value("reason").toString().isEmpty());

        QVERIFY2(camera.start(&error), qPrintable(error));  // same port
        QCOMPARE(stateOf(waitForState(id, {"online"})), QStringLiteral("online"));
        QVERIFY(mainStream(device(id)).value("reconnects").toInt() >= 1);
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void badInputGetsClearErrors() {
        ApiReply reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "telepathy"}, {"address", "rtsp://127.0.0.1/x"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QStringLiteral("unknown_driver"));
        QVERIFY2(reply.message().contains("rtsp"), qPrintable(reply.message()));  // names what is installed

        reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "ftp://127.0.0.1/x"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QStringLiteral("bad_request"));
        QVERIFY2(reply.message().contains("ftp") && reply.message().contains("rtsp"), qPrintable(reply.message()));

        reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "just some words"}});
        QCOMPARE(reply.status, 400);

        reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "rtsp://127.0.0.1:9/a"}, {"colour", "red"}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("\"colour\""));

        const QString id = addDevice({{"driver", "rtsp"}, {"address", "rtsp://127.0.0.1:9/dup"}, {"enabled", false}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(stateOf(device(id)), QStringLiteral("disabled"));
        // The same camera written another way is still the same camera.
        reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "RTSP://127.0.0.1:9/dup/"}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("device_exists"));
        QVERIFY(reply.message().contains(id));

        reply = m_admin->put("/api/v1/devices/" + id, QJsonObject{{"driver", "onvif"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(m_admin->put("/api/v1/devices/nope", QJsonObject{{"name", "x"}}).status, 404);
        QCOMPARE(m_admin->del("/api/v1/devices/nope").status, 404);

        // PTZ needs a channel that offers it; this rtsp device has none (nor any channel yet).
        QCOMPARE(m_admin->post("/api/v1/channels/nope/ptz/stop").status, 404);
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void credentialsAreNeverAnsweredNorReadableWithoutTheKey() {
        const QString secret = QStringLiteral("Zq-Unique-Camera-Secret-4471");
        const QString id = addDevice({{"driver", "rtsp"},
                                      {"address", QStringLiteral("rtsp://admin:%1@127.0.0.1:%2/cred").arg(secret).arg(closedPort())},
                                      {"enabled", false}});
        QVERIFY(!id.isEmpty());
        const ApiReply one = m_admin->get("/api/v1/devices/" + id);
        QVERIFY(!one.body.contains(secret.toUtf8()));
        QCOMPARE(one.json.value("userName").toString(), QStringLiteral("admin"));  // taken out of the URL
        QCOMPARE(one.json.value("passwordSet").toBool(), true);
        QVERIFY(!one.json.value("address").toString().contains("admin"));
        QVERIFY(!m_admin->get("/api/v1/devices").body.contains(secret.toUtf8()));
        QVERIFY(!m_admin->get("/api/v1/channels").body.contains(secret.toUtf8()));

        // The data folder holds it only encrypted: stop the engine (WAL checkpointed) and read every file.
        m_engine->stop();
        QByteArray everything;
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly)) {
                everything += file.readAll();
            }
        }
        QVERIFY(everything.size() > 0);
        QVERIFY(!everything.contains(secret.toUtf8()));
        startEngine();
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        // It is still there, and still works as the device's password (passwordSet).
        QCOMPARE(device(id).value("passwordSet").toBool(), true);
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void devicesComeBackAfterAnEngineRestart() {
        GstCamera camera;
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const QString id = addDevice({{"driver", "rtsp"}, {"address", camera.url().toString()}});
        QCOMPARE(stateOf(waitForState(id, {"online"})), QStringLiteral("online"));
        const QString channelId = device(id).value("channels").toArray().first().toObject().value("id").toString();
        m_engine->stop();
        startEngine();
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword).status, 200);
        const QJsonObject back = waitForState(id, {"online"});
        QCOMPARE(stateOf(back), QStringLiteral("online"));
        // The channel keeps its id: media URLs and channel rights stay valid.
        QCOMPARE(back.value("channels").toArray().first().toObject().value("id").toString(), channelId);

        // The devices service alone can be stopped and started again (SRV-1): its streams close while
        // it is stopped and it reconnects by itself when it starts.
        QCOMPARE(m_admin->post("/api/v1/services/devices/stop").status, 200);
        QVERIFY(!m_engine->streams()->keys().contains(channelId + "/main"));
        const ApiReply stopped = m_admin->get("/api/v1/devices");
        QCOMPARE(stopped.status, 503);
        QCOMPARE(stopped.error(), QStringLiteral("devices_unavailable"));
        QCOMPARE(m_admin->post("/api/v1/services/devices/start").status, 200);
        QCOMPARE(stateOf(waitForState(id, {"online"})), QStringLiteral("online"));
        QCOMPARE(m_admin->del("/api/v1/devices/" + id).status, 204);
    }

    void groupTreeRules() {
        ApiReply org = m_admin->post("/api/v1/device-groups", QJsonObject{{"name", "Harbour"}, {"kind", "organisation"}});
        QCOMPARE(org.status, 201);
        const QString orgId = org.json.value("id").toString();
        QVERIFY(org.json.value("parentId").isNull());
        ApiReply north = m_admin->post("/api/v1/device-groups", QJsonObject{{"name", "North gate"}, {"parentId", orgId}});
        QCOMPARE(north.status, 201);
        const QString northId = north.json.value("id").toString();
        ApiReply pier = m_admin->post("/api/v1/device-groups", QJsonObject{{"name", "Pier"}, {"parentId", northId}});
        QCOMPARE(pier.status, 201);
        const QString pierId = pier.json.value("id").toString();

        // Sibling names are unique whatever the case.
        ApiReply reply = m_admin->post("/api/v1/device-groups", QJsonObject{{"name", "north GATE"}, {"parentId", orgId}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("group_exists"));
        // Organisations stay at the top; groups cannot move into themselves or their descendants.
        reply = m_admin->post("/api/v1/device-groups", QJsonObject{{"name", "Sub org"}, {"kind", "organisation"}, {"parentId", orgId}});
        QCOMPARE(reply.status, 400);
        reply = m_admin->put("/api/v1/device-groups/" + northId, QJsonObject{{"parentId", pierId}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("itself"));
        reply = m_admin->put("/api/v1/device-groups/" + northId, QJsonObject{{"parentId", northId}});
        QCOMPARE(reply.status, 400);
        reply = m_admin->put("/api/v1/device-groups/" + northId, QJsonObject{{"parentId", "missing"}});
        QCOMPARE(reply.status, 400);
        reply = m_admin->put("/api/v1/device-groups/" + pierId, QJsonObject{{"name", "Quay"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("name").toString(), QStringLiteral("Quay"));

        // A device in the pier group.
        const QString deviceId = addDevice({{"driver", "rtsp"}, {"address", "rtsp://127.0.0.1:9/pier"}, {"groupId", pierId}, {"enabled", false}});
        QVERIFY(!deviceId.isEmpty());
        QCOMPARE(device(deviceId).value("groupId").toString(), pierId);
        reply = m_admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "rtsp://127.0.0.1:9/lost"}, {"groupId", "missing"}});
        QCOMPARE(reply.status, 400);

        // Not empty: refused unless told what to do, and nothing is lost.
        reply = m_admin->del("/api/v1/device-groups/" + northId);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("group_not_empty"));
        QVERIFY(reply.message().contains("contents=move"));
        QCOMPARE(m_admin->del("/api/v1/device-groups/" + northId + "?contents=everything").status, 400);
        // Move: the pier group moves up into the organisation.
        QCOMPARE(m_admin->del("/api/v1/device-groups/" + northId + "?contents=move").status, 204);
        QJsonArray groups = m_admin->get("/api/v1/device-groups").json.value("groups").toArray();
        QCOMPARE(groups.size(), 2);
        for (const QJsonValue& group : groups) {
            if (group.toObject().value("id").toString() == pierId) {
                QCOMPARE(group.toObject().value("parentId").toString(), orgId);
            }
        }
        QCOMPARE(device(deviceId).value("groupId").toString(), pierId);
        // Delete: the organisation goes with its groups and devices.
        QCOMPARE(m_admin->del("/api/v1/device-groups/" + orgId + "?contents=delete").status, 204);
        QCOMPARE(m_admin->get("/api/v1/device-groups").json.value("groups").toArray().size(), 0);
        QCOMPARE(m_admin->get("/api/v1/devices/" + deviceId).status, 404);
        QCOMPARE(m_admin->del("/api/v1/device-groups/" + orgId).status, 404);
    }

    void jobsTestConnectionsAndDiscover() {
        GstCamera camera;
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        ApiReply started = m_admin->post("/api/v1/connection-tests", QJsonObject{{"driver", "rtsp"}, {"address", camera.url().toString()}});
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json.value("kind").toString(), QStringLiteral("connection_test"));
        const QString jobId = started.json.value("id").toString();
        QJsonObject job;
        QTRY_VERIFY_WITH_TIMEOUT((job = m_admin->get("/api/v1/connection-tests/" + jobId).json).value("state").toString() != "running", 20000);
        QCOMPARE(job.value("state").toString(), QStringLiteral("succeeded"));
        const QJsonArray channels = job.value("result").toObject().value("description").toObject().value("channels").toArray();
        QCOMPARE(channels.size(), 1);
        QCOMPARE(channels.first().toObject().value("mainUrl").toString(), camera.url().toString());
        // Nothing was added by testing.
        QCOMPARE(m_admin->get("/api/v1/devices").json.value("devices").toArray().size(), 0);

        ApiReply bad = m_admin->post("/api/v1/connection-tests", QJsonObject{{"driver", "rtsp"}, {"address", "gopher://x"}});
        QCOMPARE(bad.status, 400);
        bad = m_admin->post("/api/v1/connection-tests", QJsonObject{{"deviceId", "nope"}});
        QCOMPARE(bad.status, 404);

        // Discovery: a job with progress; drivers that cannot discover (rtsp) add nothing and no problem.
        started = m_admin->post("/api/v1/discovery-jobs", QJsonObject{{"drivers", QJsonArray{"rtsp"}}, {"timeoutMs", 500}});
        QCOMPARE(started.status, 202);
        const QString discoveryId = started.json.value("id").toString();
        QTRY_VERIFY_WITH_TIMEOUT((job = m_admin->get("/api/v1/discovery-jobs/" + discoveryId).json).value("state").toString() != "running", 20000);
        QCOMPARE(job.value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(job.value("progress").toDouble(), 1.0);
        QCOMPARE(job.value("result").toObject().value("problems").toArray().size(), 0);
        QCOMPARE(m_admin->get("/api/v1/discovery-jobs").json.value("jobs").toArray().first().toObject().value("id").toString(), discoveryId);
        // Cancelling a finished job leaves it as it ended; an unknown one is 404.
        QCOMPARE(m_admin->del("/api/v1/discovery-jobs/" + discoveryId).json.value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(m_admin->del("/api/v1/discovery-jobs/nope").status, 404);
        QCOMPARE(m_admin->post("/api/v1/discovery-jobs", QJsonObject{{"drivers", QJsonArray{"nope"}}}).status, 400);

        // The ONVIF driver's WS-Discovery, unicast to a loopback port where nothing answers: the job
        // ends with no devices; a long one can be cancelled while it runs.
        started = m_admin->post("/api/v1/discovery-jobs", QJsonObject{{"drivers", QJsonArray{"onvif"}}, {"timeoutMs", 300},
                                                                       {"unicastHost", "127.0.0.1"}, {"unicastPort", closedPort()}});
        QCOMPARE(started.status, 202);
        const QString onvifId = started.json.value("id").toString();
        QTRY_VERIFY_WITH_TIMEOUT((job = m_admin->get("/api/v1/discovery-jobs/" + onvifId).json).value("state").toString() != "running", 20000);
        QCOMPARE(job.value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(job.value("result").toObject().value("devices").toArray().size(), 0);
        started = m_admin->post("/api/v1/discovery-jobs", QJsonObject{{"drivers", QJsonArray{"onvif"}}, {"timeoutMs", 20000},
                                                                       {"unicastHost", "127.0.0.1"}, {"unicastPort", closedPort()}});
        QCOMPARE(started.status, 202);
        const ApiReply cancelled = m_admin->del("/api/v1/discovery-jobs/" + started.json.value("id").toString());
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value("state").toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_admin->post("/api/v1/discovery-jobs", QJsonObject{{"timeoutMs", 999999}}).status, 400);
    }

    void channelRightsLimitWhatAUserSees() {
        GstCamera::Options options;
        options.mounts = QStringList{"a:h264", "b:h264"};
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const QString a = addDevice({{"driver", "rtsp"}, {"address", camera.url("a").toString()}});
        const QString b = addDevice({{"driver", "rtsp"}, {"address", camera.url("b").toString()}});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        // Channels appear after the first describe.
        QTRY_VERIFY_WITH_TIMEOUT(device(a).value("channels").toArray().size() == 1 && device(b).value("channels").toArray().size() == 1, 20000);
        const QString channelA = device(a).value("channels").toArray().first().toObject().value("id").toString();
        const QString channelB = device(b).value("channels").toArray().first().toObject().value("id").toString();

        ApiReply role = m_admin->post("/api/v1/roles", QJsonObject{{"name", "Gate watch"}, {"permissions", QJsonArray{"live", "ptz"}},
                                                                   {"allChannels", false}, {"channels", QJsonArray{channelA}}});
        QVERIFY2(role.status == 201, qPrintable(describe(role)));
        QVERIFY(!createUser("gatewatch", role.json.value("id").toString()).isEmpty());
        ApiSession watcher(*m_engine);
        QCOMPARE(watcher.login("gatewatch", kViewerPassword).status, 200);

        const QJsonArray seen = watcher.get("/api/v1/devices").json.value("devices").toArray();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().toObject().value("id").toString(), a);
        QCOMPARE(watcher.get("/api/v1/devices/" + a).status, 200);
        QCOMPARE(watcher.get("/api/v1/devices/" + b).status, 404);  // as if it did not exist
        QCOMPARE(watcher.get("/api/v1/channels/" + channelB).status, 404);
        const QJsonArray channels = watcher.get("/api/v1/channels").json.value("channels").toArray();
        QCOMPARE(channels.size(), 1);
        QCOMPARE(channels.first().toObject().value("id").toString(), channelA);
        // Pushes follow the same rights: a change to b never reaches this session, one to a does.
        QStringList watcherPushes;
        auto watcherSocket = listen(watcher, watcherPushes);
        QCOMPARE(m_admin->put("/api/v1/devices/" + b, QJsonObject{{"name", "Back yard"}}).status, 200);
        QCOMPARE(m_admin->put("/api/v1/devices/" + a, QJsonObject{{"name", "Gate"}}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(pushedDevice(watcherPushes, a, "Gate"), 10000);
        QVERIFY(!pushedDevice(watcherPushes, b, {}));
        QVERIFY(!watcherPushes.join("\n").contains(channelB));

        // Reading is allowed, changing is not (no device_config), and PTZ on a channel out of reach is 404.
        QCOMPARE(watcher.put("/api/v1/devices/" + a, QJsonObject{{"name", "x"}}).status, 403);
        QCOMPARE(watcher.post("/api/v1/channels/" + channelB + "/ptz/stop").status, 404);
        // Within reach, the rtsp channel has no PTZ: a clear refusal.
        const ApiReply ptz = watcher.post("/api/v1/channels/" + channelA + "/ptz/stop");
        QCOMPARE(ptz.status, 409);
        QCOMPARE(ptz.error(), QStringLiteral("ptz_not_supported"));
        // A live_viewer (all channels, no ptz) cannot call PTZ at all.
        QVERIFY(!createUser("viewer1", "live_viewer").isEmpty());
        ApiSession viewer(*m_engine);
        QCOMPARE(viewer.login("viewer1", kViewerPassword).status, 200);
        QCOMPARE(viewer.get("/api/v1/devices").json.value("devices").toArray().size(), 2);
        QCOMPARE(viewer.post("/api/v1/channels/" + channelA + "/ptz/stop").status, 403);
        QCOMPARE(viewer.post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", "rtsp://127.0.0.1:9/v"}}).status, 403);

        QCOMPARE(m_admin->del("/api/v1/devices/" + a).status, 204);
        QCOMPARE(m_admin->del("/api/v1/devices/" + b).status, 204);
    }

    // Each test starts with no devices and no groups, whatever the one before left behind.
    void cleanup() {
        if (!m_engine || !m_engine->isRunning()) {
            return;
        }
        for (const QJsonValue& d : m_admin->get("/api/v1/devices").json.value("devices").toArray()) {
            m_admin->del("/api/v1/devices/" + d.toObject().value("id").toString());
        }
        for (const QJsonValue& g : m_admin->get("/api/v1/device-groups").json.value("groups").toArray()) {
            if (g.toObject().value("parentId").isNull()) {
                m_admin->del("/api/v1/device-groups/" + g.toObject().value("id").toString() + "?contents=delete");
            }
        }
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestDevicesApi)
#include "tst_devices_api.moc"
