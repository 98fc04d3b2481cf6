// PlaybackApi (VID-2) against a real engine recording a GStreamer camera (tests/support/gst_camera.py,
// 1 s GOP) in 4 s segments: 10 s recorded, the camera away for a few seconds (a gap), 8 s more.
// The client, trusting only the engine's CA with the administrator's session:
//  - reads the recorded periods and the gap exactly as the server reports them to another client;
//  - gets the server's own errors for an unknown channel and reversed times;
//  - exports a range: the job runs, media.export pushes arrive over the WebSocket up to "succeeded",
//    the MP4 downloads through a part file to the size the job reports and ffprobe reads it as h264
//    of the range's length; the export is listed, then deleted;
//  - cancels a running export (the server slowed to 20 kB/s so it still runs): cancelled pushed;
//  - a download of an unknown export fails with the server's error and leaves no file.

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "await_call.h"
#include "client/api_client.h"
#include "client/file_download.h"
#include "client/playback_api.h"
#include "client/trust_store.h"
#include "delivery/delivery_fixture.h"
#include "delivery/delivery_service.h"
#include "media/stream_hub.h"
#include "support/pinned_client.h"

using namespace vigil;
using core::Status;
using core::client::ApiClient;
using core::client::FileDownload;
using core::client::PlaybackApi;
using core::client::TrustStore;
using core::model::ExportJob;
using core::model::ExportRequest;
using core::model::RecordedPeriods;
using test::await;
using test::GstCamera;

namespace {

constexpr int kWaitMs = 90000;  // bounds a hang only

QString describe(const core::Error& error) {
    return error.code + QStringLiteral(": ") + error.message;
}

// The error of a failed result for a test message; empty when it succeeded (QVERIFY2 always
// evaluates its message).
template <typename R>
QString problem(const R& result) {
    return result.ok() ? QString() : describe(result.error());
}

}  // namespace

class TestPlaybackApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::DeliveryFixture m_fixture;
    std::unique_ptr<GstCamera> m_camera;
    QString m_channel;
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<PlaybackApi> m_api;
    RecordedPeriods m_periods;

    // Waits for a media.export push of `id` in one of `states`; the last such job.
    std::optional<ExportJob> waitForPush(QList<ExportJob>& pushed, const QString& id, const QStringList& states) {
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired()) {
            for (const ExportJob& job : pushed) {
                if (job.job.id == id && states.contains(job.job.state)) {
                    return job;
                }
            }
            QTest::qWait(50);
        }
        return std::nullopt;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_fixture.start(m_dir.path(), &error, 4000), qPrintable(error));
        GstCamera::Options options;
        options.gopSeconds = 1.0;
        m_camera = std::make_unique<GstCamera>(options);
        QVERIFY2(m_camera->start(&error), qPrintable(error));
        m_channel = m_fixture.addCamera("Gate", m_camera->url("main"));
        QVERIFY(!m_channel.isEmpty());
        QVERIFY2(m_fixture.recordWithGap(*m_camera, m_channel, 10000, 3000, 8000, &error), qPrintable(error));

        // The client as the workstation makes it: the engine's CA pinned, the session's token.
        m_trust = std::make_unique<TrustStore>(m_dir.filePath("client/trusted_sites.json"));
        m_client = test::pinnedClient(m_fixture.engine(), m_trust.get(), m_fixture.admin().token());
        QSignalSpy connected(m_client.get(), &ApiClient::eventsConnectedChanged);
        m_client->connectEvents();
        QVERIFY(connected.wait(kWaitMs));
        QVERIFY(m_client->eventsConnected());
        m_api = std::make_unique<PlaybackApi>(m_client.get());
    }

    void cleanupTestCase() {
        m_api.reset();
        m_client.reset();
        m_camera.reset();
        m_fixture.stop();
    }

    void periodsAndGapAsTheServerReportsThem() {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 from = now - 3'600'000;
        auto answer = await<RecordedPeriods>([&](auto done) { m_api->fetchPeriods(m_channel, from, now + 1000, "main", done); });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(problem(*answer)));
        m_periods = answer->value();
        QCOMPARE(m_periods.channelId, m_channel);
        QCOMPARE(m_periods.stream, QStringLiteral("main"));
        QCOMPARE(m_periods.fromMs, from);
        QCOMPARE(m_periods.toMs, now + 1000);
        // Two periods around the camera's absence, the first about 10 s long.
        QCOMPARE(m_periods.periods.size(), 2);
        const auto& first = m_periods.periods.at(0);
        const auto& second = m_periods.periods.at(1);
        QVERIFY2(first.endMs - first.startMs >= 8000, qPrintable(QString::number(first.endMs - first.startMs)));
        QVERIFY(second.startMs - first.endMs >= 2000);
        QVERIFY(second.endMs > second.startMs + 4000);
        // The same answer another client (the raw API) gets.
        const QJsonObject raw = m_fixture.admin().get(QStringLiteral("/api/v1/recording/channels/%1/periods?from=%2&to=%3")
                                                          .arg(m_channel).arg(from).arg(now + 1000)).json;
        const QJsonArray rawPeriods = raw.value("periods").toArray();
        QCOMPARE(rawPeriods.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(m_periods.periods.at(i).startMs, rawPeriods.at(i).toObject().value("startMs").toInteger());
            QCOMPARE(m_periods.periods.at(i).endMs, rawPeriods.at(i).toObject().value("endMs").toInteger());
        }
        QCOMPARE(m_periods.gaps.size(), raw.value("gaps").toArray().size());
        for (const auto& gap : m_periods.gaps) {
            QVERIFY(gap.endMs >= gap.startMs);
            QVERIFY(!gap.reason.isEmpty());
        }
    }

    void serverErrorsComeThrough() {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // A channel outside a role's reach is channel_not_found; a bad time range is the server's own words.
        auto limited = m_fixture.userWith("viewer", {"playback"}, false, {"another-channel"});
        const auto viewerClient = test::pinnedClient(m_fixture.engine(), m_trust.get(), limited->token());
        PlaybackApi viewerApi(viewerClient.get());
        auto unknown = await<RecordedPeriods>([&](auto done) { viewerApi.fetchPeriods(m_channel, now - 1000, now, "main", done); });
        QVERIFY(unknown && !unknown->ok());
        QCOMPARE(unknown->error().code, QStringLiteral("channel_not_found"));
        auto reversed = await<RecordedPeriods>([&](auto done) { m_api->fetchPeriods(m_channel, now, now - 1000, "main", done); });
        QVERIFY(reversed && !reversed->ok());
        QCOMPARE(reversed->error().code, QStringLiteral("bad_request"));
        QVERIFY(!reversed->error().message.isEmpty());
    }

    void exportRunsIsPushedAndDownloads() {
        QList<ExportJob> pushed;
        QObject scope;  // the connection ends with this test function
        connect(m_api.get(), &PlaybackApi::exportChanged, &scope, [&pushed](const ExportJob& job) { pushed << job; });
        const auto& first = m_periods.periods.at(0);
        ExportRequest request;
        request.channelId = m_channel;
        request.fromMs = first.startMs + 2000;
        request.toMs = request.fromMs + 5000;
        auto started = await<ExportJob>([&](auto done) { m_api->startExport(request, done); });
        QVERIFY(started);
        QVERIFY2(started->ok(), qPrintable(problem(*started)));
        const ExportJob job = started->value();
        QCOMPARE(job.job.kind, QStringLiteral("export"));
        QCOMPARE(job.result.channelId, m_channel);
        QCOMPARE(job.result.fromMs, request.fromMs);
        QCOMPARE(job.result.toMs, request.toMs);

        const std::optional<ExportJob> done = waitForPush(pushed, job.job.id, {"succeeded", "failed", "cancelled"});
        QVERIFY(done);
        QVERIFY2(done->succeeded(), qPrintable(done->job.message));
        QCOMPARE(done->job.progress, 1.0);
        QCOMPARE(done->result.videoCodec, QStringLiteral("h264"));
        QVERIFY(done->result.bytes > 10000);
        QVERIFY(!done->result.download.isEmpty());
        QVERIFY(done->result.fileName.endsWith(".mp4"));

        auto listed = await<QList<ExportJob>>([&](auto cb) { m_api->fetchExports(cb); });
        QVERIFY(listed && listed->ok());
        QVERIFY(std::any_of(listed->value().cbegin(), listed->value().cend(),
                            [&](const ExportJob& each) { return each.job.id == job.job.id && each.succeeded(); }));

        const QString file = m_dir.filePath("downloads/" + done->result.fileName);
        std::unique_ptr<FileDownload> download(m_api->downloadExport(*done, file));
        QSignalSpy finished(download.get(), &FileDownload::finished);
        QSignalSpy progress(download.get(), &FileDownload::progress);
        download->start();
        QVERIFY(finished.wait(kWaitMs));
        const Status status = finished.first().at(0).value<Status>();
        QVERIFY2(status.ok(), qPrintable(problem(status)));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(QFileInfo(file).size(), done->result.bytes);
        QCOMPARE(download->receivedBytes(), done->result.bytes);
        QVERIFY(!QFile::exists(file + ".part"));
        const QJsonObject probed = test::probe({"-show_format", "-show_streams"}, file);
        QCOMPARE(test::firstStream(probed, "video").value("codec_name").toString(), QStringLiteral("h264"));
        const double duration = probed.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(duration >= 4.8 && duration <= 6.6, qPrintable(QString::number(duration)));

        auto deleted = await<void>([&](auto cb) { m_api->deleteExport(job.job.id, cb); });
        QVERIFY(deleted && deleted->ok());
        auto gone = await<ExportJob>([&](auto cb) { m_api->fetchExport(job.job.id, cb); });
        QVERIFY(gone && !gone->ok());
        QCOMPARE(gone->error().code, QStringLiteral("export_not_found"));
    }

    void runningExportIsCancelled() {
        server::DeliveryService* delivery = m_fixture.engine().delivery();
        const server::DeliveryService::Options saved = delivery->options();
        server::DeliveryService::Options slow = saved;
        slow.exportBytesPerSecond = 20000;  // so it still runs when cancelled
        delivery->setOptions(slow);
        QList<ExportJob> pushed;
        QObject scope;  // the connection ends with this test function
        connect(m_api.get(), &PlaybackApi::exportChanged, &scope, [&pushed](const ExportJob& job) { pushed << job; });
        ExportRequest request;
        request.channelId = m_channel;
        request.fromMs = m_periods.periods.first().startMs;
        request.toMs = m_periods.periods.last().endMs;
        auto started = await<ExportJob>([&](auto done) { m_api->startExport(request, done); });
        QVERIFY(started && started->ok());
        const QString id = started->value().job.id;
        QVERIFY(started->value().isRunning());
        auto cancelled = await<void>([&](auto cb) { m_api->deleteExport(id, cb); });
        QVERIFY(cancelled && cancelled->ok());
        const std::optional<ExportJob> end = waitForPush(pushed, id, {"succeeded", "failed", "cancelled"});
        QVERIFY(end);
        QCOMPARE(end->job.state, QStringLiteral("cancelled"));
        QCOMPARE(end->job.error, QStringLiteral("cancelled"));
        delivery->setOptions(saved);

        // A download of it now fails with the server's reason and leaves nothing behind.
        const QString file = m_dir.filePath("downloads/cancelled.mp4");
        std::unique_ptr<FileDownload> download(m_api->downloadExport(*end, file));
        QSignalSpy finished(download.get(), &FileDownload::finished);
        download->start();
        QVERIFY(finished.wait(kWaitMs));
        const Status status = finished.first().at(0).value<Status>();
        QVERIFY(!status.ok());
        QVERIFY2(status.error().code == "export_not_ready" || status.error().code == "export_not_found",
                 qPrintable(problem(status)));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + ".part"));
    }

    void downloadCanBeCancelled() {
        // A download stopped by the user removes its part file and says "cancelled".
        const auto& first = m_periods.periods.at(0);
        ExportRequest request;
        request.channelId = m_channel;
        request.fromMs = first.startMs;
        request.toMs = first.endMs;
        auto started = await<ExportJob>([&](auto done) { m_api->startExport(request, done); });
        QVERIFY(started && started->ok());
        std::optional<ExportJob> finishedJob;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            auto job = await<ExportJob>([&](auto cb) { m_api->fetchExport(started->value().job.id, cb); });
            if (job && job->ok() && !job->value().isRunning()) {
                finishedJob = job->value();
            }
            return finishedJob.has_value();
        }()), kWaitMs);
        QVERIFY(finishedJob->succeeded());
        const QString file = m_dir.filePath("downloads/stopped.mp4");
        std::unique_ptr<FileDownload> download(m_api->downloadExport(*finishedJob, file));
        QSignalSpy finished(download.get(), &FileDownload::finished);
        download->start();
        download->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<Status>().error().code, QStringLiteral("cancelled"));
        QVERIFY(!download->isRunning());
        QTest::qWait(200);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + ".part"));
    }
};

QTEST_MAIN(TestPlaybackApi)
#include "tst_playback_api.moc"
