#pragma once
// The recording routes of the access gateway (docs/design/recording.md; server/api/recording.yaml):
// storage locations with their health (system_settings), each channel's recording settings and
// state (read: playback, change: device_config), and the recorded periods and gaps of a channel for
// the timeline (playback). Channels outside the caller's role look absent (404).

#include <QList>

#include "http/route.h"

namespace vigil::server {

class ChannelAccess;
class RecordingService;

QList<Route> recordingRoutes(RecordingService& recording, const ChannelAccess& access);

}  // namespace vigil::server
