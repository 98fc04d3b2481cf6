#include "media/media_logging.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdio>
#include <mutex>

Q_LOGGING_CATEGORY(lcMedia, "vigil.core.media")
Q_LOGGING_CATEGORY(lcFfmpeg, "vigil.core.media.ffmpeg")

namespace vigil::core::media {

namespace {
void forward(void* context, int level, const char* format, va_list arguments) {
    if (level > av_log_get_level()) {
        return;
    }
    const bool important = level <= AV_LOG_ERROR;
    if (important ? !lcFfmpeg().isInfoEnabled() : !lcFfmpeg().isDebugEnabled()) {
        return;  // skip the formatting nobody reads
    }
    char line[1024];
    int prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, sizeof line, &prefix);
    const QString text = QString::fromUtf8(line).trimmed();
    if (important) {
        qCInfo(lcFfmpeg).noquote() << text;
    } else {
        qCDebug(lcFfmpeg).noquote() << text;
    }
}
}  // namespace

void installFfmpegLogging() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_WARNING);
        av_log_set_callback(forward);
    });
}

}  // namespace vigil::core::media
