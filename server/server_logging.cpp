#include "server_logging.h"

Q_LOGGING_CATEGORY(lcEngine, "vigil.server.engine")
Q_LOGGING_CATEGORY(lcHttp, "vigil.server.http")
Q_LOGGING_CATEGORY(lcSystem, "vigil.server.system")
