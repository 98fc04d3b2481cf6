#include "events/events_logging.h"

Q_LOGGING_CATEGORY(lcEvents, "vigil.server.events")
