#pragma once
// Logging category of the workstation ("vigil.app"). The UI test waits for its "home: health
// received" line, so keep that wording.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)
