#include "delivery/delivery_service.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QPointer>
#include <mutex>

#include "delivery/delivery_errors.h"
#include "delivery/delivery_logging.h"
#include "delivery/file_download.h"
#include "devices/devices_service.h"
#include "http/route.h"
#include "http/streaming_response.h"
#include "media/still_image.h"
#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::media::PacketPtr;
using core::media::StreamInfo;

namespace {

// Live viewers: the hub's packets into the viewer's queue, on the reader thread; the queue wakes
// the viewer.
class QueueSink final : public PacketSink {
public:
    explicit QueueSink(std::shared_ptr<PacketQueue> queue) : m_queue(std::move(queue)) {}
    void streamStarted(const StreamInfo& info) override { m_queue->started(info); }
    void packet(const PacketPtr& packet) override { m_queue->packet(packet); }
    void streamStopped(const QString& reason) override { m_queue->stopped(reason); }

private:
    std::shared_ptr<PacketQueue> m_queue;
};

Error unavailable() {
    return Error::make(QStringLiteral("delivery_unavailable"),
                       QStringLiteral("The media transmission service is not running, so no video can be sent. "
                                      "Start it from the services list."));
}

}  // namespace

// Snapshots: the first keyframe the hub hands a fresh subscriber (its GOP cache's) is taken on the
// reader thread and decoded on the worker pool; the answer goes out on the engine's thread.
struct DeliveryService::PendingSnapshot {
    class Sink final : public PacketSink {
    public:
        Sink(DeliveryService* service, quint64 id, int quality) : m_service(service), m_id(id), m_quality(quality) {}
        void streamStarted(const StreamInfo& info) override {
            std::lock_guard lock(m_mutex);
            m_info = info;
        }
        void packet(const PacketPtr& packet) override {
            std::lock_guard lock(m_mutex);
            const int video = m_info.videoTrack();
            if (m_taken || video < 0 || packet->track != video || !packet->keyframe) {
                return;
            }
            m_taken = true;
            DeliveryService* service = m_service;
            const quint64 id = m_id;
            const core::media::TrackInfo track = m_info.tracks[video];
            const int quality = m_quality;
            service->m_pool.start([service, id, track, packet, quality] {
                auto jpeg = core::media::jpegFromKeyframe(track, packet, quality);
                const qint64 timeMs = packet->ptsUs / 1000;
                QMetaObject::invokeMethod(
                    service, [service, id, timeMs, jpeg] { service->snapshotDone(id, timeMs, jpeg); },
                    Qt::QueuedConnection);
            });
        }
        void streamStopped(const QString&) override {}

    private:
        DeliveryService* const m_service;  // outlives the subscription and the pool's work (doStop)
        const quint64 m_id;
        const int m_quality;
        std::mutex m_mutex;
        StreamInfo m_info;
        bool m_taken = false;
    };

    QPointer<StreamingResponse> response;
    std::unique_ptr<StreamSubscription> subscription;
    qint64 deadlineMs = 0;
};

QString DeliveryService::streamKey(const QString& channelId, const QString& stream) {
    return channelId + QLatin1Char('/') + stream;
}

DeliveryService::DeliveryService(StreamHub& hub, DevicesService& devices, const core::Clock& clock, QObject* parent)
    : DeliveryService(hub, devices, clock, Options{}, parent) {}

DeliveryService::DeliveryService(StreamHub& hub, DevicesService& devices, const core::Clock& clock, Options options,
                                 QObject* parent)
    : Service(QStringLiteral("media-transmission"), QStringLiteral("Media transmission"), parent),
      m_hub(hub),
      m_devices(devices),
      m_clock(clock),
      m_options(options),
      m_exports(clock, JobBoard::Retention{64, options.exportKeepMs}) {
    m_pool.setMaxThreadCount(m_options.workerThreads);
    m_exportPool.setMaxThreadCount(m_options.exportThreads);
    connect(&m_exports, &JobBoard::changed, this,
            [this](const core::model::Job& job) { emit exportChanged(job, m_exports.owner(job.id)); });
    // A finished export's file goes with its job (kept exportKeepMs, or deleted on request).
    connect(&m_exports, &JobBoard::removed, this, [this](const core::model::Job& job) { removeExportFiles(job.id); });
    m_checks.setInterval(1000);
    connect(&m_checks, &QTimer::timeout, this, &DeliveryService::checkViewers);
}

DeliveryService::~DeliveryService() {
    doStop();
}

void DeliveryService::setOptions(const Options& options) {
    m_options = options;
    m_exportPool.setMaxThreadCount(m_options.exportThreads);
    m_exports.setRetention(JobBoard::Retention{64, m_options.exportKeepMs});
}

Status DeliveryService::doStart() {
    if (!m_options.exportsDir.isEmpty() && !QDir().mkpath(m_options.exportsDir)) {
        qCWarning(lcDelivery).noquote() << "cannot make the exports folder" << m_options.exportsDir
                                        << "; exports will fail until it can be made";
    }
    removeStrayExportFiles();
    m_running = true;
    m_checks.start();
    return {};
}

void DeliveryService::doStop() {
    m_running = false;
    m_checks.stop();
    // Snapshots first: their subscriptions go, then the pool's decoding finishes.
    const auto pending = m_snapshots.keys();
    for (quint64 id : pending) {
        endSnapshot(id, deliveryFailure(unavailable()));
    }
    m_pool.waitForDone();
    m_exports.cancelAll(QStringLiteral("service_stopped"),
                        QStringLiteral("The media transmission service stopped before the export ended. Start it "
                                       "and export again."));
    m_exportPool.waitForDone();  // cancelled writers remove their partial files
    const QList<MediaViewer*> viewers = m_viewers;
    for (MediaViewer* viewer : viewers) {
        viewer->end(QStringLiteral("the service stopped"));
    }
    qDeleteAll(m_viewers);  // detaches feeds (subscriptions, archive threads) before the hub can go
    m_viewers.clear();
    qDeleteAll(findChildren<FileDownload*>(Qt::FindDirectChildrenOnly));  // their connections close
    emit viewerCountChanged(0);
}

Status DeliveryService::available() const {
    return m_running ? Status() : Status(unavailable());
}

Status DeliveryService::mayUse(const Caller& caller, const QString& channelId) const {
    if (!m_devices.access().forUser(caller.userId).reaches(channelId)) {
        return Error::make(QStringLiteral("forbidden"),
                           QStringLiteral("The role of %1 does not give access to the channel \"%2\". Ask an "
                                          "administrator for a role that reaches it.")
                               .arg(caller.userName, channelId));
    }
    auto channel = m_devices.channel(channelId);
    return channel ? Status() : Status(channel.error());
}

Status DeliveryService::checkStream(const QString& channelId, const QString& stream) const {
    if (stream != QLatin1String("main") && stream != QLatin1String("sub")) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("The stream \"%1\" does not exist; ask for stream=main or stream=sub.")
                               .arg(stream));
    }
    auto channel = m_devices.channel(channelId);
    if (!channel) {
        return channel.error();
    }
    if (stream == QLatin1String("sub") && channel->subUrl.isEmpty()) {
        return Error::make(QStringLiteral("stream_not_found"),
                           QStringLiteral("The channel \"%1\" has no sub stream. Ask for stream=main.").arg(channel->name));
    }
    return {};
}

MediaViewer* DeliveryService::addViewer(MediaViewer::Description description, StreamingResponse* response, bool live) {
    auto* viewer = new MediaViewer(std::move(description), response,
                                   live ? PacketQueue::Overflow::DropToKeyframe : PacketQueue::Overflow::Wait,
                                   live ? m_options.liveQueue : m_options.archiveQueue, m_options.viewer, &m_latency,
                                   this);
    connect(viewer, &MediaViewer::finished, this, &DeliveryService::viewerFinished, Qt::QueuedConnection);
    m_viewers.append(viewer);
    ++m_finished.viewersServed;
    emit viewerCountChanged(static_cast<int>(m_viewers.size()));
    return viewer;
}

void DeliveryService::viewerFinished(MediaViewer* viewer) {
    if (!m_viewers.removeOne(viewer)) {
        return;  // already gone (the service stopped)
    }
    const PacketQueue::Counters counters = viewer->counters();
    m_finished.drops += counters.drops;
    m_finished.droppedPackets += counters.droppedPackets;
    m_finished.stalledOut += viewer->stalledOut() ? 1 : 0;
    viewer->deleteLater();
    emit viewerCountChanged(static_cast<int>(m_viewers.size()));
}

void DeliveryService::checkViewers() {
    for (MediaViewer* viewer : std::as_const(m_viewers)) {
        viewer->check();
    }
    m_exports.prune();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto pending = m_snapshots;  // endSnapshot() changes the hash
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const PendingSnapshot& snapshot = *it.value();
        const StreamingResponse* response = snapshot.response.data();
        if (response == nullptr || !response->isOpen()) {
            endSnapshot(it.key(), std::nullopt);
        } else if (now > snapshot.deadlineMs) {
            endSnapshot(it.key(), deliveryFailure(Error::make(
                                      QStringLiteral("snapshot_timeout"),
                                      QStringLiteral("The camera sent no keyframe within %1 seconds, so there is no "
                                                     "picture. Check the channel's status and try again.")
                                          .arg(m_options.snapshotTimeoutMs / 1000))));
        }
    }
}

DeliveryService::Stats DeliveryService::stats() const {
    Stats stats = m_finished;
    for (const MediaViewer* viewer : m_viewers) {
        const bool live = viewer->description().kind == QLatin1String("live");
        (live ? stats.liveViewers : stats.archiveViewers) += 1;
        const PacketQueue::Counters counters = viewer->counters();
        stats.drops += counters.drops;
        stats.droppedPackets += counters.droppedPackets;
    }
    stats.latencySamples = m_latency.count();
    stats.latencyP50Us = m_latency.quantile(0.5);
    stats.latencyP99Us = m_latency.quantile(0.99);
    return stats;
}

void DeliveryService::endSession(const QString& sessionId) {
    const QList<MediaViewer*> viewers = m_viewers;
    for (MediaViewer* viewer : viewers) {
        if (viewer->description().sessionId == sessionId) {
            viewer->end(QStringLiteral("the session ended"));
        }
    }
}

Status DeliveryService::openLive(const Caller& caller, const QString& channelId, const QString& stream,
                                 QHttpServerResponder& responder) {
    if (Status status = available(); !status) {
        return status;
    }
    if (Status status = checkStream(channelId, stream); !status) {
        return status;
    }
    const QString key = streamKey(channelId, stream);
    const StreamStatus status = m_hub.status(key);
    if (status.state != StreamState::Live) {
        return Error::make(QStringLiteral("stream_unavailable"),
                           QStringLiteral("The %1 stream of this channel is not live (%2%3). Check the camera; the "
                                          "stream comes back by itself when it can.")
                               .arg(stream, streamStateName(status.state),
                                    status.reason.isEmpty() ? QString() : QStringLiteral(": ") + status.reason));
    }
    StreamingResponse* response = StreamingResponse::take(responder);
    if (!response) {
        return {};  // the client went while we looked
    }
    MediaViewer* viewer =
        addViewer({QStringLiteral("live"), channelId, stream, caller.sessionId, caller.userName}, response, true);
    // From the latest keyframe of the hub's GOP cache, so the first picture comes at once.
    viewer->setFeed(m_hub.subscribe(key, std::make_shared<QueueSink>(viewer->queue()), true));
    qCDebug(lcDelivery).noquote() << "live" << key << "to" << caller.userName;
    return {};
}

Status DeliveryService::openArchive(const Caller& caller, const QString& channelId, const QString& stream,
                                    qint64 fromMs, qint64 toMs, double speed, QHttpServerResponder& responder) {
    if (Status status = available(); !status) {
        return status;
    }
    if (Status status = checkStream(channelId, stream); !status) {
        return status;
    }
    if (!m_segments) {
        return Error::make(QStringLiteral("recording_unavailable"),
                           QStringLiteral("This server has no recordings to play back (the recorder is not running)."));
    }
    const QString key = streamKey(channelId, stream);
    // The keyframe before `from` may sit in the segment before it: ask from a little earlier.
    auto segments = m_segments(channelId, stream, fromMs - kKeyframeLookbackMs, toMs);
    if (!segments) {
        return segments.error();
    }
    StreamingResponse* response = StreamingResponse::take(responder);
    if (!response) {
        return {};
    }
    MediaViewer* viewer =
        addViewer({QStringLiteral("archive"), channelId, stream, caller.sessionId, caller.userName}, response, false);
    ArchiveFeed::Request request{segments.value(), fromMs * 1000, toMs * 1000, speed};
    viewer->setFeed(std::make_unique<ArchiveFeed>(std::move(request), viewer->queue()));
    qCDebug(lcDelivery).noquote() << "archive" << key << fromMs << toMs << speed << "to" << caller.userName;
    return {};
}

Status DeliveryService::snapshot(const Caller& caller, const QString& channelId, const QString& stream,
                                 QHttpServerResponder& responder) {
    Q_UNUSED(caller);
    if (Status status = available(); !status) {
        return status;
    }
    if (Status status = checkStream(channelId, stream); !status) {
        return status;
    }
    const QString key = streamKey(channelId, stream);
    if (m_hub.status(key).state != StreamState::Live) {
        return Error::make(QStringLiteral("stream_unavailable"),
                           QStringLiteral("The %1 stream of this channel is not live, so there is no current picture. "
                                          "Check the camera.")
                               .arg(stream));
    }
    StreamingResponse* response = StreamingResponse::take(responder, this);
    if (!response) {
        return {};
    }
    const quint64 id = ++m_nextSnapshot;
    auto pending = std::make_shared<PendingSnapshot>();
    pending->response = response;
    pending->deadlineMs = QDateTime::currentMSecsSinceEpoch() + m_options.snapshotTimeoutMs;
    m_snapshots.insert(id, pending);
    pending->subscription = m_hub.subscribe(key, std::make_shared<PendingSnapshot::Sink>(this, id, m_options.jpegQuality), true);
    return {};
}

void DeliveryService::snapshotDone(quint64 id, qint64 timeMs, const Result<QByteArray>& jpeg) {
    if (!jpeg) {
        endSnapshot(id, deliveryFailure(jpeg.error()));
        return;
    }
    ++m_finished.snapshots;
    QHttpServerResponse answer(QByteArrayLiteral("image/jpeg"), jpeg.value());
    answer.setHeader(QByteArrayLiteral("X-Vigil-Picture-Time-Ms"), QByteArray::number(timeMs));
    endSnapshot(id, std::move(answer));
}

void DeliveryService::endSnapshot(quint64 id, std::optional<QHttpServerResponse> answer) {
    const std::shared_ptr<PendingSnapshot> pending = m_snapshots.take(id);
    if (!pending) {
        return;
    }
    pending->subscription.reset();
    if (StreamingResponse* response = pending->response.data()) {
        if (answer) {
            response->answer(std::move(*answer));
        } else {
            response->abort();
        }
        response->deleteLater();
    }
}

// --- exports ------------------------------------------------------------------------------------

namespace {

Error exportNotFound(const QString& id) {
    return Error::make(QStringLiteral("export_not_found"),
                       QStringLiteral("There is no export \"%1\" of yours. Finished exports are kept for a while "
                                      "and then deleted; list them with GET /api/v1/media/exports.")
                           .arg(id));
}

// A name people and file systems take: letters, digits, '.', '-' and '_' only.
QString safeFileName(const QString& text) {
    static const QRegularExpression kUnsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = text;
    name.replace(kUnsafe, QStringLiteral("_"));
    return name.left(80);
}

}  // namespace

QString DeliveryService::exportPath(const QString& id, bool partial) const {
    return m_options.exportsDir + QLatin1Char('/') + id + (partial ? QStringLiteral(".mp4.part") : QStringLiteral(".mp4"));
}

void DeliveryService::removeExportFiles(const QString& id) const {
    if (!m_options.exportsDir.isEmpty()) {
        QFile::remove(exportPath(id, false));
        QFile::remove(exportPath(id, true));
    }
}

void DeliveryService::removeStrayExportFiles() const {
    // Files no job knows (left by a run that ended): nobody can download them, so they go.
    if (m_options.exportsDir.isEmpty()) {
        return;
    }
    QDirIterator files(m_options.exportsDir, {QStringLiteral("*.mp4"), QStringLiteral("*.mp4.part")}, QDir::Files);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString id = QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0);
        const auto job = m_exports.find(QString::fromLatin1(kExportKind), id);
        if (!job || (job->state != QLatin1String(core::model::Job::kSucceeded) && !job->isRunning())) {
            QFile::remove(path);
        }
    }
}

Result<core::model::Job> DeliveryService::startExport(const Caller& caller, const QString& channelId,
                                                      const QString& stream, qint64 fromMs, qint64 toMs) {
    if (Status status = available(); !status) {
        return status.error();
    }
    if (Status status = checkStream(channelId, stream); !status) {
        return status.error();
    }
    if (m_options.exportsDir.isEmpty() || !m_segments) {
        return Error::make(QStringLiteral("recording_unavailable"),
                           QStringLiteral("This server has no recordings to export (the recorder is not running)."));
    }
    if (toMs <= fromMs || toMs - fromMs > m_options.maxExportSpanMs) {
        return core::model::FieldReader::badRequest(
            QStringLiteral("export request"), QStringLiteral("toMs"),
            QStringLiteral("must be after fromMs and at most %1 hours later; export longer ranges in parts")
                .arg(m_options.maxExportSpanMs / 3'600'000));
    }
    auto segments = m_segments(channelId, stream, fromMs - kKeyframeLookbackMs, toMs);
    if (!segments) {
        return segments.error();
    }
    const bool recorded = std::any_of(segments->cbegin(), segments->cend(), [&](const core::media::SegmentRef& segment) {
        return segment.endUs > fromMs * 1000 && segment.startUs < toMs * 1000;
    });
    if (!recorded) {
        return Error::make(QStringLiteral("nothing_recorded"),
                           QStringLiteral("Nothing is recorded on this channel between the requested times. The "
                                          "channel's recorded periods show what there is."));
    }
    const auto channel = m_devices.channel(channelId);
    const QString title = channel ? channel->name : channelId;
    const QString fileName = QStringLiteral("%1_%2Z.mp4")
                                 .arg(safeFileName(title),
                                      QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const core::model::Job job = m_exports.start(
        QString::fromLatin1(kExportKind), caller.userId,
        QJsonObject{{QStringLiteral("channelId"), channelId}, {QStringLiteral("stream"), stream},
                    {QStringLiteral("fromMs"), fromMs},       {QStringLiteral("toMs"), toMs},
                    {QStringLiteral("startMs"), 0},           {QStringLiteral("endMs"), 0},
                    {QStringLiteral("bytes"), 0},             {QStringLiteral("videoCodec"), QString()},
                    {QStringLiteral("fileName"), fileName},   {QStringLiteral("download"), QString()}});
    const QString id = job.id;
    ExportRequest request{segments.value(), fromMs * 1000, toMs * 1000, exportPath(id, true), title,
                          m_options.exportBytesPerSecond};
    const std::shared_ptr<core::Cancellation> cancel = m_exports.cancellation(id);
    // The service outlives the pool's work (doStop waits for it), so the queued calls are safe.
    m_exportPool.start([this, id, request, cancel] {
        auto summary = ExportWriter::run(request, *cancel, [this, id](double share, qint64 bytes) {
            QMetaObject::invokeMethod(this, [this, id, share, bytes] { exportProgress(id, share, bytes); },
                                      Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(this, [this, id, summary] { exportDone(id, summary); }, Qt::QueuedConnection);
    });
    qCInfo(lcDelivery).noquote() << "export" << id << "of" << streamKey(channelId, stream) << fromMs << toMs << "for"
                                 << caller.userName;
    return job;
}

void DeliveryService::exportProgress(const QString& id, double share, qint64 bytes) {
    auto job = m_exports.find(QString::fromLatin1(kExportKind), id);
    if (!job || !job->isRunning()) {
        return;
    }
    QJsonObject result = job->result;
    result.insert(QStringLiteral("bytes"), bytes);
    m_exports.update(id, share, result);
}

void DeliveryService::exportDone(const QString& id, const Result<ExportSummary>& summary) {
    auto job = m_exports.find(QString::fromLatin1(kExportKind), id);
    if (!job || !job->isRunning()) {
        removeExportFiles(id);  // cancelled meanwhile: nothing stays
        return;
    }
    if (!summary) {
        removeExportFiles(id);
        m_exports.fail(id, summary.error().code, summary.error().message);
        return;
    }
    QFile::remove(exportPath(id, false));
    if (!QFile::rename(exportPath(id, true), exportPath(id, false))) {
        removeExportFiles(id);
        m_exports.fail(id, QStringLiteral("export_failed"),
                       QStringLiteral("The finished export could not be moved into place in %1. Check the folder's "
                                      "permissions and free space.")
                           .arg(m_options.exportsDir));
        return;
    }
    QJsonObject result = job->result;
    result.insert(QStringLiteral("startMs"), summary->startUs / 1000);
    result.insert(QStringLiteral("endMs"), (summary->endUs + 999) / 1000);
    result.insert(QStringLiteral("bytes"), summary->bytes);
    result.insert(QStringLiteral("videoCodec"), summary->videoCodec);
    result.insert(QStringLiteral("download"), QStringLiteral("/api/v1/media/exports/%1/file").arg(id));
    m_exports.succeed(id, result);
    qCInfo(lcDelivery).noquote() << "export" << id << "done:" << summary->bytes << "bytes";
}

QList<core::model::Job> DeliveryService::exports(const Caller& caller) const {
    return m_exports.list(QString::fromLatin1(kExportKind), caller.userId);
}

Result<core::model::Job> DeliveryService::exportJob(const Caller& caller, const QString& id) const {
    auto job = m_exports.find(QString::fromLatin1(kExportKind), id);
    if (!job || m_exports.owner(id) != caller.userId) {
        return exportNotFound(id);
    }
    return *job;
}

Result<std::optional<core::model::Job>> DeliveryService::cancelOrDeleteExport(const Caller& caller, const QString& id) {
    auto job = exportJob(caller, id);
    if (!job) {
        return job.error();
    }
    if (job->isRunning()) {
        auto cancelled = m_exports.cancel(QString::fromLatin1(kExportKind), id, QStringLiteral("Cancelled at your request."));
        return std::optional<core::model::Job>(cancelled.value_or(job.value()));
    }
    m_exports.remove(id);  // removed() deletes the file
    return std::optional<core::model::Job>();
}

Status DeliveryService::downloadExport(const Caller& caller, const QString& id, const QByteArray& range,
                                      QHttpServerResponder& responder) {
    auto job = exportJob(caller, id);
    if (!job) {
        return job.error();
    }
    if (job->state != QLatin1String(core::model::Job::kSucceeded)) {
        return Error::make(QStringLiteral("export_not_ready"),
                           QStringLiteral("The export is %1, so there is no file to download%2.")
                               .arg(job->state, job->isRunning() ? QStringLiteral(" yet; wait until it succeeds")
                                                                 : QString()));
    }
    const QString path = exportPath(id, false);
    if (!QFileInfo::exists(path)) {
        return exportNotFound(id);
    }
    StreamingResponse* response = StreamingResponse::take(responder);
    if (!response) {
        return {};
    }
    const QString fileName = job->result.value(QStringLiteral("fileName")).toString();
    const StreamingResponse::Headers headers{
        {QByteArrayLiteral("Content-Disposition"), QStringLiteral("attachment; filename=\"%1\"").arg(fileName).toUtf8()},
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")},
    };
    response->limitKernelBuffer(m_options.viewer.kernelSendBufferBytes);
    if (!FileDownload::start(response, path, QByteArrayLiteral("video/mp4"), headers, range, this)) {
        response->answer(deliveryFailure(exportNotFound(id)));
        response->deleteLater();
    }
    return {};
}

}  // namespace vigil::server
