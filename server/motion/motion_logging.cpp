#include "motion/motion_logging.h"

Q_LOGGING_CATEGORY(lcMotion, "vigil.server.motion")
