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

bool StreamInfo::sameCodecs(const StreamInfo& other) const {
    if (tracks.size() != other.tracks.size()) {
        return false;
    }
    for (int i = 0; i < tracks.size(); ++i) {
        if (tracks[i].kind != other.tracks[i].kind || tracks[i].codec != other.tracks[i].codec) {
            return false;
        }
    }
    return true;
}

}  // namespace vigil::core::media
