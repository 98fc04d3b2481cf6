#include "rtsp_driver.h"

#include "devices/stream_url.h"
#include "media/rtsp/rtsp_probe.h"

namespace vigil::plugins {

using core::Error;
using core::Result;
using namespace core::devices;
using core::media::rtsp::RtspProbe;
using core::media::rtsp::RtspProbeResult;

namespace {

bool probeable(const QUrl& url) {
    // RtspProbe speaks RTSP over plain TCP; rtsps and http(s) streams are checked by the stream hub
    // when it opens them.
    return url.scheme().compare(QLatin1String("rtsp"), Qt::CaseInsensitive) == 0;
}

// What the stream serves, or why it cannot be read; `which` names the stream in messages.
Result<std::optional<RtspProbeResult>> check(const QUrl& url, const DeviceAddress& device, const QString& which,
                                             const Cancellation& cancel) {
    if (!probeable(url)) {
        return std::optional<RtspProbeResult>();
    }
    auto probed = RtspProbe::probe(withoutCredentials(url), device.user, device.password, RtspDriver::kProbeTimeoutMs,
                                   cancel);
    if (!probed) {
        if (which.isEmpty()) {
            return probed.error();
        }
        return Error::make(probed.error().code, QStringLiteral("The %1: %2").arg(which, probed.error().message));
    }
    return std::optional<RtspProbeResult>(probed.value());
}

}  // namespace

Result<DeviceDescription> RtspDriver::describe(const DeviceAddress& device, const Cancellation& cancel) {
    if (cancel.isCancelled()) {
        return Error::make(QString::fromLatin1(kErrorCancelled), QStringLiteral("The check was cancelled."));
    }
    if (core::Status main = checkStreamUrl(device.address, QStringLiteral("stream address")); !main) {
        return main.error();
    }
    const bool hasSub = !device.subStreamAddress.isEmpty();
    if (hasSub) {
        if (core::Status sub = checkStreamUrl(device.subStreamAddress, QStringLiteral("sub stream address")); !sub) {
            return sub.error();
        }
    }
    auto main = check(device.address, device, {}, cancel);
    if (!main) {
        return main.error();
    }
    if (hasSub) {
        auto sub = check(device.subStreamAddress, device, QStringLiteral("sub stream (%1)").arg(
                                                              withoutCredentials(device.subStreamAddress).toString()),
                         cancel);
        if (!sub) {
            return sub.error();
        }
    }

    ChannelDescription channel;
    channel.token = QStringLiteral("0");
    channel.name = device.address.host();
    channel.mainStream = withoutCredentials(device.address);
    channel.subStream = hasSub ? withoutCredentials(device.subStreamAddress) : QUrl();
    DeviceDescription description;
    description.model = QStringLiteral("RTSP stream");
    if (main.value()) {
        const RtspProbeResult& probed = *main.value();
        for (const auto& track : probed.tracks) {
            channel.audio |= track.kind == core::media::TrackKind::Audio;
        }
        if (!probed.server.isEmpty()) {
            description.model = probed.server.left(128);  // "what answers": the closest thing to a model
        }
    }
    description.channels.append(channel);
    return description;
}

}  // namespace vigil::plugins
