#include "onvif_session.h"

#include <QDateTime>

#include "onvif_logging.h"
#include "ptz_service.h"
#include "soap_message.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
using core::Status;
using core::devices::Cancellation;
using core::devices::DeviceAddress;
namespace devices = core::devices;

namespace {

bool isFatal(const Error& error) {
    return error.code == QLatin1String(devices::kErrorUnreachable) ||
           error.code == QLatin1String(devices::kErrorCancelled);
}

}  // namespace

OnvifSession::OnvifSession(const DeviceAddress& device, const Cancellation& cancel, DeviceState state)
    : m_device(device.address), m_soap(device.user, device.password, cancel), m_state(std::move(state)) {
    if (m_state.clockOffsetMs) {
        m_soap.setClockOffsetMs(*m_state.clockOffsetMs);
    }
}

Result<SystemDateAndTime> OnvifSession::readClock() {
    const QString operation = QStringLiteral("GetSystemDateAndTime");
    SoapClient::Request request{m_device, actionUri(ns::kDevice, operation), operation,
                                device::getSystemDateAndTime(), {}, SoapClient::Auth::None,
                                SoapClient::kDefaultTimeoutMs, QStringLiteral("GetSystemDateAndTimeResponse")};
    Result<SoapClient::HttpAnswer> answer = m_soap.post(request);
    if (!answer) {
        return answer.error();
    }
    const qint64 receivedMs = QDateTime::currentMSecsSinceEpoch();
    m_clockReadNow = true;
    Result<XmlElement> element =
        SoapMessage::parseResponse(answer->body, operation, QStringLiteral("GetSystemDateAndTimeResponse"));
    Result<SystemDateAndTime> time = element ? device::parseSystemDateAndTime(*element)
                                             : Result<SystemDateAndTime>(element.error());
    if (time && time->utc.isValid()) {
        m_state.clockOffsetMs = time->utc.toMSecsSinceEpoch() - receivedMs;
    } else {
        // Some devices want credentials even for the clock: fall back on the HTTP Date header.
        const QDateTime date = QDateTime::fromString(QString::fromLatin1(answer->dateHeader), Qt::RFC2822Date);
        if (date.isValid()) {
            m_state.clockOffsetMs = date.toMSecsSinceEpoch() - receivedMs;
        }
    }
    if (m_state.clockOffsetMs) {
        m_soap.setClockOffsetMs(*m_state.clockOffsetMs);
        qCDebug(lcOnvif) << "clock offset" << *m_state.clockOffsetMs << "ms for" << m_device.host();
    }
    if (!time && answer->status == 404) {
        return Error::make(devices::kErrorBadAnswer,
                           QStringLiteral("The camera has no ONVIF service at %1 (HTTP 404). Check the ONVIF "
                                          "address; it usually ends in /onvif/device_service.")
                               .arg(m_device.toString(QUrl::RemoveUserInfo)));
    }
    return time;
}

Status OnvifSession::ensureClock() {
    if (m_state.clockOffsetMs) {
        return {};
    }
    Result<SystemDateAndTime> time = readClock();
    if (!time && isFatal(time.error())) {
        return time.error();
    }
    return {};
}

QUrl OnvifSession::reachable(const QUrl& serviceAddress) const {
    if (serviceAddress.isEmpty()) {
        return {};
    }
    // Devices behind NAT or port forwarding name addresses we cannot reach; the host and port the
    // user gave are the ones that work, so services keep only their path from the device.
    if (serviceAddress.host().compare(m_device.host(), Qt::CaseInsensitive) != 0 ||
        serviceAddress.port() != m_device.port()) {
        QUrl fixed = m_device;
        fixed.setPath(serviceAddress.path());
        fixed.setQuery(serviceAddress.query());
        return fixed;
    }
    return serviceAddress;
}

Status OnvifSession::ensureServices() {
    if (!m_state.services.media.isEmpty()) {
        return {};
    }
    if (Status clock = ensureClock(); !clock) {
        return clock;
    }
    Result<XmlElement> answer = call(m_device, ns::kDevice, QStringLiteral("GetServices"), device::getServices(),
                                     QStringLiteral("GetServicesResponse"));
    Result<ServiceAddresses> services = answer ? device::parseServices(*answer) : Result<ServiceAddresses>(answer.error());
    if (!services) {
        if (isFatal(services.error()) || services.error().code == QLatin1String(devices::kErrorUnauthorised)) {
            return services.error();
        }
        // Devices before ONVIF 2.0 have only GetCapabilities.
        answer = call(m_device, ns::kDevice, QStringLiteral("GetCapabilities"), device::getCapabilities(),
                      QStringLiteral("GetCapabilitiesResponse"));
        services = answer ? device::parseCapabilities(*answer) : Result<ServiceAddresses>(answer.error());
        if (!services) {
            return services.error();
        }
    }
    ServiceAddresses found = *services;
    found.device = m_device;
    found.media = reachable(found.media);
    found.ptz = reachable(found.ptz);
    found.events = reachable(found.events);
    found.imaging = reachable(found.imaging);
    m_state.services = found;
    return {};
}

Result<QList<MediaProfile>> OnvifSession::profiles() {
    if (m_state.profiles) {
        return *m_state.profiles;
    }
    if (Status services = ensureServices(); !services) {
        return services.error();
    }
    Result<XmlElement> answer = call(m_state.services.media, ns::kMedia, QStringLiteral("GetProfiles"),
                                     media::getProfiles(), QStringLiteral("GetProfilesResponse"));
    if (!answer) {
        return answer.error();
    }
    Result<QList<MediaProfile>> parsed = media::parseProfiles(*answer);
    if (parsed) {
        m_state.profiles = *parsed;
    }
    return parsed;
}

Result<DeviceInformation> OnvifSession::deviceInformation() {
    Result<XmlElement> answer = call(m_device, ns::kDevice, QStringLiteral("GetDeviceInformation"),
                                     device::getDeviceInformation(), QStringLiteral("GetDeviceInformationResponse"));
    if (!answer) {
        return answer.error();
    }
    return device::parseDeviceInformation(*answer);
}

Result<QList<VideoSource>> OnvifSession::videoSources() {
    if (Status services = ensureServices(); !services) {
        return services.error();
    }
    Result<XmlElement> answer = call(m_state.services.media, ns::kMedia, QStringLiteral("GetVideoSources"),
                                     media::getVideoSources(), QStringLiteral("GetVideoSourcesResponse"));
    if (!answer) {
        return answer.error();
    }
    return media::parseVideoSources(*answer);
}

Result<QUrl> OnvifSession::streamUri(const QString& profileToken) {
    Result<XmlElement> answer = call(m_state.services.media, ns::kMedia, QStringLiteral("GetStreamUri"),
                                     media::getStreamUri(profileToken), QStringLiteral("GetStreamUriResponse"));
    if (!answer) {
        return answer.error();
    }
    return media::parseMediaUri(*answer, QStringLiteral("GetStreamUri"),
                                {QStringLiteral("rtsp"), QStringLiteral("rtsps")});
}

Result<QUrl> OnvifSession::snapshotUri(const QString& profileToken) {
    Result<XmlElement> answer = call(m_state.services.media, ns::kMedia, QStringLiteral("GetSnapshotUri"),
                                     media::getSnapshotUri(profileToken), QStringLiteral("GetSnapshotUriResponse"));
    if (!answer) {
        return answer.error();
    }
    return media::parseMediaUri(*answer, QStringLiteral("GetSnapshotUri"),
                                {QStringLiteral("http"), QStringLiteral("https")});
}

Result<QString> OnvifSession::ptzProfile(const QString& channelToken) {
    if (Status services = ensureServices(); !services) {
        return services.error();
    }
    if (m_state.services.ptz.isEmpty()) {
        return Error::make(devices::kErrorNotSupported,
                           QStringLiteral("This camera offers no ONVIF PTZ service, so it cannot pan, tilt or zoom."));
    }
    Result<QList<MediaProfile>> all = profiles();
    if (!all) {
        return all.error();
    }
    for (const MediaProfile& profile : *all) {
        if (profile.token == channelToken && profile.ptz) {
            return profile.token;
        }
    }
    for (const auto& channel : media::channelsFrom(*all, {})) {
        if (channel.token != channelToken) {
            continue;
        }
        for (const MediaProfile& profile : *all) {
            if (profile.videoSourceToken == channelToken && profile.ptz &&
                (profile.token == channel.mainProfileToken || profile.token == channel.subProfileToken)) {
                return profile.token;
            }
        }
        for (const MediaProfile& profile : *all) {
            if (profile.videoSourceToken == channelToken && profile.ptz) {
                return profile.token;
            }
        }
    }
    return Error::make(devices::kErrorNotSupported,
                       QStringLiteral("Channel \"%1\" of this camera has no media profile with PTZ, so it cannot "
                                      "pan, tilt or zoom.")
                           .arg(channelToken));
}

Result<XmlElement> OnvifSession::call(const QUrl& address, const char* serviceNamespace, const QString& operation,
                                      const QString& body, const QString& expectedElement, SoapClient::Auth auth,
                                      int timeoutMs, const QString& headers) {
    SoapClient::Request request{address.isEmpty() ? m_device : address,
                                actionUri(serviceNamespace, operation),
                                operation,
                                body,
                                headers,
                                auth,
                                timeoutMs,
                                expectedElement};
    Result<XmlElement> answer = m_soap.call(request);
    if (!answer && answer.error().code == QLatin1String(devices::kErrorUnauthorised) && !m_clockReadNow &&
        auth == SoapClient::Auth::UsernameToken) {
        // The remembered clock offset may be stale (the camera's clock was set since): re-read it.
        Result<SystemDateAndTime> time = readClock();
        if (time) {
            answer = m_soap.call(request);
        }
    }
    return answer;
}

}  // namespace vigil::plugins::onvif
