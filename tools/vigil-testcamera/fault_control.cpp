#include "fault_control.h"

#include <QCoreApplication>
#include <cstdio>
#include <unistd.h>

#include "rtsp_server.h"

namespace vigil::testcamera {

FaultControl::FaultControl(RtspServer* server, bool quitOnEof, QObject* parent)
    : QObject(parent), m_server(server), m_quitOnEof(quitOnEof), m_notifier(STDIN_FILENO, QSocketNotifier::Read) {
    connect(&m_notifier, &QSocketNotifier::activated, this, &FaultControl::readStdin);
}

QString FaultControl::execute(const QString& line) {
    const QStringList words = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return QStringLiteral("error: empty command");
    }
    const QString& command = words.first();
    for (const Commands& commands : m_extraCommands) {
        if (std::optional<QString> answer = commands(line)) {
            return *answer;
        }
    }
    if (command == QLatin1String("quit")) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
        return QStringLiteral("ok");
    }
    if (words.size() != 2) {
        return QStringLiteral("error: \"%1\" needs one camera name (drop|freeze|refuse|garbage|resume|sessions <camera>)")
            .arg(command);
    }
    const QString& camera = words[1];
    Status done;
    if (command == QLatin1String("drop")) {
        done = m_server->drop(camera);
    } else if (command == QLatin1String("freeze")) {
        done = m_server->freeze(camera);
    } else if (command == QLatin1String("refuse")) {
        done = m_server->refuse(camera);
    } else if (command == QLatin1String("garbage")) {
        done = m_server->garbage(camera);
    } else if (command == QLatin1String("resume")) {
        done = m_server->resume(camera);
    } else if (command == QLatin1String("sessions")) {
        if (!m_server->hasCamera(camera)) {
            return QStringLiteral("error: There is no camera named \"%1\".").arg(camera);
        }
        return QStringLiteral("ok %1").arg(m_server->sessionCount(camera));
    } else {
        return QStringLiteral("error: unknown command \"%1\" (drop, freeze, refuse, garbage, resume, sessions, quit)")
            .arg(command);
    }
    return done.ok() ? QStringLiteral("ok") : QStringLiteral("error: ") + done.error().message;
}

void FaultControl::readStdin() {
    char chunk[4096];
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got <= 0) {
        m_notifier.setEnabled(false);
        if (m_quitOnEof) {
            QCoreApplication::quit();
        }
        return;
    }
    m_buffer.append(chunk, got);
    qsizetype end = 0;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.first(end)).trimmed();
        m_buffer.remove(0, end + 1);
        if (line.isEmpty()) {
            continue;
        }
        const QString answer = execute(line);
        std::fprintf(stdout, "%s\n", qPrintable(answer));
        std::fflush(stdout);
    }
}

}  // namespace vigil::testcamera
