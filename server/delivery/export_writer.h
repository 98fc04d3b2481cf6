#pragma once
// ExportWriter: one export job's work, on a worker thread (docs/design/delivery.md, Exports):
// recorded segments from the keyframe at or before `from` to `to`, remuxed into an MP4 file with
// its index at the front (faststart), never decoded. Timestamps stay as recorded: a gap in the
// recording is a held picture of the gap's length, so the file lasts as long as the range did.
// The file is written under a temporary name and only renamed by the caller once it is complete;
// a cancelled or failed export removes what it wrote.

#include <QList>
#include <QString>
#include <functional>

#include "common/cancellation.h"
#include "common/result.h"
#include "media/archive_reader.h"

namespace vigil::server {

struct ExportRequest {
    QList<core::media::SegmentRef> segments;
    qint64 fromUs = 0;
    qint64 toUs = 0;
    QString path;   // where to write (a temporary name; replaced if it exists)
    QString title;  // the MP4's title tag (the channel's name)
    qint64 bytesPerSecond = 0;  // 0: as fast as the disk allows
};

struct ExportSummary {
    qint64 startUs = 0;  // UTC of the first picture (the keyframe at or before `from`)
    qint64 endUs = 0;    // UTC just after the last packet
    qint64 bytes = 0;
    qint64 packets = 0;
    QString videoCodec;
};

class ExportWriter {
public:
    // Called now and then from the worker with the share done (0..1) and the bytes so far.
    using Progress = std::function<void(double share, qint64 bytes)>;

    static core::Result<ExportSummary> run(const ExportRequest& request, const core::Cancellation& cancel,
                                           const Progress& progress);
};

}  // namespace vigil::server
