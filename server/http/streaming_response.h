#pragma once
// StreamingResponse: an answer written over the connection on our own schedule, for what Qt
// HttpServer 6.4 cannot do (ARCHITECTURE.md, Pitfalls): long-lived media streams, downloads read
// from disk piece by piece, and answers that come later (a snapshot decoded on a worker).
//
// A streaming route's handler (http/route.h) takes the responder; from then on this object owns
// the connection's answer. It takes the socket's readyRead from Qt's server, so a request pipelined
// behind a stream is never answered in the middle of it, and it closes the connection after its
// answer ("Connection: close"). Qt deletes the socket when the peer goes; this object watches it and
// emits closed() once, whatever ended it.
//
// Body: chunked transfer encoding when the length is unknown (live, archive), Content-Length when
// it is known (downloads). Every answer carries the gateway's security headers.
//
// Backpressure: pendingBytes() is what the connection still holds in memory (plaintext not yet
// encrypted plus ciphertext not yet taken by the kernel). Writers stop while it is above their
// limit and go on at drained(); nothing here buffers without bound on their behalf.
//
// Threads: the socket's thread (the engine's), like everything of the gateway.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QList>
#include <QObject>
#include <memory>
#include <utility>

class QTcpSocket;

namespace vigil::server {

class StreamingResponse : public QObject {
    Q_OBJECT
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    // Bytes a client may send after its request before the connection is closed (a client that
    // pipelines requests behind a stream, or floods it).
    static constexpr qint64 kMaxIgnoredInputBytes = 16 * 1024;

    // Takes the responder (moved from) and with it the connection. nullptr when the connection is
    // already gone.
    static StreamingResponse* take(QHttpServerResponder& responder, QObject* parent = nullptr);
    ~StreamingResponse() override;

    // A whole answer at once (an error, a JPEG), then the connection closes.
    void answer(QHttpServerResponse&& response);

    // Starts a body of `contentLength` bytes, or of unknown length (chunked) when -1.
    bool begin(QHttpServerResponder::StatusCode status, const QByteArray& contentType, qint64 contentLength = -1,
               const Headers& headers = {});
    // Appends body bytes (one chunk when chunked). False when the connection is gone.
    bool write(QByteArrayView bytes);
    // Ends the body (the last chunk), then closes the connection once it is written.
    void finish();
    // Closes the connection now, dropping what is not written.
    void abort();

    // Caps the kernel's send buffer for this connection (else it grows to megabytes per client):
    // part of bounding what a slow client can cost.
    void limitKernelBuffer(int bytes);

    bool isOpen() const;
    bool hasBegun() const { return m_begun; }
    qint64 pendingBytes() const;
    qint64 bodyBytesWritten() const { return m_bodyBytes; }
    // Bytes of the answer (head, framing and body) the socket has taken off our hands so far:
    // encrypted and handed on toward the kernel.
    qint64 bytesSent() const { return m_bytesSent; }
    // Everything written into the connection so far (sent or still pending).
    qint64 bytesQueued() const { return m_bytesQueued; }
    // Milliseconds since the socket last took bytes (or since begin()).
    qint64 msSinceProgress() const { return m_progress.elapsed(); }

signals:
    void drained();  // the socket took bytes: there may be room for more
    void closed();   // once, when the connection ends for any reason

private:
    explicit StreamingResponse(std::unique_ptr<QHttpServerResponder> responder, QObject* parent);
    void writeRaw(QByteArrayView bytes);
    void close(bool now);
    void onInput();
    void onGone();

    std::unique_ptr<QHttpServerResponder> m_responder;  // until the head is written
    QTcpSocket* m_socket = nullptr;  // null once the connection is gone (onGone)
    bool m_begun = false;
    bool m_chunked = false;
    bool m_finished = false;
    bool m_closedEmitted = false;
    qint64 m_bodyBytes = 0;
    qint64 m_bytesSent = 0;
    qint64 m_bytesQueued = 0;
    qint64 m_ignoredInput = 0;
    QElapsedTimer m_progress;
};

}  // namespace vigil::server
