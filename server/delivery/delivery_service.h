#pragma once
// DeliveryService: the "media-transmission" service (SRV-3; issue 4; docs/design/delivery.md).
// Sends video to clients over the HTTPS port, never decoding to relay:
//  - live: a stream hub subscription per viewer, starting at the latest keyframe (the hub's GOP
//    cache), remuxed to MPEG-TS; every viewer of a camera shares the hub's one reader;
//  - archive: recorded segments from the recorder's index played as one stream, paced;
//  - snapshots: the latest keyframe decoded once and encoded as JPEG, on a worker thread;
//  - exports of a time range to MP4 as jobs (export_writer.h on a worker pool of their own; the
//    jobs on a JobBoard; files kept for exportKeepMs after they are done, then deleted).
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
#include "delivery/export_writer.h"
#include "delivery/media_viewer.h"
#include "engine/service.h"
#include "jobs/job_board.h"
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
        int workerThreads = 2;  // snapshots: decoding one picture each
        QString exportsDir;     // where export files are made; empty: no exports
        int exportThreads = 1;  // exports at once (disk-bound); more wait their turn
        qint64 exportKeepMs = 60LL * 60 * 1000;       // a finished export's file stays this long
        qint64 maxExportSpanMs = 24LL * 60 * 60 * 1000;  // the longest range one export may cover
        qint64 exportBytesPerSecond = 0;  // 0: as fast as the disk reads; else spare the recorder's disk
    };
    static constexpr auto kExportKind = "export";
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
    // For viewers and exports started from now on (and the retention of finished exports).
    void setOptions(const Options& options);
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
    // --- exports: jobs of the caller's own; others' look absent (export_not_found).
    core::Result<core::model::Job> startExport(const Caller& caller, const QString& channelId, const QString& stream,
                                               qint64 fromMs, qint64 toMs);
    QList<core::model::Job> exports(const Caller& caller) const;
    core::Result<core::model::Job> exportJob(const Caller& caller, const QString& id) const;
    // Cancels a running export (answers the cancelled job; its partial file goes) or deletes a
    // finished one with its file (answers nullopt).
    core::Result<std::optional<core::model::Job>> cancelOrDeleteExport(const Caller& caller, const QString& id);
    // The finished export's MP4 as a download (Content-Disposition: attachment), the part `range`
    // (the request's Range header) asks for.
    core::Status downloadExport(const Caller& caller, const QString& id, const QByteArray& range,
                                QHttpServerResponder& responder);
    QString exportsDir() const { return m_options.exportsDir; }

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
    // An export moved (progress, done, failed, cancelled); pushed to its owner's sessions.
    void exportChanged(const vigil::core::model::Job& job, const QString& ownerUserId);

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
    void exportProgress(const QString& id, double share, qint64 bytes);
    void exportDone(const QString& id, const core::Result<ExportSummary>& summary);
    QString exportPath(const QString& id, bool partial) const;
    void removeExportFiles(const QString& id) const;
    void removeStrayExportFiles() const;
    void endSnapshot(quint64 id, std::optional<QHttpServerResponse> answer);

    StreamHub& m_hub;
    DevicesService& m_devices;
    const core::Clock& m_clock;
    Options m_options;
    SegmentLookup m_segments;
    QThreadPool m_pool;        // snapshots
    QThreadPool m_exportPool;  // exports
    JobBoard m_exports;
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
