#include "media/rtsp/h26x_sps.h"

#include <QByteArray>

namespace vigil::core::media::rtsp {

namespace {

constexpr qint64 kMaxDimension = 16384;

// Reads bits from an RBSP (emulation prevention removed). Reading past the end sets a flag and
// returns zeros, so callers check ok() once at the end.
class BitReader {
public:
    explicit BitReader(QByteArray rbsp) : m_data(std::move(rbsp)) {}

    bool ok() const { return !m_overrun; }
    // A value the syntax forbids: the rest of the SPS cannot be trusted either.
    void markBroken() { m_overrun = true; }

    quint32 bits(int count) {
        quint32 value = 0;
        for (int i = 0; i < count; ++i) {
            value = (value << 1) | bit();
        }
        return value;
    }
    void skip(int count) {
        for (int i = 0; i < count; ++i) {
            bit();
        }
    }
    // Exp-Golomb ue(v); values above 2^31 are treated as broken input.
    quint32 ue() {
        int zeros = 0;
        while (bit() == 0) {
            if (++zeros > 31 || m_overrun) {
                m_overrun = true;
                return 0;
            }
        }
        return (1u << zeros) - 1 + bits(zeros);
    }
    qint32 se() {
        const quint32 code = ue();
        const auto magnitude = static_cast<qint32>((code + 1) / 2);
        return (code & 1) ? magnitude : -magnitude;
    }

private:
    quint32 bit() {
        if (m_position >= m_data.size() * 8) {
            m_overrun = true;
            return 0;
        }
        const auto byte = static_cast<quint8>(m_data[m_position / 8]);
        const quint32 value = (byte >> (7 - m_position % 8)) & 1;
        ++m_position;
        return value;
    }

    QByteArray m_data;
    qsizetype m_position = 0;
    bool m_overrun = false;
};

QByteArray unescape(QByteArrayView payload) {
    QByteArray rbsp;
    rbsp.reserve(payload.size());
    int zeros = 0;
    for (const char c : payload) {
        if (zeros >= 2 && c == 3) {
            zeros = 0;
            continue;  // emulation prevention byte
        }
        zeros = c == 0 ? zeros + 1 : 0;
        rbsp.append(c);
    }
    return rbsp;
}

std::optional<VideoSize> checked(qint64 width, qint64 height) {
    if (width <= 0 || height <= 0 || width > kMaxDimension || height > kMaxDimension) {
        return std::nullopt;
    }
    return VideoSize{static_cast<int>(width), static_cast<int>(height)};
}

void skipH264ScalingList(BitReader& reader, int size) {
    int last = 8;
    int next = 8;
    for (int j = 0; j < size && reader.ok(); ++j) {
        if (next != 0) {
            // delta_scale is in -128..127; anything else (up to +-2^31 from a broken stream) would
            // overflow the sum below.
            const qint32 delta = reader.se();
            if (delta < -128 || delta > 127) {
                reader.markBroken();
                return;
            }
            next = (last + delta + 256) % 256;
        }
        last = next == 0 ? last : next;
    }
}

bool hasH264ChromaInfo(quint32 profile) {
    switch (profile) {
        case 100: case 110: case 122: case 244: case 44: case 83: case 86: case 118: case 128: case 138:
        case 139: case 134: case 135:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::optional<VideoSize> h264SpsSize(QByteArrayView nal) {
    if (nal.size() < 4 || (nal[0] & 0x1f) != 7) {
        return std::nullopt;
    }
    BitReader reader(unescape(nal.sliced(1)));
    const quint32 profile = reader.bits(8);
    reader.skip(16);  // constraint flags, level
    reader.ue();      // seq_parameter_set_id
    quint32 chromaFormat = 1;
    bool separatePlanes = false;
    if (hasH264ChromaInfo(profile)) {
        chromaFormat = reader.ue();
        if (chromaFormat > 3) {
            return std::nullopt;
        }
        if (chromaFormat == 3) {
            separatePlanes = reader.bits(1);
        }
        reader.ue();      // bit_depth_luma_minus8
        reader.ue();      // bit_depth_chroma_minus8
        reader.skip(1);   // qpprime_y_zero_transform_bypass_flag
        if (reader.bits(1)) {  // seq_scaling_matrix_present_flag
            const int lists = chromaFormat == 3 ? 12 : 8;
            for (int i = 0; i < lists && reader.ok(); ++i) {
                if (reader.bits(1)) {
                    skipH264ScalingList(reader, i < 6 ? 16 : 64);
                }
            }
        }
    }
    reader.ue();  // log2_max_frame_num_minus4
    const quint32 pocType = reader.ue();
    if (pocType == 0) {
        reader.ue();  // log2_max_pic_order_cnt_lsb_minus4
    } else if (pocType == 1) {
        reader.skip(1);
        reader.se();
        reader.se();
        const quint32 cycle = reader.ue();
        if (cycle > 255) {
            return std::nullopt;
        }
        for (quint32 i = 0; i < cycle && reader.ok(); ++i) {
            reader.se();
        }
    } else if (pocType > 2) {
        return std::nullopt;
    }
    reader.ue();      // max_num_ref_frames
    reader.skip(1);   // gaps_in_frame_num_value_allowed_flag
    const qint64 widthInMbs = qint64(reader.ue()) + 1;
    const qint64 heightInMapUnits = qint64(reader.ue()) + 1;
    const bool frameMbsOnly = reader.bits(1);
    if (!frameMbsOnly) {
        reader.skip(1);  // mb_adaptive_frame_field_flag
    }
    reader.skip(1);  // direct_8x8_inference_flag
    qint64 cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
    if (reader.bits(1)) {
        cropLeft = reader.ue();
        cropRight = reader.ue();
        cropTop = reader.ue();
        cropBottom = reader.ue();
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    const quint32 chromaArrayType = separatePlanes ? 0 : chromaFormat;
    const qint64 fieldFactor = frameMbsOnly ? 1 : 2;
    const qint64 subWidth = (chromaArrayType == 1 || chromaArrayType == 2) ? 2 : 1;
    const qint64 subHeight = chromaArrayType == 1 ? 2 : 1;
    const qint64 cropUnitX = chromaArrayType == 0 ? 1 : subWidth;
    const qint64 cropUnitY = (chromaArrayType == 0 ? 1 : subHeight) * fieldFactor;
    return checked(widthInMbs * 16 - cropUnitX * (cropLeft + cropRight),
                   fieldFactor * heightInMapUnits * 16 - cropUnitY * (cropTop + cropBottom));
}

std::optional<VideoSize> h265SpsSize(QByteArrayView nal) {
    if (nal.size() < 6 || ((nal[0] >> 1) & 0x3f) != 33) {
        return std::nullopt;
    }
    BitReader reader(unescape(nal.sliced(2)));
    reader.skip(4);  // sps_video_parameter_set_id
    const quint32 maxSubLayersMinus1 = reader.bits(3);
    reader.skip(1);  // sps_temporal_id_nesting_flag
    // profile_tier_level(1, maxSubLayersMinus1)
    reader.skip(88);  // general profile space, tier, idc, compatibility and constraint flags
    reader.skip(8);   // general_level_idc
    bool profilePresent[8] = {};
    bool levelPresent[8] = {};
    for (quint32 i = 0; i < maxSubLayersMinus1; ++i) {
        profilePresent[i] = reader.bits(1);
        levelPresent[i] = reader.bits(1);
    }
    if (maxSubLayersMinus1 > 0) {
        for (quint32 i = maxSubLayersMinus1; i < 8; ++i) {
            reader.skip(2);  // reserved_zero_2bits
        }
    }
    for (quint32 i = 0; i < maxSubLayersMinus1; ++i) {
        if (profilePresent[i]) {
            reader.skip(88);
        }
        if (levelPresent[i]) {
            reader.skip(8);
        }
    }
    reader.ue();  // sps_seq_parameter_set_id
    const quint32 chromaFormat = reader.ue();
    if (chromaFormat > 3) {
        return std::nullopt;
    }
    bool separatePlanes = false;
    if (chromaFormat == 3) {
        separatePlanes = reader.bits(1);
    }
    const qint64 width = reader.ue();
    const qint64 height = reader.ue();
    qint64 left = 0, right = 0, top = 0, bottom = 0;
    if (reader.bits(1)) {  // conformance_window_flag
        left = reader.ue();
        right = reader.ue();
        top = reader.ue();
        bottom = reader.ue();
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    const quint32 chromaArrayType = separatePlanes ? 0 : chromaFormat;
    const qint64 subWidth = (chromaArrayType == 1 || chromaArrayType == 2) ? 2 : 1;
    const qint64 subHeight = chromaArrayType == 1 ? 2 : 1;
    return checked(width - subWidth * (left + right), height - subHeight * (top + bottom));
}

}  // namespace vigil::core::media::rtsp
