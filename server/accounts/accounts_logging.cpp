#include "accounts/accounts_logging.h"

Q_LOGGING_CATEGORY(lcAccounts, "vigil.server.accounts")
