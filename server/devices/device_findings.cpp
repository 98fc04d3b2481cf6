#include "devices/device_findings.h"

#include <QJsonArray>

#include "security/password_policy.h"

namespace vigil::server {

using core::devices::DeviceProtocol;
using core::devices::DeviceSecurityInfo;
using core::devices::DeviceUser;
using core::security::PasswordPolicy;
namespace States = DeviceFindingStates;

namespace {

const QString kAdministrator = QStringLiteral("Administrator");
const QString kAnonymous = QStringLiteral("Anonymous");

DeviceFinding finding(const char* id, QStringList requirements) {
    DeviceFinding result;
    result.id = QLatin1String(id);
    result.requirements = std::move(requirements);
    return result;
}

// A part the device did not report: not applicable, with the device's own answer.
DeviceFinding unreported(DeviceFinding result, const DeviceSecurityInfo& info, const QString& part,
                         const QString& what) {
    result.state = QLatin1String(States::kNotApplicable);
    const QString answer = info.unavailable.value(part);
    result.evidence = QStringLiteral("The device does not report %1%2").arg(what, answer.isEmpty() ? QStringLiteral(".")
                                                                                                   : QStringLiteral(": ") + answer);
    return result;
}

QString usersText(const QList<DeviceUser>& users) {
    QStringList names;
    for (const DeviceUser& user : users) {
        names.append(QStringLiteral("%1 (%2)").arg(user.name, user.level.isEmpty() ? QStringLiteral("no level") : user.level));
    }
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString seconds(qint64 ms) {
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1);
}

}  // namespace

QJsonObject DeviceFinding::toJson() const {
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("requirements"), QJsonArray::fromStringList(requirements)},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("evidence"), evidence},
                     {QStringLiteral("fix"), fix.isEmpty() ? QJsonValue() : QJsonValue(fix)}};
    if (!fixInput.isEmpty()) {
        json.insert(QStringLiteral("fixInput"), fixInput);
    }
    return json;
}

QList<DeviceFinding> DeviceFindings::all(const DeviceSecurityInfo& info, const DeviceFindingContext& context) {
    return {password(info, context), users(info, context), anonymous(info), time(info),
            firmware(info),          discovery(info),      http(info, context), dot1x(info),
            edgeStorage(info)};
}

DeviceFinding DeviceFindings::password(const DeviceSecurityInfo&, const DeviceFindingContext& context) {
    DeviceFinding result = finding("device_password", {QStringLiteral("SEC-1.2"), QStringLiteral("SEC-4.1")});
    if (context.userName.isEmpty()) {
        result.state = QLatin1String(States::kFail);
        result.evidence = QStringLiteral("Vigil reaches this device without any account: anyone on its network can too.");
        return result;
    }
    const auto check = PasswordPolicy::check(context.password, context.userName);
    result.state = QLatin1String(check.acceptable ? States::kPass : States::kFail);
    if (check.acceptable) {
        result.evidence = QStringLiteral("The password of the account \"%1\" meets the password policy (strength %2).")
                              .arg(context.userName, PasswordPolicy::strengthName(check.strength));
        return result;
    }
    QStringList broken;
    for (const auto& violation : check.violations) {
        broken.append(violation.message);
    }
    result.evidence = QStringLiteral("The password of the account \"%1\" breaks the password policy: %2")
                          .arg(context.userName, broken.join(QLatin1Char(' ')));
    result.fix = QStringLiteral("set_password");
    result.fixInput = QJsonObject{{QStringLiteral("user"), context.userName}};
    return result;
}

DeviceFinding DeviceFindings::users(const DeviceSecurityInfo& info, const DeviceFindingContext& context) {
    DeviceFinding result = finding("device_users", {QStringLiteral("SEC-1.2"), QStringLiteral("SEC-2.2")});
    if (!info.users) {
        return unreported(result, info, QStringLiteral("users"), QStringLiteral("its users"));
    }
    QStringList extraAdmins;
    for (const DeviceUser& user : *info.users) {
        if (user.level == kAdministrator && user.name != context.userName) {
            extraAdmins.append(user.name);
        }
    }
    const QString listed = QStringLiteral("Users: %1.").arg(usersText(*info.users));
    if (extraAdmins.isEmpty()) {
        result.state = QLatin1String(States::kPass);
        result.evidence = QStringLiteral("%1 No administrator besides the account Vigil uses.").arg(listed);
        return result;
    }
    result.state = QLatin1String(States::kFail);
    result.evidence = QStringLiteral("%1 More administrators than the account Vigil uses (\"%2\"): %3. Each is another "
                                     "password that opens the whole device; remove the ones nobody needs.")
                          .arg(listed, context.userName, extraAdmins.join(QStringLiteral(", ")));
    result.fix = QStringLiteral("delete_user");
    result.fixInput = QJsonObject{{QStringLiteral("user"), extraAdmins.first()}};
    return result;
}

DeviceFinding DeviceFindings::anonymous(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_anonymous", {QStringLiteral("SEC-1.10"), QStringLiteral("SEC-1.6")});
    QStringList anonymousUsers;
    for (const DeviceUser& user : info.users.value_or(QList<DeviceUser>())) {
        if (user.level == kAnonymous) {
            anonymousUsers.append(user.name);
        }
    }
    QStringList seen;
    if (info.anonymousAccess) {
        seen.append(QStringLiteral("the device answered a protected request sent without any credentials"));
    }
    if (!anonymousUsers.isEmpty()) {
        seen.append(QStringLiteral("it has anonymous users: %1").arg(anonymousUsers.join(QStringLiteral(", "))));
    }
    if (seen.isEmpty()) {
        result.state = QLatin1String(States::kPass);
        result.evidence = QStringLiteral("A request without credentials was refused and no user is anonymous.");
        return result;
    }
    result.state = QLatin1String(States::kFail);
    result.evidence = QStringLiteral("Anonymous access: %1.").arg(seen.join(QStringLiteral("; ")));
    if (!anonymousUsers.isEmpty()) {
        result.fix = QStringLiteral("delete_user");
        result.fixInput = QJsonObject{{QStringLiteral("user"), anonymousUsers.first()}};
    }
    return result;
}

DeviceFinding DeviceFindings::time(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_time", {QStringLiteral("SEC-1.5")});
    if (!info.time || !info.clockOffsetMs) {
        return unreported(result, info, QStringLiteral("time"), QStringLiteral("its clock"));
    }
    const qint64 offset = *info.clockOffsetMs;
    const QString source = info.time->ntp ? QStringLiteral("NTP (%1)").arg(info.time->ntpServers.isEmpty()
                                                                                ? QStringLiteral("no server named")
                                                                                : info.time->ntpServers.join(QStringLiteral(", ")))
                                          : QStringLiteral("set by hand");
    const QString clock = offset >= 0 ? QStringLiteral("%1 s ahead of").arg(seconds(offset))
                                      : QStringLiteral("%1 s behind").arg(seconds(-offset));
    result.evidence = QStringLiteral("Time source: %1; the device clock is %2 the platform's.").arg(source, clock);
    const bool inTime = qAbs(offset) <= kMaxClockOffsetMs;
    result.state = QLatin1String(info.time->ntp && inTime ? States::kPass : States::kFail);
    if (result.state == QLatin1String(States::kFail)) {
        result.evidence += inTime ? QStringLiteral(" Without NTP it will drift.")
                                  : QStringLiteral(" More than %1 s off: recordings and logs will not line up.")
                                        .arg(seconds(kMaxClockOffsetMs));
        result.fix = QStringLiteral("set_ntp");
    }
    return result;
}

DeviceFinding DeviceFindings::firmware(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_firmware", {QStringLiteral("SEC-1.4")});
    // Outdated or not is judged against the signed update manifest (issue 8, backup's part); until
    // one is imported there is nothing to compare with, so the version is shown, not judged.
    result.state = QLatin1String(States::kNotApplicable);
    result.evidence = info.firmware.isEmpty()
                          ? QStringLiteral("The device does not report its firmware version.")
                          : QStringLiteral("%1 %2, firmware %3; no update manifest to compare it with yet.")
                                .arg(info.manufacturer, info.model, info.firmware);
    return result;
}

DeviceFinding DeviceFindings::discovery(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_discovery", {QStringLiteral("SEC-1.6")});
    if (!info.discoverable) {
        return unreported(result, info, QStringLiteral("discovery"), QStringLiteral("its discovery mode"));
    }
    if (!*info.discoverable) {
        result.state = QLatin1String(States::kPass);
        result.evidence = QStringLiteral("WS-Discovery mode: not discoverable.");
        return result;
    }
    result.state = QLatin1String(States::kFail);
    result.evidence = QStringLiteral("WS-Discovery mode: discoverable; the device announces itself to anyone on its "
                                     "network. Vigil already knows its address.");
    result.fix = QStringLiteral("discovery_off");
    return result;
}

DeviceFinding DeviceFindings::http(const DeviceSecurityInfo& info, const DeviceFindingContext& context) {
    DeviceFinding result =
        finding("device_http", {QStringLiteral("SEC-1.6"), QStringLiteral("SEC-1.10"), QStringLiteral("SEC-2.3")});
    if (!info.protocols) {
        return unreported(result, info, QStringLiteral("protocols"), QStringLiteral("its network protocols"));
    }
    QStringList listed;
    std::optional<DeviceProtocol> http;
    for (const DeviceProtocol& protocol : *info.protocols) {
        QStringList ports;
        for (int port : protocol.ports) {
            ports.append(QString::number(port));
        }
        listed.append(QStringLiteral("%1 %2%3").arg(protocol.name, protocol.enabled ? QStringLiteral("on") : QStringLiteral("off"),
                                                    ports.isEmpty() ? QString() : QStringLiteral(" (port %1)").arg(ports.join(QStringLiteral(", ")))));
        if (protocol.name.compare(QStringLiteral("HTTP"), Qt::CaseInsensitive) == 0) {
            http = protocol;
        }
    }
    result.evidence = QStringLiteral("Protocols: %1.").arg(listed.join(QStringLiteral(", ")));
    if (!http || !http->enabled) {
        result.state = QLatin1String(States::kPass);
        return result;
    }
    result.state = QLatin1String(States::kFail);
    result.evidence += QStringLiteral(" Plain HTTP sends passwords and settings unencrypted.");
    // Vigil itself talking to the device over that HTTP port: switching it off would cut Vigil off.
    const bool vigilUsesIt = context.address.scheme() == QStringLiteral("http") &&
                             http->ports.contains(context.address.port(80));
    if (vigilUsesIt) {
        result.evidence += QStringLiteral(" Vigil reaches the device on that port, so it cannot be switched off from here: "
                                          "turn HTTPS on at the device and give Vigil its https:// address first.");
    } else {
        result.fix = QStringLiteral("http_off");
    }
    return result;
}

DeviceFinding DeviceFindings::dot1x(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_dot1x", {QStringLiteral("SEC-3.2")});
    if (!info.dot1xConfigurations) {
        return unreported(result, info, QStringLiteral("dot1x"), QStringLiteral("802.1X"));
    }
    if (*info.dot1xConfigurations > 0) {
        result.state = QLatin1String(States::kPass);
        result.evidence = QStringLiteral("802.1X: %1 configuration(s) on the device.").arg(*info.dot1xConfigurations);
        return result;
    }
    // Setting it up needs the site's RADIUS server and certificates: done at the device, not fixed here.
    result.state = QLatin1String(States::kFail);
    result.evidence = QStringLiteral("802.1X is supported but not configured: the device joins the network without "
                                     "authenticating. Configure it with the site's RADIUS server at the device.");
    return result;
}

// Network resume (SEC-2.8) asks that a gap be filled from the camera's own recordings where it has
// them, and otherwise be recorded as a gap with an event (the recorder and EventSources do that).
// Vigil does not read a camera's recordings yet (no Profile G replay), so a camera that keeps them
// fails: its gaps could be filled and are not.
DeviceFinding DeviceFindings::edgeStorage(const DeviceSecurityInfo& info) {
    DeviceFinding result = finding("device_edge_storage", {QStringLiteral("SEC-2.8")});
    if (!info.edgeStorage) {
        return unreported(result, info, QStringLiteral("storage"), QStringLiteral("its services"));
    }
    if (info.edgeStorage->isEmpty()) {
        result.state = QLatin1String(States::kPass);
        result.evidence = QStringLiteral("The device lists no recording or search service (ONVIF Profile G), so it "
                                         "keeps no recordings of its own: a gap while it is away is recorded as a gap "
                                         "with a recording_gap event.");
        return result;
    }
    result.state = QLatin1String(States::kFail);
    result.evidence = QStringLiteral("The device keeps recordings of its own (ONVIF Profile G service at %1), but "
                                     "Vigil does not fill gaps from them yet: a gap while it is away stays a gap, "
                                     "recorded with a recording_gap event.")
                          .arg(*info.edgeStorage);
    return result;
}

}  // namespace vigil::server
