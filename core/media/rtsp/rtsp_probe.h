#pragma once
// RtspProbe: asks a camera URL what it serves, the way a user's "Test" button needs it. Sends
// OPTIONS and DESCRIBE (answering Basic or Digest as the camera asks, following up to three
// redirects), parses the SDP and classifies the outcome with the device error codes of
// core/devices/device_driver.h:
//   device_unreachable   DNS failed, connection refused, or no answer in time (the message says which)
//   device_unauthorised  401 after the credentials were tried (or none were given)
//   device_bad_answer    the peer does not speak RTSP, answered an error status, or sent a malformed SDP
//   device_no_media      the SDP has no video track Vigil can record
//   device_bad_address   the URL is not rtsp://host[:port]/path
//   device_cancelled     the caller cancelled
// Blocking: call it on a worker thread (the devices service's), never on a thread whose event loop
// others rely on. It opens its own socket on the calling thread and closes it before returning.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <atomic>
#include <functional>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core {
class Cancellation;
namespace devices {
using Cancellation = core::Cancellation;
}
}  // namespace vigil::core

namespace vigil::core::media::rtsp {

inline constexpr auto kErrorNoMedia = "device_no_media";
inline constexpr auto kErrorBadAddress = "device_bad_address";

struct RtspProbeTrack {
    TrackKind kind = TrackKind::Video;
    QString codec;            // "h264", "h265", "aac", ... (empty when Vigil does not know it)
    QByteArray encodingName;  // from a=rtpmap, upper case: "H264", "MPEG4-GENERIC"
    int payloadType = -1;
    int clockRate = 0;
    int channels = 0;  // audio, when the rtpmap says
    int width = 0;     // video, from the SPS in the SDP's sprop parameters; 0 when not given
    int height = 0;
    double framerate = 0;  // from a=framerate when given
    QUrl control;          // the track's SETUP URL
    QByteArray extradata;  // Annex B parameter sets (video) or AudioSpecificConfig (AAC)
};

struct RtspProbeResult {
    QUrl url;                // the URL that answered (after redirects), without credentials
    QString server;          // the Server header, when sent
    QStringList methods;     // the Public header of OPTIONS
    QString authentication;  // "none", "basic" or "digest"
    QByteArray sdp;
    QList<RtspProbeTrack> tracks;  // video and audio tracks in SDP order (other media skipped)

    int videoTrack() const;  // index of the first video track Vigil can use, -1 when none
    // The tracks as core/media describes streams (codec, size, extradata).
    StreamInfo streamInfo() const;
};

class RtspProbe {
public:
    static constexpr int kDefaultPort = 554;
    static constexpr int kMaxRedirects = 3;

    // `user`/`password` empty: the URL's own user info is used, if any. `cancel` may be null.
    static Result<RtspProbeResult> probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const std::atomic<bool>* cancel = nullptr);
    static Result<RtspProbeResult> probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const devices::Cancellation& cancel);
    static Result<RtspProbeResult> probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const std::function<bool()>& isCancelled);
};

}  // namespace vigil::core::media::rtsp
