#pragma once
// MotionWorker: server-side motion detection on one camera stream (server/motion/README.md). It
// subscribes to the stream the engine already pulls (StreamHub: no second connection to the camera),
// drops what it need not decode on the reader thread (audio, pictures nothing refers to, everything up
// to the next keyframe when it falls behind), and on its own thread decodes the rest with
// core/media's LumaDecoder, compares kPicturesPerSecond small grey pictures a second with
// MotionDetector, and reports starts and ends.
//
// Threads: the constructor, destructor, apply() and status() belong to the owner's thread; `report`
// runs on the worker's thread (queue it to your own). No report runs after the destructor returns.

#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "media/stream_hub.h"
#include "motion/motion_detector.h"
#include "motion/motion_settings.h"

namespace vigil::server {

class MotionWorker {
public:
    static constexpr int kPicturesPerSecond = 5;  // compared; the others are decoded only as references
    static constexpr int kMaxQueued = 50;         // packets waiting (2 s at 25 fps): beyond, skip to a keyframe

    // active, the number of changed cells, the picture's UTC ms.
    using Report = std::function<void(bool active, int changedCells, qint64 timeMs)>;

    MotionWorker(StreamHub& hub, const QString& streamKey, const MotionSettings& settings, Report report);
    ~MotionWorker();
    MotionWorker(const MotionWorker&) = delete;
    MotionWorker& operator=(const MotionWorker&) = delete;

    const QString& streamKey() const { return m_streamKey; }
    void apply(const MotionSettings& settings);  // sensitivity and regions, from the next picture on
    MotionStatus status() const;  // state, message and counters (stream is the owner's to fill)

private:
    class Sink;
    struct Item {
        enum class Type { Started, Packet, Stopped } type = Type::Packet;
        core::media::StreamInfo info;
        core::media::PacketPtr packet;
    };

    // Reader thread.
    void streamStarted(const core::media::StreamInfo& info);
    void packet(const core::media::PacketPtr& packet);
    void streamStopped();
    void push(Item item);

    // Worker thread.
    void run();
    void handle(const Item& item);
    void setState(const char* state, const QString& message = {});

    const QString m_streamKey;
    Report m_report;
    MotionDetector m_detector;
    core::media::LumaDecoder m_decoder{MotionDetector::kWidth, MotionDetector::kHeight};
    qint64 m_lastPictureUs = 0;

    mutable std::mutex m_mutex;  // guards everything below up to the counters
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    std::optional<MotionSettings> m_pending;  // settings to apply on the worker thread
    QString m_state = QString::fromLatin1(MotionStatus::kWaiting);
    QString m_message;
    // Reader thread only.
    int m_videoTrack = -1;
    QString m_codec;
    bool m_waitKeyframe = true;

    std::atomic<qint64> m_packets{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_compared{0};
    std::atomic<qint64> m_decoded{0};
    std::atomic<qint64> m_lastMotionMs{0};

    std::thread m_thread;
    std::unique_ptr<StreamSubscription> m_subscription;  // last: detached first
};

}  // namespace vigil::server
