#include "system/system_audit_checks.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <memory>

#include "audit/audit_registry.h"
#include "audit/audit_service.h"
#include "devices/devices_service.h"
#include "devices/media_encryption.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "system/network_log.h"
#include "system/time_service.h"
#include "tls/certificate_manager.h"

namespace vigil::server {

using core::model::AuditFinding;
using core::model::AuditStates;

namespace {

constexpr int kAnswerMarginMs = 5000;       // beyond the time service's own per-server timeouts
constexpr int kNetworkLogWaitMs = 15000;    // a reconnect (5 s) and a TLS handshake fit well within it
constexpr int kNetworkLogPollMs = 100;

AuditFinding platform(const char* state, const QString& evidence) {
    return AuditFinding{QStringLiteral("platform"), {}, QLatin1String(state), evidence};
}

// Answers once: the first of the callbacks that race (an answer, an error, the time bound) wins and
// the rest are dropped; `context` (owning the connections and timers) goes with the answer.
CheckDone once(QObject* context, CheckDone done) {
    auto answered = std::make_shared<bool>(false);
    return [context, answered, done](QList<AuditFinding> findings) {
        if (*answered) {
            return;
        }
        *answered = true;
        context->deleteLater();
        done(std::move(findings));
    };
}

QString utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// SEC-1.5: a fresh check against the configured servers, so a server that stopped answering since
// the last scheduled check fails now.
void lookTime(Engine* engine, CheckDone done) {
    TimeService* time = engine->time();
    if (!time || time->state() != ServiceState::Running) {
        done({platform(AuditStates::kFail, QStringLiteral("The time service is not running."))});
        return;
    }
    const auto servers = time->servers();
    if (servers.isEmpty()) {
        done({platform(AuditStates::kFail, QStringLiteral("No NTP server is set, so the platform's clock is not checked "
                                                          "(PUT /api/v1/system/time)."))});
        return;
    }
    auto* context = new QObject(time);
    CheckDone finish = once(context, std::move(done));
    QObject::connect(time, &TimeService::statusChanged, context, [finish](const core::model::TimeStatus& status) {
        if (!status.synchronised) {
            finish({platform(AuditStates::kFail, status.problem.isEmpty() ? QStringLiteral("Not synchronised.") : status.problem)});
            return;
        }
        finish({platform(AuditStates::kPass,
                         QStringLiteral("%1 answered now: offset %2 ms (limit %3 ms), delay %4 ms, stratum %5.")
                             .arg(status.server)
                             .arg(qRound64(status.offsetMs.value_or(0)))
                             .arg(status.settings.maxOffsetMs)
                             .arg(qRound64(status.delayMs.value_or(0)))
                             .arg(status.stratum.value_or(0)))});
    });
    const int boundMs = int(servers.size()) * TimeService::kQueryTimeoutMs + kAnswerMarginMs;
    QTimer::singleShot(boundMs, context, [finish, boundMs] {
        finish({platform(AuditStates::kFail, QStringLiteral("The time check did not finish in %1 s.").arg(boundMs / 1000))});
    });
    time->checkNow();
}

// SEC-2.1: the listening services on ports of their own (today the access gateway).
QList<AuditFinding> lookPorts(Engine& engine) {
    HttpsService* https = engine.https();
    if (!https || https->port() == 0) {
        return {platform(AuditStates::kFail, QStringLiteral("The access gateway is not listening."))};
    }
    const quint16 port = https->port();
    if (port == Engine::kDefaultHttpsPort) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("The access gateway (HTTPS: API, events, media) listens on its default port %1; "
                                        "choose another in 1025-65535 (PUT /api/v1/system/ports).")
                             .arg(port))};
    }
    return {platform(port >= 1025 ? AuditStates::kPass : AuditStates::kFail,
                     QStringLiteral("The access gateway (HTTPS: API, events, media) listens on port %1 (default %2).")
                         .arg(port)
                         .arg(Engine::kDefaultHttpsPort))};
}

// SEC-2.3: the certificate served is valid, not about to expire, and names this platform.
QList<AuditFinding> lookCertificate(Engine& engine) {
    CertificateManager* certificates = engine.certificates();
    if (!certificates) {
        return {platform(AuditStates::kFail, QStringLiteral("No server certificate is loaded."))};
    }
    const core::model::CertificateStatus status = certificates->status();
    const core::model::CertificateInfo& server = status.server;
    QStringList covered;
    for (const QString& name : certificates->platformNames()) {
        if (server.names.contains(name, Qt::CaseInsensitive)) {
            covered << name;
        }
    }
    for (const QHostAddress& address : certificates->platformAddresses()) {
        if (server.addresses.contains(address.toString())) {
            covered << address.toString();
        }
    }
    const QString what = QStringLiteral("The %1 certificate \"%2\" from %3 (SHA-256 %4) is valid until %5")
                             .arg(status.source, server.commonName, server.issuer, server.fingerprint.left(23) + QStringLiteral("..."),
                                  utc(server.notAfterMs));
    if (server.daysLeft < 0) {
        return {platform(AuditStates::kFail, what + QStringLiteral(": it has expired."))};
    }
    if (status.expiring) {
        return {platform(AuditStates::kFail, what + QStringLiteral(": %1 days left, within the %2-day warning.")
                                                        .arg(server.daysLeft)
                                                        .arg(status.expiryWarningDays))};
    }
    if (covered.isEmpty()) {
        return {platform(AuditStates::kFail, what + QStringLiteral(", but it names none of this platform's names or "
                                                                   "addresses: clients cannot tell it is this server."))};
    }
    return {platform(AuditStates::kPass, what + QStringLiteral(" (%1 days left) and names %2.")
                                                    .arg(server.daysLeft)
                                                    .arg(covered.join(QStringLiteral(", "))))};
}

// The fix for SEC-2.3: a new platform-signed certificate (same subject) when the one in use expires
// soon. An imported certificate comes from another CA: only its owner can renew it.
AuditFix renewCertificate(Engine* engine, AuditService* audit) {
    return AuditFix{
        QStringLiteral("certificate-renew"), QStringLiteral("sec-2.3-certificate"),
        QStringLiteral("Make a new platform-signed server certificate when the one in use expires soon"),
        [engine, audit](const Actor& actor, FixDone done) {
            CertificateManager* certificates = engine->certificates();
            const core::model::CertificateStatus status = certificates->status();
            if (!status.expiring && status.server.daysLeft >= 0) {
                done(QStringList{});
                return;
            }
            if (status.source != QLatin1String(core::model::CertificateStatus::kSourcePlatform)) {
                done(core::Error::make(QStringLiteral("certificate_imported"),
                                       QStringLiteral("The certificate in use was imported from another CA: import a "
                                                      "renewed one (POST /api/v1/system/certificates/import).")));
                return;
            }
            core::model::ServerCertificateRequest request;
            request.commonName = status.server.commonName;
            request.organization = status.server.organization;
            request.organizationalUnit = status.server.organizationalUnit;
            request.country = status.server.country;
            request.state = status.server.state;
            request.locality = status.server.locality;
            request.names = status.server.names;
            request.addresses = status.server.addresses;
            auto made = certificates->createServerCertificate(request);
            if (!made) {
                done(made.error());
                return;
            }
            audit->record(actor, QStringLiteral("system.certificates"),
                          QStringLiteral("new server certificate %1").arg(made->server.fingerprint));
            done(QStringList{QStringLiteral("server certificate: %1 days left -> %2 days left")
                                 .arg(status.server.daysLeft)
                                 .arg(made->server.daysLeft)});
        }};
}

// SEC-2.4: per camera, the legs that are not encrypted (the client leg always is).
QList<AuditFinding> lookMediaEncryption(Engine& engine) {
    if (!engine.devices()) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The devices service is not running."))};
    }
    auto devices = engine.devices()->devices();
    if (!devices) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The cameras could not be read: %1").arg(devices.error().message))};
    }
    if (devices->isEmpty()) {
        return {platform(AuditStates::kNotApplicable,
                         QStringLiteral("No cameras yet; video to clients always goes over HTTPS/WSS."))};
    }
    QList<AuditFinding> findings;
    for (const core::model::Device& device : devices.value()) {
        const DeviceEncryption encryption = MediaEncryption::of(device);
        QStringList plain;
        for (const EncryptionLeg& leg : encryption.legs) {
            if (leg.state != QLatin1String("encrypted")) {
                plain << QStringLiteral("%1 (%2)").arg(leg.leg, leg.protocol.isEmpty() ? QStringLiteral("unknown") : leg.protocol);
            }
        }
        findings.append(AuditFinding{device.id, device.name,
                                     QLatin1String(encryption.cameraEncrypted ? AuditStates::kPass : AuditStates::kFail),
                                     plain.isEmpty() ? QStringLiteral("Every leg encrypted (control, streams, client).")
                                                     : QStringLiteral("Not encrypted: %1; use HTTPS and RTSPS where the "
                                                                      "camera offers them.")
                                                           .arg(plain.join(QStringLiteral(", ")))});
    }
    return findings;
}

// SEC-3.1: a test message through the network log; passes only when it went out over a TLS
// connection whose server certificate verified, i.e. a syslog server over TLS answered now.
void lookNetworkLog(Engine* engine, CheckDone done) {
    auto* log = engine->findChild<NetworkLog*>(QString(), Qt::FindDirectChildrenOnly);
    if (!log) {
        done({platform(AuditStates::kFail, QStringLiteral("This server has no network log service."))});
        return;
    }
    const NetworkLogSettings settings = log->settings();
    const QString where = QStringLiteral("%1:%2").arg(settings.host, QString::number(settings.port));
    const QJsonObject before = log->status();
    if (!log->sendTest(QStringLiteral("the security audit"))) {
        done({platform(AuditStates::kFail,
                       QStringLiteral("Logs are not forwarded to a syslog server: the network log is %1 (PUT "
                                      "/api/v1/system/network-log).")
                           .arg(settings.enabled ? QStringLiteral("on but not running") : QStringLiteral("off")))});
        return;
    }
    auto* context = new QObject(log);
    CheckDone finish = once(context, std::move(done));
    const qint64 sentBefore = before.value(QStringLiteral("sent")).toInteger();
    const qint64 errorBefore = before.value(QStringLiteral("lastErrorMs")).toInteger();
    auto* poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [log, finish, sentBefore, errorBefore, where, settings] {
        const QJsonObject now = log->status();
        if (now.value(QStringLiteral("sent")).toInteger() > sentBefore) {
            const QString what = settings.security && settings.events ? QStringLiteral("the security log and events")
                                 : settings.security                  ? QStringLiteral("the security log")
                                 : settings.events                    ? QStringLiteral("events")
                                                                      : QStringLiteral("nothing");
            finish({platform(AuditStates::kPass, QStringLiteral("A test message went to %1 over TLS (the server's "
                                                                "certificate verified); forwarding %2.")
                                                     .arg(where, what))});
        } else if (now.value(QStringLiteral("lastErrorMs")).toInteger() > errorBefore) {
            finish({platform(AuditStates::kFail, QStringLiteral("The syslog server %1 did not take a test message over TLS: %2")
                                                     .arg(where, now.value(QStringLiteral("lastError")).toString()))});
        }
    });
    poll->start(kNetworkLogPollMs);
    QTimer::singleShot(kNetworkLogWaitMs, context, [finish, where, log] {
        const QString error = log->status().value(QStringLiteral("lastError")).toString();
        finish({platform(AuditStates::kFail,
                         QStringLiteral("No TLS connection to the syslog server %1 in %2 s%3")
                             .arg(where, QString::number(kNetworkLogWaitMs / 1000),
                                  error.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + error))});
    });
}

}  // namespace

void registerSystemAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    Engine* e = &engine;
    registry.addCheck({QStringLiteral("sec-1.5-platform-time"),
                       [e](const core::Cancellation&, CheckDone done) { lookTime(e, std::move(done)); }});
    registry.addCheck({QStringLiteral("sec-2.1-service-ports"),
                       [e](const core::Cancellation&, CheckDone done) { done(lookPorts(*e)); }});
    registry.addCheck({QStringLiteral("sec-2.3-certificate"),
                       [e](const core::Cancellation&, CheckDone done) { done(lookCertificate(*e)); }});
    registry.addFix(renewCertificate(e, &audit));
    registry.addCheck({QStringLiteral("sec-2.4-media-encryption"),
                       [e](const core::Cancellation&, CheckDone done) { done(lookMediaEncryption(*e)); }});
    registry.addCheck({QStringLiteral("sec-3.1-network-log"),
                       [e](const core::Cancellation&, CheckDone done) { lookNetworkLog(e, std::move(done)); }});
}

}  // namespace vigil::server
