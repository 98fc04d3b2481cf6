#pragma once
// HttpsStream: one streaming GET of the server's media routes, read with QNetworkAccessManager on the
// plugin's network thread (NetworkThread) and handed to a ByteQueue. TLS trusts what the source's
// configuration trusts (the site's pinned CA only); the token goes as the Authorization header.
//
// It reads only while the queue has room, so a paused or slow player holds the server back through
// TCP instead of buffering the stream in memory. A non-200 answer is read whole and reported as the
// server's {error, message}.

#include <QObject>
#include <functional>
#include <memory>

#include "byte_queue.h"
#include "player/player_backend.h"

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

namespace vigil::app::player {

// The thread every HttpsStream of the process runs on (started on first use, stopped at exit).
QThread* networkThread();

class HttpsStream : public QObject {
    Q_OBJECT
public:
    struct Callbacks {
        std::function<void(qint64 epochMs)> started;  // 200 and its epoch header
        std::function<void(const PlayerFailure&)> failed;  // both must be set
        // Clean end of the body: the queue is finished as well.
    };

    // Made on any thread; lives on networkThread() and starts there. The queue's drained callback
    // is set to resume reading: the caller must stop reading the queue before stop().
    static HttpsStream* start(const MediaSource& source, std::shared_ptr<ByteQueue> queue, Callbacks callbacks);
    // Ends the request from any thread and deletes the stream on its thread; nothing is called back
    // after the callbacks' owner stopped listening (the owner guards them).
    static void stop(HttpsStream* stream);

private:
    HttpsStream(MediaSource source, std::shared_ptr<ByteQueue> queue, Callbacks callbacks);
    void begin();
    void onMetaData();
    void pump();
    void onFinished();
    void finish();

    static constexpr qsizetype kReadBufferBytes = 256 * 1024;

    MediaSource m_source;
    std::shared_ptr<ByteQueue> m_queue;
    Callbacks m_callbacks;
    QNetworkAccessManager* m_network = nullptr;
    QNetworkReply* m_reply = nullptr;
    int m_status = 0;
    QByteArray m_errorBody;
    bool m_finishPending = false;
};

}  // namespace vigil::app::player
