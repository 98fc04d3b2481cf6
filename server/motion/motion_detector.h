#pragma once
// MotionDetector: the pure part of server-side motion detection (issue 6, "Event sources"). It is fed
// small grey pictures (core/media/luma_decoder.h, kWidth x kHeight) with their times and says when
// motion starts and ends. No threads, no FFmpeg, no I/O: tst_motion_detector drives it with
// synthetic pictures.
//
// How: a running background (each pixel drifts towards what it sees, so slow light changes fade
// in), a pixel differs when it is further from the background than the sensitivity allows, and a
// cell of the region grid is active when enough of its pixels differ. A picture has motion when an
// active cell is one the regions include. A picture where most included cells changed at once is a
// light switched on or the camera's day/night switch, not motion: the background restarts from it.
// Motion starts after kStartPictures pictures in a row with motion and ends after kQuietMs without.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <array>
#include <bitset>
#include <vector>

#include "common/result.h"
#include "media/luma_decoder.h"
#include "model/motion_model.h"

namespace vigil::server {

// The region grid (kColumns x kRows cells, '0'/'1' rows on the API) is an API type, shared with the
// workstation's motion panel.
using core::model::MotionRegions;

class MotionDetector {
public:
    static constexpr int kWidth = 160;  // the working picture: 10 x 10 pixels per cell
    static constexpr int kHeight = 120;
    static constexpr int kStartPictures = 2;   // pictures in a row with motion before it starts
    static constexpr qint64 kQuietMs = 3000;   // without motion before it ends
    static constexpr double kLightChange = 0.7;  // this share of included cells changed at once: light, not motion
    static constexpr int kMinSensitivity = core::model::MotionSettings::kMinSensitivity;
    static constexpr int kMaxSensitivity = core::model::MotionSettings::kMaxSensitivity;

    struct Comparison {
        int changedCells = 0;   // active cells inside the regions
        bool motion = false;    // at least one of them
        bool lightChange = false;  // most of them: the background restarted, no motion
    };
    enum class Change { None, Started, Ended };

    MotionDetector();

    // 1 (only large, strong changes) .. 100 (small, faint ones).
    void setSensitivity(int sensitivity);
    int sensitivity() const { return m_sensitivity; }
    void setRegions(const MotionRegions& regions) { m_regions = regions; }
    const MotionRegions& regions() const { return m_regions; }

    // Compares one picture (kWidth x kHeight) with the background and moves the background towards
    // it. The first picture after construction or reset() only becomes the background.
    Comparison compare(const core::media::LumaFrame& picture);
    // compare() plus the start/end rule, with the picture's time in UTC ms.
    Change feed(const core::media::LumaFrame& picture, qint64 timeMs);
    // Ends what is going on (the stream stopped): Ended when motion was active.
    Change stop();
    void reset();  // a new stream: forget the background

    bool active() const { return m_active; }
    const Comparison& last() const { return m_last; }  // of the latest feed()
    int pixelThreshold() const;  // a pixel differs by more than this (0..255)
    double cellShare() const;    // a cell is active when more than this share of its pixels differ

private:
    int m_sensitivity = 50;
    MotionRegions m_regions = MotionRegions::all();
    std::vector<float> m_background;
    int m_inARow = 0;
    bool m_active = false;
    Comparison m_last;
    qint64 m_lastMotionMs = 0;
};

}  // namespace vigil::server
