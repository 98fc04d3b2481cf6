#include "tls/certificate_routes.h"

#include <QDateTime>

#include "accounts/accounts_service.h"
#include "model/permissions.h"
#include "tls/certificate_manager.h"

namespace vigil::server {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::model::CertificateStatus;

namespace {

QHttpServerResponse answer(AccountsService& accounts, const RouteRequest& request,
                           const core::Result<CertificateStatus>& result, const QString& what) {
    if (!result) {
        const core::Error& error = result.error();
        accounts.record(QStringLiteral("setting_changed"), Actor::of(request), QStringLiteral("certificates"),
                        QStringLiteral("%1 refused: %2").arg(what, error.message.left(200)));
        if (error.code == QLatin1String("certificate_refused") || error.code == QLatin1String("tls_bad_subject")) {
            return errorResponse(StatusCode::UnprocessableEntity, error.code, error.message);
        }
        return errorResponse(error);
    }
    accounts.record(QStringLiteral("setting_changed"), Actor::of(request), QStringLiteral("certificates"),
                    QStringLiteral("%1: \"%2\" until %3, %4")
                        .arg(what, result->server.commonName,
                             QDateTime::fromMSecsSinceEpoch(result->server.notAfterMs, Qt::UTC).toString(Qt::ISODate),
                             result->server.fingerprint));
    return jsonResponse(result->toJson());
}

}  // namespace

QList<Route> certificateRoutes(CertificateManager& certificates, AccountsService& accounts) {
    const QString security = QString::fromLatin1(core::model::Permissions::kSecurity);
    return {
        {Method::Get, QStringLiteral("/api/v1/system/certificates"), security,
         [&certificates](const RouteRequest&) { return jsonResponse(certificates.status().toJson()); }},
        {Method::Post, QStringLiteral("/api/v1/system/certificates/server"), security,
         [&certificates, &accounts](const RouteRequest& request) {
             auto parsed = core::model::ServerCertificateRequest::fromRequest(request.body);
             if (!parsed) {
                 return errorResponse(parsed.error());
             }
             return answer(accounts, request, certificates.createServerCertificate(parsed.value()),
                           QStringLiteral("new platform server certificate"));
         }},
        {Method::Post, QStringLiteral("/api/v1/system/certificates/import"), security,
         [&certificates, &accounts](const RouteRequest& request) {
             auto parsed = core::model::CertificateImportRequest::fromRequest(request.body);
             if (!parsed) {
                 return errorResponse(parsed.error());
             }
             return answer(accounts, request, certificates.importCertificate(parsed.value()),
                           QStringLiteral("imported server certificate"));
         }},
        {Method::Put, QStringLiteral("/api/v1/system/certificates/settings"), security,
         [&certificates, &accounts](const RouteRequest& request) {
             auto parsed = core::model::CertificateSettings::fromRequest(request.body);
             if (!parsed) {
                 return errorResponse(parsed.error());
             }
             if (core::Status saved = certificates.setSettings(parsed.value()); !saved) {
                 return errorResponse(saved.error());
             }
             accounts.record(QStringLiteral("setting_changed"), Actor::of(request), QStringLiteral("certificates"),
                             QStringLiteral("expiry warning %1 days before").arg(parsed->expiryWarningDays));
             return jsonResponse(certificates.status().toJson());
         }},
    };
}

}  // namespace vigil::server
