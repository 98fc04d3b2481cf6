#pragma once
// The recording service's values and their JSON (server/api/recording.yaml describes the shapes):
// per-channel recording settings with a weekly schedule, storage locations and their health,
// recorded periods and gaps, and the segment index row.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "common/result.h"
#include "media/segment_writer.h"

namespace vigil::server {

namespace recordingmode {
inline const QString kOff = QStringLiteral("off");
inline const QString kContinuous = QStringLiteral("continuous");
inline const QString kSchedule = QStringLiteral("schedule");
}  // namespace recordingmode

// A week of recording times in the server's local time. Ranges are [start, end) in minutes of an
// ISO day (1 = Monday ... 7 = Sunday); end 1440 is midnight at the day's end.
class WeeklySchedule {
public:
    struct Range {
        int day = 1;
        int startMinute = 0;
        int endMinute = 0;
        bool operator==(const Range&) const = default;
    };

    static core::Result<WeeklySchedule> parse(const QString& text);  // the stored form
    static core::Result<WeeklySchedule> fromJson(const QJsonArray& json, const QString& context);
    QString toText() const;
    QJsonArray toJson() const;

    bool contains(const QDateTime& localTime) const;
    bool isEmpty() const { return m_ranges.isEmpty(); }
    const QList<Range>& ranges() const { return m_ranges; }

private:
    static core::Status check(const Range& range);
    QList<Range> m_ranges;
};

struct ChannelRecording {
    QString channelId;
    QString mode = recordingmode::kContinuous;  // off | continuous | schedule
    QString streams = QStringLiteral("main");   // main | sub | main+sub
    WeeklySchedule schedule;
    int maxAgeDays = 0;   // 0: the storage location's limit
    bool stored = false;  // false: no row, the default mode applies
    qint64 updatedMs = 0;

    QStringList streamList() const;  // "main+sub" -> {"main", "sub"}
    // Whether the channel records at `now` (UTC ms), in this server's local time for schedules.
    bool recordsAt(qint64 nowMs) const;
    QJsonObject toJson() const;
    // The PUT body: {mode, streams?, schedule?, maxAgeDays?}; unknown fields and bad values refused.
    static core::Result<ChannelRecording> fromRequest(const QString& channelId, const QJsonObject& json);
};

struct StorageLocation {
    QString role;  // primary | mirror
    QString path;
    qint64 minFreeBytes = 0;
    qint64 maxBytes = 0;  // 0: no quota
    int maxAgeDays = 0;   // 0: no limit

    QJsonObject toJson() const;
};

// PUT /api/v1/recording/storage: the locations and the mode for channels without settings.
struct StorageSettings {
    StorageLocation primary;
    std::optional<StorageLocation> mirror;
    QString defaultMode = recordingmode::kContinuous;

    QJsonObject toJson() const;
    static core::Result<StorageSettings> fromRequest(const QJsonObject& json);
};

struct StorageHealth {
    QString role;
    QString path;
    bool writable = false;
    qint64 totalBytes = 0;
    qint64 freeBytes = 0;
    qint64 recordingBytes = 0;  // what the index says the recordings there take
    qint64 segments = 0;
    qint64 oldestMs = 0;  // start of the oldest recording there, 0 when none
    QString problem;      // for people; empty when fine
    qint64 problemSinceMs = 0;

    QJsonObject toJson() const;
};

struct TimeRange {
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct RecordingGap {
    QString channelId;
    QString stream;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason;

    QJsonObject toJson() const;
};

// A row of recording_segments.
struct SegmentRow {
    qint64 id = 0;
    QString location;  // primary | mirror
    QString path;      // relative to the location
    QString channelId;
    QString stream;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 sizeBytes = 0;
    QString state;  // open | complete | repaired
    QList<core::media::KeyframeEntry> keyframes;  // absolute UTC µs

    static QString keyframesText(qint64 startMs, const QList<core::media::KeyframeEntry>& keyframes);
    static QList<core::media::KeyframeEntry> parseKeyframes(qint64 startMs, const QString& text);
};

}  // namespace vigil::server
