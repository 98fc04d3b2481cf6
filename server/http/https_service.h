#pragma once
// HttpsService: the "access-gateway" service. Serves the REST API and the event WebSocket over TLS 1.2+
// on one port (SEC-2.1, SEC-2.3) with Qt HttpServer. Every route is declared once, in routes(): its
// method, path, permission and handler; each domain contributes its part from its own file
// (http/route.h). Answers are JSON, errors {"error": code, "message": text}, and every answer carries
// the security headers.
//
// The address filter (SEC-2.5) comes first: the listener (AddressGateServer) closes refused
// connections before their TLS handshake, and each request is judged again (403 address_refused), so
// a kept-alive connection opened before a change does not outlive it.
//
// Access (docs/design/accounts.md): before the platform is initialised only public routes and those
// marked answersBeforeSetup answer, others 403 not_initialised. Afterwards every non-public route needs
// "Authorization: Bearer <token>" (401 unauthenticated with WWW-Authenticate) and its permission (403
// forbidden naming it). The events WebSocket takes the token from that header or from ?token=; when its
// session ends it receives "session.ended" and is closed.

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <functional>
#include <memory>

#include "engine/service.h"
#include "http/address_gate_server.h"
#include "http/refusal_log.h"
#include "http/route.h"
#include "http/websocket_hub.h"
#include "model/system_model.h"

class QHttpServer;
class QHttpServerResponder;

namespace vigil::server {

class Engine;

class HttpsService : public Service {
    Q_OBJECT
public:
    using Route = vigil::server::Route;

    static constexpr auto kEventsPath = "/api/v1/events/ws";
    // The setting that holds the port (SEC-2.1; /api/v1/system/ports changes it, http/port_routes.h).
    static constexpr auto kPortSetting = "https.port";

    HttpsService(Engine& engine, QObject* parent);
    ~HttpsService() override;

    // Where to listen; takes effect on the next (re)start. Port 0 lets the OS choose.
    void setListen(const QHostAddress& address, quint16 port);
    QHostAddress listenAddress() const { return m_address; }
    // The port actually bound while running, 0 otherwise.
    quint16 port() const override;

    WebSocketHub& hub() { return m_hub; }
    // Connections the address filter closed before their TLS handshake since the last start.
    quint64 refusedConnections() const;
    // The per-request check (SEC-2.5): a kept-alive connection opened before the filter changed is
    // judged again on each request; an answer means the request is refused.
    std::optional<QHttpServerResponse> refuseByAddress(const QHostAddress& peer) const;
    const QList<Route>& routes() const { return m_routes; }
    // Serves the engine's current certificate to the next connections (SEC-2.3); open ones keep theirs.
    void reloadTls();

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    QList<Route> buildRoutes();
    QList<Route> systemRoutes();
    QSslConfiguration tlsConfiguration() const;
    core::Status listen();
    void applyAddressFilter();
    void noteRefusedConnection(const QHostAddress& peer);

    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;
    // The answer to write, or nullopt when a streaming route took the responder.
    std::optional<QHttpServerResponse> respond(const QHttpServerRequest& request,
                                               QHttpServerResponder& responder) const;
    // The route for the request, or the 404/405 answer; `params` gets the path parameters.
    const Route* findRoute(const QHttpServerRequest& request, QHash<QString, QString>* params,
                           std::optional<QHttpServerResponse>* refusal) const;
    // Checks initialisation, session and permission; nullopt when the route may run.
    std::optional<QHttpServerResponse> admit(const Route& route, const QHttpServerRequest& request,
                                             std::optional<Caller>* caller) const;
    std::optional<QHttpServerResponse> readBody(const QHttpServerRequest& request, QJsonObject* body,
                                                qsizetype maxBytes) const;
    void handleEvents(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;
    void acceptWebSockets();
    void pushLogEntry(const core::model::PushMessage& message);

    core::model::SystemInfo systemInfo() const;
    QHttpServerResponse infoResponse() const;
    QHttpServerResponse healthResponse() const;
    QHttpServerResponse servicesResponse() const;
    QHttpServerResponse caPemResponse() const;

    Engine& m_engine;
    QHostAddress m_address = QHostAddress(QHostAddress::LocalHost);
    quint16 m_requestedPort = 0;
    quint16 m_boundPort = 0;
    quint16 m_lastBoundPort = 0;            // kept across a restart: see listen()
    std::unique_ptr<QHttpServer> m_server;  // made on start, destroyed on stop: that frees the port
    QPointer<AddressGateServer> m_gate;     // the listener; m_server owns it once bound
    RefusalLog m_refusals;
    WebSocketHub m_hub;
    QList<Route> m_routes;
};

}  // namespace vigil::server
