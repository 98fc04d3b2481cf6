// The workstation's VideoPlayer with the FFmpeg backend plugin against a real engine on 127.0.0.1
// and a GStreamer RTSP camera (tests/support/gst_camera.py; main and sub stream, moving picture with
// the wall clock), through the server's HTTPS delivery routes with the pinned CA only (SEC-2.3):
//  - live: pictures arrive at the camera's size, and they differ from one another (a moving picture,
//    not a flat or frozen image);
//  - a wrong token: "unauthorised"; a role without the channel: "forbidden" (SEC-2.2);
//  - the stream dropping (the media service stopped) gives "reconnecting", then the player recovers
//    by itself when the service is back;
//  - archive: a seek shows the picture at the time asked; paused, the picture holds; a step shows
//    exactly the next picture and a step back the one before; playing on moves the position;
//  - the FFmpeg backend hands over (and so copies) a live picture only once the GUI took the one
//    before: while the last one waits, the newer ones are decoded and dropped uncopied.

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include "delivery/delivery_fixture.h"
#include "player/backend_registry.h"
#include "player/player_site.h"
#include "player/video_player.h"

using namespace vigil;
using app::VideoPlayer;
using test::GstCamera;

namespace {

// The luma plane of the picture on screen (its viewport rows only).
QByteArray luma(const QVideoFrame& shown) {
    QVideoFrame frame = shown;
    if (!frame.isValid() || !frame.map(QVideoFrame::ReadOnly)) {
        return {};
    }
    const QRect viewport = frame.surfaceFormat().viewport().isValid() ? frame.surfaceFormat().viewport()
                                                                      : QRect(QPoint(), frame.size());
    QByteArray plane;
    for (int row = viewport.top(); row <= viewport.bottom(); ++row) {
        plane.append(reinterpret_cast<const char*>(frame.bits(0)) + row * frame.bytesPerLine(0), viewport.width());
    }
    frame.unmap();
    return plane;
}

// Share of luma samples that differ by more than a little (encoder noise aside).
double differingShare(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size() || a.isEmpty()) {
        return 1.0;
    }
    qsizetype differing = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        differing += std::abs(int(uchar(a[i])) - int(uchar(b[i]))) > 24 ? 1 : 0;
    }
    return double(differing) / double(a.size());
}

}  // namespace

class TestVideoPlayer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::DeliveryFixture m_fixture;
    std::unique_ptr<GstCamera> m_camera;
    QString m_channel;
    std::unique_ptr<test::PlayerSite> m_site;

    core::client::ApiClient* clientWith(const QString& token) { return m_site->clientWith(token); }

    static bool waitForState(VideoPlayer& player, const QString& state, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (player.state() != state && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return player.state() == state;
    }

    static bool waitForFrames(VideoPlayer& player, int frames, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (player.framesShown() < frames && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return player.framesShown() >= frames;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_fixture.start(m_dir.path(), &error, 4000), qPrintable(error));
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264"), QStringLiteral("sub:h264")};
        options.gopSeconds = 1.0;
        m_camera = std::make_unique<GstCamera>(options);
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        m_channel = m_fixture.addCamera(QStringLiteral("Gate"), m_camera->url("main"), m_camera->url("sub"));
        QVERIFY(!m_channel.isEmpty());
        m_site = std::make_unique<test::PlayerSite>(m_fixture.engine(), m_dir.filePath(QStringLiteral("trusted.json")));
        VideoPlayer::setDefaultClient(clientWith(m_fixture.admin().token()));
    }

    void liveShowsTheCameraMoving() {
        VideoPlayer player;
        player.setChannelId(m_channel);
        player.setStream(QStringLiteral("sub"));
        QSignalSpy first(&player, &VideoPlayer::firstFrame);
        player.play();
        QCOMPARE(player.state(), QStringLiteral("connecting"));
        QVERIFY2(waitForFrames(player, 1, 20000), qPrintable(player.state() + ": " + player.stateText()));
        QCOMPARE(first.count(), 1);
        QCOMPARE(player.state(), QStringLiteral("playing"));
        QCOMPARE(player.videoSize(), QSize(640, 360));
        QVERIFY(player.videoSink());
        const QByteArray before = luma(player.videoSink()->videoFrame());
        QCOMPARE(before.size(), 640 * 360);
        // The picture's time is the camera's, about now (the engine's clock is ours).
        QVERIFY(qAbs(player.positionMs() - QDateTime::currentMSecsSinceEpoch()) < 5000);
        const int shown = player.framesShown();
        QVERIFY(waitForFrames(player, shown + 25, 20000));  // ~1 s at 25 fps
        const QByteArray after = luma(player.videoSink()->videoFrame());
        const double differing = differingShare(before, after);
        QVERIFY2(differing > 0.001, qPrintable(QString::number(differing)));
        // Not a flat image either: the test pattern's ball and clock are bright on a dark ground.
        const auto bright = std::count_if(after.cbegin(), after.cend(), [](char y) { return uchar(y) > 128; });
        const auto dark = std::count_if(after.cbegin(), after.cend(), [](char y) { return uchar(y) < 64; });
        QVERIFY2(bright > after.size() / 200 && dark > after.size() / 2, qPrintable(QStringLiteral("%1 %2").arg(bright).arg(dark)));
        const QString png = test::PlayerSite::artifact(QStringLiteral("player_live_sub.png"));
        QVERIFY(player.snapshot(png));
        QImage saved(png);
        QCOMPARE(saved.size(), QSize(640, 360));
        player.stop();
        QCOMPARE(player.state(), QStringLiteral("idle"));
    }

    // The backend alone, with PlayerEvents standing for a GUI thread that is busy (frameWaiting):
    // while it is, no live picture is handed over after the first; when it takes them again, they
    // come at the camera's rate.
    void livePicturesSupersededBeforeTheGuiTakesThemAreNotCopied() {
        class BusyGui : public app::player::PlayerEvents {
        public:
            std::atomic<int> frames{0};
            std::atomic<bool> busy{false};
            void streamStarted(qint64) override {}
            void frame(const QVideoFrame& frame, qint64) override { frames += frame.isValid() ? 1 : 0; }
            bool frameWaiting() override { return busy.load(); }
            void pausedAt(qint64) override {}
            void failed(const app::player::PlayerFailure&) override {}
            void ended() override {}
        };
        const auto waitFor = [](const std::atomic<int>& value, int atLeast) {
            QDeadlineTimer deadline(20000);
            while (value.load() < atLeast && !deadline.hasExpired()) {
                QTest::qWait(20);
            }
            return value.load() >= atLeast;
        };
        BusyGui gui;
        auto backend = app::player::BackendRegistry::instance().create(QStringLiteral("ffmpeg"), &gui);
        QVERIFY2(backend, qPrintable(app::player::BackendRegistry::instance().problem(QStringLiteral("ffmpeg"))));
        core::client::ApiClient* site = clientWith(m_fixture.admin().token());
        app::player::MediaSource source;
        source.kind = app::player::MediaSource::Kind::Live;
        QUrl url = site->baseUrl();
        url.setPath(QStringLiteral("/api/v1/media/live/") + m_channel);
        url.setQuery(QStringLiteral("stream=sub"));
        source.url = url;
        source.authorization = "Bearer " + site->bearerToken().toUtf8();
        source.tls = site->pinnedConfiguration();
        backend->open(source);
        QVERIFY(waitFor(gui.frames, 25));  // playing: about a second of pictures

        gui.busy = true;
        const int before = gui.frames.load();
        QTest::qWait(2000);  // ~50 pictures decoded meanwhile
        // One may have been on its way when the GUI turned busy.
        QVERIFY2(gui.frames.load() - before <= 1, qPrintable(QString::number(gui.frames.load() - before)));

        gui.busy = false;
        QVERIFY(waitFor(gui.frames, gui.frames.load() + 25));
        backend->close();
    }

    void wrongTokenIsUnauthorised() {
        VideoPlayer player;
        player.setClient(clientWith(QStringLiteral("not-a-session-token")));
        player.setChannelId(m_channel);
        player.play();
        QVERIFY2(waitForState(player, QStringLiteral("unauthorised"), 20000), qPrintable(player.state()));
        QVERIFY(!player.stateText().isEmpty());
        QCOMPARE(player.framesShown(), 0);
    }

    void channelOutOfReachIsForbidden() {
        auto viewer = m_fixture.userWith(QStringLiteral("outsider"), {QStringLiteral("live")}, false);
        VideoPlayer player;
        player.setClient(clientWith(viewer->token()));
        player.setChannelId(m_channel);
        player.play();
        QVERIFY2(waitForState(player, QStringLiteral("forbidden"), 20000), qPrintable(player.state()));
        QCOMPARE(player.framesShown(), 0);
    }

    void droppedStreamReconnectsByItself() {
        VideoPlayer player;
        player.setChannelId(m_channel);
        player.setStream(QStringLiteral("sub"));
        QStringList states;
        connect(&player, &VideoPlayer::stateChanged, this, [&] { states << player.state(); });
        player.play();
        QVERIFY(waitForFrames(player, 5, 20000));
        // The server ends every stream and refuses new ones while its media service is stopped.
        QCOMPARE(m_fixture.admin().post(QStringLiteral("/api/v1/services/media-transmission/stop")).status, 200);
        QVERIFY2(waitForState(player, QStringLiteral("reconnecting"), 20000), qPrintable(states.join(u',')));
        QTest::qWait(1500);  // a few refused attempts
        QCOMPARE(player.state(), QStringLiteral("reconnecting"));
        const int before = player.framesShown();
        QCOMPARE(m_fixture.admin().post(QStringLiteral("/api/v1/services/media-transmission/start")).status, 200);
        QVERIFY2(waitForState(player, QStringLiteral("playing"), 30000), qPrintable(states.join(u',')));
        QVERIFY(waitForFrames(player, before + 10, 20000));
        QVERIFY(states.contains(QStringLiteral("reconnecting")));
    }

    // The first recorded period once it holds at least `ms` (the recorder records new channels).
    std::pair<qint64, qint64> recorded(qint64 ms) {
        QDeadlineTimer deadline(90000);
        while (!deadline.hasExpired()) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QJsonArray periods =
                m_fixture.admin()
                    .get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3").arg(m_channel).arg(now - 3'600'000).arg(now + 1000))
                    .json.value("periods").toArray();
            if (!periods.isEmpty()) {
                const qint64 start = periods.first().toObject().value("startMs").toInteger();
                const qint64 end = periods.first().toObject().value("endMs").toInteger();
                if (end - start >= ms) {
                    return {start, end};
                }
            }
            QTest::qWait(250);
        }
        return {0, 0};
    }

    void archiveSeekPauseAndStepAreFrameAccurate() {
        const auto [start, end] = recorded(9000);
        QVERIFY2(start > 0, "nothing was recorded");
        VideoPlayer player;
        player.setChannelId(m_channel);
        player.setMode(QStringLiteral("archive"));
        player.setPaused(true);
        // A time between pictures and away from a keyframe (1 s GOP): the picture shown is the first at
        // or after it, not the keyframe the stream starts with.
        const qint64 asked = start + 4513;
        player.seek(asked);
        QVERIFY2(waitForState(player, QStringLiteral("paused"), 20000), qPrintable(player.state() + ": " + player.stateText()));
        QCOMPARE(player.framesShown(), 1);
        QVERIFY2(player.positionMs() >= asked && player.positionMs() < asked + 40,
                 qPrintable(QStringLiteral("asked %1, shown %2").arg(asked).arg(player.positionMs())));
        QCOMPARE(player.videoSize(), QSize(640, 360));

        // Paused, the picture holds.
        const qint64 heldAt = player.positionMs();
        const QByteArray held = luma(player.videoSink()->videoFrame());
        QTest::qWait(1000);
        QCOMPARE(player.framesShown(), 1);
        QCOMPARE(player.positionMs(), heldAt);
        QCOMPARE(luma(player.videoSink()->videoFrame()), held);

        // One step: exactly the next picture (25 fps: 40 ms on, give or take the camera's timing).
        player.stepFrame(1);
        QVERIFY(waitForFrames(player, 2, 10000));
        const qint64 stepped = player.positionMs();
        QVERIFY2(stepped - heldAt >= 20 && stepped - heldAt <= 60, qPrintable(QString::number(stepped - heldAt)));
        QCOMPARE(player.state(), QStringLiteral("paused"));
        QTest::qWait(300);
        QCOMPARE(player.framesShown(), 2);
        QVERIFY(differingShare(luma(player.videoSink()->videoFrame()), held) > 0.0001);  // the ball moved

        // A step back: the picture before, the same one as before the step.
        player.stepFrame(-1);
        QVERIFY(waitForFrames(player, 3, 20000));
        QVERIFY(waitForState(player, QStringLiteral("paused"), 10000));
        QCOMPARE(player.positionMs(), heldAt);
        QCOMPARE(luma(player.videoSink()->videoFrame()), held);

        // Playing on (at twice the speed) moves on from there.
        player.setSpeed(2.0);
        player.setPaused(false);
        QVERIFY(waitForFrames(player, 30, 20000));
        QCOMPARE(player.state(), QStringLiteral("playing"));
        QVERIFY(player.positionMs() > heldAt + 500);
        player.stop();
    }

    void archivePlaysBackwards() {
        const auto [start, end] = recorded(9000);
        QVERIFY(start > 0);
        VideoPlayer player;
        player.setChannelId(m_channel);
        player.setMode(QStringLiteral("archive"));
        player.setPaused(true);
        const qint64 from = start + 7000;
        player.seek(from);
        QVERIFY(waitForState(player, QStringLiteral("paused"), 20000));
        QList<qint64> positions;
        connect(&player, &VideoPlayer::positionChanged, this, [&] { positions << player.positionMs(); });
        player.setSpeed(-2.0);
        player.setPaused(false);
        // Across more than one GOP window (1 s GOP, 25 fps): every picture older than the one before.
        QVERIFY2(waitForFrames(player, 60, 30000), qPrintable(player.state() + ": " + player.stateText()));
        QCOMPARE(player.state(), QStringLiteral("playing"));
        QVERIFY(positions.size() >= 50);
        for (qsizetype i = 1; i < positions.size(); ++i) {
            QVERIFY2(positions[i] < positions[i - 1], qPrintable(QStringLiteral("%1 then %2").arg(positions[i - 1]).arg(positions[i])));
        }
        QVERIFY(player.positionMs() < from - 1500);
        QVERIFY(player.positionMs() > start - 100);
        player.stop();
    }

    void archiveWithNothingRecordedSaysSo() {
        VideoPlayer player;
        player.setChannelId(m_channel);
        // Before the recording starts, the archive plays from its start.
        const qint64 asked = QDateTime::currentMSecsSinceEpoch() - 3'000'000;
        player.seek(asked);
        QCOMPARE(player.mode(), QStringLiteral("archive"));
        QVERIFY(waitForFrames(player, 1, 20000));
        QVERIFY(player.positionMs() > asked + 2'000'000);
        player.stop();
        QCOMPARE(player.framesShown(), 0);
        // After it, nothing.
        player.seek(QDateTime::currentMSecsSinceEpoch() + 3'600'000);
        QVERIFY2(waitForState(player, QStringLiteral("no_recording"), 20000), qPrintable(player.state()));
        QCOMPARE(player.framesShown(), 0);
    }

    void vlcBackendPlaysLiveOverHttpsTrustingTheSiteCa() {
        VideoPlayer player;
        player.setBackend(QStringLiteral("vlc"));
        player.setChannelId(m_channel);
        player.setStream(QStringLiteral("sub"));
        player.play();
        QVERIFY2(waitForFrames(player, 1, 30000), qPrintable(player.state() + ": " + player.stateText()));
        QCOMPARE(player.state(), QStringLiteral("playing"));
        // libVLC sizes an MPEG-TS stream's buffer to the decoder's alignment (vlc_backend.h).
        QCOMPARE(player.videoSize().width(), 640);
        QVERIFY(player.videoSize().height() >= 360 && player.videoSize().height() <= 400);
        const QByteArray before = luma(player.videoSink()->videoFrame());
        QVERIFY(waitForFrames(player, player.framesShown() + 25, 20000));
        const double differing = differingShare(before, luma(player.videoSink()->videoFrame()));
        QVERIFY2(differing > 0.001, qPrintable(QString::number(differing)));
        QVERIFY(player.snapshot(test::PlayerSite::artifact(QStringLiteral("player_live_sub_vlc.png"))));
        player.stop();
    }

    void vlcBackendPlaysAClip() {
        // An exported clip as the export writes them: MP4 with the index at the front.
        const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        QCOMPARE(test::runTool(QStringLiteral("ffmpeg"),
                               {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=6", "-c:v",
                                "libx264", "-g", "25", "-bf", "0", "-pix_fmt", "yuv420p", "-movflags", "+faststart", clip},
                               60000),
                 0);
        VideoPlayer player;
        player.setBackend(QStringLiteral("vlc"));
        player.setMode(QStringLiteral("file"));
        player.setSource(QUrl::fromLocalFile(clip));
        player.play();
        QVERIFY2(waitForFrames(player, 10, 20000), qPrintable(player.state() + ": " + player.stateText()));
        QCOMPARE(player.videoSize(), QSize(320, 180));
        player.setPaused(true);
        QVERIFY(waitForState(player, QStringLiteral("paused"), 5000));
        QTest::qWait(300);
        const int held = player.framesShown();
        QTest::qWait(700);
        QCOMPARE(player.framesShown(), held);
        player.stepFrame(1);
        QVERIFY(waitForFrames(player, held + 1, 10000));
        player.stop();
    }

    void cleanupTestCase() {
        VideoPlayer::setDefaultClient(nullptr);
        m_site.reset();
        m_camera.reset();
        m_fixture.stop();
    }
};

QTEST_MAIN(TestVideoPlayer)
#include "tst_video_player.moc"
