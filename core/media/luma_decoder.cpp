#include "media/luma_decoder.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <algorithm>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"

namespace vigil::core::media {

namespace {

Error failed(const QString& why) {
    return Error::make(QStringLiteral("decode_failed"), QStringLiteral("The stream cannot be decoded for motion detection (%1).").arg(why));
}

// The luma value (0..255) of pixel (x, y) of a decoded picture, whatever its YUV layout.
struct LumaReader {
    const AVComponentDescriptor* luma = nullptr;
    bool wide = false;  // more than 8 bits per sample

    bool accept(const AVFrame& frame) {
        const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame.format));
        if (!desc || desc->nb_components < 1 || (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL |
                                                                AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_HWACCEL))) {
            return false;
        }
        luma = &desc->comp[0];
        wide = luma->depth > 8;
        return true;
    }
    int at(const AVFrame& frame, int x, int y) const {
        const uint8_t* row = frame.data[luma->plane] + static_cast<ptrdiff_t>(y) * frame.linesize[luma->plane];
        const uint8_t* sample = row + static_cast<ptrdiff_t>(x) * luma->step + luma->offset;
        if (!wide) {
            return *sample;
        }
        const int value = (sample[0] | (sample[1] << 8)) >> luma->shift;
        return value >> (luma->depth - 8);
    }
};

}  // namespace

struct LumaDecoder::Private {
    AVCodecContext* decoder = nullptr;
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();

    ~Private() {
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&decoder);
    }
};

LumaDecoder::LumaDecoder(int width, int height) : d(std::make_unique<Private>()), m_width(width), m_height(height) {}

LumaDecoder::~LumaDecoder() = default;

bool LumaDecoder::isOpen() const {
    return d->decoder != nullptr;
}

Status LumaDecoder::open(const TrackInfo& track) {
    installFfmpegLogging();
    avcodec_free_context(&d->decoder);
    if (!d->packet || !d->frame) {
        return failed(QStringLiteral("out of memory"));
    }
    const AVCodec* codec = track.kind == TrackKind::Video ? avcodec_find_decoder(codecId(track.codec)) : nullptr;
    if (!codec) {
        return failed(QStringLiteral("this FFmpeg cannot decode %1").arg(track.codec));
    }
    AVCodecParameters* parameters = avcodec_parameters_alloc();
    d->decoder = avcodec_alloc_context3(codec);
    const bool ready = parameters && d->decoder && parametersFromTrack(track, *parameters) &&
                       avcodec_parameters_to_context(d->decoder, parameters) >= 0;
    avcodec_parameters_free(&parameters);
    if (!ready) {
        avcodec_free_context(&d->decoder);
        return failed(QStringLiteral("out of memory"));
    }
    // Motion needs coarse pictures soon, not pretty ones: one thread (no frame delay), no
    // deblocking, and pictures nothing refers to are not reconstructed.
    d->decoder->thread_count = 1;
    d->decoder->flags |= AV_CODEC_FLAG_LOW_DELAY;
    d->decoder->flags2 |= AV_CODEC_FLAG2_FAST;
    d->decoder->skip_loop_filter = AVDISCARD_ALL;
    d->decoder->skip_frame = AVDISCARD_NONREF;
    if (int opened = avcodec_open2(d->decoder, codec, nullptr); opened < 0) {
        avcodec_free_context(&d->decoder);
        return failed(avErrorText(opened));
    }
    return {};
}

Result<std::optional<LumaFrame>> LumaDecoder::decode(const PacketPtr& packet, bool wantPicture) {
    if (!d->decoder) {
        return failed(QStringLiteral("the decoder is not open"));
    }
    if (!toAvPacket(packet, 0, *d->packet)) {
        return failed(QStringLiteral("out of memory"));
    }
    d->packet->time_base = kMicroseconds;
    const int sent = avcodec_send_packet(d->decoder, d->packet);
    av_packet_unref(d->packet);
    std::optional<LumaFrame> picture;
    if (sent < 0 && sent != AVERROR(EAGAIN)) {
        return picture;  // a broken packet: the next keyframe repairs the stream
    }
    while (avcodec_receive_frame(d->decoder, d->frame) >= 0) {
        ++m_pictures;
        LumaReader reader;
        if (wantPicture && reader.accept(*d->frame) && d->frame->width > 0 && d->frame->height > 0) {
            const AVFrame& frame = *d->frame;
            LumaFrame out;
            out.width = m_width;
            out.height = m_height;
            out.timeUs = packet->ptsUs;
            out.pixels.resize(static_cast<qsizetype>(m_width) * m_height);
            auto* pixels = reinterpret_cast<uchar*>(out.pixels.data());
            // Box average: each output pixel is the mean of the source block it covers.
            for (int oy = 0; oy < m_height; ++oy) {
                const int y0 = oy * frame.height / m_height;
                const int y1 = std::max(y0 + 1, (oy + 1) * frame.height / m_height);
                for (int ox = 0; ox < m_width; ++ox) {
                    const int x0 = ox * frame.width / m_width;
                    const int x1 = std::max(x0 + 1, (ox + 1) * frame.width / m_width);
                    int sum = 0;
                    for (int y = y0; y < y1; ++y) {
                        for (int x = x0; x < x1; ++x) {
                            sum += reader.at(frame, x, y);
                        }
                    }
                    pixels[oy * m_width + ox] = static_cast<uchar>(sum / ((y1 - y0) * (x1 - x0)));
                }
            }
            picture = std::move(out);
        }
        av_frame_unref(d->frame);
    }
    return picture;
}

}  // namespace vigil::core::media
