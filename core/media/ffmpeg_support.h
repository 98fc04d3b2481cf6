#pragma once
// The one place where core/media's FFmpeg-free values meet FFmpeg's: conversions between
// MediaPacket/TrackInfo and AVPacket/AVCodecParameters, codec names, error text. Internal to
// core/media (vigil_media links FFmpeg privately); nothing outside core/media includes this.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

#include <QString>

#include "media/media_packet.h"

namespace vigil::core::media {

inline constexpr AVRational kMicroseconds{1, 1000000};

// FFmpeg's text for an AVERROR code ("Connection refused", "Server returned 401 Unauthorized ...").
QString avErrorText(int error);

// Our codec names are FFmpeg's, except H.265, which FFmpeg calls "hevc" and people and cameras
// call "h265".
QString codecName(AVCodecID id);
AVCodecID codecId(const QString& name);  // AV_CODEC_ID_NONE when unknown

// The track an FFmpeg stream carries; nullopt for kinds we do not route (data, subtitles, ...).
std::optional<TrackInfo> trackFromParameters(const AVCodecParameters& parameters);
// Fills `parameters` (freshly allocated, empty) for writing `track`.
bool parametersFromTrack(const TrackInfo& track, AVCodecParameters& parameters);

// A packet's data, copied once out of FFmpeg's buffer with zeroed padding after it, so that
// toAvPacket can hand it back to FFmpeg without copying again.
QByteArray packetData(const AVPacket& packet);

// Points `out` (an allocated, blank AVPacket) at `packet`'s data without copying; the AVPacket
// holds a reference on `packet` until it is unreferenced. Timestamps stay in microseconds (set
// out->time_base and rescale as the muxer needs). Fails only when out of memory.
bool toAvPacket(const PacketPtr& packet, int streamIndex, AVPacket& out);

}  // namespace vigil::core::media
