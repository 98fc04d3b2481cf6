#pragma once
// Test helper: a session's events WebSocket (wss://.../api/v1/events/ws) on a real engine, trusting
// only the engine's CA, collecting every pushed message; optionally resuming with ?since=<id>.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QWebSocket>
#include <memory>

#include "accounts/api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"

namespace vigil::test {

class EventSocket : public QObject {
public:
    EventSocket(server::Engine& engine, ApiSession& session, qint64 since = -1) {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        m_socket.setSslConfiguration(session.tls());
        QUrl url = engine.baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("token"), session.token());
        if (since >= 0) {
            query.addQueryItem(QStringLiteral("since"), QString::number(since));
        }
        url.setQuery(query);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(url);
        m_connected = connected.wait(10000);
    }

    bool isConnected() const { return m_connected && m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.close(); }
    const QList<QJsonObject>& messages() const { return m_messages; }

    // The data of every message of `type`, in arrival order.
    QList<QJsonObject> of(const QString& type) const {
        QList<QJsonObject> data;
        for (const QJsonObject& message : m_messages) {
            if (message.value(QStringLiteral("type")).toString() == type) {
                data.append(message.value(QStringLiteral("data")).toObject());
            }
        }
        return data;
    }
    // The ids of the events.event messages, in arrival order.
    QList<qint64> eventIds() const {
        QList<qint64> ids;
        for (const QJsonObject& event : of(QStringLiteral("events.event"))) {
            ids.append(event.value(QStringLiteral("id")).toInteger());
        }
        return ids;
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    bool m_connected = false;
};

}  // namespace vigil::test
