#pragma once
// ClipGenerator: makes the short H.264 clip a virtual camera loops: a moving test picture (colour
// bands drifting across, a block bouncing, a frame counter strip) encoded once with libx264 into
// MP4 (no B-frames, a keyframe every second, as cameras send), then reused. The motion repeats
// exactly over the clip's length, so the loop has no jump.

#include <QString>

#include "common/result.h"

namespace vigil::plugins {

struct ClipSpec {
    int width = 1280;
    int height = 720;
    int fps = 25;
    int seconds = 10;
    qint64 bitsPerSecond = 2'000'000;

    QString fileName() const;  // names the parameters, so a changed spec makes a new file
};

class ClipGenerator {
public:
    // The clip's path in `folder`, made if it is not there yet (written to a temporary name and
    // renamed, so a half-written clip is never used).
    static core::Result<QString> ensure(const QString& folder, const ClipSpec& spec);

private:
    static core::Status encode(const QString& path, const ClipSpec& spec);
};

}  // namespace vigil::plugins
