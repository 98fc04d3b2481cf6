#pragma once
// Reading H.264/H.265 Annex B access units (as cameras send them over RTSP) without a decoder: what
// a reader that samples a stream may drop (server/motion). No FFmpeg here (tests/fuzz builds it alone).

#include <QByteArray>
#include <QString>

namespace vigil::core::media {

// True when every picture in `data` is one no other picture refers to (H.264 nal_ref_idc 0, H.265
// sub-layer non-reference NAL types), so a reader that only samples the stream may drop the packet
// before decoding it. False for other codecs, for data without a picture, and when it cannot tell.
bool isDisposablePacket(const QString& codec, const QByteArray& data);

}  // namespace vigil::core::media
