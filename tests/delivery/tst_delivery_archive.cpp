// Archive playback and exports over the HTTPS port (issue 4; SEC-2.2 for the rights), against the
// real recorder: a GStreamer camera (tests/support/gst_camera.py, 1 s GOP) is added, recorded in
// 4 s segments, stopped for a few seconds (a gap) and started again. Then, with ffprobe, ffmpeg and
// a raw TLS client as judges:
//  - an archive stream asked for a time starts at the keyframe at or before it (packet times
//    mapped to UTC with X-Vigil-Stream-Epoch-Ms) and runs on across segment boundaries;
//  - a range over the gap comes as one stream without the gap;
//  - bad requests, nothing recorded, missing permission or channel rights are refused;
//  - an export to MP4 passes ffprobe with the expected duration and codecs, the index at the front,
//    progress pushed over the events WebSocket, downloaded with Content-Disposition;
//  - a cancelled export leaves no file; finished exports go after the keep time; other users'
//    exports look absent.

#include <QDirIterator>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "delivery/delivery_fixture.h"
#include "delivery/delivery_service.h"
#include "http/https_service.h"
#include "media/stream_hub.h"
#include "support/api_yaml.h"

using namespace vigil;
using test::ApiReply;
using test::ApiSession;
using test::GstCamera;
using test::RawStream;

namespace {

constexpr int kWaitMs = 90000;  // bounds a hang only

struct Packet {
    double ptsSeconds = 0;
    bool keyframe = false;
};

// The video packets of `target` as ffprobe reads them.
QList<Packet> videoPackets(const QStringList& tls, const QString& target) {
    QByteArray errors;
    const QJsonObject probed = test::probe(tls + QStringList{"-show_packets", "-select_streams", "v:0"}, target, &errors);
    QList<Packet> packets;
    for (const QJsonValue& value : probed.value("packets").toArray()) {
        const QJsonObject packet = value.toObject();
        packets.append({packet.value("pts_time").toString().toDouble(), packet.value("flags").toString().startsWith('K')});
    }
    if (packets.isEmpty()) {
        qWarning().noquote() << "ffprobe read no packets:" << errors;
    }
    return packets;
}

double largestStep(const QList<Packet>& packets) {
    double largest = 0;
    for (int i = 1; i < packets.size(); ++i) {
        largest = std::max(largest, packets[i].ptsSeconds - packets[i - 1].ptsSeconds);
    }
    return largest;
}

}  // namespace

class TestDeliveryArchive : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::DeliveryFixture m_fixture;
    std::unique_ptr<GstCamera> m_camera;
    QString m_channel;
    QJsonArray m_periods;  // as the recorder reports them

    QString archivePath(qint64 from, qint64 to, double speed = 0) const {
        return QStringLiteral("/api/v1/media/archive/%1?from=%2&to=%3&speed=%4").arg(m_channel).arg(from).arg(to).arg(speed);
    }
    QString archiveUrl(qint64 from, qint64 to, double speed = 0) {
        return m_fixture.url("/api/v1/media/archive/" + m_channel, m_fixture.admin().token(),
                             {{"from", QString::number(from)}, {"to", QString::number(to)}, {"speed", QString::number(speed)}});
    }
    // UTC ms of stream time 0 for an archive request (the same request always starts alike).
    qint64 epochOf(qint64 from, qint64 to) {
        RawStream stream(m_fixture.engine(), archivePath(from, to), m_fixture.admin().token());
        if (!stream.waitForHead() || stream.status() != 200) {
            qWarning() << "archive head:" << stream.received().left(400);
            return 0;
        }
        return stream.header("x-vigil-stream-epoch-ms").toLongLong();
    }
    qint64 periodStart(int i) const { return m_periods.at(i).toObject().value("startMs").toInteger(); }
    qint64 periodEnd(int i) const { return m_periods.at(i).toObject().value("endMs").toInteger(); }

    std::unique_ptr<QWebSocket> listen(ApiSession& session, QStringList& pushed) {
        auto socket = std::make_unique<QWebSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        socket->setSslConfiguration(session.tls());
        QUrl url = m_fixture.engine().baseUrl();
        url.setScheme("wss");
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        url.setQuery("token=" + session.token());
        connect(socket.get(), &QWebSocket::textMessageReceived, this, [&pushed](const QString& text) { pushed << text; });
        QSignalSpy connected(socket.get(), &QWebSocket::connected);
        socket->open(url);
        connected.wait(10000);
        return socket;
    }

    QJsonObject waitForExport(ApiSession& session, const QString& id, const QStringList& states) {
        QJsonObject job;
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired()) {
            job = session.get("/api/v1/media/exports/" + id).json;
            if (states.contains(job.value("state").toString())) {
                break;
            }
            QTest::qWait(100);
        }
        return job;
    }

    // The files in the exports folder, of one job when `id` is given.
    QStringList exportFiles(const QString& id = {}) {
        QStringList files;
        QDirIterator it(m_fixture.engine().delivery()->exportsDir(), QDir::Files);
        while (it.hasNext()) {
            const QString file = it.next();
            if (id.isEmpty() || QFileInfo(file).fileName().startsWith(id)) {
                files << file;
            }
        }
        return files;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_fixture.start(m_dir.path(), &error, 4000), qPrintable(error));
        GstCamera::Options options;
        options.mounts = {QStringLiteral("main:h264+aac")};
        options.gopSeconds = 1.0;
        m_camera = std::make_unique<GstCamera>(options);
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        m_channel = m_fixture.addCamera("Yard", m_camera->url("main"));
        QVERIFY(!m_channel.isEmpty());
        // The recorder records new channels by default: 12 s, a gap of a few seconds, 10 s more.
        QVERIFY2(m_fixture.recordWithGap(*m_camera, m_channel, 12000, 3000, 10000, &error), qPrintable(error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const ApiReply periods = m_fixture.admin().get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                           .arg(m_channel).arg(now - 3'600'000).arg(now + 1000));
        QCOMPARE(periods.status, 200);
        m_periods = periods.json.value("periods").toArray();
        QVERIFY2(m_periods.size() == 2, periods.body.constData());
        QVERIFY(periodEnd(0) - periodStart(0) >= 9000);
        QVERIFY(periodStart(1) - periodEnd(0) >= 2000);
    }

    void archiveStartsAtTheKeyframeAtOrBeforeTheTime() {
        // Past the first segment boundary (4 s segments), not on a keyframe by design.
        const qint64 from = periodStart(0) + 5500;
        const qint64 to = from + 4000;
        const qint64 epoch = epochOf(from, to);
        QVERIFY(epoch > 0);
        const QList<Packet> packets = videoPackets(m_fixture.tlsArguments(), archiveUrl(from, to));
        QVERIFY(packets.size() > 50);
        QVERIFY(packets.first().keyframe);
        const qint64 firstUtc = epoch + qRound64(packets.first().ptsSeconds * 1000);
        // At or before `from`, and no further back than one GOP (1 s) plus the camera's timing slack.
        QVERIFY2(firstUtc <= from + 1, qPrintable(QString("first %1 from %2").arg(firstUtc).arg(from)));
        QVERIFY2(firstUtc >= from - 1500, qPrintable(QString("first %1 from %2").arg(firstUtc).arg(from)));
        // It plays on to `to` without holes, across the segments it spans.
        const qint64 lastUtc = epoch + qRound64(packets.last().ptsSeconds * 1000);
        QVERIFY2(lastUtc >= to - 500 && lastUtc < to, qPrintable(QString("last %1 to %2").arg(lastUtc).arg(to)));
        QVERIFY2(largestStep(packets) < 0.2, qPrintable(QString::number(largestStep(packets))));
        QVERIFY(packets.size() >= (to - firstUtc) * 25 / 1000 - 5);
    }

    void ffmpegCopiesARangeAcrossSegments() {
        const qint64 from = periodStart(0) + 1000;
        const qint64 to = from + 8000;  // two segment boundaries at least
        const QString out = m_dir.filePath("range.ts");
        QByteArray errors;
        const int code = test::runTool("ffmpeg", QStringList{"-v", "error", "-y"} + m_fixture.tlsArguments() +
                                                     QStringList{"-i", archiveUrl(from, to), "-c", "copy", out},
                                       kWaitMs, nullptr, &errors);
        QVERIFY2(code == 0, errors.constData());
        const QJsonObject probed = test::probe({"-show_format", "-show_streams"}, out);
        const double duration = probed.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(duration >= 7.8 && duration <= 9.6, qPrintable(QString::number(duration)));
        QCOMPARE(test::firstStream(probed, "video").value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(test::firstStream(probed, "audio").value("codec_name").toString(), QStringLiteral("aac"));
    }

    void gapsAreSkipped() {
        const qint64 from = periodEnd(0) - 3000;
        const qint64 to = periodStart(1) + 3000;
        const QList<Packet> packets = videoPackets(m_fixture.tlsArguments(), archiveUrl(from, to));
        QVERIFY(packets.size() > 100);
        // One stream: the recorded gap (seconds) shrank to about a frame.
        QVERIFY2(largestStep(packets) < 0.5, qPrintable(QString::number(largestStep(packets))));
        const double span = packets.last().ptsSeconds - packets.first().ptsSeconds;
        QVERIFY2(span > 4.5 && span < 8.0, qPrintable(QString::number(span)));
    }

    void badRequestsAndRightsAreRefused() {
        ApiSession& admin = m_fixture.admin();
        const qint64 from = periodStart(0) + 1000;
        QCOMPARE(admin.get("/api/v1/media/archive/" + m_channel).status, 400);  // no from
        const ApiReply reversed = admin.get(archivePath(from, from - 1));
        QCOMPARE(reversed.status, 400);
        QVERIFY(reversed.message().contains("to"));
        QCOMPARE(admin.get(archivePath(from, from + 1000, 5000)).status, 400);  // speed out of range
        const ApiReply nothing = admin.get(archivePath(1'000'000, 2'000'000));
        QCOMPARE(nothing.status, 404);
        QCOMPARE(nothing.error(), QStringLiteral("nothing_recorded"));

        auto liveOnly = m_fixture.userWith("guard", {"live"}, true);
        QCOMPARE(liveOnly->get(archivePath(from, from + 1000)).status, 403);
        auto elsewhere = m_fixture.userWith("visitor", {"playback", "export"}, false, {"another-channel"});
        QCOMPARE(elsewhere->get(archivePath(from, from + 1000)).status, 403);
        const ApiReply exportElsewhere =
            elsewhere->post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from + 1000}});
        QCOMPARE(exportElsewhere.status, 403);
        QCOMPARE(liveOnly->get("/api/v1/media/exports").status, 403);
    }

    void exportIsAnMp4OfTheRange() {
        ApiSession& admin = m_fixture.admin();
        QStringList pushed;
        auto socket = listen(admin, pushed);
        const qint64 from = periodStart(0) + 2000;
        const qint64 to = from + 6000;
        const ApiReply started = admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", to}});
        QVERIFY2(started.status == 202, qPrintable(test::describe(started)));
        QCOMPARE(started.json.value("kind").toString(), QStringLiteral("export"));
        const QString id = started.json.value("id").toString();
        const QJsonObject job = waitForExport(admin, id, {"succeeded", "failed", "cancelled"});
        QVERIFY2(job.value("state").toString() == "succeeded", QJsonDocument(job).toJson().constData());
        const QJsonObject result = job.value("result").toObject();
        // The shapes are what server/api/media.yaml says.
        const auto shapes = test::requiredFields(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + "/server/api/media.yaml");
        QStringList jobKeys = job.keys(), resultKeys = result.keys();
        jobKeys.sort();
        resultKeys.sort();
        QCOMPARE(jobKeys, shapes.value("ExportJob"));
        QCOMPARE(resultKeys, shapes.value("ExportResult"));
        QCOMPARE(result.value("videoCodec").toString(), QStringLiteral("h264"));
        QVERIFY(result.value("startMs").toInteger() <= from && result.value("startMs").toInteger() >= from - 1500);
        QVERIFY(result.value("bytes").toInteger() > 10000);
        // Its progress and its end were pushed to the owner's session.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(pushed.cbegin(), pushed.cend(), [&id](const QString& text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            return message.value("type").toString() == "media.export" &&
                   message.value("data").toObject().value("id").toString() == id &&
                   message.value("data").toObject().value("state").toString() == "succeeded";
        }), 10000);
        QVERIFY(admin.get("/api/v1/media/exports").json.value("jobs").toArray().size() >= 1);

        const ApiReply download = admin.get(result.value("download").toString());
        QCOMPARE(download.status, 200);
        QCOMPARE(download.headers.value("content-type"), QByteArray("video/mp4"));
        QVERIFY2(download.headers.value("content-disposition").startsWith("attachment; filename=\"Yard_"),
                 download.headers.value("content-disposition").constData());
        QCOMPARE(download.body.size(), result.value("bytes").toInteger());
        // A byte range (players seek, downloads resume): 206 with just those bytes; curl as the client.
        const QString part = m_dir.filePath("part.bin");
        const QString partHead = m_dir.filePath("part.head");
        QCOMPARE(test::runTool("curl", {"-s", "--cacert", m_fixture.caFile(), "-r", "100-1099", "-D", partHead, "-o", part,
                                        m_fixture.url(result.value("download").toString(), admin.token())},
                               30000),
                 0);
        QFile headFile(partHead);
        QVERIFY(headFile.open(QIODevice::ReadOnly));
        const QByteArray partHeaders = headFile.readAll().toLower();
        QVERIFY2(partHeaders.startsWith("http/1.1 206"), partHeaders.constData());
        QVERIFY2(partHeaders.contains("content-range: bytes 100-1099/" + QByteArray::number(download.body.size())),
                 partHeaders.constData());
        QFile partFile(part);
        QVERIFY(partFile.open(QIODevice::ReadOnly));
        QCOMPARE(partFile.readAll(), download.body.mid(100, 1000));
        // Faststart: the index (moov) comes before the media (mdat).
        QVERIFY(download.body.indexOf("moov") > 0 && download.body.indexOf("moov") < download.body.indexOf("mdat"));
        const QString file = m_dir.filePath("export.mp4");
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write(download.body);
        saved.close();
        const QJsonObject probed = test::probe({"-show_format", "-show_streams"}, file);
        QVERIFY(probed.value("format").toObject().value("format_name").toString().contains("mp4"));
        const double duration = probed.value("format").toObject().value("duration").toString().toDouble();
        const double expected = (to - result.value("startMs").toInteger()) / 1000.0;
        QVERIFY2(qAbs(duration - expected) < 0.6, qPrintable(QString("%1 vs %2").arg(duration).arg(expected)));
        const QJsonObject video = test::firstStream(probed, "video");
        QCOMPARE(video.value("codec_name").toString(), QStringLiteral("h264"));
        QCOMPARE(video.value("width").toInt(), 640);
        QCOMPARE(video.value("height").toInt(), 360);
        QCOMPARE(test::firstStream(probed, "audio").value("codec_name").toString(), QStringLiteral("aac"));
        // ffmpeg decodes it through.
        QByteArray errors;
        QCOMPARE(test::runTool("ffmpeg", {"-v", "error", "-i", file, "-f", "null", "-"}, kWaitMs, nullptr, &errors), 0);

        // Someone else cannot see, download or delete it.
        auto other = m_fixture.userWith("auditor2", {"export", "playback"}, true);
        QCOMPARE(other->get("/api/v1/media/exports/" + id).status, 404);
        QCOMPARE(other->get("/api/v1/media/exports/" + id + "/file").status, 404);
        QCOMPARE(other->del("/api/v1/media/exports/" + id).status, 404);
        QVERIFY(other->get("/api/v1/media/exports").json.value("jobs").toArray().isEmpty());

        // Deleting a finished export removes its file.
        QCOMPARE(admin.del("/api/v1/media/exports/" + id).status, 204);
        QCOMPARE(admin.get("/api/v1/media/exports/" + id).status, 404);
        QVERIFY(exportFiles(id).isEmpty());
    }

    void exportThroughAQueryTokenWithFfprobe() {
        ApiSession& admin = m_fixture.admin();
        const qint64 from = periodStart(1) + 1000;
        const ApiReply started = admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from + 3000}});
        QCOMPARE(started.status, 202);
        const QString id = started.json.value("id").toString();
        QCOMPARE(waitForExport(admin, id, {"succeeded", "failed"}).value("state").toString(), QStringLiteral("succeeded"));
        const QJsonObject probed = test::probe(m_fixture.tlsArguments() + QStringList{"-show_streams"},
                                               m_fixture.url("/api/v1/media/exports/" + id + "/file", admin.token()));
        QCOMPARE(test::firstStream(probed, "video").value("codec_name").toString(), QStringLiteral("h264"));
    }

    void cancelledExportLeavesNoFile() {
        server::DeliveryService* delivery = m_fixture.engine().delivery();
        const server::DeliveryService::Options saved = delivery->options();
        server::DeliveryService::Options slow = saved;
        slow.exportBytesPerSecond = 20000;  // so the export is still running when it is cancelled
        delivery->setOptions(slow);
        ApiSession& admin = m_fixture.admin();
        const ApiReply started = admin.post("/api/v1/media/exports",
                                            QJsonObject{{"channelId", m_channel}, {"fromMs", periodStart(0)}, {"toMs", periodEnd(1)}});
        QCOMPARE(started.status, 202);
        const QString id = started.json.value("id").toString();
        QTRY_VERIFY_WITH_TIMEOUT(admin.get("/api/v1/media/exports/" + id).json.value("result").toObject().value("bytes").toInteger() > 0,
                                 kWaitMs);
        QVERIFY(!exportFiles(id).isEmpty());  // it is writing
        const ApiReply cancelled = admin.del("/api/v1/media/exports/" + id);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value("state").toString(), QStringLiteral("cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(exportFiles(id).isEmpty(), 20000);
        const ApiReply download = admin.get("/api/v1/media/exports/" + id + "/file");
        QCOMPARE(download.status, 409);
        QCOMPARE(download.error(), QStringLiteral("export_not_ready"));
        delivery->setOptions(saved);
    }

    void finishedExportsGoAfterTheKeepTime() {
        server::DeliveryService* delivery = m_fixture.engine().delivery();
        const server::DeliveryService::Options saved = delivery->options();
        server::DeliveryService::Options brief = saved;
        brief.exportKeepMs = 1500;
        delivery->setOptions(brief);
        ApiSession& admin = m_fixture.admin();
        const qint64 from = periodStart(0) + 1000;
        const ApiReply started = admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from + 2000}});
        const QString id = started.json.value("id").toString();
        QCOMPARE(waitForExport(admin, id, {"succeeded", "failed"}).value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(exportFiles(id).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(admin.get("/api/v1/media/exports/" + id).status, 404, 20000);
        QVERIFY(exportFiles(id).isEmpty());
        delivery->setOptions(saved);
    }

    void exportRequestsAreChecked() {
        ApiSession& admin = m_fixture.admin();
        const qint64 from = periodStart(0);
        QCOMPARE(admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}}).status, 400);
        QCOMPARE(admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from}}).status, 400);
        const ApiReply tooLong = admin.post("/api/v1/media/exports",
                                            QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from + 25LL * 3600 * 1000}});
        QCOMPARE(tooLong.status, 400);
        QVERIFY(tooLong.message().contains("24 hours"));
        QCOMPARE(admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", from}, {"toMs", from + 1000}, {"extra", 1}}).status, 400);
        const ApiReply nothing = admin.post("/api/v1/media/exports", QJsonObject{{"channelId", m_channel}, {"fromMs", 1000}, {"toMs", 5000}});
        QCOMPARE(nothing.status, 404);
        QCOMPARE(nothing.error(), QStringLiteral("nothing_recorded"));
        QCOMPARE(admin.post("/api/v1/media/exports", QJsonObject{{"channelId", "no-such"}, {"fromMs", from}, {"toMs", from + 1000}}).status, 404);
        QCOMPARE(admin.get("/api/v1/media/exports/no-such-export").status, 404);
    }

    void cleanupTestCase() {
        m_fixture.stop();
        m_camera.reset();
    }
};

QTEST_GUILESS_MAIN(TestDeliveryArchive)
#include "tst_delivery_archive.moc"
