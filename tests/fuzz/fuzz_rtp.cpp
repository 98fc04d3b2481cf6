// RTP from a camera (issue 4): the RTP/RTCP header parsers and the H.264, H.265, AAC and G.711
// depacketizers of the native RTSP reader (core/media/rtp_depacketizer.h). Input: a codec selector
// byte, then packets as <2-byte big-endian length><bytes>. Invariants: no crash or overread, every
// unit non-empty with FFmpeg's padding behind it, NAL units in Annex B, timestamps from the packets'.

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.h"
#include "media/rtp_depacketizer.h"

using namespace vigil::core::media;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    static const char* kCodecs[] = {"h264", "h265", "aac", "pcm_mulaw"};
    const QString codec = QString::fromLatin1(kCodecs[data[0] % 4]);
    QMap<QByteArray, QByteArray> fmtp;
    if (codec == QLatin1String("aac")) {
        fmtp.insert("mode", "AAC-hbr");
        if (data[0] & 0x10) {
            fmtp.insert("sizelength", "6");
            fmtp.insert("indexlength", "2");
        }
    }
    const QByteArray sets = (data[0] & 0x20) ? QByteArray("\x00\x00\x00\x01\x67\x42\x00\x1f", 8) : QByteArray();
    auto depacketizer = RtpDepacketizer::create(codec, fmtp, sets);
    FUZZ_CHECK(depacketizer);
    std::vector<AccessUnit> out;
    qint64 timestamp = 0;
    size_t at = 1;
    while (at + 2 <= size) {
        const size_t length = (static_cast<size_t>(data[at]) << 8) | data[at + 1];
        at += 2;
        if (at + length > size) {
            break;
        }
        // A heap copy of exactly the packet, so ASan sees any read past its end.
        const QByteArray packet(reinterpret_cast<const char*>(data + at), static_cast<qsizetype>(length));
        at += length;
        (void)parseSenderReport(packet);
        auto rtp = parseRtp(packet);
        if (!rtp) {
            continue;
        }
        FUZZ_CHECK(rtp->payload.data() >= packet.constData());
        FUZZ_CHECK(rtp->payload.data() + rtp->payload.size() <= packet.constData() + packet.size());
        timestamp += rtp->timestamp & 0xff;
        const size_t before = out.size();
        depacketizer->push(rtp->payload, timestamp, rtp->marker, rtp->sequence & 1, out);
        for (size_t i = before; i < out.size(); ++i) {
            const AccessUnit& unit = out[i];
            FUZZ_CHECK(!unit.data.isEmpty());
            FUZZ_CHECK(unit.data.capacity() - unit.data.size() >= 64);
            // AAC: the n-th frame of a packet is 1024 samples after the one before.
            FUZZ_CHECK(codec == QLatin1String("aac") ? unit.timestamp >= timestamp : unit.timestamp <= timestamp);
            if (codec.startsWith(QLatin1String("h26"))) {
                FUZZ_CHECK(unit.data.startsWith(QByteArray("\x00\x00\x00\x01", 4)));
            }
        }
    }
    return 0;
}
