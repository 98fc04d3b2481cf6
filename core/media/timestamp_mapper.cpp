#include "media/timestamp_mapper.h"

#include <algorithm>

namespace vigil::core::media {

void TimestampMapper::reset() {
    m_tracks.clear();
    m_anchored = false;
    m_camera = false;
    m_offsetUs = 0;
    m_reanchors = 0;
}

TimestampMapper::Track& TimestampMapper::track(int index) {
    const auto needed = static_cast<size_t>(std::max(index, 0)) + 1;
    if (m_tracks.size() < needed) {
        m_tracks.resize(needed);
        for (Track& t : m_tracks) {
            if (t.lastOwnUs == kNoTime) {
                t.offsetUs = m_offsetUs;
            }
        }
    }
    return m_tracks[needed - 1];
}

bool TimestampMapper::cameraAgrees(qint64 utcUs, qint64 nowUs) {
    return utcUs - nowUs <= kCameraAheadUs && nowUs - utcUs <= kCameraBehindUs;
}

TimestampMapper::Mapped TimestampMapper::map(int index, qint64 dtsUs, qint64 ptsUs, qint64 nowUs,
                                             qint64 realtimeUs) {
    // Cameras over RTSP give PTS only; without B-frames that is also the decoding time.
    const qint64 own = dtsUs != kNoTime ? dtsUs : ptsUs;
    const bool cameraTime = realtimeUs != kNoTime;

    if (!m_anchored && own != kNoTime) {
        m_anchored = true;
        const bool useCamera = cameraTime && cameraAgrees(realtimeUs + own, nowUs);
        m_camera = useCamera;
        m_offsetUs = useCamera ? realtimeUs : nowUs - own;
        for (Track& t : m_tracks) {
            t.offsetUs = m_offsetUs;
        }
    } else if (m_anchored && !m_camera && cameraTime && own != kNoTime && cameraAgrees(realtimeUs + own, nowUs)) {
        // The first RTCP sender report arrived after the first packets: glide to the camera's
        // clock (usually earlier than ours by the network delay) instead of stepping back.
        m_camera = true;
        m_offsetUs = realtimeUs;
        for (Track& t : m_tracks) {
            t.targetOffsetUs = realtimeUs;
            t.hasTarget = t.lastOwnUs != kNoTime;
            if (!t.hasTarget) {
                t.offsetUs = realtimeUs;
            }
        }
    }

    Track& t = track(index);
    qint64 utc = 0;
    if (own == kNoTime) {
        // No timestamp at all: place it just after the track's last packet, or at arrival.
        utc = t.lastUtcUs != kNoTime ? std::max(t.lastUtcUs + 1, nowUs) : nowUs;
    } else {
        const bool jumped = t.lastOwnUs != kNoTime && (own < t.lastOwnUs || own - t.lastOwnUs > kMaxGapUs);
        const qint64 ahead = own + t.offsetUs - nowUs;
        if (jumped || ahead > kMaxAheadUs || -ahead > kMaxBehindUs) {
            const qint64 target = t.lastUtcUs != kNoTime ? std::max(nowUs, t.lastUtcUs + 1) : nowUs;
            t.offsetUs = target - own;
            t.hasTarget = false;
            if (t.lastOwnUs != kNoTime) {
                ++m_reanchors;
            }
        } else if (t.lastOwnUs != kNoTime) {
            // Run this step up to 1 % slower or faster: invisible, and it converges on any real
            // clock drift, which is far below 1 %.
            const qint64 step = std::max<qint64>((own - t.lastOwnUs) * kSlewPercent / 100, 1);
            if (t.hasTarget) {
                const qint64 difference = t.targetOffsetUs - t.offsetUs;
                t.offsetUs += std::clamp(difference, -step, step);
                t.hasTarget = t.offsetUs != t.targetOffsetUs;
            } else if (ahead > kSlewAheadUs || -ahead > kSlewBehindUs) {
                t.offsetUs += ahead > 0 ? -step : step;
            }
        }
        utc = own + t.offsetUs;
        t.lastOwnUs = own;
    }
    if (t.lastUtcUs != kNoTime && utc <= t.lastUtcUs) {
        utc = t.lastUtcUs + 1;
    }
    t.lastUtcUs = utc;

    Mapped mapped;
    mapped.dtsUs = utc;
    const qint64 reorder = (ptsUs != kNoTime && dtsUs != kNoTime) ? ptsUs - dtsUs : 0;
    mapped.ptsUs = utc + std::max<qint64>(reorder, 0);
    return mapped;
}

}  // namespace vigil::core::media
