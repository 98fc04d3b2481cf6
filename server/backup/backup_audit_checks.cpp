#include "backup/backup_audit_checks.h"

#include <QDateTime>
#include <QFileInfo>

#include "audit/audit_registry.h"
#include "audit/audit_service.h"
#include "backup/backup_service.h"
#include "backup/update_catalogue.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "model/permissions.h"

namespace vigil::server {

using core::model::AuditFinding;
using core::model::AuditStates;
using core::model::Permissions;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000LL;
constexpr qint64 kGraceMs = kDayMs;  // a slot missed by a restart is not yet a finding

AuditFinding platform(const char* state, const QString& evidence) {
    return AuditFinding{QStringLiteral("platform"), {}, QLatin1String(state), evidence};
}

QString utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// SEC-2.7: backups are made on a schedule, encrypted with a passphrase, and the newest one is no older
// than the schedule's period.
QList<AuditFinding> lookBackups(BackupService& backup, qint64 nowMs) {
    const BackupState state = backup.backupState();
    const BackupSchedule schedule = backup.schedule();
    const QString newest = state.lastBackupMs > 0 ? utc(state.lastBackupMs) : QStringLiteral("none");
    const QString seen = QStringLiteral("%1 backup file(s), newest %2.").arg(state.files).arg(newest);
    if (!state.scheduleEnabled || !state.passphraseSet) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("No automatic backup: the schedule is %1 (PUT /api/v1/system/backups/schedule "
                                        "with a passphrase). %2")
                             .arg(state.scheduleEnabled ? QStringLiteral("on without a passphrase") : QStringLiteral("off"),
                                  seen))};
    }
    const bool weekly = schedule.frequency == QLatin1String("weekly");
    const qint64 periodMs = (weekly ? 7 : 1) * kDayMs;
    const QString when = QStringLiteral("%1 at %2:%3 UTC, keeping %4")
                             .arg(schedule.frequency)
                             .arg(schedule.minuteOfDay / 60, 2, 10, QLatin1Char('0'))
                             .arg(schedule.minuteOfDay % 60, 2, 10, QLatin1Char('0'))
                             .arg(state.keep);
    if (state.lastBackupMs <= 0 || nowMs - state.lastBackupMs > periodMs + kGraceMs) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("Scheduled %1, but no backup was made in the last %2 days. %3")
                             .arg(when, QString::number((periodMs + kGraceMs) / kDayMs), seen))};
    }
    return {platform(AuditStates::kPass, QStringLiteral("Encrypted backups scheduled %1. %2").arg(when, seen))};
}

// SEC-1.4: the vendor's signed manifest is imported and names no newer platform or client.
QList<AuditFinding> lookUpdates(UpdateCatalogue& updates) {
    const QJsonObject status = updates.status(QString());
    const QJsonObject manifest = status.value(QStringLiteral("manifest")).toObject();
    if (manifest.isEmpty()) {
        return {platform(AuditStates::kFail,
                         QStringLiteral("No update manifest is imported, so nobody can tell whether this version is the "
                                        "latest: import the vendor's signed manifest (POST /api/v1/system/updates/manifest)."))};
    }
    const QString from = QStringLiteral("Manifest issued %1 (key %2).")
                             .arg(utc(qint64(manifest.value(QStringLiteral("issuedMs")).toDouble())),
                                  manifest.value(QStringLiteral("keyId")).toString());
    QStringList behind;
    QStringList current;
    for (const char* part : {"platform", "client"}) {
        const QJsonObject version = status.value(QLatin1String(part)).toObject();
        const QString state = version.value(QStringLiteral("state")).toString();
        const QString installed = version.value(QStringLiteral("installed")).toString();
        if (state == QLatin1String("up_to_date")) {
            current << QStringLiteral("%1 %2 is the latest").arg(QLatin1String(part), installed);
        } else if (state == QLatin1String("update_available")) {
            behind << QStringLiteral("%1 %2, %3 released %4").arg(QLatin1String(part), installed,
                                                                 version.value(QStringLiteral("latest")).toString(),
                                                                 utc(qint64(version.value(QStringLiteral("releasedMs")).toDouble())));
        } else {
            behind << QStringLiteral("%1 %2 is not in the manifest").arg(QLatin1String(part), installed);
        }
    }
    if (!behind.isEmpty()) {
        return {platform(AuditStates::kFail, QStringLiteral("Update: %1. %2").arg(behind.join(QStringLiteral("; ")), from))};
    }
    return {platform(AuditStates::kPass, QStringLiteral("%1. %2").arg(current.join(QStringLiteral("; ")), from))};
}

// SEC-1.1: restoring factory defaults is there, needs `maintenance`, and only administrators hold it
// (it also asks for the caller's password and "RESET", makes a backup first and is logged: by design).
QList<AuditFinding> lookFactoryDefaults(Engine& engine) {
    const QString path = QStringLiteral("/api/v1/system/factory-defaults");
    const QString maintenance = QLatin1String(Permissions::kMaintenance);
    const QList<Route>& routes = engine.https() ? engine.https()->routes() : QList<Route>{};
    const auto route = std::find_if(routes.cbegin(), routes.cend(), [&](const Route& r) { return r.path == path; });
    if (route == routes.cend() || route->permission != maintenance) {
        return {platform(AuditStates::kFail, QStringLiteral("%1 is %2.").arg(path, route == routes.cend()
                                                                                       ? QStringLiteral("missing")
                                                                                       : QStringLiteral("not limited to `maintenance`")))};
    }
    auto roles = engine.accounts()->roles();
    if (!roles) {
        return {platform(AuditStates::kUnknown, QStringLiteral("The roles could not be read: %1").arg(roles.error().message))};
    }
    QStringList holders;
    QStringList notAdministrators;
    for (const core::model::Role& role : roles.value()) {
        if (role.permissions.contains(maintenance)) {
            holders << role.name;
            if (!role.permissions.contains(QLatin1String(Permissions::kUserAdmin))) {
                notAdministrators << role.name;
            }
        }
    }
    const QString how = QStringLiteral("Restore factory defaults (POST %1) needs `maintenance`, the caller's password and "
                                       "\"RESET\", makes a backup first and is logged (factory_reset). Roles holding "
                                       "`maintenance`: %2.")
                            .arg(path, holders.isEmpty() ? QStringLiteral("none") : holders.join(QStringLiteral(", ")));
    if (!notAdministrators.isEmpty()) {
        return {platform(AuditStates::kFail, how + QStringLiteral(" Not administrators (no `user_admin`): %1.")
                                                       .arg(notAdministrators.join(QStringLiteral(", "))))};
    }
    return {platform(AuditStates::kPass, how)};
}

}  // namespace

void registerBackupAuditChecks(AuditRegistry& registry, Engine& engine, AuditService& audit) {
    Engine* e = &engine;
    registry.addCheck({QStringLiteral("sec-2.7-config-backup"), [e](const core::Cancellation&, CheckDone done) {
                           done(e->backup() ? lookBackups(*e->backup(), e->options().clock->nowMs())
                                            : QList<AuditFinding>{platform(AuditStates::kFail, QStringLiteral("No backup service."))});
                       }});
    registry.addCheck({QStringLiteral("sec-1.4-platform-version"), [e](const core::Cancellation&, CheckDone done) {
                           done(e->backup() && e->backup()->updates()
                                    ? lookUpdates(*e->backup()->updates())
                                    : QList<AuditFinding>{platform(AuditStates::kFail, QStringLiteral("No update catalogue."))});
                       }});
    registry.addCheck({QStringLiteral("sec-1.1-restore-defaults"),
                       [e](const core::Cancellation&, CheckDone done) { done(lookFactoryDefaults(*e)); }});
    // WIZ-2: fixes only after a backup (the request's passphrase or the schedule's); its file name goes
    // into the fix job's result, and the backup is in the security log (backup).
    audit.setBackupHook([e](const Actor& actor, const QString& passphrase, std::function<void(core::Result<QString>)> done) {
        if (!e->backup()) {
            done(core::Error::make(QStringLiteral("service_unavailable"), QStringLiteral("The backup service is not running.")));
            return;
        }
        auto path = e->backup()->backupNow(
            QStringLiteral("before security fixes by %1").arg(actor.userName.isEmpty() ? QStringLiteral("the platform") : actor.userName),
            passphrase);
        done(path ? core::Result<QString>(QFileInfo(path.value()).fileName()) : core::Result<QString>(path.error()));
    });
}

}  // namespace vigil::server
