// bench_recording: recording N camera streams with Vigil's recorder against N
// `ffmpeg -rtsp_transport tcp -i URL -c copy -f segment` processes on the same streams (issue 4).
//
// The cameras are one tools/vigil-testcamera process looping a 1080p H.264 clip of about 4 Mbit/s
// without B-frames, like a camera's (made once with the ffmpeg tool), without transcoding. For each N, Vigil records first (a
// StreamHub and a RecordingService in this process, as in the server), then the ffmpeg processes
// record, each for the same window after a warm-up. Printed per N, side by side:
//   - CPU seconds per stream per minute (Vigil: this process's user+system time over the window,
//     the camera and the counting excluded; ffmpeg: the sum over its processes from /proc);
//   - frames dropped: per stream, frames the recorded files' timeline should hold (duration x fps)
//     minus those they hold, counted by ffprobe, summed over streams.
// Target (issue 4): Vigil at most half of ffmpeg's CPU per stream, and 64 streams on this 2-core
// machine without dropping frames.
//
//   bench_recording [--streams 8,32,64] [--seconds 60] [--warmup 5] [--keep DIR] [--only vigil|ffmpeg]
// --keep DIR: work there and keep the clip for the next run (recordings are deleted after each N).

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <memory>

#include <sys/resource.h>
#include <unistd.h>

#include "recording/recorder_rig.h"
#include "support/media_tools.h"
#include "bench_support.h"

using namespace vigil;
using bench::pidCpuSeconds;
using bench::processCpuSeconds;
using bench::wait;

namespace {

constexpr int kFps = 25;

struct Options {
    QList<int> streams{8, 32, 64};
    int seconds = 60;
    int warmup = 5;
    QString keep;
    QString only;  // vigil | ffmpeg: run one side (profiling)
};

// CPU seconds of this process's threads by role, from /proc/self/task/*/stat (comm names set by
// the hub, "vigil:<key>", and the recorder, "vigil:record").
struct ThreadCpu {
    double readers = 0;
    double writers = 0;
    double other = 0;
};

ThreadCpu threadCpu() {
    ThreadCpu cpu;
    for (const QString& task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        QString name;
        if (comm.open(QIODevice::ReadOnly)) {
            name = QString::fromUtf8(comm.readAll()).trimmed();
        }
        const double seconds = bench::statCpuSeconds(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (name == QLatin1String("vigil:record")) {
            cpu.writers += seconds;
        } else if (name.startsWith(QLatin1String("vigil:"))) {
            cpu.readers += seconds;
        } else {
            cpu.other += seconds;
        }
    }
    return cpu;
}

// Frames the files of one stream should hold by their timeline, and those they hold.
struct Count {
    qint64 expected = 0;
    qint64 found = 0;
};

Count countFrames(const QStringList& files) {
    Count count;
    double first = -1;
    double last = 0;
    for (const QString& file : files) {
        const QJsonObject probe = test::ffprobe(file, {QStringLiteral("-count_packets"), QStringLiteral("-select_streams"),
                                                        QStringLiteral("v:0")});
        const QJsonObject stream = probe.value("streams").toArray().first().toObject();
        const QJsonObject format = probe.value("format").toObject();
        const double start = format.value("start_time").toString().toDouble();
        const double duration = format.value("duration").toString().toDouble();
        count.found += stream.value("nb_read_packets").toString().toLongLong();
        first = first < 0 ? start : std::min(first, start);
        last = std::max(last, start + duration);
    }
    if (first >= 0) {
        count.expected = std::llround((last - first) * kFps);
    }
    return count;
}

QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.ts")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();
    return files;
}

struct Result {
    double cpuPerStreamMinute = 0;
    qint64 dropped = 0;
    qint64 frames = 0;
};

Result runVigil(const QStringList& urls, const Options& options, const QString& folder) {
    test::RecorderRig rig(folder, 60'000, &core::SystemClock::instance());
    QString error;
    if (!rig.start(&error)) {
        std::fprintf(stderr, "vigil: %s\n", qPrintable(error));
        return {};
    }
    while (!rig.service().indexReady()) {
        wait(50);
    }
    for (int i = 0; i < urls.size(); ++i) {
        rig.hub().open(QStringLiteral("cam%1/main").arg(i), server::StreamSource{QUrl(urls[i]), {}, {}});
    }
    wait(options.warmup * 1000);
    const double cpuStart = processCpuSeconds();
    const ThreadCpu threadsStart = threadCpu();
    QElapsedTimer window;
    window.start();
    wait(options.seconds * 1000);
    const double cpu = processCpuSeconds() - cpuStart;
    const ThreadCpu threadsEnd = threadCpu();
    const double minutes = window.elapsed() / 60000.0;
    std::printf("      (Vigil threads over the window: readers %.2f s, writer %.2f s, others %.2f s)\n",
                threadsEnd.readers - threadsStart.readers, threadsEnd.writers - threadsStart.writers,
                threadsEnd.other - threadsStart.other);
    rig.hub().closeAll();
    rig.stop();  // closes the segments

    Result result;
    result.cpuPerStreamMinute = cpu / urls.size() / minutes;
    for (int i = 0; i < urls.size(); ++i) {
        const Count count = countFrames(filesUnder(folder + QStringLiteral("/primary/cam%1").arg(i)));
        result.dropped += std::max<qint64>(0, count.expected - count.found);
        result.frames += count.found;
    }
    return result;
}

Result runFfmpeg(const QStringList& urls, const Options& options, const QString& folder) {
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < urls.size(); ++i) {
        const QString dir = folder + QStringLiteral("/cam%1").arg(i);
        QDir().mkpath(dir);
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral("ffmpeg"),
                       {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                        QStringLiteral("tcp"), QStringLiteral("-i"), urls[i], QStringLiteral("-c"), QStringLiteral("copy"),
                        QStringLiteral("-f"), QStringLiteral("segment"), QStringLiteral("-segment_time"), QStringLiteral("60"),
                        QStringLiteral("-segment_format"), QStringLiteral("mpegts"), dir + QStringLiteral("/%05d.ts")});
        processes.push_back(std::move(process));
    }
    wait(options.warmup * 1000);
    std::vector<double> starts;
    for (const auto& process : processes) {
        starts.push_back(pidCpuSeconds(process->processId()));
    }
    QElapsedTimer window;
    window.start();
    wait(options.seconds * 1000);
    double cpu = 0;
    for (size_t i = 0; i < processes.size(); ++i) {
        cpu += pidCpuSeconds(processes[i]->processId()) - starts[i];
    }
    const double minutes = window.elapsed() / 60000.0;
    for (const auto& process : processes) {
        ::kill(static_cast<pid_t>(process->processId()), SIGINT);  // ffmpeg ends its files cleanly
    }
    for (const auto& process : processes) {
        if (!process->waitForFinished(20000)) {
            process->kill();
            process->waitForFinished();
        }
    }
    Result result;
    result.cpuPerStreamMinute = cpu / urls.size() / minutes;
    for (int i = 0; i < urls.size(); ++i) {
        const Count count = countFrames(filesUnder(folder + QStringLiteral("/cam%1").arg(i)));
        result.dropped += std::max<qint64>(0, count.expected - count.found);
        result.frames += count.found;
    }
    return result;
}

Options parse(const QStringList& args) {
    Options options;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--streams")) {
            options.streams.clear();
            for (const QString& n : args[i + 1].split(QLatin1Char(','))) {
                options.streams << n.toInt();
            }
        } else if (args[i] == QLatin1String("--seconds")) {
            options.seconds = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--warmup")) {
            options.warmup = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--only")) {
            options.only = args[i + 1];
        } else if (args[i] == QLatin1String("--keep")) {
            options.keep = args[i + 1];
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    const Options options = parse(app.arguments());
    QTemporaryDir temporary;
    const QString root = options.keep.isEmpty() ? temporary.path() : options.keep;
    QDir().mkpath(root);

    const QString clip = root + QStringLiteral("/clip-1080p-4M-nob.mp4");
    if (!bench::makeCameraClip(clip)) {
        std::fprintf(stderr, "cannot make the clip with ffmpeg\n");
        return 1;
    }

    std::printf("Recording N streams of 1080p25 H.264 ~4 Mbit/s (vigil-testcamera, file loop), %d s window after %d s "
                "warm-up, on %d cores\n",
                options.seconds, options.warmup, QThread::idealThreadCount());
    std::printf("%5s | %24s | %24s | %6s | %14s | %14s\n", "N", "Vigil CPU s/stream/min", "ffmpeg CPU s/stream/min",
                "ratio", "Vigil dropped", "ffmpeg dropped");
    for (int n : options.streams) {
        QStringList cameraArgs{QStringLiteral("--rtsp-port"), QStringLiteral("0")};
        for (int i = 0; i < n; ++i) {
            cameraArgs << QStringLiteral("--camera") << QStringLiteral("name=cam%1,file=%2").arg(i).arg(clip);
        }
        QProcess camera;
        camera.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        camera.start(QStringLiteral(VIGIL_TESTCAMERA), cameraArgs);
        // The ready line is long with many cameras: wait for all of it.
        while (!camera.canReadLine() && camera.waitForReadyRead(30000)) {
        }
        if (!camera.canReadLine()) {
            std::fprintf(stderr, "vigil-testcamera did not start\n");
            return 1;
        }
        const QJsonObject ready = QJsonDocument::fromJson(camera.readLine()).object();
        QStringList urls;
        for (int i = 0; i < n; ++i) {
            urls << ready.value("urls").toObject().value(QStringLiteral("cam%1").arg(i)).toString();
        }
        const QString runDir = root + QStringLiteral("/n%1").arg(n);
        QDir(runDir).removeRecursively();
        const double cameraStart = pidCpuSeconds(camera.processId());
        const Result vigil =
            options.only != QLatin1String("ffmpeg") ? runVigil(urls, options, runDir + QStringLiteral("/vigil")) : Result{};
        const Result ffmpeg =
            options.only != QLatin1String("vigil") ? runFfmpeg(urls, options, runDir + QStringLiteral("/ffmpeg")) : Result{};
        const double cameraCpu = pidCpuSeconds(camera.processId()) - cameraStart;
        ::kill(static_cast<pid_t>(camera.processId()), SIGTERM);
        if (!camera.waitForFinished(10000)) {
            camera.kill();
            camera.waitForFinished();
        }
        std::printf("%5d | %24.3f | %24.3f | %6.2f | %6lld of %6lld | %6lld of %6lld\n", n, vigil.cpuPerStreamMinute,
                    ffmpeg.cpuPerStreamMinute,
                    ffmpeg.cpuPerStreamMinute > 0 ? vigil.cpuPerStreamMinute / ffmpeg.cpuPerStreamMinute : 0.0,
                    static_cast<long long>(vigil.dropped), static_cast<long long>(vigil.frames + vigil.dropped),
                    static_cast<long long>(ffmpeg.dropped), static_cast<long long>(ffmpeg.frames + ffmpeg.dropped));
        std::printf("      (test camera: %.1f CPU s over both runs)\n", cameraCpu);
        std::fflush(stdout);
        QDir(runDir).removeRecursively();
    }
    return 0;
}
