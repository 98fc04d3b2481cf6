#include "media/rtp_depacketizer.h"

#include <cstring>

namespace vigil::core::media {

namespace {

constexpr qsizetype kPadding = 64;                 // FFmpeg's AV_INPUT_BUFFER_PADDING_SIZE
constexpr qsizetype kMaxUnitBytes = 16 << 20;      // a frame bigger than this is garbage
constexpr char kStartCode[4] = {0, 0, 0, 1};
constexpr qint64 kNtpUnixOffsetSeconds = 2'208'988'800;  // 1900-01-01 to 1970-01-01

quint16 be16(const char* p) {
    return static_cast<quint16>((static_cast<quint8>(p[0]) << 8) | static_cast<quint8>(p[1]));
}

quint32 be32(const char* p) {
    return (static_cast<quint32>(static_cast<quint8>(p[0])) << 24) | (static_cast<quint32>(static_cast<quint8>(p[1])) << 16) |
           (static_cast<quint32>(static_cast<quint8>(p[2])) << 8) | static_cast<quint32>(static_cast<quint8>(p[3]));
}

// A finished unit's bytes in their own buffer with zeroed padding behind them (as packetData in
// ffmpeg_support.h), so the muxer can take them without another copy.
QByteArray padded(QByteArrayView first, QByteArrayView second = {}) {
    const qsizetype size = first.size() + second.size();
    QByteArray out(size + kPadding, '\0');
    std::memcpy(out.data(), first.data(), static_cast<size_t>(first.size()));
    if (!second.isEmpty()) {
        std::memcpy(out.data() + first.size(), second.data(), static_cast<size_t>(second.size()));
    }
    out.resize(size);
    return out;
}

// H.264 and H.265 share everything but the NAL header layout.
class NalDepacketizer : public RtpDepacketizer {
public:
    NalDepacketizer(bool hevc, QByteArray parameterSets) : m_hevc(hevc), m_parameterSets(std::move(parameterSets)) {
        m_unit.reserve(64 * 1024);
    }

    void push(QByteArrayView payload, qint64 timestamp, bool marker, bool lost, std::vector<AccessUnit>& out) override {
        if (m_open && timestamp != m_timestamp) {
            complete(out);  // a new picture began without a marker on the last one
        }
        if (lost) {
            m_damaged = m_open || m_inFragment;  // what is being assembled misses a piece
            m_inFragment = false;
        }
        if (!m_open) {
            m_open = true;
            m_timestamp = timestamp;
        }
        const qsizetype header = m_hevc ? 2 : 1;
        if (payload.size() < header) {
            return;
        }
        const quint8 b0 = static_cast<quint8>(payload[0]);
        const int type = m_hevc ? (b0 >> 1) & 0x3f : b0 & 0x1f;
        const int aggregation = m_hevc ? 48 : 24;  // AP / STAP-A
        const int fragment = m_hevc ? 49 : 28;     // FU / FU-A
        if (type == aggregation) {
            m_inFragment = false;
            qsizetype at = header;
            while (at + 2 <= payload.size()) {
                const qsizetype size = be16(payload.data() + at);
                at += 2;
                if (size == 0 || at + size > payload.size()) {
                    m_damaged = true;
                    break;
                }
                addNal(payload.sliced(at, size));
                at += size;
            }
        } else if (type == fragment) {
            const qsizetype fuHeaderAt = header;
            if (payload.size() <= fuHeaderAt + 1) {
                return;
            }
            const quint8 fu = static_cast<quint8>(payload[fuHeaderAt]);
            const bool start = fu & 0x80;
            const bool end = fu & 0x40;
            const QByteArrayView data = payload.sliced(fuHeaderAt + 1);
            if (start) {
                char nalHeader[2];
                int nalType = 0;
                if (m_hevc) {
                    nalType = fu & 0x3f;
                    nalHeader[0] = static_cast<char>((b0 & 0x81) | (nalType << 1));
                    nalHeader[1] = payload[1];
                } else {
                    nalType = fu & 0x1f;
                    nalHeader[0] = static_cast<char>((b0 & 0xe0) | nalType);
                }
                noteType(nalType);
                append(QByteArrayView(kStartCode, 4));
                append(QByteArrayView(nalHeader, header));
                m_inFragment = true;
            } else if (!m_inFragment) {
                m_damaged = true;  // the start of this NAL never came
                return;
            }
            append(data);
            if (end) {
                m_inFragment = false;
            }
        } else if (type < (m_hevc ? 48 : 24) && type > (m_hevc ? -1 : 0)) {
            m_inFragment = false;
            addNal(payload);
        }
        if (marker) {
            complete(out);
        }
    }

    qint64 droppedUnits() const override { return m_dropped; }

private:
    void addNal(QByteArrayView nal) {
        if (nal.isEmpty()) {
            return;
        }
        const quint8 b0 = static_cast<quint8>(nal[0]);
        noteType(m_hevc ? (b0 >> 1) & 0x3f : b0 & 0x1f);
        append(QByteArrayView(kStartCode, 4));
        append(nal);
    }

    void noteType(int type) {
        if (m_hevc) {
            m_keyframe = m_keyframe || (type >= 16 && type <= 23);  // IRAP pictures
            m_hasParameterSets = m_hasParameterSets || type == 33;   // SPS
        } else {
            m_keyframe = m_keyframe || type == 5;  // IDR
            m_hasParameterSets = m_hasParameterSets || type == 7;
        }
    }

    void append(QByteArrayView bytes) {
        if (m_unit.size() + bytes.size() > kMaxUnitBytes) {
            m_damaged = true;
            return;
        }
        m_unit.append(bytes.data(), bytes.size());
    }

    void complete(std::vector<AccessUnit>& out) {
        if (m_open && !m_unit.isEmpty() && !m_damaged) {
            AccessUnit unit;
            unit.timestamp = m_timestamp;
            unit.keyframe = m_keyframe;
            // A keyframe without parameter sets gets the SDP's: a decoder (or the next segment)
            // can start on it by itself.
            const bool addSets = m_keyframe && !m_hasParameterSets && !m_parameterSets.isEmpty();
            unit.data = addSets ? padded(m_parameterSets, m_unit) : padded(m_unit);
            out.push_back(std::move(unit));
        } else if (m_open && m_damaged) {
            ++m_dropped;
        }
        m_unit.resize(0);
        m_open = false;
        m_damaged = false;
        m_keyframe = false;
        m_hasParameterSets = false;
        m_inFragment = false;
    }

    const bool m_hevc;
    const QByteArray m_parameterSets;
    QByteArray m_unit;
    qint64 m_timestamp = 0;
    bool m_open = false;
    bool m_inFragment = false;
    bool m_damaged = false;
    bool m_keyframe = false;
    bool m_hasParameterSets = false;
    qint64 m_dropped = 0;
};

// RFC 3640 mode AAC-hbr (and AAC-lbr): AU-headers-length, AU headers of sizelength+indexlength
// bits, then the access units. Each AU is one AAC frame of 1024 samples.
class AacDepacketizer : public RtpDepacketizer {
public:
    explicit AacDepacketizer(const QMap<QByteArray, QByteArray>& fmtp) {
        m_sizeLength = fmtp.value("sizelength", "13").toInt();
        m_indexLength = fmtp.value("indexlength", "3").toInt();
        m_indexDeltaLength = fmtp.value("indexdeltalength", "3").toInt();
        if (m_sizeLength <= 0 || m_sizeLength > 16 || m_indexLength < 0 || m_indexLength > 8 || m_indexDeltaLength < 0 ||
            m_indexDeltaLength > 8) {
            m_sizeLength = 13;
            m_indexLength = 3;
            m_indexDeltaLength = 3;
        }
    }

    void push(QByteArrayView payload, qint64 timestamp, bool, bool, std::vector<AccessUnit>& out) override {
        if (payload.size() < 2) {
            return;
        }
        const int headersBits = be16(payload.data());
        const qsizetype headersBytes = (headersBits + 7) / 8;
        if (2 + headersBytes > payload.size()) {
            return;
        }
        QByteArrayView headers = payload.sliced(2, headersBytes);
        qsizetype data = 2 + headersBytes;
        int bit = 0;
        int index = 0;
        while (bit + m_sizeLength <= headersBits) {
            const int size = static_cast<int>(bits(headers, bit, m_sizeLength));
            bit += m_sizeLength + (index == 0 ? m_indexLength : m_indexDeltaLength);
            if (size <= 0 || data + size > payload.size()) {
                return;
            }
            AccessUnit unit;
            unit.timestamp = timestamp + 1024LL * index;
            unit.keyframe = true;
            unit.data = padded(payload.sliced(data, size));
            out.push_back(std::move(unit));
            data += size;
            ++index;
        }
    }

private:
    static quint32 bits(QByteArrayView bytes, int from, int count) {
        quint32 value = 0;
        for (int i = 0; i < count; ++i) {
            const int at = from + i;
            const int bit = (static_cast<quint8>(bytes[at / 8]) >> (7 - at % 8)) & 1;
            value = (value << 1) | static_cast<quint32>(bit);
        }
        return value;
    }

    int m_sizeLength = 13;
    int m_indexLength = 3;
    int m_indexDeltaLength = 3;
};

// G.711: every payload is a run of samples.
class SampleDepacketizer : public RtpDepacketizer {
public:
    void push(QByteArrayView payload, qint64 timestamp, bool, bool, std::vector<AccessUnit>& out) override {
        if (payload.isEmpty()) {
            return;
        }
        AccessUnit unit;
        unit.timestamp = timestamp;
        unit.keyframe = true;
        unit.data = padded(payload);
        out.push_back(std::move(unit));
    }
};

}  // namespace

std::optional<RtpHeader> parseRtp(QByteArrayView packet) {
    if (packet.size() < 12) {
        return std::nullopt;
    }
    const auto* p = packet.data();
    const quint8 b0 = static_cast<quint8>(p[0]);
    if ((b0 >> 6) != 2) {
        return std::nullopt;
    }
    RtpHeader header;
    header.marker = (static_cast<quint8>(p[1]) & 0x80) != 0;
    header.payloadType = static_cast<quint8>(p[1]) & 0x7f;
    header.sequence = be16(p + 2);
    header.timestamp = be32(p + 4);
    header.ssrc = be32(p + 8);
    qsizetype offset = 12 + 4 * (b0 & 0x0f);
    if (offset > packet.size()) {
        return std::nullopt;
    }
    if (b0 & 0x10) {  // header extension
        if (offset + 4 > packet.size()) {
            return std::nullopt;
        }
        offset += 4 + 4 * static_cast<qsizetype>(be16(p + offset + 2));
        if (offset > packet.size()) {
            return std::nullopt;
        }
    }
    qsizetype end = packet.size();
    if (b0 & 0x20) {  // padding: the last byte says how much
        const qsizetype padding = static_cast<quint8>(p[end - 1]);
        if (padding == 0 || offset + padding > end) {
            return std::nullopt;
        }
        end -= padding;
    }
    header.payload = packet.sliced(offset, end - offset);
    return header;
}

qint64 SenderReport::utcUs() const {
    const qint64 seconds = static_cast<qint64>(ntp >> 32) - kNtpUnixOffsetSeconds;
    const qint64 fraction = static_cast<qint64>((ntp & 0xffffffffULL) * 1'000'000ULL >> 32);
    return seconds * 1'000'000 + fraction;
}

std::optional<SenderReport> parseSenderReport(QByteArrayView packet) {
    qsizetype at = 0;
    while (at + 4 <= packet.size()) {
        const char* p = packet.data() + at;
        if ((static_cast<quint8>(p[0]) >> 6) != 2) {
            return std::nullopt;
        }
        const qsizetype length = 4 * (static_cast<qsizetype>(be16(p + 2)) + 1);
        if (at + length > packet.size()) {
            return std::nullopt;
        }
        if (static_cast<quint8>(p[1]) == 200 && length >= 28) {
            SenderReport report;
            report.ssrc = be32(p + 4);
            report.ntp = (static_cast<quint64>(be32(p + 8)) << 32) | be32(p + 12);
            report.rtpTimestamp = be32(p + 16);
            return report;
        }
        at += length;
    }
    return std::nullopt;
}

std::unique_ptr<RtpDepacketizer> RtpDepacketizer::create(const QString& codec, const QMap<QByteArray, QByteArray>& fmtp,
                                                         const QByteArray& parameterSets) {
    if (codec == QLatin1String("h264")) {
        if (fmtp.value("packetization-mode", "1").toInt() > 1) {
            return nullptr;  // interleaved mode (2): cameras do not use it
        }
        return std::make_unique<NalDepacketizer>(false, parameterSets);
    }
    if (codec == QLatin1String("h265")) {
        if (fmtp.value("sprop-max-don-diff", "0").toInt() > 0) {
            return nullptr;  // decoding-order numbers in the payload: not from cameras
        }
        return std::make_unique<NalDepacketizer>(true, parameterSets);
    }
    if (codec == QLatin1String("aac")) {
        const QByteArray mode = fmtp.value("mode").toLower();
        if (mode != "aac-hbr" && mode != "aac-lbr") {
            return nullptr;
        }
        return std::make_unique<AacDepacketizer>(fmtp);
    }
    if (codec == QLatin1String("pcm_mulaw") || codec == QLatin1String("pcm_alaw")) {
        return std::make_unique<SampleDepacketizer>();
    }
    return nullptr;
}

}  // namespace vigil::core::media
