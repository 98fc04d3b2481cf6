#include "license/licence_routes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include "http/streaming_response.h"
#include "license/licence_service.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::model::ActivationInput;
using core::model::Permissions;

// The licence's error codes and their HTTP statuses; the gateway's table has the shared ones.
QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("licence_malformed"), StatusCode::BadRequest},
        {QStringLiteral("licence_request_malformed"), StatusCode::BadRequest},
        {QStringLiteral("licence_deactivation_malformed"), StatusCode::BadRequest},
        {QStringLiteral("licence_unsigned"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_unknown_key"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_tampered"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_other_platform"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_other_machine"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_expired"), StatusCode::UnprocessableEntity},
        {QStringLiteral("licence_not_express"), StatusCode::Conflict},
        {QStringLiteral("vendor_unreachable"), StatusCode::BadGateway},
        {QStringLiteral("vendor_bad_answer"), StatusCode::BadGateway},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    if (error.code.startsWith(QLatin1String("code_")) || error.code.startsWith(QLatin1String("upgrade_"))) {
        // The vendor's refusals (code_used, code_unknown, upgrade_needs_express, ...): the code cannot
        // be used as it stands.
        return errorResponse(StatusCode::Conflict, error.code, error.message);
    }
    return errorResponse(error);
}

LicenceService::Actor actorOf(const RouteRequest& request) {
    return {request.caller ? request.caller->userName : QString(), request.address};
}

QHttpServerResponse statusAnswer(const core::Result<core::model::LicenceStatus>& result) {
    return result ? jsonResponse(result->toJson()) : failure(result.error());
}

}  // namespace

QList<Route> licenceRoutes(LicenceService& licence) {
    const QString admin = QString::fromLatin1(Permissions::kSystemSettings);
    QList<Route> routes;
    routes.append({Method::Get, QStringLiteral("/api/v1/licence"), admin,
                   [&licence](const RouteRequest&) { return jsonResponse(licence.status().toJson()); }});
    routes.append({Method::Get, QStringLiteral("/api/v1/licence/log"), admin, [&licence](const RouteRequest&) {
                       auto entries = licence.log(200);
                       if (!entries) {
                           return failure(entries.error());
                       }
                       QJsonArray list;
                       for (const LicenceLogEntry& entry : entries.value()) {
                           list.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                                   {QStringLiteral("timeMs"), entry.timeMs},
                                                   {QStringLiteral("kind"), entry.kind},
                                                   {QStringLiteral("detail"), entry.detail}});
                       }
                       return jsonResponse(QJsonObject{{QStringLiteral("entries"), list}});
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/licence/settings"), admin,
                   [&licence](const RouteRequest&) { return jsonResponse(licence.settings().toJson()); }});
    routes.append({Method::Put, QStringLiteral("/api/v1/licence/settings"), admin, [&licence](const RouteRequest& request) {
                       auto settings = core::model::LicenceSettings::fromRequest(request.body);
                       if (!settings) {
                           return failure(settings.error());
                       }
                       if (core::Status saved = licence.setSettings(settings.value(), actorOf(request)); !saved) {
                           return failure(saved.error());
                       }
                       return jsonResponse(licence.settings().toJson());
                   }});
    // Offline, step 1: the request file to carry to the vendor.
    routes.append({Method::Post, QStringLiteral("/api/v1/licence/request"), admin, [&licence](const RouteRequest& request) {
                       auto input = ActivationInput::fromRequest(request.body);
                       if (!input) {
                           return failure(input.error());
                       }
                       auto made = licence.makeRequest(input.value());
                       return made ? jsonResponse(made->toJson()) : failure(made.error());
                   }});
    // Offline, step 2: the activation file the vendor returned (the JSON object is the body).
    routes.append({Method::Post, QStringLiteral("/api/v1/licence/import"), admin, [&licence](const RouteRequest& request) {
                       const QByteArray file = QJsonDocument(request.body).toJson(QJsonDocument::Compact);
                       return statusAnswer(licence.install(file, actorOf(request)));
                   }});
    routes.append({Method::Post, QStringLiteral("/api/v1/licence/deactivation"), admin,
                   [&licence](const RouteRequest& request) {
                       auto deactivation = licence.deactivateExpress(actorOf(request));
                       return deactivation ? jsonResponse(deactivation->toJson()) : failure(deactivation.error());
                   }});
    // Online: the answer waits for the vendor, so the route takes the responder and answers later.
    Route online{Method::Post, QStringLiteral("/api/v1/licence/activation"), admin};
    online.streamHandler = [&licence](const RouteRequest& request,
                                      QHttpServerResponder& responder) -> std::optional<QHttpServerResponse> {
        auto input = ActivationInput::fromRequest(request.body);
        if (!input) {
            return failure(input.error());
        }
        QPointer<StreamingResponse> response = StreamingResponse::take(responder, &licence);
        if (!response) {
            return std::nullopt;
        }
        QObject::connect(response, &StreamingResponse::closed, response, &QObject::deleteLater);
        licence.activateOnline(input.value(), actorOf(request), [response](core::Result<core::model::LicenceStatus> result) {
            if (response) {
                response->answer(statusAnswer(result));
            }
        });
        return std::nullopt;
    };
    routes.append(online);
    return routes;
}

}  // namespace vigil::server
