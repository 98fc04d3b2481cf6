// StreamReader against real peers on 127.0.0.1: GStreamer's RTSP server (tests/support/
// gst_camera.py) as the camera (H.264, H.265 with AAC, digest auth), Python's http.server as a web
// server that is not a camera, clips made by the ffmpeg tool as files. Checks what the stream hub
// builds its states on: packets as sent (keyframes, Annex B), UTC timestamps, and each failure
// named right (unauthorised, unreachable, not_a_stream, stream_error, cancelled).

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <thread>

#include "media/stream_reader.h"
#include "support/gst_camera.h"
#include "support/media_tools.h"

using vigil::core::media::PacketPtr;
using vigil::core::media::StreamReader;
using vigil::core::media::TrackKind;
using vigil::test::GstCamera;
namespace failure = vigil::core::media::readfailure;

namespace {

qint64 nowUs() {
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Reads for `seconds` of media (or until an error), returning the packets.
QList<PacketPtr> readFor(StreamReader& reader, double seconds, QString* error = nullptr) {
    QList<PacketPtr> packets;
    qint64 first = -1;
    for (;;) {
        auto packet = reader.read();
        if (!packet) {
            if (error) {
                *error = packet.error().code + QStringLiteral(": ") + packet.error().message;
            }
            return packets;
        }
        if (first < 0) {
            first = packet.value()->dtsUs;
        }
        packets.append(packet.value());
        if (packet.value()->dtsUs - first >= static_cast<qint64>(seconds * 1e6)) {
            return packets;
        }
    }
}

// Reads until `enough` says so, an error, or `limitSeconds` of stream time (which only bounds a
// hang: a loaded machine's camera encodes fewer pictures a second, so counts are waited for).
template <typename Enough>
QList<PacketPtr> readUntil(StreamReader& reader, Enough enough, double limitSeconds, QString* error) {
    QList<PacketPtr> packets;
    qint64 first = -1;
    for (;;) {
        auto packet = reader.read();
        if (!packet) {
            *error = packet.error().code + QStringLiteral(": ") + packet.error().message;
            return packets;
        }
        if (first < 0) {
            first = packet.value()->dtsUs;
        }
        packets.append(packet.value());
        if (enough(packets) || packet.value()->dtsUs - first >= static_cast<qint64>(limitSeconds * 1e6)) {
            return packets;
        }
    }
}

bool startsWithStartCode(const QByteArray& data) {
    return data.startsWith(QByteArray("\x00\x00\x00\x01", 4)) || data.startsWith(QByteArray("\x00\x00\x01", 3));
}

StreamReader::Options quick(bool native = true) {
    StreamReader::Options options;
    options.connectTimeoutMs = 5000;
    options.readTimeoutMs = 5000;
    options.nativeRtsp = native;
    return options;
}

// Tests that run once over Vigil's own RTSP client and once over FFmpeg's demuxer.
void bothRtspPaths() {
    QTest::addColumn<bool>("native");
    QTest::newRow("native") << true;
    QTest::newRow("ffmpeg") << false;
}

}  // namespace

class TstStreamReader : public QObject {
    Q_OBJECT
private slots:
    void readsH264FromRtspCamera_data() { bothRtspPaths(); }
    void readsH264FromRtspCamera() {
        QFETCH(bool, native);
        GstCamera camera;
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        StreamReader reader(quick(native));
        const qint64 beforeOpen = nowUs();
        auto opened = reader.open(camera.url());
        const qint64 afterOpen = nowUs();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(reader.usesNativeRtsp(), native);
        QCOMPARE(reader.info().tracks.size(), 1);
        QCOMPARE(reader.info().tracks[0].kind, TrackKind::Video);
        QCOMPARE(reader.info().tracks[0].codec, QStringLiteral("h264"));
        QCOMPARE(reader.info().tracks[0].width, 640);
        QCOMPARE(reader.info().tracks[0].height, 360);

        const auto packets = readFor(reader, 4.5, &error);
        QVERIFY2(packets.size() > 80, qPrintable(error));  // 25 fps
        int keyframes = 0;
        for (int i = 0; i < packets.size(); ++i) {
            const auto& p = *packets[i];
            QCOMPARE(p.track, 0);
            QVERIFY(startsWithStartCode(p.data));  // Annex B, as the camera sent it
            if (i > 0) {
                QVERIFY(p.dtsUs > packets[i - 1]->dtsUs);
            }
            QVERIFY(p.ptsUs >= p.dtsUs);
            keyframes += p.keyframe ? 1 : 0;
        }
        QVERIFY2(keyframes >= 2, qPrintable(QString::number(keyframes)));  // a 2 s GOP
        // UTC: the first packet is from when the camera started sending (FFmpeg probes the
        // stream inside open(); its packets still count from then, not from when read() handed
        // them out); the last one is from about now.
        QVERIFY(packets.first()->dtsUs >= beforeOpen);
        QVERIFY(packets.first()->dtsUs <= afterOpen + 1'000'000);
        QVERIFY(qAbs(packets.last()->dtsUs - nowUs()) < 3'000'000);  // generous: a loaded machine lags
    }

    void readsH265AndAac_data() { bothRtspPaths(); }
    void readsH265AndAac() {
        QFETCH(bool, native);
        GstCamera::Options options;
        options.mounts = {QStringLiteral("cam:h265+aac")};
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        StreamReader reader(quick(native));
        QVERIFY(reader.open(camera.url(QStringLiteral("cam"))));
        const auto& tracks = reader.info().tracks;
        QCOMPARE(tracks.size(), 2);
        const int video = reader.info().videoTrack();
        QVERIFY(video >= 0);
        const int audio = 1 - video;
        QCOMPARE(tracks[video].codec, QStringLiteral("h265"));
        QCOMPARE(tracks[audio].kind, TrackKind::Audio);
        QCOMPARE(tracks[audio].codec, QStringLiteral("aac"));
        QCOMPARE(tracks[audio].sampleRate, 48000);
        QCOMPARE(tracks[audio].channels, 1);
        QVERIFY(!tracks[audio].extradata.isEmpty());  // AudioSpecificConfig from the SDP

        const auto packets = readUntil(
            reader,
            [video](const QList<PacketPtr>& read) {
                const auto videos = std::count_if(read.cbegin(), read.cend(),
                                                  [video](const PacketPtr& p) { return p->track == video; });
                return videos > 50 && read.size() - videos > 50;
            },
            30.0, &error);
        int videoPackets = 0;
        int audioPackets = 0;
        bool keyframe = false;
        qint64 lastVideo = 0;
        qint64 lastAudio = 0;
        for (const auto& p : packets) {
            qint64& last = p->track == video ? lastVideo : lastAudio;
            QVERIFY(p->dtsUs > last);
            last = p->dtsUs;
            (p->track == video ? videoPackets : audioPackets)++;
            keyframe = keyframe || (p->track == video && p->keyframe);
        }
        QVERIFY2(videoPackets > 50 && audioPackets > 50,
                 qPrintable(QStringLiteral("%1 video and %2 audio packets; %3")
                                .arg(QString::number(videoPackets), QString::number(audioPackets), error)));
        QVERIFY(keyframe);
        // Sound and picture stay together: their latest timestamps are close.
        QVERIFY(qAbs(lastVideo - lastAudio) < 500'000);
    }

    void bFramesGoThroughFfmpeg() {
        // Pictures out of order: RTP carries presentation times only. The native reader notices,
        // says so, and the stream's next connection goes through FFmpeg, which rebuilds decoding
        // times that increase.
        GstCamera::Options options;
        options.bframes = 2;
        GstCamera camera(options);
        QVERIFY(camera.start());
        StreamReader first(quick());
        QVERIFY(first.open(camera.url()));
        QVERIFY(first.usesNativeRtsp());
        QString error;
        readFor(first, 10.0, &error);
        QVERIFY2(error.startsWith(failure::kStreamError) && error.contains(QStringLiteral("B-frames")), qPrintable(error));

        StreamReader second(quick());
        QVERIFY(second.open(camera.url()));
        QVERIFY(!second.usesNativeRtsp());
        const auto packets = readFor(second, 3.0, &error);
        QVERIFY2(packets.size() > 50, qPrintable(error));
        int reordered = 0;
        for (int i = 1; i < packets.size(); ++i) {
            QVERIFY(packets[i]->dtsUs > packets[i - 1]->dtsUs);
            QVERIFY(packets[i]->ptsUs >= packets[i]->dtsUs);
            reordered += packets[i]->ptsUs < packets[i - 1]->ptsUs ? 1 : 0;
        }
        QVERIFY(reordered > 10);  // B-frames indeed
    }

    void usesTheCamerasRtcpClock() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamReader reader(quick());
        QVERIFY(reader.open(camera.url()));
        // GStreamer sends RTCP sender reports within a few seconds; the reader then follows the
        // camera's clock (here the same machine's, so it agrees with ours).
        QElapsedTimer timer;
        timer.start();
        while (!reader.anchoredToCamera() && timer.elapsed() < 15000) {
            QVERIFY(reader.read());
        }
        QVERIFY(reader.anchoredToCamera());
        auto packet = reader.read();
        QVERIFY(packet);
        const qint64 offset = packet.value()->dtsUs - nowUs();
        QVERIFY2(qAbs(offset) < 3'000'000, qPrintable(QString::number(offset)));
    }

    void digestAuthentication_data() { bothRtspPaths(); }
    void digestAuthentication() {
        QFETCH(bool, native);
        GstCamera::Options options;
        options.user = QStringLiteral("admin");
        options.password = QStringLiteral("p@ss:w/rd %1");  // characters that need URL-encoding
        GstCamera camera(options);
        QVERIFY(camera.start());

        StreamReader good(quick(native));
        auto opened = good.open(camera.url(), options.user, options.password);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(good.read());

        StreamReader wrong(quick(native));
        auto refused = wrong.open(camera.url(), options.user, QStringLiteral("guess"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, failure::kUnauthorised);
        QVERIFY(refused.error().message.contains(QStringLiteral("credentials")));
        QVERIFY(!refused.error().message.contains(QStringLiteral("guess")));  // never the password

        StreamReader none(quick(native));
        auto anonymous = none.open(camera.url());
        QVERIFY(!anonymous);
        QCOMPARE(anonymous.error().code, failure::kUnauthorised);
    }

    void nothingListeningIsUnreachable() {
        StreamReader reader(quick());
        auto opened = reader.open(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/main").arg(vigil::test::unusedPort())));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kUnreachable);
    }

    void unknownHostIsUnreachable() {
        StreamReader reader(quick());
        auto opened = reader.open(QUrl(QStringLiteral("rtsp://no-such-camera.invalid/main")));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kUnreachable);
        QVERIFY(opened.error().message.contains(QStringLiteral("no-such-camera.invalid")));
    }

    void silentServerIsUnreachableAfterTheTimeout() {
        // The kernel accepts the connection into the backlog; nobody ever answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        StreamReader::Options options;
        options.connectTimeoutMs = 1500;
        StreamReader reader(options);
        auto opened = reader.open(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/main").arg(silent.serverPort())));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kUnreachable);
    }

    void webPageIsNotAStream() {
        QTemporaryDir folder;
        QFile page(folder.filePath(QStringLiteral("index.html")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<!DOCTYPE html><html><head><title>Camera login</title></head><body>"
                   "<form><input name=user><input type=password name=pass></form></body></html>\n");
        page.close();
        vigil::test::HttpFileServer server(folder.path());
        QVERIFY(server.port() != 0);

        StreamReader reader(quick());
        auto opened = reader.open(QUrl(server.url(QStringLiteral("index.html"))));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kNotAStream);

        StreamReader missing(quick());
        auto notFound = missing.open(QUrl(server.url(QStringLiteral("video.ts"))));
        QVERIFY(!notFound);
        QCOMPARE(notFound.error().code, failure::kNotAStream);
    }

    void unknownRtspPathIsNotAStream() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamReader reader(quick());
        auto opened = reader.open(camera.url(QStringLiteral("no-such-mount")));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kNotAStream);
    }

    void readsStreamOverHttp() {
        QTemporaryDir folder;
        QVERIFY(vigil::test::makeClip(folder.filePath(QStringLiteral("clip.ts")), 2));
        vigil::test::HttpFileServer server(folder.path());
        StreamReader reader(quick());
        QVERIFY(reader.open(QUrl(server.url(QStringLiteral("clip.ts")))));
        QCOMPARE(reader.info().tracks.value(0).codec, QStringLiteral("h264"));
        QVERIFY(reader.read());
    }

    void filesPlayToTheirEnd() {
        QTemporaryDir folder;
        const QString clip = folder.filePath(QStringLiteral("clip.mp4"));
        QVERIFY(vigil::test::makeClip(clip, 2, QStringLiteral("libx264"), true));
        StreamReader::Options options = quick();
        options.paceFiles = false;
        StreamReader reader(options);
        QVERIFY(reader.open(QUrl::fromLocalFile(clip)));
        QCOMPARE(reader.info().tracks.size(), 2);
        QString error;
        const auto packets = readFor(reader, 1000, &error);
        QVERIFY(error.startsWith(failure::kEndOfStream));
        int video = 0;
        for (const auto& p : packets) {
            video += p->track == reader.info().videoTrack() ? 1 : 0;
        }
        QCOMPARE(video, 50);

        QFile text(folder.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a video at all\n");
        text.close();
        StreamReader notMedia(options);
        auto refused = notMedia.open(QUrl::fromLocalFile(text.fileName()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, failure::kNotAStream);
    }

    void cameraStoppedMidStreamIsStreamError_data() { bothRtspPaths(); }
    void cameraStoppedMidStreamIsStreamError() {
        QFETCH(bool, native);
        GstCamera camera;
        QVERIFY(camera.start());
        StreamReader reader(quick(native));
        QVERIFY(reader.open(camera.url()));
        QVERIFY(!readFor(reader, 1.0).isEmpty());
        camera.stop();
        QString error;
        readFor(reader, 1000, &error);
        QVERIFY2(error.startsWith(failure::kStreamError), qPrintable(error));
    }

    void cameraKilledMidStreamIsStreamError() {
        GstCamera camera;
        QVERIFY(camera.start());
        StreamReader reader(quick());
        QVERIFY(reader.open(camera.url()));
        QVERIFY(!readFor(reader, 1.0).isEmpty());
        camera.kill();
        QString error;
        readFor(reader, 1000, &error);
        QVERIFY2(error.startsWith(failure::kStreamError), qPrintable(error));
    }

    void cancelStopsABlockedRead() {
        // A server that accepts and says nothing keeps open() blocked until cancelled.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        StreamReader::Options options;
        options.connectTimeoutMs = 60000;
        StreamReader reader(options);
        std::thread canceller([&reader] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            reader.cancel();
        });
        auto opened = reader.open(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/main").arg(silent.serverPort())));
        canceller.join();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kCancelled);
    }
};

QTEST_GUILESS_MAIN(TstStreamReader)
#include "tst_stream_reader.moc"
