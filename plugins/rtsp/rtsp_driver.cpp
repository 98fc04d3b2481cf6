#include "rtsp_driver.h"

#include "devices/stream_url.h"

namespace vigil::plugins {

using core::Error;
using core::Result;
using namespace core::devices;

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
    ChannelDescription channel;
    channel.token = QStringLiteral("0");
    channel.name = device.address.host();
    channel.mainStream = withoutCredentials(device.address);
    channel.subStream = hasSub ? withoutCredentials(device.subStreamAddress) : QUrl();

    DeviceDescription description;
    description.model = QStringLiteral("RTSP stream");
    description.channels.append(channel);
    return description;
}

}  // namespace vigil::plugins
