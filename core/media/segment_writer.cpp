#include "media/segment_writer.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"

namespace vigil::core::media {

namespace {

constexpr int kIoBufferBytes = 64 * 1024;
constexpr AVRational kTsTimeBase{1, 90000};

// Our own file behind FFmpeg's I/O: opened O_EXCL (never overwrite a recording) and kept as a
// descriptor so finish() can fdatasync it; FFmpeg's file protocol offers neither.
int writeToFile(void* opaque, uint8_t* data, int size) {  // FFmpeg 5.1's signature: not const
    const int fd = *static_cast<int*>(opaque);
    int left = size;
    while (left > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return AVERROR(errno);
        }
        data += written;
        left -= static_cast<int>(written);
    }
    return size;
}

Error writeError(const QString& path, const QString& detail) {
    return Error::make(QStringLiteral("segment_write_failed"),
                       QStringLiteral("Cannot write the recording file %1 (%2). Check the storage location's "
                                      "free space and permissions.")
                           .arg(path, detail));
}

}  // namespace

struct SegmentWriter::Private {
    int fd = -1;
    AVFormatContext* context = nullptr;
    AVPacket* packet = nullptr;
    std::vector<int> streamOf;     // our track -> FFmpeg stream, -1 when not stored
    std::vector<int64_t> lastDts;  // per FFmpeg stream, in its time base
    int videoStream = -1;
    bool open = false;

    ~Private() {
        if (context) {
            if (context->pb) {
                av_freep(&context->pb->buffer);
                avio_context_free(&context->pb);
            }
            avformat_free_context(context);
        }
        av_packet_free(&packet);
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

bool SegmentWriter::canStore(const TrackInfo& track) {
    static const QStringList kCodecs{QStringLiteral("h264"), QStringLiteral("h265"), QStringLiteral("aac"),
                                     QStringLiteral("mp2"),  QStringLiteral("mp3"),  QStringLiteral("ac3"),
                                     QStringLiteral("opus")};
    return kCodecs.contains(track.codec);
}

Result<std::unique_ptr<SegmentWriter>> SegmentWriter::create(const QString& path, const StreamInfo& info,
                                                             qint64 baseUs) {
    installFfmpegLogging();
    std::unique_ptr<SegmentWriter> writer(new SegmentWriter());
    writer->m_path = path;
    writer->m_baseUs = baseUs;
    writer->m_lastFlushUs = baseUs;
    writer->d = std::make_unique<Private>();
    Private& d = *writer->d;

    d.fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (d.fd < 0) {
        return writeError(path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (avformat_alloc_output_context2(&d.context, nullptr, "mpegts", nullptr) < 0 || !d.context) {
        return writeError(path, QStringLiteral("no MPEG-TS muxer in this FFmpeg"));
    }
    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferBytes));
    d.context->pb = buffer ? avio_alloc_context(buffer, kIoBufferBytes, 1, &d.fd, nullptr, writeToFile, nullptr)
                           : nullptr;
    d.packet = av_packet_alloc();
    if (!d.context->pb || !d.packet) {
        if (!d.context->pb) {
            av_free(buffer);
        }
        return writeError(path, QStringLiteral("out of memory"));
    }

    d.streamOf.assign(static_cast<size_t>(info.tracks.size()), -1);
    for (int i = 0; i < info.tracks.size(); ++i) {
        const TrackInfo& track = info.tracks[i];
        if (!canStore(track)) {
            writer->m_skipped << QStringLiteral("%1 track %2 (%3): MPEG-TS cannot hold it")
                                     .arg(track.kind == TrackKind::Video ? "video" : "audio")
                                     .arg(i)
                                     .arg(track.codec);
            continue;
        }
        AVStream* stream = avformat_new_stream(d.context, nullptr);
        if (!stream || !parametersFromTrack(track, *stream->codecpar)) {
            return writeError(path, QStringLiteral("out of memory"));
        }
        stream->time_base = kTsTimeBase;
        d.streamOf[static_cast<size_t>(i)] = stream->index;
        if (track.kind == TrackKind::Video && d.videoStream < 0) {
            d.videoStream = stream->index;
        }
    }
    if (d.context->nb_streams == 0) {
        return Error::make(QStringLiteral("segment_no_tracks"),
                           QStringLiteral("Nothing of this stream can be recorded: %1.")
                               .arg(writer->m_skipped.join(QStringLiteral("; "))));
    }
    d.lastDts.assign(d.context->nb_streams, AV_NOPTS_VALUE);

    AVDictionary* options = nullptr;
    av_dict_set(&options, "mpegts_copyts", "1", 0);        // our timestamps, as given
    av_dict_set(&options, "avoid_negative_ts", "disabled", 0);
    av_dict_set(&options, "flush_packets", "0", 0);        // we flush on our own schedule
    const int result = avformat_write_header(d.context, &options);
    av_dict_free(&options);
    if (result < 0) {
        return writeError(path, avErrorText(result));
    }
    d.open = true;
    writer->m_summary.startUs = -1;
    return writer;
}

SegmentWriter::~SegmentWriter() {
    if (d && d->open) {
        (void)finish();
    }
}

Status SegmentWriter::write(const PacketPtr& packet) {
    if (!d || !d->open) {
        return writeError(m_path, QStringLiteral("the segment is already closed"));
    }
    if (packet->track < 0 || static_cast<size_t>(packet->track) >= d->streamOf.size()) {
        return {};
    }
    const int streamIndex = d->streamOf[static_cast<size_t>(packet->track)];
    if (streamIndex < 0) {
        return {};
    }
    AVStream* stream = d->context->streams[streamIndex];
    AVPacket& out = *d->packet;
    if (!toAvPacket(packet, streamIndex, out)) {
        return writeError(m_path, QStringLiteral("out of memory"));
    }
    const qint64 fileOffset = kFileOffsetUs - m_baseUs;
    out.dts = av_rescale_q(std::max(packet->dtsUs, m_baseUs) + fileOffset, kMicroseconds, stream->time_base);
    out.pts = av_rescale_q(std::max(packet->ptsUs, m_baseUs) + fileOffset, kMicroseconds, stream->time_base);
    out.duration = av_rescale_q(packet->durationUs, kMicroseconds, stream->time_base);
    out.time_base = stream->time_base;
    // The muxer refuses a DTS that does not increase; microseconds can round to one 90 kHz tick.
    int64_t& last = d->lastDts[static_cast<size_t>(streamIndex)];
    if (last != AV_NOPTS_VALUE && out.dts <= last) {
        out.dts = last + 1;
    }
    out.pts = std::max(out.pts, out.dts);
    last = out.dts;

    const bool keyframe = packet->keyframe && streamIndex == d->videoStream;
    // The index says what the file says: times as written (90 kHz), read back as a scan would.
    const qint64 dtsUs = av_rescale_q(out.dts, stream->time_base, kMicroseconds) - fileOffset;
    const qint64 endUs = dtsUs + std::max<qint64>(packet->durationUs, 0);
    const qint64 offset = avio_tell(d->context->pb);
    const int result = av_write_frame(d->context, &out);
    av_packet_unref(&out);
    if (result < 0) {
        if (streamIndex == d->videoStream) {
            return writeError(m_path, avErrorText(result));
        }
        // A track the muxer cannot take after all (AAC without its configuration, ...) is left
        // out rather than losing the picture with it.
        d->streamOf[static_cast<size_t>(packet->track)] = -1;
        m_skipped << QStringLiteral("track %1 (%2): %3")
                         .arg(packet->track)
                         .arg(QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id)), avErrorText(result));
        qCInfo(lcMedia).noquote() << m_path << "leaves out" << m_skipped.constLast();
        return {};
    }
    if (keyframe) {
        m_summary.keyframes.append(KeyframeEntry{dtsUs, offset});
    }
    if (m_summary.startUs < 0 || dtsUs < m_summary.startUs) {
        m_summary.startUs = dtsUs;  // the earliest in the file: sound may precede the keyframe
    }
    m_summary.endUs = std::max(m_summary.endUs, endUs);
    ++m_summary.packets;
    if (packet->dtsUs - m_lastFlushUs >= kFlushIntervalUs) {
        m_lastFlushUs = packet->dtsUs;
        if (Status flushed = flush(); !flushed) {
            return flushed;
        }
    }
    m_summary.bytes = avio_tell(d->context->pb);
    return {};
}

Status SegmentWriter::flush() {
    // Empties the muxer's pending audio PES, then our I/O buffer: after this the kernel has it all.
    av_write_frame(d->context, nullptr);
    avio_flush(d->context->pb);
    if (d->context->pb->error < 0) {
        return writeError(m_path, avErrorText(d->context->pb->error));
    }
    return {};
}

Result<SegmentSummary> SegmentWriter::finish() {
    if (!d || !d->open) {
        return writeError(m_path, QStringLiteral("the segment is already closed"));
    }
    d->open = false;
    const int trailer = av_write_trailer(d->context);
    avio_flush(d->context->pb);
    const int ioError = d->context->pb->error;
    m_summary.bytes = avio_tell(d->context->pb);
    const bool synced = ::fdatasync(d->fd) == 0;
    const QString syncError = synced ? QString() : QString::fromLocal8Bit(std::strerror(errno));
    const bool closed = ::close(d->fd) == 0;
    d->fd = -1;
    if (trailer < 0 || ioError < 0) {
        return writeError(m_path, avErrorText(trailer < 0 ? trailer : ioError));
    }
    if (!synced || !closed) {
        return writeError(m_path, syncError.isEmpty() ? QStringLiteral("close failed") : syncError);
    }
    if (m_summary.startUs < 0) {
        m_summary.startUs = m_baseUs;
        m_summary.endUs = m_baseUs;
    }
    return m_summary;
}

}  // namespace vigil::core::media
