#pragma once
// SegmentMirror: copies finished segments from the primary storage location to the mirror
// (SEC-2.9) on a thread of its own, newest first, each through a ".part" file that is synced and
// then renamed, so the mirror never holds half a segment under a segment's name. The recorder
// writes only once (no second mux); a primary disk that fails loses at most the open segments.

#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "recording/recording_model.h"

namespace vigil::server {

class SegmentMirror {
public:
    // Called on the mirror's thread: the copy made (row with location "mirror"), or why not.
    using Done = std::function<void(const SegmentRow& copy, const QString& problem)>;

    explicit SegmentMirror(Done done);
    ~SegmentMirror();  // abandons what is queued (it is found again at the next start)

    void copy(const SegmentRow& primary, const QString& fromRoot, const QString& toRoot);
    int queued() const;
    void drain();  // waits until the queue is empty (tests)

    // Copies one file as described above; an empty string when done.
    static QString copyFile(const QString& from, const QString& to);

private:
    struct Job {
        SegmentRow row;
        QString fromRoot;
        QString toRoot;
    };
    void loop();

    Done m_done;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace vigil::server
