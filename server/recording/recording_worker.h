#pragma once
// RecordingWorker: the thread that writes recordings. Stream recorders' work arrives as jobs from
// the hub's reader threads (RecorderSink) and runs here in order, so a slow disk delays only the
// recordings, never the readers or live viewers. The queue is bounded in bytes: when the storage
// cannot keep up, RecorderSink drops packets until the next keyframe and the gap is recorded.

#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "media/stream_hub.h"
#include "recording/stream_recorder.h"

namespace vigil::server {

class RecordingWorker {
public:
    static constexpr qint64 kMaxQueuedBytes = 64 << 20;

    RecordingWorker();
    ~RecordingWorker();  // runs what is queued, then stops
    RecordingWorker(const RecordingWorker&) = delete;
    RecordingWorker& operator=(const RecordingWorker&) = delete;

    void post(std::function<void()> job, qint64 bytes = 0);
    qint64 queuedBytes() const;
    // Runs everything queued so far before returning (tests, orderly stops).
    void drain();

private:
    struct Job {
        std::function<void()> run;
        qint64 bytes = 0;
    };
    void loop();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    qint64 m_queuedBytes = 0;
    bool m_running = false;  // a job is being run
    bool m_stop = false;
    std::thread m_thread;
};

// The hub subscriber of one recording: hands everything to the recorder's worker.
class RecorderSink final : public PacketSink {
public:
    RecorderSink(std::shared_ptr<StreamRecorder> recorder, RecordingWorker& worker)
        : m_recorder(std::move(recorder)), m_worker(worker) {}

    void streamStarted(const core::media::StreamInfo& info) override;
    void packet(const core::media::PacketPtr& packet) override;
    void streamStopped(const QString& reason) override;

private:
    std::shared_ptr<StreamRecorder> m_recorder;
    RecordingWorker& m_worker;
    int m_videoTrack = -1;
    bool m_dropping = false;  // reader thread only
    qint64 m_dropped = 0;
};

}  // namespace vigil::server
