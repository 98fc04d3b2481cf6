#pragma once
// StreamRecorder: records one stream of one channel into segment files (SegmentWriter), cutting a
// new segment at the first video keyframe after `segmentUs`, and reports what it did (segments
// opened, progressing, closed; gaps; problems) through RecorderEvents. Runs on a RecordingWorker
// thread only: the hub's reader thread never waits for the disk.
//
// Gaps: when the stream stops (camera off, error) or packets had to be dropped, the recorder
// remembers when the last segment ended (or, before the first one, when recording was asked for)
// and why; the next segment's start closes the gap. A
// recording stopped on purpose (finish) ends a pending gap at that moment.

#include <QList>
#include <QString>
#include <memory>

#include "media/media_packet.h"
#include "media/segment_writer.h"
#include "recording/recording_model.h"

namespace vigil::server {

struct RecorderLocation {
    QString role;  // primary | mirror
    QString root;  // absolute folder
};

// Called on the worker thread; implementations hand over to their own thread.
class RecorderEvents {
public:
    virtual ~RecorderEvents() = default;
    virtual void segmentOpened(const SegmentRow& row) = 0;
    virtual void segmentProgress(const SegmentRow& row) = 0;  // end and size so far, every few seconds
    virtual void segmentClosed(const SegmentRow& row) = 0;
    virtual void gapRecorded(const RecordingGap& gap) = 0;
    // A location could not be written (message), or can again (empty message).
    virtual void storageProblem(const QString& role, const QString& message) = 0;
    // The stream cannot be recorded (nothing MPEG-TS can hold, ...), or can again (empty).
    virtual void recordingProblem(const QString& channelId, const QString& stream, const QString& message) = 0;
};

class StreamRecorder {
public:
    static constexpr qint64 kDefaultSegmentUs = 60'000'000;
    static constexpr qint64 kProgressIntervalUs = 5'000'000;

    struct Config {
        QString channelId;
        QString stream;                    // main | sub
        QList<RecorderLocation> locations;  // tried in order: the primary, then the mirror
        qint64 segmentUs = kDefaultSegmentUs;
        // A gap already open when recording starts (the stream is down, the server crashed):
        // from when and why. 0: none.
        qint64 gapStartMs = 0;
        QString gapReason;
        // When this recording was asked for (UTC ms). A stream that stops before the first segment
        // was written (a camera that hangs right after recording starts) leaves a gap from here:
        // there is no segment end to start it from, and the time was still not recorded (SEC-2.8).
        qint64 sinceMs = 0;
    };

    StreamRecorder(Config config, std::shared_ptr<RecorderEvents> events);
    ~StreamRecorder();

    void started(const core::media::StreamInfo& info);
    void packet(const core::media::PacketPtr& packet);
    void stopped(const QString& reason);      // the stream ended: a gap begins
    void interrupted(const QString& reason);  // packets were dropped: a gap begins now
    void finish(qint64 nowMs);                // recording stopped on purpose

    const Config& config() const { return m_config; }

private:
    bool openSegment(const core::media::MediaPacket& first);
    void closeSegment();
    void beginGap(const QString& reason);
    SegmentRow row(const QString& state) const;

    Config m_config;
    std::shared_ptr<RecorderEvents> m_events;
    core::media::StreamInfo m_info;
    int m_videoTrack = -1;
    bool m_hasInfo = false;
    std::unique_ptr<core::media::SegmentWriter> m_writer;
    RecorderLocation m_location;
    QString m_path;       // relative
    qint64 m_startMs = 0;  // of the open segment
    qint64 m_lastStartMs = 0;
    qint64 m_lastEndMs = 0;  // end of the last closed segment
    qint64 m_lastProgressUs = 0;
    qint64 m_retryAfterUs = 0;  // after a failed create, wait before trying again
    qint64 m_gapStartMs = 0;
    QString m_gapReason;
    QString m_problem;  // last reported recording problem
};

}  // namespace vigil::server
