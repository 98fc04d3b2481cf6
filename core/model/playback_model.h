#pragma once
// API value types for playback (VID-2): a channel's recorded periods and gaps for the timeline
// (server/api/recording.yaml RecordedPeriods) and exports to MP4 (server/api/media.yaml ExportRequest,
// ExportResult, ExportJob). The server sends them; the client reads them (unknown fields ignored,
// "bad_response"). Times are UTC milliseconds.

#include <QJsonObject>
#include <QList>
#include <QString>

#include "common/result.h"
#include "model/job_model.h"

namespace vigil::core::model {

// [startMs, endMs) of recorded time; segments less than 2 s apart come merged.
struct RecordedSpan {
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool operator==(const RecordedSpan&) const = default;
};

// Time a stream should have recorded but did not, with why (for people).
struct RecordedGap {
    QString stream;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason;
};

// GET /api/v1/recording/channels/{id}/periods: the answer, clipped to [fromMs, toMs).
struct RecordedPeriods {
    QString channelId;
    QString stream;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<RecordedSpan> periods;
    QList<RecordedGap> gaps;

    static Result<RecordedPeriods> fromJson(const QJsonObject& json);
};

// POST /api/v1/media/exports.
struct ExportRequest {
    QString channelId;
    qint64 fromMs = 0;
    qint64 toMs = 0;            // after fromMs, at most 24 h later (the server checks)
    QString stream = QStringLiteral("main");  // main | sub

    static constexpr qint64 kMaxRangeMs = 24LL * 3600 * 1000;
    QJsonObject toJson() const;
};

// What an export job reports in its result; start/end, codec and download fill in when it succeeds.
struct ExportResult {
    QString channelId;
    QString stream;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 startMs = 0;  // UTC of the file's first picture; 0 until done
    qint64 endMs = 0;
    qint64 bytes = 0;    // written so far; the size when done
    QString videoCodec;
    QString fileName;    // the name the download suggests
    QString download;    // the file's API path once done, else empty

    static Result<ExportResult> fromJson(const QJsonObject& json);
};

// An export: the shared job shape (kind "export") with its result read.
struct ExportJob {
    static constexpr auto kPushType = "media.export";

    Job job;
    ExportResult result;

    bool isRunning() const { return job.isRunning(); }
    bool succeeded() const { return job.state == QLatin1String(Job::kSucceeded); }
    static Result<ExportJob> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::model
