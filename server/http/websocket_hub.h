#pragma once
// WebSocketHub: the clients connected to /api/v1/events/ws. Greets each new client with
// "system.hello" (the server's SystemInfo) so it has state at once, then pushes every broadcast
// message to all of them as compact JSON text. Closed sockets are dropped; closeAll() runs when the
// access gateway stops. Each socket remembers the session it was opened with (empty before the
// platform is initialised), so endSession() can tell that client why and close it.

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

#include "model/system_model.h"

class QWebSocket;

namespace vigil::server {

class WebSocketHub : public QObject {
    Q_OBJECT
public:
    using HelloProvider = std::function<core::model::SystemInfo()>;

    explicit WebSocketHub(QObject* parent = nullptr);
    ~WebSocketHub() override;

    // What a new client receives first, as the data of "system.hello".
    void setHelloProvider(HelloProvider provider);

    // Takes ownership of an upgraded socket, notes its session and greets it.
    void accept(std::unique_ptr<QWebSocket> socket, const QString& sessionId = {});
    void broadcast(const core::model::PushMessage& message);
    // Sends to the clients whose session id `wanted` accepts.
    void broadcastTo(const core::model::PushMessage& message,
                     const std::function<bool(const QString&)>& wanted);
    // Sends {"type":"session.ended","data":{"reason"}} to the session's clients, then closes them.
    void endSession(const QString& sessionId, const QString& reason);
    int sessionClientCount(const QString& sessionId) const;
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    // The distinct sessions with a client connected now ("" for clients before initialisation).
    QStringList sessionIds() const;
    // Sends to one client (one that clientAccepted announced and that is still connected).
    void sendTo(QWebSocket* socket, const core::model::PushMessage& message);
    // Says goodbye to every client and frees the sockets now (before the server that made them goes).
    void closeAll();

signals:
    void clientCountChanged(int count);
    // A client was greeted; its handshake request (socket->request()) may ask for more, such as the
    // events it missed (events/events_push.h).
    void clientAccepted(QWebSocket* socket, const QString& sessionId);

private:
    void send(QWebSocket* socket, const core::model::PushMessage& message);
    void drop(QWebSocket* socket);

    QList<QWebSocket*> m_clients;  // owned; children of this hub
    QHash<QWebSocket*, QString> m_sessionIds;
    HelloProvider m_helloProvider;
};

}  // namespace vigil::server
