#include "recording/recording_worker.h"

#include <QLoggingCategory>
#include <pthread.h>

#include "recording/recording_logging.h"

namespace vigil::server {

RecordingWorker::RecordingWorker() : m_thread([this] { loop(); }) {}

RecordingWorker::~RecordingWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RecordingWorker::post(std::function<void()> job, qint64 bytes) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{std::move(job), bytes});
        m_queuedBytes += bytes;
    }
    m_wake.notify_one();
}

qint64 RecordingWorker::queuedBytes() const {
    std::lock_guard lock(m_mutex);
    return m_queuedBytes;
}

void RecordingWorker::drain() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_running; });
}

void RecordingWorker::loop() {
    pthread_setname_np(pthread_self(), "vigil:record");
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty()) {
            return;  // stopping, and everything queued has run
        }
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running = true;
        const qint64 bytes = job.bytes;
        lock.unlock();
        job.run();
        job = Job{};  // release packets outside the lock
        lock.lock();
        m_running = false;
        m_queuedBytes -= bytes;
        if (m_jobs.empty()) {
            m_idle.notify_all();
        }
    }
}

void RecorderSink::streamStarted(const core::media::StreamInfo& info) {
    m_videoTrack = info.videoTrack();
    m_dropping = false;
    m_worker.post([recorder = m_recorder, info] { recorder->started(info); });
}

void RecorderSink::packet(const core::media::PacketPtr& packet) {
    const qint64 bytes = packet->data.size();
    if (m_worker.queuedBytes() + bytes > RecordingWorker::kMaxQueuedBytes) {
        if (!m_dropping) {
            m_dropping = true;
            m_worker.post([recorder = m_recorder] {
                recorder->interrupted(QStringLiteral("The storage could not keep up; packets were dropped."));
            });
        }
        ++m_dropped;
        return;
    }
    if (m_dropping) {
        // Resume on a picture that decodes on its own, once the queue has room again.
        const bool keyframe = m_videoTrack < 0 || (packet->track == m_videoTrack && packet->keyframe);
        if (!keyframe || m_worker.queuedBytes() > RecordingWorker::kMaxQueuedBytes / 2) {
            ++m_dropped;
            return;
        }
        qCWarning(lcRecording) << "recording resumes after dropping" << m_dropped << "packets";
        m_dropping = false;
    }
    m_worker.post([recorder = m_recorder, packet] { recorder->packet(packet); }, bytes);
}

void RecorderSink::streamStopped(const QString& reason) {
    m_worker.post([recorder = m_recorder, reason] { recorder->stopped(reason); });
}

}  // namespace vigil::server
