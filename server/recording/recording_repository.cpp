#include "recording/recording_repository.h"

#include "accounts/statement_runner.h"
#include "engine/settings_repository.h"
#include "store/database.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::store::Statement;

namespace {

const QString kDefaultModeKey = QStringLiteral("recording.default_mode");
const QString kSegmentColumns = QStringLiteral(
    "id, location, path, channel_id, stream, start_ms, end_ms, size_bytes, state, keyframes");

SegmentRow segmentFrom(const Statement& row) {
    SegmentRow segment;
    segment.id = row.int64(0);
    segment.location = row.text(1);
    segment.path = row.text(2);
    segment.channelId = row.text(3);
    segment.stream = row.text(4);
    segment.startMs = row.int64(5);
    segment.endMs = row.int64(6);
    segment.sizeBytes = row.int64(7);
    segment.state = row.text(8);
    segment.keyframes = SegmentRow::parseKeyframes(segment.startMs, row.text(9));
    return segment;
}

}  // namespace

Result<StorageSettings> RecordingRepository::storage(const QString& defaultPrimaryPath) const {
    StorageSettings settings;
    settings.primary.role = QStringLiteral("primary");
    settings.primary.path = defaultPrimaryPath;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT role, path, min_free_bytes, max_bytes, max_age_days FROM storage_locations"), {},
        [&settings](const Statement& row) {
            StorageLocation location{row.text(0), row.text(1), row.int64(2), row.int64(3),
                                     static_cast<int>(row.int64(4))};
            if (location.role == QLatin1String("primary")) {
                settings.primary = location;
            } else {
                settings.mirror = location;
            }
        });
    if (!status) {
        return status.error();
    }
    auto mode = m_settings.value(kDefaultModeKey);
    if (!mode) {
        return mode.error();
    }
    if (mode.value()) {
        settings.defaultMode = *mode.value();
    }
    return settings;
}

Status RecordingRepository::saveStorage(const StorageSettings& settings, qint64 nowMs) {
    core::store::Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    Status status = runStatement(m_db, QStringLiteral("DELETE FROM storage_locations"));
    QList<StorageLocation> locations{settings.primary};
    if (settings.mirror) {
        locations.append(*settings.mirror);
    }
    for (const StorageLocation& location : locations) {
        if (!status) {
            break;
        }
        status = runStatement(m_db,
                              QStringLiteral("INSERT INTO storage_locations (role, path, min_free_bytes, max_bytes, "
                                             "max_age_days, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                              [&](Statement& s) {
                                  s.bind(1, location.role)
                                      .bind(2, location.path)
                                      .bind(3, location.minFreeBytes)
                                      .bind(4, location.maxBytes)
                                      .bind(5, location.maxAgeDays)
                                      .bind(6, nowMs);
                              });
    }
    if (status) {
        status = m_settings.setValue(kDefaultModeKey, settings.defaultMode);
    }
    return status ? transaction.commit() : status;
}

Result<QList<ChannelRecording>> RecordingRepository::channels() const {
    QList<ChannelRecording> list;
    QString scheduleProblem;
    const Status status = forEachRow(
        m_db,
        QStringLiteral("SELECT channel_id, mode, streams, schedule, max_age_days, updated_ms FROM recording_channels "
                       "ORDER BY channel_id"),
        {}, [&list, &scheduleProblem](const Statement& row) {
            ChannelRecording settings;
            settings.channelId = row.text(0);
            settings.mode = row.text(1);
            settings.streams = row.text(2);
            auto schedule = WeeklySchedule::parse(row.text(3));
            if (schedule) {
                settings.schedule = schedule.value();
            } else {
                scheduleProblem = schedule.error().message;
            }
            settings.maxAgeDays = static_cast<int>(row.int64(4));
            settings.updatedMs = row.int64(5);
            settings.stored = true;
            list.append(settings);
        });
    if (!status) {
        return status.error();
    }
    return list;
}

Result<std::optional<ChannelRecording>> RecordingRepository::channel(const QString& channelId) const {
    auto all = channels();
    if (!all) {
        return all.error();
    }
    for (const ChannelRecording& settings : all.value()) {
        if (settings.channelId == channelId) {
            return std::optional<ChannelRecording>(settings);
        }
    }
    return std::optional<ChannelRecording>();
}

Status RecordingRepository::saveChannel(const ChannelRecording& settings, qint64 nowMs) {
    return runStatement(m_db,
                        QStringLiteral("INSERT OR REPLACE INTO recording_channels (channel_id, mode, streams, "
                                       "schedule, max_age_days, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                        [&](Statement& s) {
                            s.bind(1, settings.channelId)
                                .bind(2, settings.mode)
                                .bind(3, settings.streams)
                                .bind(4, settings.schedule.toText())
                                .bind(5, settings.maxAgeDays)
                                .bind(6, nowMs);
                        });
}

Result<qint64> RecordingRepository::insertSegment(const SegmentRow& row) {
    const Status status = runStatement(
        m_db,
        QStringLiteral("INSERT INTO recording_segments (location, path, channel_id, stream, start_ms, end_ms, "
                       "size_bytes, state, keyframes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        [&row](Statement& s) {
            s.bind(1, row.location)
                .bind(2, row.path)
                .bind(3, row.channelId)
                .bind(4, row.stream)
                .bind(5, row.startMs)
                .bind(6, std::max(row.endMs, row.startMs))
                .bind(7, row.sizeBytes)
                .bind(8, row.state)
                .bind(9, SegmentRow::keyframesText(row.startMs, row.keyframes));
        });
    if (!status) {
        return status.error();
    }
    return m_db.lastInsertId();
}

Status RecordingRepository::completeSegment(const SegmentRow& row) {
    return runStatement(m_db,
                        QStringLiteral("UPDATE recording_segments SET end_ms = ?3, size_bytes = ?4, state = ?5, "
                                       "keyframes = ?6 WHERE location = ?1 AND path = ?2"),
                        [&row](Statement& s) {
                            s.bind(1, row.location)
                                .bind(2, row.path)
                                .bind(3, std::max(row.endMs, row.startMs))
                                .bind(4, row.sizeBytes)
                                .bind(5, row.state)
                                .bind(6, SegmentRow::keyframesText(row.startMs, row.keyframes));
                        });
}

Status RecordingRepository::deleteSegment(qint64 id) {
    return runStatement(m_db, QStringLiteral("DELETE FROM recording_segments WHERE id = ?1"),
                        [id](Statement& s) { s.bind(1, id); });
}

Result<bool> RecordingRepository::hasSegment(const QString& location, const QString& path) const {
    auto count = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM recording_segments WHERE location = ?1 AND path = ?2"),
                        [&](Statement& s) { s.bind(1, location).bind(2, path); });
    if (!count) {
        return count.error();
    }
    return count.value() > 0;
}

Result<QList<SegmentRow>> RecordingRepository::segmentQuery(const QString& where,
                                                            const std::function<void(Statement&)>& bind) const {
    QList<SegmentRow> rows;
    const Status status = forEachRow(m_db, QStringLiteral("SELECT %1 FROM recording_segments %2").arg(kSegmentColumns, where),
                                     bind, [&rows](const Statement& row) { rows.append(segmentFrom(row)); });
    if (!status) {
        return status.error();
    }
    return rows;
}

Result<QList<SegmentRow>> RecordingRepository::segments(const QString& channelId, const QString& stream, qint64 fromMs,
                                                        qint64 toMs) const {
    // start_ms < to is the index's range; end_ms > from filters what started before the range.
    // Open segments' end is only known in memory (the service adds it): they count from their start.
    return segmentQuery(QStringLiteral("WHERE channel_id = ?1 AND stream = ?2 AND start_ms < ?4 AND (end_ms > ?3 OR "
                                       "state = 'open') ORDER BY start_ms"),
                        [&](Statement& s) { s.bind(1, channelId).bind(2, stream).bind(3, fromMs).bind(4, toMs); });
}

Result<QList<SegmentRow>> RecordingRepository::openSegments() const {
    return segmentQuery(QStringLiteral("WHERE state = 'open'"), {});
}

Result<std::optional<SegmentRow>> RecordingRepository::latestSegment(const QString& location, const QString& channelId,
                                                                     const QString& stream) const {
    auto rows = segmentQuery(
        QStringLiteral("WHERE channel_id = ?1 AND stream = ?2 AND location = ?3 ORDER BY start_ms DESC LIMIT 1"),
        [&](Statement& s) { s.bind(1, channelId).bind(2, stream).bind(3, location); });
    if (!rows) {
        return rows.error();
    }
    return rows->isEmpty() ? std::optional<SegmentRow>() : std::optional<SegmentRow>(rows->first());
}

Result<QList<SegmentRow>> RecordingRepository::oldestSegments(const QString& location, int limit) const {
    return segmentQuery(QStringLiteral("WHERE location = ?1 AND state <> 'open' ORDER BY start_ms LIMIT ?2"),
                        [&](Statement& s) { s.bind(1, location).bind(2, limit); });
}

Result<QList<SegmentRow>> RecordingRepository::segmentsEndedBefore(const QString& location, qint64 cutoffMs, int limit,
                                                                   const QString& channelId) const {
    if (channelId.isEmpty()) {
        return segmentQuery(
            QStringLiteral("WHERE location = ?1 AND state <> 'open' AND end_ms < ?2 ORDER BY start_ms LIMIT ?3"),
            [&](Statement& s) { s.bind(1, location).bind(2, cutoffMs).bind(3, limit); });
    }
    return segmentQuery(QStringLiteral("WHERE location = ?1 AND state <> 'open' AND end_ms < ?2 AND channel_id = ?4 "
                                       "ORDER BY start_ms LIMIT ?3"),
                        [&](Statement& s) { s.bind(1, location).bind(2, cutoffMs).bind(3, limit).bind(4, channelId); });
}

Result<LocationUsage> RecordingRepository::usage(const QString& location) const {
    LocationUsage usage;
    const Status status = forEachRow(
        m_db,
        QStringLiteral("SELECT COALESCE(SUM(size_bytes), 0), COUNT(*), COALESCE(MIN(start_ms), 0) FROM "
                       "recording_segments WHERE location = ?1"),
        [&](Statement& s) { s.bind(1, location); },
        [&usage](const Statement& row) {
            usage.bytes = row.int64(0);
            usage.segments = row.int64(1);
            usage.oldestMs = row.int64(2);
        });
    if (!status) {
        return status.error();
    }
    return usage;
}

Result<QList<SegmentRow>> RecordingRepository::unmirrored(int limit) const {
    return segmentQuery(QStringLiteral("AS p WHERE p.location = 'primary' AND p.state <> 'open' AND NOT EXISTS "
                                       "(SELECT 1 FROM recording_segments AS m WHERE m.location = 'mirror' AND "
                                       "m.path = p.path) ORDER BY p.start_ms DESC LIMIT ?1"),
                        [&](Statement& s) { s.bind(1, limit); });
}

Status RecordingRepository::insertGap(const RecordingGap& gap) {
    return runStatement(m_db,
                        QStringLiteral("INSERT INTO recording_gaps (channel_id, stream, start_ms, end_ms, reason) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)"),
                        [&gap](Statement& s) {
                            s.bind(1, gap.channelId)
                                .bind(2, gap.stream)
                                .bind(3, gap.startMs)
                                .bind(4, std::max(gap.endMs, gap.startMs))
                                .bind(5, gap.reason);
                        });
}

Result<QList<RecordingGap>> RecordingRepository::gaps(const QString& channelId, const QString& stream, qint64 fromMs,
                                                      qint64 toMs) const {
    QList<RecordingGap> list;
    const Status status = forEachRow(
        m_db,
        QStringLiteral("SELECT channel_id, stream, start_ms, end_ms, reason FROM recording_gaps WHERE channel_id = ?1 "
                       "AND stream = ?2 AND start_ms < ?4 AND end_ms > ?3 ORDER BY start_ms"),
        [&](Statement& s) { s.bind(1, channelId).bind(2, stream).bind(3, fromMs).bind(4, toMs); },
        [&list](const Statement& row) {
            list.append(RecordingGap{row.text(0), row.text(1), row.int64(2), row.int64(3), row.text(4)});
        });
    if (!status) {
        return status.error();
    }
    return list;
}

Status RecordingRepository::deleteGapsBefore(qint64 cutoffMs) {
    return runStatement(m_db, QStringLiteral("DELETE FROM recording_gaps WHERE end_ms < ?1"),
                        [cutoffMs](Statement& s) { s.bind(1, cutoffMs); });
}

}  // namespace vigil::server
