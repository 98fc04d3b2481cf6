#include "http/websocket_hub.h"

#include <QJsonDocument>
#include <QWebSocket>

#include "server_logging.h"

namespace vigil::server {

namespace {
const QString kHelloType = QStringLiteral("system.hello");

QString compactText(const core::model::PushMessage& message) {
    return QString::fromUtf8(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact));
}
}  // namespace

WebSocketHub::WebSocketHub(QObject* parent) : QObject(parent) {}

WebSocketHub::~WebSocketHub() {
    closeAll();
}

void WebSocketHub::setHelloProvider(HelloProvider provider) {
    m_helloProvider = std::move(provider);
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket) {
    if (!socket) {
        return;
    }
    // The hub owns the socket from here: its lifetime must not follow the server's internals.
    QWebSocket* client = socket.release();
    client->setParent(this);
    connect(client, &QWebSocket::disconnected, this, [this, client] { drop(client); });
    m_clients.append(client);
    qCInfo(lcHttp).noquote() << "WebSocket client connected from" << client->peerAddress().toString()
                             << "clients:" << m_clients.size();
    emit clientCountChanged(clientCount());

    const core::model::SystemInfo info = m_helloProvider ? m_helloProvider() : core::model::SystemInfo{};
    send(client, core::model::PushMessage{kHelloType, info.toJson()});
}

void WebSocketHub::broadcast(const core::model::PushMessage& message) {
    if (m_clients.isEmpty()) {
        return;
    }
    const QString text = compactText(message);
    for (QWebSocket* client : std::as_const(m_clients)) {
        client->sendTextMessage(text);
    }
}

void WebSocketHub::closeAll() {
    const QList<QWebSocket*> clients = std::exchange(m_clients, {});
    for (QWebSocket* client : clients) {
        client->disconnect(this);
        client->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("The server is stopping."));
        client->flush();
        delete client;
    }
    if (!clients.isEmpty()) {
        qCInfo(lcHttp) << "closed" << clients.size() << "WebSocket clients";
        emit clientCountChanged(0);
    }
}

void WebSocketHub::send(QWebSocket* socket, const core::model::PushMessage& message) {
    socket->sendTextMessage(compactText(message));
}

void WebSocketHub::drop(QWebSocket* socket) {
    if (!m_clients.removeOne(socket)) {
        return;
    }
    // Deleted later: this runs inside the socket's own disconnected signal.
    socket->deleteLater();
    qCInfo(lcHttp) << "WebSocket client left, clients:" << m_clients.size();
    emit clientCountChanged(clientCount());
}

}  // namespace vigil::server
