#pragma once
// A QVideoFrame from the three planes of a YUV 4:2:0 picture, for the backends (header-only: each
// plugin compiles it in). Qt 6.4 draws YUV420P frames whose chroma height (height / 2) is odd with
// skewed colours, so the frame is made with its height padded to a multiple of 4 (black rows) and
// the viewport set to the picture; the scene graph converts the colours.

#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <cstring>

namespace vigil::app::player {

struct Yuv420Planes {
    const uchar* data[3] = {};
    int stride[3] = {};
};

inline int paddedVideoHeight(int height) {
    return (height + 3) / 4 * 4;
}

// An invalid frame when the size is empty or the frame cannot be mapped.
inline QVideoFrame yuv420Frame(int width, int height, const Yuv420Planes& planes, bool fullRange,
                               QVideoFrameFormat::ColorSpace colorSpace) {
    if (width <= 0 || height <= 0) {
        return {};
    }
    const int padded = paddedVideoHeight(height);
    QVideoFrameFormat format(QSize(width, padded), QVideoFrameFormat::Format_YUV420P);
    format.setViewport(QRect(0, 0, width, height));
    format.setColorSpace(colorSpace);
    format.setColorRange(fullRange ? QVideoFrameFormat::ColorRange_Full : QVideoFrameFormat::ColorRange_Video);
    QVideoFrame out(format);
    if (!out.map(QVideoFrame::WriteOnly)) {
        return {};
    }
    const int widths[3] = {width, (width + 1) / 2, (width + 1) / 2};
    const int rows[3] = {height, (height + 1) / 2, (height + 1) / 2};
    const int paddedRows[3] = {padded, padded / 2, padded / 2};
    const uchar blank[3] = {static_cast<uchar>(fullRange ? 0 : 16), 128, 128};  // black
    for (int plane = 0; plane < 3; ++plane) {
        uchar* destination = out.bits(plane);
        const qsizetype destinationStride = out.bytesPerLine(plane);
        for (int row = 0; row < rows[plane]; ++row) {
            std::memcpy(destination + row * destinationStride,
                        planes.data[plane] + static_cast<qsizetype>(row) * planes.stride[plane],
                        static_cast<size_t>(widths[plane]));
        }
        for (int row = rows[plane]; row < paddedRows[plane]; ++row) {
            std::memset(destination + row * destinationStride, blank[plane], static_cast<size_t>(destinationStride));
        }
    }
    out.unmap();
    return out;
}

}  // namespace vigil::app::player
