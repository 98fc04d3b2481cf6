#pragma once
// ByteQueue: the bytes of one HTTPS stream, from the network thread to FFmpeg's reader (an
// AVIOContext read callback on the demux thread). Bounded: when it is full the network side stops
// reading, so TCP holds the server back (an archive is sent as fast as we read; pausing stops it).

#include <QByteArray>
#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>

namespace vigil::app::player {

class ByteQueue {
public:
    enum : int { kEnd = -1, kAborted = -2 };

    explicit ByteQueue(qsizetype capacity) : m_capacity(capacity) {}

    qsizetype room() const {
        std::lock_guard lock(m_mutex);
        return m_capacity - m_size;
    }
    qsizetype size() const {
        std::lock_guard lock(m_mutex);
        return m_size;
    }

    void push(QByteArray bytes) {
        if (bytes.isEmpty()) {
            return;
        }
        std::lock_guard lock(m_mutex);
        m_size += bytes.size();
        m_chunks.push_back(std::move(bytes));
        m_changed.notify_all();
    }

    // No more bytes will come (the answer ended or failed).
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }

    // Ends every wait at once; reads answer kAborted from now on.
    void abort() {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_changed.notify_all();
    }

    // Called (on the reading thread, without the lock) when a full queue drains to half.
    void setDrained(std::function<void()> drained) {
        std::lock_guard lock(m_mutex);
        m_drained = std::move(drained);
    }

    // Blocks until there are bytes, the end, or an abort. Returns the count copied, kEnd or kAborted.
    int read(char* out, int capacity) {
        std::function<void()> drained;
        int copied = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_aborted || m_size > 0 || m_finished; });
            if (m_aborted) {
                return kAborted;
            }
            if (m_size == 0) {
                return kEnd;
            }
            const bool wasFull = m_size >= m_capacity / 2;
            while (copied < capacity && !m_chunks.empty()) {
                QByteArray& front = m_chunks.front();
                const int take = static_cast<int>(std::min<qsizetype>(capacity - copied, front.size() - m_offset));
                std::memcpy(out + copied, front.constData() + m_offset, static_cast<size_t>(take));
                copied += take;
                m_offset += take;
                if (m_offset == front.size()) {
                    m_chunks.pop_front();
                    m_offset = 0;
                }
            }
            m_size -= copied;
            if (wasFull && m_size < m_capacity / 2) {
                drained = m_drained;
            }
        }
        if (drained) {
            drained();
        }
        return copied;
    }

private:
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_chunks;
    qsizetype m_offset = 0;  // into the front chunk
    qsizetype m_size = 0;
    bool m_finished = false;
    bool m_aborted = false;
    std::function<void()> m_drained;
};

}  // namespace vigil::app::player
