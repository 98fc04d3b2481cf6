// Fuzz target: a camera's stream description (SDP) and the H.264/H.265 SPS reader behind the
// picture size (issue 4). Invariants: no crash; bounds on sections; every resolved control URL is
// valid or empty; sizes are within what a picture can be.

#include <QByteArray>
#include <QUrl>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "media/rtsp/h26x_sps.h"
#include "media/rtsp/sdp.h"

using namespace vigil::core::media::rtsp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The raw bytes as an SPS too: the reader must survive any NAL unit.
    for (const auto& sps : {h264SpsSize(input), h265SpsSize(input)}) {
        if (sps) {
            FUZZ_CHECK(sps->width > 0 && sps->width <= 16384 && sps->height > 0 && sps->height <= 16384);
        }
    }
    const auto sdp = SdpParser::parse(input, QUrl(QStringLiteral("rtsp://127.0.0.1:554/cam1/")));
    if (!sdp.ok()) {
        FUZZ_CHECK(!sdp.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(sdp.value().media.size() <= SdpParser::kMaxMedia);
    FUZZ_CHECK(sdp.value().attributes.size() <= SdpParser::kMaxAttributes);
    for (const SdpMedia& media : sdp.value().media) {
        FUZZ_CHECK(media.attributes.size() <= SdpParser::kMaxAttributes);
        FUZZ_CHECK(media.port >= 0 && media.port <= 65535);
        const RtpMap map = media.rtpmap();
        FUZZ_CHECK(map.payloadType >= -1 && map.payloadType <= 127);
        (void)media.codec();
        (void)media.annexBParameterSets();
        (void)media.audioSpecificConfig();
        FUZZ_CHECK(media.width() >= 0 && media.width() <= 16384);
        FUZZ_CHECK(media.height() >= 0 && media.height() <= 16384);
        (void)media.controlUrl.toString();
    }
    return 0;
}
