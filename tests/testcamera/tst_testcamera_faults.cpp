// vigil-testcamera's fault commands do what they say (issue 4: "a camera that sends garbage or
// stops mid-stream"), checked with ffmpeg/ffprobe and with a raw client that sees the wire:
// drop ends connections, refuse answers 503, freeze keeps the connection but sends and answers
// nothing, garbage sends RTP whose payload is not video, resume undoes them. Also PAUSE and the
// session timeout.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include "testcamera/raw_rtsp_client.h"
#include "testcamera/run_tool.h"
#include "testcamera/test_camera.h"

using vigil::test::ffprobe;
using vigil::test::RawRtspClient;
using vigil::test::runTool;
using vigil::test::TestCamera;
using vigil::test::Tool;
using vigil::test::ToolRun;

namespace {

// RTP packets of the video track (channel 0) among interleaved frames.
QList<QByteArray> videoPackets(const QList<RawRtspClient::InterleavedFrame>& frames) {
    QList<QByteArray> packets;
    for (const auto& frame : frames) {
        if (frame.channel == 0 && frame.payload.size() > 12) {
            packets.append(frame.payload);
        }
    }
    return packets;
}

bool forbiddenBitSet(const QByteArray& rtp) {
    return (static_cast<quint8>(rtp[12]) & 0x80) != 0;
}

}  // namespace

class TestTestCameraFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        m_clip = TestCamera::clip(QStringLiteral("tc_h264_aac_640x360.mp4"),
                                  {QStringLiteral("--audio"), QStringLiteral("--seconds"), QStringLiteral("6")}, &error);
        QVERIFY2(!m_clip.isEmpty(), qPrintable(error));
        QVERIFY2(m_camera.start({QStringLiteral("name=cam,file=") + m_clip, QStringLiteral("name=other,file=") + m_clip},
                                {QStringLiteral("--session-timeout"), QStringLiteral("3")}, &error),
                 qPrintable(error));
    }

    void cleanup() {
        QCOMPARE(m_camera.command(QStringLiteral("resume cam")), QStringLiteral("ok"));
    }

    void unknownCommandsAndCameras() {
        QVERIFY(m_camera.command(QStringLiteral("drop nosuch")).startsWith(QStringLiteral("error: ")));
        QVERIFY(m_camera.command(QStringLiteral("explode cam")).startsWith(QStringLiteral("error: ")));
        QVERIFY(m_camera.command(QStringLiteral("freeze")).startsWith(QStringLiteral("error: ")));
    }

    void dropEndsTheClientsConnections() {
        QTemporaryDir directory;
        const QString output = directory.filePath(QStringLiteral("dropped.mp4"));
        Tool recorder(QStringLiteral("ffmpeg"),
                      {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                       QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), QStringLiteral("-i"),
                       m_camera.url(QStringLiteral("cam")).toString(), QStringLiteral("-t"), QStringLiteral("120"),
                       QStringLiteral("-c"), QStringLiteral("copy"), output});
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("cam"))));
        QVERIFY(raw.playOverTcp(2));
        QVERIFY(!videoPackets(raw.collect(1500)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command(QStringLiteral("sessions cam")), QStringLiteral("ok 2"), 30000);
        // A second second of recording, then the drop.
        QTest::qWait(2000);
        QCOMPARE(m_camera.command(QStringLiteral("drop cam")), QStringLiteral("ok"));
        QVERIFY(raw.waitForClose(10000));
        // ffmpeg sees the end of the stream and stops long before its 120 s.
        const ToolRun run = recorder.finish(60000);
        QVERIFY2(run.finished, "ffmpeg kept running after its camera dropped it");
        QCOMPARE(m_camera.command(QStringLiteral("sessions cam")), QStringLiteral("ok 0"));
        // What came before the drop was recorded.
        ToolRun probeRun;
        const QJsonObject probe = ffprobe({output}, &probeRun);
        QVERIFY2(probeRun.ok(), qPrintable(probeRun.describe() + QStringLiteral(" / ffmpeg: ") + run.describe()));
        const double duration = probe.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(duration > 0.5 && duration < 60, qPrintable(QString::number(duration)));
        // The other camera was not disturbed, and the dropped one accepts new clients.
        RawRtspClient other;
        QVERIFY(other.connectTo(m_camera.url(QStringLiteral("cam"))));
        QVERIFY(other.playOverTcp(1));
        QVERIFY(!videoPackets(other.collect(1500)).isEmpty());
    }

    void refuseAnswers503() {
        QCOMPARE(m_camera.command(QStringLiteral("refuse cam")), QStringLiteral("ok"));
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("cam"))));
        const auto answer = raw.request("DESCRIBE", m_camera.url(QStringLiteral("cam")).toString().toUtf8());
        QVERIFY(answer.has_value());
        QCOMPARE(answer->statusCode, 503);
        ToolRun refused;
        ffprobe({m_camera.url(QStringLiteral("cam")).toString()}, &refused);
        QVERIFY(refused.finished && refused.exitCode != 0);
        QVERIFY2(refused.err.contains("5XX") || refused.err.contains("503"), refused.err.constData());
        // Another camera in the same process still answers.
        ToolRun other;
        ffprobe({m_camera.url(QStringLiteral("other")).toString()}, &other);
        QVERIFY2(other.ok(), qPrintable(other.describe()));
        QCOMPARE(m_camera.command(QStringLiteral("resume cam")), QStringLiteral("ok"));
        ToolRun resumed;
        ffprobe({m_camera.url(QStringLiteral("cam")).toString()}, &resumed);
        QVERIFY2(resumed.ok(), qPrintable(resumed.describe()));
    }

    void freezeKeepsTheConnectionAndSendsNothing() {
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("cam"))));
        QVERIFY(raw.playOverTcp(2));
        QVERIFY(!videoPackets(raw.collect(1500)).isEmpty());
        QCOMPARE(m_camera.command(QStringLiteral("freeze cam")), QStringLiteral("ok"));
        // "ok" comes on another channel than the media: let what was already on its way arrive
        // (half a second of quiet; a camera that went on sending would never go quiet).
        for (int i = 0; i < 20 && !raw.collect(500).isEmpty(); ++i) {
        }
        // Nothing at all comes (no RTP, no RTCP), the connection stays, and a request goes
        // unanswered.
        raw.send("GET_PARAMETER", m_camera.url(QStringLiteral("cam")).toString().toUtf8());
        QVERIFY(raw.collect(2500).isEmpty());
        QVERIFY(raw.takeAnswers().isEmpty());
        QVERIFY(raw.isConnected());
        QCOMPARE(m_camera.command(QStringLiteral("resume cam")), QStringLiteral("ok"));
        QVERIFY(!videoPackets(raw.collect(1500)).isEmpty());
    }

    void garbageIsNotVideo() {
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("cam"))));
        QVERIFY(raw.playOverTcp(1));
        const QList<QByteArray> before = videoPackets(raw.collect(1500));
        QVERIFY(!before.isEmpty());
        for (const QByteArray& packet : before) {
            QVERIFY(!forbiddenBitSet(packet));  // real H.264 never sets it
            QCOMPARE(static_cast<quint8>(packet[0]) >> 6, 2);
        }
        QCOMPARE(m_camera.command(QStringLiteral("garbage cam")), QStringLiteral("ok"));
        // Real packets already on their way may still come first; from the first garbage packet
        // on, every packet is garbage.
        QList<QByteArray> after = videoPackets(raw.collect(2000));
        while (!after.isEmpty() && !forbiddenBitSet(after.first())) {
            after.removeFirst();
        }
        after += videoPackets(raw.collect(1000));
        QVERIFY(after.size() >= 5);
        for (const QByteArray& packet : after) {
            QCOMPARE(static_cast<quint8>(packet[0]) >> 6, 2);  // still RTP ...
            QVERIFY(forbiddenBitSet(packet));                  // ... but not video
        }
        // A decoder says so. (It never gets a frame, so -t never ends it: it is stopped after 8 s.)
        const ToolRun decode = runTool(
            QStringLiteral("ffmpeg"),
            {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
             QStringLiteral("tcp"), QStringLiteral("-i"), m_camera.url(QStringLiteral("cam")).toString(),
             QStringLiteral("-t"), QStringLiteral("2"), QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
            8000);
        QVERIFY2(decode.err.contains("[h264"), "ffmpeg decoded garbage without a complaint");
    }

    void pauseStopsAndPlayResumes() {
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("cam"))));
        QVERIFY(raw.playOverTcp(1));
        QVERIFY(!videoPackets(raw.collect(1000)).isEmpty());
        const QByteArray url = m_camera.url(QStringLiteral("cam")).toString().toUtf8() + '/';
        const auto paused = raw.request("PAUSE", url);
        QVERIFY(paused && paused->statusCode == 200);
        QVERIFY(raw.collect(1500).isEmpty());
        const auto played = raw.request("PLAY", url);
        QVERIFY(played && played->statusCode == 200);
        QVERIFY(played->headers.value("RTP-Info").contains("seq="));
        QVERIFY(!videoPackets(raw.collect(1500)).isEmpty());
        const auto teardown = raw.request("TEARDOWN", url);
        QVERIFY(teardown && teardown->statusCode == 200);
        const auto afterTeardown = raw.request("PLAY", url);
        QVERIFY(afterTeardown && afterTeardown->statusCode == 454);
    }

    void udpSessionTimesOutWithoutKeepAlive() {
        // The camera was started with --session-timeout 3.
        QUdpSocket rtp;
        QUdpSocket rtcp;
        quint16 port = 0;
        for (int attempt = 0; attempt < 50; ++attempt) {
            QVERIFY(rtp.bind(QHostAddress::LocalHost, 0));
            port = rtp.localPort();
            if (port % 2 == 0 && rtcp.bind(QHostAddress::LocalHost, port + 1)) {
                break;
            }
            rtp.close();
            port = 0;
        }
        QVERIFY(port != 0);
        RawRtspClient raw;
        QVERIFY(raw.connectTo(m_camera.url(QStringLiteral("other"))));
        const QByteArray base = m_camera.url(QStringLiteral("other")).toString().toUtf8();
        const auto setup = raw.request("SETUP", base + "/trackID=0",
                                       {{"Transport", "RTP/AVP;unicast;client_port=" + QByteArray::number(port) + '-' +
                                                          QByteArray::number(port + 1)}});
        QVERIFY(setup && setup->statusCode == 200);
        const auto transport = vigil::core::media::rtsp::parseTransport(setup->headers.value("Transport"));
        QVERIFY(transport.ok() && transport.value().first().serverPort.has_value());
        QVERIFY(setup->headers.value("Session").contains("timeout=3"));
        const auto play = raw.request("PLAY", base + '/');
        QVERIFY(play && play->statusCode == 200);
        QTRY_VERIFY_WITH_TIMEOUT(rtp.hasPendingDatagrams(), 10000);
        // The RTSP connection goes; a UDP session outlives it until its timeout.
        raw.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command(QStringLiteral("sessions other")), QStringLiteral("ok 0"), 20000);
        // And then no more media: drain, wait, and nothing new arrives.
        QTest::qWait(300);
        while (rtp.hasPendingDatagrams()) {
            rtp.receiveDatagram();
        }
        QTest::qWait(1500);
        QVERIFY(!rtp.hasPendingDatagrams());
    }

private:
    QString m_clip;
    TestCamera m_camera;
};

QTEST_GUILESS_MAIN(TestTestCameraFaults)
#include "tst_testcamera_faults.moc"
