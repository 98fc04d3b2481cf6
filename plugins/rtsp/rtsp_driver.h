#pragma once
// RtspDriver: the "rtsp" device driver (plugins/rtsp/README.md). A device is its stream URL(s); it
// has one channel (token "0") whose main and sub streams are those URLs. describe() asks each rtsp://
// URL what it serves (OPTIONS + DESCRIBE with the credentials, core/media/rtsp/rtsp_probe.h), so a
// wrong password, nothing listening or a URL that is not a stream is known before the device is used.

#include <QObject>

#include "devices/device_driver.h"

namespace vigil::plugins {

class RtspDriver final : public core::devices::DeviceDriver {
public:
    static constexpr auto kId = "rtsp";
    static constexpr int kProbeTimeoutMs = 10000;  // per stream; a camera slower than this is not usable

    QString id() const override { return QString::fromLatin1(kId); }
    QString displayName() const override { return QStringLiteral("RTSP stream (by URL)"); }

    core::Result<core::devices::DeviceDescription> describe(const core::devices::DeviceAddress& device,
                                                            const core::devices::Cancellation& cancel) override;
};

class RtspDriverFactory final : public QObject, public core::devices::DeviceDriverFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VIGIL_DEVICE_DRIVER_IID FILE "rtsp_driver.json")
    Q_INTERFACES(vigil::core::devices::DeviceDriverFactory)

public:
    std::unique_ptr<core::devices::DeviceDriver> create() override { return std::make_unique<RtspDriver>(); }
};

}  // namespace vigil::plugins
