#pragma once
// Test peer: chronyd serving NTP on a free UDP port of 127.0.0.1 (SEC-1.5 tests). It runs in the
// foreground with its own configuration, pid and drift files in a temporary folder, no command port,
// and never touches the host's clock (-x); "local stratum 8" makes it answer from its own clock at
// once. Started by hand, stopped by its PID (QProcess::kill of the one process it started).

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>
#include <memory>

#include "net/sntp_packet.h"

namespace vigil::test {

// A UDP port on 127.0.0.1 where nothing listens: bound by the OS, then let go.
inline quint16 freeUdpPort() {
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

class ChronyPeer {
public:
    ~ChronyPeer() { stop(); }

    static QString binary() {
        const QString found = QStandardPaths::findExecutable(QStringLiteral("chronyd"),
                                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        return found.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("chronyd")) : found;
    }

    // Starts chronyd and waits until it answers an NTP request; false with `error` set otherwise.
    bool start(QString* error) {
        if (binary().isEmpty()) {
            *error = QStringLiteral("chronyd is not installed (tools/install-deps.sh installs chrony)");
            return false;
        }
        m_port = freeUdpPort();
        const QString dir = m_dir.path();
        QFile config(dir + QStringLiteral("/chrony.conf"));
        if (!config.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(config.fileName());
            return false;
        }
        config.write(QStringLiteral("port %1\nbindaddress 127.0.0.1\nlocal stratum 8\nallow 127.0.0.1\n"
                                    "cmdport 0\npidfile %2/chronyd.pid\ndriftfile %2/drift\n")
                         .arg(m_port)
                         .arg(dir)
                         .toUtf8());
        config.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        // -d foreground with the log on stderr, -x leave the host's clock alone, -u root: no user switch
        // (the temporary folder belongs to the test).
        QStringList arguments{QStringLiteral("-d"), QStringLiteral("-x"), QStringLiteral("-f"), config.fileName()};
        if (QDir::home().path() == QStringLiteral("/root") || qEnvironmentVariable("USER") == QStringLiteral("root")) {
            arguments << QStringLiteral("-u") << QStringLiteral("root");
        }
        m_process->start(binary(), arguments);
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("chronyd did not start: %1").arg(m_process->errorString());
            return false;
        }
        QElapsedTimer waited;
        waited.start();
        while (!answers()) {
            if (waited.hasExpired(15000) || m_process->state() != QProcess::Running) {
                *error = QStringLiteral("chronyd does not answer on port %1: %2")
                             .arg(m_port)
                             .arg(QString::fromLocal8Bit(m_process->readAll()));
                stop();
                return false;
            }
            QThread::msleep(100);
        }
        return true;
    }

    void stop() {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();  // our own child, by its PID
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

private:
    bool answers() const {
        QUdpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        socket.write(core::net::SntpPacket::request(QDateTime::currentMSecsSinceEpoch()));
        return socket.waitForReadyRead(500) && socket.hasPendingDatagrams();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

}  // namespace vigil::test
