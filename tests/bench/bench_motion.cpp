// Server-side motion detection (issue 6, server/motion/README.md): CPU per camera of watching N sub
// streams (640x360 at 15 fps H.264 from GStreamer's RTSP server, a moving ball) with MotionWorker,
// against the reference of decoding the same streams with ffmpeg at the same rate:
//   ffmpeg -threads 1 -rtsp_transport tcp -i rtsp://.../sub -vf fps=5,scale=160:120,format=gray -f null -
// Vigil's figure is measured as this process's CPU with the workers minus the same streams read by
// the hub without them (the hub runs for recording and live anyway), and with them (reader + detection,
// which is what the ffmpeg process does in full).
// Run on demand: bench_motion [--cameras N] [--seconds S] [--width W --height H --fps F] [--pattern ball|smpte|...]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QThread>
#include <cstdio>

#include "bench/bench_support.h"
#include "media/stream_hub.h"
#include "motion/motion_worker.h"
#include "support/gst_camera.h"

using namespace vigil;

namespace {

struct Figures {
    double cpuSeconds = 0;
    double wallSeconds = 0;
};

double percentOfCore(double cpuSeconds, double wallSeconds, int cameras) {
    return 100.0 * cpuSeconds / wallSeconds / cameras;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CPU of server-side motion detection per camera against ffmpeg."));
    parser.addHelpOption();
    const QCommandLineOption cameras({QStringLiteral("cameras")}, QStringLiteral("sub streams watched"), QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption seconds({QStringLiteral("seconds")}, QStringLiteral("measured window per phase"), QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption width({QStringLiteral("width")}, QStringLiteral("sub stream width"), QStringLiteral("px"), QStringLiteral("640"));
    const QCommandLineOption height({QStringLiteral("height")}, QStringLiteral("sub stream height"), QStringLiteral("px"), QStringLiteral("360"));
    const QCommandLineOption fps({QStringLiteral("fps")}, QStringLiteral("sub stream frame rate"), QStringLiteral("n"), QStringLiteral("15"));
    const QCommandLineOption pattern({QStringLiteral("pattern")}, QStringLiteral("videotestsrc pattern (ball: a ball on black; smpte: bars with a noise box)"), QStringLiteral("name"), QStringLiteral("ball"));
    parser.addOptions({cameras, seconds, width, height, fps, pattern});
    parser.process(app);
    const int n = parser.value(cameras).toInt();
    const int windowS = parser.value(seconds).toInt();
    if (qEnvironmentVariableIsEmpty("VIGIL_TEST_SOURCE_DIR")) {
        qputenv("VIGIL_TEST_SOURCE_DIR", VIGIL_SOURCE_DIR);  // where gst_camera.py is
    }

    test::GstCamera::Options cameraOptions;
    cameraOptions.mounts = {QStringLiteral("sub:h264")};
    cameraOptions.width = parser.value(width).toInt();
    cameraOptions.height = parser.value(height).toInt();
    cameraOptions.fps = parser.value(fps).toInt();
    cameraOptions.bitrateKbps = 512;
    cameraOptions.gopSeconds = 2.0;
    cameraOptions.clock = false;
    cameraOptions.pattern = parser.value(pattern);
    test::GstCamera camera(cameraOptions);
    QString error;
    if (!camera.start(&error)) {
        std::fprintf(stderr, "cannot start the GStreamer camera: %s\n", qPrintable(error));
        return 1;
    }
    const QUrl url = camera.url(QStringLiteral("sub"));
    std::printf("Motion detection on %d sub streams (%dx%d %d fps H.264 ~512 kbit/s, pattern %s; one GStreamer mount, "
                "a connection each), %d s windows, %d cores\n",
                n, cameraOptions.width, cameraOptions.height, cameraOptions.fps, qPrintable(cameraOptions.pattern), windowS, QThread::idealThreadCount());

    auto measure = [windowS](const std::function<double()>& cpu) {
        bench::wait(3000);  // warm-up: connections, first keyframes
        const double before = cpu();
        QElapsedTimer timer;
        timer.start();
        bench::wait(windowS * 1000);
        return Figures{cpu() - before, static_cast<double>(timer.nsecsElapsed()) / 1e9};
    };

    // 1. The hub reading the streams (as it does for recording and live), nobody decoding.
    server::StreamHub hub;
    QStringList keys;
    for (int i = 0; i < n; ++i) {
        keys << QStringLiteral("cam%1/sub").arg(i);
        hub.open(keys.last(), server::StreamSource{url, {}, {}});
    }
    const Figures readOnly = measure(bench::processCpuSeconds);

    // 2. The same with a motion worker on each.
    std::vector<std::unique_ptr<server::MotionWorker>> workers;
    std::atomic<int> reports{0};
    server::MotionSettings settings;
    settings.enabled = true;
    for (const QString& key : keys) {
        workers.push_back(std::make_unique<server::MotionWorker>(hub, key, settings, [&reports](bool, int, qint64) { ++reports; }));
    }
    const Figures watching = measure(bench::processCpuSeconds);
    const server::MotionStatus status = workers.front()->status();
    workers.clear();
    hub.closeAll();

    // 3. ffmpeg decoding the same streams at the same rate, one process each.
    std::vector<std::unique_ptr<QProcess>> ffmpegs;
    for (int i = 0; i < n; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral("ffmpeg"),
                       {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"), QStringLiteral("-threads"),
                        QStringLiteral("1"), QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), QStringLiteral("-i"),
                        url.toString(), QStringLiteral("-vf"),
                        QStringLiteral("fps=%1,scale=160:120,format=gray").arg(server::MotionWorker::kPicturesPerSecond),
                        QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        ffmpegs.push_back(std::move(process));
    }
    const Figures reference = measure([&ffmpegs] {
        double total = 0;
        for (const auto& process : ffmpegs) {
            total += bench::pidCpuSeconds(process->processId());
        }
        return total;
    });
    for (const auto& process : ffmpegs) {
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }

    const double detection = percentOfCore(watching.cpuSeconds - readOnly.cpuSeconds * watching.wallSeconds / readOnly.wallSeconds,
                                           watching.wallSeconds, n);
    const double withReader = percentOfCore(watching.cpuSeconds, watching.wallSeconds, n);
    const double ffmpeg = percentOfCore(reference.cpuSeconds, reference.wallSeconds, n);
    std::printf("%-46s %8s\n", "", "% of a core per camera");
    std::printf("%-46s %8.2f\n", "hub reading only (recording/live do this anyway)", percentOfCore(readOnly.cpuSeconds, readOnly.wallSeconds, n));
    std::printf("%-46s %8.2f\n", "Vigil motion detection (workers only)", detection);
    std::printf("%-46s %8.2f\n", "Vigil reading + motion detection", withReader);
    std::printf("%-46s %8.2f\n", "ffmpeg reading + decoding at 5 fps (reference)", ffmpeg);
    std::printf("ratio Vigil (reading + detection) / ffmpeg: %.2f\n", ffmpeg > 0 ? withReader / ffmpeg : 0.0);
    std::printf("first worker: %lld packets, %lld dropped before decoding, %lld decoded, %lld compared, state %s; %d motion reports\n",
                static_cast<long long>(status.packets), static_cast<long long>(status.dropped),
                static_cast<long long>(status.decoded), static_cast<long long>(status.compared), qPrintable(status.state),
                reports.load());
    return 0;
}
