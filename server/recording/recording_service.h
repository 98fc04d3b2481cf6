#pragma once
// RecordingService: records channels' streams from the StreamHub into segment files
// (docs/design/recording.md). Decides which streams record (per-channel mode: off, continuous,
// weekly schedule; channels without settings follow recording.default_mode), keeps the segment
// index and the gaps in the store, mirrors finished segments to a second location (SEC-2.9),
// deletes old recordings (age, quota, free space; oldest first), and at start repairs the index
// after a crash (open segments' real end, files on disk the index does not know).
//
// Threads: everything here belongs to the engine thread. Files are written on RecordingWorker
// threads and copied on the SegmentMirror thread; what they did comes back through one queue
// (processEvents) so the store is only touched here.

#include <QHash>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/clock.h"
#include "engine/service.h"
#include "media/archive_reader.h"
#include "media/stream_hub.h"
#include "recording/recording_model.h"
#include "recording/recording_repository.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class RecordingWorker;
class SegmentMirror;
class SettingsRepository;
class StreamRecorder;

struct RecorderStatus {
    QString state = QStringLiteral("off");  // off | waiting | recording | problem
    QString reason;                         // for people, when waiting or problem
    qint64 sinceMs = 0;

    QJsonObject toJson() const;
};

struct RecordedPeriods {
    QList<TimeRange> periods;  // merged, in time order
    QList<RecordingGap> gaps;
};

class RecordingService : public Service {
    Q_OBJECT
public:
    struct Options {
        QString defaultPrimaryPath;  // used until storage is configured
        qint64 segmentUs = 60'000'000;
        int workers = 2;  // writer threads; streams are spread over them
        int retentionIntervalMs = 60'000;
        int scheduleIntervalMs = 15'000;
        // Free bytes of the file system holding a path; tests replace it (no real disk fills up on
        // command). Default: QStorageInfo.
        std::function<qint64(const QString&)> freeBytes;
        // Whether a channel id is known (the devices service); default: every id.
        std::function<bool(const QString&)> channelExists;
    };

    static constexpr qint64 kMergeToleranceMs = 2000;  // segments closer than this are one period

    RecordingService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                     StreamHub& hub, Options options, QObject* parent = nullptr);
    ~RecordingService() override;

    // Settings.
    core::Result<StorageSettings> storage() const;
    core::Status setStorage(const StorageSettings& settings);
    QList<StorageHealth> storageHealth() const;
    core::Result<ChannelRecording> channelSettings(const QString& channelId) const;  // stored or default
    core::Result<QList<ChannelRecording>> storedChannelSettings() const;
    core::Status setChannelSettings(const ChannelRecording& settings);
    RecorderStatus recorderStatus(const QString& channelId, const QString& stream) const;

    // The archive: merged recorded periods and gaps of a stream in [fromMs, toMs), for the
    // timeline; the segments to read for playback (primary copies first).
    core::Result<RecordedPeriods> periods(const QString& channelId, const QString& stream, qint64 fromMs,
                                          qint64 toMs) const;
    core::Result<QList<core::media::SegmentRef>> segmentRefs(const QString& channelId, const QString& stream,
                                                             qint64 fromMs, qint64 toMs) const;

    // Event recording (issue 6, rules): records the channel's stream until `untilMs` whatever its
    // mode. A recorder that starts for it begins at the hub's cached keyframe at or before `fromMs`
    // (the pre-event picture: StreamHub::setHistory says how far back the cache reaches); a later
    // call extends it. Refused for a channel the devices service does not know.
    core::Status recordUntil(const QString& channelId, const QString& stream, qint64 fromMs, qint64 untilMs);

    // Starts and stops recorders to match settings, schedules and the hub's streams. Runs on its
    // own on a timer and on changes; tests call it after moving their clock.
    void reconcile();
    // One retention pass; returns how many segments it deleted.
    core::Result<int> runRetention();
    bool indexReady() const { return m_indexReady; }
    // Runs what the writer and mirror threads have done so far (tests: after they drained).
    void flushForTests();

signals:
    void indexRepaired(int repaired, int found);  // the start-up repair finished
    void segmentClosed(const vigil::server::SegmentRow& row);
    void gapRecorded(const vigil::server::RecordingGap& gap);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    struct Active;
    class Relay;
    struct RepairResult;

    QString locationRoot(const QString& role) const;
    void startRepair();
    void applyRepair(const RepairResult& result);
    void startRecorder(const QString& channelId, const QString& stream, qint64 gapStartMs, const QString& gapReason);
    void stopRecorder(const QString& key);
    void processEvents();
    void post(std::function<void()> event);  // any thread -> engine thread, in order
    void onSegmentOpened(const SegmentRow& row);
    void onSegmentClosed(const SegmentRow& row);
    void setProblem(const QString& role, const QString& problem);
    void queueUnmirrored();
    core::Status deleteSegment(const SegmentRow& row);
    QHash<QString, int> channelAgeOverrides() const;

    core::store::Database& m_db;
    SettingsRepository& m_settings;
    const core::Clock& m_clock;
    StreamHub& m_hub;
    Options m_options;
    RecordingRepository m_repository;
    StorageSettings m_storage;

    std::vector<std::unique_ptr<RecordingWorker>> m_workers;
    std::unique_ptr<SegmentMirror> m_mirror;
    std::shared_ptr<Relay> m_relay;
    QHash<QString, std::shared_ptr<Active>> m_active;  // "<channel>/<stream>"
    QHash<QString, SegmentRow> m_openSegments;         // "<location>:<path>" -> progress
    QHash<QString, QString> m_recorderProblems;        // "<channel>/<stream>" -> why it cannot record
    QHash<QString, std::pair<QString, qint64>> m_problems;  // location role -> problem, since
    QHash<QString, std::pair<qint64, QString>> m_crashGaps;  // "<channel>/<stream>" -> start, reason
    QHash<QString, qint64> m_eventHolds;  // "<channel>/<stream>" -> UTC ms an event recording lasts to
    QHash<QString, qint64> m_eventFrom;   // "<channel>/<stream>" -> UTC ms its recorder should start at
    QTimer m_holdTimer;                   // reconciles when the next hold ends
    qint64 m_repairedAtMs = 0;
    int m_nextWorker = 0;
    bool m_indexReady = false;
    quint64 m_generation = 0;  // a repair that finishes after a stop is ignored
    QTimer m_retentionTimer;
    QTimer m_scheduleTimer;

    std::mutex m_eventsMutex;
    std::vector<std::function<void()>> m_events;
};

}  // namespace vigil::server

Q_DECLARE_METATYPE(vigil::server::SegmentRow)
Q_DECLARE_METATYPE(vigil::server::RecordingGap)
