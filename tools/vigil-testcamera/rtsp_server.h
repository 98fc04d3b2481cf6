#pragma once
// RtspServer: the RTSP/1.0 side of vigil-testcamera. Serves each camera at rtsp://host:port/<name>
// with OPTIONS, DESCRIBE, SETUP (RTP/AVP/TCP interleaved or RTP/AVP UDP unicast), PLAY (with
// RTP-Info), PAUSE, GET_PARAMETER / SET_PARAMETER (keep-alive) and TEARDOWN; sessions end after
// their timeout without a sign of life. Cameras with a user and password ask for Digest (or Basic)
// authentication on every request but OPTIONS.
//
// Faults for tests (see README.md): drop, freeze, refuse, garbage, resume.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QUdpSocket>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>

#include "camera_config.h"
#include "camera_stream.h"
#include "rtsp_connection.h"
#include "rtsp_session.h"

namespace vigil::testcamera {

class RtspServer : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultSessionTimeoutSeconds = 60;

    explicit RtspServer(QObject* parent = nullptr);
    ~RtspServer() override;

    // Opens every camera's file (filling in codec, size, rate), listens on address:port (0: the
    // OS picks) and the UDP pair, and starts the cameras.
    Status start(const QList<CameraConfig>& cameras, const QHostAddress& address, quint16 port);
    void setSessionTimeout(int seconds) { m_sessionTimeoutSeconds = seconds; }

    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    QList<CameraConfig> cameras() const;
    bool hasCamera(const QString& name) const { return m_cameras.count(name) > 0; }
    // rtsp://<host>:<port>/<name>; host defaults to the listening address.
    QUrl rtspUrl(const QString& camera, const QString& host = {}) const;

    // Faults, by camera name; an error names a camera that does not exist.
    Status drop(const QString& camera);     // close its players' connections and sessions now
    Status freeze(const QString& camera);   // connections stay, nothing is sent or answered
    Status refuse(const QString& camera);   // new requests get 503 Service Unavailable
    Status garbage(const QString& camera);  // RTP packets carry bytes that are not media
    Status resume(const QString& camera);   // all of the above undone

    int sessionCount(const QString& camera) const;
    // New requests must carry this password (sessions already playing go on, as on cameras).
    Status setPassword(const QString& camera, const QString& password);

private:
    struct Camera {
        std::unique_ptr<CameraStream> stream;
        bool refusing = false;
    };

    void accept();
    void handle(RtspConnection* connection, const core::media::rtsp::RtspMessage& request);
    void connectionClosed(RtspConnection* connection);
    void readUdp(QUdpSocket* socket);
    void expireSessions();

    core::media::rtsp::RtspMessage handleDescribe(const core::media::rtsp::RtspMessage& request, Camera& camera,
                                                   const QString& host);
    core::media::rtsp::RtspMessage handleSetup(RtspConnection* connection,
                                                const core::media::rtsp::RtspMessage& request, Camera& camera,
                                                const QString& trackPart);
    core::media::rtsp::RtspMessage handlePlay(const core::media::rtsp::RtspMessage& request, RtspSession& session,
                                               const QString& host);
    // Empty when the request may go on; else the 401 to send.
    std::optional<core::media::rtsp::RtspMessage> checkAuth(const core::media::rtsp::RtspMessage& request,
                                                             const CameraConfig& camera);
    QByteArray newNonce();
    Camera* findCamera(const QString& name);
    Status changeCamera(const QString& name, const std::function<void(Camera&)>& change);
    RtspSession* findSession(const core::media::rtsp::RtspMessage& request);
    void endSession(const QByteArray& id);

    QTcpServer m_server;
    QUdpSocket m_rtpSocket;
    QUdpSocket m_rtcpSocket;
    QTimer m_expiry;
    std::map<QString, Camera> m_cameras;
    QList<QString> m_cameraOrder;
    QList<RtspConnection*> m_connections;
    std::map<QByteArray, std::unique_ptr<RtspSession>> m_sessions;
    QHash<QByteArray, qint64> m_nonces;  // nonce -> issued (ms since epoch)
    int m_sessionTimeoutSeconds = kDefaultSessionTimeoutSeconds;
};

}  // namespace vigil::testcamera
