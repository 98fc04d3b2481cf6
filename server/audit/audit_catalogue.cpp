#include "audit/audit_catalogue.h"

namespace vigil::server {

using core::model::AuditItem;

namespace {

AuditItem item(const char* id, const char* requirement, int level, const char* scope, const char* kind,
               const char* owner, const char* title, const char* why) {
    AuditItem item;
    item.id = QLatin1String(id);
    item.requirement = QLatin1String(requirement);
    item.level = level;
    item.scope = QLatin1String(scope);
    item.kind = QLatin1String(kind);
    item.owner = QLatin1String(owner);
    item.title = QString::fromUtf8(title);
    item.why = QString::fromUtf8(why);
    return item;
}

constexpr auto P = AuditItem::kPlatform;
constexpr auto D = AuditItem::kDevice;
constexpr auto C = AuditItem::kCheck;
constexpr auto A = AuditItem::kAttestation;

}  // namespace

// Our own words throughout; the requirement ids lead back to REQUIREMENTS.md.
const QList<AuditItem>& auditCatalogue() {
    static const QList<AuditItem> kItems = {
        // Level 1
        item("sec-1.1-restore-defaults", "SEC-1.1", 1, P, C, "backup", "Restore factory defaults is protected",
             "A platform handed to someone else should be wiped back to its first state; only an "
             "administrator may do it, after confirming, and it must leave a trace in the security log."),
        item("sec-1.2-password-policy", "SEC-1.2", 1, P, C, "audit", "Strong passwords are required",
             "Short or predictable passwords are guessed in minutes by automated tools; the platform must "
             "refuse them for every account."),
        item("sec-1.2-password-expiry", "SEC-1.2", 1, P, C, "audit", "Passwords are changed periodically",
             "A password that leaked, or that a former colleague still knows, stops working at the next "
             "change."),
        item("sec-1.2-admin-account", "SEC-1.2", 1, P, C, "audit", "No administrator uses a guessable name",
             "Attackers try 'admin' and 'root' first; a personal administrator name halves what they know."),
        item("sec-1.2-device-passwords", "SEC-1.2", 1, D, C, "devices", "Cameras have strong, non-default passwords",
             "Factory passwords of cameras are published on the internet; a camera with one is open to anyone "
             "on its network."),
        item("sec-1.3-reset-info", "SEC-1.3", 1, P, C, "audit", "Password reset information is set",
             "Without a reserved e-mail and security questions, a lost administrator password means "
             "reinstalling; with weak ones, a stranger can take the account."),
        item("sec-1.4-platform-version", "SEC-1.4", 1, P, C, "updates", "The platform and client are up to date",
             "Each update closes holes that are public knowledge once it is released."),
        item("sec-1.4-device-firmware", "SEC-1.4", 1, D, C, "devices", "Camera firmware is up to date",
             "Outdated camera firmware is the most common way into a video network."),
        item("sec-1.5-platform-time", "SEC-1.5", 1, P, C, "time", "The platform's clock is synchronised",
             "Recordings and logs are evidence only when their times are right."),
        item("sec-1.5-device-time", "SEC-1.5", 1, D, C, "devices", "Cameras take their time from a time server",
             "A camera with a drifting clock stamps wrong times on its pictures and its own logs."),
        item("sec-1.6-platform-functions", "SEC-1.6", 1, P, C, "audit", "Unneeded network functions are off",
             "Every function that answers on the network is a door; the fewer doors, the fewer ways in."),
        item("sec-1.6-device-functions", "SEC-1.6", 1, D, C, "devices", "Cameras run only the services they need",
             "Discovery answers, plain HTTP and unused protocols on a camera widen what an attacker can reach."),
        item("sec-1.7-lockout", "SEC-1.7", 1, P, C, "audit", "Repeated failed logins lock the account",
             "Locking an account and the address it is attacked from turns password guessing from hours into "
             "years."),
        item("sec-1.8-security-log", "SEC-1.8", 1, P, C, "audit", "The security log is kept",
             "Without a record of logins, failures and changes nobody can tell whether, when or how the "
             "platform was misused."),
        item("sec-1.9-session-timeouts", "SEC-1.9", 1, P, C, "audit", "Idle sessions end",
             "A workstation left signed in is an open door; sessions must end when idle and after a "
             "working day."),
        item("sec-1.10-anonymous-access", "SEC-1.10", 1, P, C, "audit", "Nobody gets in without signing in",
             "Anonymous access shows video and settings to whoever finds the address."),
        item("sec-1.10-https-only", "SEC-1.10", 1, P, C, "audit", "Only HTTPS with TLS 1.2 or later",
             "Plain HTTP and old TLS versions let anyone on the path read passwords and video."),
        item("sec-1.10-database-encryption", "SEC-1.10", 1, P, C, "audit", "The database is encrypted",
             "A copied disk or backup must not hand out camera passwords, users or settings."),
        item("sec-4.1-stored-passwords", "SEC-4.1", 1, P, C, "audit", "Passwords the platform stores are strong",
             "The platform keeps passwords for other systems (the mail server); a weak one there is as "
             "dangerous as a weak login."),
        item("sec-4.2-smtp-tls", "SEC-4.2", 1, P, C, "audit", "Mail goes out over TLS",
             "Alarm and reset e-mails carry names, addresses and codes; over plain SMTP anyone on the path "
             "reads them."),
        item("sec-4.2-device-wifi", "SEC-4.2", 1, D, A, "devices", "Camera Wi-Fi hotspots use WPA2",
             "A camera's own hotspot with weak encryption puts the camera on anyone's network."),
        item("sec-4.3-incident-response", "SEC-4.3", 1, P, C, "audit", "A security report can be produced",
             "When something goes wrong, the state of every item, with evidence and dates, is what "
             "responders and auditors ask for first."),
        // Level 2
        item("sec-2.1-service-ports", "SEC-2.1", 2, P, C, "ports", "Services use non-default ports",
             "Mass scans look for well-known ports first; a port of your own keeps the platform out of most of "
             "them."),
        item("sec-2.2-least-privilege", "SEC-2.2", 2, P, C, "audit", "Accounts hold only the rights they need",
             "An operator who can change users or settings can be tricked into doing it; few administrators "
             "means few accounts worth stealing."),
        item("sec-2.3-certificate", "SEC-2.3", 2, P, C, "certificates", "The server certificate is valid and trusted",
             "Clients can only tell the real server from an impostor when its certificate names it and has "
             "not expired."),
        item("sec-2.4-media-encryption", "SEC-2.4", 2, D, C, "media", "Video is encrypted on every leg",
             "Video shows people and places; each unencrypted leg between camera, server and client can be "
             "watched by others on that network."),
        item("sec-2.5-address-filter", "SEC-2.5", 2, P, C, "audit", "Only known addresses may connect",
             "An allow list keeps the login page out of reach of every machine that has no business there."),
        item("sec-2.6-concurrent-logins", "SEC-2.6", 2, P, C, "audit", "Concurrent logins are limited",
             "Limits per user and for the whole platform stop a stolen password from being used alongside "
             "its owner unnoticed, and a flood of sessions from starving the server."),
        item("sec-2.7-config-backup", "SEC-2.7", 2, P, C, "backup", "The configuration is backed up",
             "A recent, encrypted backup turns a broken or tampered configuration into a short restore."),
        item("sec-2.8-network-resume", "SEC-2.8", 2, D, C, "recording", "Recording gaps are filled or reported",
             "When a camera's link drops, the gap must be filled from the camera's own storage or at least "
             "be visible, so nobody trusts a recording that is not there."),
        item("sec-2.9-redundant-storage", "SEC-2.9", 2, P, C, "audit", "Recordings are kept in two places",
             "A single failed disk must not take the only copy of the evidence with it."),
        item("sec-2.10-platform-snmp", "SEC-2.10", 2, P, C, "audit", "SNMP is off or uses v3 with encryption",
             "Old SNMP versions send their community string in clear and let anyone who has it read or "
             "change settings."),
        item("sec-2.10-device-snmp", "SEC-2.10", 2, D, A, "devices", "Camera SNMP is off or uses v3",
             "A camera answering SNMP v1/v2 gives its settings to anyone who guesses 'public'."),
        // Level 3
        item("sec-3.1-network-log", "SEC-3.1", 3, P, C, "audit", "Logs are forwarded to a syslog server over TLS",
             "An intruder who gets in can wipe local logs; a copy on another machine keeps the trail."),
        item("sec-3.2-device-8021x", "SEC-3.2", 3, D, C, "devices", "Cameras authenticate to the network (802.1X)",
             "With 802.1X a laptop plugged into a camera's socket gets no network."),
        item("sec-3.2-host-8021x", "SEC-3.2", 3, P, A, "audit", "The server's own network port uses 802.1X",
             "The server's switch port decides who can stand where the server stands; only its owner can "
             "confirm how it is set."),
        item("sec-3.3-standby", "SEC-3.3", 3, P, C, "audit", "A standby server can take over",
             "If the only server fails, live view and recording stop until someone repairs it."),
        item("sec-3.4-physical", "SEC-3.4", 3, D, A, "audit", "Devices are protected against theft, vandalism and lightning",
             "A camera torn off the wall or burnt by a surge records nothing; mounts, housings and surge "
             "protection are checked on site."),
        item("sec-3.5-network-isolation", "SEC-3.5", 3, P, A, "audit", "Cameras are on their own network",
             "Cameras on the office network can be reached, and can reach, everything else; a separate VLAN "
             "or subnet limits the damage of one compromised device."),
        item("sec-4.4-gateway-binding", "SEC-4.4", 3, P, A, "audit", "The gateway's IP and MAC are bound",
             "Binding the gateway's address to its hardware address stops ARP spoofing, which otherwise lets "
             "a machine on the network sit between cameras and server."),
    };
    return kItems;
}

const AuditItem* auditItem(const QString& id) {
    for (const AuditItem& item : auditCatalogue()) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

}  // namespace vigil::server
