#pragma once
// VirtualDriver: the "virtual" device driver (plugins/virtual/README.md): a generated camera for
// demos and a first look without hardware. virtual://<name> is one camera with one channel whose
// main and sub streams come from VirtualCameraHost, on 127.0.0.1.

#include <QObject>

#include "devices/device_driver.h"

namespace vigil::plugins {

class VirtualDriver final : public core::devices::DeviceDriver {
public:
    static constexpr auto kId = "virtual";

    QString id() const override { return QString::fromLatin1(kId); }
    QString displayName() const override { return QStringLiteral("Virtual camera (generated picture)"); }

    core::Result<core::devices::DeviceDescription> describe(const core::devices::DeviceAddress& device,
                                                            const core::devices::Cancellation& cancel) override;
};

class VirtualDriverFactory final : public QObject, public core::devices::DeviceDriverFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VIGIL_DEVICE_DRIVER_IID FILE "virtual_driver.json")
    Q_INTERFACES(vigil::core::devices::DeviceDriverFactory)

public:
    std::unique_ptr<core::devices::DeviceDriver> create() override { return std::make_unique<VirtualDriver>(); }
};

}  // namespace vigil::plugins
