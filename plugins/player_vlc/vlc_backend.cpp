#include "vlc_backend.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <cstring>

#include "player/yuv420_frame.h"

#include <vlc/vlc.h>

Q_LOGGING_CATEGORY(lcVlcPlayer, "vigil.player.vlc")

namespace vigil::app::player {

namespace {

unsigned align32(unsigned value) {
    return (value + 31U) & ~31U;
}

// The token from "Bearer <token>".
QString tokenOf(const QByteArray& authorization) {
    return QString::fromUtf8(authorization.startsWith("Bearer ") ? authorization.mid(7) : authorization);
}

}  // namespace

VlcBackend::VlcBackend(PlayerEvents* events) : m_events(events) {}

VlcBackend::~VlcBackend() {
    close();
    if (m_instance) {
        libvlc_release(m_instance);
    }
}

bool VlcBackend::ensureInstance(const MediaSource& source) {
    QByteArray pem;
    for (const QSslCertificate& certificate : source.tls.caCertificates()) {
        pem += certificate.toPem();
    }
    const QByteArray digest = QCryptographicHash::hash(pem, QCryptographicHash::Sha256);
    if (m_instance && digest == m_caDigest) {
        return true;
    }
    if (m_instance) {
        libvlc_release(m_instance);
        m_instance = nullptr;
    }
    QList<QByteArray> arguments{"--quiet", "--no-audio", "--no-video-title-show", "--no-xlib", "--no-osd",
                                "--network-caching=300", "--file-caching=300", "--no-snapshot-preview"};
    if (!pem.isEmpty()) {
        // Only the site's CA (libVLC's GnuTLS reads every certificate file in the folder).
        m_caDir = std::make_unique<QTemporaryDir>();
        QFile file(m_caDir->filePath(QStringLiteral("site-ca.pem")));
        if (!m_caDir->isValid() || !file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size()) {
            return false;
        }
        file.close();
        arguments << "--no-gnutls-system-trust" << "--gnutls-dir-trust=" + m_caDir->path().toUtf8();
    }
    std::vector<const char*> argv;
    for (const QByteArray& argument : std::as_const(arguments)) {
        argv.push_back(argument.constData());
    }
    m_instance = libvlc_new(static_cast<int>(argv.size()), argv.data());
    m_caDigest = digest;
    return m_instance != nullptr;
}

void VlcBackend::open(const MediaSource& source) {
    close();
    m_source = source;
    if (!ensureInstance(source)) {
        m_events->failed(PlayerFailure{0, QStringLiteral("unsupported"),
                                       QStringLiteral("libVLC did not start (is VLC's plugin package installed?)")});
        return;
    }
    libvlc_media_t* media = nullptr;
    if (source.kind == MediaSource::Kind::File && source.url.isLocalFile()) {
        media = libvlc_media_new_path(m_instance, QFile::encodeName(source.url.toLocalFile()).constData());
    } else {
        QUrl url = source.url;
        if (!source.authorization.isEmpty()) {
            QUrlQuery query(url);
            query.addQueryItem(QStringLiteral("token"), tokenOf(source.authorization));
            url.setQuery(query);
        }
        media = libvlc_media_new_location(m_instance, url.toString(QUrl::FullyEncoded).toUtf8().constData());
    }
    if (!media) {
        m_events->failed(PlayerFailure{0, QStringLiteral("unsupported"), QStringLiteral("libVLC cannot open this address.")});
        return;
    }
    m_player = libvlc_media_player_new_from_media(media);
    m_media = media;  // kept: its tracks say the picture's visible size (see format())
    libvlc_video_set_callbacks(m_player, &VlcBackend::lock, nullptr, &VlcBackend::display, this);
    libvlc_video_set_format_callbacks(m_player, &VlcBackend::format, nullptr);
    libvlc_event_manager_t* events = libvlc_media_player_event_manager(m_player);
    for (const libvlc_event_type_t type : {libvlc_MediaPlayerPlaying, libvlc_MediaPlayerEncounteredError,
                                           libvlc_MediaPlayerEndReached, libvlc_MediaPlayerTimeChanged}) {
        libvlc_event_attach(events, type, &VlcBackend::onEvent, this);
    }
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_startPausedDone = false;
        m_paused = false;
        m_steps = 0;
    }
    m_playedMs.store(0);
    if (source.kind != MediaSource::Kind::Live && source.speed > 0) {
        libvlc_media_player_set_rate(m_player, static_cast<float>(source.speed));
    }
    libvlc_media_player_play(m_player);
}

void VlcBackend::close() {
    {
        std::lock_guard lock(m_mutex);
        m_open = false;  // nothing is reported from here on
    }
    if (m_player) {
        libvlc_media_player_stop(m_player);  // waits for VLC's threads
        libvlc_media_player_release(m_player);
        m_player = nullptr;
    }
    if (m_media) {
        libvlc_media_release(m_media);
        m_media = nullptr;
    }
}

void VlcBackend::setPaused(bool paused) {
    {
        std::lock_guard lock(m_mutex);
        m_paused = paused;
        m_steps = 0;
    }
    if (m_player) {
        libvlc_media_player_set_pause(m_player, paused ? 1 : 0);
    }
}

void VlcBackend::setSpeed(double speed) {
    if (m_player && speed > 0) {
        libvlc_media_player_set_rate(m_player, static_cast<float>(speed));
    }
}

bool VlcBackend::step(int direction) {
    if (!m_player || direction <= 0) {
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_steps;
    }
    libvlc_media_player_next_frame(m_player);
    return true;
}

void VlcBackend::report(const std::function<void(PlayerEvents&)>& call) {
    std::lock_guard lock(m_mutex);
    if (m_open) {
        call(*m_events);
    }
}

unsigned VlcBackend::format(void** opaque, char* chroma, unsigned* width, unsigned* height, unsigned* pitches,
                            unsigned* lines) {
    auto* self = static_cast<VlcBackend*>(*opaque);
    std::memcpy(chroma, "I420", 4);
    std::lock_guard lock(self->m_mutex);
    // The buffer may be taller than the picture (VLC aligns it); the media's track has the picture's
    // size. (The player's own functions must not be called from VLC's threads: stop() holds its lock.)
    self->m_width = static_cast<int>(*width);
    self->m_height = static_cast<int>(*height);
    libvlc_media_track_t** tracks = nullptr;
    const unsigned count = libvlc_media_tracks_get(self->m_media, &tracks);
    for (unsigned i = 0; i < count; ++i) {
        if (tracks[i]->i_type == libvlc_track_video && tracks[i]->video->i_width > 0 && tracks[i]->video->i_height > 0 &&
            tracks[i]->video->i_width <= *width && tracks[i]->video->i_height <= *height) {
            self->m_width = static_cast<int>(tracks[i]->video->i_width);
            self->m_height = static_cast<int>(tracks[i]->video->i_height);
            break;
        }
    }
    libvlc_media_tracks_release(tracks, count);
    const auto padded = std::max(*height, static_cast<unsigned>(paddedVideoHeight(self->m_height)));
    pitches[0] = align32(*width);
    pitches[1] = pitches[2] = align32((*width + 1) / 2);
    lines[0] = padded;
    lines[1] = lines[2] = padded / 2;
    for (int plane = 0; plane < 3; ++plane) {
        self->m_pitches[plane] = pitches[plane];
        self->m_lines[plane] = lines[plane];
        self->m_planes[plane].assign(static_cast<size_t>(pitches[plane]) * lines[plane], 0);
    }
    return 1;  // one picture buffer
}

void* VlcBackend::lock(void* opaque, void** planes) {
    auto* self = static_cast<VlcBackend*>(opaque);
    for (int plane = 0; plane < 3; ++plane) {
        planes[plane] = self->m_planes[plane].data();
    }
    return nullptr;
}

void VlcBackend::display(void* opaque, void*) {
    auto* self = static_cast<VlcBackend*>(opaque);
    {
        // Paused, VLC may still display (the picture in flight, a redraw): only a step shows one.
        std::lock_guard lock(self->m_mutex);
        if (self->m_paused) {
            if (self->m_steps == 0) {
                return;
            }
            --self->m_steps;
        }
    }
    Yuv420Planes planes;
    for (int plane = 0; plane < 3; ++plane) {
        planes.data[plane] = self->m_planes[plane].data();
        planes.stride[plane] = static_cast<int>(self->m_pitches[plane]);
    }
    const QVideoFrame frame = yuv420Frame(self->m_width, self->m_height, planes, false,
                                          self->m_height >= 720 ? QVideoFrameFormat::ColorSpace_BT709
                                                                : QVideoFrameFormat::ColorSpace_BT601);
    const qint64 playedMs = self->m_playedMs.load();
    qint64 position = playedMs;
    if (self->m_source.kind == MediaSource::Kind::Live) {
        position = QDateTime::currentMSecsSinceEpoch();
    } else if (self->m_source.kind == MediaSource::Kind::Archive) {
        position = self->m_source.showFromMs + playedMs;
    }
    self->report([&](PlayerEvents& events) { events.frame(frame, position); });
    if (self->m_source.startPaused && !self->m_startPausedDone) {
        self->m_startPausedDone = true;
        self->report([&](PlayerEvents& events) { events.pausedAt(position); });  // the player pauses us
    }
}

void VlcBackend::onEvent(const libvlc_event_t* event, void* opaque) {
    auto* self = static_cast<VlcBackend*>(opaque);
    switch (event->type) {
        case libvlc_MediaPlayerPlaying:
            self->report([](PlayerEvents& events) { events.streamStarted(0); });
            break;
        case libvlc_MediaPlayerEncounteredError:
            qCInfo(lcVlcPlayer).noquote() << "libVLC could not play" << self->m_source.url.path();
            self->report([](PlayerEvents& events) {
                events.failed(PlayerFailure{0, QStringLiteral("network"),
                                            QStringLiteral("libVLC could not play the stream (refused, unreachable or "
                                                           "not trusted).")});
            });
            break;
        case libvlc_MediaPlayerTimeChanged:
            self->m_playedMs.store(event->u.media_player_time_changed.new_time);
            break;
        case libvlc_MediaPlayerEndReached:
            self->report([](PlayerEvents& events) { events.ended(); });
            break;
        default:
            break;
    }
}

std::unique_ptr<PlayerBackend> VlcPlayerPlugin::create(PlayerEvents* events) {
    return std::make_unique<VlcBackend>(events);
}

}  // namespace vigil::app::player
