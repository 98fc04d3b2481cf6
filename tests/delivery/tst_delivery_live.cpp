// Live delivery and snapshots over the HTTPS port against independent clients (issue 4; SEC-2.2
// for the rights): a GStreamer camera (tests/support/gst_camera.py) added by RTSP URL, then
//  - ffprobe opens the live URL with the token in the query (trusting only the platform CA) and
//    reports the codecs and the picture size; ffmpeg -c copy reads 5 s of it;
//  - ffplay opens it (no display, no sound device);
//  - VLC (cvlc as nobody, over HTTPS with the CA as its only trust) opens it and remuxes it;
//  - several viewers at once share the hub's one reader;
//  - no token 401, no `live` permission 403, a role that does not reach the channel 403;
//  - the token never appears in the server's log;
//  - a viewer that stops reading is dropped to the next keyframe, then disconnected, while another
//    viewer goes on undisturbed;
//  - the stream ends when its session ends;
//  - a snapshot is a JPEG of the camera's picture size (of the H.264 main and the H.265 sub stream).

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <mutex>

#include "delivery/delivery_fixture.h"
#include "delivery/delivery_service.h"
#include "http/https_service.h"
#include "media/stream_hub.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::GstCamera;
using test::RawStream;

namespace {

// Every message the process logs, to search for secrets.
std::mutex gLogMutex;
QStringList gLog;
QtMessageHandler gPreviousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    {
        std::lock_guard lock(gLogMutex);
        gLog << message;
    }
    if (type != QtDebugMsg && gPreviousHandler) {
        gPreviousHandler(type, context, message);
    }
}

}  // namespace

class TestDeliveryLive : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::DeliveryFixture m_fixture;
    std::unique_ptr<GstCamera> m_camera;
    QString m_channel;

    QString liveUrl(const QString& token, const QString& stream = QStringLiteral("main")) const {
        return m_fixture.url("/api/v1/media/live/" + m_channel, token, {{"stream", stream}});
    }
    QString adminToken() { return m_fixture.admin().token(); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        gPreviousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=true"));
        QString error;
        QVERIFY2(m_fixture.start(m_dir.path(), &error), qPrintable(error));
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264+aac"), QStringLiteral("sub:h265")};
        options.gopSeconds = 1.0;
        // Noise keeps the encoder at its bitrate, so a viewer that stops reading fills its buffers soon.
        options.pattern = QStringLiteral("snow");
        options.bitrateKbps = 3000;
        m_camera = std::make_unique<GstCamera>(options);
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        m_channel = m_fixture.addCamera("Gate", m_camera->url("main"), m_camera->url("sub"));
        QVERIFY(!m_channel.isEmpty());
    }

    void ffprobeReportsCodecsAndSize() {
        QByteArray errors;
        const QJsonObject probed = test::probe(m_fixture.tlsArguments() + QStringList{"-show_streams"}, liveUrl(adminToken()), &errors);
        const QJsonObject video = test::firstStream(probed, "video");
        QVERIFY2(!video.isEmpty(), errors.constData());
        QCOMPARE(video.value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(video.value("width").toInt(), 640);
        QCOMPARE(video.value("height").toInt(), 360);
        QCOMPARE(test::firstStream(probed, "audio").value("codec_name").toString(), QStringLiteral("aac"));

        const QJsonObject sub = test::probe(m_fixture.tlsArguments() + QStringList{"-show_streams"}, liveUrl(adminToken(), "sub"));
        QCOMPARE(test::firstStream(sub, "video").value("codec_name").toString(), QStringLiteral("hevc"));
        QCOMPARE(test::firstStream(sub, "video").value("width").toInt(), 640);
    }

    void answerHeadSaysWhatAndWhen() {
        RawStream stream(m_fixture.engine(), "/api/v1/media/live/" + m_channel, adminToken());
        QVERIFY(stream.waitForHead());
        QCOMPARE(stream.status(), 200);
        QCOMPARE(stream.header("content-type"), QByteArray("video/mp2t"));
        QCOMPARE(stream.header("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(stream.header("cache-control"), QByteArray("no-store"));
        // Stream time 0 is about now minus the one second offset (the GOP cache may reach back up to a GOP).
        const qint64 epoch = stream.header("x-vigil-stream-epoch-ms").toLongLong();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(epoch > now - 10000 && epoch < now, qPrintable(QString::number(now - epoch)));
        QVERIFY(stream.waitFor([&] { return stream.bodyBytes() > 100000; }, 20000));
        // MPEG-TS inside the chunks: the first chunk starts with a sync byte.
        const QByteArray body = stream.received().mid(stream.head().size());
        const qsizetype lineEnd = body.indexOf("\r\n");
        QVERIFY(lineEnd > 0);
        QCOMPARE(body.at(lineEnd + 2), char(0x47));
    }

    void ffmpegCopiesFiveSeconds() {
        const QString out = m_dir.filePath("five.ts");
        QByteArray errors;
        const int code = test::runTool("ffmpeg",
                                       QStringList{"-v", "error", "-y"} + m_fixture.tlsArguments() +
                                           QStringList{"-i", liveUrl(adminToken()), "-t", "5", "-c", "copy", out},
                                       60000, nullptr, &errors);
        QVERIFY2(code == 0, errors.constData());
        const QJsonObject probed = test::probe({"-show_format", "-show_streams", "-count_packets", "-select_streams", "v:0"}, out);
        const double duration = probed.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(duration >= 4.5 && duration <= 6.0, qPrintable(QString::number(duration)));
        const int packets = test::firstStream(probed, "video").value("nb_read_packets").toString().toInt();
        QVERIFY2(packets >= 100, qPrintable(QString::number(packets)));  // 25 fps for 5 s
    }

    void ffplayOpensIt() {
        // ffplay without a display or sound device (dummy SDL drivers): it opens the URL and
        // describes the stream; a live stream never ends, so the test stops it by PID then.
        QProcess ffplay;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("SDL_AUDIODRIVER", "dummy");
        environment.insert("SDL_VIDEODRIVER", "dummy");
        ffplay.setProcessEnvironment(environment);
        ffplay.setProcessChannelMode(QProcess::MergedChannels);
        // (Not -nostats: it also hides the stream description ffplay prints.)
        ffplay.start("ffplay", QStringList{"-v", "info", "-nodisp"} + m_fixture.tlsArguments() +
                                   QStringList{liveUrl(adminToken())});
        QVERIFY(ffplay.waitForStarted());
        QByteArray said;
        QDeadlineTimer deadline(60000);
        // It describes the stream once it has read it, then plays (its clock appears in the status line).
        while (!(said.contains("Audio: aac") && said.contains("M-A")) && ffplay.state() == QProcess::Running && !deadline.hasExpired()) {
            QTest::qWait(50);
            said += ffplay.readAll();
        }
        ::kill(static_cast<pid_t>(ffplay.processId()), SIGKILL);
        ffplay.waitForFinished();
        QVERIFY2(said.contains("Input #0, mpegts") && said.contains("Video: h264") && said.contains("640x360"),
                 said.right(1500).constData());
    }

    void severalViewersShareOneReader() {
        const QString key = server::DeliveryService::streamKey(m_channel, "main");
        const server::StreamStats before = m_fixture.engine().streams()->stats(key);
        constexpr int kViewers = 5;
        std::vector<std::unique_ptr<QProcess>> viewers;
        for (int i = 0; i < kViewers; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start("ffmpeg", QStringList{"-v", "error"} + m_fixture.tlsArguments() +
                                         QStringList{"-i", liveUrl(adminToken()), "-t", "4", "-c", "copy", "-f", "mpegts",
                                                     m_dir.filePath(QString("viewer%1.ts").arg(i))});
            viewers.push_back(std::move(process));
        }
        server::DeliveryService* delivery = m_fixture.engine().delivery();
        QTRY_VERIFY_WITH_TIMEOUT(delivery->stats().liveViewers >= kViewers, 30000);
        for (auto& process : viewers) {
            QDeadlineTimer deadline(60000);
            while (process->state() != QProcess::NotRunning && !deadline.hasExpired()) {
                QTest::qWait(50);
            }
            QCOMPARE(process->exitCode(), 0);
        }
        for (int i = 0; i < kViewers; ++i) {
            const QJsonObject probed = test::probe({"-show_streams"}, m_dir.filePath(QString("viewer%1.ts").arg(i)));
            QCOMPARE(test::firstStream(probed, "video").value("codec_name").toString(), QStringLiteral("h264"));
        }
        // One camera connection served them all: the hub did not reconnect or open another reader.
        const server::StreamStats after = m_fixture.engine().streams()->stats(key);
        QCOMPARE(after.reconnects, before.reconnects);
        QCOMPARE(m_fixture.engine().streams()->keys().count(key), 1);
    }

    void vlcOpensTheStream() {
        // cvlc refuses root: it runs as nobody, so the CA and the output live in a folder nobody can use.
        QTemporaryDir shared(QDir::tempPath() + "/vigil-vlc-XXXXXX");
        QVERIFY(shared.isValid());
        QFile::setPermissions(shared.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                                 QFile::WriteOther | QFile::ExeOther);
        const QString trust = shared.filePath("trust");
        QVERIFY(QDir().mkpath(trust));
        QFile::setPermissions(trust, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        QVERIFY(QFile::copy(m_fixture.caFile(), trust + "/vigil-ca.pem"));
        QFile::setPermissions(trust + "/vigil-ca.pem", QFile::ReadOwner | QFile::ReadOther);
        const QString out = shared.filePath("vlc.ts");
        // Remux only (no decoding), so the machine needs no display or audio; VLC trusts only our CA.
        QStringList arguments{"-u", "nobody", "--", "cvlc", "--intf", "dummy", "--no-audio", "--avcodec-hw=none",
                              "--no-gnutls-system-trust", "--gnutls-dir-trust=" + trust,
                              "--run-time=6", liveUrl(adminToken()),
                              "--sout=#std{access=file,mux=ts,dst=" + out + "}", "vlc://quit"};
        if (::geteuid() != 0) {
            arguments = arguments.mid(3);  // not root: run cvlc directly
        }
        QByteArray errors;
        const int code = test::runTool(::geteuid() == 0 ? "runuser" : "cvlc", arguments, 60000, nullptr, &errors);
        QVERIFY2(QFileInfo(out).size() > 50000, qPrintable(QString("exit %1: %2").arg(code).arg(QString::fromUtf8(errors.right(3000)))));
        const QJsonObject probed = test::probe({"-show_streams"}, out);
        QCOMPARE(test::firstStream(probed, "video").value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(test::firstStream(probed, "video").value("width").toInt(), 640);
    }

    void accessNeedsTokenPermissionAndChannelRights() {
        ApiSession anonymous(m_fixture.engine());
        const ApiReply noToken = anonymous.get("/api/v1/media/live/" + m_channel);
        QCOMPARE(noToken.status, 401);
        QCOMPARE(noToken.error(), QStringLiteral("unauthenticated"));
        const ApiReply badToken = anonymous.get("/api/v1/media/live/" + m_channel + "?token=not-a-session");
        QCOMPARE(badToken.status, 401);

        auto auditor = m_fixture.userWith("clerk", {"logs"}, true);
        const ApiReply noPermission = auditor->get("/api/v1/media/live/" + m_channel);
        QCOMPARE(noPermission.status, 403);
        QCOMPARE(noPermission.error(), QStringLiteral("forbidden"));
        QVERIFY(noPermission.message().contains("live"));
        QCOMPARE(auditor->get("/api/v1/media/snapshot/" + m_channel).status, 403);

        auto elsewhere = m_fixture.userWith("porter", {"live"}, false, {"another-channel"});
        const ApiReply noRights = elsewhere->get("/api/v1/media/live/" + m_channel);
        QCOMPARE(noRights.status, 403);
        QCOMPARE(noRights.error(), QStringLiteral("forbidden"));
        // The same answer whether the channel exists or not: a role learns nothing outside its reach.
        const ApiReply unknown = elsewhere->get("/api/v1/media/live/no-such-channel");
        QCOMPARE(unknown.status, 403);
        // ffprobe with that user's token is refused too.
        QByteArray errors;
        const QJsonObject refused = test::probe(m_fixture.tlsArguments() + QStringList{"-show_streams"},
                                                liveUrl(elsewhere->token()), &errors);
        QVERIFY(test::firstStream(refused, "video").isEmpty());
        QVERIFY2(errors.contains("403"), errors.constData());

        auto reaching = m_fixture.userWith("warden", {"live"}, false, {m_channel});
        RawStream allowed(m_fixture.engine(), "/api/v1/media/live/" + m_channel, reaching->token());
        QVERIFY(allowed.waitForHead());
        QCOMPARE(allowed.status(), 200);

        QCOMPARE(m_fixture.admin().get("/api/v1/media/live/no-such-channel").status, 404);
        const ApiReply badStream = m_fixture.admin().get("/api/v1/media/live/" + m_channel + "?stream=third");
        QCOMPARE(badStream.status, 400);
        const ApiReply unknownParameter = m_fixture.admin().get("/api/v1/media/live/" + m_channel + "?quality=best");
        QCOMPARE(unknownParameter.status, 400);
        QVERIFY(unknownParameter.message().contains("quality"));
    }

    void tokenNeverLogged() {
        const QString token = adminToken();
        QVERIFY(!token.isEmpty());
        std::lock_guard lock(gLogMutex);
        QVERIFY(!gLog.isEmpty());
        for (const QString& line : std::as_const(gLog)) {
            QVERIFY2(!line.contains(token), qPrintable(line));
        }
    }

    void slowViewerIsDroppedThenDisconnectedWithoutHarmingOthers() {
        server::DeliveryService* delivery = m_fixture.engine().delivery();
        const server::DeliveryService::Options saved = delivery->options();
        server::DeliveryService::Options options = saved;
        options.viewer.stallTimeoutMs = 8000;
        delivery->setOptions(options);
        const server::DeliveryService::Stats before = delivery->stats();

        RawStream slow(m_fixture.engine(), "/api/v1/media/live/" + m_channel, adminToken(), 8192);
        QVERIFY(slow.waitForHead());
        slow.pause();
        // Meanwhile another viewer reads 8 s without a hitch.
        const QString out = m_dir.filePath("beside-slow.ts");
        auto fast = std::make_unique<QProcess>();
        fast->start("ffmpeg", QStringList{"-v", "error", "-y"} + m_fixture.tlsArguments() +
                                  QStringList{"-i", liveUrl(adminToken()), "-t", "8", "-c", "copy", out});
        // The slow viewer's queue is thrown away (to the next keyframe) at least once...
        QElapsedTimer waited;
        waited.start();
        QTRY_VERIFY_WITH_TIMEOUT(delivery->stats().drops > before.drops, 60000);
        qInfo() << "first drop after" << waited.elapsed() << "ms";
        // ...and what it holds stays bounded: its queue and its connection's buffer.
        for (server::MediaViewer* viewer : delivery->viewers()) {
            QVERIFY(viewer->queue()->queuedBytes() <= options.liveQueue.maxBytes);
        }
        QDeadlineTimer deadline(60000);
        while (fast->state() != QProcess::NotRunning && !deadline.hasExpired()) {
            QTest::qWait(50);
        }
        QCOMPARE(fast->exitCode(), 0);
        const QJsonObject probed = test::probe({"-show_streams", "-count_packets", "-select_streams", "v:0"}, out);
        const int packets = test::firstStream(probed, "video").value("nb_read_packets").toString().toInt();
        QVERIFY2(packets >= 180, qPrintable(QString::number(packets)));  // 25 fps for 8 s, nothing lost
        // Taking nothing at all for the stall timeout ends the slow viewer, and it is counted.
        QTRY_VERIFY_WITH_TIMEOUT(delivery->stats().stalledOut > before.stalledOut, 60000);
        slow.resume();  // reading again is how the client notices the server closed it
        QVERIFY(slow.waitFor([&] { return !slow.isConnected(); }, 20000));
        delivery->setOptions(saved);
    }

    void streamEndsWithItsSession() {
        auto viewer = m_fixture.userWith("nightshift", {"live"}, true);
        RawStream stream(m_fixture.engine(), "/api/v1/media/live/" + m_channel, viewer->token());
        QVERIFY(stream.waitForHead());
        QCOMPARE(stream.status(), 200);
        QVERIFY(stream.waitFor([&] { return stream.bodyBytes() > 10000; }, 20000));
        QCOMPARE(viewer->post("/api/v1/auth/logout").status, 204);
        QVERIFY(stream.waitFor([&] { return !stream.isConnected(); }, 20000));
        // The stream ended cleanly: the last chunk came before the close.
        QVERIFY(stream.received().endsWith("0\r\n\r\n"));
    }

    void stoppingTheServiceEndsStreamsAndRefusesNewOnes() {
        // SRV-1: the media transmission service stops and starts on its own.
        ApiSession& admin = m_fixture.admin();
        RawStream stream(m_fixture.engine(), "/api/v1/media/live/" + m_channel, adminToken());
        QVERIFY(stream.waitForHead());
        QCOMPARE(stream.status(), 200);
        QCOMPARE(admin.post("/api/v1/services/media-transmission/stop").status, 200);
        QVERIFY(stream.waitFor([&] { return !stream.isConnected(); }, 20000));
        QVERIFY(stream.received().endsWith("0\r\n\r\n"));
        const ApiReply refused = admin.get("/api/v1/media/live/" + m_channel);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.error(), QStringLiteral("delivery_unavailable"));
        QCOMPARE(admin.post("/api/v1/services/media-transmission/start").status, 200);
        RawStream again(m_fixture.engine(), "/api/v1/media/live/" + m_channel, adminToken());
        QVERIFY(again.waitForHead());
        QCOMPARE(again.status(), 200);
        // Restarting the gateway drops its connections; the viewer behind one goes with it.
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.engine().delivery()->stats().liveViewers, 1, 10000);
        QVERIFY(m_fixture.engine().https()->restart().ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.engine().delivery()->stats().liveViewers, 0, 10000);
        QVERIFY(again.waitFor([&] { return !again.isConnected(); }, 10000));
    }

    void snapshotIsAJpegOfThePicture() {
        RawStream stream(m_fixture.engine(), "/api/v1/media/snapshot/" + m_channel, adminToken());
        QVERIFY(stream.waitForHead());
        QCOMPARE(stream.status(), 200);
        QCOMPARE(stream.header("content-type"), QByteArray("image/jpeg"));
        const qint64 length = stream.header("content-length").toLongLong();
        QVERIFY(length > 1000);
        QVERIFY(stream.waitFor([&] { return stream.bodyBytes() >= length; }, 20000));
        const qint64 pictureMs = stream.header("x-vigil-picture-time-ms").toLongLong();
        QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - pictureMs) < 10000);
        const QString file = m_dir.filePath("snapshot.jpg");
        QFile jpeg(file);
        QVERIFY(jpeg.open(QIODevice::WriteOnly));
        jpeg.write(stream.received().mid(stream.head().size(), length));
        jpeg.close();
        const QJsonObject probed = test::probe({"-show_streams"}, file);
        const QJsonObject picture = test::firstStream(probed, "video");
        QCOMPARE(picture.value("codec_name").toString(), QStringLiteral("mjpeg"));
        QCOMPARE(picture.value("width").toInt(), 640);
        QCOMPARE(picture.value("height").toInt(), 360);
        // ffmpeg decodes it (the JPEG is whole).
        QByteArray errors;
        QCOMPARE(test::runTool("ffmpeg", {"-v", "error", "-i", file, "-f", "null", "-"}, 30000, nullptr, &errors), 0);
        QVERIFY2(errors.isEmpty(), errors.constData());
        // Through ffprobe and a query token as well, of the H.265 sub stream this time.
        const QJsonObject remote = test::probe(m_fixture.tlsArguments() + QStringList{"-show_streams"},
                                               m_fixture.url("/api/v1/media/snapshot/" + m_channel, adminToken(), {{"stream", "sub"}}));
        QCOMPARE(test::firstStream(remote, "video").value("codec_name").toString(), QStringLiteral("mjpeg"));
        QCOMPARE(test::firstStream(remote, "video").value("width").toInt(), 640);
    }

    void cleanupTestCase() {
        m_fixture.stop();
        m_camera.reset();
        qInstallMessageHandler(gPreviousHandler);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLive)
#include "tst_delivery_live.moc"
