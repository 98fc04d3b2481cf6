#pragma once
// SegmentWriter: writes one recording segment, packets as the camera sent them (remux, never
// transcode), into an MPEG-TS file (docs/design/recording.md says why MPEG-TS).
//
// Crash behaviour: MPEG-TS is a sequence of self-contained 188-byte packets with no index or
// trailer to finish, so a file cut anywhere still plays up to the cut. The writer pushes what it
// has to the kernel at least every kFlushIntervalUs of media, so a killed process (kill -9) loses
// at most that much; finish() also syncs the file to disk.
//
// Timestamps inside the file count from the segment's name time: file time = UTC - baseUs +
// kFileOffsetUs. The base is the start in whole milliseconds (the recorder puts it in the file
// name), so a file found on disk without its index row still places itself exactly in time.
//
// Tracks MPEG-TS cannot carry (G.711 audio, MJPEG video, ...) are left out and listed in
// skippedTracks(); a segment needs at least one track.

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core::media {

struct KeyframeEntry {
    qint64 timeUs = 0;      // UTC microseconds of the keyframe (its DTS)
    qint64 byteOffset = 0;  // where in the file its data starts (an MPEG-TS packet boundary)
};

struct SegmentSummary {
    qint64 startUs = 0;  // UTC µs of the first packet's DTS
    qint64 endUs = 0;    // UTC µs just after the last packet (its DTS plus its duration)
    qint64 bytes = 0;
    qint64 packets = 0;
    QList<KeyframeEntry> keyframes;  // video keyframes, in order
};

class SegmentWriter {
public:
    static constexpr qint64 kFlushIntervalUs = 500'000;
    static constexpr qint64 kFileOffsetUs = 1'000'000;  // lets PCR lead DTS and fits early audio

    // Which tracks of a stream a segment can hold; index -1 for those it cannot.
    static bool canStore(const TrackInfo& track);

    // Creates `path` (not its folder), which must not exist yet. `baseUs`: the UTC time file time 0
    // stands for, in whole milliseconds (see above); packets must not be earlier.
    static Result<std::unique_ptr<SegmentWriter>> create(const QString& path, const StreamInfo& info, qint64 baseUs);
    ~SegmentWriter();
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    // Appends a packet (its track indexes `info`). Packets of tracks not stored are ignored.
    // Timestamps are UTC µs and must not go below baseUs; per track they are forced to increase.
    Status write(const PacketPtr& packet);

    // Flushes, syncs the file to disk and closes it. Further writes fail.
    Result<SegmentSummary> finish();

    const SegmentSummary& summary() const { return m_summary; }
    QStringList skippedTracks() const { return m_skipped; }
    QString path() const { return m_path; }

private:
    SegmentWriter() = default;
    Status flush();

    struct Private;
    std::unique_ptr<Private> d;
    QString m_path;
    qint64 m_baseUs = 0;
    qint64 m_lastFlushUs = 0;
    SegmentSummary m_summary;
    QStringList m_skipped;
};

}  // namespace vigil::core::media
