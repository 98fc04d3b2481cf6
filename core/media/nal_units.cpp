#include "media/nal_units.h"

namespace vigil::core::media {

namespace {

// Calls `onNal` with each NAL unit of an Annex B buffer (from its header byte to the end of the
// buffer) until it returns false.
template <typename OnNal>
void forEachNal(const QByteArray& data, OnNal onNal) {
    const auto* bytes = reinterpret_cast<const uchar*>(data.constData());
    const qsizetype size = data.size();
    for (qsizetype i = 0; i + 3 < size; ++i) {
        if (bytes[i] == 0 && bytes[i + 1] == 0 && bytes[i + 2] == 1) {
            if (!onNal(bytes + i + 3, size - i - 3)) {
                return;
            }
            i += 2;
        }
    }
}

}  // namespace

bool isDisposablePacket(const QString& codec, const QByteArray& data) {
    const bool h264 = codec == QLatin1String("h264");
    const bool h265 = codec == QLatin1String("h265");
    if (!h264 && !h265) {
        return false;
    }
    int pictures = 0;
    bool referenced = false;
    forEachNal(data, [&](const uchar* nal, qsizetype left) {
        if (h264) {
            const int type = nal[0] & 0x1f;
            if (type >= 1 && type <= 5) {  // coded slices (5: IDR)
                ++pictures;
                referenced = referenced || (nal[0] & 0x60) != 0;
            }
        } else if (left >= 2) {
            const int type = (nal[0] >> 1) & 0x3f;
            if (type <= 31) {  // VCL: the even types up to 14 are sub-layer non-reference pictures
                ++pictures;
                referenced = referenced || type > 14 || (type % 2) == 1;
            }
        }
        return !referenced;
    });
    return pictures > 0 && !referenced;
}

}  // namespace vigil::core::media
