#pragma once
// Test fixture: an independent RTSP camera (tests/support/gst_camera.py, GStreamer's RTSP server)
// on 127.0.0.1. Starts it, waits for its JSON ready line, and stops it by PID when the fixture goes.
//
// gst-rtsp-server once crashed on three simultaneous cold clients, so the fixture supervises the
// process: when it exits without being asked to, it is started again on the same port (see
// restarts()). A test that stops the camera on purpose (stop(), kill()) turns supervision off until
// the next start().

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>
#include <csignal>
#include <memory>

namespace vigil::test {

class GstCamera {
public:
    struct Options {
        QStringList mounts{QStringLiteral("main:h264")};  // NAME:CODEC[+aac]
        QString user;  // digest authentication when set
        QString password;
        int width = 640;
        int height = 360;
        int fps = 25;
        int bitrateKbps = 800;
        double gopSeconds = 2.0;
        QString pattern = QStringLiteral("ball");  // videotestsrc pattern; "snow" keeps the encoder at its bitrate
        int bframes = 0;  // H.264 B-frames (pictures out of order); cameras send none
        bool clock = true;  // the wall clock burnt in at the top left (it changes every second)
        quint16 port = 0;  // 0: the OS picks; restarts reuse the port it picked
    };

    GstCamera() : GstCamera(Options{}) {}
    explicit GstCamera(Options options) : m_options(std::move(options)) {}
    ~GstCamera() { stop(); }
    GstCamera(const GstCamera&) = delete;
    GstCamera& operator=(const GstCamera&) = delete;

    static QString scriptPath() {
        return qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") + QStringLiteral("/tests/support/gst_camera.py");
    }

    // Starts the camera and waits (up to 30 s) for it to accept connections.
    bool start(QString* error = nullptr) {
        m_supervised = false;
        if (!launch(error)) {
            return false;
        }
        m_supervised = true;
        return true;
    }

    // SIGTERM (the camera closes its clients), then SIGKILL if it lingers.
    void stop() { end(SIGTERM); }
    // SIGKILL: the camera vanishes without closing its connections' RTSP sessions.
    void kill() { end(SIGKILL); }
    // SIGUSR1: the picture turns black and stays still (gst_camera.py).
    void still() {
        if (isRunning()) {
            ::kill(static_cast<pid_t>(m_process->processId()), SIGUSR1);
        }
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    int restarts() const { return m_restarts; }
    QString output() const { return m_stderr; }  // what the camera wrote to stderr

    QUrl url(const QString& mount = QStringLiteral("main")) const {
        return QUrl(QStringLiteral("rtsp://127.0.0.1:%1/%2").arg(m_port).arg(mount));
    }

private:
    bool launch(QString* error) {
        auto fail = [&](const QString& message) {
            if (error) {
                *error = message + QStringLiteral("; stderr: ") + m_stderr;
            }
            end(SIGKILL);
            return false;
        };
        m_process = std::make_unique<QProcess>();
        QStringList args{scriptPath(),
                         QStringLiteral("--port"),
                         QString::number(m_port ? m_port : m_options.port),
                         QStringLiteral("--width"),
                         QString::number(m_options.width),
                         QStringLiteral("--height"),
                         QString::number(m_options.height),
                         QStringLiteral("--fps"),
                         QString::number(m_options.fps),
                         QStringLiteral("--bitrate"),
                         QString::number(m_options.bitrateKbps),
                         QStringLiteral("--gop"),
                         QString::number(m_options.gopSeconds),
                         QStringLiteral("--pattern"),
                         m_options.pattern,
                         QStringLiteral("--bframes"),
                         QString::number(m_options.bframes)};
        if (!m_options.clock) {
            args << QStringLiteral("--no-clock");
        }
        for (const QString& mount : m_options.mounts) {
            args << QStringLiteral("--mount") << mount;
        }
        if (!m_options.user.isEmpty()) {
            args << QStringLiteral("--user") << m_options.user << QStringLiteral("--password") << m_options.password;
        }
        m_stderr.clear();
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                         [this] { m_stderr += QString::fromUtf8(m_process->readAllStandardError()); });
        QObject::connect(m_process.get(), &QProcess::finished, m_process.get(), [this] { supervise(); });
        m_process->start(QStringLiteral("/usr/bin/python3"), args);
        if (!m_process->waitForStarted(10000)) {
            return fail(QStringLiteral("cannot run /usr/bin/python3 ") + scriptPath());
        }
        const QDeadlineTimer deadline(30000);
        QByteArray line;
        while (!line.endsWith('\n')) {
            if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
                return fail(QStringLiteral("the camera gave no ready line"));
            }
            if (m_process->waitForReadyRead(200)) {
                line += m_process->readAllStandardOutput();
            }
        }
        const QJsonObject ready = QJsonDocument::fromJson(line.trimmed()).object();
        if (!ready.value(QStringLiteral("ready")).toBool()) {
            return fail(QStringLiteral("unexpected ready line: ") + QString::fromUtf8(line));
        }
        m_port = static_cast<quint16>(ready.value(QStringLiteral("port")).toInt());
        return true;
    }

    void supervise() {
        if (!m_supervised) {
            return;
        }
        ++m_restarts;
        qWarning("gst_camera.py exited unasked (%s); restarting it on port %u", qPrintable(m_stderr.trimmed()),
                 m_port);
        // Deferred: this runs inside the dying QProcess's own signal.
        QMetaObject::invokeMethod(
            m_guard.get(),
            [this] {
                if (m_supervised && !isRunning()) {
                    (void)launch(nullptr);
                }
            },
            Qt::QueuedConnection);
    }

    void end(int signal) {
        m_supervised = false;
        if (!m_process) {
            return;
        }
        if (m_process->state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(m_process->processId()), signal);
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_stderr += QString::fromUtf8(m_process->readAllStandardError());
        m_process->disconnect();
        m_process.reset();
    }

    Options m_options;
    std::unique_ptr<QObject> m_guard = std::make_unique<QObject>();  // cancels a pending restart when we go
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_supervised = false;
    int m_restarts = 0;
    QString m_stderr;
};

}  // namespace vigil::test
