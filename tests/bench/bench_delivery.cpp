// bench_delivery: video delivery over the HTTPS port (issue 4), figures printed side by side with a
// reference where one exists. A real engine runs in this process on 127.0.0.1; the camera is one
// tools/vigil-testcamera process looping a 1080p25 H.264 clip of about 4 Mbit/s (no transcoding);
// viewers are curl processes (independent TLS clients) that discard what they get.
//
//  1. Live fan-out to N viewers (default 1, 10, 50): this process's CPU with N viewers minus its CPU
//     without any (the camera's reader and the recorder run in both), per viewer; the packet in ->
//     out latency (the hub's reader hands a packet over -> its bytes are taken by the TLS socket)
//     p50/p99 from DeliveryService::stats(); packets dropped for slow viewers. Reference: N
//     `ffmpeg -rtsp_transport tcp -i <camera> -c copy -f mpegts /dev/null` processes, each its own
//     camera connection (a relay without a shared reader), CPU per viewer.
//  2. Time to first frame: live (curl: TLS done -> first byte of the answer, whose head is written
//     with the first packets) against a direct RTSP client's wait for its first keyframe
//     (StreamReader on the camera: connect + first video keyframe); archive at random times of an
//     hour of recording against ArchiveReader's own seek + first packet on the same files.
//  3. Export of one hour of recording to MP4 (the API's job, remux + faststart), x real time,
//     against `ffmpeg -f concat -c copy -movflags +faststart` of the same segment files.
//
// The hour of recording is made once (--keep DIR keeps it): the clip's packets looped with moving
// timestamps into one-minute segments by the recorder's own SegmentWriter, handed to the delivery
// through its SegmentLookup (as the recorder's index would).
//
//   bench_delivery [--viewers 1,10,50] [--seconds 20] [--samples 20] [--minutes 60] [--keep DIR]
//                  [--skip live,ttff,export]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <limits>
#include <memory>

#include <unistd.h>

#include "../accounts/api_session.h"
#include "delivery/delivery_service.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "media/archive_reader.h"
#include "media/segment_writer.h"
#include "media/stream_hub.h"
#include "media/stream_reader.h"
#include "support/test_engine.h"
#include "bench_support.h"

using namespace vigil;
using bench::pidCpuSeconds;
using bench::processCpuSeconds;
using bench::wait;

namespace {

struct Options {
    QList<int> viewers{1, 10, 50};
    int seconds = 20;
    int samples = 20;
    int minutes = 60;
    QString keep;
    QStringList skip;
};

double quantile(std::vector<double> values, double q) {
    if (values.empty()) {
        return -1;
    }
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))];
}

void stopAll(std::vector<std::unique_ptr<QProcess>>& processes) {
    for (const auto& process : processes) {
        ::kill(static_cast<pid_t>(process->processId()), SIGTERM);
    }
    for (const auto& process : processes) {
        if (!process->waitForFinished(10000)) {
            process->kill();
            process->waitForFinished();
        }
    }
    processes.clear();
}

// One hour (or --minutes) of recording in the recorder's format: the clip looped with moving
// timestamps, cut into one-minute segments at keyframes.
QList<core::media::SegmentRef> makeArchive(const QString& clip, const QString& folder, int minutes, qint64 startUs) {
    QList<core::media::SegmentRef> segments;
    QDir().mkpath(folder);
    QFile index(folder + QStringLiteral("/index.json"));
    if (index.open(QIODevice::ReadOnly)) {
        for (const QJsonValue& value : QJsonDocument::fromJson(index.readAll()).array()) {
            const QJsonObject o = value.toObject();
            core::media::SegmentRef ref{o["path"].toString(), o["baseUs"].toInteger(), o["startUs"].toInteger(),
                                        o["endUs"].toInteger(), {}};
            for (const QJsonValue& k : o["keyframes"].toArray()) {
                ref.keyframes.append({k.toArray()[0].toInteger(), k.toArray()[1].toInteger()});
            }
            segments.append(ref);
        }
        if (!segments.isEmpty()) {
            return segments;
        }
    }
    std::printf("making %d minutes of recording in %s ...\n", minutes, qPrintable(folder));
    std::fflush(stdout);
    const qint64 endUs = startUs + minutes * 60'000'000LL;
    qint64 loopStartUs = startUs;
    std::unique_ptr<core::media::SegmentWriter> writer;
    core::media::StreamInfo info;
    qint64 segmentStartUs = 0;
    QJsonArray rows;
    auto close = [&] {
        if (!writer) {
            return;
        }
        auto summary = writer->finish();
        if (summary) {
            QJsonArray keyframes;
            core::media::SegmentRef ref{writer->path(), segmentStartUs / 1000 * 1000, summary->startUs, summary->endUs, summary->keyframes};
            for (const auto& k : summary->keyframes) {
                keyframes.append(QJsonArray{k.timeUs, k.byteOffset});
            }
            rows.append(QJsonObject{{"path", ref.path}, {"baseUs", ref.baseUs}, {"startUs", ref.startUs},
                                    {"endUs", ref.endUs}, {"keyframes", keyframes}});
            segments.append(ref);
        }
        writer.reset();
    };
    // The clip as MPEG-TS, read with ArchiveReader: the file's own timestamps, as fast as it reads.
    const QString clipTs = folder + QStringLiteral("/clip.ts");
    if (!QFileInfo::exists(clipTs) &&
        QProcess::execute(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                                     QStringLiteral("-i"), clip, QStringLiteral("-c"), QStringLiteral("copy"),
                                                     QStringLiteral("-f"), QStringLiteral("mpegts"), clipTs}) != 0) {
        std::fprintf(stderr, "cannot remux %s\n", qPrintable(clip));
        return {};
    }
    while (loopStartUs < endUs) {
        core::media::ArchiveReader reader({core::media::SegmentRef{clipTs, 0, 0, std::numeric_limits<qint64>::max(), {}}});
        qint64 firstUs = -1;
        qint64 lastUs = loopStartUs;
        for (;;) {
            auto read = reader.read();
            if (!read) {
                break;
            }
            info = reader.info();
            const core::media::PacketPtr& packet = read.value();
            if (firstUs < 0) {
                firstUs = packet->dtsUs;
            }
            auto moved = std::make_shared<core::media::MediaPacket>(*packet);
            moved->dtsUs = packet->dtsUs - firstUs + loopStartUs;
            moved->ptsUs = packet->ptsUs - firstUs + loopStartUs;
            moved->durationUs = packet->durationUs > 0 ? packet->durationUs : 40'000;
            if (moved->dtsUs >= endUs) {
                break;
            }
            const bool key = moved->keyframe && moved->track == info.videoTrack();
            if (!writer || (key && moved->dtsUs - segmentStartUs >= 60'000'000)) {
                close();
                segmentStartUs = moved->dtsUs;
                const QString path = folder + QStringLiteral("/%1.ts").arg(segmentStartUs / 1000);
                QFile::remove(path);
                auto made = core::media::SegmentWriter::create(path, info, segmentStartUs / 1000 * 1000);
                if (!made) {
                    std::fprintf(stderr, "%s\n", qPrintable(made.error().message));
                    return {};
                }
                writer = std::move(made.value());
            }
            (void)writer->write(moved);
            lastUs = std::max(lastUs, moved->dtsUs + moved->durationUs);
        }
        if (firstUs < 0) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(clipTs));
            return {};
        }
        loopStartUs = lastUs;
    }
    close();
    if (index.open(QIODevice::WriteOnly)) {
        index.write(QJsonDocument(rows).toJson());
    }
    return segments;
}

struct Setup {
    std::unique_ptr<server::Engine> engine;
    std::unique_ptr<test::ApiSession> admin;
    QString channel;
    QString caFile;
};

bool startEngine(Setup& setup, const QString& root, const QString& cameraUrl) {
    server::EngineOptions options = test::engineOptions(root + QStringLiteral("/engine"));
    options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};
    setup.engine = std::make_unique<server::Engine>(options);
    if (!setup.engine->start()) {
        return false;
    }
    setup.admin = std::make_unique<test::ApiSession>(*setup.engine);
    setup.admin->post("/api/v1/setup", test::setupBody("chief", "Harbour#Light9"));
    if (setup.admin->login("chief", "Harbour#Light9").status != 200) {
        return false;
    }
    const test::ApiReply added = setup.admin->post("/api/v1/devices", QJsonObject{{"driver", "rtsp"}, {"address", cameraUrl}});
    const QString device = added.json.value("id").toString();
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        const QJsonObject channel = setup.admin->get("/api/v1/devices/" + device).json.value("channels").toArray().first().toObject();
        if (channel.value("streams").toObject().value("main").toObject().value("state").toString() == "live") {
            setup.channel = channel.value("id").toString();
            break;
        }
        wait(200);
    }
    setup.caFile = root + QStringLiteral("/ca.pem");
    QFile ca(setup.caFile);
    if (ca.open(QIODevice::WriteOnly)) {
        ca.write(setup.engine->authority().certificate.toPem());
    }
    return !setup.channel.isEmpty();
}

QString mediaUrl(const Setup& setup, const QString& path, const QString& query) {
    QUrl url = setup.engine->baseUrl();
    url.setPath(path);
    url.setQuery(query + QStringLiteral("&token=") + setup.admin->token());
    return url.toString(QUrl::FullyEncoded);
}

std::unique_ptr<QProcess> curl(const Setup& setup, const QString& url, const QStringList& extra = {}) {
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral("curl"),
                   QStringList{QStringLiteral("-s"), QStringLiteral("--cacert"), setup.caFile, QStringLiteral("-o"),
                               QStringLiteral("/dev/null")} +
                       extra + QStringList{url});
    process->waitForStarted();
    return process;
}

void benchLive(Setup& setup, const QString& cameraUrl, const Options& options) {
    server::DeliveryService& delivery = *setup.engine->delivery();
    const QString liveUrl = mediaUrl(setup, "/api/v1/media/live/" + setup.channel, "stream=main");
    wait(3000);
    double start = processCpuSeconds();
    QElapsedTimer window;
    window.start();
    wait(options.seconds * 1000);
    const double baseline = (processCpuSeconds() - start) / (window.elapsed() / 1000.0);
    std::printf("\n1. Live fan-out, 1080p25 H.264 ~4 Mbit/s, %d s windows; engine CPU without viewers (camera reader, "
                "recorder): %.1f %% of a core\n",
                options.seconds, baseline * 100);
    std::printf("%8s | %22s | %16s | %16s | %8s | %26s\n", "viewers", "Vigil CPU/viewer (%core)", "latency p50 ms",
                "latency p99 ms", "drops", "ffmpeg relay CPU/viewer (%core)");
    for (int n : options.viewers) {
        std::vector<std::unique_ptr<QProcess>> viewers;
        for (int i = 0; i < n; ++i) {
            viewers.push_back(curl(setup, liveUrl));
        }
        QDeadlineTimer ready(60000);
        while (delivery.stats().liveViewers < n && !ready.hasExpired()) {
            wait(100);
        }
        wait(2000);
        const server::DeliveryService::Stats before = delivery.stats();
        delivery.resetLatency();
        start = processCpuSeconds();
        window.restart();
        wait(options.seconds * 1000);
        const double seconds = window.elapsed() / 1000.0;
        const double cpu = (processCpuSeconds() - start) / seconds;
        const server::DeliveryService::Stats after = delivery.stats();
        stopAll(viewers);
        wait(1000);

        // Reference: a relay without a shared reader: each viewer its own camera connection.
        std::vector<std::unique_ptr<QProcess>> relays;
        for (int i = 0; i < n; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start(QStringLiteral("ffmpeg"),
                           {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                            QStringLiteral("tcp"), QStringLiteral("-i"), cameraUrl, QStringLiteral("-c"), QStringLiteral("copy"),
                            QStringLiteral("-f"), QStringLiteral("mpegts"), QStringLiteral("-y"), QStringLiteral("/dev/null")});
            relays.push_back(std::move(process));
        }
        wait(3000);
        std::vector<double> starts;
        for (const auto& process : relays) {
            starts.push_back(pidCpuSeconds(process->processId()));
        }
        window.restart();
        wait(options.seconds * 1000);
        double relayCpu = 0;
        for (size_t i = 0; i < relays.size(); ++i) {
            relayCpu += pidCpuSeconds(relays[i]->processId()) - starts[i];
        }
        const double relaySeconds = window.elapsed() / 1000.0;
        stopAll(relays);

        std::printf("%8d | %22.2f | %16.2f | %16.2f | %8lld | %26.2f\n", n, (cpu - baseline) / n * 100,
                    after.latencyP50Us / 1000.0, after.latencyP99Us / 1000.0,
                    static_cast<long long>(after.droppedPackets - before.droppedPackets), relayCpu / relaySeconds / n * 100);
        std::fflush(stdout);
        wait(1000);
    }
}

// curl: seconds from TLS done to the first byte of the answer (the head goes out with the first packets).
double firstFrameSeconds(const Setup& setup, const QString& url) {
    auto process = curl(setup, url, {QStringLiteral("--max-time"), QStringLiteral("3"), QStringLiteral("-w"),
                                     QStringLiteral("%{time_appconnect} %{time_starttransfer}")});
    QDeadlineTimer deadline(10000);
    while (process->state() != QProcess::NotRunning && !deadline.hasExpired()) {
        wait(20);
    }
    const QList<QByteArray> times = process->readAllStandardOutput().trimmed().split(' ');
    if (times.size() != 2) {
        return -1;
    }
    return times[1].toDouble() - times[0].toDouble();
}

// A direct RTSP client: connect, then the first video keyframe.
double rtspFirstKeyframeSeconds(const QString& cameraUrl) {
    QElapsedTimer clock;
    clock.start();
    core::media::StreamReader reader;
    if (!reader.open(QUrl(cameraUrl))) {
        return -1;
    }
    const int video = reader.info().videoTrack();
    for (;;) {
        auto packet = reader.read();
        if (!packet) {
            return -1;
        }
        if (packet.value()->track == video && packet.value()->keyframe) {
            return clock.elapsed() / 1000.0;
        }
    }
}

void benchFirstFrame(Setup& setup, const QString& cameraUrl, const QList<core::media::SegmentRef>& archive,
                     const Options& options) {
    std::vector<double> live, rtsp, remote, local;
    const QString liveUrl = mediaUrl(setup, "/api/v1/media/live/" + setup.channel, "stream=main");
    // Not measured: one request each first (the camera's first GOP after connecting, cold files).
    wait(3000);
    firstFrameSeconds(setup, liveUrl);
    firstFrameSeconds(setup, mediaUrl(setup, "/api/v1/media/archive/" + setup.channel,
                                      QStringLiteral("from=%1&speed=1").arg(archive.first().startUs / 1000 + 10000)));
    for (int i = 0; i < options.samples; ++i) {
        live.push_back(firstFrameSeconds(setup, liveUrl));
        // The RTSP client on a thread of its own: the camera's answers must not wait on this loop.
        double seconds = -1;
        QThread* thread = QThread::create([&seconds, &cameraUrl] { seconds = rtspFirstKeyframeSeconds(cameraUrl); });
        thread->start();
        while (!thread->isFinished()) {
            wait(10);
        }
        delete thread;
        rtsp.push_back(seconds);
        wait(QRandomGenerator::global()->bounded(300, 900));  // land at various points of the GOP
    }
    const qint64 firstUs = archive.first().startUs;
    const qint64 lastUs = archive.last().endUs;
    for (int i = 0; i < options.samples; ++i) {
        const qint64 atUs = firstUs + static_cast<qint64>(QRandomGenerator::global()->bounded(1.0) * double(lastUs - firstUs - 5'000'000));
        remote.push_back(firstFrameSeconds(
            setup, mediaUrl(setup, "/api/v1/media/archive/" + setup.channel,
                            QStringLiteral("from=%1&to=%2&speed=1").arg(atUs / 1000).arg(atUs / 1000 + 60000))));
        QElapsedTimer clock;
        clock.start();
        core::media::ArchiveReader reader(archive);
        if (reader.seek(atUs) && reader.read()) {
            local.push_back(clock.nsecsElapsed() / 1e9);
        }
    }
    std::printf("\n2. Time to first frame, %d samples (ms)\n", options.samples);
    std::printf("%-44s | %8s | %8s | %8s\n", "", "p50", "p90", "max");
    auto row = [](const char* name, const std::vector<double>& values) {
        std::printf("%-44s | %8.1f | %8.1f | %8.1f\n", name, quantile(values, 0.5) * 1000, quantile(values, 0.9) * 1000,
                    quantile(values, 1.0) * 1000);
    };
    row("Vigil live over HTTPS (request -> first byte)", live);
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE")) {
        for (double v : live) {
            std::printf(" %.1f", v * 1000);
        }
        std::printf("\n");
    }
    row("reference: direct RTSP, first keyframe", rtsp);
    row("Vigil archive at a random time (HTTPS)", remote);
    row("reference: ArchiveReader seek + first packet", local);
    std::fflush(stdout);
}

void benchExport(Setup& setup, const QList<core::media::SegmentRef>& archive, const QString& root) {
    const qint64 fromMs = archive.first().startUs / 1000 + 1;
    const qint64 toMs = archive.last().endUs / 1000;
    const double mediaSeconds = (toMs - fromMs) / 1000.0;
    qint64 bytesIn = 0;
    for (const auto& segment : archive) {
        bytesIn += QFileInfo(segment.path).size();
    }
    QElapsedTimer clock;
    clock.start();
    const test::ApiReply started = setup.admin->post(
        "/api/v1/media/exports", QJsonObject{{"channelId", setup.channel}, {"fromMs", fromMs}, {"toMs", toMs}});
    const QString id = started.json.value("id").toString();
    QJsonObject job;
    while (true) {
        job = setup.admin->get("/api/v1/media/exports/" + id).json;
        if (job.value("state").toString() != QLatin1String("running")) {
            break;
        }
        wait(100);
    }
    const double vigilSeconds = clock.elapsed() / 1000.0;
    const qint64 bytesOut = job.value("result").toObject().value("bytes").toInteger();

    QFile list(root + QStringLiteral("/concat.txt"));
    if (list.open(QIODevice::WriteOnly)) {
        for (const auto& segment : archive) {
            list.write("file '" + segment.path.toUtf8() + "'\n");
        }
        list.close();
    }
    clock.restart();
    const int code = QProcess::execute(QStringLiteral("ffmpeg"),
                                       {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                                        QStringLiteral("concat"), QStringLiteral("-safe"), QStringLiteral("0"), QStringLiteral("-i"),
                                        list.fileName(), QStringLiteral("-c"), QStringLiteral("copy"), QStringLiteral("-movflags"),
                                        QStringLiteral("+faststart"), root + QStringLiteral("/reference.mp4")});
    const double ffmpegSeconds = clock.elapsed() / 1000.0;
    QFile::remove(root + QStringLiteral("/reference.mp4"));

    std::printf("\n3. Export of %.0f min of recording (%.0f MB in %lld segments) to MP4 with faststart\n", mediaSeconds / 60,
                bytesIn / 1e6, static_cast<long long>(archive.size()));
    std::printf("%-40s | %10s | %14s | %10s\n", "", "seconds", "x real time", "MB/s");
    std::printf("%-40s | %10.1f | %14.0f | %10.1f   (%s, %.0f MB)\n", "Vigil export job (API)", vigilSeconds,
                mediaSeconds / vigilSeconds, bytesIn / 1e6 / vigilSeconds, qPrintable(job.value("state").toString()),
                bytesOut / 1e6);
    std::printf("%-40s | %10.1f | %14.0f | %10.1f   (exit %d)\n", "reference: ffmpeg concat -c copy", ffmpegSeconds,
                mediaSeconds / ffmpegSeconds, bytesIn / 1e6 / ffmpegSeconds, code);
    setup.admin->del("/api/v1/media/exports/" + id);
    std::fflush(stdout);
}

Options parse(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption viewers("viewers", "Viewer counts for the fan-out.", "n,n,...", "1,10,50");
    const QCommandLineOption seconds("seconds", "Length of each measuring window.", "s", "20");
    const QCommandLineOption samples("samples", "Time-to-first-frame samples.", "n", "20");
    const QCommandLineOption minutes("minutes", "Minutes of recording to export.", "n", "60");
    const QCommandLineOption keep("keep", "Work in DIR and keep the clip and the recording.", "DIR");
    const QCommandLineOption skip("skip", "Parts to leave out: live, ttff, export.", "parts");
    parser.addOptions({viewers, seconds, samples, minutes, keep, skip});
    parser.process(app);
    Options options;
    options.viewers.clear();
    for (const QString& n : parser.value(viewers).split(QLatin1Char(','))) {
        options.viewers << n.toInt();
    }
    options.seconds = parser.value(seconds).toInt();
    options.samples = parser.value(samples).toInt();
    options.minutes = parser.value(minutes).toInt();
    options.keep = parser.value(keep);
    options.skip = parser.value(skip).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false\nqt.*=false"));
    const Options options = parse(app);
    QTemporaryDir temporary;
    const QString root = options.keep.isEmpty() ? temporary.path() : options.keep;
    QDir().mkpath(root);

    const QString clip = root + QStringLiteral("/clip-1080p-4M-nob.mp4");
    if (!bench::makeCameraClip(clip)) {
        std::fprintf(stderr, "cannot make the clip with ffmpeg\n");
        return 1;
    }
    QProcess camera;
    camera.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    camera.start(QStringLiteral(VIGIL_TESTCAMERA),
                 {QStringLiteral("--rtsp-port"), QStringLiteral("0"), QStringLiteral("--camera"), QStringLiteral("name=cam0,file=") + clip});
    while (!camera.canReadLine() && camera.waitForReadyRead(30000)) {
    }
    const QString cameraUrl =
        QJsonDocument::fromJson(camera.readLine()).object().value("urls").toObject().value("cam0").toString();
    if (cameraUrl.isEmpty()) {
        std::fprintf(stderr, "vigil-testcamera did not start\n");
        return 1;
    }
    // The hour of recording lies two hours back, clear of what the engine records meanwhile.
    const qint64 archiveStartUs = (QDateTime::currentMSecsSinceEpoch() - 2 * 3'600'000LL) * 1000;
    const QList<core::media::SegmentRef> archive =
        options.skip.contains("ttff") && options.skip.contains("export")
            ? QList<core::media::SegmentRef>()
            : makeArchive(clip, root + QStringLiteral("/archive-%1min").arg(options.minutes), options.minutes, archiveStartUs);

    std::printf("bench_delivery on %d cores; camera: vigil-testcamera, 1080p25 H.264 ~4 Mbit/s, GOP 2 s\n",
                QThread::idealThreadCount());
    Setup setup;
    QDir(root + QStringLiteral("/engine")).removeRecursively();
    if (!startEngine(setup, root, cameraUrl)) {
        std::fprintf(stderr, "the engine or the camera did not come up\n");
        return 1;
    }
    setup.engine->delivery()->setSegmentLookup(
        [archive](const QString&, const QString&, qint64 fromMs, qint64 toMs) -> core::Result<QList<core::media::SegmentRef>> {
            QList<core::media::SegmentRef> found;
            for (const auto& segment : archive) {
                if (segment.endUs > fromMs * 1000 && segment.startUs < toMs * 1000) {
                    found.append(segment);
                }
            }
            return found;
        });
    if (!options.skip.contains("live")) {
        benchLive(setup, cameraUrl, options);
    }
    if (!options.skip.contains("ttff") && !archive.isEmpty()) {
        benchFirstFrame(setup, cameraUrl, archive, options);
    }
    if (!options.skip.contains("export") && !archive.isEmpty()) {
        benchExport(setup, archive, root);
    }
    setup.admin.reset();
    setup.engine.reset();
    ::kill(static_cast<pid_t>(camera.processId()), SIGTERM);
    camera.waitForFinished(10000);
    return 0;
}
