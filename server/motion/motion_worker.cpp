#include "motion/motion_worker.h"

#include <QDateTime>

#include "media/nal_units.h"

namespace vigil::server {

using core::media::PacketPtr;
using core::media::StreamInfo;

// The hub calls it on the stream's reader thread; it only sorts and queues.
class MotionWorker::Sink : public PacketSink {
public:
    explicit Sink(MotionWorker& worker) : m_worker(worker) {}
    void streamStarted(const StreamInfo& info) override { m_worker.streamStarted(info); }
    void packet(const PacketPtr& packet) override { m_worker.packet(packet); }
    void streamStopped(const QString&) override { m_worker.streamStopped(); }

private:
    MotionWorker& m_worker;
};

MotionWorker::MotionWorker(StreamHub& hub, const QString& streamKey, const MotionSettings& settings, Report report)
    : m_streamKey(streamKey), m_report(std::move(report)) {
    m_detector.setSensitivity(settings.sensitivity);
    m_detector.setRegions(settings.regions);
    m_thread = std::thread([this] { run(); });
    // From the latest keyframe: the first picture comes at once instead of a GOP later.
    m_subscription = hub.subscribe(streamKey, std::make_shared<Sink>(*this), true);
}

MotionWorker::~MotionWorker() {
    m_subscription.reset();  // no sink callback after this
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void MotionWorker::apply(const MotionSettings& settings) {
    std::lock_guard lock(m_mutex);
    m_pending = settings;
}

MotionStatus MotionWorker::status() const {
    MotionStatus status;
    {
        std::lock_guard lock(m_mutex);
        status.state = m_state;
        status.message = m_message;
    }
    status.packets = m_packets.load();
    status.dropped = m_dropped.load();
    status.decoded = m_decoded.load();
    status.compared = m_compared.load();
    status.lastMotionMs = m_lastMotionMs.load();
    return status;
}

void MotionWorker::streamStarted(const StreamInfo& info) {
    m_videoTrack = info.videoTrack();
    m_codec = m_videoTrack >= 0 ? info.tracks[m_videoTrack].codec : QString();
    m_waitKeyframe = true;
    push(Item{Item::Type::Started, info, {}});
}

void MotionWorker::packet(const PacketPtr& packet) {
    if (packet->track != m_videoTrack) {
        return;  // audio
    }
    ++m_packets;
    if (!packet->keyframe && (m_waitKeyframe || core::media::isDisposablePacket(m_codec, packet->data))) {
        ++m_dropped;  // never decoded: nothing needs it
        return;
    }
    m_waitKeyframe = false;
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<int>(m_queue.size()) >= kMaxQueued) {
            // Behind (a busy machine): drop what waits and start again at the next keyframe.
            qint64 packets = 0;
            for (const Item& item : m_queue) {
                packets += item.type == Item::Type::Packet ? 1 : 0;
            }
            std::erase_if(m_queue, [](const Item& item) { return item.type == Item::Type::Packet; });
            m_dropped += packets;
            if (!packet->keyframe) {
                m_waitKeyframe = true;
                ++m_dropped;
                return;
            }
        }
    }
    push(Item{Item::Type::Packet, {}, packet});
}

void MotionWorker::streamStopped() {
    push(Item{Item::Type::Stopped, {}, {}});
}

void MotionWorker::push(Item item) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(item));
    }
    m_wake.notify_one();
}

void MotionWorker::run() {
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) {
                return;
            }
            item = std::move(m_queue.front());
            m_queue.pop_front();
            if (m_pending) {
                m_detector.setSensitivity(m_pending->sensitivity);
                m_detector.setRegions(m_pending->regions);
                m_pending.reset();
            }
        }
        handle(item);
    }
}

void MotionWorker::handle(const Item& item) {
    switch (item.type) {
    case Item::Type::Started: {
        m_detector.reset();
        m_lastPictureUs = 0;
        const int track = item.info.videoTrack();
        if (track < 0) {
            setState(MotionStatus::kFailed, QStringLiteral("The stream has no video."));
            return;
        }
        const core::Status opened = m_decoder.open(item.info.tracks[track]);
        setState(opened ? MotionStatus::kWatching : MotionStatus::kFailed, opened ? QString() : opened.error().message);
        return;
    }
    case Item::Type::Stopped:
        if (m_detector.stop() == MotionDetector::Change::Ended) {
            m_report(false, 0, QDateTime::currentMSecsSinceEpoch());
        }
        m_detector.reset();
        setState(MotionStatus::kWaiting, QStringLiteral("The stream stopped; waiting for it to come back."));
        return;
    case Item::Type::Packet:
        break;
    }
    if (!m_decoder.isOpen()) {
        return;
    }
    const PacketPtr& packet = item.packet;
    // A few pictures a second are enough to see motion; the rest are decoded only because later
    // pictures refer to them.
    const bool want = packet->ptsUs - m_lastPictureUs >= 1000000 / kPicturesPerSecond || packet->ptsUs < m_lastPictureUs;
    const qint64 before = m_decoder.picturesDecoded();
    auto picture = m_decoder.decode(packet, want);
    m_decoded += m_decoder.picturesDecoded() - before;
    if (!picture || !picture->has_value()) {
        return;
    }
    m_lastPictureUs = packet->ptsUs;
    ++m_compared;
    const qint64 timeMs = packet->ptsUs / 1000;
    const MotionDetector::Change change = m_detector.feed(**picture, timeMs);
    if (m_detector.active()) {
        m_lastMotionMs = timeMs;
    }
    if (change == MotionDetector::Change::None) {
        return;
    }
    const bool started = change == MotionDetector::Change::Started;
    setState(started ? MotionStatus::kMotion : MotionStatus::kWatching);
    m_report(started, m_detector.last().changedCells, timeMs);
}

void MotionWorker::setState(const char* state, const QString& message) {
    std::lock_guard lock(m_mutex);
    m_state = QString::fromLatin1(state);
    m_message = message;
}

}  // namespace vigil::server
