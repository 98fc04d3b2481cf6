#include "audit/network_functions.h"

#include "accounts/accounts_service.h"
#include "accounts/smtp_settings_document.h"
#include "audit/audit_registry.h"
#include "audit/audit_service.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "engine/settings_repository.h"
#include "system/network_log.h"

namespace vigil::server {

using core::Error;
using core::Status;
using core::model::NetworkFunction;

namespace {

constexpr auto kCameraDiscoveryKey = "devices.multicast_discovery";  // "on" | "off"; absent: on

NetworkFunction row(const char* id, const char* title, const char* description, bool provided, bool secureDefault,
                    const char* note) {
    NetworkFunction function;
    function.id = QLatin1String(id);
    function.title = QString::fromUtf8(title);
    function.description = QString::fromUtf8(description);
    function.provided = provided;
    function.secureDefault = secureDefault;
    function.note = QString::fromUtf8(note);
    return function;
}

// A function this platform does not have: listed so the table covers what hardening guides ask about.
NetworkFunctionSwitch absent(const char* id, const char* title, const char* description, const char* note) {
    return NetworkFunctionSwitch{row(id, title, description, false, false, note), {}, {}};
}

bool cameraDiscoveryOn(Engine& engine) {
    auto value = engine.settings().value(QLatin1String(kCameraDiscoveryKey));
    return !(value && value.value() && *value.value() == QLatin1String("off"));
}

}  // namespace

void registerNetworkFunctions(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    Q_UNUSED(audit);
    Engine* e = &engine;
    registry.addFunction({row("https_gateway", "HTTPS API and video",
                              "The one listening port: sign-in, the API, live and recorded video, WebSocket pushes.",
                              true, true, "Always on: every client needs it. Its port is set with the service settings."),
                          [] { return true; },
                          {}});
    registry.addFunction(absent("plain_http_redirect", "Plain HTTP redirect",
                                "A plain HTTP port that sends browsers on to HTTPS.",
                                "Not in this platform: no plain HTTP port is ever opened."));
    registry.addFunction(absent("discovery_responder", "Discovery responder (WS-Discovery, mDNS, UPnP)",
                                "Answering network searches so clients find the server by themselves.",
                                "Not in this platform: clients are given the server's address."));
    registry.addFunction(
        {row("camera_discovery", "Camera search by multicast",
             "WS-Discovery probes sent to the local network when an administrator searches for cameras; "
             "nothing listens between searches.",
             true, true, "Off: only searches of one address (unicast) are allowed."),
         [e] { return cameraDiscoveryOn(*e); },
         [e](const Actor& actor, bool enabled) -> Status {
             Q_UNUSED(actor);
             return e->settings().setValue(QLatin1String(kCameraDiscoveryKey),
                                           enabled ? QStringLiteral("on") : QStringLiteral("off"));
         }});
    registry.addFunction(absent("multicast_video", "Multicast video",
                                "Sending video to a multicast group for any listener on the network.",
                                "Not in this platform: video goes to signed-in clients over HTTPS only."));
    registry.addFunction(absent("rtsp_restream", "RTSP re-stream",
                                "Offering camera streams again over plain RTSP.",
                                "Not in this platform: clients get video over HTTPS."));
    registry.addFunction(absent("anonymous_access", "Anonymous access",
                                "Viewing video or settings without signing in.",
                                "Not in this platform: everything but setup, sign-in, password reset and the CA "
                                "certificate needs a session."));
    registry.addFunction(
        {row("password_reset_email", "Password reset by e-mail",
             "A code sent to the reserved e-mail address lets someone set a new password without the old one.",
             true, false, "Also in the security settings (reset.enabled)."),
         [e] { return e->accounts()->securitySettings().reset.enabled; },
         [e](const Actor& actor, bool enabled) -> Status {
             core::model::SecuritySettings settings = e->accounts()->securitySettings();
             settings.reset.enabled = enabled;
             return e->accounts()->setSecuritySettings(actor, settings);
         }});
    registry.addFunction(
        {row("smtp", "Outgoing e-mail (SMTP)",
             "Connections to a mail server for password reset codes and alarm e-mails.", true, false,
             "Configured in the mail settings (PUT /api/v1/settings/smtp); switching it off clears them, switching "
             "it on needs them set first."),
         [e] { return SmtpSettingsDocument::isConfigured(e->accounts()->smtpSettings()); },
         [e](const Actor& actor, bool enabled) -> Status {
             if (enabled) {
                 if (!SmtpSettingsDocument::isConfigured(e->accounts()->smtpSettings())) {
                     return Error::make(QStringLiteral("smtp_not_configured"),
                                        QStringLiteral("Set the mail server first (PUT /api/v1/settings/smtp), then "
                                                       "declare e-mail needed here."));
                 }
                 return {};
             }
             return e->accounts()->setSmtpSettings(actor, core::net::SmtpSettings{});
         }});
    registry.addFunction({row("syslog_forwarding", "Log forwarding (syslog over TLS)",
                              "Sending the security log and events to a remote syslog server.", true, true,
                              "Recommended on (SEC-3.1, level 3); configured with PUT /api/v1/system/network-log."),
                          [e] {
                              const auto* log = e->findChild<NetworkLog*>(QString(), Qt::FindDirectChildrenOnly);
                              return log && log->state() == ServiceState::Running && log->settings().enabled;
                          },
                          {}});
    registry.addFunction(absent("snmp", "SNMP agent", "Answering network management queries.",
                                "Not in this platform."));
    registry.addFunction(absent("ssh", "SSH / remote shell", "A remote command line on the server.",
                                "Not in this platform (the host's own SSH is the host's business)."));
    registry.addFunction(absent("ftp", "FTP / SFTP upload", "Copying recordings or pictures to a file server.",
                                "Not in this platform."));
    registry.addFunction(absent("p2p_cloud", "P2P / cloud relay",
                                "Reaching the server through a vendor's relay from the internet.",
                                "Not in this platform."));
    if (e->devices()) {
        // The devices service asks before each multicast search.
        e->devices()->setMulticastDiscoveryAllowed([e] { return cameraDiscoveryOn(*e); });
    }
}

}  // namespace vigil::server
