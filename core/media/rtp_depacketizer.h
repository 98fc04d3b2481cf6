#pragma once
// RTP parsing and depacketizing for the native RTSP reader (rtsp_reader.h): RTP and RTCP headers
// (RFC 3550), and the payload formats cameras send, turned back into the coded frames they carry:
//   H.264 RFC 6184 (single NAL, STAP-A, FU-A) and H.265 RFC 7798 (single NAL, AP, FU) as Annex B
//   access units, keyframes marked, parameter sets from the SDP put before a keyframe lacking them;
//   AAC RFC 3640 AAC-hbr (AU headers) as raw AAC frames; G.711 (PCMU/PCMA) as they come.
// Parsers of outside data: every length is checked, nothing is trusted (tests/fuzz/fuzz_rtp.cpp).

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace vigil::core::media {

struct RtpHeader {
    bool marker = false;
    int payloadType = 0;
    quint16 sequence = 0;
    quint32 timestamp = 0;
    quint32 ssrc = 0;
    QByteArrayView payload;  // into the packet given to parseRtp
};
std::optional<RtpHeader> parseRtp(QByteArrayView packet);

struct SenderReport {
    quint32 ssrc = 0;
    quint64 ntp = 0;  // NTP timestamp: seconds since 1900 in the high 32 bits, fraction in the low
    quint32 rtpTimestamp = 0;
    qint64 utcUs() const;  // the NTP time as UTC microseconds
};
// The sender report of a compound RTCP packet, if it has one.
std::optional<SenderReport> parseSenderReport(QByteArrayView packet);

struct AccessUnit {
    qint64 timestamp = 0;  // RTP clock, extended to 64 bits by the caller
    QByteArray data;       // with zeroed padding capacity behind it (ffmpeg_support.h packetData)
    bool keyframe = false;
};

class RtpDepacketizer {
public:
    virtual ~RtpDepacketizer() = default;

    // A depacketizer for `codec` ("h264", "h265", "aac", "pcm_mulaw", "pcm_alaw"), nullptr for
    // others. `fmtp`: the SDP format parameters (lower-case names); `parameterSets`: Annex B
    // SPS/PPS (VPS) from the SDP.
    static std::unique_ptr<RtpDepacketizer> create(const QString& codec, const QMap<QByteArray, QByteArray>& fmtp,
                                                   const QByteArray& parameterSets);

    // One packet's payload. `lost`: packets went missing before this one (a sequence gap): the
    // frame being assembled is dropped rather than handed out broken. Completed units go to `out`.
    virtual void push(QByteArrayView payload, qint64 timestamp, bool marker, bool lost, std::vector<AccessUnit>& out) = 0;
    virtual qint64 droppedUnits() const { return 0; }
};

}  // namespace vigil::core::media
