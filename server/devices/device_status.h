#pragma once
// DeviceStatus: how what a driver and the stream hub say becomes the API's device and channel state
// (online, offline, unauthorised, unreachable, stream_error, ...; model/device_model.h). Pure
// functions, so the rules are tested without cameras; DevicesService keeps the "since when".
//
// Rules (docs/design/devices.md, Status):
//  - A describe that fails names the device state: unauthorised, unreachable (offline when the
//    device was online before in this run), anything else stream_error.
//  - A channel's state follows its main stream: live → online; unauthorised; unreachable (offline
//    once it was live); not a stream or a stream error → stream_error. While the hub retries
//    (connecting) a channel keeps the failure it had, so the state does not flicker with each
//    attempt; before any result it is "connecting".
//  - A described device is as bad as its worst enabled channel, in this order: unauthorised,
//    unreachable, offline, stream_error, connecting, online.

#include <QList>
#include <QString>

#include "common/result.h"
#include "media/stream_hub.h"
#include "model/device_model.h"

namespace vigil::server {

class DeviceStatus {
public:
    // The state for a failed describe (a driver Error with the codes of device_driver.h).
    static QString describeFailure(const core::Error& error, bool wasOnline);

    // A channel's state from its main stream. `previous` is the channel's state until now ("" for
    // none); `everLive` whether the main stream was live since the device last connected.
    static QString channelState(const StreamStatus& main, const QString& previous, bool everLive);

    // The worst of `states` by the order above; online for none.
    static QString worst(const QStringList& states);

    // What people read for a channel's state: the hub's reason, or one made here when it has none.
    static QString channelReason(const QString& state, const StreamStatus& main);
};

}  // namespace vigil::server
