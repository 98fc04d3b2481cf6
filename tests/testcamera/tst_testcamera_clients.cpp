// vigil-testcamera against independent RTSP clients on 127.0.0.1 (issue 4): ffprobe over TCP and
// UDP reports the codecs (h264, hevc, aac) and sizes; ffmpeg -c copy records 5 s that ffprobe reads
// back; three clients at once; digest and basic authentication (401 with a wrong password, play
// with the right one); GStreamer's rtspsrc as a second client implementation.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "testcamera/run_tool.h"
#include "testcamera/test_camera.h"

using vigil::test::ffprobe;
using vigil::test::runTool;
using vigil::test::TestCamera;
using vigil::test::Tool;
using vigil::test::ToolRun;

namespace {

QJsonObject stream(const QJsonObject& probe, const QString& codec) {
    for (const QJsonValue& value : probe.value(QStringLiteral("streams")).toArray()) {
        if (value.toObject().value(QStringLiteral("codec_name")).toString() == codec) {
            return value.toObject();
        }
    }
    return {};
}

}  // namespace

class TestTestCameraClients : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        m_h264 = TestCamera::clip(QStringLiteral("tc_h264_aac_640x360.mp4"),
                                  {QStringLiteral("--audio"), QStringLiteral("--seconds"), QStringLiteral("6")}, &error);
        QVERIFY2(!m_h264.isEmpty(), qPrintable(error));
        m_h265 = TestCamera::clip(QStringLiteral("tc_h265_640x360.mp4"),
                                  {QStringLiteral("--codec"), QStringLiteral("h265"), QStringLiteral("--seconds"),
                                   QStringLiteral("6")},
                                  &error);
        QVERIFY2(!m_h265.isEmpty(), qPrintable(error));
        QVERIFY2(m_camera.start({QStringLiteral("name=main,file=") + m_h264, QStringLiteral("name=hevc,file=") + m_h265,
                                 QStringLiteral("name=secure,file=%1,user=viewer,password=s3cret").arg(m_h264),
                                 QStringLiteral("name=basic,file=%1,user=viewer,password=s3cret,auth=basic").arg(m_h265)},
                                {}, &error),
                 qPrintable(error));
    }

    void readyLineDescribesCameras() {
        const QJsonObject main = m_camera.camera(QStringLiteral("main"));
        QCOMPARE(main.value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
        QCOMPARE(main.value(QStringLiteral("width")).toInt(), 640);
        QCOMPARE(main.value(QStringLiteral("height")).toInt(), 360);
        QCOMPARE(main.value(QStringLiteral("fps")).toDouble(), 25.0);
        QVERIFY(main.value(QStringLiteral("audio")).toBool());
        QCOMPARE(m_camera.camera(QStringLiteral("hevc")).value(QStringLiteral("codec")).toString(), QStringLiteral("h265"));
        QCOMPARE(m_camera.camera(QStringLiteral("secure")).value(QStringLiteral("auth")).toString(), QStringLiteral("digest"));
        QCOMPARE(m_camera.url(QStringLiteral("main")).host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_camera.port() > 0);
    }

    void ffprobeSeesCodecsAndSize_data() {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("camera");
        QTest::addColumn<QString>("videoCodec");
        QTest::addColumn<bool>("audio");
        QTest::newRow("tcp h264+aac") << "tcp" << "main" << "h264" << true;
        QTest::newRow("udp h264+aac") << "udp" << "main" << "h264" << true;
        QTest::newRow("tcp hevc") << "tcp" << "hevc" << "hevc" << false;
        QTest::newRow("udp hevc") << "udp" << "hevc" << "hevc" << false;
    }

    void ffprobeSeesCodecsAndSize() {
        QFETCH(QString, transport);
        QFETCH(QString, camera);
        QFETCH(QString, videoCodec);
        QFETCH(bool, audio);
        ToolRun run;
        const QJsonObject probe =
            ffprobe({QStringLiteral("-rtsp_transport"), transport, m_camera.url(camera).toString()}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QJsonObject video = stream(probe, videoCodec);
        QCOMPARE(video.value(QStringLiteral("width")).toInt(), 640);
        QCOMPARE(video.value(QStringLiteral("height")).toInt(), 360);
        const QJsonObject aac = stream(probe, QStringLiteral("aac"));
        QCOMPARE(!aac.isEmpty(), audio);
        if (audio) {
            QCOMPARE(aac.value(QStringLiteral("sample_rate")).toString(), QStringLiteral("48000"));
        }
    }

    void ffmpegRecordsFiveSeconds() {
        QTemporaryDir directory;
        const QString output = directory.filePath(QStringLiteral("record.mp4"));
        const ToolRun record = runTool(
            QStringLiteral("ffmpeg"), {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                                       QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), QStringLiteral("-i"),
                                       m_camera.url(QStringLiteral("main")).toString(), QStringLiteral("-t"),
                                       QStringLiteral("5"), QStringLiteral("-c"), QStringLiteral("copy"), output});
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        ToolRun run;
        const QJsonObject probe = ffprobe({output}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QVERIFY(!stream(probe, QStringLiteral("h264")).isEmpty());
        QVERIFY(!stream(probe, QStringLiteral("aac")).isEmpty());
        // ffmpeg starts a copy at the first keyframe (one per second in the clip), so at least four
        // of the five seconds are there.
        const double duration = probe.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(duration >= 3.9 && duration <= 5.5, qPrintable(QString::number(duration)));
    }

    void loopedTimestampsKeepIncreasing() {
        // 8 s from a 6 s clip crosses the loop: decoding must go on without a timestamp going back.
        const ToolRun decode = runTool(
            QStringLiteral("ffmpeg"),
            {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("warning"), QStringLiteral("-rtsp_transport"),
             QStringLiteral("tcp"), QStringLiteral("-i"), m_camera.url(QStringLiteral("hevc")).toString(),
             QStringLiteral("-t"), QStringLiteral("8"), QStringLiteral("-c"), QStringLiteral("copy"), QStringLiteral("-f"),
             QStringLiteral("framemd5"), QStringLiteral("-")},
            90000);
        QVERIFY2(decode.ok(), qPrintable(decode.describe()));
        QVERIFY2(!decode.err.contains("non monotonically increasing") && !decode.err.contains("Non-monotonous"),
                 decode.err.constData());
        // framemd5 lines: stream, dts, pts, duration, size, hash; dts strictly increasing.
        qint64 last = std::numeric_limits<qint64>::min();
        int frames = 0;
        for (const QByteArray& line : decode.out.split('\n')) {
            if (line.startsWith('#') || line.trimmed().isEmpty()) {
                continue;
            }
            const QList<QByteArray> fields = line.split(',');
            const qint64 dts = fields.value(1).trimmed().toLongLong();
            QVERIFY2(dts > last, line.constData());
            last = dts;
            ++frames;
        }
        QVERIFY2(frames >= 7 * 25 - 30, qPrintable(QString::number(frames)));
    }

    void threeClientsAtOnce() {
        QTemporaryDir directory;
        std::vector<std::unique_ptr<Tool>> clients;
        const QStringList transports{QStringLiteral("tcp"), QStringLiteral("udp"), QStringLiteral("tcp")};
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<Tool>(
                QStringLiteral("ffmpeg"),
                QStringList{QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                            QStringLiteral("-rtsp_transport"), transports[i], QStringLiteral("-i"),
                            m_camera.url(QStringLiteral("main")).toString(), QStringLiteral("-t"), QStringLiteral("6"),
                            QStringLiteral("-c"), QStringLiteral("copy"),
                            directory.filePath(QStringLiteral("client%1.mp4").arg(i))}));
        }
        // While all three play, the camera holds three sessions.
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command(QStringLiteral("sessions main")), QStringLiteral("ok 3"), 20000);
        for (int i = 0; i < 3; ++i) {
            const ToolRun run = clients[i]->finish(60000);
            QVERIFY2(run.ok(), qPrintable(run.describe()));
            ToolRun probeRun;
            const QJsonObject probe = ffprobe({directory.filePath(QStringLiteral("client%1.mp4").arg(i))}, &probeRun);
            QVERIFY2(!stream(probe, QStringLiteral("h264")).isEmpty(), qPrintable(probeRun.describe()));
        }
        // Each ended its session with TEARDOWN.
        QTRY_COMPARE_WITH_TIMEOUT(m_camera.command(QStringLiteral("sessions main")), QStringLiteral("ok 0"), 20000);
    }

    void digestAuthentication() {
        ToolRun wrong;
        ffprobe({QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"),
                 m_camera.url(QStringLiteral("secure"), QStringLiteral("viewer"), QStringLiteral("wrong")).toString()},
                &wrong);
        QVERIFY(wrong.finished && wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains("401"), wrong.err.constData());
        ToolRun none;
        ffprobe({m_camera.url(QStringLiteral("secure")).toString()}, &none);
        QVERIFY2(none.err.contains("401"), none.err.constData());
        ToolRun right;
        const QJsonObject probe = ffprobe(
            {QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"),
             m_camera.url(QStringLiteral("secure"), QStringLiteral("viewer"), QStringLiteral("s3cret")).toString()},
            &right);
        QVERIFY2(right.ok(), qPrintable(right.describe()));
        QCOMPARE(stream(probe, QStringLiteral("h264")).value(QStringLiteral("width")).toInt(), 640);
    }

    void basicAuthentication() {
        ToolRun wrong;
        ffprobe({m_camera.url(QStringLiteral("basic"), QStringLiteral("viewer"), QStringLiteral("nope")).toString()}, &wrong);
        QVERIFY2(wrong.err.contains("401"), wrong.err.constData());
        ToolRun right;
        const QJsonObject probe = ffprobe(
            {m_camera.url(QStringLiteral("basic"), QStringLiteral("viewer"), QStringLiteral("s3cret")).toString()}, &right);
        QVERIFY2(right.ok(), qPrintable(right.describe()));
        QVERIFY(!stream(probe, QStringLiteral("hevc")).isEmpty());
    }

    void gstreamerRtspsrc_data() {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("camera");
        QTest::addColumn<QString>("depay");
        QTest::addColumn<QString>("user");
        QTest::newRow("tcp h264") << "tcp" << "main" << "rtph264depay ! h264parse" << "";
        QTest::newRow("udp h265") << "udp" << "hevc" << "rtph265depay ! h265parse" << "";
        QTest::newRow("tcp digest") << "tcp" << "secure" << "rtph264depay ! h264parse" << "viewer";
    }

    void gstreamerRtspsrc() {
        QFETCH(QString, protocol);
        QFETCH(QString, camera);
        QFETCH(QString, depay);
        QFETCH(QString, user);
        QString source = QStringLiteral("rtspsrc location=%1 protocols=%2 latency=200")
                             .arg(m_camera.url(camera).toString(), protocol);
        if (!user.isEmpty()) {
            source += QStringLiteral(" user-id=%1 user-pw=s3cret").arg(user);
        }
        // 50 parsed video frames, then end of stream: gst-launch exits 0 only if they came.
        const QString pipeline = source + QStringLiteral(" ! ") + depay + QStringLiteral(" ! fakesink num-buffers=50");
        const ToolRun run = runTool(QStringLiteral("gst-launch-1.0"),
                                    QStringList{QStringLiteral("-q")} + QProcess::splitCommand(pipeline), 60000);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
    }

private:
    QString m_h264;
    QString m_h265;
    TestCamera m_camera;
};

QTEST_GUILESS_MAIN(TestTestCameraClients)
#include "tst_testcamera_clients.moc"
