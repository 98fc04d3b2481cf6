#pragma once
// LumaDecoder: turns a camera stream's video packets into small grey pictures for server-side motion
// detection (server/motion). The one decoder of a live stream in the server, and deliberately a cheap
// one: a single thread, no deblocking (AVDISCARD_ALL on the loop filter), pictures nobody refers to
// skipped (AVDISCARD_NONREF), and only the luma plane of the pictures the caller asks for is read,
// box-averaged down to a fixed small size. Recording and relaying never decode (ARCHITECTURE.md).
// No FFmpeg types here: vigil_media keeps FFmpeg private.

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core::media {

struct LumaFrame {
    int width = 0;
    int height = 0;
    QByteArray pixels;  // width * height bytes, row by row, 0 (black) .. 255 (white)
    qint64 timeUs = 0;  // UTC microseconds of the packet that gave it

    uchar at(int x, int y) const { return static_cast<uchar>(pixels.at(y * width + x)); }
};

class LumaDecoder {
public:
    // Pictures come out `width` x `height` whatever the stream's size.
    LumaDecoder(int width, int height);
    ~LumaDecoder();
    LumaDecoder(const LumaDecoder&) = delete;
    LumaDecoder& operator=(const LumaDecoder&) = delete;

    // (Re)opens the decoder for `track` (a video track: codec and, when known, extradata). Fails
    // with "decode_failed" saying why (no decoder for the codec, out of memory).
    Status open(const TrackInfo& track);
    bool isOpen() const;

    // Decodes `packet`. With `wantPicture`, returns the picture it gave (scaled luma), if any;
    // without, the picture is decoded (later ones refer to it) but not read. A broken packet is
    // not an error (the decoder recovers at the next keyframe): it returns no picture.
    Result<std::optional<LumaFrame>> decode(const PacketPtr& packet, bool wantPicture);

    qint64 picturesDecoded() const { return m_pictures; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    int m_width;
    int m_height;
    qint64 m_pictures = 0;
};

}  // namespace vigil::core::media
