#pragma once
// The FFmpeg player backend (id "ffmpeg", the default): the server's HTTPS MPEG-TS streams read with
// Qt's network stack (pinned CA, Authorization header) and decoded with libavcodec, and local files
// through libavformat. One FfmpegSession per open().

#include <QObject>
#include <memory>

#include "player/player_backend.h"

namespace vigil::app::player {

class FfmpegSession;

class FfmpegBackend : public PlayerBackend {
public:
    explicit FfmpegBackend(PlayerEvents* events);
    ~FfmpegBackend() override;

    void open(const MediaSource& source) override;
    void close() override;
    void setPaused(bool paused) override;
    void setSpeed(double speed) override;
    bool step(int direction) override;

private:
    PlayerEvents* m_events;
    std::unique_ptr<FfmpegSession> m_session;
};

class FfmpegPlayerPlugin : public QObject, public PlayerBackendFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VIGIL_PLAYER_BACKEND_IID FILE "ffmpeg_player.json")
    Q_INTERFACES(vigil::app::player::PlayerBackendFactory)
public:
    QString id() const override { return QStringLiteral("ffmpeg"); }
    QString displayName() const override { return QStringLiteral("FFmpeg"); }
    std::unique_ptr<PlayerBackend> create(PlayerEvents* events) override;
};

}  // namespace vigil::app::player
