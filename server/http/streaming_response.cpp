#include "http/streaming_response.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include "http/route.h"
#include "server_logging.h"

namespace vigil::server {

namespace {

QByteArray statusLine(QHttpServerResponder::StatusCode status) {
    const int code = static_cast<int>(status);
    const char* phrase = "Status";
    switch (status) {
    case QHttpServerResponder::StatusCode::Ok:
        phrase = "OK";
        break;
    case QHttpServerResponder::StatusCode::PartialContent:
        phrase = "Partial Content";
        break;
    default:
        break;
    }
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(code) + ' ' + phrase + "\r\n";
}

}  // namespace

StreamingResponse* StreamingResponse::take(QHttpServerResponder& responder, QObject* parent) {
    QTcpSocket* socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        return nullptr;
    }
    return new StreamingResponse(std::make_unique<QHttpServerResponder>(std::move(responder)), parent);
}

StreamingResponse::StreamingResponse(std::unique_ptr<QHttpServerResponder> responder, QObject* parent)
    : QObject(parent), m_responder(std::move(responder)), m_socket(m_responder->socket()) {
    m_progress.start();
    // From now on the connection carries this answer only: Qt's server no longer reads from it.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &StreamingResponse::onInput);
    connect(m_socket, &QAbstractSocket::disconnected, this, &StreamingResponse::onGone);
    connect(m_socket, &QObject::destroyed, this, &StreamingResponse::onGone);
    connect(m_socket, &QIODevice::bytesWritten, this, [this](qint64 bytes) {
        m_bytesSent += bytes;
        m_progress.restart();
        emit drained();
    });
    if (auto* tls = qobject_cast<QSslSocket*>(m_socket)) {
        connect(tls, &QSslSocket::encryptedBytesWritten, this, [this] {
            m_progress.restart();
            emit drained();
        });
    }
}

StreamingResponse::~StreamingResponse() {
    if (QTcpSocket* socket = m_socket) {
        socket->disconnect(this);
        if (socket->state() != QAbstractSocket::UnconnectedState && !m_finished) {
            socket->abort();
        }
    }
}

void StreamingResponse::answer(QHttpServerResponse&& response) {
    if (!m_responder || !isOpen()) {
        return;
    }
    for (const auto& [name, value] : securityHeaders()) {
        response.setHeader(name, value);
    }
    response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    m_begun = true;
    m_finished = true;
    QTcpSocket* socket = m_socket;
    const qint64 before = socket->bytesToWrite();
    response.write(std::move(*m_responder));
    m_responder.reset();
    m_bytesQueued += socket->bytesToWrite() - before;
    close(false);
}

bool StreamingResponse::begin(QHttpServerResponder::StatusCode status, const QByteArray& contentType,
                              qint64 contentLength, const Headers& headers) {
    if (m_begun || !isOpen()) {
        return false;
    }
    m_begun = true;
    m_responder.reset();  // the head is ours from here
    m_chunked = contentLength < 0;
    QByteArray head = statusLine(status);
    auto add = [&head](const QByteArray& name, const QByteArray& value) { head += name + ": " + value + "\r\n"; };
    add(QByteArrayLiteral("Content-Type"), contentType);
    if (m_chunked) {
        add(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
    } else {
        add(QByteArrayLiteral("Content-Length"), QByteArray::number(contentLength));
    }
    add(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    for (const auto& [name, value] : securityHeaders()) {
        add(name, value);
    }
    for (const auto& [name, value] : headers) {
        add(name, value);
    }
    head += "\r\n";
    writeRaw(head);
    m_progress.restart();
    return isOpen();
}

bool StreamingResponse::write(QByteArrayView bytes) {
    if (!m_begun || m_finished || !isOpen()) {
        return false;
    }
    if (bytes.isEmpty()) {
        return true;  // an empty chunk would end the body
    }
    if (m_chunked) {
        writeRaw(QByteArray::number(bytes.size(), 16) + "\r\n");
        writeRaw(bytes);
        writeRaw("\r\n");
    } else {
        writeRaw(bytes);
    }
    m_bodyBytes += bytes.size();
    return isOpen();
}

void StreamingResponse::finish() {
    if (!m_begun || m_finished || !isOpen()) {
        return;
    }
    if (m_chunked) {
        writeRaw("0\r\n\r\n");
    }
    m_finished = true;
    close(false);
}

void StreamingResponse::abort() {
    close(true);
}

void StreamingResponse::limitKernelBuffer(int bytes) {
    if (QTcpSocket* socket = m_socket) {
        socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, bytes);
    }
}

bool StreamingResponse::isOpen() const {
    const QTcpSocket* socket = m_socket;
    return socket != nullptr && socket->state() == QAbstractSocket::ConnectedState && !m_closedEmitted;
}

qint64 StreamingResponse::pendingBytes() const {
    const QTcpSocket* socket = m_socket;
    if (socket == nullptr) {
        return 0;
    }
    qint64 pending = socket->bytesToWrite();
    if (const auto* tls = qobject_cast<const QSslSocket*>(socket)) {
        pending += tls->encryptedBytesToWrite();
    }
    return pending;
}

void StreamingResponse::writeRaw(QByteArrayView bytes) {
    QTcpSocket* socket = m_socket;
    if (socket == nullptr) {
        return;
    }
    const qint64 written = socket->write(bytes.data(), bytes.size());
    if (written != bytes.size()) {
        qCInfo(lcHttp) << "a streaming answer could not be written:" << socket->errorString();
        close(true);
        return;
    }
    m_bytesQueued += written;
}

void StreamingResponse::close(bool now) {
    QTcpSocket* socket = m_socket;
    if (socket == nullptr) {
        onGone();
        return;
    }
    if (now) {
        socket->abort();
        onGone();
        return;
    }
    // Closes once what is written has gone out; disconnected() follows (and with it onGone()).
    const QPointer<QTcpSocket> watched(socket);
    socket->disconnectFromHost();
    if (watched && watched->state() == QAbstractSocket::UnconnectedState) {
        onGone();
    }
}

void StreamingResponse::onInput() {
    QTcpSocket* socket = m_socket;
    if (socket == nullptr) {
        return;
    }
    m_ignoredInput += socket->readAll().size();
    if (m_ignoredInput > kMaxIgnoredInputBytes) {
        qCInfo(lcHttp) << "closing a streaming answer: the client sent" << m_ignoredInput << "bytes after its request";
        close(true);
    }
}

void StreamingResponse::onGone() {
    if (QTcpSocket* socket = m_socket) {
        socket->disconnect(this);
        m_socket = nullptr;  // Qt's server deletes it once disconnected
    }
    if (m_closedEmitted) {
        return;
    }
    m_closedEmitted = true;
    emit closed();
}

}  // namespace vigil::server
