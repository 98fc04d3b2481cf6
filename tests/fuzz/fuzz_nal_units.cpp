// Fuzz target: which camera packets server-side motion detection drops before decoding
// (core/media/nal_units.h). Input: the first byte picks the codec, the rest is the packet as a
// camera sent it. Invariants: never crashes or reads past the buffer, and a packet called
// disposable holds a start code and is H.264 or H.265.

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "media/nal_units.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    static const QString kCodecs[] = {QStringLiteral("h264"), QStringLiteral("h265"), QStringLiteral("mjpeg")};
    const QString& codec = kCodecs[data[0] % 3];
    const QByteArray packet(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    if (vigil::core::media::isDisposablePacket(codec, packet)) {
        FUZZ_CHECK(codec != QLatin1String("mjpeg"));
        FUZZ_CHECK(packet.contains(QByteArray("\x00\x00\x01", 3)));
    }
    return 0;
}
