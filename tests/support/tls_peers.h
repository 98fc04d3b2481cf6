#pragma once
// Test helpers: real TLS peers on 127.0.0.1 for what the server sends out.
//  - makeTestCertificates: a test CA (ca.pem) and a server certificate for IP 127.0.0.1 signed by
//    it (server.pem, server.key), made by OpenSSL in a folder;
//  - SmtpPeer: tests/support/smtp_peer.py (Debian's aiosmtpd via /usr/bin/python3) requiring
//    STARTTLS and AUTH, writing each message to the folder;
//  - SyslogPeer: rsyslogd (rsyslog + rsyslog-gnutls) taking RFC 5425 syslog over TLS on a free
//    port, writing each message as received (RFC 5424 form) to received.log.
// Each peer is stopped by its PID when destroyed. Needs VIGIL_SOURCE_DIR.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <csignal>

namespace vigil::test {

inline constexpr int kPeerWaitMs = 20000;  // bounds a hang only

inline QByteArray readWholeFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool runTool(const QString& program, const QStringList& arguments, const QString& directory) {
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(kPeerWaitMs) || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(u' ') << "failed:" << process.readAllStandardError();
        return false;
    }
    return true;
}

// ca.pem, ca.key, server.pem, server.key (EC P-256, SAN IP:127.0.0.1) in `directory`.
inline bool makeTestCertificates(const QString& directory) {
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    QFile ext(directory + QStringLiteral("/server.ext"));
    if (!ext.open(QIODevice::WriteOnly)) {
        return false;
    }
    ext.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const QString openssl = QStringLiteral("openssl");
    return runTool(openssl,
                   QStringList{"req", "-x509"} + ec +
                       QStringList{"-subj", "/CN=Vigil test CA", "-days", "2", "-keyout", "ca.key", "-out", "ca.pem"},
                   directory) &&
           runTool(openssl,
                   QStringList{"req"} + ec + QStringList{"-subj", "/CN=peer", "-keyout", "server.key", "-out", "server.csr"},
                   directory) &&
           runTool(openssl,
                   {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days",
                    "2", "-extfile", "server.ext", "-out", "server.pem"},
                   directory);
}

inline void stopProcess(QProcess& process) {
    if (process.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        if (!process.waitForFinished(kPeerWaitMs)) {
            ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
            process.waitForFinished(kPeerWaitMs);
        }
    }
}

// The aiosmtpd peer in STARTTLS mode with the certificates of makeTestCertificates(`certificates`).
class SmtpPeer {
public:
    SmtpPeer(const QString& folder, const QString& certificates, const QString& user, const QString& password)
        : m_folder(folder) {
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(VIGIL_SOURCE_DIR "/tests/support/smtp_peer.py"), "--folder", folder, "--user",
                         user, "--password", password, "--mode", "starttls", "--cert", certificates + "/server.pem",
                         "--key", certificates + "/server.key"});
        QByteArray output;
        while (m_port == 0 && m_process.waitForReadyRead(kPeerWaitMs)) {
            output += m_process.readAllStandardOutput();
            const auto match = QRegularExpression(QStringLiteral("PORT (\\d+)\\n")).match(QString::fromLatin1(output));
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
            }
        }
    }
    ~SmtpPeer() { stopProcess(m_process); }
    SmtpPeer(const SmtpPeer&) = delete;
    SmtpPeer& operator=(const SmtpPeer&) = delete;

    quint16 port() const { return m_port; }
    QStringList messages() const { return QDir(m_folder).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name); }
    QByteArray message(const QString& name) const { return readWholeFile(m_folder + QLatin1Char('/') + name); }

    // Turns the event loop (the engine sends from it) until message number `count` has arrived.
    QByteArray waitForMessage(int count) const {
        for (int waited = 0; messages().size() < count && waited < kPeerWaitMs; waited += 20) {
            QTest::qWait(20);
        }
        return messages().size() >= count ? message(QStringLiteral("message-%1.eml").arg(count)) : QByteArray();
    }

private:
    QString m_folder;
    QProcess m_process;
    quint16 m_port = 0;
};

// rsyslogd in the foreground with its own configuration, pid file and work folder in `folder`,
// listening with TLS (gtls driver, anonymous clients) on 127.0.0.1.
class SyslogPeer {
public:
    SyslogPeer(const QString& folder, const QString& certificates) : m_folder(folder) {
        QDir().mkpath(folder);
        {
            QTcpServer probe;  // a port the OS says is free; rsyslog binds it right after
            probe.listen(QHostAddress::LocalHost, 0);
            m_port = probe.serverPort();
        }
        QFile conf(folder + QStringLiteral("/rsyslog.conf"));
        if (!conf.open(QIODevice::WriteOnly)) {
            return;
        }
        conf.write(QStringLiteral(R"(global(workDirectory="%1"
       defaultNetstreamDriver="gtls"
       defaultNetstreamDriverCAFile="%2/ca.pem"
       defaultNetstreamDriverCertFile="%2/server.pem"
       defaultNetstreamDriverKeyFile="%2/server.key")
module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
input(type="imtcp" port="%3" address="127.0.0.1")
action(type="omfile" file="%1/received.log" template="RSYSLOG_SyslogProtocol23Format")
)")
                       .arg(folder, certificates)
                       .arg(m_port)
                       .toUtf8());
        conf.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("rsyslogd"), {"-n", "-f", folder + "/rsyslog.conf", "-i", folder + "/rsyslogd.pid"});
        m_started = m_process.waitForStarted(kPeerWaitMs);
    }
    ~SyslogPeer() { stopProcess(m_process); }
    SyslogPeer(const SyslogPeer&) = delete;
    SyslogPeer& operator=(const SyslogPeer&) = delete;

    // Whether it accepts connections (rsyslog takes a moment to open its port).
    bool waitUntilListening() {
        for (int waited = 0; m_started && waited < kPeerWaitMs; waited += 100) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(500)) {
                return true;
            }
            QTest::qWait(100);
        }
        qWarning().noquote() << "rsyslogd did not listen:" << m_process.readAll();
        return false;
    }
    quint16 port() const { return m_port; }
    QByteArray received() const { return readWholeFile(m_folder + QStringLiteral("/received.log")); }
    QString output() { return QString::fromLocal8Bit(m_process.readAll()); }

private:
    QString m_folder;
    QProcess m_process;
    quint16 m_port = 0;
    bool m_started = false;
};

}  // namespace vigil::test
