#include "ffmpeg_backend.h"

#include "ffmpeg_session.h"

namespace vigil::app::player {

FfmpegBackend::FfmpegBackend(PlayerEvents* events) : m_events(events) {}

FfmpegBackend::~FfmpegBackend() = default;

void FfmpegBackend::open(const MediaSource& source) {
    m_session.reset();  // the previous one reports nothing more once gone
    m_session = std::make_unique<FfmpegSession>(source, m_events);
}

void FfmpegBackend::close() {
    m_session.reset();
}

void FfmpegBackend::setPaused(bool paused) {
    if (m_session) {
        m_session->setPaused(paused);
    }
}

void FfmpegBackend::setSpeed(double speed) {
    if (m_session) {
        m_session->setSpeed(speed);
    }
}

bool FfmpegBackend::step(int direction) {
    if (!m_session || direction <= 0) {
        return false;
    }
    m_session->step();
    return true;
}

std::unique_ptr<PlayerBackend> FfmpegPlayerPlugin::create(PlayerEvents* events) {
    return std::make_unique<FfmpegBackend>(events);
}

}  // namespace vigil::app::player
