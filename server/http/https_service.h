#pragma once
// HttpsService: the "access-gateway" service. Serves the REST API and the event WebSocket over TLS 1.2+
// on one port (SEC-2.1, SEC-2.3) with Qt HttpServer. Every route is declared once, in routes(): its
// method, path, permission and handler. Answers are JSON, errors {"error": code, "message": text},
// and every answer carries the security headers.

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <functional>
#include <memory>

#include "engine/service.h"
#include "http/websocket_hub.h"
#include "model/system_model.h"

class QHttpServer;
class QHttpServerResponder;

namespace vigil::server {

class Engine;

class HttpsService : public Service {
    Q_OBJECT
public:
    // One API route.
    struct Route {
        QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
        QString path;
        // Who may call it; enforced once accounts exist (issue 3). "public": anyone reaching the port.
        QString permission;
        std::function<QHttpServerResponse(const QHttpServerRequest&)> handler;
    };

    static constexpr auto kEventsPath = "/api/v1/events/ws";

    HttpsService(Engine& engine, QObject* parent);
    ~HttpsService() override;

    // Where to listen; takes effect on the next (re)start. Port 0 lets the OS choose.
    void setListen(const QHostAddress& address, quint16 port);
    // The port actually bound while running, 0 otherwise.
    quint16 port() const override;

    WebSocketHub& hub() { return m_hub; }
    const QList<Route>& routes() const { return m_routes; }

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    QList<Route> buildRoutes();
    QSslConfiguration tlsConfiguration() const;

    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;
    QHttpServerResponse respond(const QHttpServerRequest& request) const;
    void handleEvents(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;
    void acceptWebSockets();

    core::model::SystemInfo systemInfo() const;
    QHttpServerResponse infoResponse() const;
    QHttpServerResponse healthResponse() const;
    QHttpServerResponse servicesResponse() const;
    QHttpServerResponse caPemResponse() const;

    Engine& m_engine;
    QHostAddress m_address = QHostAddress(QHostAddress::LocalHost);
    quint16 m_requestedPort = 0;
    quint16 m_boundPort = 0;
    std::unique_ptr<QHttpServer> m_server;  // made on start, destroyed on stop: that frees the port
    WebSocketHub m_hub;
    QList<Route> m_routes;
};

}  // namespace vigil::server
