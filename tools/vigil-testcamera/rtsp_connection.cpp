#include "rtsp_connection.h"

namespace vigil::testcamera {

using core::media::rtsp::InterleavedFrame;
using core::media::rtsp::RtspItem;
using core::media::rtsp::RtspMessage;

RtspConnection::RtspConnection(QTcpSocket* socket, QObject* parent) : QObject(parent), m_socket(socket) {
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &RtspConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            emit closed(this);
        }
    });
}

void RtspConnection::readAvailable() {
    const QByteArray bytes = m_socket->readAll();
    if (const auto fed = m_parser.feed(bytes); !fed) {
        // Not RTSP: answer once as RTSP does and hang up.
        RtspMessage answer = RtspMessage::response(400, 0);
        answer.headers.remove("CSeq");
        m_socket->write(answer.serialize());
        m_socket->flush();
        close();
        return;
    }
    while (m_parser.hasItem() && !m_closed) {
        RtspItem item = m_parser.takeItem();
        if (const auto* request = std::get_if<RtspMessage>(&item)) {
            emit requestReceived(this, *request);
        } else {
            emit dataReceived(this);
        }
    }
}

void RtspConnection::send(const RtspMessage& message) {
    if (!m_closed) {
        m_socket->write(message.serialize());
    }
}

bool RtspConnection::sendInterleaved(int channel, const QList<QByteArray>& packets) {
    if (m_closed || m_socket->bytesToWrite() > kMaxBufferedBytes) {
        ++m_droppedFrames;
        return false;
    }
    qsizetype total = 0;
    for (const QByteArray& packet : packets) {
        total += 4 + packet.size();
    }
    QByteArray out;
    out.reserve(total);
    for (const QByteArray& packet : packets) {
        out.append('$');
        out.append(static_cast<char>(channel));
        out.append(static_cast<char>((packet.size() >> 8) & 0xff));
        out.append(static_cast<char>(packet.size() & 0xff));
        out.append(packet);
    }
    m_socket->write(out);
    return true;
}

void RtspConnection::close() {
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_socket->abort();
    emit closed(this);
}

}  // namespace vigil::testcamera
