#include "frame_converter.h"

#include <cstring>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace vigil::app::player {

namespace {

void copyPlane(uchar* destination, int destinationStride, const uint8_t* source, int sourceStride, int width,
               int rows) {
    for (int row = 0; row < rows; ++row) {
        std::memcpy(destination + static_cast<qsizetype>(row) * destinationStride,
                    source + static_cast<qsizetype>(row) * sourceStride, static_cast<size_t>(width));
    }
}

QVideoFrameFormat::ColorSpace colorSpace(const AVFrame* frame) {
    switch (frame->colorspace) {
        case AVCOL_SPC_BT709:
            return QVideoFrameFormat::ColorSpace_BT709;
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL:
            return QVideoFrameFormat::ColorSpace_BT2020;
        case AVCOL_SPC_UNSPECIFIED:
            // Cameras often leave it out: HD pictures are BT.709, smaller ones BT.601.
            return frame->height >= 720 ? QVideoFrameFormat::ColorSpace_BT709 : QVideoFrameFormat::ColorSpace_BT601;
        default:
            return QVideoFrameFormat::ColorSpace_BT601;
    }
}

}  // namespace

FrameConverter::~FrameConverter() {
    sws_freeContext(m_scaler);
    av_frame_free(&m_scaled);
}

const AVFrame* FrameConverter::toYuv420(const AVFrame* frame) {
    const auto format = static_cast<AVPixelFormat>(frame->format);
    if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P) {
        return frame;
    }
    m_scaler = sws_getCachedContext(m_scaler, frame->width, frame->height, format, frame->width, frame->height,
                                    AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!m_scaler) {
        return nullptr;
    }
    if (!m_scaled || m_scaled->width != frame->width || m_scaled->height != frame->height) {
        av_frame_free(&m_scaled);
        m_scaled = av_frame_alloc();
        m_scaled->format = AV_PIX_FMT_YUV420P;
        m_scaled->width = frame->width;
        m_scaled->height = frame->height;
        if (av_frame_get_buffer(m_scaled, 0) < 0) {
            av_frame_free(&m_scaled);
            return nullptr;
        }
    }
    sws_scale(m_scaler, frame->data, frame->linesize, 0, frame->height, m_scaled->data, m_scaled->linesize);
    m_scaled->colorspace = frame->colorspace;
    m_scaled->color_range = frame->color_range;
    return m_scaled;
}

QVideoFrame FrameConverter::convert(const AVFrame* decoded) {
    const AVFrame* frame = toYuv420(decoded);
    if (!frame || frame->width <= 0 || frame->height <= 0) {
        return {};
    }
    const int width = frame->width;
    const int height = frame->height;
    const int padded = paddedHeight(height);
    QVideoFrameFormat format(QSize(width, padded), QVideoFrameFormat::Format_YUV420P);
    format.setViewport(QRect(0, 0, width, height));
    format.setColorSpace(colorSpace(frame));
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG || frame->format == AV_PIX_FMT_YUVJ420P;
    format.setColorRange(fullRange ? QVideoFrameFormat::ColorRange_Full : QVideoFrameFormat::ColorRange_Video);
    QVideoFrame out(format);
    if (!out.map(QVideoFrame::WriteOnly)) {
        return {};
    }
    const int chromaWidth = (width + 1) / 2;
    const int chromaRows = (height + 1) / 2;
    copyPlane(out.bits(0), out.bytesPerLine(0), frame->data[0], frame->linesize[0], width, height);
    copyPlane(out.bits(1), out.bytesPerLine(1), frame->data[1], frame->linesize[1], chromaWidth, chromaRows);
    copyPlane(out.bits(2), out.bytesPerLine(2), frame->data[2], frame->linesize[2], chromaWidth, chromaRows);
    // The padding rows: black (limited-range luma 16, neutral chroma).
    const uchar black = fullRange ? 0 : 16;
    for (int row = height; row < padded; ++row) {
        std::memset(out.bits(0) + static_cast<qsizetype>(row) * out.bytesPerLine(0), black,
                    static_cast<size_t>(out.bytesPerLine(0)));
    }
    for (int plane = 1; plane <= 2; ++plane) {
        for (int row = chromaRows; row < padded / 2; ++row) {
            std::memset(out.bits(plane) + static_cast<qsizetype>(row) * out.bytesPerLine(plane), 128,
                        static_cast<size_t>(out.bytesPerLine(plane)));
        }
    }
    out.unmap();
    return out;
}

}  // namespace vigil::app::player
