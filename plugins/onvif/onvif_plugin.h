#pragma once
// The Qt plugin that hands the "onvif" driver to the devices service's plugin loader.

#include <QObject>

#include "devices/device_driver.h"

namespace vigil::plugins::onvif {

class OnvifPlugin : public QObject, public core::devices::DeviceDriverFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VIGIL_DEVICE_DRIVER_IID FILE "onvif.json")
    Q_INTERFACES(vigil::core::devices::DeviceDriverFactory)
public:
    std::unique_ptr<core::devices::DeviceDriver> create() override;
};

}  // namespace vigil::plugins::onvif
