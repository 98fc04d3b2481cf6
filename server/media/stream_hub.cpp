#include "media/stream_hub.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <pthread.h>

#include "media/stream_reader.h"

Q_LOGGING_CATEGORY(lcStreamHub, "vigil.server.media")

namespace vigil::server {

using core::media::PacketPtr;
using core::media::StreamInfo;
using core::media::StreamReader;
using core::media::TrackKind;

QString streamStateName(StreamState state) {
    switch (state) {
    case StreamState::Idle:
        return QStringLiteral("idle");
    case StreamState::Connecting:
        return QStringLiteral("connecting");
    case StreamState::Live:
        return QStringLiteral("live");
    case StreamState::Unauthorised:
        return QStringLiteral("unauthorised");
    case StreamState::Unreachable:
        return QStringLiteral("unreachable");
    case StreamState::NotAStream:
        return QStringLiteral("not_a_stream");
    case StreamState::StreamError:
        return QStringLiteral("stream_error");
    }
    return QStringLiteral("idle");
}

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// The reader names its failures like our states (core/media/stream_reader.h).
StreamState stateForFailure(const QString& code) {
    namespace failure = core::media::readfailure;
    if (code == failure::kUnauthorised) {
        return StreamState::Unauthorised;
    }
    if (code == failure::kUnreachable) {
        return StreamState::Unreachable;
    }
    if (code == failure::kNotAStream) {
        return StreamState::NotAStream;
    }
    return StreamState::StreamError;
}

bool sameSource(const StreamSource& a, const StreamSource& b) {
    return a.url == b.url && a.user == b.user && a.password == b.password;
}

}  // namespace

namespace {

// One key's subscribers, GOP cache and statistics, shared by the engine thread (subscribe,
// unsubscribe, stats) and that key's reader thread (everything else). The reader thread holds
// `mutex` while it calls sinks, so a sink detached from another thread is never called after its
// subscription is gone; a sink detached from inside its own callback (same thread, recursive lock)
// is only marked and swept after the loop.
class Slot {
public:
    static constexpr qint64 kStatsWindowUs = 3'000'000;     // fps and bitrate over the last 3 s
    static constexpr qint64 kGopCacheMaxUs = 20'000'000;    // beyond this a "GOP" is not cached
    static constexpr qint64 kGopCacheMaxBytes = 32 << 20;

    struct Sink {
        quint64 id = 0;
        std::shared_ptr<PacketSink> sink;
        bool fromKeyframe = false;
        qint64 fromUs = 0;              // with fromKeyframe: start at the keyframe at or before this (history)
        bool started = false;           // has had streamStarted for the current connection
        bool waitingForKeyframe = false;  // gets nothing until the next video keyframe
        bool removed = false;
    };

    explicit Slot(QString key) : m_key(std::move(key)) {}

    quint64 addSink(std::shared_ptr<PacketSink> sink, bool fromKeyframe, qint64 fromUs = 0) {
        std::lock_guard lock(m_mutex);
        const quint64 id = ++m_nextSinkId;
        m_sinks.push_back(Sink{id, std::move(sink), fromKeyframe, fromUs, false, false, false});
        return id;
    }

    // How much the cache keeps before the latest keyframe (pre-event recording); 0: the latest GOP.
    void setHistoryUs(qint64 historyUs) {
        std::lock_guard lock(m_mutex);
        m_historyUs = historyUs;
    }

    void removeSink(quint64 id) {
        std::lock_guard lock(m_mutex);
        for (Sink& entry : m_sinks) {
            if (entry.id == id) {
                entry.removed = true;
            }
        }
        if (m_delivering == 0) {
            sweep();
        }
    }

    bool hasSinks() const {
        std::lock_guard lock(m_mutex);
        return std::any_of(m_sinks.begin(), m_sinks.end(), [](const Sink& s) { return !s.removed; });
    }

    // Reader thread: a connection began.
    void connectionStarted(const StreamInfo& info) {
        std::lock_guard lock(m_mutex);
        m_info = info;
        m_videoTrack = info.videoTrack();
        m_connected = true;
        m_gop.clear();
        m_lastKey = 0;
        m_gopBytes = 0;
        m_window.clear();
        const int video = info.videoTrack();
        m_stats.codec = video >= 0 ? info.tracks[video].codec : info.tracks.value(0).codec;
        m_stats.width = video >= 0 ? info.tracks[video].width : 0;
        m_stats.height = video >= 0 ? info.tracks[video].height : 0;
        m_stats.fps = 0;
        m_stats.bitsPerSecond = 0;
        ++m_delivering;
        for (Sink& entry : m_sinks) {
            start(entry);
        }
        --m_delivering;
        sweep();
    }

    // Reader thread: one packet to the cache, the statistics and every sink.
    void deliver(const PacketPtr& packet) {
        std::lock_guard lock(m_mutex);
        const bool video = packet->track == m_videoTrack;
        cache(packet, video);
        count(packet, video);
        ++m_delivering;
        for (Sink& entry : m_sinks) {
            if (entry.removed) {
                continue;
            }
            if (!entry.started) {
                // Subscribed since the last packet: its start and the cache come first, here on
                // the reader thread like every other callback. The cache holds this packet.
                start(entry);
                if (entry.fromKeyframe && !m_gop.empty()) {
                    for (size_t i = replayStart(entry.fromUs); i < m_gop.size(); ++i) {
                        entry.sink->packet(m_gop[i]);
                    }
                    entry.waitingForKeyframe = false;
                    continue;
                }
            }
            if (entry.waitingForKeyframe) {
                if (!(video && packet->keyframe)) {
                    continue;
                }
                entry.waitingForKeyframe = false;
            }
            entry.sink->packet(packet);
        }
        --m_delivering;
        sweep();
    }

    // Reader thread: the connection ended.
    void connectionStopped(const QString& reason) {
        std::lock_guard lock(m_mutex);
        m_connected = false;
        m_gop.clear();
        m_lastKey = 0;
        m_gopBytes = 0;
        m_window.clear();
        m_stats.fps = 0;
        m_stats.bitsPerSecond = 0;
        ++m_delivering;
        for (Sink& entry : m_sinks) {
            if (!entry.removed && entry.started) {
                entry.sink->streamStopped(reason);
            }
            entry.started = false;
        }
        --m_delivering;
        sweep();
    }

    void countReconnect() {
        std::lock_guard lock(m_mutex);
        ++m_stats.reconnects;
    }

    StreamStats stats() const {
        std::lock_guard lock(m_mutex);
        return m_stats;
    }

    void resetStats() {
        std::lock_guard lock(m_mutex);
        m_stats = StreamStats{};
        m_window.clear();
    }

    const QString& key() const { return m_key; }

    // The reader thread of the current open(), if any (engine thread only).
    struct Reader {
        std::thread thread;
        std::atomic<bool> stop{false};
        std::mutex waitMutex;  // for the back-off wait and the current reader pointer
        std::condition_variable wake;
        StreamReader* current = nullptr;
        StreamSource source;
        quint64 generation = 0;

        void requestStop() {
            std::lock_guard lock(waitMutex);
            stop.store(true);
            if (current) {
                current->cancel();
            }
            wake.notify_all();
        }
    };
    std::unique_ptr<Reader> reader;
    StreamStatus status;  // engine thread only

private:
    void start(Sink& entry) {
        if (entry.removed || !m_connected) {
            return;
        }
        entry.sink->streamStarted(m_info);
        entry.started = true;
        entry.waitingForKeyframe = entry.fromKeyframe && m_videoTrack >= 0;
    }

    // The cache holds whole GOPs: the latest one (from m_lastKey), and with a history the ones
    // before it as long as the second-oldest keyframe is not older than the history asks.
    void cache(const PacketPtr& packet, bool video) {
        if (m_videoTrack < 0) {
            return;  // sound only: nothing to start a picture on
        }
        if (video && packet->keyframe) {
            if (m_historyUs <= 0) {
                m_gop.clear();
                m_gopBytes = 0;
            }
            while (m_lastKey > 0 && !m_gop.empty() && packet->dtsUs - m_gop[nextKeyframe(1)]->dtsUs > m_historyUs) {
                dropOldestGop();
            }
            m_lastKey = m_gop.size();
        } else if (m_gop.empty()) {
            return;  // no keyframe yet (or the cache gave up on a GOP too long)
        }
        m_gop.push_back(packet);
        m_gopBytes += packet->data.size();
        while (m_gopBytes > kGopCacheMaxBytes && m_lastKey > 0) {
            dropOldestGop();
        }
        if (m_gopBytes > kGopCacheMaxBytes || packet->dtsUs - m_gop[m_lastKey]->dtsUs > kGopCacheMaxUs) {
            m_gop.clear();
            m_gopBytes = 0;
            m_lastKey = 0;
        }
    }

    // The index of the first video keyframe at or after `from` (m_lastKey when there is none before it).
    size_t nextKeyframe(size_t from) const {
        for (size_t i = from; i < m_lastKey; ++i) {
            if (m_gop[i]->track == m_videoTrack && m_gop[i]->keyframe) {
                return i;
            }
        }
        return m_lastKey;
    }

    void dropOldestGop() {
        const size_t next = nextKeyframe(1);
        for (size_t i = 0; i < next; ++i) {
            m_gopBytes -= m_gop.front()->data.size();
            m_gop.pop_front();
        }
        m_lastKey -= next;
    }

    // Where a new sink's replay starts: the latest keyframe, or with fromUs the latest keyframe at
    // or before it (the oldest kept when history does not reach that far).
    size_t replayStart(qint64 fromUs) const {
        if (fromUs <= 0) {
            return m_lastKey;
        }
        size_t start = 0;
        for (size_t i = 0; i <= m_lastKey && i < m_gop.size(); ++i) {
            if (m_gop[i]->track == m_videoTrack && m_gop[i]->keyframe && m_gop[i]->dtsUs <= fromUs) {
                start = i;
            }
        }
        return start;
    }

    void count(const PacketPtr& packet, bool video) {
        ++m_stats.packets;
        m_stats.bytes += packet->data.size();
        if (video && packet->keyframe) {
            m_stats.lastKeyframeMs = packet->dtsUs / 1000;
        }
        m_window.push_back(WindowEntry{packet->dtsUs, packet->data.size(), video});
        m_windowVideo += video ? 1 : 0;
        m_windowBytes += packet->data.size();
        while (!m_window.empty() && packet->dtsUs - m_window.front().timeUs > kStatsWindowUs) {
            m_windowVideo -= m_window.front().video ? 1 : 0;
            m_windowBytes -= m_window.front().bytes;
            m_window.pop_front();
        }
        const qint64 spanUs = packet->dtsUs - m_window.front().timeUs;
        if (spanUs > 0) {
            // n packets span n-1 intervals
            m_stats.fps = m_windowVideo > 1 ? (m_windowVideo - 1) * 1e6 / static_cast<double>(spanUs) : 0;
            m_stats.bitsPerSecond = m_windowBytes * 8 * 1'000'000 / spanUs;
        }
    }

    void sweep() {
        m_sinks.erase(std::remove_if(m_sinks.begin(), m_sinks.end(), [](const Sink& s) { return s.removed; }),
                      m_sinks.end());
    }

    struct WindowEntry {
        qint64 timeUs;
        qint64 bytes;
        bool video;
    };

    const QString m_key;
    mutable std::recursive_mutex m_mutex;
    std::vector<Sink> m_sinks;
    quint64 m_nextSinkId = 0;
    int m_delivering = 0;  // > 0 while the reader thread iterates m_sinks
    StreamInfo m_info;
    int m_videoTrack = -1;  // of m_info
    bool m_connected = false;
    std::deque<PacketPtr> m_gop;  // from the oldest kept keyframe
    size_t m_lastKey = 0;         // index of the latest keyframe in m_gop
    qint64 m_gopBytes = 0;
    qint64 m_historyUs = 0;
    StreamStats m_stats;
    std::deque<WindowEntry> m_window;
    qint64 m_windowVideo = 0;
    qint64 m_windowBytes = 0;
};


class Subscription final : public StreamSubscription {
public:
    Subscription(std::weak_ptr<Slot> slot, quint64 id) : m_slot(std::move(slot)), m_id(id) {}
    ~Subscription() override {
        if (auto slot = m_slot.lock()) {
            slot->removeSink(m_id);
        }
    }

private:
    std::weak_ptr<Slot> m_slot;
    quint64 m_id;
};

}  // namespace

struct StreamHub::Private {
    StreamHub* hub = nullptr;
    QHash<QString, std::shared_ptr<Slot>> byKey;
    QHash<QString, qint64> historyMs;  // by key, kept while the slot comes and goes
    StreamHub::Options options;
    quint64 nextGeneration = 0;

    std::shared_ptr<Slot> slot(const QString& key) {
        auto& entry = byKey[key];
        if (!entry) {
            entry = std::make_shared<Slot>(key);
            entry->setHistoryUs(historyMs.value(key) * 1000);
        }
        return entry;
    }

    qint64 backoffMs(int failures) const;
    void stopReaders(const QList<std::shared_ptr<Slot>>& stopping);
    void setStatus(Slot& slot, StreamStatus status, quint64 generation);
    void postStatus(const std::shared_ptr<Slot>& slot, StreamStatus status, quint64 generation);
    void run(const std::shared_ptr<Slot>& slot, Slot::Reader* control);
};

StreamHub::StreamHub(QObject* parent) : StreamHub(Options{}, parent) {}

StreamHub::StreamHub(Options options, QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {
    qRegisterMetaType<vigil::server::StreamStatus>();
    d->hub = this;
    d->options = options;
}

StreamHub::~StreamHub() {
    closeAll();
}

qint64 StreamHub::Private::backoffMs(int failures) const {
    const qint64 maxMs = options.backoffMaxMs;
    qint64 delay = options.backoffInitialMs;
    for (int i = 1; i < failures && delay < maxMs; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, maxMs);
    // ±20 %: cameras behind one switch that failed together do not retry in lock-step.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return std::max<qint64>(1, static_cast<qint64>(static_cast<double>(delay) * jitter));
}

void StreamHub::open(const QString& key, const StreamSource& source) {
    auto slot = d->slot(key);
    if (slot->reader && sameSource(slot->reader->source, source)) {
        return;  // already open on this source: keep the connection
    }
    d->stopReaders({slot});
    slot->resetStats();
    auto reader = std::make_unique<Slot::Reader>();
    reader->source = source;
    reader->generation = ++d->nextGeneration;
    Slot::Reader* raw = reader.get();
    slot->reader = std::move(reader);
    d->setStatus(*slot, StreamStatus{StreamState::Connecting, QString(), nowMs(), 0, 0}, raw->generation);
    raw->thread = std::thread([this, slot, raw] { d->run(slot, raw); });
}

void StreamHub::close(const QString& key) {
    auto it = d->byKey.find(key);
    if (it == d->byKey.end()) {
        return;
    }
    auto slot = it.value();
    if (slot->reader) {
        d->stopReaders({slot});
        d->setStatus(*slot, StreamStatus{StreamState::Idle, QString(), nowMs(), 0, 0}, 0);
    }
    if (!slot->hasSinks()) {
        d->byKey.remove(key);
    }
}

void StreamHub::closeAll() {
    QList<std::shared_ptr<Slot>> open;
    for (const auto& slot : std::as_const(d->byKey)) {
        if (slot->reader) {
            open.append(slot);
        }
    }
    d->stopReaders(open);
    for (const auto& slot : open) {
        d->setStatus(*slot, StreamStatus{StreamState::Idle, QString(), nowMs(), 0, 0}, 0);
    }
    for (auto it = d->byKey.begin(); it != d->byKey.end();) {
        it = it.value()->hasSinks() ? std::next(it) : d->byKey.erase(it);
    }
}

void StreamHub::Private::stopReaders(const QList<std::shared_ptr<Slot>>& stopping) {
    // All at once, then wait: closing many cameras costs one FFmpeg wake-up, not one each.
    for (const auto& slot : stopping) {
        if (slot->reader) {
            slot->reader->requestStop();
        }
    }
    for (const auto& slot : stopping) {
        if (slot->reader) {
            if (slot->reader->thread.joinable()) {
                slot->reader->thread.join();
            }
            slot->reader.reset();
        }
    }
}

QStringList StreamHub::keys() const {
    QStringList open;
    for (auto it = d->byKey.cbegin(); it != d->byKey.cend(); ++it) {
        if (it.value()->reader) {
            open.append(it.key());
        }
    }
    open.sort();
    return open;
}

StreamStatus StreamHub::status(const QString& key) const {
    auto it = d->byKey.constFind(key);
    return it == d->byKey.cend() ? StreamStatus{} : it.value()->status;
}

StreamStats StreamHub::stats(const QString& key) const {
    auto it = d->byKey.constFind(key);
    return it == d->byKey.cend() ? StreamStats{} : it.value()->stats();
}

std::unique_ptr<StreamSubscription> StreamHub::subscribe(const QString& key, std::shared_ptr<PacketSink> sink,
                                                         bool fromLastKeyframe) {
    auto slot = d->slot(key);
    const quint64 id = slot->addSink(std::move(sink), fromLastKeyframe);
    return std::make_unique<Subscription>(slot, id);
}

void StreamHub::setHistory(const QString& key, qint64 ms) {
    d->historyMs.insert(key, std::max<qint64>(0, ms));
    if (auto slot = d->byKey.value(key)) {
        slot->setHistoryUs(std::max<qint64>(0, ms) * 1000);
    }
}

std::unique_ptr<StreamSubscription> StreamHub::subscribeFrom(const QString& key, std::shared_ptr<PacketSink> sink,
                                                             qint64 fromUtcMs) {
    auto slot = d->slot(key);
    const quint64 id = slot->addSink(std::move(sink), true, std::max<qint64>(1, fromUtcMs) * 1000);
    return std::make_unique<Subscription>(slot, id);
}

void StreamHub::Private::setStatus(Slot& slot, StreamStatus status, quint64 generation) {
    if (generation != 0 && (!slot.reader || slot.reader->generation != generation)) {
        return;  // from a reader that has been stopped since
    }
    if (status.state == slot.status.state && slot.status.sinceMs != 0) {
        status.sinceMs = slot.status.sinceMs;  // "since when" is when the state began
    }
    const bool changed = status.state != slot.status.state || status.reason != slot.status.reason ||
                         status.failures != slot.status.failures || status.nextRetryMs != slot.status.nextRetryMs;
    slot.status = status;
    if (changed) {
        emit hub->statusChanged(slot.key(), status);
    }
}

void StreamHub::Private::postStatus(const std::shared_ptr<Slot>& slot, StreamStatus status, quint64 generation) {
    // Reader thread -> engine thread. The lambda holds the slot; a late update is dropped by
    // setStatus when its generation is no longer the slot's.
    QMetaObject::invokeMethod(
        hub, [this, slot, status, generation] { setStatus(*slot, status, generation); }, Qt::QueuedConnection);
}

void StreamHub::Private::run(const std::shared_ptr<Slot>& slot, Slot::Reader* control) {
    const QByteArray name = QStringLiteral("vigil:%1").arg(slot->key()).left(15).toUtf8();
    pthread_setname_np(pthread_self(), name.constData());
    int failures = 0;
    bool everLive = false;
    while (!control->stop.load()) {
        StreamReader reader(options.reader);
        {
            std::lock_guard lock(control->waitMutex);
            if (control->stop.load()) {
                break;
            }
            control->current = &reader;
        }
        auto detach = [control] {
            std::lock_guard lock(control->waitMutex);
            control->current = nullptr;
        };

        QString reason;
        StreamState failedAs = StreamState::StreamError;
        if (auto opened = reader.open(control->source.url, control->source.user, control->source.password);
            !opened) {
            reason = opened.error().message;
            failedAs = stateForFailure(opened.error().code);
            ++failures;
        } else {
            slot->connectionStarted(reader.info());
            bool live = false;
            for (;;) {
                auto packet = reader.read();
                if (!packet) {
                    reason = packet.error().message;
                    failedAs = StreamState::StreamError;
                    break;
                }
                if (!live) {
                    live = true;
                    failures = 0;
                    if (everLive) {
                        slot->countReconnect();
                    }
                    everLive = true;
                    postStatus(slot, StreamStatus{StreamState::Live, QString(), nowMs(), 0, 0}, control->generation);
                }
                slot->deliver(packet.value());
            }
            slot->connectionStopped(control->stop.load() ? QStringLiteral("closed") : reason);
            ++failures;
        }
        detach();
        if (control->stop.load()) {
            break;
        }
        const qint64 delay = backoffMs(failures);
        qCInfo(lcStreamHub).noquote() << slot->key() << streamStateName(failedAs) << "-" << reason << "- retry in"
                                      << delay << "ms";
        postStatus(slot, StreamStatus{failedAs, reason, nowMs(), failures, nowMs() + delay}, control->generation);
        std::unique_lock lock(control->waitMutex);
        control->wake.wait_for(lock, std::chrono::milliseconds(delay), [control] { return control->stop.load(); });
    }
}

}  // namespace vigil::server
