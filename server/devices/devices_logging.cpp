#include "devices/devices_logging.h"

Q_LOGGING_CATEGORY(lcDevices, "vigil.server.devices")
