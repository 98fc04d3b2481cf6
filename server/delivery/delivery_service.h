#pragma once
// DeliveryService: the "media-transmission" service (SRV-3; issue 4; docs/design/delivery.md).
// Sends video to clients over the HTTPS port, never decoding to relay:
//  - live: a stream hub subscription per viewer, starting at the latest keyframe (the hub's GOP
//    cache), remuxed to MPEG-TS; every viewer of a camera shares the hub's one reader;
//  - archive: recorded segments from the recorder's index played as one stream, paced;
//  - snapshots: the latest keyframe decoded once and encoded as JPEG, on a worker thread;
//  - exports of a time range to MP4 as jobs (export_jobs.h).
// Routes are in delivery_routes.cpp; access (session, permission, channel rights) is checked
// there and by the gateway before anything here runs.
//
// Threads: the service, its viewers and their connections live on the engine's thread. Packets
// arrive on reader threads (hub, archive feeds) and wait in each viewer's bounded PacketQueue;
// snapshots and exports run on the service's worker pool.

#include <QHash>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QList>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <optional>

#include "common/clock.h"
#include "delivery/archive_feed.h"
#include "delivery/media_viewer.h"
#include "engine/service.h"
#include "media/stream_hub.h"

namespace vigil::server {

class DevicesService;
class StreamingResponse;
struct Caller;

class DeliveryService : public Service {
    Q_OBJECT
public:
    struct Options {
        MediaViewer::Limits viewer;
        PacketQueue::Limits liveQueue;  // DropToKeyframe
        PacketQueue::Limits archiveQueue{4 << 20, 3'600'000'000};  // Wait: bytes only
        qint64 snapshotTimeoutMs = 10000;
        int jpegQuality = 85;
        int workerThreads = 2;  // snapshots and exports; decoding and disk work
    };
    // The stream hub's and the recorder's key of a channel's stream: "<channelId>/<stream>".
    static QString streamKey(const QString& channelId, const QString& stream);
    // Archive requests look this far before `from` for the keyframe to start on.
    static constexpr qint64 kKeyframeLookbackMs = 120'000;

    struct Stats {
        int liveViewers = 0;
        int archiveViewers = 0;
        qint64 viewersServed = 0;   // since start
        qint64 drops = 0;           // times a slow live viewer's queue was thrown away
        qint64 droppedPackets = 0;  // packets slow live viewers never got
        qint64 stalledOut = 0;      // viewers disconnected because they took nothing for too long
        qint64 latencySamples = 0;
        qint64 latencyP50Us = -1;   // packet handed over by the reader to its bytes taken by the socket
        qint64 latencyP99Us = -1;
        qint64 snapshots = 0;
    };

    DeliveryService(StreamHub& hub, DevicesService& devices, const core::Clock& clock, QObject* parent = nullptr);
    DeliveryService(StreamHub& hub, DevicesService& devices, const core::Clock& clock, Options options,
                    QObject* parent = nullptr);
    ~DeliveryService() override;

    const Options& options() const { return m_options; }
    void setOptions(const Options& options) { m_options = options; }  // for viewers opened from now on
    void setSegmentLookup(SegmentLookup lookup) { m_segments = std::move(lookup); }
    bool hasRecordings() const { return static_cast<bool>(m_segments); }

    // --- what the routes call, after the gateway's checks. On success they have taken the
    // responder and answer over the connection; an error means they did not touch it.
    core::Status openLive(const Caller& caller, const QString& channelId, const QString& stream,
                          QHttpServerResponder& responder);
    core::Status openArchive(const Caller& caller, const QString& channelId, const QString& stream, qint64 fromMs,
                             qint64 toMs, double speed, QHttpServerResponder& responder);
    core::Status snapshot(const Caller& caller, const QString& channelId, const QString& stream,
                          QHttpServerResponder& responder);
    // Checks that the channel exists and the caller's role reaches it (SEC-2.2). A role that does
    // not reach it gets "forbidden" whether or not it exists, so the answer does not tell.
    core::Status mayUse(const Caller& caller, const QString& channelId) const;

    // A session ended (logout, expiry, user disabled): its streams end too.
    void endSession(const QString& sessionId);

    Stats stats() const;
    void resetLatency() { m_latency.clear(); }
    QList<MediaViewer*> viewers() const { return m_viewers; }

signals:
    void viewerCountChanged(int count);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    core::Status available() const;
    core::Status checkStream(const QString& channelId, const QString& stream) const;
    MediaViewer* addViewer(MediaViewer::Description description, StreamingResponse* response, bool live);
    void viewerFinished(MediaViewer* viewer);
    void checkViewers();
    void snapshotDone(quint64 id, qint64 timeMs, const core::Result<QByteArray>& jpeg);
    void endSnapshot(quint64 id, std::optional<QHttpServerResponse> answer);

    StreamHub& m_hub;
    DevicesService& m_devices;
    const core::Clock& m_clock;
    Options m_options;
    SegmentLookup m_segments;
    QThreadPool m_pool;
    QTimer m_checks;
    QList<MediaViewer*> m_viewers;  // children of this service
    LatencyRecorder m_latency;
    Stats m_finished;  // counters of viewers that ended
    struct PendingSnapshot;
    QHash<quint64, std::shared_ptr<PendingSnapshot>> m_snapshots;
    quint64 m_nextSnapshot = 0;
    bool m_running = false;
};

}  // namespace vigil::server
