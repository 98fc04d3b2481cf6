#pragma once
// The media values that travel from a camera reader to the recorder, live viewers and the GOP
// cache without decoding (ARCHITECTURE.md, Recording). No FFmpeg types here, so server/ code that
// only routes packets does not include FFmpeg headers; core/media's reader and writers convert.
//
// Time: every packet carries UTC microseconds. The reader anchors a stream's own clock to the wall
// clock when it connects (RTCP sender reports where the camera sends them) and keeps it monotonic
// afterwards, so index rows, the timeline and archive seeks all use one clock.

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

namespace vigil::core::media {

enum class TrackKind { Video, Audio };

struct TrackInfo {
    TrackKind kind = TrackKind::Video;
    QString codec;         // "h264" | "h265" | "aac" | ... (FFmpeg codec names)
    QByteArray extradata;  // codec configuration (SPS/PPS/VPS, AudioSpecificConfig) when known
    int width = 0;         // video
    int height = 0;
    int sampleRate = 0;  // audio
    int channels = 0;
    int profile = -1;  // codec profile when known (FFmpeg's numbering)
};

struct StreamInfo {
    QList<TrackInfo> tracks;  // MediaPacket::track indexes this list

    int videoTrack() const;  // index of the first video track, -1 when there is none
    // The same tracks in the same order with the same codecs (sizes and configuration may differ).
    bool sameCodecs(const StreamInfo& other) const;
};

struct MediaPacket {
    int track = 0;
    qint64 ptsUs = 0;  // UTC microseconds
    qint64 dtsUs = 0;  // UTC microseconds, <= ptsUs
    qint64 durationUs = 0;
    bool keyframe = false;
    QByteArray data;  // the coded frame as the camera sent it (Annex B for H.264/H.265 over RTSP)
};

// Packets are shared, never copied, between the recorder and every viewer.
using PacketPtr = std::shared_ptr<const MediaPacket>;

}  // namespace vigil::core::media
