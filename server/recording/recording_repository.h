#pragma once
// RecordingRepository: the recording tables (recording_schema.cpp): storage locations, channel
// settings, the segment index and gaps. Engine thread only, like the Database.

#include <QList>
#include <QString>
#include <functional>
#include <optional>

#include "common/result.h"
#include "recording/recording_model.h"

namespace vigil::core::store {
class Database;
class Statement;
}

namespace vigil::server {

class SettingsRepository;

struct LocationUsage {
    qint64 bytes = 0;
    qint64 segments = 0;
    qint64 oldestMs = 0;  // 0 when empty
};

class RecordingRepository {
public:
    RecordingRepository(core::store::Database& db, SettingsRepository& settings) : m_db(db), m_settings(settings) {}

    // Storage; without rows, a primary location at `defaultPrimaryPath` and no mirror.
    core::Result<StorageSettings> storage(const QString& defaultPrimaryPath) const;
    core::Status saveStorage(const StorageSettings& settings, qint64 nowMs);

    core::Result<QList<ChannelRecording>> channels() const;  // stored rows only
    core::Result<std::optional<ChannelRecording>> channel(const QString& channelId) const;
    core::Status saveChannel(const ChannelRecording& settings, qint64 nowMs);

    // Segments.
    core::Result<qint64> insertSegment(const SegmentRow& row);
    core::Status completeSegment(const SegmentRow& row);  // by (location, path): end, size, state, keyframes
    core::Status deleteSegment(qint64 id);
    core::Result<bool> hasSegment(const QString& location, const QString& path) const;
    // Segments of one stream overlapping [fromMs, toMs), both locations, by start.
    core::Result<QList<SegmentRow>> segments(const QString& channelId, const QString& stream, qint64 fromMs,
                                             qint64 toMs) const;
    core::Result<QList<SegmentRow>> openSegments() const;
    // The newest segment of a stream in a location, if any.
    core::Result<std::optional<SegmentRow>> latestSegment(const QString& location, const QString& channelId,
                                                          const QString& stream) const;
    // Oldest first, closed segments only (never one being written).
    core::Result<QList<SegmentRow>> oldestSegments(const QString& location, int limit) const;
    // Closed segments of a location that ended before `cutoffMs`; with a channel, only its.
    core::Result<QList<SegmentRow>> segmentsEndedBefore(const QString& location, qint64 cutoffMs, int limit,
                                                        const QString& channelId = {}) const;
    core::Result<LocationUsage> usage(const QString& location) const;
    // Closed primary segments with no copy in the mirror, newest first.
    core::Result<QList<SegmentRow>> unmirrored(int limit) const;

    // Gaps.
    core::Status insertGap(const RecordingGap& gap);
    core::Result<QList<RecordingGap>> gaps(const QString& channelId, const QString& stream, qint64 fromMs,
                                           qint64 toMs) const;
    core::Status deleteGapsBefore(qint64 cutoffMs);

private:
    core::Result<QList<SegmentRow>> segmentQuery(const QString& where, const std::function<void(core::store::Statement&)>& bind) const;

    core::store::Database& m_db;
    SettingsRepository& m_settings;
};

}  // namespace vigil::server
