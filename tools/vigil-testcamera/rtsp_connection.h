#pragma once
// RtspConnection: one player's TCP connection. Parses its requests (core's RtspMessageParser),
// hands them to the server, writes answers and, for sessions over TCP, interleaved RTP/RTCP
// frames. A player that reads too slowly loses frames rather than growing our buffers without
// bound.

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTcpSocket>

#include "media/rtsp/rtsp_message.h"

namespace vigil::testcamera {

class RtspConnection : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kMaxBufferedBytes = 8 * 1024 * 1024;

    explicit RtspConnection(QTcpSocket* socket, QObject* parent = nullptr);

    void send(const core::media::rtsp::RtspMessage& message);
    // All packets of one frame on one channel; false when they were dropped (player too slow or gone).
    bool sendInterleaved(int channel, const QList<QByteArray>& packets);
    void close();  // abort: the player sees the connection end at once

    QHostAddress peerAddress() const { return m_socket->peerAddress(); }
    QHostAddress localAddress() const { return m_socket->localAddress(); }
    bool isOpen() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    // The camera this connection's requests named (for drop, freeze, refuse).
    QString camera() const { return m_camera; }
    void setCamera(const QString& camera) { m_camera = camera; }
    qint64 droppedFrames() const { return m_droppedFrames; }

signals:
    void requestReceived(vigil::testcamera::RtspConnection* connection,
                         const vigil::core::media::rtsp::RtspMessage& request);
    void dataReceived(vigil::testcamera::RtspConnection* connection);  // interleaved RTCP from the player
    void closed(vigil::testcamera::RtspConnection* connection);

private:
    void readAvailable();

    QTcpSocket* m_socket;
    core::media::rtsp::RtspMessageParser m_parser{core::media::rtsp::RtspMessageParser::Expect::Requests};
    QString m_camera;
    qint64 m_droppedFrames = 0;
    bool m_closed = false;
};

}  // namespace vigil::testcamera
