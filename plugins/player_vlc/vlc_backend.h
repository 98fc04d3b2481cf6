#pragma once
// The libVLC player backend (id "vlc", libVLC 3.0): HTTP(S) streams and local files such as exported
// clips. libVLC decodes into our memory (I420, height padded to a multiple of 4 as the FFmpeg
// backend does, for Qt 6.4) and each picture is copied into a QVideoFrame for the player.
//
// TLS: libVLC's HTTPS (GnuTLS) trusts only the site's CA: it is written to a private folder and the
// instance runs with --no-gnutls-system-trust --gnutls-dir-trust=<folder>. libVLC sends no custom
// headers, so the token goes as ?token= (the server's media routes take it for such players; it
// travels inside TLS and the server never logs it, docs/design/delivery.md).
//
// Limits: libVLC does not report HTTP statuses, so a refused stream is a plain error ("network")
// and the player retries it; positions of server streams are the asked time plus the play time;
// libVLC's memory output gives the decoder's aligned buffer size, and for an MPEG-TS stream (no size
// in its header) the visible size is unknown when the buffer is set up, so such a picture comes
// scaled into the aligned size (640x386 for 640x360); files (MP4) give their size and are exact.

#include <QObject>
#include <QTemporaryDir>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "player/player_backend.h"

struct libvlc_instance_t;
struct libvlc_media_player_t;
struct libvlc_media_t;
struct libvlc_event_t;

namespace vigil::app::player {

class VlcBackend : public PlayerBackend {
public:
    explicit VlcBackend(PlayerEvents* events);
    ~VlcBackend() override;

    void open(const MediaSource& source) override;
    void close() override;
    void setPaused(bool paused) override;
    void setSpeed(double speed) override;
    bool step(int direction) override;

private:
    static unsigned format(void** opaque, char* chroma, unsigned* width, unsigned* height, unsigned* pitches,
                           unsigned* lines);
    static void* lock(void* opaque, void** planes);
    static void display(void* opaque, void* picture);
    static void onEvent(const libvlc_event_t* event, void* opaque);
    void report(const std::function<void(PlayerEvents&)>& call);
    bool ensureInstance(const MediaSource& source);

    PlayerEvents* m_events;
    libvlc_instance_t* m_instance = nullptr;
    QByteArray m_caDigest;  // the CA the instance trusts (a new CA needs a new instance)
    std::unique_ptr<QTemporaryDir> m_caDir;
    libvlc_media_player_t* m_player = nullptr;
    libvlc_media_t* m_media = nullptr;
    std::atomic<qint64> m_playedMs{0};  // from VLC's time events
    MediaSource m_source;

    // Picture buffers (VLC's threads) and whether events may still go out.
    std::mutex m_mutex;
    bool m_open = false;
    int m_width = 0;
    int m_height = 0;
    unsigned m_pitches[3] = {};
    unsigned m_lines[3] = {};
    std::vector<uchar> m_planes[3];
    bool m_startPausedDone = false;
    bool m_paused = false;
    int m_steps = 0;  // next_frame asked while paused: pictures to let through
};

class VlcPlayerPlugin : public QObject, public PlayerBackendFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VIGIL_PLAYER_BACKEND_IID FILE "vlc_player.json")
    Q_INTERFACES(vigil::app::player::PlayerBackendFactory)
public:
    QString id() const override { return QStringLiteral("vlc"); }
    QString displayName() const override { return QStringLiteral("libVLC"); }
    std::unique_ptr<PlayerBackend> create(PlayerEvents* events) override;
};

}  // namespace vigil::app::player
