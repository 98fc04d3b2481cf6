#pragma once
// Logging categories of core/media. FFmpeg's own messages go to vigil.core.media.ffmpeg
// (errors at info level, the rest at debug): QT_LOGGING_RULES="vigil.core.media*.debug=true".

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcMedia)
Q_DECLARE_LOGGING_CATEGORY(lcFfmpeg)

namespace vigil::core::media {
// Routes FFmpeg's av_log into lcFfmpeg. Called by every core/media entry point; runs once.
void installFfmpegLogging();
}  // namespace vigil::core::media
