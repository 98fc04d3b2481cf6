#include "https_stream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QThread>

namespace vigil::app::player {

namespace {

// Started on first use; quit and joined when the plugin's statics go at exit.
class NetworkThreadHolder {
public:
    NetworkThreadHolder() {
        m_thread.setObjectName(QStringLiteral("vigil-player-net"));
        m_thread.start();
    }
    ~NetworkThreadHolder() {
        m_thread.quit();
        m_thread.wait();
    }
    QThread* thread() { return &m_thread; }

private:
    QThread m_thread;
};

}  // namespace

QThread* networkThread() {
    static NetworkThreadHolder holder;
    return holder.thread();
}

HttpsStream::HttpsStream(MediaSource source, std::shared_ptr<ByteQueue> queue, Callbacks callbacks)
    : m_source(std::move(source)), m_queue(std::move(queue)), m_callbacks(std::move(callbacks)) {}

HttpsStream* HttpsStream::start(const MediaSource& source, std::shared_ptr<ByteQueue> queue, Callbacks callbacks) {
    auto* stream = new HttpsStream(source, queue, std::move(callbacks));
    stream->moveToThread(networkThread());
    queue->setDrained([stream] { QMetaObject::invokeMethod(stream, &HttpsStream::pump, Qt::QueuedConnection); });
    QMetaObject::invokeMethod(stream, &HttpsStream::begin, Qt::QueuedConnection);
    return stream;
}

void HttpsStream::stop(HttpsStream* stream) {
    if (!stream) {
        return;
    }
    QMetaObject::invokeMethod(
        stream,
        [stream] {
            if (stream->m_reply) {
                stream->m_reply->disconnect(stream);
                stream->m_reply->abort();
            }
            stream->m_queue->finish();
            delete stream;  // its QNetworkAccessManager and reply with it
        },
        Qt::QueuedConnection);
}

void HttpsStream::begin() {
    m_network = new QNetworkAccessManager(this);
    m_network->setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(m_source.url);
    request.setSslConfiguration(m_source.tls);
    request.setRawHeader("Accept", "video/mp2t, application/json");
    if (!m_source.authorization.isEmpty()) {
        request.setRawHeader("Authorization", m_source.authorization);
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_reply = m_network->get(request);
    // A small buffer in Qt: the queue is the buffer, and a full queue must stop the socket soon.
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpsStream::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpsStream::pump);
    connect(m_reply, &QNetworkReply::finished, this, &HttpsStream::onFinished);
}

void HttpsStream::onMetaData() {
    if (m_status != 0) {
        return;
    }
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 200 && m_callbacks.started) {
        m_callbacks.started(m_reply->rawHeader("X-Vigil-Stream-Epoch-Ms").toLongLong());
    }
}

void HttpsStream::pump() {
    if (!m_reply) {
        return;
    }
    if (m_status == 0) {
        onMetaData();
    }
    if (m_status == 200) {
        // Takes only what fits: the rest waits in Qt's small buffer and then in the kernel.
        while (m_reply->bytesAvailable() > 0) {
            const qsizetype room = m_queue->room();
            if (room <= 0) {
                return;  // the queue calls pump() again when it drained to half
            }
            m_queue->push(m_reply->read(std::min<qsizetype>(room, m_reply->bytesAvailable())));
        }
    }
    if (m_finishPending) {
        finish();
    }
}

void HttpsStream::onFinished() {
    m_finishPending = true;
    pump();  // finishes once the body's last bytes fit in the queue
}

void HttpsStream::finish() {
    const QNetworkReply::NetworkError error = m_reply->error();
    if (m_status == 0) {
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    if (m_status != 0 && m_status != 200) {
        m_errorBody += m_reply->readAll();
        const QJsonObject body = QJsonDocument::fromJson(m_errorBody).object();
        PlayerFailure failure{m_status, body.value(QStringLiteral("error")).toString(),
                              body.value(QStringLiteral("message")).toString()};
        if (failure.code.isEmpty()) {
            failure.code = QStringLiteral("http_%1").arg(m_status);
        }
        m_callbacks.failed(failure);
    } else if (error != QNetworkReply::NoError) {
        const bool tls = error == QNetworkReply::SslHandshakeFailedError;
        m_callbacks.failed(PlayerFailure{0, tls ? QStringLiteral("tls") : QStringLiteral("network"),
                                         m_reply->errorString()});
    }
    m_queue->finish();
    m_reply->deleteLater();
    m_reply = nullptr;
}

}  // namespace vigil::app::player
