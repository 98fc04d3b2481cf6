#pragma once
// DeviceDriver: what the engine needs from a kind of camera (ARCHITECTURE.md, plugins/). Drivers are
// Qt plugins (plugins/rtsp, plugins/onvif, plugins/virtual) found by DriverRegistry; each implements
// this interface and nothing in server/ knows a driver's protocol.
//
// Calls are blocking and run on a worker thread of the devices service (never on the engine's
// thread): a camera that takes ten seconds to answer must not stall anything else. Every call takes
// a Cancellation so a removed device or a stopping engine ends it early, and a driver must return an
// Error whose message says what happened and what to do ("The camera refused the user name or
// password. Check the credentials in the device settings."), with one of the codes below, which the
// devices service maps to a device state.

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtPlugin>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "common/cancellation.h"
#include "common/result.h"

namespace vigil::core::devices {

// Error codes every driver uses where they apply (others may be added per driver):
inline constexpr auto kErrorUnauthorised = "device_unauthorised";  // credentials refused
inline constexpr auto kErrorUnreachable = "device_unreachable";    // no route, refused, timed out
inline constexpr auto kErrorNotSupported = "device_not_supported";  // the device lacks the function
inline constexpr auto kErrorBadAnswer = "device_bad_answer";        // malformed or unexpected reply
inline constexpr auto kErrorCancelled = "device_cancelled";

// Set from another thread to end a call early; drivers check it between steps and while waiting.
using Cancellation = core::Cancellation;

// How to reach one device. `address` is what the user gave: an RTSP URL for the rtsp driver, the
// device service URL (http(s)://host[:port]/onvif/device_service) for onvif, "virtual://name" for
// the virtual driver.
struct DeviceAddress {
    QString driver;  // "rtsp" | "onvif" | "virtual"
    QUrl address;
    QString user;
    QString password;
    // Only for the rtsp driver: a second URL for the sub stream (may be empty).
    QUrl subStreamAddress;
};

// One video channel of a device (a camera has one; an encoder or NVR several).
struct ChannelDescription {
    QString token;   // the driver's stable id for the channel (ONVIF video source token, "0" ...)
    QString name;
    QUrl mainStream;  // RTSP (or RTSPS) URL without credentials
    QUrl subStream;   // may be empty
    QUrl snapshot;    // may be empty
    bool ptz = false;
    bool audio = false;
    QString mainProfileToken;  // ONVIF media profile tokens (empty for other drivers)
    QString subProfileToken;
};

struct DeviceDescription {
    QString manufacturer;
    QString model;
    QString firmware;
    QString serialNumber;
    QString hardwareId;
    QList<ChannelDescription> channels;
    // Whether the device's clock is ahead (+) or behind (-) ours, in ms, when the driver can tell.
    std::optional<qint64> clockOffsetMs;
};

struct DiscoveredDevice {
    QString driver;  // which driver can add it
    QUrl address;    // what to put in DeviceAddress::address
    QString name;
    QString hardware;
    QStringList scopes;
    QString endpointReference;  // WS-Discovery urn:uuid:...
};

struct DiscoveryRequest {
    int timeoutMs = 3000;
    QString unicastHost;  // empty: multicast probe; else a unicast probe to this host only
    quint16 unicastPort = 3702;
};

struct PtzPreset {
    QString token;
    QString name;
};

struct DeviceTime {
    QDateTime utc;         // the device's clock
    bool ntp = false;      // synchronised from NTP
    QStringList ntpServers;
};

struct DeviceUser {
    QString name;
    QString level;  // Administrator | Operator | User | Anonymous | Extended
};

// A network protocol a device serves (ONVIF GetNetworkProtocols): HTTP, HTTPS, RTSP.
struct DeviceProtocol {
    QString name;
    bool enabled = false;
    QList<int> ports;
};

// What a device tells of its own security (SEC-1.2, 1.4, 1.5, 1.6, 1.10, 3.2; the device checks of
// issue 8). Each part the device could not give is missing from its optional and named in
// `unavailable` (part -> the device's answer), so a check says "the device does not report it"
// rather than guessing.
struct DeviceSecurityInfo {
    QString manufacturer;
    QString model;
    QString firmware;
    std::optional<QList<DeviceUser>> users;
    bool anonymousAccess = false;  // a protected read answered without any credentials
    std::optional<DeviceTime> time;
    std::optional<qint64> clockOffsetMs;  // device clock minus ours when read
    std::optional<bool> discoverable;     // WS-Discovery mode
    std::optional<QList<DeviceProtocol>> protocols;
    std::optional<int> dot1xConfigurations;  // 802.1X configurations set on the device
    // Recordings of its own (ONVIF Profile G: a recording or search service): where they answer,
    // empty when the device lists none. Unset when the device's services could not be read.
    std::optional<QString> edgeStorage;
    QHash<QString, QString> unavailable;  // "users", "time", "discovery", "protocols", "dot1x", "storage"
};

// Events a device reports (ONVIF pull point; issue 6 consumes them).
struct DeviceEvent {
    QString topic;      // "motion", "tamper", or the device's topic text
    QString channelToken;
    bool active = false;
    QDateTime time;
    QString detail;
};

class DeviceEventStream {
public:
    virtual ~DeviceEventStream() = default;
    // Waits up to timeoutMs for events; an Error means the subscription is gone (renew by opening a
    // new stream).
    virtual Result<QList<DeviceEvent>> pull(int timeoutMs, const Cancellation& cancel) = 0;
};

class DeviceDriver {
public:
    virtual ~DeviceDriver() = default;

    virtual QString id() const = 0;           // "rtsp", "onvif", "virtual"
    virtual QString displayName() const = 0;  // for people: "ONVIF camera"

    // Connects, checks the credentials and reads what the device is and its channels and streams.
    virtual Result<DeviceDescription> describe(const DeviceAddress& device, const Cancellation& cancel) = 0;

    // The optional functions answer kErrorNotSupported unless a driver overrides them.
    virtual Result<QList<DiscoveredDevice>> discover(const DiscoveryRequest& request,
                                                     const Cancellation& cancel);
    virtual Status ptzMove(const DeviceAddress& device, const QString& channelToken, double pan,
                           double tilt, double zoom, const Cancellation& cancel);  // speeds -1..1
    virtual Status ptzStop(const DeviceAddress& device, const QString& channelToken,
                           const Cancellation& cancel);
    virtual Result<QList<PtzPreset>> ptzPresets(const DeviceAddress& device, const QString& channelToken,
                                                const Cancellation& cancel);
    virtual Status ptzGotoPreset(const DeviceAddress& device, const QString& channelToken,
                                 const QString& presetToken, const Cancellation& cancel);
    virtual Result<QString> ptzSetPreset(const DeviceAddress& device, const QString& channelToken,
                                         const QString& name, const Cancellation& cancel);
    virtual Result<DeviceTime> time(const DeviceAddress& device, const Cancellation& cancel);
    virtual Status setNtp(const DeviceAddress& device, const QStringList& servers, const Cancellation& cancel);
    virtual Result<QList<DeviceUser>> users(const DeviceAddress& device, const Cancellation& cancel);
    virtual Status setUserPassword(const DeviceAddress& device, const QString& user, const QString& password,
                                   const Cancellation& cancel);
    // Device security (issue 8): what the device reports, and the changes the checks' fixes make.
    virtual Result<DeviceSecurityInfo> securityInfo(const DeviceAddress& device, const Cancellation& cancel);
    virtual Status setDiscoverable(const DeviceAddress& device, bool discoverable, const Cancellation& cancel);
    // Turns one protocol of the device's GetNetworkProtocols list on or off, keeping its ports.
    virtual Status setProtocolEnabled(const DeviceAddress& device, const QString& protocol, bool enabled,
                                      const Cancellation& cancel);
    virtual Status deleteUser(const DeviceAddress& device, const QString& user, const Cancellation& cancel);
    virtual Result<std::unique_ptr<DeviceEventStream>> subscribeEvents(const DeviceAddress& device,
                                                                       const Cancellation& cancel);
};

// The Qt plugin entry point: one factory per plugin library.
class DeviceDriverFactory {
public:
    virtual ~DeviceDriverFactory() = default;
    virtual std::unique_ptr<DeviceDriver> create() = 0;
};

}  // namespace vigil::core::devices

#define VIGIL_DEVICE_DRIVER_IID "org.vigil.DeviceDriverFactory/1"
Q_DECLARE_INTERFACE(vigil::core::devices::DeviceDriverFactory, VIGIL_DEVICE_DRIVER_IID)
