#pragma once
// Device findings (issue 8): what a device's security report (DeviceSecurityInfo, read through its
// driver) means for each SEC item that applies to devices, as plain data: a state, the evidence
// seen, and the fix the devices service can apply through the device's protocol, if any. Pure
// functions, so each check of the audit engine (server/audit) is a small file that calls one of
// them, and the rules are unit-tested without a camera.
//
// | finding            | SEC items        | fails when                                               | fix            |
// |--------------------|------------------|----------------------------------------------------------|----------------|
// | device_password    | 1.2, 4.1         | the password Vigil signs in with breaks PasswordPolicy   | set_password   |
// | device_users       | 1.2, 2.2         | another Administrator besides Vigil's account            | delete_user    |
// | device_anonymous   | 1.10, 1.6        | an Anonymous user, or reads answered without credentials | delete_user    |
// | device_time        | 1.5              | not on NTP, or the clock more than kMaxClockOffsetMs off  | set_ntp        |
// | device_firmware    | 1.4              | (needs the signed update manifest; until then n/a)       |                |
// | device_discovery   | 1.6              | WS-Discovery mode Discoverable                           | discovery_off  |
// | device_http        | 1.6, 1.10, 2.3   | plain HTTP enabled                                       | http_off       |
// | device_dot1x       | 3.2              | 802.1X supported but not configured                      |                |
// | device_edge_storage| 2.8              | recordings of its own (Profile G) that Vigil cannot fill gaps from yet |  |
//
// A part the device does not report makes its finding not_applicable with the device's answer as
// evidence, never a guess.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "devices/device_driver.h"

namespace vigil::server {

struct DeviceFinding {
    QString id;            // "device_password", ...
    QStringList requirements;  // "SEC-1.2", ...
    QString state;         // pass | fail | not_applicable
    QString evidence;      // what was seen, for people and the report
    QString fix;           // the fix id to apply, empty when none applies
    QJsonObject fixInput;  // what the fix needs besides the device ({"user": "installer"})

    QJsonObject toJson() const;
};

namespace DeviceFindingStates {
inline constexpr auto kPass = "pass";
inline constexpr auto kFail = "fail";
inline constexpr auto kNotApplicable = "not_applicable";
}  // namespace DeviceFindingStates

// What the findings judge besides the device's own report.
struct DeviceFindingContext {
    QString userName;  // the account Vigil signs in with
    QString password;  // its password (judged, never copied into evidence)
    QUrl address;      // where Vigil reaches the device's ONVIF service
};

class DeviceFindings {
public:
    static constexpr qint64 kMaxClockOffsetMs = 5000;  // beyond this recordings and logs disagree

    // Every finding, in the order of the table above.
    static QList<DeviceFinding> all(const core::devices::DeviceSecurityInfo& info, const DeviceFindingContext& context);

    static DeviceFinding password(const core::devices::DeviceSecurityInfo& info, const DeviceFindingContext& context);
    static DeviceFinding users(const core::devices::DeviceSecurityInfo& info, const DeviceFindingContext& context);
    static DeviceFinding anonymous(const core::devices::DeviceSecurityInfo& info);
    static DeviceFinding time(const core::devices::DeviceSecurityInfo& info);
    static DeviceFinding firmware(const core::devices::DeviceSecurityInfo& info);
    static DeviceFinding discovery(const core::devices::DeviceSecurityInfo& info);
    static DeviceFinding http(const core::devices::DeviceSecurityInfo& info, const DeviceFindingContext& context);
    static DeviceFinding dot1x(const core::devices::DeviceSecurityInfo& info);
    static DeviceFinding edgeStorage(const core::devices::DeviceSecurityInfo& info);
};

}  // namespace vigil::server
