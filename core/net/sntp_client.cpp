#include "net/sntp_client.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

namespace vigil::core::net {

SntpClient::SntpClient(const Clock& clock, QObject* parent) : QObject(parent), m_clock(clock) {
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_lastRefusal) {
            finish(*m_lastRefusal);
            return;
        }
        finish(
            Error::make(QStringLiteral("ntp_no_answer"),
                        QStringLiteral("The time server %1 did not answer. Check that it runs, that UDP port "
                                       "%2 is open on the way, and that the address is right.")
                            .arg(m_server.toString(), QString::number(m_server.port))));
    });
}

SntpClient::~SntpClient() {
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
    }
}

void SntpClient::cancel() {
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_timeout->stop();
    delete m_socket.data();
    m_done = nullptr;
}

void SntpClient::query(const NtpServerAddress& server, int timeoutMs, Done done) {
    cancel();
    m_server = server;
    m_lastRefusal.reset();
    m_done = std::move(done);
    m_timeout->start(timeoutMs);  // bounds the name lookup too
    const QHostAddress literal(server.host);
    if (!literal.isNull()) {
        send(literal);
        return;
    }
    m_lookupId = QHostInfo::lookupHost(server.host, this, [this](const QHostInfo& info) {
        m_lookupId = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            finish(Error::make(QStringLiteral("ntp_name_not_found"),
                               QStringLiteral("The time server name %1 cannot be resolved (%2). Check the name "
                                              "and this server's DNS settings.")
                                   .arg(m_server.host, info.errorString())));
            return;
        }
        send(info.addresses().constFirst());
    });
}

void SntpClient::send(const QHostAddress& address) {
    auto* socket = new QUdpSocket(this);
    m_socket = socket;
    // Connected, so the kernel drops datagrams from anyone but the server, and a closed port shows
    // up at once as "connection refused" instead of a timeout.
    socket->connectToHost(address, m_server.port);
    connect(socket, &QUdpSocket::readyRead, this, &SntpClient::readAnswers);
    connect(socket, &QUdpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (socket != m_socket || error != QAbstractSocket::ConnectionRefusedError) {
            return;  // others (a stray ICMP...) leave it to the timeout
        }
        finish(Error::make(QStringLiteral("ntp_no_answer"),
                           QStringLiteral("Nothing serves time at %1 (the port is closed). Check the address "
                                          "and port of the time server.")
                               .arg(m_server.toString())));
    });
    m_originateMs = m_clock.nowMs();
    socket->write(SntpPacket::request(m_originateMs));
}

void SntpClient::readAnswers() {
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(SntpPacket::kSize * 4);
        auto sample = SntpPacket::parse(datagram.data(), m_originateMs, m_clock.nowMs());
        // An answer to an older request (originate mismatch) is not the end: ours may still come.
        if (!sample && sample.error().code == QLatin1String("ntp_bad_answer")) {
            m_lastRefusal = sample.error();
            continue;
        }
        finish(sample);
        return;
    }
}

void SntpClient::finish(const Result<SntpSample>& result) {
    m_timeout->stop();
    if (m_socket) {
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done) {
        done(result);
    }
}

}  // namespace vigil::core::net
