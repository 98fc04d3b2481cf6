#include "devices/device_audit_checks.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QRandomGenerator>
#include <QTimer>
#include <memory>

#include "accounts/accounts_service.h"
#include "audit/audit_registry.h"
#include "backup/backup_service.h"
#include "backup/update_catalogue.h"
#include "devices/device_security.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "model/audit_model.h"
#include "security/password_policy.h"

namespace vigil::server {

using core::model::AuditFinding;
using core::model::AuditStates;

namespace {

// A reading that has not answered by then is reported as unknown: a camera that hangs must not
// hold the whole audit.
constexpr int kReadTimeoutMs = 60 * 1000;
constexpr int kCancelPollMs = 250;
// Letters and digits only: some cameras refuse special characters in passwords, and 24 of these
// are far beyond what anyone guesses.
constexpr int kGeneratedPasswordLength = 24;
constexpr char kPasswordAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

struct DeviceItem {
    const char* itemId;
    QStringList findings;  // device finding ids judged together
};

const QList<DeviceItem>& deviceItems() {
    static const QList<DeviceItem> items = {
        {"sec-1.2-device-passwords", {"device_password", "device_users"}},
        {"sec-1.5-device-time", {"device_time"}},
        {"sec-1.6-device-functions", {"device_discovery", "device_http", "device_anonymous"}},
        {"sec-3.2-device-8021x", {"device_dot1x"}},
        {"sec-2.8-network-resume", {"device_edge_storage"}},
    };
    return items;
}

// What one device's reading gave: its findings, or why there are none.
struct Reading {
    QString name;
    QList<DeviceFinding> findings;
    QString error;  // empty when the reading succeeded
};
using Readings = QHash<QString, Reading>;  // by device id

// Reads every enabled device's posture afresh and answers once all have answered (or timed out).
struct ReadAll {
    Readings readings;
    QSet<QString> waiting;
    std::function<void(Readings)> done;  // keeps the audit job's cancellation alive while we wait
    const core::Cancellation* cancel = nullptr;
    QObject* context = nullptr;  // owns our connections and the timeout
    bool finished = false;

    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        context->deleteLater();  // not delete: we may be inside one of its slots
        done(readings);
    }
};

void readAll(Engine& engine, const core::Cancellation& cancel, std::function<void(Readings)> done) {
    DevicesService* devices = engine.devices();
    auto state = std::make_shared<ReadAll>();
    state->done = std::move(done);
    state->cancel = &cancel;
    if (auto listed = devices->devices()) {
        for (const core::model::Device& device : listed.value()) {
            if (device.enabled) {
                state->readings.insert(device.id, Reading{device.name, {}, QStringLiteral("no answer in time")});
                state->waiting.insert(device.id);
            }
        }
    }
    if (state->waiting.isEmpty()) {
        state->done(state->readings);
        return;
    }
    DeviceSecurity& security = devices->security();
    state->context = new QObject(&security);
    QObject::connect(&security, &DeviceSecurity::postureRead, state->context, [state, &security](const QString& deviceId) {
        if (!state->waiting.remove(deviceId)) {
            return;
        }
        Reading& reading = state->readings[deviceId];
        reading.findings = security.findings(deviceId);
        reading.error.clear();
        if (reading.findings.isEmpty()) {
            const auto posture = security.posture(deviceId, false);
            reading.error = posture ? posture->value(QStringLiteral("message")).toString() : posture.error().message;
            if (reading.error.isEmpty()) {
                reading.error = QStringLiteral("the device gave no security report");
            }
        }
        if (state->waiting.isEmpty() || state->cancel->isCancelled()) {
            state->finish();
        }
    });
    QTimer::singleShot(kReadTimeoutMs, state->context, [state] { state->finish(); });
    // A cancelled audit stops waiting for slow cameras.
    auto* poll = new QTimer(state->context);
    QObject::connect(poll, &QTimer::timeout, state->context, [state] {
        if (state->cancel->isCancelled()) {
            state->finish();
        }
    });
    poll->start(kCancelPollMs);
    for (const QString& deviceId : QSet<QString>(state->waiting)) {
        if (const auto started = security.posture(deviceId, true); !started) {
            state->readings[deviceId].error = started.error().message;
            state->waiting.remove(deviceId);
        }
    }
    if (state->waiting.isEmpty()) {
        state->finish();
    }
}

// One audit finding for a device from the device findings of an item.
AuditFinding judge(const QString& deviceId, const Reading& reading, const QStringList& findingIds) {
    AuditFinding finding;
    finding.subject = deviceId;
    finding.subjectName = reading.name;
    if (!reading.error.isEmpty()) {
        finding.state = QLatin1String(AuditStates::kUnknown);
        finding.evidence = QStringLiteral("Could not read the device's security settings: %1").arg(reading.error);
        return finding;
    }
    QStringList evidence;
    bool failed = false;
    bool passed = false;
    for (const DeviceFinding& one : reading.findings) {
        if (!findingIds.contains(one.id)) {
            continue;
        }
        evidence << one.evidence;
        failed = failed || one.state == QLatin1String(DeviceFindingStates::kFail);
        passed = passed || one.state == QLatin1String(DeviceFindingStates::kPass);
    }
    finding.state = QLatin1String(failed ? AuditStates::kFail : passed ? AuditStates::kPass : AuditStates::kNotApplicable);
    finding.evidence = evidence.join(QStringLiteral(" "));
    return finding;
}

QString generatedPassword(const QString& userName) {
    const int alphabetSize = int(sizeof(kPasswordAlphabet)) - 1;
    for (;;) {
        QString password;
        for (int i = 0; i < kGeneratedPasswordLength; ++i) {
            password.append(QLatin1Char(kPasswordAlphabet[QRandomGenerator::system()->bounded(alphabetSize)]));
        }
        if (core::security::PasswordPolicy::enforce(password, userName)) {
            return password;  // a run of three (abc, 777) is refused by the policy: draw again
        }
    }
}

// The device fixes an item's failing findings ask for, in order.
struct PlannedFix {
    QString deviceId;
    QString deviceName;
    QJsonObject request;  // the body DeviceSecurity::applyFix takes
};

QList<PlannedFix> plan(const Readings& readings, const QStringList& findingIds) {
    QList<PlannedFix> planned;
    for (auto it = readings.cbegin(); it != readings.cend(); ++it) {
        for (const DeviceFinding& one : it->findings) {
            if (!findingIds.contains(one.id) || one.state != QLatin1String(DeviceFindingStates::kFail) ||
                one.fix.isEmpty()) {
                continue;
            }
            QJsonObject request = one.fixInput;
            request.insert(QStringLiteral("fix"), one.fix);
            if (one.fix == QStringLiteral("set_password")) {
                request.insert(QStringLiteral("password"),
                               generatedPassword(request.value(QStringLiteral("user")).toString()));
            }
            planned.append({it.key(), it->name, request});
        }
    }
    return planned;
}

// Applies the planned fixes one after the other (a device takes one fix at a time) and answers what
// changed, or the first refusal.
void applyInTurn(DeviceSecurity& security, const Actor& actor, QList<PlannedFix> planned, QStringList changed,
                 FixDone done) {
    if (planned.isEmpty()) {
        done(changed);
        return;
    }
    const PlannedFix next = planned.takeFirst();
    const QString fixId = next.request.value(QStringLiteral("fix")).toString();
    QObject* context = new QObject(&security);  // owns the one connection below
    QObject::connect(&security, &DeviceSecurity::fixDone, context,
                     [&security, actor, planned, changed, done, next, fixId, context](
                         const QString& deviceId, const QString& fix, bool ok, const QString& message) mutable {
                         if (deviceId != next.deviceId || fix != fixId) {
                             return;
                         }
                         QObject::disconnect(&security, nullptr, context, nullptr);
                         context->deleteLater();
                         if (!ok) {
                             done(core::Error::make(QStringLiteral("device_fix_failed"),
                                                    QStringLiteral("%1 (%2): %3").arg(next.deviceName, fix, message)));
                             return;
                         }
                         changed << QStringLiteral("%1: %2").arg(next.deviceName, message);
                         // Queued: the next fix starts once DeviceSecurity has finished with this one.
                         QTimer::singleShot(0, &security, [&security, actor, planned, changed, done] {
                             applyInTurn(security, actor, planned, changed, done);
                         });
                     });
    const DeviceSecurity::Requester who{actor.userName, actor.address.toString()};
    if (core::Status started = security.applyFix(next.deviceId, next.request, who); !started) {
        QObject::disconnect(&security, nullptr, context, nullptr);
        context->deleteLater();
        done(core::Error::make(started.error().code,
                               QStringLiteral("%1: %2").arg(next.deviceName, started.error().message)));
    }
}

// What a device item answers on a platform without cameras.
AuditFinding noCameras() {
    AuditFinding none;
    none.state = QLatin1String(AuditStates::kNotApplicable);
    none.evidence = QStringLiteral("No camera is enabled on this platform.");
    return none;
}

// Firmware (SEC-1.4): the version each camera reported when it was described, against the signed
// update manifest the platform keeps (server/backup/update_catalogue.h); no camera is asked.
QList<AuditFinding> firmwareFindings(Engine& engine) {
    const UpdateCatalogue* updates = engine.backup() ? engine.backup()->updates() : nullptr;
    if (!updates) {
        AuditFinding none;
        none.state = QLatin1String(AuditStates::kUnknown);
        none.evidence = QStringLiteral("The update catalogue is not running, so firmware cannot be compared.");
        return {none};
    }
    const QJsonObject status = updates->status(QString());
    const bool manifest = status.value(QStringLiteral("manifest")).isObject();
    QList<AuditFinding> findings;
    for (const QJsonValue& value : status.value(QStringLiteral("devices")).toArray()) {
        const QJsonObject device = value.toObject();
        AuditFinding finding;
        finding.subject = device.value(QStringLiteral("deviceId")).toString();
        finding.subjectName = device.value(QStringLiteral("name")).toString();
        const QString installed = device.value(QStringLiteral("installed")).toString();
        const QString latest = device.value(QStringLiteral("latest")).toString();
        const QString state = device.value(QStringLiteral("state")).toString();
        const QString model = QStringLiteral("%1 %2").arg(device.value(QStringLiteral("manufacturer")).toString(),
                                                          device.value(QStringLiteral("model")).toString());
        if (!manifest) {
            finding.state = QLatin1String(AuditStates::kNotApplicable);
            finding.evidence = QStringLiteral("Firmware %1; no signed update manifest is imported to compare it with "
                                              "(see the platform's update item).")
                                   .arg(installed);
        } else if (state == QLatin1String(core::license::VersionCheck::kUpToDate)) {
            finding.state = QLatin1String(AuditStates::kPass);
            finding.evidence = QStringLiteral("Firmware %1 is current: the manifest's latest for %2 is %3.")
                                   .arg(installed, model, latest);
        } else if (state == QLatin1String(core::license::VersionCheck::kUpdateAvailable)) {
            finding.state = QLatin1String(AuditStates::kFail);
            finding.evidence =
                QStringLiteral("Firmware %1; the manifest names %2 for %3, released %4. Update the camera.")
                    .arg(installed, latest, model,
                         QDateTime::fromMSecsSinceEpoch(device.value(QStringLiteral("releasedMs")).toInteger(), Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd")));
        } else {
            finding.state = QLatin1String(AuditStates::kNotApplicable);
            finding.evidence = QStringLiteral("Firmware %1; the manifest names no firmware for %2.")
                                   .arg(installed.isEmpty() ? QStringLiteral("not reported") : installed, model);
        }
        findings.append(finding);
    }
    return findings;
}

// Fixes only need a reading to plan from; they take one of their own, so nothing stale is fixed.
const core::Cancellation& neverCancelled() {
    static const core::Cancellation never;
    return never;
}

}  // namespace

void registerDeviceAuditChecks(AuditRegistry& registry, Engine& engine, AuditService&) {
    for (const DeviceItem& item : deviceItems()) {
        const QStringList findingIds = item.findings;
        registry.addCheck({QLatin1String(item.itemId),
                           [&engine, findingIds](const core::Cancellation& cancel, CheckDone done) {
                               readAll(engine, cancel, [findingIds, done](const Readings& readings) {
                                   QList<AuditFinding> findings;
                                   for (auto it = readings.cbegin(); it != readings.cend(); ++it) {
                                       findings.append(judge(it.key(), *it, findingIds));
                                   }
                                   if (findings.isEmpty()) {
                                       findings.append(noCameras());
                                   }
                                   done(findings);
                               });
                           }});
    }
    registry.addCheck({QStringLiteral("sec-1.4-device-firmware"),
                       [&engine](const core::Cancellation&, CheckDone done) {
                           QList<AuditFinding> findings = firmwareFindings(engine);
                           if (findings.isEmpty()) {
                               findings.append(noCameras());
                           }
                           done(findings);
                       }});
    auto deviceFix = [&engine](const char* id, const char* itemId, const QString& title, QStringList findingIds) {
        return AuditFix{QLatin1String(id), QLatin1String(itemId), title,
                        [&engine, findingIds](const Actor& actor, FixDone done) {
                            readAll(engine, neverCancelled(), [&engine, actor, findingIds, done](const Readings& readings) {
                                applyInTurn(engine.devices()->security(), actor, plan(readings, findingIds), {}, done);
                            });
                        }};
    };
    registry.addFix(deviceFix("device-passwords", "sec-1.2-device-passwords",
                              QStringLiteral("Give each camera whose password is weak a new random one (Vigil keeps "
                                             "it) and remove extra administrator accounts"),
                              {QStringLiteral("device_password"), QStringLiteral("device_users")}));
    registry.addFix(deviceFix("device-time", "sec-1.5-device-time",
                              QStringLiteral("Point cameras at the platform's time servers"),
                              {QStringLiteral("device_time")}));
    registry.addFix(deviceFix("device-functions", "sec-1.6-device-functions",
                              QStringLiteral("Turn off camera discovery and plain HTTP, and remove anonymous accounts"),
                              {QStringLiteral("device_discovery"), QStringLiteral("device_http"),
                               QStringLiteral("device_anonymous")}));
}

}  // namespace vigil::server
