#include "rtp_packetizer.h"

#include <QRandomGenerator>

namespace vigil::testcamera {

namespace {

constexpr qsizetype kRtpHeader = 12;
constexpr quint8 kFuA = 28;      // RFC 6184 section 5.8
constexpr quint8 kHevcFu = 49;   // RFC 7798 section 4.4.3
constexpr qint64 kNtpUnixOffsetSeconds = 2208988800LL;  // 1900-01-01 to 1970-01-01

void put16(QByteArray& out, quint16 value) {
    out.append(static_cast<char>(value >> 8));
    out.append(static_cast<char>(value & 0xff));
}

void put32(QByteArray& out, quint32 value) {
    put16(out, static_cast<quint16>(value >> 16));
    put16(out, static_cast<quint16>(value & 0xffff));
}

}  // namespace

RtpPacketizer::RtpPacketizer(TrackCodec codec, int payloadType, int clockRate, qsizetype maxPacket)
    : m_codec(codec),
      m_payloadType(payloadType),
      m_clockRate(clockRate),
      m_maxPayload(maxPacket - kRtpHeader),
      m_ssrc(QRandomGenerator::global()->generate()),
      m_timestampBase(QRandomGenerator::global()->generate()),
      m_sequence(static_cast<quint16>(QRandomGenerator::global()->bounded(0x8000))) {}

quint32 RtpPacketizer::timestampAt(qint64 streamUs) const {
    // Integer arithmetic: 2^63 / 90000 microseconds is about 3,000 years of stream.
    const qint64 ticks = streamUs / 1000000 * m_clockRate + streamUs % 1000000 * m_clockRate / 1000000;
    return m_timestampBase + static_cast<quint32>(ticks);
}

QByteArray RtpPacketizer::header(bool marker, quint32 timestamp) {
    QByteArray out;
    out.reserve(kRtpHeader + m_maxPayload);
    out.append(static_cast<char>(0x80));  // version 2, no padding, no extension, no CSRC
    out.append(static_cast<char>((marker ? 0x80 : 0) | (m_payloadType & 0x7f)));
    put16(out, m_sequence++);
    put32(out, timestamp);
    put32(out, m_ssrc);
    return out;
}

void RtpPacketizer::packetizeNal(const QByteArray& nal, bool lastOfFrame, quint32 timestamp, QList<QByteArray>& out) {
    if (nal.size() <= m_maxPayload) {
        out.append(header(lastOfFrame, timestamp) + nal);
        return;
    }
    const bool h264 = m_codec == TrackCodec::H264;
    const qsizetype nalHeader = h264 ? 1 : 2;
    QByteArray fuHeaderBase;
    quint8 type = 0;
    if (h264) {
        fuHeaderBase.append(static_cast<char>((static_cast<quint8>(nal[0]) & 0xe0) | kFuA));
        type = static_cast<quint8>(nal[0]) & 0x1f;
    } else {
        fuHeaderBase.append(static_cast<char>((static_cast<quint8>(nal[0]) & 0x81) | (kHevcFu << 1)));
        fuHeaderBase.append(nal[1]);
        type = (static_cast<quint8>(nal[0]) >> 1) & 0x3f;
    }
    const qsizetype chunk = m_maxPayload - fuHeaderBase.size() - 1;
    for (qsizetype at = nalHeader; at < nal.size(); at += chunk) {
        const bool first = at == nalHeader;
        const bool last = at + chunk >= nal.size();
        QByteArray packet = header(last && lastOfFrame, timestamp) + fuHeaderBase;
        packet.append(static_cast<char>((first ? 0x80 : 0) | (last ? 0x40 : 0) | type));
        packet.append(nal.constData() + at, qMin(chunk, nal.size() - at));
        out.append(packet);
    }
}

void RtpPacketizer::packetizeAac(const QByteArray& frame, quint32 timestamp, QList<QByteArray>& out) {
    // AU-headers-length (16 bits: one header), AU-size (13 bits) and AU-index (3 bits, 0).
    QByteArray auHeaders;
    put16(auHeaders, 16);
    put16(auHeaders, static_cast<quint16>(qMin<qsizetype>(frame.size(), 0x1fff) << 3));
    const qsizetype chunk = m_maxPayload - auHeaders.size();
    for (qsizetype at = 0; at < frame.size(); at += chunk) {
        const bool last = at + chunk >= frame.size();
        out.append(header(last, timestamp) + auHeaders + frame.mid(at, chunk));
    }
}

void RtpPacketizer::count(const QList<QByteArray>& packets, qsizetype from) {
    for (qsizetype i = from; i < packets.size(); ++i) {
        ++m_packetCount;
        m_octetCount += static_cast<quint32>(packets[i].size() - kRtpHeader);
    }
}

QList<QByteArray> RtpPacketizer::packetize(const SourceFrame& frame) {
    QList<QByteArray> packets;
    const quint32 timestamp = timestampAt(frame.ptsUs);
    if (m_codec == TrackCodec::Aac) {
        packetizeAac(frame.data, timestamp, packets);
    } else {
        for (qsizetype i = 0; i < frame.nals.size(); ++i) {
            packetizeNal(frame.nals[i], i + 1 == frame.nals.size(), timestamp, packets);
        }
    }
    count(packets, 0);
    return packets;
}

QList<QByteArray> RtpPacketizer::garbage(const SourceFrame& frame) {
    auto* random = QRandomGenerator::global();
    QByteArray payload(200 + random->bounded(1000), Qt::Uninitialized);
    for (char& byte : payload) {
        byte = static_cast<char>(random->bounded(256));
    }
    payload[0] = static_cast<char>(payload[0] | 0x80);
    QList<QByteArray> packets{header(true, timestampAt(frame.ptsUs)) + payload};
    count(packets, 0);
    return packets;
}

QByteArray RtpPacketizer::senderReport(qint64 streamUs, qint64 unixUs) const {
    QByteArray out;
    out.append(static_cast<char>(0x80));  // version 2, no reception reports
    out.append(static_cast<char>(200));   // SR
    put16(out, 6);                         // length in 32-bit words minus one
    put32(out, m_ssrc);
    const quint64 seconds = static_cast<quint64>(unixUs / 1000000 + kNtpUnixOffsetSeconds);
    const quint64 fraction = (static_cast<quint64>(unixUs % 1000000) << 32) / 1000000;
    put32(out, static_cast<quint32>(seconds));
    put32(out, static_cast<quint32>(fraction));
    put32(out, timestampAt(streamUs));
    put32(out, m_packetCount);
    put32(out, m_octetCount);
    // SDES with a CNAME: RFC 3550 wants one in every compound packet.
    const QByteArray cname = "vigil-testcamera";
    QByteArray chunk;
    put32(chunk, m_ssrc);
    chunk.append(char(1));  // CNAME
    chunk.append(static_cast<char>(cname.size()));
    chunk.append(cname);
    chunk.append(char(0));  // end of items
    while (chunk.size() % 4 != 0) {
        chunk.append(char(0));
    }
    out.append(static_cast<char>(0x81));  // version 2, one chunk
    out.append(static_cast<char>(202));   // SDES
    put16(out, static_cast<quint16>(chunk.size() / 4));
    out.append(chunk);
    return out;
}

}  // namespace vigil::testcamera
