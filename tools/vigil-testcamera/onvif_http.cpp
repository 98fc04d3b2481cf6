#include "onvif_http.h"

#include <QTcpSocket>

namespace vigil::testcamera {

QByteArray HttpRequest::header(const QByteArray& lowerCaseName) const {
    for (const auto& [name, value] : headers) {
        if (name == lowerCaseName) {
            return value;
        }
    }
    return {};
}

OnvifHttpServer::OnvifHttpServer(Handler handler, QObject* parent)
    : QObject(parent), m_handler(std::move(handler)) {
    connect(&m_server, &QTcpServer::newConnection, this, &OnvifHttpServer::accept);
}

bool OnvifHttpServer::listen(const QHostAddress& address, quint16 port) {
    return m_server.listen(address, port);
}

QByteArray OnvifHttpServer::reasonPhrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 413: return "Payload Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        default: return "Status";
    }
}

void OnvifHttpServer::accept() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void OnvifHttpServer::readFrom(QTcpSocket* socket) {
    auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        return;
    }
    Connection& connection = found.value();
    connection.buffer += socket->readAll();
    if (connection.busy) {
        return;  // the next request waits until this one is answered
    }
    const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (connection.buffer.size() > kMaxHeaderBytes) {
            write(socket, HttpResponse{400, "text/plain", {}, "header too long\n", true});
        }
        return;
    }
    const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        write(socket, HttpResponse{400, "text/plain", {}, "not an HTTP/1.x request\n", true});
        return;
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    request.path = requestLine.at(1).split('?').first();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0) {
            request.headers.append({lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed()});
        }
    }
    bool ok = true;
    const QByteArray lengthText = request.header("content-length");
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || length < 0 || length > kMaxBodyBytes) {
        write(socket, HttpResponse{413, "text/plain", {}, "body too large or bad Content-Length\n", true});
        return;
    }
    if (connection.buffer.size() < headerEnd + 4 + length) {
        return;  // wait for the rest of the body
    }
    request.body = connection.buffer.mid(headerEnd + 4, length);
    connection.buffer.remove(0, headerEnd + 4 + length);
    const bool closeAfter = request.header("connection").toLower() == "close" || requestLine.at(2) == "HTTP/1.0";
    connection.busy = true;

    QPointer<QTcpSocket> guard(socket);
    auto answered = std::make_shared<bool>(false);
    m_handler(request, [this, guard, answered, closeAfter](const HttpResponse& response) {
        if (*answered || guard.isNull() || !m_connections.contains(guard.data())) {
            return;
        }
        *answered = true;
        HttpResponse sent = response;
        sent.close = sent.close || closeAfter;
        QTcpSocket* target = guard.data();
        write(target, sent);
        if (!sent.close && m_connections.contains(target)) {
            m_connections[target].busy = false;
            // A pipelined request may be waiting already.
            QMetaObject::invokeMethod(this, [this, guard] {
                if (!guard.isNull()) {
                    readFrom(guard.data());
                }
            }, Qt::QueuedConnection);
        }
    });
}

void OnvifHttpServer::write(QTcpSocket* socket, const HttpResponse& response) {
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
                      "\r\nServer: vigil-testcamera\r\nContent-Type: " + response.contentType +
                      "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                      "\r\nConnection: " + (response.close ? "close" : "keep-alive") + "\r\n";
    for (const auto& [name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
    }
    socket->write(head + "\r\n" + response.body);
    if (response.close) {
        m_connections.remove(socket);
        socket->disconnectFromHost();
    }
}

}  // namespace vigil::testcamera
