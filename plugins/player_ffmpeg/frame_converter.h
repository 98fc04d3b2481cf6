#pragma once
// FrameConverter: a decoded AVFrame into a QVideoFrame the sink shows, in the form the player asks
// for (MediaSource::Pictures):
//  - YUV 4:2:0: the planes are copied as they are (the scene graph's shader converts the colours);
//    other pixel formats go through swscale to YUV 4:2:0 first. The frame's height is padded for
//    Qt 6.4 (app/player/yuv420_frame.h).
//  - RGB (scene graphs drawn in software, app/player/render_probe.h): swscale converts straight into
//    the frame's BGRX buffer with the picture's colour space and range, one pass and no other copy.

#include <QVideoFrame>

#include "player/player_backend.h"

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
    QVideoFrame convert(const AVFrame* frame, MediaSource::Pictures pictures = MediaSource::Pictures::Yuv420);

private:
    const AVFrame* toYuv420(const AVFrame* frame);
    QVideoFrame toBgrx(const AVFrame* frame);

    SwsContext* m_scaler = nullptr;
    SwsContext* m_rgbScaler = nullptr;
    int m_rgbDetails = -1;  // the colour space and range m_rgbScaler was set for
    AVFrame* m_scaled = nullptr;
};

}  // namespace vigil::app::player
