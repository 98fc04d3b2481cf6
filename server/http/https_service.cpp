#include "http/https_service.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaEnum>
#include <QStringList>
#include <QWebSocket>

#include "engine/engine.h"
#include "security/certificate_authority.h"
#include "server_logging.h"
#include "system/health_monitor.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;

const QString kPublic = QStringLiteral("public");
constexpr auto kSecurityHeaders = {
    std::pair{"Cache-Control", "no-store"},
    std::pair{"Strict-Transport-Security", "max-age=31536000"},
    std::pair{"X-Content-Type-Options", "nosniff"},
};

QHttpServerResponse errorResponse(StatusCode status, const QString& code, const QString& message) {
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}}, status);
}

QByteArray methodName(Method method) {
    return QByteArray(QMetaEnum::fromType<Method>().valueToKey(static_cast<int>(method))).toUpper();
}

bool isWebSocketUpgrade(const QHttpServerRequest& request) {
    return request.method() == Method::Get &&
           request.value(QByteArrayLiteral("Upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

}  // namespace

HttpsService::HttpsService(Engine& engine, QObject* parent)
    : Service(QStringLiteral("access-gateway"), QStringLiteral("Access gateway"), parent),
      m_engine(engine),
      m_routes(buildRoutes()) {
    m_hub.setHelloProvider([this] { return systemInfo(); });
}

HttpsService::~HttpsService() {
    doStop();
}

void HttpsService::setListen(const QHostAddress& address, quint16 port) {
    m_address = address;
    m_requestedPort = port;
}

quint16 HttpsService::port() const {
    return m_server ? m_boundPort : 0;
}

QList<HttpsService::Route> HttpsService::buildRoutes() {
    // The one place the API's routes are declared; openapi.yaml describes the same list.
    return {
        {Method::Get, QStringLiteral("/api/v1/system/info"), kPublic,
         [this](auto&) { return infoResponse(); }},
        {Method::Get, QStringLiteral("/api/v1/system/health"), kPublic,
         [this](auto&) { return healthResponse(); }},
        {Method::Get, QStringLiteral("/api/v1/system/services"), kPublic,
         [this](auto&) { return servicesResponse(); }},
        {Method::Get, QStringLiteral("/api/v1/system/ca.pem"), kPublic,
         [this](auto&) { return caPemResponse(); }},
        // Reached only by requests that are not WebSocket upgrades; upgrades never get here.
        {Method::Get, QString::fromLatin1(kEventsPath), kPublic,
         [](auto&) {
             return errorResponse(StatusCode::BadRequest, QStringLiteral("websocket_required"),
                                  QStringLiteral("This address takes WebSocket connections only. "
                                                 "Connect with a WebSocket client (wss://)."));
         }},
    };
}

QSslConfiguration HttpsService::tlsConfiguration() const {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // The CA goes with the server certificate so clients can pin it on first contact (SEC-2.3).
    configuration.setLocalCertificateChain(
        {m_engine.serverCertificate().certificate, m_engine.authority().certificate});
    configuration.setPrivateKey(m_engine.serverCertificate().key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // Clients prove who they are with accounts, not certificates.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

core::Status HttpsService::doStart() {
    if (m_engine.serverCertificate().certificate.isNull() || m_engine.serverCertificate().key.isNull()) {
        return core::Error::make(QStringLiteral("tls_material_missing"),
                                 QStringLiteral("The server has no TLS certificate, so HTTPS cannot start. "
                                                "Restart the server; it makes a new certificate if needed."));
    }
    m_server = std::make_unique<QHttpServer>();
    // Qt HttpServer 6.4 upgrades a WebSocket only when a route takes the request and does not answer.
    m_server->route(QString::fromLatin1(kEventsPath),
                    [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                        handleEvents(request, std::move(responder));
                    });
    // Every other request goes through our own table, which also answers 404 and 405.
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        dispatch(request, std::move(responder));
    });
    connect(m_server.get(), &QHttpServer::newWebSocketConnection, this, &HttpsService::acceptWebSockets);
    m_server->sslSetup(tlsConfiguration());

    const quint16 bound = m_server->listen(m_address, m_requestedPort);
    if (bound == 0) {
        m_server.reset();
        return core::Error::make(
            QStringLiteral("port_unavailable"),
            QStringLiteral("Cannot listen on %1 port %2: the port is in use or the address "
                           "is not on this machine. Choose another port or stop the "
                           "program that uses it.")
                .arg(m_address.toString())
                .arg(m_requestedPort));
    }
    m_boundPort = bound;
    qCInfo(lcHttp).noquote() << "HTTPS on" << m_address.toString() << "port" << m_boundPort;
    return {};
}

void HttpsService::doStop() {
    // The hub's sockets ride on the server's connections: close them before the server goes.
    m_hub.closeAll();
    // Destroyed now, not later, so a restart can bind the same port at once.
    m_server.reset();
    m_boundPort = 0;
}

void HttpsService::dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) const {
    QHttpServerResponse response = respond(request);
    for (const auto& [name, value] : kSecurityHeaders) {
        response.setHeader(QByteArray(name), QByteArray(value));
    }
    qCDebug(lcHttp).noquote() << methodName(request.method()) << request.url().path()
                              << static_cast<int>(response.statusCode());
    response.write(std::move(responder));
}

QHttpServerResponse HttpsService::respond(const QHttpServerRequest& request) const {
    const QString path = request.url().path();
    if (isWebSocketUpgrade(request)) {
        // Upgrades on the events path never reach here; Qt closes the connection after this answer.
        return errorResponse(StatusCode::NotFound, QStringLiteral("not_found"),
                             QStringLiteral("WebSocket connections are taken at %1 only.")
                                 .arg(QString::fromLatin1(kEventsPath)));
    }
    QByteArrayList allowed;
    for (const Route& route : m_routes) {
        if (route.path != path) {
            continue;
        }
        if (route.method == request.method()) {
            return route.handler(request);
        }
        allowed.append(methodName(route.method));
    }
    if (allowed.isEmpty()) {
        return errorResponse(StatusCode::NotFound, QStringLiteral("not_found"),
                             QStringLiteral("There is nothing at %1. Check the address against the API "
                                            "description (server/api/openapi.yaml).")
                                 .arg(path));
    }
    QHttpServerResponse response =
        errorResponse(StatusCode::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                      QStringLiteral("%1 does not take %2; use %3.")
                          .arg(path, QString::fromLatin1(methodName(request.method())),
                               QString::fromLatin1(allowed.join(", "))));
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    return response;
}

void HttpsService::handleEvents(const QHttpServerRequest& request, QHttpServerResponder&& responder) const {
    if (isWebSocketUpgrade(request)) {
        return;  // no answer: Qt hands the connection to its WebSocket server, then to acceptWebSockets()
    }
    dispatch(request, std::move(responder));
}

void HttpsService::acceptWebSockets() {
    while (m_server && m_server->hasPendingWebSocketConnections()) {
        m_hub.accept(m_server->nextPendingWebSocketConnection());
    }
}

core::model::SystemInfo HttpsService::systemInfo() const {
    core::model::SystemInfo info;
    info.version = QStringLiteral(VIGIL_VERSION);
    info.serverId = m_engine.serverId();
    info.serverName = m_engine.serverName();
    info.nowMs = QDateTime::currentMSecsSinceEpoch();
    info.startedMs = m_engine.startedAt().toMSecsSinceEpoch();
    info.uptimeMs = qMax<qint64>(0, info.nowMs - info.startedMs);
    info.caFingerprint = core::security::CertificateAuthority::fingerprint(m_engine.authority().certificate);
    return info;
}

QHttpServerResponse HttpsService::infoResponse() const {
    return QHttpServerResponse(systemInfo().toJson());
}

QHttpServerResponse HttpsService::healthResponse() const {
    const HealthMonitor* health = m_engine.health();
    if (!health || health->state() != ServiceState::Running) {
        return errorResponse(StatusCode::ServiceUnavailable, QStringLiteral("health_unavailable"),
                             QStringLiteral("The system management service is not running, so there are no "
                                            "health figures. Start it from the services list."));
    }
    return QHttpServerResponse(health->snapshot().toJson());
}

QHttpServerResponse HttpsService::servicesResponse() const {
    QJsonArray services;
    for (const Service* service : m_engine.services()) {
        services.append(core::model::ServiceStatus{service->id(), service->displayName(),
                                                   serviceStateName(service->state()), service->port(),
                                                   service->problem()}
                            .toJson());
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("services"), services}});
}

QHttpServerResponse HttpsService::caPemResponse() const {
    QHttpServerResponse response(QByteArrayLiteral("application/x-pem-file"),
                                 m_engine.authority().certificatePem());
    response.setHeader(QByteArrayLiteral("Content-Disposition"),
                       QByteArrayLiteral("attachment; filename=\"vigil-ca.pem\""));
    return response;
}

}  // namespace vigil::server
