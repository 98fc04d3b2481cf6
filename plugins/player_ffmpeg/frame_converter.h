#pragma once
// FrameConverter: a decoded AVFrame into a QVideoFrame the sink shows. YUV 4:2:0 planes are copied
// as they are (no colour conversion on the CPU: the scene graph's shader does it); other pixel
// formats go through swscale to YUV 4:2:0 first.
//
// Qt 6.4 draws a YUV420P frame whose chroma height (height / 2) is odd with skewed colours, so the
// frame is made with its height padded to a multiple of 4 (black rows) and the viewport set to the
// picture (README.md).

#include <QVideoFrame>

struct AVFrame;
struct SwsContext;

namespace vigil::app::player {

class FrameConverter {
public:
    FrameConverter() = default;
    ~FrameConverter();
    FrameConverter(const FrameConverter&) = delete;
    FrameConverter& operator=(const FrameConverter&) = delete;

    // An invalid frame when the picture cannot be converted.
    QVideoFrame convert(const AVFrame* frame);

    static int paddedHeight(int height) { return (height + 3) / 4 * 4; }

private:
    const AVFrame* toYuv420(const AVFrame* frame);

    SwsContext* m_scaler = nullptr;
    AVFrame* m_scaled = nullptr;
};

}  // namespace vigil::app::player
