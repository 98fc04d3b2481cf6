#pragma once
// Pushes the devices service's changes over the events WebSocket (http/websocket_hub.h), each to
// the sessions allowed to see it:
//   devices.device          a Device (added, edited, status changed)   live or device_config, per channel rights
//   devices.device_removed  {"id"}                                     live or device_config, per channel rights
//   devices.groups          {"groups": [...]}                          live or device_config
//   devices.job             a DeviceJob (progress, result)             device_config
//   devices.ptz             {channelId, operation, ok, error, message} ptz, per channel rights

namespace vigil::server {

class AccountsService;
class DevicesService;
class WebSocketHub;

void connectDevicePushes(DevicesService& devices, AccountsService& accounts, WebSocketHub& hub);

}  // namespace vigil::server
