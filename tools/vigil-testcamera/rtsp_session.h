#pragma once
// RtspSession: one player's RTSP session on one camera (RFC 2326 section 3.4): the tracks it set
// up and how each travels (interleaved on the RTSP connection, or UDP to the player's ports),
// whether it plays, and when the player last showed signs of life (for the session timeout).

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QPointer>
#include <QUdpSocket>

#include "camera_stream.h"
#include "rtsp_connection.h"

namespace vigil::testcamera {

struct TrackTransport {
    bool tcp = true;
    int rtpChannel = 0;  // TCP
    int rtcpChannel = 1;
    quint16 clientRtpPort = 0;  // UDP
    quint16 clientRtcpPort = 0;
};

class RtspSession : public CameraSink {
public:
    RtspSession(QByteArray id, CameraStream* camera, RtspConnection* connection, QUdpSocket* rtpSocket,
                QUdpSocket* rtcpSocket, int timeoutSeconds);
    ~RtspSession() override;

    const QByteArray& id() const { return m_id; }
    CameraStream* camera() const { return m_camera; }
    RtspConnection* connection() const { return m_connection.data(); }
    void setConnection(RtspConnection* connection) { m_connection = connection; }
    QHostAddress peer() const { return m_peer; }
    int timeoutSeconds() const { return m_timeoutSeconds; }

    void setUp(int track, const TrackTransport& transport) { m_tracks.insert(track, transport); }
    const QMap<int, TrackTransport>& tracks() const { return m_tracks; }
    bool usesTcp() const;

    void play();
    void pause();
    bool isPlaying() const { return m_playing; }

    void touch() { m_lastActivity.restart(); }
    bool hasExpired() const { return m_lastActivity.elapsed() > qint64(m_timeoutSeconds) * 1000; }

    void sendRtp(int track, const QList<QByteArray>& packets) override;
    void sendRtcp(int track, const QByteArray& packet) override;

private:
    QByteArray m_id;
    CameraStream* m_camera;
    QPointer<RtspConnection> m_connection;
    QHostAddress m_peer;
    QUdpSocket* m_rtpSocket;
    QUdpSocket* m_rtcpSocket;
    int m_timeoutSeconds;
    QMap<int, TrackTransport> m_tracks;
    QElapsedTimer m_lastActivity;
    bool m_playing = false;
};

}  // namespace vigil::testcamera
