#pragma once
// PlayerBackend: what the workstation's VideoPlayer needs from a way of playing video (README.md).
// Backends are Qt plugins (plugins/player_ffmpeg, plugins/player_vlc) found by BackendRegistry, the
// same pattern as the device drivers (core/devices/device_driver.h): a factory interface with an
// IID, and plain C++ objects behind it, so no QObject crosses the plugin boundary.
//
// A backend plays one source at a time on threads of its own and hands each picture to show, and
// what happens, to PlayerEvents from any of its threads; the player puts the pictures into its
// QVideoSink on its own thread (so a sink that QML deletes is never touched from another thread).
// It never retries: the player decides about reconnecting, because it knows the states.

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <QVideoFrame>
#include <QtPlugin>
#include <memory>

namespace vigil::app::player {

// What to play. For the server's routes `url` is the live or archive URL and the backend adds
// nothing; `authorization` goes as the Authorization header; `tls` trusts the site's CA only.
struct MediaSource {
    enum class Kind { Live, Archive, File };
    Kind kind = Kind::Live;
    QUrl url;
    QByteArray authorization;  // "Bearer <token>"; empty for files
    QSslConfiguration tls;
    // Archive: frames before this UTC ms are decoded (the stream starts at the keyframe before it)
    // but not shown, so the first picture is the one at the time asked (frame-accurate seek).
    qint64 showFromMs = 0;
    // Archive: when set, show the last frame before this UTC ms and pause (a step backwards).
    qint64 showLastBeforeMs = 0;
    bool startPaused = false;  // show the first picture, then hold it
    // Archive, reverse play: decode the pictures before showLastBeforeMs (a GOP window from the
    // keyframe before the URL's `from`), show them backwards at `speed`, then report ended(); the
    // player asks for the window before. showLastBeforeMs must be set.
    bool reverse = false;
    double speed = 1.0;        // archive presentation speed (> 0); the server sends as fast as we read
    // What the pictures handed to PlayerEvents::frame are: YUV 4:2:0 (the scene graph converts the
    // colours) or RGB (converted on the backend's thread, for scene graphs drawn in software:
    // render_probe.h). A backend that cannot choose hands what it has.
    enum class Pictures { Yuv420, Rgb };
    Pictures pictures = Pictures::Yuv420;
};

// Why a source failed. httpStatus and code come from the server's answer ({error, message}) when
// there was one; 0 and a backend code ("network", "decode", "unsupported") otherwise.
struct PlayerFailure {
    int httpStatus = 0;
    QString code;
    QString message;
};

// Reported by a backend, from any thread.
class PlayerEvents {
public:
    virtual ~PlayerEvents() = default;
    // The source answered and its data starts (epochMs: UTC of stream time 0, 0 when unknown).
    virtual void streamStarted(qint64 epochMs) = 0;
    // A picture to show now. positionMs: UTC ms of that picture (file: ms from its start). The
    // frame's viewport is the picture (its buffer may be taller, see the FFmpeg backend).
    virtual void frame(const QVideoFrame& frame, qint64 positionMs) = 0;
    // True while the last picture handed over waits for the GUI thread to take it: a backend may then
    // skip converting a live picture (it would only replace that one unseen) and so save the copy.
    virtual bool frameWaiting() { return false; }
    // Playback paused by itself (startPaused, a step, showLastBeforeMs).
    virtual void pausedAt(qint64 positionMs) = 0;
    virtual void failed(const PlayerFailure& failure) = 0;
    // The source ended cleanly (an archive's range or recording ended, a file ended, the server
    // closed a live stream).
    virtual void ended() = 0;
};

class PlayerBackend {
public:
    virtual ~PlayerBackend() = default;
    // Plays `source`, ending what played before. Returns at once.
    virtual void open(const MediaSource& source) = 0;
    // Stops and lets the connection go; the last picture stays in the sink.
    virtual void close() = 0;
    virtual void setPaused(bool paused) = 0;
    virtual void setSpeed(double speed) = 0;  // archive and files, > 0
    // While paused: shows the next picture (direction > 0). Backwards is the player's business (it
    // opens the archive again with showLastBeforeMs); a backend may return false for it.
    virtual bool step(int direction) = 0;
};

class PlayerBackendFactory {
public:
    virtual ~PlayerBackendFactory() = default;
    virtual QString id() const = 0;           // "ffmpeg", "vlc"
    virtual QString displayName() const = 0;  // for people
    // `events` outlives the backend.
    virtual std::unique_ptr<PlayerBackend> create(PlayerEvents* events) = 0;
};

}  // namespace vigil::app::player

#define VIGIL_PLAYER_BACKEND_IID "org.vigil.PlayerBackendFactory/1"
Q_DECLARE_INTERFACE(vigil::app::player::PlayerBackendFactory, VIGIL_PLAYER_BACKEND_IID)
