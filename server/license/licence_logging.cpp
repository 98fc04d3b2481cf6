#include "license/licence_logging.h"

Q_LOGGING_CATEGORY(lcLicence, "vigil.server.licence")
