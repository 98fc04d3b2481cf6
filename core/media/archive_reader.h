#pragma once
// ArchiveReader: reads recorded segments (SegmentWriter's MPEG-TS files) of one stream as one
// continuous packet sequence in time order, from a requested time. Never decodes.
//
// seek(t) positions at the video keyframe at or before t (using the index's keyframe byte offsets
// when it has them), so the first packet read() returns is that keyframe; when t falls in a gap or
// before the first segment, reading starts at the next segment's first keyframe. read() crosses
// segment boundaries on its own; timestamps are UTC microseconds as they were recorded.
//
// scan() reads a whole segment file to rebuild its index row: after a crash (the last segment's
// real end) or for files on disk the index does not know.

#include <QList>
#include <QString>
#include <memory>

#include "common/result.h"
#include "media/media_packet.h"
#include "media/segment_writer.h"

namespace vigil::core::media {

struct SegmentRef {
    QString path;
    qint64 baseUs = 0;   // the UTC time the file's time 0 stands for (SegmentWriter::create)
    qint64 startUs = 0;  // UTC µs of its first packet
    qint64 endUs = 0;    // UTC µs just after its last packet
    QList<KeyframeEntry> keyframes;  // may be empty: then seeks read from the file's start
};

class ArchiveReader {
public:
    explicit ArchiveReader(QList<SegmentRef> segments);  // any order; sorted by start here
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    // Positions before the keyframe at or before `timeUs`. Fails with "end_of_stream" when
    // nothing is recorded at or after it, or with "archive_unreadable" when the file is gone
    // or damaged.
    Status seek(qint64 timeUs);

    // The next packet in time order; "end_of_stream" after the last segment.
    Result<PacketPtr> read();

    // The tracks of the segment being read; infoChanged() is true once after read() entered a
    // segment whose tracks differ from the one before (a camera reconfigured between them).
    const StreamInfo& info() const { return m_info; }
    bool takeInfoChanged();

    // Reads a whole file written with `baseUs` and returns what its index row should say.
    static Result<SegmentSummary> scan(const QString& path, qint64 baseUs);

private:
    struct Open;
    Status openSegment(int index, qint64 byteOffset);

    QList<SegmentRef> m_segments;
    std::unique_ptr<Open> m_open;
    int m_current = -1;
    StreamInfo m_info;
    bool m_infoChanged = false;
    bool m_waitingForKeyframe = false;
    qint64 m_keyframeUs = 0;                 // audio before the first keyframe is dropped
    std::vector<qint64> m_lastDtsUs;         // per track, keeps the output monotonic
};

}  // namespace vigil::core::media
