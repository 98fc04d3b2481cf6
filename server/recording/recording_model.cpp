#include "recording/recording_model.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>

#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::FieldReader;

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMaxAgeDays = 36500;

Error badSchedule(const QString& problem) {
    return Error::make(QStringLiteral("bad_request"),
                       QStringLiteral("The recording schedule is not valid: %1. Each range needs a day from 1 "
                                      "(Monday) to 7 (Sunday) and minutes 0-1440 with start before end.")
                           .arg(problem));
}

QJsonValue orNull(qint64 value) {
    return value > 0 ? QJsonValue(static_cast<double>(value)) : QJsonValue();
}

}  // namespace

// --- WeeklySchedule ------------------------------------------------------------------------------

Status WeeklySchedule::check(const Range& range) {
    if (range.day < 1 || range.day > 7) {
        return badSchedule(QStringLiteral("day %1").arg(range.day));
    }
    if (range.startMinute < 0 || range.endMinute > kMinutesPerDay || range.startMinute >= range.endMinute) {
        return badSchedule(QStringLiteral("minutes %1-%2").arg(range.startMinute).arg(range.endMinute));
    }
    return {};
}

Result<WeeklySchedule> WeeklySchedule::parse(const QString& text) {
    WeeklySchedule schedule;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString day = part.section(QLatin1Char(':'), 0, 0);
        const QString span = part.section(QLatin1Char(':'), 1);
        bool dayOk = false;
        bool startOk = false;
        bool endOk = false;
        Range range{day.toInt(&dayOk), span.section(QLatin1Char('-'), 0, 0).toInt(&startOk),
                    span.section(QLatin1Char('-'), 1).toInt(&endOk)};
        if (!dayOk || !startOk || !endOk) {
            return badSchedule(QStringLiteral("\"%1\"").arg(part));
        }
        if (Status ok = check(range); !ok) {
            return ok.error();
        }
        schedule.m_ranges.append(range);
    }
    return schedule;
}

Result<WeeklySchedule> WeeklySchedule::fromJson(const QJsonArray& json, const QString& context) {
    WeeklySchedule schedule;
    for (const QJsonValue& value : json) {
        if (!value.isObject()) {
            return FieldReader::badRequest(context, QStringLiteral("schedule"), QStringLiteral("entries must be objects"));
        }
        FieldReader read(value.toObject(), context + QStringLiteral(" schedule entry"), FieldReader::Mode::Request);
        Range range{read.smallInteger(QStringLiteral("day")), read.smallInteger(QStringLiteral("startMinute")),
                    read.smallInteger(QStringLiteral("endMinute"))};
        if (!read.finish()) {
            return read.error();
        }
        if (Status ok = check(range); !ok) {
            return ok.error();
        }
        schedule.m_ranges.append(range);
    }
    return schedule;
}

QString WeeklySchedule::toText() const {
    QStringList parts;
    for (const Range& r : m_ranges) {
        parts << QStringLiteral("%1:%2-%3").arg(r.day).arg(r.startMinute).arg(r.endMinute);
    }
    return parts.join(QLatin1Char(','));
}

QJsonArray WeeklySchedule::toJson() const {
    QJsonArray array;
    for (const Range& r : m_ranges) {
        array.append(QJsonObject{{QStringLiteral("day"), r.day},
                                 {QStringLiteral("startMinute"), r.startMinute},
                                 {QStringLiteral("endMinute"), r.endMinute}});
    }
    return array;
}

bool WeeklySchedule::contains(const QDateTime& localTime) const {
    const int day = localTime.date().dayOfWeek();
    const int minute = localTime.time().hour() * 60 + localTime.time().minute();
    return std::any_of(m_ranges.begin(), m_ranges.end(), [day, minute](const Range& r) {
        return r.day == day && minute >= r.startMinute && minute < r.endMinute;
    });
}

// --- ChannelRecording ----------------------------------------------------------------------------

QStringList ChannelRecording::streamList() const {
    return streams.split(QLatin1Char('+'));
}

bool ChannelRecording::recordsAt(qint64 nowMs) const {
    if (mode == recordingmode::kContinuous) {
        return true;
    }
    if (mode == recordingmode::kSchedule) {
        return schedule.contains(QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime());
    }
    return false;
}

QJsonObject ChannelRecording::toJson() const {
    return QJsonObject{{QStringLiteral("channelId"), channelId},
                       {QStringLiteral("mode"), mode},
                       {QStringLiteral("streams"), streams},
                       {QStringLiteral("schedule"), schedule.toJson()},
                       {QStringLiteral("maxAgeDays"), maxAgeDays},
                       {QStringLiteral("stored"), stored},
                       {QStringLiteral("updatedMs"), static_cast<double>(updatedMs)}};
}

Result<ChannelRecording> ChannelRecording::fromRequest(const QString& channelId, const QJsonObject& json) {
    const QString context = QStringLiteral("recording settings");
    FieldReader read(json, context, FieldReader::Mode::Request);
    ChannelRecording settings;
    settings.channelId = channelId;
    settings.stored = true;
    settings.mode = read.string(QStringLiteral("mode"));
    if (read.has(QStringLiteral("streams"))) {
        settings.streams = read.string(QStringLiteral("streams"));
    }
    QJsonArray schedule;
    if (read.has(QStringLiteral("schedule"))) {
        schedule = read.array(QStringLiteral("schedule"));
    }
    if (read.has(QStringLiteral("maxAgeDays"))) {
        settings.maxAgeDays = read.smallInteger(QStringLiteral("maxAgeDays"));
    }
    if (!read.finish()) {
        return read.error();
    }
    static const QStringList kModes{recordingmode::kOff, recordingmode::kContinuous, recordingmode::kSchedule};
    if (!kModes.contains(settings.mode)) {
        return FieldReader::badRequest(context, QStringLiteral("mode"),
                                       QStringLiteral("must be one of off, continuous, schedule"));
    }
    static const QStringList kStreams{QStringLiteral("main"), QStringLiteral("sub"), QStringLiteral("main+sub")};
    if (!kStreams.contains(settings.streams)) {
        return FieldReader::badRequest(context, QStringLiteral("streams"), QStringLiteral("must be main, sub or main+sub"));
    }
    if (settings.maxAgeDays < 0 || settings.maxAgeDays > kMaxAgeDays) {
        return FieldReader::badRequest(context, QStringLiteral("maxAgeDays"),
                                       QStringLiteral("must be 0 (the storage's limit) to %1").arg(kMaxAgeDays));
    }
    auto parsed = WeeklySchedule::fromJson(schedule, context);
    if (!parsed) {
        return parsed.error();
    }
    settings.schedule = parsed.value();
    if (settings.mode == recordingmode::kSchedule && settings.schedule.isEmpty()) {
        return FieldReader::badRequest(context, QStringLiteral("schedule"),
                                       QStringLiteral("needs at least one range when mode is schedule"));
    }
    return settings;
}

// --- Storage -------------------------------------------------------------------------------------

QJsonObject StorageLocation::toJson() const {
    return QJsonObject{{QStringLiteral("role"), role},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("minFreeBytes"), static_cast<double>(minFreeBytes)},
                       {QStringLiteral("maxBytes"), static_cast<double>(maxBytes)},
                       {QStringLiteral("maxAgeDays"), maxAgeDays}};
}

QJsonObject StorageSettings::toJson() const {
    return QJsonObject{{QStringLiteral("primary"), primary.toJson()},
                       {QStringLiteral("mirror"), mirror ? QJsonValue(mirror->toJson()) : QJsonValue()},
                       {QStringLiteral("defaultMode"), defaultMode}};
}

namespace {
Result<StorageLocation> locationFromRequest(const QJsonObject& json, const QString& role) {
    const QString context = QStringLiteral("%1 storage location").arg(role);
    FieldReader read(json, context, FieldReader::Mode::Request);
    StorageLocation location;
    location.role = role;
    location.path = read.string(QStringLiteral("path"));
    if (read.has(QStringLiteral("minFreeBytes"))) {
        location.minFreeBytes = read.integer(QStringLiteral("minFreeBytes"));
    }
    if (read.has(QStringLiteral("maxBytes"))) {
        location.maxBytes = read.integer(QStringLiteral("maxBytes"));
    }
    if (read.has(QStringLiteral("maxAgeDays"))) {
        location.maxAgeDays = read.smallInteger(QStringLiteral("maxAgeDays"));
    }
    if (!read.finish()) {
        return read.error();
    }
    if (!QDir::isAbsolutePath(location.path)) {
        return FieldReader::badRequest(context, QStringLiteral("path"), QStringLiteral("must be an absolute folder path"));
    }
    location.path = QDir::cleanPath(location.path);
    if (location.minFreeBytes < 0 || location.maxBytes < 0) {
        return FieldReader::badRequest(context, QStringLiteral("minFreeBytes"), QStringLiteral("sizes cannot be negative"));
    }
    if (location.maxAgeDays < 0 || location.maxAgeDays > kMaxAgeDays) {
        return FieldReader::badRequest(context, QStringLiteral("maxAgeDays"),
                                       QStringLiteral("must be 0 (no limit) to %1").arg(kMaxAgeDays));
    }
    return location;
}
}  // namespace

Result<StorageSettings> StorageSettings::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("storage settings");
    FieldReader read(json, context, FieldReader::Mode::Request);
    StorageSettings settings;
    const QJsonObject primary = read.object(QStringLiteral("primary"));
    QJsonValue mirror;
    if (read.has(QStringLiteral("mirror"))) {
        mirror = json.value(QStringLiteral("mirror"));
    }
    if (read.has(QStringLiteral("defaultMode"))) {
        settings.defaultMode = read.string(QStringLiteral("defaultMode"));
    }
    if (!read.finish()) {
        return read.error();
    }
    auto primaryLocation = locationFromRequest(primary, QStringLiteral("primary"));
    if (!primaryLocation) {
        return primaryLocation.error();
    }
    settings.primary = primaryLocation.value();
    if (mirror.isObject()) {
        auto mirrorLocation = locationFromRequest(mirror.toObject(), QStringLiteral("mirror"));
        if (!mirrorLocation) {
            return mirrorLocation.error();
        }
        if (mirrorLocation->path == settings.primary.path) {
            return FieldReader::badRequest(context, QStringLiteral("mirror"),
                                           QStringLiteral("must be another folder than the primary location"));
        }
        settings.mirror = mirrorLocation.value();
    } else if (!mirror.isNull() && !mirror.isUndefined()) {
        return FieldReader::badRequest(context, QStringLiteral("mirror"), QStringLiteral("must be an object or null"));
    }
    static const QStringList kModes{recordingmode::kOff, recordingmode::kContinuous};
    if (!kModes.contains(settings.defaultMode)) {
        return FieldReader::badRequest(context, QStringLiteral("defaultMode"), QStringLiteral("must be off or continuous"));
    }
    return settings;
}

QJsonObject StorageHealth::toJson() const {
    return QJsonObject{{QStringLiteral("role"), role},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("writable"), writable},
                       {QStringLiteral("totalBytes"), static_cast<double>(totalBytes)},
                       {QStringLiteral("freeBytes"), static_cast<double>(freeBytes)},
                       {QStringLiteral("recordingBytes"), static_cast<double>(recordingBytes)},
                       {QStringLiteral("segments"), static_cast<double>(segments)},
                       {QStringLiteral("oldestMs"), orNull(oldestMs)},
                       {QStringLiteral("problem"), problem},
                       {QStringLiteral("problemSinceMs"), orNull(problemSinceMs)}};
}

QJsonObject RecordingGap::toJson() const {
    return QJsonObject{{QStringLiteral("stream"), stream},
                       {QStringLiteral("startMs"), static_cast<double>(startMs)},
                       {QStringLiteral("endMs"), static_cast<double>(endMs)},
                       {QStringLiteral("reason"), reason}};
}

// --- SegmentRow ----------------------------------------------------------------------------------

QString SegmentRow::keyframesText(qint64 startMs, const QList<core::media::KeyframeEntry>& keyframes) {
    QStringList parts;
    parts.reserve(keyframes.size());
    for (const auto& k : keyframes) {
        parts << QStringLiteral("%1:%2").arg(k.timeUs - startMs * 1000).arg(k.byteOffset);
    }
    return parts.join(QLatin1Char(' '));
}

QList<core::media::KeyframeEntry> SegmentRow::parseKeyframes(qint64 startMs, const QString& text) {
    QList<core::media::KeyframeEntry> keyframes;
    for (const QString& part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool timeOk = false;
        bool offsetOk = false;
        const qint64 offsetUs = part.section(QLatin1Char(':'), 0, 0).toLongLong(&timeOk);
        const qint64 bytes = part.section(QLatin1Char(':'), 1).toLongLong(&offsetOk);
        if (timeOk && offsetOk && bytes >= 0) {
            keyframes.append(core::media::KeyframeEntry{startMs * 1000 + offsetUs, bytes});
        }
    }
    return keyframes;
}

}  // namespace vigil::server
