#pragma once
// Test helpers for media: independent tools as judges and peers on 127.0.0.1.
//  - ffprobe(): what FFmpeg's own prober says about a file or URL (JSON: streams, format).
//  - makeClip(): a short test clip made by the ffmpeg command-line tool.
//  - HttpFileServer: Python's http.server serving a folder (a web server that is not a camera).
//  - unusedPort(): a TCP port on 127.0.0.1 that nothing listens on (the OS picked it).

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <csignal>

namespace vigil::test {

inline QJsonObject ffprobe(const QString& target, const QStringList& extra = {}) {
    QProcess process;
    process.start(QStringLiteral("ffprobe"), QStringList{QStringLiteral("-v"), QStringLiteral("error"),
                                                         QStringLiteral("-show_streams"), QStringLiteral("-show_format"),
                                                         QStringLiteral("-of"), QStringLiteral("json")} +
                                                 extra + QStringList{target});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// Frames (or packets with -count_packets) of the first video stream, as ffprobe counts them.
inline QJsonObject ffprobeVideoCounts(const QString& target) {
    return ffprobe(target, {QStringLiteral("-count_packets"), QStringLiteral("-select_streams"), QStringLiteral("v:0")});
}

// `codec`: libx264 | libx265; with `audio`, an AAC tone as well. Keyframes every second.
inline bool makeClip(const QString& path, int seconds, const QString& codec = QStringLiteral("libx264"),
                     bool audio = false) {
    QStringList args{QStringLiteral("-v"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("testsrc2=size=320x240:rate=25:duration=%1").arg(seconds)};
    if (audio) {
        args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
             << QStringLiteral("sine=frequency=440:sample_rate=48000:duration=%1").arg(seconds)
             << QStringLiteral("-c:a") << QStringLiteral("aac");
    }
    args << QStringLiteral("-c:v") << codec << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
         << QStringLiteral("-g") << QStringLiteral("25") << path;
    if (codec == QLatin1String("libx265")) {
        args.insert(args.size() - 1, QStringLiteral("-x265-params"));
        args.insert(args.size() - 1, QStringLiteral("log-level=error"));
    }
    return QProcess::execute(QStringLiteral("ffmpeg"), args) == 0;
}

inline quint16 unusedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();  // closed again when `server` goes: nothing listens there now
}

class HttpFileServer {
public:
    explicit HttpFileServer(const QString& folder) {
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("0"),
                         QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--directory"), folder});
        QByteArray output;
        static const QRegularExpression kPort(QStringLiteral("port (\\d+)"));
        while (m_port == 0 && m_process.waitForReadyRead(15000)) {
            output += m_process.readAllStandardOutput();
            const auto match = kPort.match(QString::fromLatin1(output));
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
            }
        }
    }
    ~HttpFileServer() {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }
    quint16 port() const { return m_port; }
    QString url(const QString& file) const { return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(file); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

}  // namespace vigil::test
