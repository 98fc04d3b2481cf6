#include "clip_generator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <cmath>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

namespace vigil::plugins {

using core::Error;
using core::Result;
using core::Status;

namespace {

constexpr auto kVersion = "v1";  // bump when the picture or the encoding changes

Error failed(const QString& what, int code = 0) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (code < 0) {
        av_strerror(code, text, sizeof text);
    }
    return Error::make(QStringLiteral("virtual_clip_failed"),
                       QStringLiteral("The virtual camera's picture could not be made: %1%2. Check that FFmpeg's "
                                      "libx264 encoder is installed and the temporary folder is writable.")
                           .arg(what, code < 0 ? QStringLiteral(" (%1)").arg(QString::fromUtf8(text)) : QString()));
}

// One frame of the test picture, periodic in `frames` so the loop is seamless.
void paint(AVFrame* frame, int index, int frames) {
    const int width = frame->width;
    const int height = frame->height;
    const double phase = double(index) / double(frames);  // 0..1 over the clip
    const int shift = static_cast<int>(phase * width);
    for (int y = 0; y < height; ++y) {
        uint8_t* row = frame->data[0] + y * frame->linesize[0];
        for (int x = 0; x < width; ++x) {
            // Diagonal bands drifting one screen width per loop.
            row[x] = static_cast<uint8_t>(64 + ((((x + shift + y / 2) % width) * 8 / width) * 20));
        }
    }
    for (int y = 0; y < height / 2; ++y) {
        uint8_t* u = frame->data[1] + y * frame->linesize[1];
        uint8_t* v = frame->data[2] + y * frame->linesize[2];
        for (int x = 0; x < width / 2; ++x) {
            const int band = (((2 * x + shift) % width) * 6) / width;
            u[x] = static_cast<uint8_t>(96 + band * 12);
            v[x] = static_cast<uint8_t>(160 - band * 12);
        }
    }
    // A bright block bouncing across (one full period per loop).
    const int block = std::max(16, height / 8);
    const double angle = 2.0 * M_PI * phase;
    const int bx = static_cast<int>((width - block) * (0.5 + 0.5 * std::sin(angle)));
    const int by = static_cast<int>((height - block) * (0.5 + 0.5 * std::sin(2.0 * angle)));
    for (int y = by; y < by + block && y < height; ++y) {
        std::fill_n(frame->data[0] + y * frame->linesize[0] + bx, block, uint8_t(235));
    }
    // A strip of 16 cells along the bottom showing the frame number in binary: each frame differs.
    const int cell = width / 16;
    for (int bit = 0; bit < 16; ++bit) {
        const uint8_t value = (index >> bit) & 1 ? 235 : 16;
        for (int y = height - cell / 2; y < height; ++y) {
            std::fill_n(frame->data[0] + y * frame->linesize[0] + bit * cell, cell - 2, value);
        }
    }
}

struct Encoder {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    AVStream* stream = nullptr;

    ~Encoder() {
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format) {
            if (format->pb) {
                avio_closep(&format->pb);
            }
            avformat_free_context(format);
        }
    }

    // Sends `input` (nullptr: flush) and writes every packet that comes out.
    Status push(AVFrame* input) {
        int rc = avcodec_send_frame(codec, input);
        if (rc < 0) {
            return failed(QStringLiteral("encoding a frame failed"), rc);
        }
        while ((rc = avcodec_receive_packet(codec, packet)) >= 0) {
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            if ((rc = av_interleaved_write_frame(format, packet)) < 0) {
                return failed(QStringLiteral("writing the clip failed"), rc);
            }
        }
        return rc == AVERROR(EAGAIN) || rc == AVERROR_EOF ? Status() : Status(failed(QStringLiteral("encoding failed"), rc));
    }
};

}  // namespace

QString ClipSpec::fileName() const {
    return QStringLiteral("virtual-%1-%2x%3-%4fps-%5s-%6k.mp4")
        .arg(QLatin1String(kVersion))
        .arg(width)
        .arg(height)
        .arg(fps)
        .arg(seconds)
        .arg(bitsPerSecond / 1000);
}

Result<QString> ClipGenerator::ensure(const QString& folder, const ClipSpec& spec) {
    if (!QDir().mkpath(folder)) {
        return failed(QStringLiteral("the folder %1 cannot be made").arg(folder));
    }
    const QString path = QDir(folder).filePath(spec.fileName());
    if (QFileInfo(path).size() > 0) {
        return path;
    }
    const QString temporary = path + QStringLiteral(".") + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".mp4");
    if (Status made = encode(temporary, spec); !made) {
        QFile::remove(temporary);
        return made.error();
    }
    // Another process may have made it meanwhile: either file is good.
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        if (QFileInfo(path).size() <= 0) {
            return failed(QStringLiteral("%1 cannot be written").arg(path));
        }
    }
    return path;
}

Status ClipGenerator::encode(const QString& path, const ClipSpec& spec) {
    Encoder e;
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) {
        return failed(QStringLiteral("there is no libx264 encoder"));
    }
    const QByteArray file = QFile::encodeName(path);
    int rc = avformat_alloc_output_context2(&e.format, nullptr, "mp4", file.constData());
    if (rc < 0 || !e.format) {
        return failed(QStringLiteral("no MP4 muxer"), rc);
    }
    e.codec = avcodec_alloc_context3(codec);
    e.codec->width = spec.width;
    e.codec->height = spec.height;
    e.codec->time_base = AVRational{1, spec.fps};
    e.codec->framerate = AVRational{spec.fps, 1};
    e.codec->pix_fmt = AV_PIX_FMT_YUV420P;
    e.codec->gop_size = spec.fps;  // a keyframe a second: a new viewer waits at most that long
    e.codec->max_b_frames = 0;     // as most cameras send
    e.codec->bit_rate = spec.bitsPerSecond;
    e.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "preset", "veryfast", 0);
    av_dict_set(&options, "tune", "zerolatency", 0);
    av_dict_set(&options, "x264-params",
                QStringLiteral("keyint=%1:min-keyint=%1:scenecut=0:bframes=0:log=-1").arg(spec.fps).toLatin1().constData(), 0);
    rc = avcodec_open2(e.codec, codec, &options);
    av_dict_free(&options);
    if (rc < 0) {
        return failed(QStringLiteral("libx264 did not open"), rc);
    }
    e.stream = avformat_new_stream(e.format, nullptr);
    if (!e.stream || avcodec_parameters_from_context(e.stream->codecpar, e.codec) < 0) {
        return failed(QStringLiteral("no stream in the clip"));
    }
    e.stream->time_base = e.codec->time_base;
    if ((rc = avio_open(&e.format->pb, file.constData(), AVIO_FLAG_WRITE)) < 0) {
        return failed(QStringLiteral("%1 cannot be opened for writing").arg(path), rc);
    }
    if ((rc = avformat_write_header(e.format, nullptr)) < 0) {
        return failed(QStringLiteral("the MP4 header failed"), rc);
    }
    e.frame = av_frame_alloc();
    e.packet = av_packet_alloc();
    e.frame->width = spec.width;
    e.frame->height = spec.height;
    e.frame->format = AV_PIX_FMT_YUV420P;
    if ((rc = av_frame_get_buffer(e.frame, 0)) < 0) {
        return failed(QStringLiteral("no memory for a frame"), rc);
    }
    const int frames = spec.fps * spec.seconds;
    for (int i = 0; i < frames; ++i) {
        if ((rc = av_frame_make_writable(e.frame)) < 0) {
            return failed(QStringLiteral("no memory for a frame"), rc);
        }
        paint(e.frame, i, frames);
        e.frame->pts = i;
        if (Status pushed = e.push(e.frame); !pushed) {
            return pushed;
        }
    }
    if (Status flushed = e.push(nullptr); !flushed) {
        return flushed;
    }
    if ((rc = av_write_trailer(e.format)) < 0) {
        return failed(QStringLiteral("the MP4 trailer failed"), rc);
    }
    return {};
}

}  // namespace vigil::plugins
