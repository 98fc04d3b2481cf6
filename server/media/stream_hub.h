#pragma once
// StreamHub: one reader per camera stream, shared by everything that wants its packets (the
// recorder, live viewers, the snapshot and pre-event buffers). It opens a stream when asked, keeps it
// open with reconnects and back-off, reports the stream's state with the reason and since when, keeps
// statistics, and holds a short GOP cache so a new viewer starts at the latest keyframe at once.
// Never decodes: packets pass through as the camera sent them (ARCHITECTURE.md, Recording).
//
// The devices service decides which streams are open (open/close per stream key); recording and
// delivery only subscribe. Keys are "<channelId>/main" and "<channelId>/sub".
//
// Threads: each reader runs on its own thread. PacketSink callbacks run on that reader thread, in
// packet order, and must not block (hand work to your own thread or queue if it can be slow). The
// public methods and signals of StreamHub itself belong to the engine's thread.

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

#include "media/media_packet.h"
#include "media/stream_reader.h"

namespace vigil::server {

struct StreamSource {
    QUrl url;  // rtsp://, rtsps://, http(s):// or a file; without credentials
    QString user;
    QString password;
};

enum class StreamState {
    Idle,          // not opened
    Connecting,    // first attempt or a reconnect in progress
    Live,          // packets arriving
    Unauthorised,  // the camera refused the credentials
    Unreachable,   // no answer, connection refused, timeout
    NotAStream,    // something answered, but it is not a stream we can read
    StreamError,   // was live, then stopped, sent garbage or an unsupported codec
};
QString streamStateName(StreamState state);  // "idle", "connecting", "live", ... (API values)

struct StreamStatus {
    StreamState state = StreamState::Idle;
    QString reason;        // for people; empty while live
    qint64 sinceMs = 0;    // UTC ms when the state began
    int failures = 0;      // consecutive failed attempts (drives the back-off)
    qint64 nextRetryMs = 0;  // UTC ms of the next attempt while failing, else 0
};

struct StreamStats {
    QString codec;
    int width = 0;
    int height = 0;
    double fps = 0;            // over the last few seconds
    qint64 bitsPerSecond = 0;  // over the last few seconds
    qint64 lastKeyframeMs = 0;  // UTC ms
    qint64 packets = 0;         // since opened
    qint64 bytes = 0;
    int reconnects = 0;
};

class PacketSink {
public:
    virtual ~PacketSink() = default;
    // After each (re)connect, before that connection's first packet.
    virtual void streamStarted(const core::media::StreamInfo& info) = 0;
    virtual void packet(const core::media::PacketPtr& packet) = 0;
    // The connection ended (camera stopped, error, close): what follows the next streamStarted is
    // after a gap.
    virtual void streamStopped(const QString& reason) = 0;
};

// Keeps a sink attached; destroying it detaches the sink (no callback runs after the destructor
// returns).
class StreamSubscription {
public:
    virtual ~StreamSubscription() = default;
};

class StreamHub : public QObject {
    Q_OBJECT
public:
    struct Options {
        // Reconnect back-off: initial, doubling per failure up to max, each with ±20 % jitter.
        qint64 backoffInitialMs = 1000;
        qint64 backoffMaxMs = 30000;
        core::media::StreamReader::Options reader;  // connect and stall timeouts
    };

    explicit StreamHub(QObject* parent = nullptr);
    explicit StreamHub(Options options, QObject* parent = nullptr);
    ~StreamHub() override;

    // Opens (or re-points, when the source changed) the stream under `key`; reconnects on its own.
    void open(const QString& key, const StreamSource& source);
    void close(const QString& key);  // stops the reader; subscribers see streamStopped
    void closeAll();
    QStringList keys() const;

    StreamStatus status(const QString& key) const;
    StreamStats stats(const QString& key) const;

    // Attaches a sink. With fromLastKeyframe, the sink first receives streamStarted and the cached
    // packets from the latest keyframe, then live packets. Works before the stream is open too.
    std::unique_ptr<StreamSubscription> subscribe(const QString& key, std::shared_ptr<PacketSink> sink,
                                                  bool fromLastKeyframe);

    // Pre-event history (event rules): the cache of `key` keeps at least `ms` of whole GOPs before
    // the latest keyframe (bounded by the cache's byte limit), so a recording started by an event
    // can begin before it. 0 (the default) keeps the latest GOP only.
    void setHistory(const QString& key, qint64 ms);
    // Like subscribe(fromLastKeyframe = true), but the replay starts at the latest cached keyframe
    // at or before `fromUtcMs` (the oldest one kept when the history does not reach back so far).
    std::unique_ptr<StreamSubscription> subscribeFrom(const QString& key, std::shared_ptr<PacketSink> sink,
                                                      qint64 fromUtcMs);

signals:
    void statusChanged(const QString& key, const vigil::server::StreamStatus& status);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace vigil::server
