#include "delivery/delivery_logging.h"

Q_LOGGING_CATEGORY(lcDelivery, "vigil.server.delivery")
