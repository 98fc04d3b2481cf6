#include "media/packet_muxer.h"

#include <QFile>
#include <vector>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"

namespace vigil::core::media {

namespace {

constexpr int kIoBufferBytes = 64 * 1024;
constexpr AVRational k90kHz{1, 90000};

const char* formatName(PacketMuxer::Format format) {
    return format == PacketMuxer::Format::Mp4 ? "mp4" : "mpegts";
}

// AAC: the rate of an ADTS header (sampling_frequency_index), 0 when `frame` has none.
int sampleRateFromAdts(const QByteArray& frame) {
    static constexpr int kRates[] = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    if (frame.size() < 7 || static_cast<uint8_t>(frame[0]) != 0xFF || (static_cast<uint8_t>(frame[1]) & 0xF0) != 0xF0) {
        return 0;
    }
    const int index = (static_cast<uint8_t>(frame[2]) >> 2) & 0x0F;
    return index < 13 ? kRates[index] : 0;
}

// AAC: the rate of an AudioSpecificConfig (the stream description's extradata), 0 when unknown.
int sampleRateFromConfig(const AVCodecParameters& parameters) {
    static constexpr int kRates[] = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    if (parameters.codec_id != AV_CODEC_ID_AAC || parameters.extradata_size < 2) {
        return 0;
    }
    const int index = ((parameters.extradata[0] & 0x07) << 1) | (parameters.extradata[1] >> 7);
    return index < 13 ? kRates[index] : 0;
}

Error noMemory() {
    return Error::make(PacketMuxer::kFailed, QStringLiteral("out of memory"));
}

}  // namespace

struct PacketMuxer::Private {
    AVFormatContext* context = nullptr;
    AVPacket* packet = nullptr;
    bool ownIo = false;  // our AVIOContext around the sink (else FFmpeg's file I/O)
    Sink sink;
    Status sinkError;              // the sink's failure, returned instead of FFmpeg's EIO
    std::vector<int> streamOf;     // our track -> FFmpeg stream, -1 when not stored
    std::vector<int64_t> lastDts;  // per FFmpeg stream, in its time base
    std::vector<TrackInfo> trackOfStream;
    std::vector<PacketPtr> held;  // before the header: waiting for parameters (MP4)
    int videoStream = -1;
    bool headerWritten = false;
    bool open = false;

    ~Private() {
        if (context) {
            if (ownIo && context->pb) {
                av_freep(&context->pb->buffer);
                avio_context_free(&context->pb);
            } else if (context->pb && !(context->oformat->flags & AVFMT_NOFILE)) {
                avio_closep(&context->pb);
            }
            avformat_free_context(context);
        }
        av_packet_free(&packet);
    }

    static int writeToSink(void* opaque, uint8_t* data, int size) {  // FFmpeg 5.1's signature: not const
        auto* self = static_cast<Private*>(opaque);
        if (!self->sinkError) {
            return AVERROR(EIO);  // the sink failed before: nothing more goes out
        }
        Status written = self->sink(QByteArrayView(reinterpret_cast<const char*>(data), size));
        if (!written) {
            self->sinkError = std::move(written);
            return AVERROR(EIO);
        }
        return size;
    }
};

bool PacketMuxer::canCarry(Format format, const TrackInfo& track) {
    static const QStringList kTs{QStringLiteral("h264"), QStringLiteral("h265"), QStringLiteral("aac"),
                                 QStringLiteral("mp2"),  QStringLiteral("mp3"),  QStringLiteral("ac3"),
                                 QStringLiteral("opus")};
    static const QStringList kMp4{QStringLiteral("h264"), QStringLiteral("h265"), QStringLiteral("aac"),
                                  QStringLiteral("mp3"), QStringLiteral("ac3")};
    return (format == Format::Mp4 ? kMp4 : kTs).contains(track.codec);
}

Result<std::unique_ptr<PacketMuxer>> PacketMuxer::toSink(Sink sink, const StreamInfo& info, const Options& options) {
    return create(info, options, QString(), std::move(sink));
}

Result<std::unique_ptr<PacketMuxer>> PacketMuxer::toFile(const QString& path, const StreamInfo& info,
                                                         const Options& options) {
    return create(info, options, path, nullptr);
}

Result<std::unique_ptr<PacketMuxer>> PacketMuxer::create(const StreamInfo& info, const Options& options,
                                                         const QString& path, Sink sink) {
    installFfmpegLogging();
    std::unique_ptr<PacketMuxer> muxer(new PacketMuxer());
    muxer->m_options = options;
    muxer->d = std::make_unique<Private>();
    Private& d = *muxer->d;
    const QByteArray fileName = QFile::encodeName(path);
    if (avformat_alloc_output_context2(&d.context, nullptr, formatName(options.format),
                                       path.isEmpty() ? nullptr : fileName.constData()) < 0 ||
        !d.context) {
        return Error::make(kFailed, QStringLiteral("no %1 muxer in this FFmpeg").arg(formatName(options.format)));
    }
    d.packet = av_packet_alloc();
    if (!d.packet) {
        return noMemory();
    }

    d.streamOf.assign(static_cast<size_t>(info.tracks.size()), -1);
    for (int i = 0; i < info.tracks.size(); ++i) {
        const TrackInfo& track = info.tracks[i];
        if (!canCarry(options.format, track)) {
            muxer->m_skipped << QStringLiteral("%1 track %2 (%3): %4 cannot hold it")
                                    .arg(track.kind == TrackKind::Video ? "video" : "audio")
                                    .arg(i)
                                    .arg(track.codec, options.format == Format::Mp4 ? "MP4" : "MPEG-TS");
            continue;
        }
        AVStream* stream = avformat_new_stream(d.context, nullptr);
        if (!stream || !parametersFromTrack(track, *stream->codecpar)) {
            return noMemory();
        }
        // A hint: MPEG-TS keeps 90 kHz, MP4 may choose its own; write() reads it back.
        stream->time_base = track.kind == TrackKind::Audio && track.sampleRate > 0 ? AVRational{1, track.sampleRate}
                                                                                   : k90kHz;
        d.streamOf[static_cast<size_t>(i)] = stream->index;
        d.trackOfStream.push_back(track);
        if (track.kind == TrackKind::Video && d.videoStream < 0) {
            d.videoStream = stream->index;
        }
    }
    if (d.context->nb_streams == 0) {
        return Error::make(kNoTracks, muxer->m_skipped.join(QStringLiteral("; ")));
    }
    d.lastDts.assign(d.context->nb_streams, AV_NOPTS_VALUE);
    for (const auto& [key, value] : options.metadata) {
        av_dict_set(&d.context->metadata, key.toUtf8().constData(), value.toUtf8().constData(), 0);
    }

    if (sink) {
        auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferBytes));
        d.context->pb = buffer ? avio_alloc_context(buffer, kIoBufferBytes, 1, &d, nullptr, &Private::writeToSink, nullptr)
                               : nullptr;
        if (!d.context->pb) {
            av_free(buffer);
            return noMemory();
        }
        d.ownIo = true;
        d.sink = std::move(sink);
        d.context->flags |= AVFMT_FLAG_CUSTOM_IO;
    } else {
        const int opened = avio_open(&d.context->pb, fileName.constData(), AVIO_FLAG_WRITE);
        if (opened < 0) {
            return Error::make(kFailed, avErrorText(opened));
        }
    }
    d.open = true;
    for (unsigned i = 0; i < d.context->nb_streams; ++i) {
        AVCodecParameters& parameters = *d.context->streams[i]->codecpar;
        if (parameters.codec_type == AVMEDIA_TYPE_AUDIO && parameters.sample_rate <= 0) {
            parameters.sample_rate = sampleRateFromConfig(parameters);
            if (parameters.sample_rate <= 0 && options.format == Format::MpegTs) {
                // MPEG-TS carries these codecs as frames that state their own rate (ADTS, MPEG
                // audio, AC-3 sync frames); the muxer never reads this value, FFmpeg only checks it.
                parameters.sample_rate = 48000;
            }
        }
    }
    // MP4 writes the picture size and the sample rates in its header; what the stream's
    // description lacks (a recorded MPEG-TS does not say it) is read from the first packets, which
    // wait meanwhile (write()).
    if (muxer->parametersComplete()) {
        if (Status header = muxer->writeHeader(); !header) {
            return header.error();
        }
    }
    return muxer;
}

PacketMuxer::~PacketMuxer() = default;

Status PacketMuxer::writeHeader() {
    AVDictionary* options = nullptr;
    if (m_options.format == Format::MpegTs) {
        av_dict_set(&options, "mpegts_copyts", "1", 0);  // our timestamps, as given
        av_dict_set(&options, "flush_packets", "0", 0);  // callers flush on their own schedule
    } else {
        av_dict_set(&options, "movflags", "+faststart", 0);
    }
    av_dict_set(&options, "avoid_negative_ts", "disabled", 0);
    const int result = avformat_write_header(d->context, &options);
    av_dict_free(&options);
    if (result < 0) {
        d->open = false;
        return failure(result);
    }
    d->headerWritten = true;
    return {};
}

bool PacketMuxer::parametersComplete() const {
    if (m_options.format == Format::MpegTs) {
        return true;  // needs neither (the audio rate was settled at creation)
    }
    for (unsigned i = 0; i < d->context->nb_streams; ++i) {
        const AVCodecParameters& parameters = *d->context->streams[i]->codecpar;
        if (parameters.codec_type == AVMEDIA_TYPE_VIDEO && (parameters.width <= 0 || parameters.height <= 0)) {
            return false;
        }
        if (parameters.codec_type == AVMEDIA_TYPE_AUDIO && parameters.sample_rate <= 0) {
            return false;
        }
    }
    return true;
}

// Completes a stream's parameters from one of its packets, without decoding: the picture size
// from a keyframe's SPS (FFmpeg's parser), the sample rate from an ADTS header or what FFmpeg's
// parser reads from MPEG audio and AC-3 frames.
void PacketMuxer::learnParameters(int streamIndex, const PacketPtr& packet) {
    AVCodecParameters& parameters = *d->context->streams[streamIndex]->codecpar;
    if (parameters.codec_type == AVMEDIA_TYPE_AUDIO) {
        if (parameters.sample_rate > 0) {
            return;
        }
        if (parameters.codec_id == AV_CODEC_ID_AAC) {
            parameters.sample_rate = sampleRateFromAdts(packet->data);
            return;
        }
    } else if (parameters.width > 0 && parameters.height > 0) {
        return;
    }
    AVCodecParserContext* parser = av_parser_init(parameters.codec_id);
    AVCodecContext* codec = avcodec_alloc_context3(nullptr);
    if (parser && codec) {
        parser->flags |= PARSER_FLAG_COMPLETE_FRAMES;  // one packet is one frame: parse it now
        uint8_t* out = nullptr;
        int outSize = 0;
        const auto* data = reinterpret_cast<const uint8_t*>(packet->data.constData());
        av_parser_parse2(parser, codec, &out, &outSize, data, static_cast<int>(packet->data.size()), AV_NOPTS_VALUE,
                         AV_NOPTS_VALUE, 0);
        if (parameters.codec_type == AVMEDIA_TYPE_AUDIO) {
            parameters.sample_rate = codec->sample_rate;
        } else if (parser->width > 0 && parser->height > 0) {
            parameters.width = parser->width;
            parameters.height = parser->height;
        } else if (codec->width > 0 && codec->height > 0) {
            parameters.width = codec->width;
            parameters.height = codec->height;
        }
    }
    avcodec_free_context(&codec);
    av_parser_close(parser);
}

// The held packets go out once every stream's parameters are known, or once kMaxHeldUs of media
// came without them: then audio that never said its rate is left out, and video without a size
// fails (a player could not show it).
Status PacketMuxer::releaseHeld(bool force) {
    if (!parametersComplete()) {
        if (!force) {
            return {};
        }
        for (unsigned i = 0; i < d->context->nb_streams; ++i) {
            const AVCodecParameters& parameters = *d->context->streams[i]->codecpar;
            if (parameters.codec_type == AVMEDIA_TYPE_VIDEO && (parameters.width <= 0 || parameters.height <= 0)) {
                d->open = false;
                return Error::make(kFailed, QStringLiteral("the picture size is neither in the stream description "
                                                           "nor in its keyframes"));
            }
        }
        // An MP4 cannot drop a stream after the fact: give up on the audio by writing it as absent
        // from here on (its packets are not written).
        for (size_t track = 0; track < d->streamOf.size(); ++track) {
            const int stream = d->streamOf[track];
            if (stream >= 0 && d->context->streams[stream]->codecpar->sample_rate <= 0 &&
                d->context->streams[stream]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
                d->context->streams[stream]->codecpar->sample_rate = 48000;  // never used: no packets follow
                d->streamOf[track] = -1;
                m_skipped << QStringLiteral("audio track %1: its sample rate is unknown").arg(track);
            }
        }
    }
    if (Status header = writeHeader(); !header) {
        return header;
    }
    std::vector<PacketPtr> held;
    held.swap(d->held);
    for (const PacketPtr& packet : held) {
        if (Status written = write(packet); !written) {
            return written;
        }
    }
    return {};
}

Status PacketMuxer::write(const PacketPtr& packet, Placement* placement) {
    if (placement) {
        *placement = Placement{};
    }
    if (!d || !d->open) {
        return Error::make(kFailed, QStringLiteral("the output is already closed"));
    }
    if (packet->track < 0 || static_cast<size_t>(packet->track) >= d->streamOf.size()) {
        return {};
    }
    const int streamIndex = d->streamOf[static_cast<size_t>(packet->track)];
    if (streamIndex < 0) {
        return {};
    }
    if (!d->headerWritten) {
        if (d->held.empty() && streamIndex == d->videoStream && !packet->keyframe) {
            return {};  // nothing can be shown before the first keyframe anyway
        }
        learnParameters(streamIndex, packet);
        d->held.push_back(packet);
        return releaseHeld(packet->dtsUs - d->held.front()->dtsUs > kMaxHeldUs);
    }
    AVStream* stream = d->context->streams[streamIndex];
    AVPacket& out = *d->packet;
    if (!toAvPacket(packet, streamIndex, out)) {
        return noMemory();
    }
    const qint64 shiftUs = m_options.offsetUs - m_options.originUs;
    const qint64 originUs = m_options.originUs;
    out.dts = av_rescale_q(std::max(packet->dtsUs, originUs) + shiftUs, kMicroseconds, stream->time_base);
    out.pts = av_rescale_q(std::max(packet->ptsUs, originUs) + shiftUs, kMicroseconds, stream->time_base);
    out.duration = av_rescale_q(packet->durationUs, kMicroseconds, stream->time_base);
    out.time_base = stream->time_base;
    // Muxers refuse a DTS that does not increase; microseconds can round to one tick.
    int64_t& last = d->lastDts[static_cast<size_t>(streamIndex)];
    if (last != AV_NOPTS_VALUE && out.dts <= last) {
        out.dts = last + 1;
    }
    out.pts = std::max(out.pts, out.dts);
    last = out.dts;

    if (placement) {
        placement->stored = true;
        placement->videoKeyframe = packet->keyframe && streamIndex == d->videoStream;
        placement->dtsUs = av_rescale_q(out.dts, stream->time_base, kMicroseconds) - shiftUs;
        placement->byteOffset = avio_tell(d->context->pb);
    }
    const int result = m_options.interleave ? av_interleaved_write_frame(d->context, &out)
                                            : av_write_frame(d->context, &out);
    av_packet_unref(&out);
    if (result >= 0) {
        return {};
    }
    if (!d->sinkError || streamIndex == d->videoStream) {
        d->open = false;
        return failure(result);
    }
    // A track the muxer cannot take after all (AAC without its configuration, ...) is left out
    // rather than losing the picture with it.
    d->streamOf[static_cast<size_t>(packet->track)] = -1;
    m_skipped << QStringLiteral("track %1 (%2): %3")
                     .arg(packet->track)
                     .arg(QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id)), avErrorText(result));
    qCInfo(lcMedia).noquote() << "muxer leaves out" << m_skipped.constLast();
    if (placement) {
        placement->stored = false;
    }
    return {};
}

Status PacketMuxer::flush() {
    if (!d || !d->open || !d->headerWritten) {
        return {};
    }
    if (m_options.format == Format::MpegTs) {
        av_write_frame(d->context, nullptr);  // empties the pending audio PES
    }
    avio_flush(d->context->pb);
    if (d->context->pb->error < 0) {
        d->open = false;
        return failure(d->context->pb->error);
    }
    return {};
}

Status PacketMuxer::finish() {
    if (!d || !d->open) {
        return d && !d->sinkError ? d->sinkError : Error::make(kFailed, QStringLiteral("the output is already closed"));
    }
    d->open = false;
    if (!d->headerWritten) {
        return Error::make(kFailed, QStringLiteral("no video keyframe was written"));
    }
    const int trailer = av_write_trailer(d->context);
    avio_flush(d->context->pb);
    const int ioError = d->context->pb->error;
    if (!d->ownIo) {
        const int closed = avio_closep(&d->context->pb);
        if (trailer >= 0 && ioError >= 0 && closed < 0) {
            return failure(closed);
        }
    }
    if (trailer < 0 || ioError < 0) {
        return failure(trailer < 0 ? trailer : ioError);
    }
    return {};
}

qint64 PacketMuxer::position() const {
    return d && d->context && d->context->pb ? avio_tell(d->context->pb) : 0;
}

bool PacketMuxer::isOpen() const {
    return d && d->open;
}

int PacketMuxer::storedTracks() const {
    return d && d->context ? static_cast<int>(d->context->nb_streams) : 0;
}

bool PacketMuxer::hasVideo() const {
    return d && d->videoStream >= 0;
}

Error PacketMuxer::failure(int averror) const {
    if (d && !d->sinkError) {
        return d->sinkError.error();
    }
    return Error::make(kFailed, avErrorText(averror));
}

}  // namespace vigil::core::media
