#include "backup/backup_routes.h"

#include <QFile>
#include <QJsonArray>

#include "backup/backup_service.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::model::FieldReader;
using core::model::Job;

// An uploaded backup travels as base64 in JSON: the limit leaves room for the largest file.
constexpr qsizetype kMaxUploadBodyBytes = 64LL * 1024 * 1024;

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("backup_not_found"), StatusCode::NotFound},
        {QStringLiteral("job_not_found"), StatusCode::NotFound},
        {QStringLiteral("backup_passphrase_weak"), StatusCode::BadRequest},
        {QStringLiteral("backup_not_a_backup"), StatusCode::UnprocessableEntity},
        {QStringLiteral("backup_truncated"), StatusCode::UnprocessableEntity},
        {QStringLiteral("backup_malformed"), StatusCode::UnprocessableEntity},
        {QStringLiteral("backup_format_newer"), StatusCode::UnprocessableEntity},
        {QStringLiteral("backup_exists"), StatusCode::Conflict},
        {QStringLiteral("restore_running"), StatusCode::Conflict},
        {QStringLiteral("backup_passphrase_missing"), StatusCode::Conflict},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

QHttpServerResponse jobAnswer(const core::Result<Job>& job) {
    return job ? jsonResponse(job->toJson(), StatusCode::Accepted) : failure(job.error());
}

Error noJob(const QString& id) {
    return Error::make(
        QStringLiteral("job_not_found"),
        QStringLiteral("There is no backup or restore job %1 (finished jobs are kept for an hour).")
            .arg(id.left(64)));
}

std::optional<Job> findJob(BackupService& backups, const QString& id) {
    for (const char* kind : {BackupService::kBackupKind, BackupService::kRestoreKind}) {
        if (auto job = backups.jobs().find(QLatin1String(kind), id)) {
            return job;
        }
    }
    return std::nullopt;
}

QHttpServerResponse listAnswer(BackupService& backups) {
    auto entries = backups.list();
    if (!entries) {
        return failure(entries.error());
    }
    return jsonResponse(QJsonObject{{QStringLiteral("backups"), core::model::toJsonArray(entries.value())},
                                    {QStringLiteral("schedule"), backups.schedule().toJson()},
                                    {QStringLiteral("state"), backups.backupState().toJson()}});
}

}  // namespace

QList<Route> backupRoutes(BackupService& backups) {
    const QString backup = QString::fromLatin1(core::model::Permissions::kBackup);
    const QString base = QStringLiteral("/api/v1/system/backups");
    QList<Route> routes;
    routes.append(
        {Method::Get, base, backup, [&backups](const RouteRequest&) { return listAnswer(backups); }});
    routes.append(
        {Method::Post, base, backup, [&backups](const RouteRequest& request) {
             FieldReader read(request.body, QStringLiteral("backup request"), FieldReader::Mode::Request);
             const QString passphrase = read.string(QStringLiteral("passphrase"));
             const QString reason =
                 read.has(QStringLiteral("reason")) ? read.string(QStringLiteral("reason")) : QString();
             if (!read.finish()) {
                 return failure(read.error());
             }
             return jobAnswer(backups.startBackup(Actor::of(request), passphrase, reason));
         }});
    routes.append(
        {Method::Get, base + QStringLiteral("/jobs"), backup, [&backups](const RouteRequest&) {
             QList<Job> jobs = backups.jobs().list(QLatin1String(BackupService::kBackupKind)) +
                               backups.jobs().list(QLatin1String(BackupService::kRestoreKind));
             std::sort(jobs.begin(), jobs.end(),
                       [](const Job& a, const Job& b) { return a.startedMs > b.startedMs; });
             return jsonResponse(QJsonObject{{QStringLiteral("jobs"), core::model::toJsonArray(jobs)}});
         }});
    routes.append(
        {Method::Get, base + QStringLiteral("/jobs/{id}"), backup, [&backups](const RouteRequest& request) {
             const auto job = findJob(backups, request.param(QStringLiteral("id")));
             return job ? jsonResponse(job->toJson()) : failure(noJob(request.param(QStringLiteral("id"))));
         }});
    routes.append({Method::Delete, base + QStringLiteral("/jobs/{id}"), backup,
                   [&backups](const RouteRequest& request) {
                       const QString id = request.param(QStringLiteral("id"));
                       const auto job = findJob(backups, id);
                       if (!job) {
                           return failure(noJob(id));
                       }
                       const auto cancelled = backups.jobs().cancel(
                           job->kind, id, QStringLiteral("Cancelled; nothing was changed."));
                       return jsonResponse(cancelled ? cancelled->toJson() : job->toJson());
                   }});
    routes.append({Method::Get, base + QStringLiteral("/schedule"), backup,
                   [&backups](const RouteRequest&) { return jsonResponse(backups.schedule().toJson()); }});
    routes.append(
        {Method::Put, base + QStringLiteral("/schedule"), backup, [&backups](const RouteRequest& request) {
             QString passphrase;
             auto schedule = BackupSchedule::fromRequest(request.body, &passphrase);
             if (!schedule) {
                 return failure(schedule.error());
             }
             if (core::Status saved = backups.setSchedule(Actor::of(request), schedule.value(), passphrase);
                 !saved) {
                 return failure(saved.error());
             }
             return jsonResponse(backups.schedule().toJson());
         }});
    Route upload{
        Method::Post, base + QStringLiteral("/upload"), backup, [&backups](const RouteRequest& request) {
            FieldReader read(request.body, QStringLiteral("backup upload"), FieldReader::Mode::Request);
            const QString name = read.string(QStringLiteral("name"));
            const QString content = read.string(QStringLiteral("content"));
            if (!read.finish()) {
                return failure(read.error());
            }
            const auto bytes =
                QByteArray::fromBase64Encoding(content.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!bytes) {
                return failure(FieldReader::badRequest(QStringLiteral("backup upload"),
                                                       QStringLiteral("content"),
                                                       QStringLiteral("must be the file in base64")));
            }
            auto stored = backups.store(Actor::of(request), name, bytes.decoded);
            return stored ? jsonResponse(stored->toJson(), StatusCode::Created) : failure(stored.error());
        }};
    upload.maxBodyBytes = kMaxUploadBodyBytes;
    routes.append(upload);
    routes.append(
        {Method::Post, base + QStringLiteral("/restore"), backup, [&backups](const RouteRequest& request) {
             FieldReader read(request.body, QStringLiteral("restore request"), FieldReader::Mode::Request);
             const QString name = read.string(QStringLiteral("name"));
             const QString passphrase = read.string(QStringLiteral("passphrase"));
             const bool checkOnly =
                 read.has(QStringLiteral("checkOnly")) && read.boolean(QStringLiteral("checkOnly"));
             if (!read.finish()) {
                 return failure(read.error());
             }
             return jobAnswer(backups.startRestore(Actor::of(request), name, passphrase, checkOnly));
         }});
    routes.append(
        {Method::Get, base + QStringLiteral("/files/{name}"), backup,
         [&backups](const RouteRequest& request) {
             const QString name = request.param(QStringLiteral("name"));
             auto path = backups.pathOf(name);
             if (!path) {
                 return failure(path.error());
             }
             QFile file(path.value());
             if (!file.open(QIODevice::ReadOnly)) {
                 return failure(Error::make(
                     QStringLiteral("backup_unreadable"),
                     QStringLiteral("The backup %1 cannot be read: %2.").arg(name, file.errorString())));
             }
             QHttpServerResponse response(QByteArrayLiteral("application/octet-stream"), file.readAll());
             response.setHeader(QByteArrayLiteral("Content-Disposition"),
                                QByteArrayLiteral("attachment; filename=\"") + name.toLatin1() + '"');
             return response;
         }});
    routes.append({Method::Delete, base + QStringLiteral("/files/{name}"), backup,
                   [&backups](const RouteRequest& request) {
                       core::Status removed =
                           backups.remove(Actor::of(request), request.param(QStringLiteral("name")));
                       return removed ? noContentResponse() : failure(removed.error());
                   }});
    return routes;
}

}  // namespace vigil::server
