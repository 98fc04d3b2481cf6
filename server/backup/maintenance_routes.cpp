#include "backup/maintenance_routes.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include "backup/factory_defaults.h"
#include "backup/update_catalogue.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("backup_passphrase_missing"), StatusCode::Conflict},
        {QStringLiteral("backup_passphrase_weak"), StatusCode::BadRequest},
        {QStringLiteral("update_manifest_malformed"), StatusCode::BadRequest},
        {QStringLiteral("update_manifest_unsigned"), StatusCode::UnprocessableEntity},
        {QStringLiteral("update_manifest_unknown_key"), StatusCode::UnprocessableEntity},
        {QStringLiteral("update_manifest_tampered"), StatusCode::UnprocessableEntity},
        {QStringLiteral("update_manifest_older"), StatusCode::Conflict},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

}  // namespace

QList<Route> maintenanceRoutes(FactoryDefaults& defaults, UpdateCatalogue& updates) {
    const QString maintenance = QString::fromLatin1(core::model::Permissions::kMaintenance);
    QList<Route> routes;
    routes.append({Method::Post, QStringLiteral("/api/v1/system/factory-defaults"), maintenance,
                   [&defaults](const RouteRequest& request) {
                       auto parsed = FactoryDefaultsRequest::fromRequest(request.body);
                       if (!parsed) {
                           return failure(parsed.error());
                       }
                       auto done = defaults.run(Actor::of(request), parsed.value());
                       return done ? jsonResponse(done.value()) : failure(done.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/system/updates"), maintenance,
                   [&updates](const RouteRequest& request) {
                       const QString client =
                           QUrlQuery(request.http.url()).queryItemValue(QStringLiteral("client")).left(64);
                       return jsonResponse(updates.status(client));
                   }});
    Route import{Method::Post, QStringLiteral("/api/v1/system/updates/manifest"), maintenance,
                 [&updates](const RouteRequest& request) {
                     // The manifest file's JSON is the body, as the vendor published it.
                     const QByteArray file = QJsonDocument(request.body).toJson(QJsonDocument::Compact);
                     if (core::Status imported = updates.import(Actor::of(request), file); !imported) {
                         return failure(imported.error());
                     }
                     return jsonResponse(updates.status({}));
                 }};
    import.maxBodyBytes = core::license::UpdateManifest::kMaxFileBytes;
    routes.append(import);
    return routes;
}

}  // namespace vigil::server
