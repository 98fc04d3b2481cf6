#include "media/media_packet.h"

namespace vigil::core::media {

int StreamInfo::videoTrack() const {
    for (int i = 0; i < tracks.size(); ++i) {
        if (tracks[i].kind == TrackKind::Video) {
            return i;
        }
    }
    return -1;
}

}  // namespace vigil::core::media
