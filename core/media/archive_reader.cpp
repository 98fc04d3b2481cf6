#include "media/archive_reader.h"

#include <QFile>
#include <algorithm>
#include <limits>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"
#include "media/stream_reader.h"

namespace vigil::core::media {

namespace {

Error unreadable(const QString& path, const QString& detail) {
    return Error::make(QStringLiteral("archive_unreadable"),
                       QStringLiteral("The recording file %1 cannot be read (%2). It may have been moved, "
                                      "deleted or damaged; the storage location's health shows more.")
                           .arg(path, detail));
}

Error endOfArchive() {
    return Error::make(readfailure::kEndOfStream, QStringLiteral("Nothing more is recorded."));
}

// Opens a segment file with the MPEG-TS demuxer only: the archive holds nothing else.
Result<AVFormatContext*> openFile(const QString& path) {
    installFfmpegLogging();
    AVFormatContext* context = nullptr;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    const int result = avformat_open_input(&context, QFile::encodeName(path).constData(),
                                           av_find_input_format("mpegts"), &options);
    av_dict_free(&options);
    if (result < 0) {
        return unreadable(path, avErrorText(result));
    }
    return context;
}

qint64 utcOf(int64_t fileTime, AVRational timeBase, qint64 baseUs) {
    return av_rescale_q(fileTime, timeBase, kMicroseconds) - SegmentWriter::kFileOffsetUs + baseUs;
}

}  // namespace

struct ArchiveReader::Open {
    AVFormatContext* context = nullptr;
    AVPacket* packet = av_packet_alloc();
    std::vector<int> trackOf;  // file stream -> track
    int videoStream = -1;

    ~Open() {
        av_packet_free(&packet);
        avformat_close_input(&context);
    }
};

ArchiveReader::ArchiveReader(QList<SegmentRef> segments) : m_segments(std::move(segments)) {
    std::sort(m_segments.begin(), m_segments.end(),
              [](const SegmentRef& a, const SegmentRef& b) { return a.startUs < b.startUs; });
}

ArchiveReader::~ArchiveReader() = default;

bool ArchiveReader::takeInfoChanged() {
    return std::exchange(m_infoChanged, false);
}

Status ArchiveReader::openSegment(int index, qint64 byteOffset) {
    m_open.reset();
    m_current = index;
    const SegmentRef& segment = m_segments[index];
    auto context = openFile(segment.path);
    if (!context) {
        return context.error();
    }
    auto open = std::make_unique<Open>();
    open->context = context.value();
    StreamInfo info;
    open->trackOf.assign(open->context->nb_streams, -1);
    for (unsigned i = 0; i < open->context->nb_streams; ++i) {
        auto track = trackFromParameters(*open->context->streams[i]->codecpar);
        if (!track) {
            continue;
        }
        if (track->kind == TrackKind::Video && open->videoStream < 0) {
            open->videoStream = static_cast<int>(i);
        }
        open->trackOf[i] = static_cast<int>(info.tracks.size());
        info.tracks.append(*track);
    }
    if (!m_info.tracks.isEmpty() && !m_info.sameCodecs(info)) {
        m_infoChanged = true;
        m_lastDtsUs.clear();
    }
    m_info = info;
    m_lastDtsUs.resize(static_cast<size_t>(m_info.tracks.size()), std::numeric_limits<qint64>::min());
    if (byteOffset > 0) {
        const int result = av_seek_frame(open->context, -1, byteOffset, AVSEEK_FLAG_BYTE);
        if (result < 0) {
            return unreadable(segment.path, avErrorText(result));
        }
    }
    m_open = std::move(open);
    return {};
}

Status ArchiveReader::seek(qint64 timeUs) {
    m_lastDtsUs.assign(m_lastDtsUs.size(), std::numeric_limits<qint64>::min());
    // The segment holding the time, else the first one after it.
    int index = -1;
    for (int i = 0; i < m_segments.size(); ++i) {
        if (m_segments[i].endUs > timeUs) {
            index = i;
            break;
        }
    }
    if (index < 0) {
        m_open.reset();
        m_current = static_cast<int>(m_segments.size());
        return endOfArchive();
    }
    const SegmentRef& segment = m_segments[index];
    qint64 offset = 0;
    for (const KeyframeEntry& keyframe : segment.keyframes) {
        if (keyframe.timeUs > timeUs) {
            break;
        }
        offset = keyframe.byteOffset;
    }
    m_waitingForKeyframe = true;
    return openSegment(index, offset);
}

Result<PacketPtr> ArchiveReader::read() {
    for (;;) {
        if (!m_open) {
            if (m_current + 1 >= m_segments.size()) {
                return endOfArchive();
            }
            if (m_current < 0) {
                m_waitingForKeyframe = true;
            }
            if (Status opened = openSegment(m_current + 1, 0); !opened) {
                return opened.error();
            }
        }
        AVPacket& packet = *m_open->packet;
        const int result = av_read_frame(m_open->context, &packet);
        if (result == AVERROR_EOF) {
            m_open.reset();  // on to the next segment
            continue;
        }
        if (result < 0) {
            return unreadable(m_segments[m_current].path, avErrorText(result));
        }
        const int track = packet.stream_index >= 0 &&
                                  static_cast<size_t>(packet.stream_index) < m_open->trackOf.size()
                              ? m_open->trackOf[static_cast<size_t>(packet.stream_index)]
                              : -1;
        const int64_t fileDts = packet.dts != AV_NOPTS_VALUE ? packet.dts : packet.pts;
        if (track < 0 || fileDts == AV_NOPTS_VALUE || packet.size <= 0) {
            av_packet_unref(&packet);
            continue;
        }
        const AVRational timeBase = m_open->context->streams[packet.stream_index]->time_base;
        const qint64 baseUs = m_segments[m_current].baseUs;
        const qint64 dtsUs = utcOf(fileDts, timeBase, baseUs);
        const qint64 ptsUs = packet.pts != AV_NOPTS_VALUE ? utcOf(packet.pts, timeBase, baseUs) : dtsUs;
        const bool video = packet.stream_index == m_open->videoStream;
        const bool keyframe = (packet.flags & AV_PKT_FLAG_KEY) != 0;

        if (m_waitingForKeyframe) {
            // Start on a picture the player can decode: skip to the first video keyframe, and
            // skip sound from before it.
            const bool start = m_open->videoStream < 0 || (video && keyframe);
            if (!start) {
                av_packet_unref(&packet);
                continue;
            }
            m_waitingForKeyframe = false;
            m_keyframeUs = dtsUs;
        } else if (!video && dtsUs < m_keyframeUs) {
            av_packet_unref(&packet);
            continue;
        }
        qint64& last = m_lastDtsUs[static_cast<size_t>(track)];
        if (dtsUs <= last) {
            av_packet_unref(&packet);  // overlapping segments: keep time moving forward
            continue;
        }
        last = dtsUs;

        auto out = std::make_shared<MediaPacket>();
        out->track = track;
        out->dtsUs = dtsUs;
        out->ptsUs = std::max(ptsUs, dtsUs);
        out->durationUs = packet.duration > 0 ? av_rescale_q(packet.duration, timeBase, kMicroseconds) : 0;
        out->keyframe = keyframe;
        out->data = packetData(packet);
        av_packet_unref(&packet);
        return PacketPtr(std::move(out));
    }
}

Result<SegmentSummary> ArchiveReader::scan(const QString& path, qint64 baseUs) {
    auto context = openFile(path);
    if (!context) {
        return context.error();
    }
    AVFormatContext* file = context.value();
    AVPacket* packet = av_packet_alloc();
    int videoStream = -1;
    for (unsigned i = 0; i < file->nb_streams; ++i) {
        if (file->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
            videoStream = static_cast<int>(i);
            break;
        }
    }
    SegmentSummary summary;
    summary.startUs = -1;
    int result = 0;
    while ((result = av_read_frame(file, packet)) >= 0) {
        const int64_t fileDts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        if (fileDts != AV_NOPTS_VALUE) {
            const AVRational timeBase = file->streams[packet->stream_index]->time_base;
            const qint64 dtsUs = utcOf(fileDts, timeBase, baseUs);
            const qint64 durationUs = packet->duration > 0 ? av_rescale_q(packet->duration, timeBase, kMicroseconds) : 0;
            if (summary.startUs < 0 || dtsUs < summary.startUs) {
                summary.startUs = dtsUs;
            }
            summary.endUs = std::max(summary.endUs, dtsUs + durationUs);
            if (packet->stream_index == videoStream && (packet->flags & AV_PKT_FLAG_KEY) && packet->pos >= 0) {
                summary.keyframes.append(KeyframeEntry{dtsUs, packet->pos});
            }
            ++summary.packets;
        }
        av_packet_unref(packet);
    }
    av_packet_free(&packet);
    summary.bytes = avio_size(file->pb);
    avformat_close_input(&file);
    if (result != AVERROR_EOF && summary.packets == 0) {
        return unreadable(path, avErrorText(result));
    }
    if (summary.packets == 0) {
        return unreadable(path, QStringLiteral("it holds no packets"));
    }
    return summary;
}

}  // namespace vigil::core::media
