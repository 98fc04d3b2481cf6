#pragma once
// RtpPacketizer: coded frames into RTP packets, one packetizer per track of a camera, shared by
// every client of that camera (so all of them see the same sequence numbers and timestamps, as
// with a real camera's multicast-free unicast fan-out).
//   H.264: RFC 6184 single NAL unit packets and FU-A fragments (packetization-mode=1)
//   H.265: RFC 7798 single NAL unit packets and FU fragments
//   AAC:   RFC 3640 mpeg4-generic AAC-hbr, one access unit per packet (fragmented when larger)
// Also RTCP sender reports (RFC 3550 section 6.4.1) with an SDES CNAME, which players use to map
// RTP time to the wall clock.

#include <QByteArray>
#include <QList>

#include "media_source.h"

namespace vigil::testcamera {

class RtpPacketizer {
public:
    static constexpr qsizetype kDefaultMaxPacket = 1400;  // RTP header included; fits any loopback or LAN MTU

    RtpPacketizer(TrackCodec codec, int payloadType, int clockRate, qsizetype maxPacket = kDefaultMaxPacket);

    quint32 ssrc() const { return m_ssrc; }
    int payloadType() const { return m_payloadType; }
    quint16 nextSequence() const { return m_sequence; }
    // RTP timestamp of a stream time in microseconds.
    quint32 timestampAt(qint64 streamUs) const;

    QList<QByteArray> packetize(const SourceFrame& frame);
    // Packets that keep RTP's framing (version, payload type, running sequence and timestamp) but
    // carry bytes that are not valid media: the payload's first byte has the H.264/H.265
    // forbidden_zero_bit set, the rest is random (the "garbage" fault).
    QList<QByteArray> garbage(const SourceFrame& frame);
    // Sender report + SDES for the stream time `streamUs` at the wall time `unixUs`.
    QByteArray senderReport(qint64 streamUs, qint64 unixUs) const;

private:
    QByteArray header(bool marker, quint32 timestamp);
    void packetizeNal(const QByteArray& nal, bool lastOfFrame, quint32 timestamp, QList<QByteArray>& out);
    void packetizeAac(const QByteArray& frame, quint32 timestamp, QList<QByteArray>& out);
    void count(const QList<QByteArray>& packets, qsizetype from);

    TrackCodec m_codec;
    int m_payloadType;
    int m_clockRate;
    qsizetype m_maxPayload;
    quint32 m_ssrc;
    quint32 m_timestampBase;
    quint16 m_sequence;
    quint32 m_packetCount = 0;
    quint32 m_octetCount = 0;
};

}  // namespace vigil::testcamera
