#include "rtsp_session.h"

namespace vigil::testcamera {

RtspSession::RtspSession(QByteArray id, CameraStream* camera, RtspConnection* connection, QUdpSocket* rtpSocket,
                         QUdpSocket* rtcpSocket, int timeoutSeconds)
    : m_id(std::move(id)),
      m_camera(camera),
      m_connection(connection),
      m_peer(connection->peerAddress()),
      m_rtpSocket(rtpSocket),
      m_rtcpSocket(rtcpSocket),
      m_timeoutSeconds(timeoutSeconds) {
    m_lastActivity.start();
}

RtspSession::~RtspSession() {
    m_camera->removeSink(this);
}

bool RtspSession::usesTcp() const {
    for (const TrackTransport& transport : m_tracks) {
        if (transport.tcp) {
            return true;
        }
    }
    return false;
}

void RtspSession::play() {
    m_playing = true;
    m_camera->addSink(this);
}

void RtspSession::pause() {
    m_playing = false;
    m_camera->removeSink(this);
}

void RtspSession::sendRtp(int track, const QList<QByteArray>& packets) {
    const auto found = m_tracks.constFind(track);
    if (found == m_tracks.constEnd()) {
        return;
    }
    if (found->tcp) {
        if (m_connection) {
            m_connection->sendInterleaved(found->rtpChannel, packets);
        }
        return;
    }
    for (const QByteArray& packet : packets) {
        m_rtpSocket->writeDatagram(packet, m_peer, found->clientRtpPort);
    }
}

void RtspSession::sendRtcp(int track, const QByteArray& packet) {
    const auto found = m_tracks.constFind(track);
    if (found == m_tracks.constEnd()) {
        return;
    }
    if (found->tcp) {
        if (m_connection) {
            m_connection->sendInterleaved(found->rtcpChannel, {packet});
        }
        return;
    }
    m_rtcpSocket->writeDatagram(packet, m_peer, found->clientRtcpPort);
}

}  // namespace vigil::testcamera
