#include "devices/device_driver.h"

namespace vigil::core::devices {

namespace {

Error notSupported(const char* what) {
    return Error::make(kErrorNotSupported,
                       QStringLiteral("This kind of device does not offer %1.").arg(QLatin1String(what)));
}

}  // namespace

Result<QList<DiscoveredDevice>> DeviceDriver::discover(const DiscoveryRequest&, const Cancellation&) {
    return notSupported("discovery");
}

Status DeviceDriver::ptzMove(const DeviceAddress&, const QString&, double, double, double, const Cancellation&) {
    return notSupported("pan, tilt and zoom");
}

Status DeviceDriver::ptzStop(const DeviceAddress&, const QString&, const Cancellation&) {
    return notSupported("pan, tilt and zoom");
}

Result<QList<PtzPreset>> DeviceDriver::ptzPresets(const DeviceAddress&, const QString&, const Cancellation&) {
    return notSupported("PTZ presets");
}

Status DeviceDriver::ptzGotoPreset(const DeviceAddress&, const QString&, const QString&, const Cancellation&) {
    return notSupported("PTZ presets");
}

Result<QString> DeviceDriver::ptzSetPreset(const DeviceAddress&, const QString&, const QString&,
                                           const Cancellation&) {
    return notSupported("PTZ presets");
}

Result<DeviceTime> DeviceDriver::time(const DeviceAddress&, const Cancellation&) {
    return notSupported("reading its clock");
}

Status DeviceDriver::setNtp(const DeviceAddress&, const QStringList&, const Cancellation&) {
    return notSupported("NTP settings");
}

Result<QList<DeviceUser>> DeviceDriver::users(const DeviceAddress&, const Cancellation&) {
    return notSupported("a user list");
}

Status DeviceDriver::setUserPassword(const DeviceAddress&, const QString&, const QString&, const Cancellation&) {
    return notSupported("password changes");
}

Result<DeviceSecurityInfo> DeviceDriver::securityInfo(const DeviceAddress&, const Cancellation&) {
    return notSupported("a security report");
}

Status DeviceDriver::setDiscoverable(const DeviceAddress&, bool, const Cancellation&) {
    return notSupported("a discovery mode setting");
}

Status DeviceDriver::setProtocolEnabled(const DeviceAddress&, const QString&, bool, const Cancellation&) {
    return notSupported("network protocol settings");
}

Status DeviceDriver::deleteUser(const DeviceAddress&, const QString&, const Cancellation&) {
    return notSupported("deleting users");
}

Result<std::unique_ptr<DeviceEventStream>> DeviceDriver::subscribeEvents(const DeviceAddress&,
                                                                         const Cancellation&) {
    return notSupported("events");
}

}  // namespace vigil::core::devices
