#include "delivery/packet_queue.h"

#include <chrono>

namespace vigil::server {

qint64 steadyNowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

PacketQueue::PacketQueue(Overflow overflow, Limits limits, std::function<void()> wake)
    : m_overflow(overflow), m_limits(limits), m_wake(std::move(wake)) {}

void PacketQueue::started(const core::media::StreamInfo& info) {
    std::unique_lock lock(m_mutex);
    m_videoTrack = info.videoTrack();
    m_waitingForKeyframe = false;
    FeedEvent event;
    event.kind = FeedEvent::Kind::Started;
    event.info = info;
    push(std::move(event), lock);
}

void PacketQueue::packet(const core::media::PacketPtr& packet) {
    std::unique_lock lock(m_mutex);
    if (m_closed) {
        return;
    }
    const bool startsPicture = m_videoTrack < 0 || (packet->track == m_videoTrack && packet->keyframe);
    if (m_overflow == Overflow::Wait) {
        m_room.wait(lock, [&] { return m_closed || !full(*packet); });
        if (m_closed) {
            return;
        }
    } else {
        if (m_waitingForKeyframe) {
            if (!startsPicture) {
                ++m_counters.droppedPackets;
                return;
            }
            m_waitingForKeyframe = false;
        }
        if (full(*packet)) {
            // The viewer fell behind: start again from a picture it can decode.
            dropQueuedPackets();
            ++m_counters.drops;
            if (!startsPicture) {
                m_waitingForKeyframe = true;
                ++m_counters.droppedPackets;
                return;
            }
        }
    }
    FeedEvent event;
    event.kind = FeedEvent::Kind::Packet;
    event.packet = packet;
    m_bytes += packet->data.size();
    push(std::move(event), lock);
}

void PacketQueue::stopped(const QString& reason) {
    std::unique_lock lock(m_mutex);
    FeedEvent event;
    event.kind = FeedEvent::Kind::Stopped;
    event.message = reason;
    push(std::move(event), lock);
}

void PacketQueue::ended(const QString& error, const QString& message) {
    std::unique_lock lock(m_mutex);
    FeedEvent event;
    event.kind = FeedEvent::Kind::Ended;
    event.error = error;
    event.message = message;
    push(std::move(event), lock);
}

std::vector<FeedEvent> PacketQueue::take(int maxPackets) {
    std::vector<FeedEvent> taken;
    {
        std::lock_guard lock(m_mutex);
        m_wakePending = false;
        int packets = 0;
        while (!m_events.empty() && packets < maxPackets) {
            FeedEvent& front = m_events.front();
            if (front.kind == FeedEvent::Kind::Packet) {
                ++packets;
                m_bytes -= front.packet->data.size();
            }
            taken.push_back(std::move(front));
            m_events.pop_front();
        }
    }
    if (!taken.empty()) {
        m_room.notify_all();
    }
    return taken;
}

void PacketQueue::close() {
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_events.clear();
        m_bytes = 0;
    }
    m_room.notify_all();
}

bool PacketQueue::isClosed() const {
    std::lock_guard lock(m_mutex);
    return m_closed;
}

PacketQueue::Counters PacketQueue::counters() const {
    std::lock_guard lock(m_mutex);
    return m_counters;
}

qint64 PacketQueue::queuedBytes() const {
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

bool PacketQueue::full(const core::media::MediaPacket& incoming) const {
    if (m_bytes == 0) {
        return false;  // one packet always fits, however large
    }
    if (m_bytes + incoming.data.size() > m_limits.maxBytes) {
        return true;
    }
    for (const FeedEvent& event : m_events) {
        if (event.kind == FeedEvent::Kind::Packet) {
            return incoming.dtsUs - event.packet->dtsUs > m_limits.maxSpanUs;
        }
    }
    return false;
}

void PacketQueue::push(FeedEvent&& event, std::unique_lock<std::mutex>& lock) {
    if (m_closed) {
        return;
    }
    event.receivedNs = steadyNowNs();
    m_events.push_back(std::move(event));
    const bool wake = !m_wakePending;
    m_wakePending = true;
    lock.unlock();
    if (wake && m_wake) {
        m_wake();
    }
}

void PacketQueue::dropQueuedPackets() {
    // Connection events stay: the viewer must still learn that the stream restarted or stopped.
    std::deque<FeedEvent> kept;
    for (FeedEvent& event : m_events) {
        if (event.kind == FeedEvent::Kind::Packet) {
            ++m_counters.droppedPackets;
        } else {
            kept.push_back(std::move(event));
        }
    }
    m_events.swap(kept);
    m_bytes = 0;
}

}  // namespace vigil::server
