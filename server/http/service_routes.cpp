#include "http/service_routes.h"

#include <QPointer>
#include <QTimer>

#include "accounts/accounts_service.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "model/permissions.h"
#include "model/system_model.h"

namespace vigil::server {

using StatusCode = QHttpServerResponse::StatusCode;

namespace {

enum class Action { Start, Stop, Restart };

QString actionName(Action action) {
    switch (action) {
        case Action::Start:
            return QStringLiteral("start");
        case Action::Stop:
            return QStringLiteral("stop");
        case Action::Restart:
            return QStringLiteral("restart");
    }
    return {};
}

QJsonObject statusOf(const Service& service) {
    return core::model::ServiceStatus{service.id(), service.displayName(), serviceStateName(service.state()),
                                      service.port(), service.problem()}
        .toJson();
}

// Why the API may not stop this service; empty when it may.
QString stopRefusal(const Engine& engine, const Service& service) {
    if (&service == engine.https()) {
        return QStringLiteral(
            "The HTTPS gateway carries this API: stopping it would cut off every client, you included, "
            "and nothing could start it again through the API. Restart it instead, or stop the server "
            "on its own machine.");
    }
    if (&service == engine.accounts()) {
        return QStringLiteral(
            "The accounts service checks every request: stopping it would refuse every client, you "
            "included, and nothing could start it again through the API. Restart it instead, or stop "
            "the server on its own machine.");
    }
    return {};
}

QHttpServerResponse control(Engine& engine, const RouteRequest& request, Action action) {
    AccountsService& accounts = *engine.accounts();
    const Actor actor = Actor::of(request);
    const QString id = request.param(QStringLiteral("id"));
    Service* service = engine.service(id);
    if (!service) {
        QStringList ids;
        for (const Service* known : engine.services()) {
            ids.append(known->id());
        }
        return errorResponse(StatusCode::NotFound, QStringLiteral("service_not_found"),
                             QStringLiteral("There is no service \"%1\". The services are: %2.")
                                 .arg(id.left(64), ids.join(u", ")));
    }
    const QString what = actionName(action);
    if (action == Action::Stop) {
        if (const QString refusal = stopRefusal(engine, *service); !refusal.isEmpty()) {
            accounts.record(QStringLiteral("service_control"), actor, id,
                            QStringLiteral("stop refused: the API depends on it"));
            return errorResponse(StatusCode::Conflict, QStringLiteral("service_required"), refusal);
        }
    }
    if (service == engine.https() && action == Action::Restart) {
        accounts.record(QStringLiteral("service_control"), actor, id,
                        QStringLiteral("restart requested; the gateway restarts after answering"));
        // Later, so this answer leaves on the connection the restart is about to close.
        QPointer<Service> gateway = service;
        QTimer::singleShot(kGatewayRestartDelayMs, service, [gateway] {
            if (gateway) {
                (void)gateway->restart();  // a failure shows in the service's state and problem
            }
        });
        QJsonObject answer = statusOf(*service);
        answer.insert(QStringLiteral("state"), QStringLiteral("restarting"));
        return jsonResponse(answer, StatusCode::Accepted);
    }
    core::Status done;
    switch (action) {
        case Action::Start:
            done = service->start();
            break;
        case Action::Stop:
            service->stop();
            break;
        case Action::Restart:
            done = service->restart();
            break;
    }
    const QString outcome = done ? serviceStateName(service->state()) : done.error().message;
    accounts.record(QStringLiteral("service_control"), actor, id,
                    QStringLiteral("%1: %2").arg(what, outcome));
    if (!done) {
        return errorResponse(StatusCode::ServiceUnavailable, QStringLiteral("service_failed"),
                             QStringLiteral("The service \"%1\" did not %2: %3")
                                 .arg(service->displayName(), what, done.error().message));
    }
    return jsonResponse(statusOf(*service));
}

}  // namespace

QList<Route> serviceRoutes(Engine& engine) {
    const QString maintenance = QString::fromLatin1(core::model::Permissions::kMaintenance);
    QList<Route> routes;
    for (const Action action : {Action::Start, Action::Stop, Action::Restart}) {
        routes.append(
            {QHttpServerRequest::Method::Post,
             QStringLiteral("/api/v1/services/{id}/%1").arg(actionName(action)), maintenance,
             [&engine, action](const RouteRequest& request) { return control(engine, request, action); }});
    }
    return routes;
}

}  // namespace vigil::server
