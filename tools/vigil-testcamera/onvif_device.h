#pragma once
// OnvifDevice: one camera of vigil-testcamera as an ONVIF Profile S device: its Device, Media, PTZ
// and Events services, answering from memory. Each camera is its own device (own endpoint
// reference, scopes and service addresses under http://host:port/onvif/<camera>/), so discovery
// lists one device per camera, as the reference clients expect.
//
// Profiles: "main" and "sub" on the one video source "vs" (the sub profile plays the main RTSP
// stream at the same size when the camera has no second stream). PTZ (when the camera has ptz=1)
// keeps position and presets in memory and reports every call through the log callback. Events:
// pull points; motion(on) queues a RuleEngine/CellMotionDetector/Motion message for each.

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "camera_config.h"
#include "onvif_soap.h"

namespace vigil::testcamera {

struct OnvifCamera {
    QString name;
    QUrl mainStream;  // RTSP
    QUrl subStream;   // empty: the main stream
    QString codec = QStringLiteral("h264");
    int width = 0;
    int height = 0;
    double fps = 0;
    bool ptz = false;
    QString user;  // empty: no authentication
    QString password;
    // Security posture the camera starts with (device checks, issue 8):
    QList<OnvifUserSpec> extraUsers;      // more accounts besides `user`
    bool anonymous = false;           // read calls answer without credentials (an "anonymous" user)
    bool discoverable = true;         // WS-Discovery mode
    bool web = true;                  // the plain-HTTP web interface (its own port) is on
    QString firmware;                 // empty: the Vigil version
    QString dot1x = QStringLiteral("off");  // off (supported, none set) | on | unsupported
    // Lists ONVIF Profile G recording and search services (a camera with its own storage; SEC-2.8).
    // Only listed: their operations answer ActionNotSupported.
    bool edgeStorage = false;
};

// What a device asks of the server around it: the RTSP side follows the admin password, the web
// port opens and closes, NTP is asked on this UDP port (the host's NTP port 123 unless tests say).
struct OnvifDeviceHooks {
    std::function<void(const QString& user, const QString& password)> passwordChanged;
    std::function<bool(bool on)> setWeb;  // false when the port could not be opened
    std::function<quint16()> webPort;     // 0 while closed
    quint16 ntpPort = 123;
};

struct OnvifAnswer {
    int status = 200;
    QByteArray body;
};

class OnvifDevice : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(const OnvifAnswer&)>;
    using Log = std::function<void(const QString&)>;

    static constexpr int kDefaultTerminationSeconds = 60;
    static constexpr int kMaxTerminationSeconds = 3600;
    static constexpr int kMaxPullSeconds = 120;
    static constexpr int kMaxQueuedMessages = 1000;
    static constexpr int kMaxSubscriptions = 64;

    // `baseUrl`: http://host:port/onvif/<camera>; `clock` gives the host's UTC time (the device
    // adds its own offset, which SetSystemDateAndTime may change).
    OnvifDevice(OnvifCamera camera, QUrl baseUrl, qint64 clockOffsetMs, Log log, QObject* parent = nullptr);

    const OnvifCamera& camera() const { return m_camera; }
    void setHooks(OnvifDeviceHooks hooks) { m_hooks = std::move(hooks); }
    bool discoverable() const { return m_discoverable; }
    // Calls without credentials are served: the camera has anonymous access on, until its
    // "anonymous" user is deleted.
    bool anonymousAccess() const { return m_camera.anonymous && m_users.contains(QStringLiteral("anonymous")); }
    QString endpointReference() const;  // urn:uuid:..., stable for a camera name
    QStringList scopes() const;
    QUrl serviceUrl(const QString& service) const;  // "device_service", "media", "ptz", "events"
    QDateTime now() const;

    // Operations ONVIF allows before authentication (PRE_AUTH access class).
    static bool isPreAuth(const QString& operation);
    // The password of a user, if the device has that user.
    std::optional<QString> passwordOf(const QString& user) const;

    // Answers `request` to a service path ("device_service", "media", "ptz", "events",
    // "pullpoint/<id>"), now or (PullMessages without messages) later.
    void handle(const QString& service, const SoapRequest& request, Done done);

    // Queues a motion message on every pull point and answers waiting PullMessages.
    void motion(bool active);
    int subscriptionCount() const { return static_cast<int>(m_subscriptions.size()); }

private:
    struct Waiter {
        Done done;
        std::unique_ptr<QTimer> timer;
        int limit = 0;
    };
    struct Subscription {
        int id = 0;
        QDateTime termination;  // device clock
        QStringList messages;   // NotificationMessage elements
        std::unique_ptr<Waiter> waiter;
    };
    struct User {
        QString password;
        QString level;
    };
    struct Preset {
        QString name;
        double pan = 0;
        double tilt = 0;
        double zoom = 0;
    };

    OnvifAnswer device(const SoapRequest& request);
    OnvifAnswer media(const SoapRequest& request);
    OnvifAnswer ptz(const SoapRequest& request);
    OnvifAnswer events(const SoapRequest& request);
    void pullPoint(int id, const SoapRequest& request, Done done);

    QString profileXml(const QString& token, const QString& element) const;
    QString encoderXml(const QString& token, const QString& element) const;
    QString sourceConfigurationXml(const QString& element) const;
    QString ptzConfigurationXml(const QString& element) const;
    QString dateTimeXml(const QDateTime& time) const;
    QString protocolsXml() const;
    OnvifAnswer setNetworkProtocols(const SoapRequest& request);
    // Asks the first NTP server (SNTP, waits at most a second: NTP on loopback answers at once)
    // and sets the clock from it; a server that does not answer leaves the clock as it was.
    void syncClock();
    QString pullResponse(Subscription& subscription, int limit);
    QString motionMessage(const QString& operation) const;
    void expireSubscriptions();
    void settlePosition();
    void logPtz(const QString& operation, const QString& details);

    OnvifCamera m_camera;
    QUrl m_baseUrl;
    qint64 m_clockOffsetMs;
    Log m_log;

    OnvifDeviceHooks m_hooks;
    bool m_discoverable = true;
    quint16 m_lastWebPort = 0;
    bool m_ntp = false;
    QStringList m_ntpServers;
    QMap<QString, User> m_users;

    double m_pan = 0;
    double m_tilt = 0;
    double m_zoom = 0;
    double m_panSpeed = 0;
    double m_tiltSpeed = 0;
    double m_zoomSpeed = 0;
    QElapsedTimer m_moving;
    QMap<QString, Preset> m_presets;  // by token
    int m_nextPreset = 1;

    bool m_motion = false;
    std::map<int, Subscription> m_subscriptions;
    int m_nextSubscription = 1;
};

}  // namespace vigil::testcamera
