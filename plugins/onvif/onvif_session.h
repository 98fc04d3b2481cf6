#pragma once
// OnvifSession: one driver call's conversation with one device. It reads the device's clock first
// (GetSystemDateAndTime, unauthenticated, as ONVIF allows) so WS-Security tokens carry the device's
// time, finds the service addresses (GetServices, else GetCapabilities), and makes the calls of the
// Device, Media and PTZ services. What it learnt (clock offset, services, profiles) is handed back
// as DeviceState so the driver can reuse it for the next call to the same device.

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

#include "common/result.h"
#include "device_service.h"
#include "devices/device_driver.h"
#include "media_service.h"
#include "soap_client.h"

namespace vigil::plugins::onvif {

// What the driver remembers about a device between calls.
struct DeviceState {
    std::optional<qint64> clockOffsetMs;  // device clock minus ours
    ServiceAddresses services;            // empty until read
    std::optional<QList<MediaProfile>> profiles;
};

class OnvifSession {
public:
    OnvifSession(const core::devices::DeviceAddress& device, const core::devices::Cancellation& cancel,
                 DeviceState state = {});

    const DeviceState& state() const { return m_state; }
    SoapClient& soap() { return m_soap; }

    // GetSystemDateAndTime without credentials; keeps the offset. When the device refuses it
    // unauthenticated, the HTTP Date header (or no offset) is used instead.
    core::Result<SystemDateAndTime> readClock();
    core::Status ensureClock();
    core::Status ensureServices();
    core::Result<QList<MediaProfile>> profiles();

    core::Result<DeviceInformation> deviceInformation();
    core::Result<QList<VideoSource>> videoSources();
    core::Result<QUrl> streamUri(const QString& profileToken);
    core::Result<QUrl> snapshotUri(const QString& profileToken);

    // The profile to use for PTZ on a channel (video source token, or a profile token).
    core::Result<QString> ptzProfile(const QString& channelToken);

    // A call to a service: `address` from ServiceAddresses (the device service when empty). A
    // refusal of the credentials is retried once after re-reading the device's clock, in case the
    // remembered offset went stale.
    core::Result<XmlElement> call(const QUrl& address, const char* serviceNamespace, const QString& operation,
                                  const QString& body, const QString& expectedElement = {},
                                  SoapClient::Auth auth = SoapClient::Auth::UsernameToken,
                                  int timeoutMs = SoapClient::kDefaultTimeoutMs, const QString& headers = {});

    QUrl deviceUrl() const { return m_device; }

private:
    QUrl reachable(const QUrl& serviceAddress) const;

    QUrl m_device;
    SoapClient m_soap;
    DeviceState m_state;
    bool m_clockReadNow = false;
};

}  // namespace vigil::plugins::onvif
