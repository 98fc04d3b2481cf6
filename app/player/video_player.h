#pragma once
// VideoPlayer: the workstation's video player for QML ("VideoPlayer" in Vigil.Media 1.0, README.md).
// It plays one channel's live or recorded stream from the site (or a local file) into a QVideoSink
// (bind `videoSink: videoOutput.videoSink`), says in `state`/`stateText` what is wrong when there is
// no picture, and recovers by itself: a dropped stream or an offline camera is tried again with
// back-off (0.5 s doubling to 10 s) until it plays, stop() is called or the channel changes.
//
// The decoding is done by a backend plugin (player_backend.h; "ffmpeg" by default, "vlc"), on its
// own threads. `framesShown` counts the pictures given to the sink since play() (stop() resets it).
// Pictures reach the sink on this object's thread; when they come faster than this
// thread takes them, only the newest is shown.
//
// The site comes from the ApiClient given with setClient() or, for every player, setDefaultClient()
// (the workstation sets it): its address, the session token (Authorization header) and its TLS
// configuration, which trusts the site's pinned CA only.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>
#include <memory>
#include <mutex>

#include "player/player_backend.h"

class QTimer;

namespace vigil::core::client {
class ApiClient;
}

namespace vigil::app {

class VideoPlayer : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString channelId READ channelId WRITE setChannelId NOTIFY channelIdChanged)
    Q_PROPERTY(QString stream READ stream WRITE setStream NOTIFY streamChanged)
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(QUrl source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(qint64 positionMs READ positionMs NOTIFY positionChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(bool paused READ paused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)
    Q_PROPERTY(QSize videoSize READ videoSize NOTIFY videoSizeChanged)
    Q_PROPERTY(QString backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(bool autoPlay READ autoPlay WRITE setAutoPlay NOTIFY autoPlayChanged)

public:
    static constexpr int kFirstRetryMs = 500;
    static constexpr int kMaxRetryMs = 10000;
    static constexpr int kPictureLateMs = 3000;      // live: no picture this long says "waiting for the camera"
    static constexpr int kConnectTimeoutMs = 20000;  // no answer this long: try again
    static constexpr double kMaxSpeed = 8.0;
    // Reverse play asks for the archive from this long before the picture on screen; the server starts
    // at the keyframe before, so each window is at least one GOP.
    static constexpr qint64 kReverseWindowMs = 1000;

    explicit VideoPlayer(QObject* parent = nullptr);
    ~VideoPlayer() override;

    // The client of the site every player uses unless it has its own (not owned).
    static void setDefaultClient(core::client::ApiClient* client);
    void setClient(core::client::ApiClient* client);
    // Registers VideoPlayer as Vigil.Media 1.0 for QML.
    static void registerQmlTypes();

    QString channelId() const { return m_channelId; }
    void setChannelId(const QString& channelId);
    QString stream() const { return m_stream; }
    void setStream(const QString& stream);
    QString mode() const { return m_mode; }  // "live" | "archive" | "file"
    void setMode(const QString& mode);
    QUrl source() const { return m_source; }  // mode "file": a local file or an http(s) URL
    void setSource(const QUrl& source);
    qint64 positionMs() const { return m_positionMs; }
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    bool paused() const { return m_paused; }
    void setPaused(bool paused);
    QString state() const { return m_state; }
    QString stateText() const;
    QVideoSink* videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink* sink);
    int framesShown() const { return m_framesShown; }
    QSize videoSize() const { return m_videoSize; }
    QString backend() const { return m_backendId; }
    void setBackend(const QString& id);
    bool autoPlay() const { return m_autoPlay; }
    void setAutoPlay(bool autoPlay);

    Q_INVOKABLE void play();
    Q_INVOKABLE void stop();
    // Archive (a live player switches to archive): shows the picture at `ms` (UTC), and plays on
    // from there unless paused.
    Q_INVOKABLE void seek(qint64 ms);
    // Archive and files: pauses and shows the next (direction > 0) or the previous picture.
    Q_INVOKABLE void stepFrame(int direction);
    // Saves the picture on screen (PNG or JPEG by the file name); false when there is none.
    Q_INVOKABLE bool snapshot(const QString& path);

signals:
    void channelIdChanged();
    void streamChanged();
    void modeChanged();
    void sourceChanged();
    void positionChanged();
    void speedChanged();
    void pausedChanged();
    void stateChanged();
    void videoSinkChanged();
    void framesShownChanged();
    void videoSizeChanged();
    void backendChanged();
    void autoPlayChanged();
    // The first picture after play(), seek() or a reconnect; ms since it was asked for.
    void firstFrame(qint64 elapsedMs);

private:
    class Events;
    struct OpenRequest {
        qint64 fromMs = 0;            // archive: the URL's from and the first picture shown
        qint64 showLastBeforeMs = 0;  // archive: step backwards
        bool startPaused = false;
        bool reverse = false;         // archive: a window before showLastBeforeMs, shown backwards
    };
    void openReverseWindow(qint64 endMs);

    void open(const OpenRequest& request);
    void restart();
    void closeBackend();
    bool ensureBackend();
    void setState(const QString& state, const QString& detail = {});
    void setPosition(qint64 ms);
    void scheduleRetry(const QString& state, const QString& detail);
    void retry();
    void checkPicture();
    bool isArchive() const { return m_mode == QLatin1String("archive"); }
    bool isLive() const { return m_mode == QLatin1String("live"); }
    core::client::ApiClient* client() const;

    // From the backend's threads, through Events (posted here).
    void onStreamStarted(quint64 generation);
    void onFrame(quint64 generation);
    void onPausedAt(quint64 generation, qint64 positionMs);
    void onFailed(quint64 generation, const player::PlayerFailure& failure);
    void onEnded(quint64 generation);

    QString m_channelId;
    QString m_stream = QStringLiteral("main");
    QString m_mode = QStringLiteral("live");
    QUrl m_source;
    qint64 m_positionMs = 0;
    double m_speed = 1.0;
    bool m_paused = false;
    bool m_autoPlay = false;
    bool m_wanted = false;  // play() was called and stop() was not
    QString m_state = QStringLiteral("idle");
    QString m_detail;       // the server's or the backend's message for the state
    QPointer<QVideoSink> m_sink;
    QVideoSink* m_ownSink = nullptr;  // when QML gave none
    int m_framesShown = 0;
    int m_windowFrames = 0;  // pictures of the open source
    QSize m_videoSize;
    QString m_backendId = QStringLiteral("ffmpeg");
    QPointer<core::client::ApiClient> m_client;

    std::unique_ptr<Events> m_events;
    std::unique_ptr<player::PlayerBackend> m_backend;
    quint64 m_generation = 0;     // of the open source; events of older ones are ignored
    bool m_sessionOpen = false;   // the backend has a source that can still step
    QTimer* m_retryTimer;
    QTimer* m_watchdog;
    int m_retryDelayMs = kFirstRetryMs;
    QElapsedTimer m_askedAt;      // since play/seek/retry, for firstFrame()
    bool m_firstFramePending = false;
    QElapsedTimer m_sinceFrame;   // since the last picture
};

}  // namespace vigil::app
