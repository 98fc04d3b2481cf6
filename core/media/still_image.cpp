#include "media/still_image.h"

extern "C" {
#include <libswscale/swscale.h>
}

#include <algorithm>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"

namespace vigil::core::media {

namespace {

Error failed(const QString& why) {
    return Error::make(QStringLiteral("snapshot_failed"),
                       QStringLiteral("No picture could be made from the camera's latest keyframe (%1).").arg(why));
}

// FFmpeg's objects for one picture, freed together.
struct Work {
    AVCodecContext* decoder = nullptr;
    AVCodecContext* encoder = nullptr;
    AVCodecParameters* parameters = avcodec_parameters_alloc();
    AVPacket* packet = av_packet_alloc();
    AVFrame* decoded = av_frame_alloc();
    AVFrame* converted = av_frame_alloc();
    SwsContext* scaler = nullptr;

    ~Work() {
        sws_freeContext(scaler);
        av_frame_free(&converted);
        av_frame_free(&decoded);
        av_packet_free(&packet);
        avcodec_parameters_free(&parameters);
        avcodec_free_context(&encoder);
        avcodec_free_context(&decoder);
    }
    bool allocated() const { return parameters && packet && decoded && converted; }
};

Status decode(Work& work, const TrackInfo& track, const PacketPtr& keyframe) {
    const AVCodec* codec = avcodec_find_decoder(codecId(track.codec));
    if (!codec) {
        return failed(QStringLiteral("this FFmpeg cannot decode %1").arg(track.codec));
    }
    work.decoder = avcodec_alloc_context3(codec);
    if (!work.decoder || !parametersFromTrack(track, *work.parameters) ||
        avcodec_parameters_to_context(work.decoder, work.parameters) < 0) {
        return failed(QStringLiteral("out of memory"));
    }
    work.decoder->thread_count = 1;  // one picture: frame threads would only delay it
    if (int opened = avcodec_open2(work.decoder, codec, nullptr); opened < 0) {
        return failed(avErrorText(opened));
    }
    if (!toAvPacket(keyframe, 0, *work.packet)) {
        return failed(QStringLiteral("out of memory"));
    }
    work.packet->time_base = kMicroseconds;
    const int sent = avcodec_send_packet(work.decoder, work.packet);
    av_packet_unref(work.packet);
    if (sent < 0) {
        return failed(avErrorText(sent));
    }
    avcodec_send_packet(work.decoder, nullptr);  // drain: the keyframe comes out now
    const int received = avcodec_receive_frame(work.decoder, work.decoded);
    if (received < 0) {
        return failed(received == AVERROR_EOF ? QStringLiteral("the keyframe decoded to no picture")
                                              : avErrorText(received));
    }
    return {};
}

}  // namespace

Result<QByteArray> jpegFromKeyframe(const TrackInfo& track, const PacketPtr& keyframe, int quality) {
    installFfmpegLogging();
    Work work;
    if (!work.allocated()) {
        return failed(QStringLiteral("out of memory"));
    }
    if (track.kind != TrackKind::Video || !keyframe || keyframe->data.isEmpty()) {
        return failed(QStringLiteral("no video keyframe"));
    }
    if (Status decoded = decode(work, track, keyframe); !decoded) {
        return decoded.error();
    }
    const AVFrame& picture = *work.decoded;
    // Baseline JPEG wants full-range 4:2:0; swscale converts whatever the camera sent (limited
    // range, 4:2:2, 10 bits).
    work.converted->format = AV_PIX_FMT_YUVJ420P;
    work.converted->width = picture.width;
    work.converted->height = picture.height;
    work.scaler = sws_getContext(picture.width, picture.height, static_cast<AVPixelFormat>(picture.format),
                                 picture.width, picture.height, AV_PIX_FMT_YUVJ420P, SWS_BICUBIC, nullptr, nullptr,
                                 nullptr);
    if (!work.scaler || av_frame_get_buffer(work.converted, 0) < 0) {
        return failed(QStringLiteral("cannot convert the picture's pixel format"));
    }
    sws_scale(work.scaler, picture.data, picture.linesize, 0, picture.height, work.converted->data,
              work.converted->linesize);

    const AVCodec* jpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    work.encoder = jpeg ? avcodec_alloc_context3(jpeg) : nullptr;
    if (!work.encoder) {
        return failed(QStringLiteral("this FFmpeg has no JPEG encoder"));
    }
    work.encoder->width = picture.width;
    work.encoder->height = picture.height;
    work.encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    work.encoder->time_base = AVRational{1, 25};
    work.encoder->flags |= AV_CODEC_FLAG_QSCALE;
    // Quality 100 -> qscale 2 (best), 1 -> 31.
    const int qscale = 2 + (100 - std::clamp(quality, 1, 100)) * 29 / 99;
    work.encoder->global_quality = FF_QP2LAMBDA * qscale;
    work.converted->quality = work.encoder->global_quality;
    work.converted->pts = 0;
    if (int opened = avcodec_open2(work.encoder, jpeg, nullptr); opened < 0) {
        return failed(avErrorText(opened));
    }
    if (int sent = avcodec_send_frame(work.encoder, work.converted); sent < 0) {
        return failed(avErrorText(sent));
    }
    avcodec_send_frame(work.encoder, nullptr);
    if (int received = avcodec_receive_packet(work.encoder, work.packet); received < 0) {
        return failed(avErrorText(received));
    }
    QByteArray image(reinterpret_cast<const char*>(work.packet->data), work.packet->size);
    av_packet_unref(work.packet);
    return image;
}

}  // namespace vigil::core::media
