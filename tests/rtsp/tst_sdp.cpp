// SdpParser: what cameras put in DESCRIBE answers (H.264, H.265, AAC, static payload types),
// a=control resolution against the base URL, picture size from the SPS in sprop parameters, and
// errors that name the malformed line (issue 4).

#include <QTest>

#include "media/rtsp/h26x_sps.h"
#include "media/rtsp/sdp.h"

using namespace vigil::core::media::rtsp;

namespace {

// Written by FFmpeg 5.1 for clips from tests/support/make_clip.sh (640x360 and 1920x1080: both
// need the SPS cropping to come out right), plus an AAC track.
const QByteArray kCameraSdp =
    "v=0\r\n"
    "o=- 0 0 IN IP4 127.0.0.1\r\n"
    "s=Camera\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "t=0 0\r\n"
    "a=control:*\r\n"
    "a=range:npt=0-12.5\r\n"
    "m=video 0 RTP/AVP 96\r\n"
    "b=AS:1038\r\n"
    "a=rtpmap:96 H264/90000\r\n"
    "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z2QAHqy0BQF/y4CIAAADAAgAAAMBlHixdQ==,aO88sA==; "
    "profile-level-id=64001E\r\n"
    "a=framerate:25\r\n"
    "a=control:trackID=0\r\n"
    "m=audio 0 RTP/AVP 97\r\n"
    "a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"
    "a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3; config=119056E500\r\n"
    "a=control:rtsp://10.0.0.9/other/track2\r\n"
    "a=sendonly\r\n";

}  // namespace

class TestSdp : public QObject {
    Q_OBJECT

private slots:
    void cameraDescription() {
        const auto sdp = SdpParser::parse(kCameraSdp, QUrl(QStringLiteral("rtsp://127.0.0.1:8554/cam1/")));
        QVERIFY2(sdp.ok(), sdp.ok() ? "" : qPrintable(sdp.error().message));
        QCOMPARE(sdp->sessionName, QByteArray("Camera"));
        QCOMPARE(sdp->controlUrl, QUrl(QStringLiteral("rtsp://127.0.0.1:8554/cam1/")));
        QCOMPARE(*sdp->rangeStart, 0.0);
        QCOMPARE(*sdp->rangeEnd, 12.5);
        QCOMPARE(sdp->media.size(), 2);

        const SdpMedia& video = sdp->media[0];
        QCOMPARE(video.type, QByteArray("video"));
        QCOMPARE(video.payloadType(), 96);
        QCOMPARE(video.rtpmap().encodingName, QByteArray("H264"));
        QCOMPARE(video.rtpmap().clockRate, 90000);
        QCOMPARE(video.codec(), QStringLiteral("h264"));
        QCOMPARE(video.framerate, 25.0);
        QCOMPARE(video.controlUrl, QUrl(QStringLiteral("rtsp://127.0.0.1:8554/cam1/trackID=0")));
        QCOMPARE(video.formatParameters().value("packetization-mode"), QByteArray("1"));
        QCOMPARE(video.parameterSets().size(), 2);
        QCOMPARE(video.parameterSets()[0].at(0) & 0x1f, 7);
        QVERIFY(video.annexBParameterSets().startsWith(QByteArray("\0\0\0\1\x67", 5)));
        QCOMPARE(video.width(), 640);
        QCOMPARE(video.height(), 360);

        const SdpMedia& audio = sdp->media[1];
        QCOMPARE(audio.codec(), QStringLiteral("aac"));
        QCOMPARE(audio.rtpmap().clockRate, 48000);
        QCOMPARE(audio.rtpmap().channels, 2);
        QCOMPARE(audio.audioSpecificConfig(), QByteArray::fromHex("119056E500"));
        QCOMPARE(audio.controlUrl, QUrl(QStringLiteral("rtsp://10.0.0.9/other/track2")));
        QCOMPARE(audio.direction, QByteArray("sendonly"));
        QCOMPARE(sdp->firstMedia("audio"), 1);
        QCOMPARE(sdp->firstMedia("application"), -1);
    }

    void hevcDescription() {
        const QByteArray text =
            "v=0\ns=x\nm=video 0 RTP/AVP 98\na=rtpmap:98 H265/90000\n"
            "a=fmtp:98 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwB4ugJA; "
            "sprop-sps=QgEBAWAAAAMAkAAAAwAAAwB4oAPAgBDllupJMrwFoCAAAAMAIAAAAwMh; sprop-pps=RAHBcrRiQA==\n";
        const auto sdp = SdpParser::parse(text, QUrl(QStringLiteral("rtsp://h/s")));
        QVERIFY(sdp.ok());
        const SdpMedia& video = sdp->media[0];
        QCOMPARE(video.codec(), QStringLiteral("h265"));
        QCOMPARE(video.parameterSets().size(), 3);
        QCOMPARE(video.width(), 1920);
        QCOMPARE(video.height(), 1080);
        // No a=control anywhere: the track is set up at the base URL itself.
        QCOMPARE(video.controlUrl, QUrl(QStringLiteral("rtsp://h/s")));
    }

    void spsSizes_data() {
        QTest::addColumn<QByteArray>("base64");
        QTest::addColumn<bool>("hevc");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("h264 640x360") << QByteArray("Z2QAHqy0BQF/y4CIAAADAAgAAAMBlHixdQ==") << false << 640 << 360;
        QTest::newRow("h264 1920x1080") << QByteArray("Z2QAKKy0A8ARPy4CIAAAAwAgAAAGUeMGVA==") << false << 1920 << 1080;
        QTest::newRow("h265 640x360") << QByteArray("QgEBAWAAAAMAkAAAAwAAAwA/oAUCAWllupJMrwFoCAAAAwAIAAADAMhA") << true
                                      << 640 << 360;
    }

    void spsSizes() {
        QFETCH(QByteArray, base64);
        QFETCH(bool, hevc);
        QFETCH(int, width);
        QFETCH(int, height);
        const QByteArray nal = QByteArray::fromBase64(base64);
        const auto size = hevc ? h265SpsSize(nal) : h264SpsSize(nal);
        QVERIFY(size.has_value());
        QCOMPARE(size->width, width);
        QCOMPARE(size->height, height);
        // Cut short, it tells nothing rather than something wrong.
        QVERIFY(!(hevc ? h265SpsSize(nal.first(8)) : h264SpsSize(nal.first(5))).has_value());
        // And the wrong kind of NAL unit is not read as an SPS.
        QVERIFY(!(hevc ? h264SpsSize(nal) : h265SpsSize(nal)).has_value());
    }

    void spsScalingDeltaOutOfRange() {
        // Found by fuzz_sdp: a High profile SPS whose scaling list delta is far outside -128..127
        // overflowed an int. Such an SPS is broken and gives no size (the seed corpus keeps the input
        // for the sanitizer build).
        const QByteArray nal = QByteArray::fromBase64("J3YKcz1T////fv///////4AAAAD///8=");
        QVERIFY(!h264SpsSize(nal).has_value());
    }

    void staticPayloadAndNoVideo() {
        const auto sdp = SdpParser::parse("v=0\r\nm=audio 0 RTP/AVP 0\r\n", QUrl(QStringLiteral("rtsp://h/a")));
        QVERIFY(sdp.ok());
        QCOMPARE(sdp->media[0].codec(), QStringLiteral("pcm_mulaw"));
        QCOMPARE(sdp->media[0].rtpmap().clockRate, 8000);
        QCOMPARE(sdp->firstMedia("video"), -1);
    }

    void controlResolution() {
        const QUrl base(QStringLiteral("rtsp://cam:554/live/main"));
        QCOMPARE(SdpParser::resolveControl("trackID=1", base), QUrl(QStringLiteral("rtsp://cam:554/live/main/trackID=1")));
        QCOMPARE(SdpParser::resolveControl("*", base), base);
        QCOMPARE(SdpParser::resolveControl("", base), base);
        QCOMPARE(SdpParser::resolveControl("rtsp://other/x", base), QUrl(QStringLiteral("rtsp://other/x")));
        QCOMPARE(SdpParser::resolveControl("track2", QUrl(QStringLiteral("rtsp://cam/live/"))),
                 QUrl(QStringLiteral("rtsp://cam/live/track2")));
        QCOMPARE(SdpParser::resolveControl("stream=0", QUrl(QStringLiteral("rtsp://cam/s?user=a"))).toString(),
                 QStringLiteral("rtsp://cam/s?user=a/stream=0"));
    }

    void malformedLinesAreNamed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not sdp") << QByteArray("<html>oops</html>") << QStringLiteral("line 1");
        QTest::newRow("no version first") << QByteArray("s=x\nv=0\n") << QStringLiteral("before \"v=0\"");
        QTest::newRow("version 1") << QByteArray("v=1\n") << QStringLiteral("version");
        QTest::newRow("short m line") << QByteArray("v=0\nm=video 0\n") << QStringLiteral("line 2 \"m=video 0\"");
        QTest::newRow("bad port") << QByteArray("v=0\nm=video x RTP/AVP 96\n") << QStringLiteral("port");
        QTest::newRow("bad rtpmap") << QByteArray("v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264\n")
                                    << QStringLiteral("line 3");
        QTest::newRow("rtpmap zero rate") << QByteArray("v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/0\n")
                                          << QStringLiteral("clock rate");
        QTest::newRow("bad fmtp") << QByteArray("v=0\nm=video 0 RTP/AVP 96\na=fmtp:x y=1\n") << QStringLiteral("fmtp");
        QTest::newRow("uppercase type") << QByteArray("v=0\nM=video 0 RTP/AVP 96\n") << QStringLiteral("<letter>=");
        QTest::newRow("empty") << QByteArray("\r\n") << QStringLiteral("empty");
    }

    void malformedLinesAreNamed() {
        QFETCH(QByteArray, text);
        QFETCH(QString, mentions);
        const auto sdp = SdpParser::parse(text, QUrl(QStringLiteral("rtsp://h/")));
        QVERIFY(!sdp.ok());
        QCOMPARE(sdp.error().code, QStringLiteral("rtsp_malformed"));
        QVERIFY2(sdp.error().message.contains(mentions), qPrintable(sdp.error().message));
    }

    void boundsHold() {
        QByteArray many = "v=0\n";
        for (int i = 0; i <= SdpParser::kMaxMedia; ++i) {
            many += "m=video 0 RTP/AVP 96\n";
        }
        QVERIFY(!SdpParser::parse(many, QUrl()).ok());
        QVERIFY(!SdpParser::parse("v=0\n" + QByteArray(SdpParser::kMaxBytes, 'a'), QUrl()).ok());
        // Broken base64 or a non-SPS in sprop gives no size, not a failure.
        const auto odd = SdpParser::parse(
            "v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\na=fmtp:96 sprop-parameter-sets=!!!,aO88sA==\n", QUrl());
        QVERIFY(odd.ok());
        QCOMPARE(odd->media[0].width(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSdp)
#include "tst_sdp.moc"
