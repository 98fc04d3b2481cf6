#pragma once
// OnvifDriver: the "onvif" DeviceDriver. Every call is a short OnvifSession with the device; what a
// session learnt (clock offset, service addresses, media profiles: nothing secret) is remembered per
// device address and user in memory shared by every OnvifDriver of the process, because the
// registry makes a new driver for each call: so a PTZ move costs one request rather than four.
// Safe to call from several worker threads at once: the memory is behind a mutex, sessions share
// nothing else.

#include "devices/device_driver.h"
#include "onvif_session.h"

namespace vigil::plugins::onvif {

class OnvifDriver final : public core::devices::DeviceDriver {
public:
    QString id() const override { return QStringLiteral("onvif"); }
    QString displayName() const override { return QStringLiteral("ONVIF camera"); }

    core::Result<core::devices::DeviceDescription> describe(const core::devices::DeviceAddress& device,
                                                            const core::devices::Cancellation& cancel) override;
    core::Result<QList<core::devices::DiscoveredDevice>> discover(const core::devices::DiscoveryRequest& request,
                                                                  const core::devices::Cancellation& cancel) override;
    core::Status ptzMove(const core::devices::DeviceAddress& device, const QString& channelToken, double pan,
                         double tilt, double zoom, const core::devices::Cancellation& cancel) override;
    core::Status ptzStop(const core::devices::DeviceAddress& device, const QString& channelToken,
                         const core::devices::Cancellation& cancel) override;
    core::Result<QList<core::devices::PtzPreset>> ptzPresets(const core::devices::DeviceAddress& device,
                                                             const QString& channelToken,
                                                             const core::devices::Cancellation& cancel) override;
    core::Status ptzGotoPreset(const core::devices::DeviceAddress& device, const QString& channelToken,
                               const QString& presetToken, const core::devices::Cancellation& cancel) override;
    core::Result<QString> ptzSetPreset(const core::devices::DeviceAddress& device, const QString& channelToken,
                                       const QString& name, const core::devices::Cancellation& cancel) override;
    core::Result<core::devices::DeviceTime> time(const core::devices::DeviceAddress& device,
                                                 const core::devices::Cancellation& cancel) override;
    core::Status setNtp(const core::devices::DeviceAddress& device, const QStringList& servers,
                        const core::devices::Cancellation& cancel) override;
    core::Result<QList<core::devices::DeviceUser>> users(const core::devices::DeviceAddress& device,
                                                         const core::devices::Cancellation& cancel) override;
    core::Status setUserPassword(const core::devices::DeviceAddress& device, const QString& user,
                                 const QString& password, const core::devices::Cancellation& cancel) override;
    core::Result<core::devices::DeviceSecurityInfo> securityInfo(const core::devices::DeviceAddress& device,
                                                                 const core::devices::Cancellation& cancel) override;
    core::Status setDiscoverable(const core::devices::DeviceAddress& device, bool discoverable,
                                 const core::devices::Cancellation& cancel) override;
    core::Status setProtocolEnabled(const core::devices::DeviceAddress& device, const QString& protocol, bool enabled,
                                    const core::devices::Cancellation& cancel) override;
    core::Status deleteUser(const core::devices::DeviceAddress& device, const QString& user,
                            const core::devices::Cancellation& cancel) override;
    core::Result<std::unique_ptr<core::devices::DeviceEventStream>> subscribeEvents(
        const core::devices::DeviceAddress& device, const core::devices::Cancellation& cancel) override;

    // Drops everything remembered about devices (tests; a device that changed completely).
    static void forgetAll();

private:
    static DeviceState remembered(const core::devices::DeviceAddress& device);
    static void remember(const core::devices::DeviceAddress& device, const OnvifSession& session);
    static void forget(const core::devices::DeviceAddress& device);

    // One Device service call of a session made ready for it (clock read), remembered on success.
    core::Result<XmlElement> deviceCall(const core::devices::DeviceAddress& device, const QString& operation,
                                        const QString& body, const core::devices::Cancellation& cancel);

    // A PTZ call: finds the channel's PTZ profile, then posts `makeBody(profileToken)`.
    core::Result<XmlElement> ptzCall(const core::devices::DeviceAddress& device, const QString& channelToken,
                                     const QString& operation, const std::function<QString(const QString&)>& makeBody,
                                     const core::devices::Cancellation& cancel);
};

}  // namespace vigil::plugins::onvif
