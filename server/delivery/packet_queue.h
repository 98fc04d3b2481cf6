#pragma once
// PacketQueue: the hand-over between a producer thread (the stream hub's reader for live, an
// archive reader for playback) and one viewer on the engine's thread (docs/design/delivery.md).
//
// Bounded by bytes and by media time. When full:
//  - DropToKeyframe (live): the packets queued are thrown away and the viewer resumes at the next
//    video keyframe, so a slow viewer costs a bounded amount of memory, never slows the reader
//    (which only takes a lock and appends here) and never another viewer. Each such drop counts.
//  - Wait (archive): the producer waits for room, so a slow viewer simply reads slower.
//
// The consumer is woken through `wake` (called on the producer's thread, outside the lock) once
// per batch: the first event after a take() wakes it, later ones find it already woken.

#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::server {

struct FeedEvent {
    enum class Kind {
        Started,  // a connection (live) or a segment run (archive) begins: `info`
        Packet,   // `packet`
        Stopped,  // the camera connection ended (live; the hub reconnects): `message`
        Ended,    // nothing more will come: `error` empty at a normal end, else what failed
    };
    Kind kind = Kind::Packet;
    core::media::StreamInfo info;
    core::media::PacketPtr packet;
    QString error;
    QString message;
    qint64 receivedNs = 0;  // steady clock when the producer handed it over (latency figures)
};

class PacketQueue {
public:
    enum class Overflow { DropToKeyframe, Wait };
    struct Limits {
        qint64 maxBytes = 8 << 20;
        qint64 maxSpanUs = 3'000'000;  // media time between the oldest queued packet and the newest
    };
    struct Counters {
        qint64 drops = 0;           // times the queue was thrown away (live)
        qint64 droppedPackets = 0;  // packets never sent because of it
    };

    PacketQueue(Overflow overflow, Limits limits, std::function<void()> wake);

    // Producer side (any one thread).
    void started(const core::media::StreamInfo& info);
    void packet(const core::media::PacketPtr& packet);  // Wait: blocks until there is room or close()
    void stopped(const QString& reason);
    void ended(const QString& error = {}, const QString& message = {});

    // Consumer side. Up to `maxPackets` packets (and the events between them), oldest first.
    std::vector<FeedEvent> take(int maxPackets);
    // The consumer is gone: producers stop waiting and what they push is ignored.
    void close();
    bool isClosed() const;

    Counters counters() const;
    qint64 queuedBytes() const;

private:
    bool full(const core::media::MediaPacket& incoming) const;  // with m_mutex held
    void push(FeedEvent&& event, std::unique_lock<std::mutex>& lock);
    void dropQueuedPackets();

    const Overflow m_overflow;
    const Limits m_limits;
    const std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_room;
    std::deque<FeedEvent> m_events;
    qint64 m_bytes = 0;
    int m_videoTrack = -1;
    bool m_waitingForKeyframe = false;
    bool m_wakePending = false;
    bool m_closed = false;
    Counters m_counters;
};

// Steady-clock nanoseconds, for latency figures only (never on the wire).
qint64 steadyNowNs();

}  // namespace vigil::server
