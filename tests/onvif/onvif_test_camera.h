#pragma once
// OnvifTestCamera: vigil-testcamera with its ONVIF side (--onvif-port 0 --discovery-port 0) as a
// child process on 127.0.0.1. Like tests/testcamera/test_camera.h, whose clips it uses, but it
// keeps every line the camera prints: PTZ calls come as "onvif ptz ..." lines between the answers
// to commands, and tests look for them. The camera is killed by PID when the fixture goes; it also
// quits when its stdin (our pipe) closes.

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>
#include <csignal>
#include <memory>

#include "testcamera/test_camera.h"

namespace vigil::test {

// QVERIFY2 evaluates its message even when the check passes: only read the error when there is one.
// (Any Result<T> of core/common/result.h; a template on the whole type so this header needs no core.)
template <typename AnyResult>
const char* why(const AnyResult& result) {
    static thread_local QByteArray text;
    text = result.ok() ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}


class OnvifTestCamera {
public:
    OnvifTestCamera() = default;
    ~OnvifTestCamera() { stop(); }
    OnvifTestCamera(const OnvifTestCamera&) = delete;
    OnvifTestCamera& operator=(const OnvifTestCamera&) = delete;

    // The H.264 clip every ONVIF test camera loops (made once, cached).
    static QString clip(QString* error) {
        return TestCamera::clip(QStringLiteral("onvif-h264-640x360.mp4"),
                                {QStringLiteral("--seconds"), QStringLiteral("4")}, error);
    }

    // `cameras`: --camera specs without the file ("name=cam1,user=u,password=p,ptz=1").
    bool start(const QStringList& cameras, const QStringList& extraArguments, QString* error) {
        stop();
        const QString file = clip(error);
        if (file.isEmpty()) {
            return false;
        }
        QStringList arguments{QStringLiteral("--quit-on-eof"), QStringLiteral("--onvif-port"), QStringLiteral("0"),
                              QStringLiteral("--discovery-port"), QStringLiteral("0")};
        for (const QString& camera : cameras) {
            arguments << QStringLiteral("--camera") << camera + QStringLiteral(",file=") + file;
        }
        arguments += extraArguments;
        m_process = std::make_unique<QProcess>();
        m_process->start(TestCamera::binaryPath(), arguments);
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot run ") + TestCamera::binaryPath();
            return false;
        }
        const QByteArray line = readLine(30000);
        m_ready = QJsonDocument::fromJson(line).object();
        if (!m_ready.value(QStringLiteral("ready")).toBool() || !m_ready.contains(QStringLiteral("onvif_port"))) {
            *error = QStringLiteral("no ready line with onvif_port (got \"%1\"); stderr: %2")
                         .arg(QString::fromUtf8(line), QString::fromUtf8(m_process->readAllStandardError()));
            stop();
            return false;
        }
        return true;
    }

    void stop() {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
            m_process->waitForFinished(10000);
        }
        m_process.reset();
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    const QJsonObject& ready() const { return m_ready; }
    QJsonObject camera(const QString& name) const {
        for (const QJsonValue& camera : m_ready.value(QStringLiteral("cameras")).toArray()) {
            if (camera.toObject().value(QStringLiteral("name")).toString() == name) {
                return camera.toObject();
            }
        }
        return {};
    }
    QUrl deviceUrl(const QString& name) const { return QUrl(camera(name).value(QStringLiteral("onvif")).toString()); }
    QUrl rtspUrl(const QString& name) const { return QUrl(camera(name).value(QStringLiteral("url")).toString()); }
    quint16 onvifPort() const { return static_cast<quint16>(m_ready.value(QStringLiteral("onvif_port")).toInt()); }
    quint16 discoveryPort() const {
        return static_cast<quint16>(m_ready.value(QStringLiteral("discovery_port")).toInt());
    }

    // Sends a command line and returns its answer ("ok ...", "error: ..."), empty on timeout.
    // Other lines that come meanwhile are kept for waitForLine().
    QString command(const QString& line, int timeoutMs = 10000) {
        if (!isRunning()) {
            return {};
        }
        m_process->write(line.toUtf8() + '\n');
        m_process->waitForBytesWritten(timeoutMs);
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const QString answer = QString::fromUtf8(readLine(static_cast<int>(deadline.remainingTime())));
            if (answer.startsWith(QStringLiteral("ok")) || answer.startsWith(QStringLiteral("error"))) {
                return answer;
            }
            if (!answer.isEmpty()) {
                m_lines.append(answer);
            }
        }
        return {};
    }

    // The first printed line starting with `prefix` not taken before (waits for it).
    QString waitForLine(const QString& prefix, int timeoutMs = 10000) {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                if (m_lines.at(i).startsWith(prefix)) {
                    return m_lines.takeAt(i);
                }
            }
            if (deadline.hasExpired()) {
                return {};
            }
            const QByteArray line = readLine(static_cast<int>(deadline.remainingTime()));
            if (!line.isEmpty()) {
                m_lines.append(QString::fromUtf8(line));
            }
        }
    }

    QString standardError() { return m_process ? QString::fromUtf8(m_process->readAllStandardError()) : QString(); }

private:
    QByteArray readLine(int timeoutMs) {
        const QDeadlineTimer deadline(std::max(timeoutMs, 0));
        while (!m_process->canReadLine()) {
            if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
                return {};
            }
            m_process->waitForReadyRead(50);
        }
        return m_process->readLine().trimmed();
    }

    std::unique_ptr<QProcess> m_process;
    QJsonObject m_ready;
    QStringList m_lines;
};

}  // namespace vigil::test
