#include "system/time_routes.h"

#include "accounts/accounts_service.h"
#include "model/permissions.h"
#include "system/time_service.h"

namespace vigil::server {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;

namespace {

QHttpServerResponse unavailable(const TimeService& time) {
    return errorResponse(StatusCode::ServiceUnavailable, QStringLiteral("service_unavailable"),
                         QStringLiteral("The time service is %1%2. Start it from the services list.")
                             .arg(serviceStateName(time.state()),
                                  time.problem().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(time.problem())));
}

QHttpServerResponse configure(TimeService& time, AccountsService& accounts, const RouteRequest& request) {
    auto settings = core::model::TimeSettings::fromRequest(request.body, time.status().settings);
    if (!settings) {
        return errorResponse(settings.error());
    }
    if (core::Status saved = time.configure(settings.value()); !saved) {
        return errorResponse(saved.error());
    }
    QStringList servers;
    for (const auto& server : settings->servers) {
        servers.append(server.toString());
    }
    accounts.record(QStringLiteral("setting_changed"), Actor::of(request), QStringLiteral("time"),
                    QStringLiteral("time servers [%1], max offset %2 ms, every %3 s")
                        .arg(servers.join(QStringLiteral(", ")))
                        .arg(settings->maxOffsetMs)
                        .arg(settings->intervalS));
    return jsonResponse(time.status().toJson());
}

}  // namespace

QList<Route> timeRoutes(TimeService& time, AccountsService& accounts) {
    const QString settings = QString::fromLatin1(core::model::Permissions::kSystemSettings);
    return {
        {Method::Get, QStringLiteral("/api/v1/system/time"), settings,
         [&time](const RouteRequest&) { return jsonResponse(time.status().toJson()); }},
        {Method::Put, QStringLiteral("/api/v1/system/time"), settings,
         [&time, &accounts](const RouteRequest& request) { return configure(time, accounts, request); }},
        // Answers at once (202); the result comes as a system.time push and in GET.
        {Method::Post, QStringLiteral("/api/v1/system/time/check"), settings,
         [&time](const RouteRequest&) {
             if (time.state() != ServiceState::Running) {
                 return unavailable(time);
             }
             time.checkNow();
             return jsonResponse(time.status().toJson(), StatusCode::Accepted);
         }},
    };
}

}  // namespace vigil::server
