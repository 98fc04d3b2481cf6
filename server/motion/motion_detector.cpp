#include "motion/motion_detector.h"

#include <algorithm>
#include <cmath>

namespace vigil::server {

namespace {

// How fast the background follows what the camera sees, per compared picture (a few per second):
// a thing that stops moving becomes background within seconds.
constexpr float kBackgroundRate = 0.1F;

constexpr int kCellWidth = MotionDetector::kWidth / MotionRegions::kColumns;
constexpr int kCellHeight = MotionDetector::kHeight / MotionRegions::kRows;
static_assert(kCellWidth * MotionRegions::kColumns == MotionDetector::kWidth);
static_assert(kCellHeight * MotionRegions::kRows == MotionDetector::kHeight);

}  // namespace

MotionDetector::MotionDetector() = default;

void MotionDetector::setSensitivity(int sensitivity) {
    m_sensitivity = std::clamp(sensitivity, kMinSensitivity, kMaxSensitivity);
}

int MotionDetector::pixelThreshold() const {
    // 100 -> 8 grey levels (sensor noise after compression is a few), 1 -> 48.
    return 8 + (kMaxSensitivity - m_sensitivity) * 40 / (kMaxSensitivity - kMinSensitivity);
}

double MotionDetector::cellShare() const {
    // 100 -> 2 % of a cell (a few pixels of the small picture), 1 -> 40 %.
    return 0.02 + (kMaxSensitivity - m_sensitivity) * 0.38 / (kMaxSensitivity - kMinSensitivity);
}

void MotionDetector::reset() {
    m_background.clear();
    m_inARow = 0;
}

MotionDetector::Comparison MotionDetector::compare(const core::media::LumaFrame& picture) {
    Comparison result;
    if (picture.width != kWidth || picture.height != kHeight || picture.pixels.size() != kWidth * kHeight) {
        return result;
    }
    const auto* pixels = reinterpret_cast<const uchar*>(picture.pixels.constData());
    if (m_background.empty()) {
        m_background.assign(pixels, pixels + kWidth * kHeight);
        return result;
    }
    const auto threshold = static_cast<float>(pixelThreshold());
    const int needed = std::max(1, static_cast<int>(std::ceil(cellShare() * kCellWidth * kCellHeight)));
    int included = 0;
    for (int row = 0; row < MotionRegions::kRows; ++row) {
        for (int column = 0; column < MotionRegions::kColumns; ++column) {
            if (!m_regions.includes(column, row)) {
                continue;
            }
            ++included;
            int differing = 0;
            for (int y = row * kCellHeight; y < (row + 1) * kCellHeight; ++y) {
                for (int x = column * kCellWidth; x < (column + 1) * kCellWidth; ++x) {
                    const int i = y * kWidth + x;
                    differing += std::fabs(static_cast<float>(pixels[i]) - m_background[i]) > threshold ? 1 : 0;
                }
            }
            result.changedCells += differing >= needed ? 1 : 0;
        }
    }
    result.lightChange = included > 0 && result.changedCells >= kLightChange * included && included >= 4;
    if (result.lightChange) {
        m_background.assign(pixels, pixels + kWidth * kHeight);
        return result;
    }
    result.motion = result.changedCells > 0;
    for (int i = 0; i < kWidth * kHeight; ++i) {
        m_background[i] += (static_cast<float>(pixels[i]) - m_background[i]) * kBackgroundRate;
    }
    return result;
}

MotionDetector::Change MotionDetector::feed(const core::media::LumaFrame& picture, qint64 timeMs) {
    const Comparison comparison = compare(picture);
    m_last = comparison;
    if (comparison.motion) {
        m_lastMotionMs = timeMs;
        if (++m_inARow >= kStartPictures && !m_active) {
            m_active = true;
            return Change::Started;
        }
        return Change::None;
    }
    m_inARow = 0;
    if (m_active && timeMs - m_lastMotionMs >= kQuietMs) {
        m_active = false;
        return Change::Ended;
    }
    return Change::None;
}

MotionDetector::Change MotionDetector::stop() {
    m_inARow = 0;
    if (!m_active) {
        return Change::None;
    }
    m_active = false;
    return Change::Ended;
}

}  // namespace vigil::server
