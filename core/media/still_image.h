#pragma once
// Still images from a camera stream: one keyframe decoded and encoded as JPEG, for snapshots
// (server/delivery). The only place the server decodes video, and only one picture at a time on
// request: recording and relaying never decode (ARCHITECTURE.md, Protocol).

#include <QByteArray>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core::media {

// Decodes `keyframe` (a video keyframe of `track`, with the codec configuration either in the
// track's extradata or in the packet, as cameras send it) and encodes it as a baseline JPEG.
// `quality`: 1 (small) .. 100 (best). Fails with "snapshot_failed" saying why.
Result<QByteArray> jpegFromKeyframe(const TrackInfo& track, const PacketPtr& keyframe, int quality = 85);

}  // namespace vigil::core::media
