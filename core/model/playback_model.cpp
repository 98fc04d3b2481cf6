#include "model/playback_model.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

// Each element of the array `name` read with its own reader, so an error names the element.
template <typename T>
QList<T> readArray(FieldReader& parent, const QString& name, const QString& context, T (*readFields)(FieldReader&)) {
    QList<T> items;
    const QJsonArray array = parent.array(name);
    for (const QJsonValue& value : array) {
        FieldReader read(value.toObject(), context, parent.mode());
        if (!value.isObject()) {
            read.fail(name, QStringLiteral("an object"), value);
        }
        items.append(readFields(read));
        if (!read.finish() || !read.ok()) {
            parent.failWith(read.error());
            break;
        }
    }
    return items;
}

RecordedSpan readSpan(FieldReader& read) {
    RecordedSpan span;
    span.startMs = read.integer(QStringLiteral("startMs"));
    span.endMs = read.integer(QStringLiteral("endMs"));
    return span;
}

RecordedGap readGap(FieldReader& read) {
    RecordedGap gap;
    gap.stream = read.string(QStringLiteral("stream"));
    gap.startMs = read.integer(QStringLiteral("startMs"));
    gap.endMs = read.integer(QStringLiteral("endMs"));
    gap.reason = read.string(QStringLiteral("reason"));
    return gap;
}

}  // namespace

Result<RecordedPeriods> RecordedPeriods::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("recorded periods"));
    RecordedPeriods answer;
    answer.channelId = read.string(QStringLiteral("channelId"));
    answer.stream = read.string(QStringLiteral("stream"));
    answer.fromMs = read.integer(QStringLiteral("fromMs"));
    answer.toMs = read.integer(QStringLiteral("toMs"));
    answer.periods = readArray(read, QStringLiteral("periods"), QStringLiteral("recorded period"), readSpan);
    answer.gaps = readArray(read, QStringLiteral("gaps"), QStringLiteral("recording gap"), readGap);
    return finished(read, answer);
}

QJsonObject ExportRequest::toJson() const {
    return QJsonObject{{QStringLiteral("channelId"), channelId},
                       {QStringLiteral("fromMs"), fromMs},
                       {QStringLiteral("toMs"), toMs},
                       {QStringLiteral("stream"), stream}};
}

Result<ExportResult> ExportResult::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("export result"));
    ExportResult result;
    result.channelId = read.string(QStringLiteral("channelId"));
    result.stream = read.string(QStringLiteral("stream"));
    result.fromMs = read.integer(QStringLiteral("fromMs"));
    result.toMs = read.integer(QStringLiteral("toMs"));
    result.startMs = read.integer(QStringLiteral("startMs"));
    result.endMs = read.integer(QStringLiteral("endMs"));
    result.bytes = read.integer(QStringLiteral("bytes"));
    result.videoCodec = read.string(QStringLiteral("videoCodec"));
    result.fileName = read.string(QStringLiteral("fileName"));
    result.download = read.string(QStringLiteral("download"));
    return finished(read, result);
}

Result<ExportJob> ExportJob::fromJson(const QJsonObject& json) {
    Result<Job> job = Job::fromJson(json);
    if (!job) {
        return job.error();
    }
    Result<ExportResult> result = ExportResult::fromJson(job->result);
    if (!result) {
        return result.error();
    }
    return ExportJob{std::move(job).value(), std::move(result).value()};
}

}  // namespace vigil::core::model
