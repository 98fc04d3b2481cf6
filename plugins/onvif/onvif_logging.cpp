#include "onvif_logging.h"

Q_LOGGING_CATEGORY(lcOnvif, "vigil.plugins.onvif", QtInfoMsg)
