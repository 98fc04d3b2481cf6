#include "http/port_routes.h"

#include <QJsonArray>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include "accounts/accounts_service.h"
#include "engine/engine.h"
#include "engine/settings_repository.h"
#include "http/https_service.h"
#include "http/service_routes.h"
#include "model/json_fields.h"
#include "model/permissions.h"
#include "server_logging.h"

namespace vigil::server {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::model::FieldReader;

namespace {

constexpr int kMinPort = 1025;
constexpr int kMaxPort = 65535;

QString gatewayId(Engine& engine) {
    return engine.https()->id();
}

QJsonObject gatewayRow(Engine& engine) {
    HttpsService& https = *engine.https();
    auto stored = engine.settings().integer(QLatin1String(HttpsService::kPortSetting));
    const qint64 configured = stored && stored.value() ? *stored.value() : Engine::kDefaultHttpsPort;
    return {{QStringLiteral("serviceId"), https.id()},
            {QStringLiteral("name"), QStringLiteral("HTTPS (API, events, live and recorded video)")},
            {QStringLiteral("protocol"), QStringLiteral("tcp")},
            {QStringLiteral("port"), configured},
            {QStringLiteral("boundPort"), https.port()},
            {QStringLiteral("defaultPort"), Engine::kDefaultHttpsPort},
            {QStringLiteral("state"), serviceStateName(https.state())}};
}

QHttpServerResponse list(Engine& engine) {
    return jsonResponse(QJsonObject{{QStringLiteral("ports"), QJsonArray{gatewayRow(engine)}}});
}

// Whether `port` can be bound on the gateway's address now (it is not its own current port).
bool portFree(const QHostAddress& address, quint16 port) {
    QTcpServer probe;
    const bool free = probe.listen(address, port);
    probe.close();
    return free;
}

QHttpServerResponse change(Engine& engine, const RouteRequest& request) {
    const QString context = QStringLiteral("ports request");
    FieldReader read(request.body, context, FieldReader::Mode::Request);
    const QString id = gatewayId(engine);
    const int port = read.smallInteger(id);
    if (read.ok() && (port < kMinPort || port > kMaxPort)) {
        read.failWith(FieldReader::badRequest(
            context, id,
            QStringLiteral("must be from %1 to %2: lower ports need privileges the server does not take")
                .arg(kMinPort)
                .arg(kMaxPort)));
    }
    if (!read.finish()) {
        return errorResponse(read.error());
    }
    HttpsService& https = *engine.https();
    const Actor actor = Actor::of(request);
    AccountsService& accounts = *engine.accounts();
    if (port != https.port() && !portFree(https.listenAddress(), static_cast<quint16>(port))) {
        accounts.record(QStringLiteral("setting_changed"), actor, QStringLiteral("ports"),
                        QStringLiteral("%1 to port %2 refused: in use").arg(id).arg(port));
        return errorResponse(StatusCode::Conflict, QStringLiteral("port_in_use"),
                             QStringLiteral("Port %1 on %2 is in use by another program. Choose another port, or "
                                            "stop the program that uses it. Nothing was changed.")
                                 .arg(port)
                                 .arg(https.listenAddress().toString()));
    }
    if (core::Status saved = engine.settings().setValue(QLatin1String(HttpsService::kPortSetting), QString::number(port));
        !saved) {
        return errorResponse(saved.error());
    }
    accounts.record(QStringLiteral("setting_changed"), actor, QStringLiteral("ports"),
                    QStringLiteral("%1 from port %2 to %3; the service restarts").arg(id).arg(https.port()).arg(port));
    // Later, so this answer leaves on the connection the restart is about to close; only this service
    // restarts. Should the port be taken in between, the old one comes back.
    QPointer<HttpsService> gateway = &https;
    const quint16 previous = https.port();
    const QHostAddress address = https.listenAddress();
    QTimer::singleShot(kGatewayRestartDelayMs, &https, [gateway, address, port, previous, &engine] {
        if (!gateway) {
            return;
        }
        gateway->setListen(address, static_cast<quint16>(port));
        if (core::Status restarted = gateway->restart(); !restarted) {
            qCWarning(lcHttp).noquote() << restarted.error().message << "- back to port" << previous;
            (void)engine.settings().setValue(QLatin1String(HttpsService::kPortSetting), QString::number(previous));
            gateway->setListen(address, previous);
            (void)gateway->restart();
        }
    });
    QJsonObject answer = gatewayRow(engine);
    answer.insert(QStringLiteral("port"), port);
    answer.insert(QStringLiteral("state"), QStringLiteral("restarting"));
    return jsonResponse(QJsonObject{{QStringLiteral("ports"), QJsonArray{answer}}}, StatusCode::Accepted);
}

}  // namespace

QList<Route> portRoutes(Engine& engine) {
    const QString settings = QString::fromLatin1(core::model::Permissions::kSystemSettings);
    return {
        {Method::Get, QStringLiteral("/api/v1/system/ports"), settings,
         [&engine](const RouteRequest&) { return list(engine); }},
        {Method::Put, QStringLiteral("/api/v1/system/ports"), settings,
         [&engine](const RouteRequest& request) { return change(engine, request); }},
    };
}

}  // namespace vigil::server
