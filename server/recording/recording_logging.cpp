#include "recording/recording_logging.h"

Q_LOGGING_CATEGORY(lcRecording, "vigil.server.recording")
