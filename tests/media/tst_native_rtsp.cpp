// The native RTSP reader (core/media/rtsp_reader.h, behind StreamReader) against the other
// independent server we have, tools/vigil-testcamera (its own RTSP server and RTP packetiser, file
// loop without transcoding): H.265 with AAC, the session kept alive past a short server timeout,
// and the camera's faults (freeze, drop, refuse) named right. GStreamer's server is the peer of
// tst_stream_reader.

#include <QTest>

#include "media/stream_reader.h"
#include "testcamera/test_camera.h"

using vigil::core::media::PacketPtr;
using vigil::core::media::StreamReader;
using vigil::core::media::TrackKind;
using vigil::test::TestCamera;
namespace failure = vigil::core::media::readfailure;

namespace {

StreamReader::Options quick() {
    StreamReader::Options options;
    options.connectTimeoutMs = 5000;
    options.readTimeoutMs = 2000;
    return options;
}

// Reads until `seconds` of media have passed or the stream fails.
QList<PacketPtr> readFor(StreamReader& reader, double seconds, QString* error = nullptr) {
    QList<PacketPtr> packets;
    for (;;) {
        auto packet = reader.read();
        if (!packet) {
            if (error) {
                *error = packet.error().code + QStringLiteral(": ") + packet.error().message;
            }
            return packets;
        }
        packets.append(packet.value());
        if (packets.last()->dtsUs - packets.first()->dtsUs >= static_cast<qint64>(seconds * 1e6)) {
            return packets;
        }
    }
}

}  // namespace

class TstNativeRtsp : public QObject {
    Q_OBJECT
private:
    QString m_clip;

private slots:
    void initTestCase() {
        QString error;
        m_clip = TestCamera::clip(QStringLiteral("native-h265-aac.mp4"),
                                  {QStringLiteral("--codec"), QStringLiteral("h265"), QStringLiteral("--audio")}, &error);
        QVERIFY2(!m_clip.isEmpty(), qPrintable(error));
    }

    void readsH265AndAacAndKeepsTheSessionAlive() {
        TestCamera camera;
        QString error;
        // The server ends sessions after 3 s without a request: the reader's keep-alives (every
        // half timeout) hold it.
        QVERIFY2(camera.start({QStringLiteral("name=cam,file=") + m_clip}, {QStringLiteral("--session-timeout"), QStringLiteral("3")},
                              &error),
                 qPrintable(error));
        StreamReader reader(quick());
        auto opened = reader.open(camera.url(QStringLiteral("cam")));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(reader.usesNativeRtsp());
        const auto& tracks = reader.info().tracks;
        QCOMPARE(tracks.size(), 2);
        const int video = reader.info().videoTrack();
        QCOMPARE(tracks[video].codec, QStringLiteral("h265"));
        QVERIFY(tracks[video].width > 0);
        QVERIFY(!tracks[video].extradata.isEmpty());  // VPS/SPS/PPS from the SDP
        QCOMPARE(tracks[1 - video].kind, TrackKind::Audio);
        QCOMPARE(tracks[1 - video].codec, QStringLiteral("aac"));

        const auto packets = readFor(reader, 8.0, &error);
        QVERIFY2(!packets.isEmpty() && packets.last()->dtsUs - packets.first()->dtsUs >= 8'000'000, qPrintable(error));
        qint64 lastVideo = 0;
        qint64 lastAudio = 0;
        int keyframes = 0;
        int audio = 0;
        for (const auto& p : packets) {
            qint64& last = p->track == video ? lastVideo : lastAudio;
            QVERIFY(p->dtsUs > last);
            last = p->dtsUs;
            if (p->track == video) {
                QVERIFY(p->data.startsWith(QByteArray("\x00\x00\x00\x01", 4)));
                keyframes += p->keyframe ? 1 : 0;
            } else {
                ++audio;
            }
        }
        QVERIFY(keyframes >= 2);
        QVERIFY(audio > 100);
        QCOMPARE(camera.command(QStringLiteral("sessions cam")), QStringLiteral("ok 1"));
    }

    void frozenCameraStalls() {
        TestCamera camera;
        QVERIFY(camera.start({QStringLiteral("name=cam,file=") + m_clip}));
        StreamReader reader(quick());
        QVERIFY(reader.open(camera.url(QStringLiteral("cam"))));
        QVERIFY(!readFor(reader, 1.0).isEmpty());
        QCOMPARE(camera.command(QStringLiteral("freeze cam")), QStringLiteral("ok"));
        QString error;
        readFor(reader, 1000, &error);
        QVERIFY2(error.startsWith(failure::kStreamError) && error.contains(QStringLiteral("stalled")), qPrintable(error));
    }

    void droppedCameraIsStreamError() {
        TestCamera camera;
        QVERIFY(camera.start({QStringLiteral("name=cam,file=") + m_clip}));
        StreamReader reader(quick());
        QVERIFY(reader.open(camera.url(QStringLiteral("cam"))));
        QVERIFY(!readFor(reader, 1.0).isEmpty());
        QCOMPARE(camera.command(QStringLiteral("drop cam")), QStringLiteral("ok"));
        QString error;
        readFor(reader, 1000, &error);
        QVERIFY2(error.startsWith(failure::kStreamError), qPrintable(error));
    }

    void refusingCameraIsStreamError() {
        TestCamera camera;
        QVERIFY(camera.start({QStringLiteral("name=cam,file=") + m_clip}));
        QCOMPARE(camera.command(QStringLiteral("refuse cam")), QStringLiteral("ok"));
        StreamReader reader(quick());
        auto opened = reader.open(camera.url(QStringLiteral("cam")));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, failure::kStreamError);
        QVERIFY2(opened.error().message.contains(QStringLiteral("503")), qPrintable(opened.error().message));
    }

    void wrongPasswordAndBasicAuth() {
        TestCamera camera;
        QVERIFY(camera.start({QStringLiteral("name=cam,file=%1,user=op,password=s3cr:t,auth=basic").arg(m_clip)}));
        StreamReader wrong(quick());
        auto refused = wrong.open(camera.url(QStringLiteral("cam")), QStringLiteral("op"), QStringLiteral("nope"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, failure::kUnauthorised);
        StreamReader right(quick());
        auto opened = right.open(camera.url(QStringLiteral("cam")), QStringLiteral("op"), QStringLiteral("s3cr:t"));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(right.read());
    }
};

QTEST_GUILESS_MAIN(TstNativeRtsp)
#include "tst_native_rtsp.moc"
