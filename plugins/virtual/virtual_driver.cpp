#include "virtual_driver.h"

#include <QRegularExpression>

#include "virtual_camera_host.h"

namespace vigil::plugins {

using core::Error;
using core::Result;
using namespace core::devices;

Result<DeviceDescription> VirtualDriver::describe(const DeviceAddress& device, const Cancellation& cancel) {
    if (cancel.isCancelled()) {
        return Error::make(QString::fromLatin1(kErrorCancelled), QStringLiteral("The check was cancelled."));
    }
    static const QRegularExpression kName(QStringLiteral("^[a-z0-9_-]{1,64}$"));
    const QString name = device.address.host();
    if (device.address.scheme() != QLatin1String("virtual") || !kName.match(name).hasMatch()) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("\"%1\" is not a virtual camera's address; use virtual://<name> with a name "
                                          "of letters, digits, '-' or '_', such as virtual://lobby.")
                               .arg(device.address.toString()));
    }
    auto urls = VirtualCameraHost::instance().ensure(name, cancel);
    if (!urls) {
        return urls.error();
    }
    ChannelDescription channel;
    channel.token = QStringLiteral("0");
    channel.name = name;
    channel.mainStream = urls->main;
    channel.subStream = urls->sub;
    DeviceDescription description;
    description.manufacturer = QStringLiteral("Vigil");
    description.model = QStringLiteral("Virtual camera");
    description.firmware = QStringLiteral(VIGIL_VERSION);
    description.serialNumber = name;
    description.channels.append(channel);
    return description;
}

}  // namespace vigil::plugins
