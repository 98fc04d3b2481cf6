#pragma once
// Just enough of the H.264 and H.265 sequence parameter set (ITU-T H.264 section 7.3.2.1.1,
// H.265 section 7.3.2.2) to read the picture size, cropping applied. Used to tell a camera's
// resolution from the sprop parameter sets in its SDP without decoding anything. Input is one
// NAL unit with its header and emulation prevention bytes, as carried in SDP or Annex B.

#include <QByteArrayView>
#include <optional>

namespace vigil::core::media::rtsp {

struct VideoSize {
    int width = 0;
    int height = 0;
};

std::optional<VideoSize> h264SpsSize(QByteArrayView nal);
std::optional<VideoSize> h265SpsSize(QByteArrayView nal);

}  // namespace vigil::core::media::rtsp
