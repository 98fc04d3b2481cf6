#include "system/network_log_routes.h"

#include "accounts/accounts_service.h"
#include "model/permissions.h"
#include "system/network_log.h"

namespace vigil::server {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;

QList<Route> networkLogRoutes(NetworkLog& log, AccountsService& accounts) {
    const QString security = QString::fromLatin1(core::model::Permissions::kSecurity);
    return {
        {Method::Get, QStringLiteral("/api/v1/system/network-log"), security,
         [&log](const RouteRequest&) { return jsonResponse(log.status()); }},
        {Method::Put, QStringLiteral("/api/v1/system/network-log"), security,
         [&log, &accounts](const RouteRequest& request) {
             auto settings = NetworkLogSettings::fromRequest(request.body, log.settings());
             if (!settings) {
                 return errorResponse(settings.error());
             }
             if (core::Status saved = log.configure(settings.value()); !saved) {
                 return errorResponse(saved.error());
             }
             accounts.record(QStringLiteral("setting_changed"), Actor::of(request),
                             QStringLiteral("network-log"),
                             settings->enabled
                                 ? QStringLiteral("to %1:%2 (security log %3, events %4)")
                                       .arg(settings->host, QString::number(settings->port),
                                            settings->security ? QStringLiteral("on") : QStringLiteral("off"),
                                            settings->events ? QStringLiteral("on") : QStringLiteral("off"))
                                 : QStringLiteral("off"));
             return jsonResponse(log.status());
         }},
        {Method::Post, QStringLiteral("/api/v1/system/network-log/test"), security,
         [&log](const RouteRequest& request) {
             if (!log.sendTest(request.caller ? request.caller->userName : QString())) {
                 return errorResponse(StatusCode::Conflict, QStringLiteral("network_log_off"),
                                      QStringLiteral("The network log is off (or its service is not running). "
                                                     "Enable it with a syslog server first."));
             }
             return jsonResponse(log.status(), StatusCode::Accepted);
         }},
    };
}

}  // namespace vigil::server
