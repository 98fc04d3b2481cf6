#include "onvif_driver.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include "device_service.h"
#include "onvif_event_stream.h"
#include "ptz_service.h"
#include "soap_message.h"
#include "ws_discovery.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
using core::Status;
using core::devices::Cancellation;
using core::devices::ChannelDescription;
using core::devices::DeviceAddress;
using core::devices::DeviceDescription;
using core::devices::DeviceEventStream;
using core::devices::DeviceTime;
using core::devices::DeviceUser;
using core::devices::DiscoveredDevice;
using core::devices::DiscoveryRequest;
using core::devices::PtzPreset;
namespace devices = core::devices;

namespace {

QString keyOf(const DeviceAddress& device) {
    return device.address.toString(QUrl::RemoveUserInfo) + QLatin1Char('\n') + device.user;
}

// Errors after which going on with other calls makes no sense.
bool isFatal(const Error& error) {
    return error.code == QLatin1String(devices::kErrorUnreachable) ||
           error.code == QLatin1String(devices::kErrorCancelled) ||
           error.code == QLatin1String(devices::kErrorUnauthorised);
}

}  // namespace

namespace {

constexpr int kMaxRemembered = 4096;

// What sessions learnt, by address + user, for every OnvifDriver of the process.
struct Memory {
    QMutex mutex;
    QHash<QString, DeviceState> states;
};

Memory& memory() {
    static Memory shared;
    return shared;
}

}  // namespace

DeviceState OnvifDriver::remembered(const DeviceAddress& device) {
    QMutexLocker lock(&memory().mutex);
    return memory().states.value(keyOf(device));
}

void OnvifDriver::remember(const DeviceAddress& device, const OnvifSession& session) {
    QMutexLocker lock(&memory().mutex);
    QHash<QString, DeviceState>& states = memory().states;
    if (states.size() >= kMaxRemembered && !states.contains(keyOf(device))) {
        states.clear();  // a bound, not a cache policy: it only costs a few extra requests
    }
    states.insert(keyOf(device), session.state());
}

void OnvifDriver::forget(const DeviceAddress& device) {
    QMutexLocker lock(&memory().mutex);
    memory().states.remove(keyOf(device));
}

void OnvifDriver::forgetAll() {
    QMutexLocker lock(&memory().mutex);
    memory().states.clear();
}

Result<DeviceDescription> OnvifDriver::describe(const DeviceAddress& device, const Cancellation& cancel) {
    OnvifSession session(device, cancel);  // describe always reads everything anew
    Result<SystemDateAndTime> clock = session.readClock();
    if (!clock && clock.error().code != QLatin1String(devices::kErrorUnauthorised) &&
        clock.error().code != QLatin1String(devices::kErrorNotSupported)) {
        return clock.error();
    }
    if (Status services = session.ensureServices(); !services) {
        return services.error();
    }
    Result<DeviceInformation> info = session.deviceInformation();
    if (!info) {
        return info.error();
    }
    Result<QList<MediaProfile>> profiles = session.profiles();
    if (!profiles) {
        return profiles.error();
    }
    Result<QList<VideoSource>> sources = session.videoSources();
    if (!sources && isFatal(sources.error())) {
        return sources.error();
    }
    QList<ChannelDescription> channels =
        media::channelsFrom(*profiles, sources ? *sources : QList<VideoSource>());
    if (channels.isEmpty()) {
        return SoapMessage::badAnswer(QStringLiteral("GetProfiles"), QStringLiteral("no profile with a video encoder"));
    }
    const bool ptzService = !session.state().services.ptz.isEmpty();
    for (ChannelDescription& channel : channels) {
        Result<QUrl> main = session.streamUri(channel.mainProfileToken);
        if (!main) {
            return main.error();
        }
        channel.mainStream = *main;
        if (!channel.subProfileToken.isEmpty()) {
            Result<QUrl> sub = session.streamUri(channel.subProfileToken);
            if (!sub && isFatal(sub.error())) {
                return sub.error();
            }
            channel.subStream = sub ? *sub : QUrl();
        }
        Result<QUrl> snapshot = session.snapshotUri(channel.mainProfileToken);
        if (!snapshot && isFatal(snapshot.error())) {
            return snapshot.error();
        }
        channel.snapshot = snapshot ? *snapshot : QUrl();
        channel.ptz = channel.ptz && ptzService;
    }
    remember(device, session);

    DeviceDescription description;
    description.manufacturer = info->manufacturer;
    description.model = info->model;
    description.firmware = info->firmware;
    description.serialNumber = info->serialNumber;
    description.hardwareId = info->hardwareId;
    description.channels = channels;
    description.clockOffsetMs = session.state().clockOffsetMs;
    return description;
}

Result<QList<DiscoveredDevice>> OnvifDriver::discover(const DiscoveryRequest& request, const Cancellation& cancel) {
    return WsDiscovery::run(request, cancel);
}

Result<XmlElement> OnvifDriver::ptzCall(const DeviceAddress& device, const QString& channelToken,
                                        const QString& operation,
                                        const std::function<QString(const QString&)>& makeBody,
                                        const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    Result<QString> profile = session.ptzProfile(channelToken);
    if (!profile) {
        forget(device);
        return profile.error();
    }
    Result<XmlElement> answer = session.call(session.state().services.ptz, ns::kPtz, operation, makeBody(*profile),
                                             operation + QStringLiteral("Response"));
    if (answer) {
        remember(device, session);
    } else {
        forget(device);  // what we remembered may be what went wrong
    }
    return answer;
}

Status OnvifDriver::ptzMove(const DeviceAddress& device, const QString& channelToken, double pan, double tilt,
                            double zoom, const Cancellation& cancel) {
    Result<XmlElement> answer = ptzCall(
        device, channelToken, QStringLiteral("ContinuousMove"),
        [&](const QString& profile) { return ptz::continuousMove(profile, pan, tilt, zoom); }, cancel);
    return answer ? Status() : Status(answer.error());
}

Status OnvifDriver::ptzStop(const DeviceAddress& device, const QString& channelToken, const Cancellation& cancel) {
    Result<XmlElement> answer = ptzCall(device, channelToken, QStringLiteral("Stop"), &ptz::stop, cancel);
    return answer ? Status() : Status(answer.error());
}

Result<QList<PtzPreset>> OnvifDriver::ptzPresets(const DeviceAddress& device, const QString& channelToken,
                                                 const Cancellation& cancel) {
    Result<XmlElement> answer =
        ptzCall(device, channelToken, QStringLiteral("GetPresets"), &ptz::getPresets, cancel);
    if (!answer) {
        return answer.error();
    }
    return ptz::parsePresets(*answer);
}

Status OnvifDriver::ptzGotoPreset(const DeviceAddress& device, const QString& channelToken,
                                  const QString& presetToken, const Cancellation& cancel) {
    Result<XmlElement> answer = ptzCall(
        device, channelToken, QStringLiteral("GotoPreset"),
        [&](const QString& profile) { return ptz::gotoPreset(profile, presetToken); }, cancel);
    return answer ? Status() : Status(answer.error());
}

Result<QString> OnvifDriver::ptzSetPreset(const DeviceAddress& device, const QString& channelToken,
                                          const QString& name, const Cancellation& cancel) {
    Result<XmlElement> answer = ptzCall(
        device, channelToken, QStringLiteral("SetPreset"),
        [&](const QString& profile) { return ptz::setPreset(profile, name); }, cancel);
    if (!answer) {
        return answer.error();
    }
    return ptz::parseSetPreset(*answer);
}

Result<DeviceTime> OnvifDriver::time(const DeviceAddress& device, const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    Result<SystemDateAndTime> clock = session.readClock();
    if (!clock) {
        return clock.error();
    }
    DeviceTime result;
    result.utc = clock->utc;
    result.ntp = clock->ntp;
    Result<XmlElement> answer = session.call({}, ns::kDevice, QStringLiteral("GetNTP"), device::getNtp(),
                                             QStringLiteral("GetNTPResponse"));
    if (answer) {
        Result<NtpInformation> ntp = device::parseNtp(*answer);
        if (!ntp) {
            return ntp.error();
        }
        result.ntpServers = ntp->servers;
    } else if (answer.error().code != QLatin1String(devices::kErrorNotSupported)) {
        return answer.error();
    }
    remember(device, session);
    return result;
}

Status OnvifDriver::setNtp(const DeviceAddress& device, const QStringList& servers, const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    if (Status clock = session.ensureClock(); !clock) {
        return clock;
    }
    Result<XmlElement> answer = session.call({}, ns::kDevice, QStringLiteral("SetNTP"), device::setNtp(servers),
                                             QStringLiteral("SetNTPResponse"));
    if (!answer) {
        return answer.error();
    }
    if (!servers.isEmpty()) {
        answer = session.call({}, ns::kDevice, QStringLiteral("SetSystemDateAndTime"), device::setDateTimeFromNtp(),
                              QStringLiteral("SetSystemDateAndTimeResponse"));
        if (!answer) {
            return answer.error();
        }
    }
    remember(device, session);
    return {};
}

Result<QList<DeviceUser>> OnvifDriver::users(const DeviceAddress& device, const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    if (Status clock = session.ensureClock(); !clock) {
        return clock.error();
    }
    Result<XmlElement> answer = session.call({}, ns::kDevice, QStringLiteral("GetUsers"), device::getUsers(),
                                             QStringLiteral("GetUsersResponse"));
    if (!answer) {
        return answer.error();
    }
    remember(device, session);
    return device::parseUsers(*answer);
}

Status OnvifDriver::setUserPassword(const DeviceAddress& device, const QString& user, const QString& password,
                                    const Cancellation& cancel) {
    // SetUser needs the user's level too; keep the one the device has.
    Result<QList<DeviceUser>> all = users(device, cancel);
    if (!all) {
        return all.error();
    }
    const auto found = std::find_if(all->begin(), all->end(), [&](const DeviceUser& u) { return u.name == user; });
    if (found == all->end()) {
        return Error::make(QStringLiteral("device_user_unknown"),
                           QStringLiteral("The camera has no user \"%1\". Pick one of its users.").arg(user));
    }
    OnvifSession session(device, cancel, remembered(device));
    Result<XmlElement> answer = session.call({}, ns::kDevice, QStringLiteral("SetUser"),
                                             device::setUser(user, password, found->level),
                                             QStringLiteral("SetUserResponse"));
    return answer ? Status() : Status(answer.error());
}

Result<XmlElement> OnvifDriver::deviceCall(const DeviceAddress& device, const QString& operation, const QString& body,
                                           const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    if (Status clock = session.ensureClock(); !clock) {
        return clock.error();
    }
    Result<XmlElement> answer =
        session.call({}, ns::kDevice, operation, body, operation + QStringLiteral("Response"));
    if (answer) {
        remember(device, session);
    }
    return answer;
}

Result<devices::DeviceSecurityInfo> OnvifDriver::securityInfo(const DeviceAddress& device, const Cancellation& cancel) {
    devices::DeviceSecurityInfo info;
    OnvifSession session(device, cancel, remembered(device));
    // The clock is always read anew: its offset from ours is one of the findings.
    Result<SystemDateAndTime> clock = session.readClock();
    if (clock && clock->utc.isValid()) {
        info.time = DeviceTime{clock->utc, clock->ntp, {}};
        info.clockOffsetMs = session.state().clockOffsetMs;
    } else if (clock || !isFatal(clock.error())) {
        info.unavailable.insert(QStringLiteral("time"), clock ? QStringLiteral("The device gave no UTC time.")
                                                              : clock.error().message);
    } else {
        return clock.error();
    }
    Result<DeviceInformation> about = session.deviceInformation();
    if (!about) {
        return about.error();  // the credentials or the device itself: nothing else would answer
    }
    info.manufacturer = about->manufacturer;
    info.model = about->model;
    info.firmware = about->firmware;
    // Recordings of its own (ONVIF Profile G, SEC-2.8): from the services it lists, usually known
    // from describe() already.
    if (Status services = session.ensureServices(); services) {
        const ServiceAddresses& found = session.state().services;
        info.edgeStorage = (!found.recording.isEmpty() ? found.recording : found.search).toString();
    } else if (isFatal(services.error())) {
        return services.error();
    } else {
        info.unavailable.insert(QStringLiteral("storage"), services.error().message);
    }

    // The optional parts: a device that lacks one says so and the rest goes on.
    const auto read = [&](const QString& part, const QString& operation, const QString& body,
                          const std::function<Status(const XmlElement&)>& take) -> Status {
        Result<XmlElement> answer = session.call({}, ns::kDevice, operation, body, operation + QStringLiteral("Response"));
        Status taken = answer ? take(*answer) : Status(answer.error());
        if (!taken) {
            if (isFatal(taken.error())) {
                return taken;
            }
            info.unavailable.insert(part, taken.error().message);
        }
        return {};
    };
    const auto keep = [](auto parsed, auto& target) -> Status {
        if (!parsed) {
            return parsed.error();
        }
        target = *parsed;
        return {};
    };
    if (info.time) {
        if (Status ntp = read(QStringLiteral("ntp"), QStringLiteral("GetNTP"), device::getNtp(),
                              [&](const XmlElement& answer) -> Status {
                                  Result<NtpInformation> parsed = device::parseNtp(answer);
                                  if (parsed) {
                                      info.time->ntpServers = parsed->servers;
                                  }
                                  return parsed ? Status() : Status(parsed.error());
                              });
            !ntp) {
            return ntp.error();
        }
    }
    const std::pair<QString, Status> parts[] = {
        {QStringLiteral("users"),
         read(QStringLiteral("users"), QStringLiteral("GetUsers"), device::getUsers(),
              [&](const XmlElement& answer) { return keep(device::parseUsers(answer), info.users); })},
        {QStringLiteral("discovery"),
         read(QStringLiteral("discovery"), QStringLiteral("GetDiscoveryMode"), device::getDiscoveryMode(),
              [&](const XmlElement& answer) { return keep(device::parseDiscoveryMode(answer), info.discoverable); })},
        {QStringLiteral("protocols"),
         read(QStringLiteral("protocols"), QStringLiteral("GetNetworkProtocols"), device::getNetworkProtocols(),
              [&](const XmlElement& answer) { return keep(device::parseNetworkProtocols(answer), info.protocols); })},
        {QStringLiteral("dot1x"),
         read(QStringLiteral("dot1x"), QStringLiteral("GetDot1XConfigurations"), device::getDot1XConfigurations(),
              [&](const XmlElement& answer) {
                  return keep(device::parseDot1XConfigurations(answer), info.dot1xConfigurations);
              })},
    };
    for (const auto& [part, status] : parts) {
        if (!status) {
            return status.error();
        }
    }
    remember(device, session);

    // Anonymous access: the same protected read with no credentials at all, not even HTTP Digest.
    DeviceAddress nobody = device;
    nobody.user.clear();
    nobody.password.clear();
    OnvifSession anonymous(nobody, cancel, session.state());
    Result<XmlElement> answer =
        anonymous.call({}, ns::kDevice, QStringLiteral("GetDeviceInformation"), device::getDeviceInformation(),
                       QStringLiteral("GetDeviceInformationResponse"), SoapClient::Auth::None);
    info.anonymousAccess = answer.ok();
    if (!answer && answer.error().code == QLatin1String(devices::kErrorCancelled)) {
        return answer.error();
    }
    return info;
}

Status OnvifDriver::setDiscoverable(const DeviceAddress& device, bool discoverable, const Cancellation& cancel) {
    Result<XmlElement> answer =
        deviceCall(device, QStringLiteral("SetDiscoveryMode"), device::setDiscoveryMode(discoverable), cancel);
    return answer ? Status() : Status(answer.error());
}

Status OnvifDriver::setProtocolEnabled(const DeviceAddress& device, const QString& protocol, bool enabled,
                                       const Cancellation& cancel) {
    Result<XmlElement> current =
        deviceCall(device, QStringLiteral("GetNetworkProtocols"), device::getNetworkProtocols(), cancel);
    if (!current) {
        return current.error();
    }
    Result<QList<devices::DeviceProtocol>> protocols = device::parseNetworkProtocols(*current);
    if (!protocols) {
        return protocols.error();
    }
    const auto found = std::find_if(protocols->begin(), protocols->end(), [&](const devices::DeviceProtocol& p) {
        return p.name.compare(protocol, Qt::CaseInsensitive) == 0;
    });
    if (found == protocols->end()) {
        return Error::make(devices::kErrorNotSupported,
                           QStringLiteral("The camera lists no %1 protocol, so it cannot be switched.").arg(protocol));
    }
    devices::DeviceProtocol changed = *found;
    changed.enabled = enabled;
    // Only the one protocol is sent: the others stay as the device has them.
    Result<XmlElement> answer =
        deviceCall(device, QStringLiteral("SetNetworkProtocols"), device::setNetworkProtocols({changed}), cancel);
    return answer ? Status() : Status(answer.error());
}

Status OnvifDriver::deleteUser(const DeviceAddress& device, const QString& user, const Cancellation& cancel) {
    Result<XmlElement> answer = deviceCall(device, QStringLiteral("DeleteUsers"), device::deleteUsers({user}), cancel);
    return answer ? Status() : Status(answer.error());
}

Result<std::unique_ptr<DeviceEventStream>> OnvifDriver::subscribeEvents(const DeviceAddress& device,
                                                                        const Cancellation& cancel) {
    OnvifSession session(device, cancel, remembered(device));
    if (Status services = session.ensureServices(); !services) {
        return services.error();
    }
    if (session.state().services.events.isEmpty()) {
        return Error::make(devices::kErrorNotSupported, QStringLiteral("This camera offers no ONVIF events service."));
    }
    QHash<QString, QString> sourceOfConfiguration;
    Result<QList<MediaProfile>> profiles = session.profiles();
    if (!profiles) {
        return profiles.error();
    }
    for (const MediaProfile& profile : *profiles) {
        if (!profile.videoSourceConfigurationToken.isEmpty()) {
            sourceOfConfiguration.insert(profile.videoSourceConfigurationToken, profile.videoSourceToken);
        }
    }
    remember(device, session);
    return OnvifEventStream::subscribe(device, session.state().services.events,
                                       session.state().clockOffsetMs.value_or(0), sourceOfConfiguration, cancel);
}

}  // namespace vigil::plugins::onvif
