#pragma once
// What the media benchmarks share: CPU time of this process and of others (from /proc), an event
// loop that runs for a while (the engine works meanwhile), and the camera clip they loop.

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

namespace vigil::bench {

// User + system time of this process, all threads, in seconds.
inline double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

// utime + stime of a process (or, with a /proc/self/task/<tid> path, a thread) from its stat file.
inline double statCpuSeconds(const QString& statPath) {
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 0, utime 11, stime 12.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

inline double pidCpuSeconds(qint64 pid) {
    return statCpuSeconds(QStringLiteral("/proc/%1/stat").arg(pid));
}

// Runs the event loop for `ms` without polling.
inline void wait(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The cameras' clip: 1080p25 H.264 at about 4 Mbit/s, 30 s, a keyframe every 2 s, moving content,
// no B-frames (as cameras send: they add latency). Made once with the ffmpeg tool.
inline bool makeCameraClip(const QString& path) {
    if (QFileInfo::exists(path)) {
        return true;
    }
    std::printf("making %s ...\n", qPrintable(path));
    std::fflush(stdout);
    return QProcess::execute(
               QStringLiteral("ffmpeg"),
               {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                QStringLiteral("-i"), QStringLiteral("testsrc2=size=1920x1080:rate=25:duration=30"), QStringLiteral("-c:v"),
                QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"), QStringLiteral("-b:v"),
                QStringLiteral("4M"), QStringLiteral("-maxrate"), QStringLiteral("4M"), QStringLiteral("-bufsize"),
                QStringLiteral("8M"), QStringLiteral("-g"), QStringLiteral("50"), QStringLiteral("-bf"), QStringLiteral("0"),
                QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path}) == 0;
}

}  // namespace vigil::bench
