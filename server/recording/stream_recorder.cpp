#include "recording/stream_recorder.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include "recording/segment_layout.h"

#include "recording/recording_logging.h"

namespace vigil::server {

using core::media::KeyframeEntry;
using core::media::MediaPacket;
using core::media::PacketPtr;
using core::media::SegmentWriter;
using core::media::StreamInfo;

namespace {
constexpr qint64 kRetryCreateUs = 10'000'000;  // a location that failed is tried again after 10 s
constexpr int kNameAttempts = 1000;            // same-millisecond names (a clock stepped back)
}  // namespace

StreamRecorder::StreamRecorder(Config config, std::shared_ptr<RecorderEvents> events)
    : m_config(std::move(config)), m_events(std::move(events)) {
    m_gapStartMs = m_config.gapStartMs;
    m_gapReason = m_config.gapReason;
}

StreamRecorder::~StreamRecorder() {
    closeSegment();
}

void StreamRecorder::started(const StreamInfo& info) {
    closeSegment();  // a new connection: its packets start a new segment at their first keyframe
    m_info = info;
    m_videoTrack = info.videoTrack();
    m_hasInfo = true;
}

void StreamRecorder::packet(const PacketPtr& packet) {
    if (!m_hasInfo) {
        return;
    }
    const int video = m_videoTrack;
    const bool isVideo = packet->track == video;
    const bool cuttable = video < 0 || (isVideo && packet->keyframe);
    if (m_writer) {
        const qint64 lengthUs = packet->dtsUs - m_startMs * 1000;
        // Cut at a keyframe once long enough; a camera that sends none for very long still gets
        // its segments closed (the next one then starts on a picture that needs the one before).
        if ((cuttable && lengthUs >= m_config.segmentUs) || lengthUs >= 5 * m_config.segmentUs) {
            closeSegment();
        }
    }
    if (!m_writer) {
        if (!cuttable || packet->dtsUs < m_retryAfterUs) {
            return;  // a segment starts on a picture that can be decoded on its own
        }
        if (!openSegment(*packet)) {
            m_retryAfterUs = packet->dtsUs + kRetryCreateUs;
            return;
        }
    }
    if (auto written = m_writer->write(packet); !written) {
        m_events->storageProblem(m_location.role, written.error().message);
        closeSegment();
        beginGap(written.error().message);
        m_retryAfterUs = packet->dtsUs + kRetryCreateUs;
        return;
    }
    if (packet->dtsUs - m_lastProgressUs >= kProgressIntervalUs) {
        m_lastProgressUs = packet->dtsUs;
        m_events->segmentProgress(row(QStringLiteral("open")));
    }
}

void StreamRecorder::stopped(const QString& reason) {
    closeSegment();
    beginGap(reason);
    m_hasInfo = false;
}

void StreamRecorder::interrupted(const QString& reason) {
    closeSegment();
    beginGap(reason);
}

void StreamRecorder::finish(qint64 nowMs) {
    closeSegment();
    if (m_gapStartMs > 0 && nowMs > m_gapStartMs) {
        m_events->gapRecorded(RecordingGap{m_config.channelId, m_config.stream, m_gapStartMs, nowMs, m_gapReason});
    }
    m_gapStartMs = 0;
}

void StreamRecorder::beginGap(const QString& reason) {
    if (m_gapStartMs == 0) {
        m_gapStartMs = m_lastEndMs > 0 ? m_lastEndMs : m_config.sinceMs;
        m_gapReason = reason;
    }
}

bool StreamRecorder::openSegment(const MediaPacket& first) {
    // The name is the start in whole ms and is also the file's time 0 (SegmentWriter).
    qint64 startMs = std::max(first.dtsUs / 1000, m_lastStartMs + 1);
    for (const RecorderLocation& location : m_config.locations) {
        QString failure;
        for (int attempt = 0; attempt < kNameAttempts; ++attempt, ++startMs) {
            const QString relative = SegmentLayout::relativePath({m_config.channelId, m_config.stream, startMs});
            const QString absolute = location.root + QLatin1Char('/') + relative;
            if (!QDir().mkpath(QFileInfo(absolute).path())) {
                failure = QStringLiteral("Cannot create the folder %1. Check that the storage location exists and "
                                         "that the server may write there.")
                              .arg(QFileInfo(absolute).path());
                break;
            }
            if (QFileInfo::exists(absolute)) {
                continue;  // never overwrite: take the next millisecond
            }
            auto writer = SegmentWriter::create(absolute, m_info, startMs * 1000);
            if (!writer) {
                if (writer.error().code == QLatin1String("segment_no_tracks")) {
                    if (m_problem != writer.error().message) {
                        m_problem = writer.error().message;
                        m_events->recordingProblem(m_config.channelId, m_config.stream, m_problem);
                    }
                    return false;  // the stream, not the storage
                }
                failure = writer.error().message;
                break;
            }
            m_writer = std::move(writer.value());
            m_location = location;
            m_path = relative;
            m_startMs = startMs;
            m_lastStartMs = startMs;
            m_lastProgressUs = first.dtsUs;
            m_events->storageProblem(location.role, QString());
            if (!m_problem.isEmpty()) {
                m_problem.clear();
                m_events->recordingProblem(m_config.channelId, m_config.stream, QString());
            }
            if (!m_writer->skippedTracks().isEmpty()) {
                qCInfo(lcRecording).noquote() << m_config.channelId << m_config.stream << "records without"
                                              << m_writer->skippedTracks().join(QStringLiteral("; "));
            }
            if (m_gapStartMs > 0 && startMs > m_gapStartMs) {
                m_events->gapRecorded(
                    RecordingGap{m_config.channelId, m_config.stream, m_gapStartMs, startMs, m_gapReason});
            }
            m_gapStartMs = 0;
            m_gapReason.clear();
            m_events->segmentOpened(row(QStringLiteral("open")));
            return true;
        }
        if (failure.isEmpty()) {
            failure = QStringLiteral("No free file name for a segment starting at %1 ms.").arg(startMs);
        }
        qCWarning(lcRecording).noquote() << "cannot record" << m_config.channelId << m_config.stream << "in"
                                         << location.role << ":" << failure;
        m_events->storageProblem(location.role, failure);
    }
    return false;
}

void StreamRecorder::closeSegment() {
    if (!m_writer) {
        return;
    }
    auto summary = m_writer->finish();
    if (!summary) {
        m_events->storageProblem(m_location.role, summary.error().message);
    }
    SegmentRow closed = row(QStringLiteral("complete"));
    m_writer.reset();
    // A segment's end is its last packet's end, which an audio packet can put after the next
    // segment's end when that one is cut short: the recording ends at the latest of them.
    m_lastEndMs = std::max(m_lastEndMs, closed.endMs);
    m_events->segmentClosed(closed);
}

SegmentRow StreamRecorder::row(const QString& state) const {
    SegmentRow row;
    row.location = m_location.role;
    row.path = m_path;
    row.channelId = m_config.channelId;
    row.stream = m_config.stream;
    row.startMs = m_startMs;
    row.state = state;
    if (m_writer) {
        const auto& summary = m_writer->summary();
        // End rounded up: the index never claims less than the file holds.
        row.endMs = summary.endUs > 0 ? (summary.endUs + 999) / 1000 : m_startMs;
        row.sizeBytes = summary.bytes;
        row.keyframes = summary.keyframes;
    } else {
        row.endMs = m_startMs;
    }
    return row;
}

}  // namespace vigil::server
