#include "recording/recording_service.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <algorithm>
#include <thread>

#include "engine/settings_repository.h"
#include "recording/recording_logging.h"
#include "recording/recording_worker.h"
#include "recording/segment_layout.h"
#include "recording/segment_mirror.h"
#include "recording/stream_recorder.h"
#include "store/database.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;

namespace {

const QString kPrimary = QStringLiteral("primary");
const QString kMirror = QStringLiteral("mirror");
constexpr int kRetentionBatch = 200;
constexpr int kMirrorBacklog = 5000;  // unmirrored segments queued at start, newest first
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr qint64 kCrashGapWindowMs = 10 * 60 * 1000;

QString streamKey(const QString& channelId, const QString& stream) {
    return channelId + QLatin1Char('/') + stream;
}

QString segmentKey(const QString& location, const QString& path) {
    return location + QLatin1Char(':') + path;
}

qint64 defaultFreeBytes(const QString& path) {
    QStorageInfo storage(path);
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

SegmentRow rowFromSummary(const QString& location, const QString& path, const SegmentName& name,
                          const core::media::SegmentSummary& summary, const QString& state) {
    SegmentRow row;
    row.location = location;
    row.path = path;
    row.channelId = name.channelId;
    row.stream = name.stream;
    row.startMs = name.startMs;
    row.endMs = std::max(name.startMs, (summary.endUs + 999) / 1000);
    row.sizeBytes = summary.bytes;
    row.state = state;
    row.keyframes = summary.keyframes;
    return row;
}

}  // namespace

QJsonObject RecorderStatus::toJson() const {
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("sinceMs"), sinceMs > 0 ? QJsonValue(static_cast<double>(sinceMs)) : QJsonValue()}};
}

// --- the relay: writer and mirror threads -> engine thread ----------------------------------------

class RecordingService::Relay final : public RecorderEvents {
public:
    explicit Relay(RecordingService* service) : m_service(service) {}

    void post(std::function<void(RecordingService&)> event) {
        std::lock_guard lock(m_mutex);
        if (m_service) {
            RecordingService* service = m_service;
            m_service->post([service, event = std::move(event)] { event(*service); });
        }
    }
    void detach() {
        std::lock_guard lock(m_mutex);
        m_service = nullptr;
    }

    void segmentOpened(const SegmentRow& row) override {
        post([row](RecordingService& s) { s.onSegmentOpened(row); });
    }
    void segmentProgress(const SegmentRow& row) override {
        post([row](RecordingService& s) { s.m_openSegments.insert(segmentKey(row.location, row.path), row); });
    }
    void segmentClosed(const SegmentRow& row) override {
        post([row](RecordingService& s) { s.onSegmentClosed(row); });
    }
    void gapRecorded(const RecordingGap& gap) override {
        post([gap](RecordingService& s) {
            if (Status saved = s.m_repository.insertGap(gap); !saved) {
                qCWarning(lcRecording).noquote() << "cannot store a gap:" << saved.error().message;
            }
            emit s.gapRecorded(gap);
        });
    }
    void storageProblem(const QString& role, const QString& message) override {
        post([role, message](RecordingService& s) { s.setProblem(role, message); });
    }
    void recordingProblem(const QString& channelId, const QString& stream, const QString& message) override {
        post([key = streamKey(channelId, stream), message](RecordingService& s) {
            if (message.isEmpty()) {
                s.m_recorderProblems.remove(key);
            } else {
                s.m_recorderProblems.insert(key, message);
            }
        });
    }

private:
    std::mutex m_mutex;
    RecordingService* m_service;
};

struct RecordingService::Active {
    std::shared_ptr<StreamRecorder> recorder;
    std::shared_ptr<RecorderSink> sink;
    std::unique_ptr<StreamSubscription> subscription;
    RecordingWorker* worker = nullptr;
    qint64 sinceMs = 0;
};

struct RecordingService::RepairResult {
    QList<SegmentRow> repaired;  // open rows with their real end
    QList<SegmentRow> emptied;   // open rows whose file holds nothing: row and file go
    QList<SegmentRow> found;     // files the index did not know
    QStringList problems;
};

// --- construction, start, stop -------------------------------------------------------------------

RecordingService::RecordingService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                                   StreamHub& hub, Options options, QObject* parent)
    : Service(QStringLiteral("recording"), QStringLiteral("Recording"), parent),
      m_db(db),
      m_settings(settings),
      m_clock(clock),
      m_hub(hub),
      m_options(std::move(options)),
      m_repository(db, settings) {
    qRegisterMetaType<vigil::server::SegmentRow>();
    qRegisterMetaType<vigil::server::RecordingGap>();
    if (!m_options.freeBytes) {
        m_options.freeBytes = defaultFreeBytes;
    }
    if (!m_options.channelExists) {
        m_options.channelExists = [](const QString&) { return true; };
    }
    m_retentionTimer.setInterval(m_options.retentionIntervalMs);
    m_scheduleTimer.setInterval(m_options.scheduleIntervalMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] { (void)runRetention(); });
    connect(&m_scheduleTimer, &QTimer::timeout, this, &RecordingService::reconcile);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &RecordingService::reconcile);
}

RecordingService::~RecordingService() {
    if (state() == ServiceState::Running) {
        stop();
    }
}

Status RecordingService::doStart() {
    auto storage = m_repository.storage(m_options.defaultPrimaryPath);
    if (!storage) {
        return storage.error();
    }
    m_storage = storage.value();
    for (const QString& role : {kPrimary, kMirror}) {
        const QString root = locationRoot(role);
        if (!root.isEmpty() && !QDir().mkpath(root)) {
            setProblem(role, QStringLiteral("The folder %1 cannot be created. Check the path and the server's "
                                            "permissions there.")
                                 .arg(root));
        }
    }
    m_relay = std::make_shared<Relay>(this);
    for (int i = 0; i < std::max(1, m_options.workers); ++i) {
        m_workers.push_back(std::make_unique<RecordingWorker>());
    }
    m_mirror = std::make_unique<SegmentMirror>([relay = m_relay](const SegmentRow& copy, const QString& problem) {
        relay->post([copy, problem](RecordingService& s) {
            if (!problem.isEmpty()) {
                s.setProblem(kMirror, problem);
                return;
            }
            s.setProblem(kMirror, QString());
            if (auto known = s.m_repository.hasSegment(kMirror, copy.path); known && !known.value()) {
                (void)s.m_repository.insertSegment(copy);
            }
        });
    });
    connect(&m_hub, &StreamHub::statusChanged, this, [this](const QString& key, const StreamStatus&) {
        // A stream that appears may need a recorder (default mode); status feeds RecorderStatus.
        if (m_indexReady && !m_active.contains(key)) {
            reconcile();
        }
    });
    m_indexReady = false;
    ++m_generation;
    startRepair();
    m_retentionTimer.start();
    m_scheduleTimer.start();
    return {};
}

void RecordingService::doStop() {
    ++m_generation;
    m_retentionTimer.stop();
    m_scheduleTimer.stop();
    m_holdTimer.stop();
    m_eventHolds.clear();
    disconnect(&m_hub, &StreamHub::statusChanged, this, nullptr);
    const QStringList keys = m_active.keys();
    for (const QString& key : keys) {
        stopRecorder(key);
    }
    m_workers.clear();  // each runs what is queued (segments close, rows complete), then ends
    processEvents();
    m_mirror.reset();
    if (m_relay) {
        m_relay->detach();
    }
    processEvents();
    m_relay.reset();
    m_openSegments.clear();
    m_recorderProblems.clear();
    m_indexReady = false;
}

QString RecordingService::locationRoot(const QString& role) const {
    if (role == kPrimary) {
        return m_storage.primary.path;
    }
    return m_storage.mirror ? m_storage.mirror->path : QString();
}

void RecordingService::flushForTests() {
    for (auto& worker : m_workers) {
        worker->drain();
    }
    if (m_mirror) {
        m_mirror->drain();
    }
    processEvents();
}

// --- events from other threads -------------------------------------------------------------------

void RecordingService::post(std::function<void()> event) {
    bool first = false;
    {
        std::lock_guard lock(m_eventsMutex);
        first = m_events.empty();
        m_events.push_back(std::move(event));
    }
    if (first) {
        QMetaObject::invokeMethod(this, &RecordingService::processEvents, Qt::QueuedConnection);
    }
}

void RecordingService::processEvents() {
    std::vector<std::function<void()>> events;
    {
        std::lock_guard lock(m_eventsMutex);
        events.swap(m_events);
    }
    for (auto& event : events) {
        event();
    }
}

void RecordingService::onSegmentOpened(const SegmentRow& row) {
    m_openSegments.insert(segmentKey(row.location, row.path), row);
    if (auto id = m_repository.insertSegment(row); !id) {
        qCWarning(lcRecording).noquote() << "cannot index" << row.path << ":" << id.error().message;
    }
}

void RecordingService::onSegmentClosed(const SegmentRow& row) {
    m_openSegments.remove(segmentKey(row.location, row.path));
    if (row.keyframes.isEmpty() && row.endMs <= row.startMs) {
        // Opened and closed without a picture: nothing to keep.
        QFile::remove(locationRoot(row.location) + QLatin1Char('/') + row.path);
        auto rows = m_repository.segments(row.channelId, row.stream, row.startMs, row.startMs + 1);
        for (const SegmentRow& stored : rows ? rows.value() : QList<SegmentRow>()) {
            if (stored.location == row.location && stored.path == row.path) {
                (void)m_repository.deleteSegment(stored.id);
            }
        }
        return;
    }
    Status saved = m_repository.completeSegment(row);
    if (saved && m_db.changes() == 0) {
        saved = m_repository.insertSegment(row) ? Status() : Status(Error::make(QStringLiteral("store"), row.path));
    }
    if (!saved) {
        qCWarning(lcRecording).noquote() << "cannot complete" << row.path << ":" << saved.error().message;
    }
    emit segmentClosed(row);
    if (row.location == kPrimary && m_storage.mirror && m_mirror) {
        m_mirror->copy(row, locationRoot(kPrimary), locationRoot(kMirror));
    }
}

void RecordingService::setProblem(const QString& role, const QString& problem) {
    if (problem.isEmpty()) {
        m_problems.remove(role);
        return;
    }
    auto it = m_problems.find(role);
    if (it == m_problems.end() || it->first != problem) {
        qCWarning(lcRecording).noquote() << role << "storage:" << problem;
        m_problems.insert(role, {problem, m_clock.nowMs()});
    }
}

// --- start-up repair -----------------------------------------------------------------------------

void RecordingService::startRepair() {
    // Here, on the engine thread: what the index says and which files to look at. The scans (a
    // read of each file) run on a thread of their own; recording starts when they are done.
    auto open = m_repository.openSegments();
    QList<SegmentRow> openRows = open ? open.value() : QList<SegmentRow>();
    struct Candidate {
        QString location;
        QString root;
        QString path;
        SegmentName name;
    };
    QList<Candidate> candidates;
    for (const QString& role : {kPrimary, kMirror}) {
        const QString root = locationRoot(role);
        if (root.isEmpty()) {
            continue;
        }
        // Files missing from the index come from a crash between creating a file and indexing
        // it, so only the two newest date folders of each stream are looked at.
        const QDir base(root);
        for (const QString& channel : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString& stream : {QStringLiteral("main"), QStringLiteral("sub")}) {
                QDir streamDir(base.filePath(channel + QLatin1Char('/') + stream));
                QStringList days = streamDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
                days = days.mid(std::max<qsizetype>(0, days.size() - 2));
                for (const QString& day : days) {
                    const QStringList files = QDir(streamDir.filePath(day)).entryList({QStringLiteral("*.ts")}, QDir::Files);
                    for (const QString& file : files) {
                        const QString relative = QStringLiteral("%1/%2/%3/%4").arg(channel, stream, day, file);
                        auto name = SegmentLayout::parse(relative);
                        if (!name) {
                            continue;
                        }
                        auto known = m_repository.hasSegment(role, relative);
                        if (known && !known.value()) {
                            candidates.append(Candidate{role, root, relative, *name});
                        }
                    }
                }
            }
        }
    }
    QHash<QString, QString> roots{{kPrimary, locationRoot(kPrimary)}, {kMirror, locationRoot(kMirror)}};
    qCInfo(lcRecording) << "index check:" << openRows.size() << "open segments to repair," << candidates.size()
                        << "unindexed files";
    const quint64 generation = m_generation;
    std::thread([relay = m_relay, openRows, candidates, roots, generation] {
        RepairResult result;
        for (const SegmentRow& row : openRows) {
            const QString file = roots.value(row.location) + QLatin1Char('/') + row.path;
            auto summary = core::media::ArchiveReader::scan(file, row.startMs * 1000);
            if (!summary) {
                result.problems.append(summary.error().message);
                result.emptied.append(row);
                continue;
            }
            result.repaired.append(rowFromSummary(row.location, row.path, {row.channelId, row.stream, row.startMs},
                                                  summary.value(), QStringLiteral("repaired")));
        }
        for (const auto& candidate : candidates) {
            auto summary = core::media::ArchiveReader::scan(candidate.root + QLatin1Char('/') + candidate.path,
                                                            candidate.name.startMs * 1000);
            if (!summary) {
                result.problems.append(summary.error().message);
                continue;
            }
            result.found.append(rowFromSummary(candidate.location, candidate.path, candidate.name, summary.value(),
                                               QStringLiteral("repaired")));
        }
        relay->post([result, generation](RecordingService& s) {
            if (generation == s.m_generation) {
                s.applyRepair(result);
            }
        });
    }).detach();
}

void RecordingService::applyRepair(const RepairResult& result) {
    QSet<QString> crashed;  // streams that were recording when the server went down
    for (const SegmentRow& row : result.repaired) {
        if (Status saved = m_repository.completeSegment(row); !saved) {
            qCWarning(lcRecording).noquote() << "cannot repair" << row.path << ":" << saved.error().message;
        }
        crashed.insert(streamKey(row.channelId, row.stream));
    }
    for (const SegmentRow& row : result.emptied) {
        // Created just before the crash, nothing in it reached the disk.
        QFile::remove(locationRoot(row.location) + QLatin1Char('/') + row.path);
        (void)m_repository.deleteSegment(row.id);
        crashed.insert(streamKey(row.channelId, row.stream));
    }
    for (const SegmentRow& row : result.found) {
        if (auto id = m_repository.insertSegment(row); !id) {
            qCWarning(lcRecording).noquote() << "cannot index" << row.path << ":" << id.error().message;
        }
    }
    for (const QString& problem : result.problems) {
        qCWarning(lcRecording).noquote() << "not indexed:" << problem;
    }
    // Until that stream records again, the time since its last recorded packet is a gap.
    for (const QString& key : std::as_const(crashed)) {
        const QString channelId = key.section(QLatin1Char('/'), 0, -2);
        const QString stream = key.section(QLatin1Char('/'), -1);
        qint64 lastEnd = 0;
        for (const QString& role : {kPrimary, kMirror}) {
            if (auto latest = m_repository.latestSegment(role, channelId, stream); latest && latest.value()) {
                lastEnd = std::max(lastEnd, latest.value()->endMs);
            }
        }
        if (lastEnd > 0) {
            m_crashGaps.insert(key, {lastEnd, QStringLiteral("The server stopped unexpectedly (crash or power loss).")});
        }
    }
    qCInfo(lcRecording) << "index ready:" << result.repaired.size() << "segments repaired," << result.found.size()
                        << "files indexed," << result.emptied.size() << "empty removed";
    m_indexReady = true;
    m_repairedAtMs = m_clock.nowMs();
    emit indexRepaired(static_cast<int>(result.repaired.size()), static_cast<int>(result.found.size()));
    queueUnmirrored();
    reconcile();
}

void RecordingService::queueUnmirrored() {
    if (!m_storage.mirror || !m_mirror) {
        return;
    }
    auto rows = m_repository.unmirrored(kMirrorBacklog);
    for (const SegmentRow& row : rows ? rows.value() : QList<SegmentRow>()) {
        m_mirror->copy(row, locationRoot(kPrimary), locationRoot(kMirror));
    }
}

// --- which streams record ------------------------------------------------------------------------

void RecordingService::reconcile() {
    if (state() != ServiceState::Running || !m_indexReady) {
        return;
    }
    auto stored = m_repository.channels();
    if (!stored) {
        qCWarning(lcRecording).noquote() << "cannot read recording settings:" << stored.error().message;
        return;
    }
    const qint64 now = m_clock.nowMs();
    QSet<QString> wanted;
    QSet<QString> configured;
    for (const ChannelRecording& settings : stored.value()) {
        configured.insert(settings.channelId);
        if (settings.recordsAt(now)) {
            for (const QString& stream : settings.streamList()) {
                wanted.insert(streamKey(settings.channelId, stream));
            }
        }
    }
    qint64 nextHoldEndMs = 0;
    for (auto hold = m_eventHolds.begin(); hold != m_eventHolds.end();) {
        if (hold.value() <= now) {
            hold = m_eventHolds.erase(hold);
            continue;
        }
        wanted.insert(hold.key());
        nextHoldEndMs = nextHoldEndMs == 0 ? hold.value() : std::min(nextHoldEndMs, hold.value());
        ++hold;
    }
    if (nextHoldEndMs > 0) {
        m_holdTimer.start(static_cast<int>(std::min<qint64>(nextHoldEndMs - now + 1, 24LL * 3600 * 1000)));
    }
    if (m_storage.defaultMode == recordingmode::kContinuous) {
        // Channels nobody configured record their main stream once the devices service opens it.
        for (const QString& key : m_hub.keys()) {
            const QString channelId = key.section(QLatin1Char('/'), 0, -2);
            if (key.endsWith(QLatin1String("/main")) && !configured.contains(channelId)) {
                wanted.insert(key);
            }
        }
    }
    for (const QString& key : m_active.keys()) {
        if (!wanted.contains(key)) {
            stopRecorder(key);
        }
    }
    for (const QString& key : std::as_const(wanted)) {
        if (m_active.contains(key)) {
            continue;
        }
        const QString channelId = key.section(QLatin1Char('/'), 0, -2);
        const QString stream = key.section(QLatin1Char('/'), -1);
        qint64 gapStart = 0;
        QString gapReason;
        if (auto crash = m_crashGaps.find(key); crash != m_crashGaps.end()) {
            gapStart = crash->first;
            gapReason = crash->second;
            m_crashGaps.erase(crash);
        } else {
            const StreamStatus status = m_hub.status(key);
            const bool failing = status.state != StreamState::Live && status.state != StreamState::Connecting &&
                                 status.state != StreamState::Idle;
            if (failing) {
                gapStart = now;
                gapReason = status.reason;
            }
        }
        startRecorder(channelId, stream, gapStart, gapReason);
    }
    // A stream that does not record again soon after a crash (its camera stays off, its mode is
    // off) has no crash gap to close: the time since is simply not recorded.
    if (now - m_repairedAtMs > kCrashGapWindowMs) {
        m_crashGaps.clear();
    }
}

Status RecordingService::recordUntil(const QString& channelId, const QString& stream, qint64 fromMs,
                                     qint64 untilMs) {
    if (state() != ServiceState::Running) {
        return Error::make(QStringLiteral("service_unavailable"),
                           QStringLiteral("Recording is not running; the event recording of %1 was not made. Start "
                                          "the storage service.")
                               .arg(channelId));
    }
    if (m_options.channelExists && !m_options.channelExists(channelId)) {
        return Error::make(QStringLiteral("channel_not_found"),
                           QStringLiteral("There is no channel with the id \"%1\" to record.").arg(channelId));
    }
    const QString key = streamKey(channelId, stream);
    m_eventHolds.insert(key, std::max(m_eventHolds.value(key), untilMs));
    if (!m_active.contains(key)) {
        m_eventFrom.insert(key, fromMs);
    }
    reconcile();
    m_eventFrom.remove(key);
    return {};
}

void RecordingService::startRecorder(const QString& channelId, const QString& stream, qint64 gapStartMs,
                                     const QString& gapReason) {
    StreamRecorder::Config config;
    config.channelId = channelId;
    config.stream = stream;
    config.locations.append(RecorderLocation{kPrimary, locationRoot(kPrimary)});
    if (m_storage.mirror) {
        config.locations.append(RecorderLocation{kMirror, locationRoot(kMirror)});  // if the primary fails
    }
    config.segmentUs = m_options.segmentUs;
    config.gapStartMs = gapStartMs;
    config.gapReason = gapReason;
    config.sinceMs = m_clock.nowMs();
    auto active = std::make_shared<Active>();
    active->recorder = std::make_shared<StreamRecorder>(config, m_relay);
    active->worker = m_workers[static_cast<size_t>(m_nextWorker++ % static_cast<int>(m_workers.size()))].get();
    active->sink = std::make_shared<RecorderSink>(active->recorder, *active->worker);
    active->sinceMs = config.sinceMs;
    const QString key = streamKey(channelId, stream);
    // From the last keyframe: a recording that starts while the stream is live begins on the
    // hub's cached picture, a second or two before now, instead of waiting for the next one.
    const qint64 fromMs = m_eventFrom.value(key);
    active->subscription = fromMs > 0 ? m_hub.subscribeFrom(key, active->sink, fromMs)  // an event's pre-event picture
                                      : m_hub.subscribe(key, active->sink, true);
    m_active.insert(key, active);
    qCInfo(lcRecording).noquote() << "recording" << key;
}

void RecordingService::stopRecorder(const QString& key) {
    auto active = m_active.take(key);
    if (!active) {
        return;
    }
    active->subscription.reset();  // no more packets after this returns
    const qint64 now = m_clock.nowMs();
    active->worker->post([recorder = active->recorder, now] { recorder->finish(now); });
    m_recorderProblems.remove(key);
    qCInfo(lcRecording).noquote() << "stopped recording" << key;
}

// --- settings ------------------------------------------------------------------------------------

Result<StorageSettings> RecordingService::storage() const {
    return m_repository.storage(m_options.defaultPrimaryPath);
}

Status RecordingService::setStorage(const StorageSettings& settings) {
    for (const StorageLocation* location : {&settings.primary, settings.mirror ? &*settings.mirror : nullptr}) {
        if (location && !QDir().mkpath(location->path)) {
            return Error::make(QStringLiteral("storage_unavailable"),
                               QStringLiteral("The folder %1 does not exist and cannot be created. Check the path "
                                              "and that the server may write there.")
                                   .arg(location->path));
        }
    }
    if (Status saved = m_repository.saveStorage(settings, m_clock.nowMs()); !saved) {
        return saved;
    }
    // New locations apply to new recorders: restart the running ones (each closes its segment).
    const bool running = state() == ServiceState::Running;
    const QStringList keys = m_active.keys();
    for (const QString& key : keys) {
        stopRecorder(key);
    }
    m_storage = settings;
    m_problems.clear();
    if (running) {
        queueUnmirrored();
        reconcile();
    }
    return {};
}

Result<ChannelRecording> RecordingService::channelSettings(const QString& channelId) const {
    auto stored = m_repository.channel(channelId);
    if (!stored) {
        return stored.error();
    }
    if (stored.value()) {
        return *stored.value();
    }
    ChannelRecording defaults;
    defaults.channelId = channelId;
    defaults.mode = m_storage.defaultMode;
    return defaults;
}

Result<QList<ChannelRecording>> RecordingService::storedChannelSettings() const {
    return m_repository.channels();
}

Status RecordingService::setChannelSettings(const ChannelRecording& settings) {
    if (!m_options.channelExists(settings.channelId)) {
        return Error::make(QStringLiteral("channel_not_found"),
                           QStringLiteral("There is no channel with the id \"%1\". Reload the list; it may have been "
                                          "deleted.")
                               .arg(settings.channelId));
    }
    if (Status saved = m_repository.saveChannel(settings, m_clock.nowMs()); !saved) {
        return saved;
    }
    reconcile();
    return {};
}

RecorderStatus RecordingService::recorderStatus(const QString& channelId, const QString& stream) const {
    const QString key = streamKey(channelId, stream);
    RecorderStatus status;
    auto active = m_active.constFind(key);
    if (active == m_active.cend()) {
        return status;
    }
    status.sinceMs = (*active)->sinceMs;
    if (auto problem = m_recorderProblems.constFind(key); problem != m_recorderProblems.cend()) {
        status.state = QStringLiteral("problem");
        status.reason = *problem;
        return status;
    }
    for (const SegmentRow& open : m_openSegments) {
        if (open.channelId == channelId && open.stream == stream) {
            status.state = QStringLiteral("recording");
            status.sinceMs = open.startMs;
            return status;
        }
    }
    if (auto storageProblem = m_problems.constFind(kPrimary); storageProblem != m_problems.cend()) {
        status.state = QStringLiteral("problem");
        status.reason = storageProblem->first;
        return status;
    }
    status.state = QStringLiteral("waiting");
    const StreamStatus hub = m_hub.status(key);
    status.reason = hub.reason.isEmpty() ? QStringLiteral("Waiting for the stream's next keyframe.") : hub.reason;
    return status;
}

QList<StorageHealth> RecordingService::storageHealth() const {
    QList<StorageHealth> list;
    for (const QString& role : {kPrimary, kMirror}) {
        const QString root = locationRoot(role);
        if (root.isEmpty()) {
            continue;
        }
        StorageHealth health;
        health.role = role;
        health.path = root;
        const QFileInfo info(root);
        health.writable = info.isDir() && info.isWritable();
        QStorageInfo disk(root);
        if (disk.isValid()) {
            health.totalBytes = disk.bytesTotal();
        }
        health.freeBytes = m_options.freeBytes(root);
        if (auto usage = m_repository.usage(role)) {
            health.recordingBytes = usage->bytes;
            health.segments = usage->segments;
            health.oldestMs = usage->oldestMs;
        }
        if (auto problem = m_problems.constFind(role); problem != m_problems.cend()) {
            health.problem = problem->first;
            health.problemSinceMs = problem->second;
        } else if (!health.writable) {
            health.problem = QStringLiteral("The folder %1 is missing or not writable by the server.").arg(root);
        }
        list.append(health);
    }
    return list;
}

// --- the archive ---------------------------------------------------------------------------------

Result<RecordedPeriods> RecordingService::periods(const QString& channelId, const QString& stream, qint64 fromMs,
                                                  qint64 toMs) const {
    auto rows = m_repository.segments(channelId, stream, fromMs, toMs);
    if (!rows) {
        return rows.error();
    }
    QList<TimeRange> ranges;
    for (SegmentRow row : rows.value()) {
        if (row.state == QLatin1String("open")) {
            row = m_openSegments.value(segmentKey(row.location, row.path), row);
        }
        if (row.endMs > fromMs && row.startMs < toMs) {
            ranges.append(TimeRange{std::max(row.startMs, fromMs), std::min(row.endMs, toMs)});
        }
    }
    std::sort(ranges.begin(), ranges.end(), [](const TimeRange& a, const TimeRange& b) { return a.startMs < b.startMs; });
    RecordedPeriods result;
    for (const TimeRange& range : ranges) {
        if (!result.periods.isEmpty() && range.startMs <= result.periods.last().endMs + kMergeToleranceMs) {
            result.periods.last().endMs = std::max(result.periods.last().endMs, range.endMs);
        } else {
            result.periods.append(range);
        }
    }
    auto gaps = m_repository.gaps(channelId, stream, fromMs, toMs);
    if (!gaps) {
        return gaps.error();
    }
    result.gaps = gaps.value();
    return result;
}

Result<QList<core::media::SegmentRef>> RecordingService::segmentRefs(const QString& channelId, const QString& stream,
                                                                     qint64 fromMs, qint64 toMs) const {
    auto rows = m_repository.segments(channelId, stream, fromMs, toMs);
    if (!rows) {
        return rows.error();
    }
    // One entry per segment: the primary copy when its file is there, else the mirror's.
    QHash<QString, SegmentRow> chosen;
    for (SegmentRow row : rows.value()) {
        if (row.state == QLatin1String("open")) {
            row = m_openSegments.value(segmentKey(row.location, row.path), row);
        }
        const bool present = QFileInfo::exists(locationRoot(row.location) + QLatin1Char('/') + row.path);
        auto existing = chosen.find(row.path);
        if (!present) {
            continue;
        }
        if (existing == chosen.end() || (row.location == kPrimary && existing->location != kPrimary)) {
            chosen.insert(row.path, row);
        }
    }
    QList<core::media::SegmentRef> refs;
    for (const SegmentRow& row : std::as_const(chosen)) {
        refs.append(core::media::SegmentRef{locationRoot(row.location) + QLatin1Char('/') + row.path,
                                            row.startMs * 1000, row.startMs * 1000, row.endMs * 1000, row.keyframes});
    }
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.startUs < b.startUs; });
    return refs;
}

// --- retention -----------------------------------------------------------------------------------

QHash<QString, int> RecordingService::channelAgeOverrides() const {
    QHash<QString, int> overrides;
    auto stored = m_repository.channels();
    for (const ChannelRecording& settings : stored ? stored.value() : QList<ChannelRecording>()) {
        if (settings.maxAgeDays > 0) {
            overrides.insert(settings.channelId, settings.maxAgeDays);
        }
    }
    return overrides;
}

Status RecordingService::deleteSegment(const SegmentRow& row) {
    const QString file = locationRoot(row.location) + QLatin1Char('/') + row.path;
    if (QFileInfo::exists(file) && !QFile::remove(file)) {
        return Error::make(QStringLiteral("storage_unavailable"),
                           QStringLiteral("Cannot delete %1 to make room. Check the server's permissions there.").arg(file));
    }
    QDir().rmdir(QFileInfo(file).path());  // the date folder, once it is empty
    m_openSegments.remove(segmentKey(row.location, row.path));
    return m_repository.deleteSegment(row.id);
}

Result<int> RecordingService::runRetention() {
    int deleted = 0;
    const qint64 now = m_clock.nowMs();
    const QHash<QString, int> overrides = channelAgeOverrides();
    QList<const StorageLocation*> locations{&m_storage.primary};
    if (m_storage.mirror) {
        locations.append(&*m_storage.mirror);
    }
    auto remove = [this, &deleted](const QList<SegmentRow>& rows) -> Status {
        for (const SegmentRow& row : rows) {
            if (Status done = deleteSegment(row); !done) {
                setProblem(row.location, done.error().message);
                return done;
            }
            ++deleted;
        }
        return {};
    };
    for (const StorageLocation* location : locations) {
        // 1. Age: a channel's own limit, else the location's.
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
            auto old = m_repository.segmentsEndedBefore(location->role, now - it.value() * kDayMs, kRetentionBatch, it.key());
            if (old && !old->isEmpty()) {
                if (Status done = remove(old.value()); !done) {
                    return done.error();
                }
            }
        }
        if (location->maxAgeDays > 0) {
            auto old = m_repository.segmentsEndedBefore(location->role, now - location->maxAgeDays * kDayMs,
                                                        kRetentionBatch);
            if (old) {
                QList<SegmentRow> expired;
                for (const SegmentRow& row : old.value()) {
                    if (!overrides.contains(row.channelId)) {
                        expired.append(row);
                    }
                }
                if (Status done = remove(expired); !done) {
                    return done.error();
                }
            }
        }
        // 2. Quota and 3. free space: oldest first until both hold.
        for (int round = 0; round < 50; ++round) {
            auto usage = m_repository.usage(location->role);
            if (!usage) {
                return usage.error();
            }
            const bool overQuota = location->maxBytes > 0 && usage->bytes > location->maxBytes;
            const qint64 free = m_options.freeBytes(location->path);
            const bool tooFull = location->minFreeBytes > 0 && free >= 0 && free < location->minFreeBytes;
            if (!overQuota && !tooFull) {
                break;
            }
            auto oldest = m_repository.oldestSegments(location->role, overQuota && !tooFull ? 1 : 20);
            if (!oldest || oldest->isEmpty()) {
                if (tooFull) {
                    setProblem(
                        location->role,
                        QStringLiteral("The disk holding %1 has less free space than the %2 bytes asked for, "
                                       "and no recording is left to delete. Free space or lower the minimum.")
                            .arg(location->path, QString::number(location->minFreeBytes)));
                }
                break;
            }
            QList<SegmentRow> batch = oldest.value();
            if (overQuota && !tooFull) {
                // Exactly as much as the quota needs, oldest first.
                auto more = m_repository.oldestSegments(location->role, kRetentionBatch);
                batch.clear();
                qint64 excess = usage->bytes - location->maxBytes;
                for (const SegmentRow& row : more ? more.value() : QList<SegmentRow>()) {
                    if (excess <= 0) {
                        break;
                    }
                    batch.append(row);
                    excess -= row.sizeBytes;
                }
            }
            if (Status done = remove(batch); !done) {
                return done.error();
            }
        }
    }
    // Gaps older than every recording left say nothing any more.
    qint64 oldest = 0;
    for (const StorageLocation* location : locations) {
        if (auto usage = m_repository.usage(location->role); usage && usage->oldestMs > 0) {
            oldest = oldest == 0 ? usage->oldestMs : std::min(oldest, usage->oldestMs);
        }
    }
    if (oldest > 0) {
        (void)m_repository.deleteGapsBefore(oldest);
    }
    if (deleted > 0) {
        qCInfo(lcRecording) << "retention deleted" << deleted << "segments";
    }
    return deleted;
}

}  // namespace vigil::server
