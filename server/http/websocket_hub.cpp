#include "http/websocket_hub.h"

#include <QJsonDocument>
#include <QJsonObject>
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

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket, const QString& sessionId) {
    if (!socket) {
        return;
    }
    // The hub owns the socket from here: its lifetime must not follow the server's internals.
    QWebSocket* client = socket.release();
    client->setParent(this);
    connect(client, &QWebSocket::disconnected, this, [this, client] { drop(client); });
    m_clients.append(client);
    m_sessionIds.insert(client, sessionId);
    qCInfo(lcHttp).noquote() << "WebSocket client connected from" << client->peerAddress().toString()
                             << "clients:" << m_clients.size();
    emit clientCountChanged(clientCount());

    const core::model::SystemInfo info = m_helloProvider ? m_helloProvider() : core::model::SystemInfo{};
    send(client, core::model::PushMessage{kHelloType, info.toJson()});
    emit clientAccepted(client, sessionId);
}

QStringList WebSocketHub::sessionIds() const {
    QStringList ids;
    for (const QString& id : m_sessionIds) {
        if (!ids.contains(id)) {
            ids.append(id);
        }
    }
    return ids;
}

void WebSocketHub::sendTo(QWebSocket* socket, const core::model::PushMessage& message) {
    if (m_clients.contains(socket)) {
        send(socket, message);
    }
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

void WebSocketHub::broadcastTo(const core::model::PushMessage& message,
                               const std::function<bool(const QString&)>& wanted) {
    QString text;
    for (QWebSocket* client : std::as_const(m_clients)) {
        if (wanted(m_sessionIds.value(client))) {
            if (text.isEmpty()) {
                text = compactText(message);
            }
            client->sendTextMessage(text);
        }
    }
}

void WebSocketHub::endSession(const QString& sessionId, const QString& reason) {
    if (sessionId.isEmpty()) {
        return;
    }
    const core::model::PushMessage ended{QStringLiteral("session.ended"),
                                         QJsonObject{{QStringLiteral("reason"), reason}}};
    const QList<QWebSocket*> clients = m_clients;
    for (QWebSocket* client : clients) {
        if (m_sessionIds.value(client) != sessionId) {
            continue;
        }
        send(client, ended);
        client->flush();
        // The client learns why from the message; the close frame says it too, for plain tools.
        client->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("session ended: %1").arg(reason));
    }
}

int WebSocketHub::sessionClientCount(const QString& sessionId) const {
    int count = 0;
    for (QWebSocket* client : m_clients) {
        count += m_sessionIds.value(client) == sessionId ? 1 : 0;
    }
    return count;
}

void WebSocketHub::closeAll() {
    m_sessionIds.clear();
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
    m_sessionIds.remove(socket);
    // Deleted later: this runs inside the socket's own disconnected signal.
    socket->deleteLater();
    qCInfo(lcHttp) << "WebSocket client left, clients:" << m_clients.size();
    emit clientCountChanged(clientCount());
}

}  // namespace vigil::server
