#include "onvif_plugin.h"

#include "onvif_driver.h"

namespace vigil::plugins::onvif {

std::unique_ptr<core::devices::DeviceDriver> OnvifPlugin::create() {
    return std::make_unique<OnvifDriver>();
}

}  // namespace vigil::plugins::onvif
