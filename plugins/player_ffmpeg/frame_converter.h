#pragma once
// FrameConverter: a decoded AVFrame into a QVideoFrame the sink shows. YUV 4:2:0 planes are copied
// as they are (no colour conversion on the CPU: the scene graph's shader does it); other pixel
// formats go through swscale to YUV 4:2:0 first. The frame's height is padded for Qt 6.4
// (app/player/yuv420_frame.h).

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

private:
    const AVFrame* toYuv420(const AVFrame* frame);

    SwsContext* m_scaler = nullptr;
    AVFrame* m_scaled = nullptr;
};

}  // namespace vigil::app::player
