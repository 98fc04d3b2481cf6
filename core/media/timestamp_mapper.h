#pragma once
// TimestampMapper: turns a stream's own timestamps (microseconds from an arbitrary origin, per
// track) into UTC microseconds (media_packet.h: one clock for index rows, timeline and seeks).
//
// - Anchor: at a connection's first packet. When the camera has told us its wall clock through
//   RTCP sender reports (FFmpeg's start_time_realtime, the UTC of stream time 0) and that clock
//   agrees with ours within the tolerances below, the camera's clock anchors the stream (capture
//   time, not arrival time). Otherwise the arrival time of the first packet does. When the RTCP
//   time arrives after the first packets, the tracks glide to it (slewed like drift, below)
//   rather than stepping back by the network delay.
// - Monotonic: every track's DTS strictly increases, whatever the stream does.
// - Jumps: a track whose timestamps go backwards or skip ahead by more than kMaxGapUs, or that
//   falls more than kMaxBehindUs behind (or kMaxAheadUs ahead of) the wall clock, is re-anchored
//   to the arrival time (clamped to stay monotonic). RTP's 32-bit wrap is already unwrapped by
//   FFmpeg; anything left over is a jump.
// - Drift: a camera clock that runs fast or slow moves media time away from ours by up to some
//   seconds a day. Beyond kSlewAheadUs ahead or kSlewBehindUs behind, the track's time runs 1 %
//   slower or faster (kSlewPercent) until it is back: smooth, no jumps, no reconnects needed.
// Pure logic with the arrival time passed in, so tests drive it without a clock.

#include <QtGlobal>
#include <limits>
#include <vector>

namespace vigil::core::media {

class TimestampMapper {
public:
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    // A camera's RTCP clock is used when it puts the stream at most this far from our clock.
    static constexpr qint64 kCameraAheadUs = 1'000'000;
    static constexpr qint64 kCameraBehindUs = 3'000'000;
    // Beyond these a track is re-anchored (a jump); within them drift is slewed.
    static constexpr qint64 kMaxAheadUs = 5'000'000;
    static constexpr qint64 kMaxBehindUs = 10'000'000;
    static constexpr qint64 kSlewAheadUs = 500'000;  // media time can never be in the future
    static constexpr qint64 kSlewBehindUs = 3'000'000;  // network delay is normal, not drift
    static constexpr qint64 kSlewPercent = 1;
    // A step between two packets of one track larger than this is a jump, not a pause.
    static constexpr qint64 kMaxGapUs = 10'000'000;

    struct Mapped {
        qint64 dtsUs = 0;
        qint64 ptsUs = 0;
    };

    // `dtsUs`/`ptsUs`: the track's own timestamps in microseconds (kNoTime when missing).
    // `nowUs`: UTC arrival time. `realtimeUs`: UTC of stream time 0 from RTCP, or kNoTime.
    Mapped map(int track, qint64 dtsUs, qint64 ptsUs, qint64 nowUs, qint64 realtimeUs);

    void reset();                                       // a new connection
    bool anchored() const { return m_anchored; }        // a packet with a timestamp came
    bool anchoredToCamera() const { return m_camera; }  // the camera's RTCP clock is in use
    int reanchors() const { return m_reanchors; }       // jumps handled since reset

private:
    struct Track {
        qint64 offsetUs = 0;  // UTC = own time + offset
        qint64 targetOffsetUs = 0;  // where the offset glides to while hasTarget
        bool hasTarget = false;
        qint64 lastOwnUs = kNoTime;
        qint64 lastUtcUs = kNoTime;
    };
    Track& track(int index);
    static bool cameraAgrees(qint64 utcUs, qint64 nowUs);

    std::vector<Track> m_tracks;
    bool m_anchored = false;
    bool m_camera = false;
    qint64 m_offsetUs = 0;  // the connection's anchor, given to tracks when they first appear
    int m_reanchors = 0;
};

}  // namespace vigil::core::media
