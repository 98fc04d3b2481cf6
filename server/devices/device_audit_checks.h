#pragma once
// The device items of the security audit (issue 8; SEC-1.2, 1.4, 1.5, 1.6, 2.8, 3.2): each reads the
// posture of every enabled device through DeviceSecurity (a fresh ONVIF reading), judges it with the
// device findings (device_findings.h) and answers one finding per device. The fixes apply the
// findings' own device fixes through DeviceSecurity, one device at a time, so they are logged as the
// API's fixes are.
//
// | item                      | device findings judged                | fix                                  |
// |---------------------------|---------------------------------------|--------------------------------------|
// | sec-1.2-device-passwords  | device_password, device_users         | a new random password per weak device |
// | sec-1.4-device-firmware   | the firmware against the signed update manifest (update_catalogue.h) |     |
// | sec-1.5-device-time       | device_time                           | set_ntp with the platform's servers  |
// | sec-1.6-device-functions  | device_discovery, device_http, device_anonymous | discovery_off, http_off, delete_user |
// | sec-3.2-device-8021x      | device_dot1x                          |                                      |
// | sec-2.8-network-resume    | device_edge_storage                   |                                      |
//
// SEC-2.8: a camera without storage of its own passes (its gaps are recorded as gaps with a
// recording_gap event); one with ONVIF Profile G storage fails until Vigil fills gaps from it.
//
// Wi-Fi (SEC-4.2) and SNMP (SEC-2.10) are not registered: ONVIF reports neither, so they stay
// unknown until someone attests them.

namespace vigil::server {

class AuditRegistry;
class AuditService;
class Engine;

void registerDeviceAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit);

}  // namespace vigil::server
