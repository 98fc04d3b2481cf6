#pragma once
// OnvifHttpServer: the small HTTP/1.1 server under vigil-testcamera's ONVIF side. Reads requests
// with a Content-Length body (bounded), hands each to a handler that answers now or later (a
// PullMessages waits for an event), and writes responses in order, keeping connections alive
// unless the client asks to close. One request per connection is handled at a time: pipelined
// requests wait in the buffer.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <functional>

class QTcpSocket;

namespace vigil::testcamera {

struct HttpRequest {
    QByteArray method;
    QByteArray path;  // without the query
    QList<std::pair<QByteArray, QByteArray>> headers;  // names lower case
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const;
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/soap+xml; charset=utf-8";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool close = false;  // close the connection after this response
};

class OnvifHttpServer : public QObject {
    Q_OBJECT

public:
    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    // Answers a request, now or later, exactly once. Calling it after the client went is harmless.
    using Respond = std::function<void(const HttpResponse&)>;
    using Handler = std::function<void(const HttpRequest&, Respond)>;

    explicit OnvifHttpServer(Handler handler, QObject* parent = nullptr);

    bool listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    static QByteArray reasonPhrase(int status);

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false;  // a request is being answered
    };

    void accept();
    void readFrom(QTcpSocket* socket);
    void write(QTcpSocket* socket, const HttpResponse& response);

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket*, Connection> m_connections;
};

}  // namespace vigil::testcamera
