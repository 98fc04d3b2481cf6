#include "http/https_service.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaEnum>
#include <QNetworkRequest>
#include <QStringList>
#include <QUrlQuery>
#include <QWebSocket>

#include "accounts/accounts_routes.h"
#include "backup/backup_routes.h"
#include "backup/backup_service.h"
#include "backup/maintenance_routes.h"
#include "accounts/accounts_service.h"
#include "delivery/delivery_routes.h"
#include "devices/devices_routes.h"
#include "layouts/layouts_routes.h"
#include "devices/devices_service.h"
#include "events/events_routes.h"
#include "recording/recording_routes.h"
#include "engine/engine.h"
#include "http/service_routes.h"
#include "license/licence_routes.h"
#include "audit/audit_routes.h"
#include "model/permissions.h"
#include "security/certificate_authority.h"
#include "server_logging.h"
#include "system/health_monitor.h"
#include "system/time_routes.h"
#include "system/network_log.h"
#include "system/network_log_routes.h"
#include "http/port_routes.h"
#include "devices/media_encryption_routes.h"
#include "events/event_service.h"
#include "motion/motion_routes.h"
#include "motion/motion_service.h"
#include "tls/certificate_manager.h"
#include "tls/certificate_routes.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;

using core::model::Permissions;

const QString kPublic = QString::fromLatin1(Permissions::kPublic);
const QString kAuthenticated = QString::fromLatin1(Permissions::kAuthenticated);

QByteArray methodName(Method method) {
    return QByteArray(QMetaEnum::fromType<Method>().valueToKey(static_cast<int>(method))).toUpper();
}

bool isWebSocketUpgrade(const QHttpServerRequest& request) {
    return request.method() == Method::Get &&
           request.value(QByteArrayLiteral("Upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

// The token of "Authorization: Bearer <token>" (scheme case-insensitive, RFC 6750), else empty.
QString bearerToken(const QByteArray& authorization) {
    const QByteArray value = authorization.trimmed();
    constexpr QByteArrayView kScheme("bearer ");
    if (value.size() <= kScheme.size() || !value.first(kScheme.size()).toLower().startsWith(kScheme)) {
        return {};
    }
    return QString::fromLatin1(value.mid(kScheme.size()).trimmed());
}

// WebSocket clients that cannot set headers (browsers) send the token as ?token=.
QString webSocketToken(const QByteArray& authorization, const QUrlQuery& query) {
    const QString fromHeader = bearerToken(authorization);
    return fromHeader.isEmpty() ? query.queryItemValue(QStringLiteral("token")) : fromHeader;
}

QHttpServerResponse unauthenticated(const core::Error& error, bool tokenGiven) {
    QHttpServerResponse response = errorResponse(StatusCode::Unauthorized, error.code, error.message);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                       tokenGiven ? QByteArrayLiteral("Bearer realm=\"vigil\", error=\"invalid_token\"")
                                  : QByteArrayLiteral("Bearer realm=\"vigil\""));
    return response;
}

QHttpServerResponse notInitialised() {
    return errorResponse(
        StatusCode::Forbidden, QStringLiteral("not_initialised"),
        QStringLiteral("This platform is not initialised yet, so only setup answers. Initialise "
                       "it first (POST /api/v1/setup), then log in."));
}

}  // namespace

HttpsService::HttpsService(Engine& engine, QObject* parent)
    : Service(QStringLiteral("access-gateway"), QStringLiteral("Access gateway"), parent),
      m_engine(engine),
      m_refusals(*engine.options().clock),
      m_routes(buildRoutes()) {
    m_hub.setHelloProvider([this] { return systemInfo(); });
    AccountsService* accounts = m_engine.accounts();
    connect(accounts, &AccountsService::sessionEnded, &m_hub, &WebSocketHub::endSession);
    connect(accounts, &AccountsService::logged, this, [this](const core::model::LogEntry& entry) {
        pushLogEntry(core::model::PushMessage{QStringLiteral("security.log"), entry.toJson()});
    });
    connect(accounts, &AccountsService::addressFilterChanged, this, &HttpsService::applyAddressFilter);
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
    // The one table of the API's routes, made of each domain's part; openapi.yaml describes it.
    return systemRoutes() + accountsRoutes(*m_engine.accounts()) + serviceRoutes(m_engine) +
           devicesRoutes(*m_engine.devices()) +
           recordingRoutes(*m_engine.recording(), m_engine.devices()->access()) + deliveryRoutes(*m_engine.delivery()) +
           eventsRoutes(*m_engine.events(), *m_engine.devices()) + ruleRoutes(*m_engine.rules()) +
           layoutsRoutes(m_engine.database(), *m_engine.options().clock) +
           licenceRoutes(*m_engine.licence()) + timeRoutes(*m_engine.time(), *m_engine.accounts()) +
           certificateRoutes(*m_engine.certificates(), *m_engine.accounts()) + portRoutes(m_engine) +
           mediaEncryptionRoutes(*m_engine.devices()) +
           motionRoutes(*m_engine.events()->findChild<MotionService*>(QString(), Qt::FindDirectChildrenOnly),
                        *m_engine.devices()) +
           networkLogRoutes(*m_engine.findChild<NetworkLog*>(QString(), Qt::FindDirectChildrenOnly),
                            *m_engine.accounts()) +
           backupRoutes(*m_engine.backup()) +
           maintenanceRoutes(*m_engine.backup()->factoryDefaults(), *m_engine.backup()->updates()) +
           auditRoutes(*m_engine.audit(), m_engine);
}

QList<HttpsService::Route> HttpsService::systemRoutes() {
    // info and ca.pem are public: a client shows which site it reached (version, id, CA fingerprint)
    // before anyone logs in, and none of it is secret. health, services and the events socket answer
    // the first-run screen before initialisation and need a session afterwards.
    return {
        {Method::Get, QStringLiteral("/api/v1/system/info"), kPublic,
         [this](const RouteRequest&) { return infoResponse(); }},
        {Method::Get, QStringLiteral("/api/v1/system/health"), kAuthenticated,
         [this](const RouteRequest&) { return healthResponse(); }, true},
        {Method::Get, QStringLiteral("/api/v1/system/services"), kAuthenticated,
         [this](const RouteRequest&) { return servicesResponse(); }, true},
        {Method::Get, QStringLiteral("/api/v1/system/ca.pem"), kPublic,
         [this](const RouteRequest&) { return caPemResponse(); }},
        // Reached only by requests that are not WebSocket upgrades; upgrades never get here.
        {Method::Get, QString::fromLatin1(kEventsPath), kAuthenticated,
         [](const RouteRequest&) {
             return errorResponse(StatusCode::BadRequest, QStringLiteral("websocket_required"),
                                  QStringLiteral("This address takes WebSocket connections only. "
                                                 "Connect with a WebSocket client (wss://)."));
         },
         true},
    };
}

QSslConfiguration HttpsService::tlsConfiguration() const {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // The CA goes with the server certificate so clients can pin it on first contact (SEC-2.3); an
    // imported certificate goes with the chain it was imported with.
    const TlsMaterial& material = m_engine.certificates()->material();
    configuration.setLocalCertificateChain(QList<QSslCertificate>{material.server.certificate} + material.issuers);
    configuration.setPrivateKey(material.server.key);
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
    if (core::Status listening = listen(); !listening) {
        m_server.reset();
        return listening;
    }
    qCInfo(lcHttp).noquote() << "HTTPS on" << m_address.toString() << "port" << m_boundPort;
    return {};
}

core::Status HttpsService::listen() {
    // Our own listener instead of QHttpServer's, so the address filter judges each connection before
    // its TLS handshake (SEC-2.5, address_gate_server.h).
    auto gate = std::make_unique<AddressGateServer>();
    gate->setSslConfiguration(tlsConfiguration());
    gate->setFilter(m_engine.accounts()->addressFilter());
    connect(gate.get(), &AddressGateServer::connectionRefused, this, &HttpsService::noteRefusedConnection);
    // With an OS-chosen port, a restart takes the port it had again, so clients find it where it was
    // (the API can restart the gateway); only if that port is gone does the OS choose anew.
    const bool reused =
        m_requestedPort == 0 && m_lastBoundPort != 0 && gate->listen(m_address, m_lastBoundPort);
    if (!reused && !gate->listen(m_address, m_requestedPort)) {
        return core::Error::make(
            QStringLiteral("port_unavailable"),
            QStringLiteral("Cannot listen on %1 port %2 (%3): the port is in use or the address "
                           "is not on this machine. Choose another port or stop the "
                           "program that uses it.")
                .arg(m_address.toString(), QString::number(m_requestedPort), gate->errorString()));
    }
    m_boundPort = gate->serverPort();
    m_lastBoundPort = m_boundPort;
    m_gate = gate.get();
    m_server->bind(gate.release());  // the server takes ownership; m_gate follows it by QPointer
    return {};
}

void HttpsService::reloadTls() {
    if (m_gate) {
        m_gate->setSslConfiguration(tlsConfiguration());
        qCInfo(lcHttp).noquote() << "serving the server certificate"
                                 << core::security::CertificateAuthority::fingerprint(
                                        m_engine.certificates()->material().server.certificate);
    }
}

quint64 HttpsService::refusedConnections() const {
    const AddressGateServer* gate = m_gate.data();
    return gate ? gate->refusedCount() : 0;
}

void HttpsService::applyAddressFilter() {
    if (m_gate) {
        m_gate->setFilter(m_engine.accounts()->addressFilter());
    }
}

void HttpsService::noteRefusedConnection(const QHostAddress& peer) {
    if (const QString line = m_refusals.record(peer); !line.isEmpty()) {
        qCWarning(lcHttp).noquote() << line;
    }
}

std::optional<QHttpServerResponse> HttpsService::refuseByAddress(const QHostAddress& peer) const {
    if (m_engine.accounts()->addressFilter().permits(peer)) {
        return std::nullopt;
    }
    return errorResponse(StatusCode::Forbidden, QStringLiteral("address_refused"),
                         QStringLiteral("The address filter of this platform refuses %1. Ask an "
                                        "administrator to allow it.")
                             .arg(peer.toString()));
}

void HttpsService::doStop() {
    // The hub's sockets ride on the server's connections: close them before the server goes.
    m_hub.closeAll();
    // Destroyed now, not later, so a restart can bind the same port at once.
    m_server.reset();
    m_boundPort = 0;
}

void HttpsService::dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) const {
    // The path only, never the query: media URLs may carry the session token (route.h).
    std::optional<QHttpServerResponse> response = respond(request, responder);
    if (!response) {
        qCDebug(lcHttp).noquote() << methodName(request.method()) << request.url().path() << "streaming";
        return;
    }
    for (const auto& [name, value] : securityHeaders()) {
        response->setHeader(name, value);
    }
    qCDebug(lcHttp).noquote() << methodName(request.method()) << request.url().path()
                              << static_cast<int>(response->statusCode());
    response->write(std::move(responder));
}

std::optional<QHttpServerResponse> HttpsService::respond(const QHttpServerRequest& request,
                                                         QHttpServerResponder& responder) const {
    if (auto refused = refuseByAddress(request.remoteAddress())) {
        return std::move(*refused);
    }
    if (isWebSocketUpgrade(request)) {
        // Upgrades on the events path never reach here; Qt closes the connection after this answer.
        return errorResponse(StatusCode::NotFound, QStringLiteral("not_found"),
                             QStringLiteral("WebSocket connections are taken at %1 only.")
                                 .arg(QString::fromLatin1(kEventsPath)));
    }
    QHash<QString, QString> params;
    std::optional<QHttpServerResponse> refusal;
    const Route* route = findRoute(request, &params, &refusal);
    if (!route) {
        return std::move(*refusal);
    }
    std::optional<Caller> caller;
    if (auto refused = admit(*route, request, &caller)) {
        return std::move(*refused);
    }
    QJsonObject body;
    if (auto refused = readBody(request, &body, route->maxBodyBytes)) {
        return std::move(*refused);
    }
    const RouteRequest routeRequest{request, request.remoteAddress(), params, body, caller};
    if (route->streamHandler) {
        return route->streamHandler(routeRequest, responder);
    }
    return route->handler(routeRequest);
}

const HttpsService::Route* HttpsService::findRoute(const QHttpServerRequest& request,
                                                   QHash<QString, QString>* params,
                                                   std::optional<QHttpServerResponse>* refusal) const {
    const QString path = request.url().path();
    QByteArrayList allowed;
    const Route* best = nullptr;
    for (const Route& route : m_routes) {
        auto matched = matchRoutePath(route.path, path);
        if (!matched) {
            continue;
        }
        if (route.method != request.method()) {
            if (!allowed.contains(methodName(route.method))) {
                allowed.append(methodName(route.method));
            }
            continue;
        }
        // A literal segment beats a parameter: "/users/me" would win over "/users/{id}".
        if (!best || matched->size() < params->size()) {
            best = &route;
            *params = *matched;
        }
    }
    if (best) {
        return best;
    }
    if (allowed.isEmpty()) {
        *refusal = errorResponse(StatusCode::NotFound, QStringLiteral("not_found"),
                                 QStringLiteral("There is nothing at %1. Check the address against the API "
                                                "description (server/api/openapi.yaml).")
                                     .arg(path));
        return nullptr;
    }
    QHttpServerResponse response =
        errorResponse(StatusCode::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                      QStringLiteral("%1 does not take %2; use %3.")
                          .arg(path, QString::fromLatin1(methodName(request.method())),
                               QString::fromLatin1(allowed.join(", "))));
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    *refusal = std::move(response);
    return nullptr;
}

std::optional<QHttpServerResponse> HttpsService::admit(const Route& route, const QHttpServerRequest& request,
                                                       std::optional<Caller>* caller) const {
    if (route.permission == kPublic) {
        return std::nullopt;
    }
    AccountsService* accounts = m_engine.accounts();
    if (!accounts->isInitialised()) {
        return route.answersBeforeSetup ? std::nullopt : std::optional(notInitialised());
    }
    QString token = bearerToken(request.value(QByteArrayLiteral("Authorization")));
    if (token.isEmpty() && route.tokenInQuery) {
        token = QUrlQuery(request.url()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    }
    auto authenticated = accounts->authenticate(token, request.remoteAddress());
    if (!authenticated) {
        const core::Error& error = authenticated.error();
        return error.code == QLatin1String("unauthenticated") ? unauthenticated(error, !token.isEmpty())
                                                              : errorResponse(error);
    }
    const Caller& who = authenticated.value();
    if (route.permission != kAuthenticated && who.mustChangePassword) {
        return errorResponse(
            StatusCode::Forbidden, QStringLiteral("password_change_required"),
            QStringLiteral("The password of %1 must be changed before anything else. Change it "
                           "(POST /api/v1/auth/password), then try again.")
                .arg(who.userName));
    }
    if (route.permission != kAuthenticated && !who.has(route.permission)) {
        return errorResponse(StatusCode::Forbidden, QStringLiteral("forbidden"),
                             QStringLiteral("This needs the permission \"%1\", which the role of %2 does not "
                                            "grant. Ask an administrator for a role with it.")
                                 .arg(route.permission, who.userName));
    }
    *caller = who;
    return std::nullopt;
}

std::optional<QHttpServerResponse> HttpsService::readBody(const QHttpServerRequest& request,
                                                          QJsonObject* body, qsizetype maxBytes) const {
    const QByteArray data = request.body();
    const qint64 declared = request.value(QByteArrayLiteral("Content-Length")).toLongLong();
    if (data.size() > maxBytes || declared > maxBytes) {
        return errorResponse(
            StatusCode::PayloadTooLarge, QStringLiteral("body_too_large"),
            QStringLiteral("The request body is larger than %1 bytes, the most this API takes. "
                           "Send less.")
                .arg(maxBytes));
    }
    if (data.trimmed().isEmpty()) {
        return std::nullopt;
    }
    if (request.method() != Method::Post && request.method() != Method::Put) {
        return errorResponse(StatusCode::BadRequest, QStringLiteral("bad_request"),
                             QStringLiteral("%1 requests take no body here. Send it without one.")
                                 .arg(QString::fromLatin1(methodName(request.method()))));
    }
    const QByteArray type = request.value(QByteArrayLiteral("Content-Type")).trimmed().toLower();
    if (!type.startsWith("application/json")) {
        return errorResponse(
            StatusCode::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
            QStringLiteral("The body must be JSON, sent with \"Content-Type: application/json\"."));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return errorResponse(
            StatusCode::BadRequest, QStringLiteral("bad_request"),
            QStringLiteral("The body is not a JSON object%1. Send one object, as the API "
                           "description (server/api/openapi.yaml) shows.")
                .arg(parseError.error != QJsonParseError::NoError
                         ? QStringLiteral(" (%1 at byte %2)")
                               .arg(parseError.errorString(), QString::number(parseError.offset))
                         : QString()));
    }
    *body = document.object();
    return std::nullopt;
}

void HttpsService::handleEvents(const QHttpServerRequest& request, QHttpServerResponder&& responder) const {
    if (!isWebSocketUpgrade(request)) {
        dispatch(request, std::move(responder));
        return;
    }
    AccountsService* accounts = m_engine.accounts();
    if (!accounts->addressFilter().permits(request.remoteAddress())) {
        dispatch(request, std::move(responder));  // answers address_refused, which refuses the upgrade
        return;
    }
    if (accounts->isInitialised()) {
        const QString token =
            webSocketToken(request.value(QByteArrayLiteral("Authorization")), request.query());
        auto caller = accounts->authenticate(token, request.remoteAddress());
        if (!caller) {
            // Answering refuses the upgrade; Qt closes the connection after it.
            QHttpServerResponse response = caller.error().code == QLatin1String("unauthenticated")
                                               ? unauthenticated(caller.error(), !token.isEmpty())
                                               : errorResponse(caller.error());
            for (const auto& [name, value] : securityHeaders()) {
                response.setHeader(name, value);
            }
            response.write(std::move(responder));
            return;
        }
    }
    // No answer: Qt hands the connection to its WebSocket server, then to acceptWebSockets().
}

void HttpsService::acceptWebSockets() {
    AccountsService* accounts = m_engine.accounts();
    while (m_server && m_server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
        QString sessionId;
        if (accounts->isInitialised()) {
            // The upgrade request was checked in handleEvents(); check again to learn the session it
            // belongs to, which the handshake request carries (header or ?token=).
            const QNetworkRequest handshake = socket->request();
            const QString token = webSocketToken(handshake.rawHeader(QByteArrayLiteral("Authorization")),
                                                 QUrlQuery(handshake.url()));
            auto caller = accounts->authenticate(token, socket->peerAddress());
            if (!caller) {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, caller.error().message.left(120));
                continue;
            }
            sessionId = caller->sessionId;
        }
        m_hub.accept(std::move(socket), sessionId);
    }
}

void HttpsService::pushLogEntry(const core::model::PushMessage& message) {
    // Only to sessions whose role may read the log.
    AccountsService* accounts = m_engine.accounts();
    const QString logs = QString::fromLatin1(Permissions::kLogs);
    m_hub.broadcastTo(message, [accounts, &logs](const QString& sessionId) {
        return !sessionId.isEmpty() && accounts->sessionPermissions(sessionId).contains(logs);
    });
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
