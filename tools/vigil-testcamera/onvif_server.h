#pragma once
// OnvifServer: vigil-testcamera's ONVIF side. One HTTP port (loopback by default) serves every
// camera as its own ONVIF device under /onvif/<camera>/ (device_service, media, ptz, events,
// pullpoint/<n>, snapshot.jpg); a DiscoveryResponder answers WS-Discovery probes for them.
//
// Authentication, for cameras with a user: everything but the PRE_AUTH operations needs either a
// WS-Security UsernameToken digest (checked against the camera's clock, which --onvif-clock-offset
// can put ahead or behind) or HTTP Digest. --onvif-auth picks what is accepted: "any" (default:
// WS-Security, or HTTP Digest after a 401 challenge when no token came), "wsse" (token only, as
// most cameras) or "digest" (HTTP Digest only; tokens are ignored, as some cameras do).
//
// Commands (stdin, through FaultControl): "motion <cam> on|off" raises a motion event;
// "onvif-fault <cam> none|garbage|truncated|html|silent" makes the camera's ONVIF answers bad;
// "pullpoints <cam>" answers "ok <number of event subscriptions>", "onvif-requests <cam>" "ok <number
// of HTTP requests so far>".
// PTZ calls are printed on stdout as "onvif ptz <cam> <Operation> key=value..." lines.

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "common/result.h"
#include "media/rtsp/rtsp_auth.h"
#include "onvif_device.h"
#include "onvif_http.h"
#include "onvif_options.h"

namespace vigil::testcamera {

class DiscoveryResponder;
class RtspServer;

// The ONVIF view of the RTSP server's cameras (stream URLs, codec, size, PTZ, credentials).
QList<OnvifCamera> onvifCameras(const RtspServer& server);

class OnvifServer : public QObject {
    Q_OBJECT

public:
    using Print = std::function<void(const QString&)>;

    // `print` writes a line to stdout (PTZ calls); problems with requests go to stderr.
    explicit OnvifServer(Print print, QObject* parent = nullptr);
    ~OnvifServer() override;

    core::Status start(const QList<OnvifCamera>& cameras, const QHostAddress& address, const OnvifOptions& options);

    quint16 httpPort() const;
    std::optional<quint16> discoveryPort() const;
    QUrl deviceUrl(const QString& camera) const;
    // Adds "onvif_port", "discovery_port" and each camera's "onvif" device URL to the ready line.
    void describe(QJsonObject& ready) const;

    // A command line meant for the ONVIF side: its answer ("ok", "error: ..."), or nullopt when
    // the command is not one of ours.
    std::optional<QString> execute(const QString& line);

    const OnvifDevice* device(const QString& camera) const;

    // Called when a camera's own account gets a new password through ONVIF (SetUser), so the RTSP
    // side asks for the new one too.
    using PasswordChanged = std::function<void(const QString& camera, const QString& user, const QString& password)>;
    void setPasswordChanged(PasswordChanged changed) { m_passwordChanged = std::move(changed); }

private:
    enum class Fault { None, Garbage, Truncated, Html, Silent };

    struct Camera {
        std::unique_ptr<OnvifDevice> device;
        UsernameTokenChecker tokens;
        Fault fault = Fault::None;
        int requests = 0;  // HTTP requests to the camera's ONVIF paths
        std::unique_ptr<OnvifHttpServer> web;  // the web interface while HTTP is on
        quint16 webPort = 0;                   // kept while closed, to reopen on the same port
    };

    core::Status openWeb(Camera& camera, const QString& name, quint16 port = 0);

    void handle(const HttpRequest& request, OnvifHttpServer::Respond respond);
    // nullopt: go on; else the response refusing the request.
    std::optional<HttpResponse> authenticate(Camera& camera, const HttpRequest& http, const SoapRequest& soap);
    bool digestAccepted(Camera& camera, const HttpRequest& http) const;
    HttpResponse digestChallenge();
    std::optional<HttpResponse> faulty(Fault fault) const;

    Print m_print;
    OnvifOptions m_options;
    QHostAddress m_address;
    std::unique_ptr<OnvifHttpServer> m_http;
    std::unique_ptr<DiscoveryResponder> m_discovery;
    std::map<QString, Camera> m_cameras;
    QList<core::media::rtsp::AuthChallenge> m_challenges;  // recent HTTP Digest nonces
    PasswordChanged m_passwordChanged;
};

}  // namespace vigil::testcamera
