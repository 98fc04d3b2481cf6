#pragma once
// SdpSession: what a camera's DESCRIBE answer says about its streams (RFC 4566 SDP, with the
// RTSP use of a=control from RFC 2326 appendix C). Session and media sections, m= lines,
// a=rtpmap, a=fmtp (sprop-parameter-sets for H.264, sprop-vps/sps/pps for H.265, config for
// AAC), a=control resolved against the base URL, a=framerate and a=range. The parser is strict
// about structure (every line "x=value", a known m= layout) and names the line that is wrong; it
// ignores attributes it does not know. Sizes are bounded.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrl>
#include <optional>

#include "common/result.h"

namespace vigil::core::media::rtsp {

struct RtpMap {
    int payloadType = -1;
    QByteArray encodingName;  // upper case: "H264", "H265", "MPEG4-GENERIC", "PCMU"
    int clockRate = 0;
    int channels = 0;  // 0 when not given
};

struct SdpMedia {
    QByteArray type;  // "video", "audio", "application", ...
    int port = 0;
    QByteArray protocol;       // "RTP/AVP", "RTP/AVPF", "RTP/SAVP", ...
    QList<QByteArray> formats;  // as written on the m= line
    QMap<int, RtpMap> rtpmaps;  // explicit and, for static payload types, implied (RFC 3551)
    QMap<int, QMap<QByteArray, QByteArray>> fmtp;  // parameter names lower case
    QByteArray control;  // as written
    QUrl controlUrl;     // resolved; the base URL when there is no a=control
    double framerate = 0;
    QByteArray direction;  // sendrecv | sendonly | recvonly | inactive, when given
    QList<QPair<QByteArray, QByteArray>> attributes;  // every a= line: name, value

    // About the first payload type of the m= line, the one a receiver uses.
    int payloadType() const;
    RtpMap rtpmap() const;
    QMap<QByteArray, QByteArray> formatParameters() const;
    // FFmpeg-style codec name as core/media uses it: "h264", "h265", "aac", "pcm_mulaw", ...;
    // empty when unknown.
    QString codec() const;
    // H.264 SPS/PPS or H.265 VPS/SPS/PPS NAL units from the fmtp sprop parameters, in that order.
    QList<QByteArray> parameterSets() const;
    // The same with Annex B start codes: extradata a decoder or muxer accepts.
    QByteArray annexBParameterSets() const;
    // AAC AudioSpecificConfig from mpeg4-generic "config=" (hex).
    QByteArray audioSpecificConfig() const;
    // Width and height from the SPS in the sprop parameters; 0x0 when absent or unreadable.
    int width() const;
    int height() const;
};

struct SdpSession {
    int version = 0;
    QByteArray origin;
    QByteArray sessionName;
    QByteArray control;
    QUrl controlUrl;  // aggregate control URL (base when no a=control)
    QByteArray range;  // a=range as written ("npt=0-", "npt=now-", ...)
    std::optional<double> rangeStart;  // seconds, from npt
    std::optional<double> rangeEnd;
    QList<QPair<QByteArray, QByteArray>> attributes;  // session-level a= lines
    QList<SdpMedia> media;

    int firstMedia(QByteArrayView type) const;  // -1 when none
};

class SdpParser {
public:
    static constexpr qsizetype kMaxBytes = 256 * 1024;
    static constexpr qsizetype kMaxMedia = 32;
    static constexpr qsizetype kMaxAttributes = 256;  // per section

    // `base` is the URL controls are relative to: Content-Base, else Content-Location, else the
    // DESCRIBE request URL (RFC 2326 appendix C.1.1).
    static Result<SdpSession> parse(QByteArrayView text, const QUrl& base);

    // a=control resolution: absolute URLs stay, "*" is the base, anything else is appended to the
    // base with one '/' between (what cameras, FFmpeg and GStreamer do; plain RFC 3986 resolution
    // would drop the base's last path segment).
    static QUrl resolveControl(QByteArrayView control, const QUrl& base);
};

}  // namespace vigil::core::media::rtsp
