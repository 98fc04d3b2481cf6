#pragma once
// Runs an outside client (ffprobe, ffmpeg, gst-launch-1.0) to completion with a bound on how long
// it may hang, and keeps what it printed.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <memory>

namespace vigil::test {

struct ToolRun {
    bool finished = false;  // false: it hung past the bound and was killed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return finished && exitCode == 0; }
    QString describe() const {
        return QStringLiteral("finished=%1 exit=%2 stderr=%3").arg(finished).arg(exitCode).arg(QString::fromUtf8(err.right(2000)));
    }
};

// Started in the background; finish() waits.
class Tool {
public:
    Tool(const QString& program, const QStringList& arguments) {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.start();
    }
    ~Tool() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    ToolRun finish(int boundMs) {
        ToolRun run;
        run.finished = m_process.waitForFinished(boundMs);
        if (!run.finished) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.out = m_process.readAllStandardOutput();
        run.err = m_process.readAllStandardError();
        return run;
    }

private:
    QProcess m_process;
};

inline ToolRun runTool(const QString& program, const QStringList& arguments, int boundMs = 60000) {
    return Tool(program, arguments).finish(boundMs);
}

// ffprobe's streams as JSON: {"streams": [{"codec_name": ..., "width": ...}, ...]}.
inline QJsonObject ffprobe(const QStringList& inputArguments, ToolRun* run = nullptr) {
    const ToolRun result = runTool(QStringLiteral("ffprobe"),
                                   QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                                               QStringLiteral("stream=codec_name,codec_type,width,height,sample_rate:format=duration"),
                                               QStringLiteral("-of"), QStringLiteral("json")} +
                                       inputArguments);
    if (run) {
        *run = result;
    }
    return QJsonDocument::fromJson(result.out).object();
}

}  // namespace vigil::test
