#include "frame_converter.h"

#include "player/yuv420_frame.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace vigil::app::player {

namespace {

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
    sws_freeContext(m_rgbScaler);
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

QVideoFrame FrameConverter::toBgrx(const AVFrame* frame) {
    const auto format = static_cast<AVPixelFormat>(frame->format);
    SwsContext* const previous = m_rgbScaler;
    m_rgbScaler = sws_getCachedContext(m_rgbScaler, frame->width, frame->height, format, frame->width, frame->height,
                                       AV_PIX_FMT_BGR0, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!m_rgbScaler) {
        return {};
    }
    if (m_rgbScaler != previous) {
        m_rgbDetails = -1;
    }
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P;
    // The same colour space and range the scene graph's shader would use for the YUV frame; out comes
    // full-range RGB. 1 << 16 is swscale's neutral brightness, contrast and saturation.
    const QVideoFrameFormat::ColorSpace space = colorSpace(frame);
    const int* coefficients = sws_getCoefficients(space == QVideoFrameFormat::ColorSpace_BT709    ? SWS_CS_ITU709
                                                  : space == QVideoFrameFormat::ColorSpace_BT2020 ? SWS_CS_BT2020
                                                                                                 : SWS_CS_ITU601);
    const int details = static_cast<int>(space) * 2 + (fullRange ? 1 : 0);
    if (details != m_rgbDetails) {  // setting them rebuilds swscale's tables: only when they change
        sws_setColorspaceDetails(m_rgbScaler, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16);
        m_rgbDetails = details;
    }
    QVideoFrame out(QVideoFrameFormat(QSize(frame->width, frame->height), QVideoFrameFormat::Format_BGRX8888));
    if (!out.map(QVideoFrame::WriteOnly)) {
        return {};
    }
    uint8_t* destination[4] = {out.bits(0), nullptr, nullptr, nullptr};
    int destinationStride[4] = {out.bytesPerLine(0), 0, 0, 0};
    sws_scale(m_rgbScaler, frame->data, frame->linesize, 0, frame->height, destination, destinationStride);
    out.unmap();
    return out;
}

QVideoFrame FrameConverter::convert(const AVFrame* decoded, MediaSource::Pictures pictures) {
    if (pictures == MediaSource::Pictures::Rgb) {
        return toBgrx(decoded);
    }
    const AVFrame* frame = toYuv420(decoded);
    if (!frame) {
        return {};
    }
    Yuv420Planes planes;
    for (int plane = 0; plane < 3; ++plane) {
        planes.data[plane] = frame->data[plane];
        planes.stride[plane] = frame->linesize[plane];
    }
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG || frame->format == AV_PIX_FMT_YUVJ420P;
    return yuv420Frame(frame->width, frame->height, planes, fullRange, colorSpace(frame));
}

}  // namespace vigil::app::player
