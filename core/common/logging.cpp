#include "common/logging.h"

Q_LOGGING_CATEGORY(lcStore, "vigil.core.store")
Q_LOGGING_CATEGORY(lcSecrets, "vigil.core.secrets")
Q_LOGGING_CATEGORY(lcTls, "vigil.core.tls")
Q_LOGGING_CATEGORY(lcClient, "vigil.core.client")
Q_LOGGING_CATEGORY(lcPlatform, "vigil.core.platform")
