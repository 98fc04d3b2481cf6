// RtspProbe (core/media/rtsp) against real RTSP servers on 127.0.0.1: vigil-testcamera (H.264 +
// AAC, H.265, digest and basic authentication, refused, frozen, unknown path) and GStreamer's RTSP
// server (tests/support/gst_camera.py, digest). The one case no real server here can play, a
// stream without video, uses a scripted peer that answers with an audio-only SDP.

#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "devices/device_driver.h"
#include "media/rtsp/rtsp_probe.h"
#include "support/gst_camera.h"
#include "testcamera/test_camera.h"

using vigil::core::media::TrackKind;
using vigil::core::media::rtsp::RtspProbe;
using vigil::core::media::rtsp::RtspProbeResult;
using vigil::test::GstCamera;
using vigil::test::TestCamera;

namespace {

constexpr int kTimeoutMs = 15000;

QString code(const vigil::core::Result<RtspProbeResult>& result) {
    return result.ok() ? QStringLiteral("ok") : result.error().code;
}

// Answers OPTIONS and DESCRIBE on one connection with an audio-only SDP (a scripted peer: no
// real server in the test set serves a stream without video).
class AudioOnlyPeer {
public:
    AudioOnlyPeer() {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(m_listener, 1);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~AudioOnlyPeer() {
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
    }
    quint16 port() const { return m_port; }

private:
    void serve() {
        const int client = ::accept(m_listener, nullptr, nullptr);
        if (client < 0) {
            return;
        }
        QByteArray buffer;
        char chunk[4096];
        int answered = 0;
        while (answered < 2) {
            const ssize_t got = ::recv(client, chunk, sizeof chunk, 0);
            if (got <= 0) {
                break;
            }
            buffer.append(chunk, got);
            qsizetype end = 0;
            while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                const QByteArray request = buffer.first(end);
                buffer.remove(0, end + 4);
                QByteArray cseq;
                for (const QByteArray& line : request.split('\n')) {
                    if (line.toLower().startsWith("cseq:")) {
                        cseq = line.mid(5).trimmed();
                    }
                }
                const QByteArray sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=audio\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n"
                                       "a=rtpmap:0 PCMU/8000\r\na=control:track1\r\n";
                QByteArray answer = "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n";
                if (request.startsWith("DESCRIBE")) {
                    answer += "Content-Type: application/sdp\r\nContent-Length: " + QByteArray::number(sdp.size()) +
                              "\r\n\r\n" + sdp;
                } else {
                    answer += "Public: OPTIONS, DESCRIBE\r\n\r\n";
                }
                ::send(client, answer.constData(), static_cast<size_t>(answer.size()), MSG_NOSIGNAL);
                ++answered;
            }
        }
        ::close(client);
    }

    int m_listener = -1;
    quint16 m_port = 0;
    std::thread m_thread;
};

}  // namespace

class TestRtspProbeCameras : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        const QString h264 = TestCamera::clip(QStringLiteral("tc_h264_aac_640x360.mp4"),
                                              {QStringLiteral("--audio"), QStringLiteral("--seconds"), QStringLiteral("6")}, &error);
        QVERIFY2(!h264.isEmpty(), qPrintable(error));
        const QString h265 = TestCamera::clip(QStringLiteral("tc_h265_640x360.mp4"),
                                              {QStringLiteral("--codec"), QStringLiteral("h265"), QStringLiteral("--seconds"),
                                               QStringLiteral("6")},
                                              &error);
        QVERIFY2(!h265.isEmpty(), qPrintable(error));
        QVERIFY2(m_camera.start({QStringLiteral("name=main,file=") + h264, QStringLiteral("name=hevc,file=") + h265,
                                 QStringLiteral("name=secure,file=%1,user=admin,password=pa55").arg(h264),
                                 QStringLiteral("name=basic,file=%1,user=admin,password=pa55,auth=basic").arg(h264),
                                 QStringLiteral("name=faulty,file=") + h264},
                                {}, &error),
                 qPrintable(error));
    }

    void testCameraH264WithAudio() {
        const auto result = RtspProbe::probe(m_camera.url(QStringLiteral("main")), {}, {}, kTimeoutMs);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const RtspProbeResult& probe = result.value();
        QCOMPARE(probe.authentication, QStringLiteral("none"));
        QCOMPARE(probe.server, QStringLiteral("vigil-testcamera"));
        QVERIFY(probe.methods.contains(QStringLiteral("DESCRIBE")));
        QCOMPARE(probe.tracks.size(), 2);
        QCOMPARE(probe.videoTrack(), 0);
        const auto& video = probe.tracks[0];
        QCOMPARE(video.codec, QStringLiteral("h264"));
        QCOMPARE(video.clockRate, 90000);
        QCOMPARE(video.width, 640);
        QCOMPARE(video.height, 360);
        QCOMPARE(video.framerate, 25.0);
        QCOMPARE(video.control, QUrl(m_camera.url(QStringLiteral("main")).toString() + QStringLiteral("/trackID=0")));
        QVERIFY(video.extradata.startsWith(QByteArray("\0\0\0\1", 4)));
        const auto& audio = probe.tracks[1];
        QCOMPARE(audio.kind, TrackKind::Audio);
        QCOMPARE(audio.codec, QStringLiteral("aac"));
        QCOMPARE(audio.clockRate, 48000);
        QCOMPARE(audio.channels, 2);
        QVERIFY(!audio.extradata.isEmpty());
        const auto info = probe.streamInfo();
        QCOMPARE(info.videoTrack(), 0);
        QCOMPARE(info.tracks[1].sampleRate, 48000);
    }

    void testCameraH265() {
        const auto result = RtspProbe::probe(m_camera.url(QStringLiteral("hevc")), {}, {}, kTimeoutMs);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().tracks.size(), 1);
        QCOMPARE(result.value().tracks[0].codec, QStringLiteral("h265"));
        QCOMPARE(result.value().tracks[0].width, 640);
        QCOMPARE(result.value().tracks[0].height, 360);
    }

    void testCameraCredentials() {
        const QUrl url = m_camera.url(QStringLiteral("secure"));
        const auto right = RtspProbe::probe(url, QStringLiteral("admin"), QStringLiteral("pa55"), kTimeoutMs);
        QVERIFY2(right.ok(), qPrintable(right.ok() ? QString() : right.error().message));
        QCOMPARE(right.value().authentication, QStringLiteral("digest"));
        QVERIFY(right.value().url.userInfo().isEmpty());
        // Credentials in the URL count when none are given apart.
        QCOMPARE(code(RtspProbe::probe(m_camera.url(QStringLiteral("secure"), QStringLiteral("admin"), QStringLiteral("pa55")),
                                       {}, {}, kTimeoutMs)),
                 QStringLiteral("ok"));
        const auto wrong = RtspProbe::probe(url, QStringLiteral("admin"), QStringLiteral("nope"), kTimeoutMs);
        QCOMPARE(code(wrong), QString::fromLatin1(vigil::core::devices::kErrorUnauthorised));
        QVERIFY2(wrong.error().message.contains(QStringLiteral("refused the user name or password")),
                 qPrintable(wrong.error().message));
        const auto none = RtspProbe::probe(url, {}, {}, kTimeoutMs);
        QCOMPARE(code(none), QString::fromLatin1(vigil::core::devices::kErrorUnauthorised));
        QVERIFY2(none.error().message.contains(QStringLiteral("asks for a user name")), qPrintable(none.error().message));

        const auto basic = RtspProbe::probe(m_camera.url(QStringLiteral("basic")), QStringLiteral("admin"),
                                            QStringLiteral("pa55"), kTimeoutMs);
        QVERIFY2(basic.ok(), qPrintable(basic.ok() ? QString() : basic.error().message));
        QCOMPARE(basic.value().authentication, QStringLiteral("basic"));
    }

    void testCameraErrors() {
        const auto missing = RtspProbe::probe(
            QUrl(QStringLiteral("rtsp://127.0.0.1:%1/no-such-stream").arg(m_camera.port())), {}, {}, kTimeoutMs);
        QCOMPARE(code(missing), QString::fromLatin1(vigil::core::devices::kErrorBadAnswer));
        QVERIFY2(missing.error().message.contains(QStringLiteral("404")), qPrintable(missing.error().message));

        QCOMPARE(m_camera.command(QStringLiteral("refuse faulty")), QStringLiteral("ok"));
        const auto refused = RtspProbe::probe(m_camera.url(QStringLiteral("faulty")), {}, {}, kTimeoutMs);
        QCOMPARE(code(refused), QString::fromLatin1(vigil::core::devices::kErrorBadAnswer));
        QVERIFY2(refused.error().message.contains(QStringLiteral("503")), qPrintable(refused.error().message));

        QCOMPARE(m_camera.command(QStringLiteral("freeze faulty")), QStringLiteral("ok"));
        const auto frozen = RtspProbe::probe(m_camera.url(QStringLiteral("faulty")), {}, {}, 1500);
        QCOMPARE(code(frozen), QString::fromLatin1(vigil::core::devices::kErrorUnreachable));
        QVERIFY2(frozen.error().message.contains(QStringLiteral("did not happen within 1.5 s")),
                 qPrintable(frozen.error().message));
        QCOMPARE(m_camera.command(QStringLiteral("resume faulty")), QStringLiteral("ok"));
        QCOMPARE(code(RtspProbe::probe(m_camera.url(QStringLiteral("faulty")), {}, {}, kTimeoutMs)), QStringLiteral("ok"));
    }

    void streamWithoutVideo() {
        AudioOnlyPeer peer;
        const auto result =
            RtspProbe::probe(QUrl(QStringLiteral("rtsp://127.0.0.1:%1/audio").arg(peer.port())), {}, {}, kTimeoutMs);
        QCOMPARE(code(result), QStringLiteral("device_no_media"));
        QVERIFY2(result.error().message.contains(QStringLiteral("audio PCMU")), qPrintable(result.error().message));
    }

    void gstreamerCamera() {
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264+aac"), QStringLiteral("sub:h265")};
        options.user = QStringLiteral("cam");
        options.password = QStringLiteral("secret");
        options.width = 320;
        options.height = 240;
        GstCamera camera(options);
        QString error;
        QVERIFY2(camera.start(&error), qPrintable(error));
        const auto main = RtspProbe::probe(camera.url(QStringLiteral("main")), QStringLiteral("cam"),
                                           QStringLiteral("secret"), kTimeoutMs);
        QVERIFY2(main.ok(), qPrintable(main.ok() ? QString() : main.error().message));
        QCOMPARE(main.value().authentication, QStringLiteral("digest"));
        QCOMPARE(main.value().tracks[main.value().videoTrack()].codec, QStringLiteral("h264"));
        QCOMPARE(main.value().tracks[main.value().videoTrack()].width, 320);
        QCOMPARE(main.value().tracks[main.value().videoTrack()].height, 240);
        bool hasAac = false;
        for (const auto& track : main.value().tracks) {
            hasAac = hasAac || track.codec == QLatin1String("aac");
        }
        QVERIFY(hasAac);
        const auto sub = RtspProbe::probe(camera.url(QStringLiteral("sub")), QStringLiteral("cam"),
                                          QStringLiteral("secret"), kTimeoutMs);
        QVERIFY2(sub.ok(), qPrintable(sub.ok() ? QString() : sub.error().message));
        QCOMPARE(sub.value().tracks[sub.value().videoTrack()].codec, QStringLiteral("h265"));
        QCOMPARE(sub.value().tracks[sub.value().videoTrack()].width, 320);
        QCOMPARE(code(RtspProbe::probe(camera.url(QStringLiteral("main")), QStringLiteral("cam"), QStringLiteral("wrong"),
                                       kTimeoutMs)),
                 QString::fromLatin1(vigil::core::devices::kErrorUnauthorised));
    }

private:
    TestCamera m_camera;
};

QTEST_GUILESS_MAIN(TestRtspProbeCameras)
#include "tst_rtsp_probe_cameras.moc"
