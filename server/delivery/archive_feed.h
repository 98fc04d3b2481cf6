#pragma once
// ArchiveFeed: plays recorded segments of one stream into a PacketQueue on a thread of its own,
// from the keyframe at or before `from` to `to`, as one continuous sequence across segments
// (core/media/archive_reader.h), paced at `speed` (docs/design/delivery.md).
//
// Pacing: packets before `from` go at once (the player needs them to decode up to `from`), later
// ones at speed x real time from there; speed 0 sends as fast as the client reads (the queue's
// Wait policy holds the reader back). Gaps in the recording longer than kGapUs are skipped: the
// packets after a gap are moved earlier, so players do not wait through it.
//
// Implements StreamSubscription: destroying the feed stops and joins its thread; close the queue
// first so a reader waiting for room lets go.

#include <QList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "delivery/packet_queue.h"
#include "media/archive_reader.h"
#include "media/stream_hub.h"

namespace vigil::server {

// The recorder's answer to "which segments of this channel's stream overlap [fromMs, toMs)"
// (RecordingService::segmentRefs). A function, so delivery does not depend on how the index is kept
// and tests can hand it segments written with SegmentWriter.
using SegmentLookup = std::function<core::Result<QList<core::media::SegmentRef>>(
    const QString& channelId, const QString& stream, qint64 fromMs, qint64 toMs)>;

class ArchiveFeed final : public StreamSubscription {
public:
    static constexpr qint64 kGapUs = 2'000'000;        // a jump longer than this is a gap (as the recorder's periods)
    static constexpr qint64 kAfterGapUs = 40'000;      // what a gap shrinks to (one frame at 25 fps)

    struct Request {
        QList<core::media::SegmentRef> segments;
        qint64 fromUs = 0;
        qint64 toUs = 0;
        double speed = 1.0;  // 0: as fast as the client reads
    };

    ArchiveFeed(Request request, std::shared_ptr<PacketQueue> queue);
    ~ArchiveFeed() override;

private:
    void run();
    bool waitUntil(std::chrono::steady_clock::time_point when);  // false when stopping

    Request m_request;
    std::shared_ptr<PacketQueue> m_queue;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
};

}  // namespace vigil::server
