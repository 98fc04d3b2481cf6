#include "player/video_player.h"

#include <QImage>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>
#include <QtQml/qqml.h>
#include <atomic>

#include "client/api_client.h"
#include "player/backend_registry.h"
#include "player/render_probe.h"

Q_LOGGING_CATEGORY(lcPlayer, "vigil.app.player")

namespace vigil::app {

using player::MediaSource;
using player::PlayerFailure;

namespace {

QPointer<core::client::ApiClient>& defaultClient() {
    static QPointer<core::client::ApiClient> client;
    return client;
}

}  // namespace

// PlayerEvents for one player: called on the backend's threads, posts to the player's thread with
// the generation of the source it is about. Pictures are not queued: the newest waits in `m_frame`
// and one event at a time takes it, so a busy GUI thread skips pictures instead of piling them up.
class VideoPlayer::Events : public player::PlayerEvents {
public:
    explicit Events(VideoPlayer* player) : m_player(player) {}

    void setGeneration(quint64 generation) { m_generation.store(generation); }

    void streamStarted(qint64) override {
        post([](VideoPlayer* p, quint64 g) { p->onStreamStarted(g); });
    }
    void frame(const QVideoFrame& frame, qint64 positionMs) override {
        bool post = false;
        {
            std::lock_guard lock(m_mutex);
            post = !m_framePending;
            m_frame = frame;
            m_framePositionMs = positionMs;
            m_framePending = true;
        }
        if (post) {
            this->post([](VideoPlayer* p, quint64 g) { p->onFrame(g); });
        }
    }
    bool frameWaiting() override {
        std::lock_guard lock(m_mutex);
        return m_framePending;
    }
    void pausedAt(qint64 positionMs) override {
        post([positionMs](VideoPlayer* p, quint64 g) { p->onPausedAt(g, positionMs); });
    }
    void failed(const PlayerFailure& failure) override {
        post([failure](VideoPlayer* p, quint64 g) { p->onFailed(g, failure); });
    }
    void ended() override {
        post([](VideoPlayer* p, quint64 g) { p->onEnded(g); });
    }

    // On the player's thread: the newest picture, if one is waiting.
    bool takeFrame(QVideoFrame* frame, qint64* positionMs) {
        std::lock_guard lock(m_mutex);
        if (!m_framePending) {
            return false;
        }
        *frame = std::move(m_frame);
        *positionMs = m_framePositionMs;
        m_frame = QVideoFrame();
        m_framePending = false;
        return true;
    }

private:
    template <typename Call>
    void post(Call call) {
        const quint64 generation = m_generation.load();
        // Queued to the player: events still queued when it is deleted are dropped with it.
        QMetaObject::invokeMethod(
            m_player, [player = m_player, generation, call] { call(player, generation); }, Qt::QueuedConnection);
    }

    VideoPlayer* m_player;
    std::atomic<quint64> m_generation{0};
    std::mutex m_mutex;
    QVideoFrame m_frame;
    qint64 m_framePositionMs = 0;
    bool m_framePending = false;
};

VideoPlayer::VideoPlayer(QObject* parent)
    : QObject(parent),
      m_events(std::make_unique<Events>(this)),
      m_retryTimer(new QTimer(this)),
      m_watchdog(new QTimer(this)) {
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &VideoPlayer::retry);
    m_watchdog->setInterval(500);
    connect(m_watchdog, &QTimer::timeout, this, &VideoPlayer::checkPicture);
}

VideoPlayer::~VideoPlayer() {
    m_backend.reset();  // its threads end here; nothing is reported afterwards
}

void VideoPlayer::setDefaultClient(core::client::ApiClient* client) {
    defaultClient() = client;
}

void VideoPlayer::setClient(core::client::ApiClient* client) {
    m_client = client;
}

core::client::ApiClient* VideoPlayer::client() const {
    return m_client ? m_client.data() : defaultClient().data();
}

void VideoPlayer::registerQmlTypes() {
    qmlRegisterType<VideoPlayer>("Vigil.Media", 1, 0, "VideoPlayer");
}

// --- properties

void VideoPlayer::setChannelId(const QString& channelId) {
    if (channelId == m_channelId) {
        return;
    }
    m_channelId = channelId;
    emit channelIdChanged();
    restart();
}

void VideoPlayer::setStream(const QString& stream) {
    const QString value = stream == QLatin1String("sub") ? stream : QStringLiteral("main");
    if (value == m_stream) {
        return;
    }
    m_stream = value;
    emit streamChanged();
    if (isArchive() && m_wanted && m_framesShown > 0) {
        open(OpenRequest{m_positionMs + 1, 0, m_paused});  // the other stream from the same time
        return;
    }
    restart();
}

void VideoPlayer::setMode(const QString& mode) {
    if (mode == m_mode || (mode != QLatin1String("live") && mode != QLatin1String("archive") &&
                           mode != QLatin1String("file"))) {
        return;
    }
    m_mode = mode;
    emit modeChanged();
    if (m_speed < 0 && !isArchive()) {
        setSpeed(1.0);
    }
    restart();
}

void VideoPlayer::setSource(const QUrl& source) {
    if (source == m_source) {
        return;
    }
    m_source = source;
    emit sourceChanged();
    if (m_mode == QLatin1String("file")) {
        restart();
    }
}

void VideoPlayer::setSpeed(double speed) {
    speed = std::clamp(speed, -kMaxSpeed, kMaxSpeed);
    if (qFuzzyIsNull(speed)) {
        speed = 1.0;
    }
    if (qFuzzyCompare(speed, m_speed)) {
        return;
    }
    const bool turned = (speed < 0) != (m_speed < 0);
    m_speed = speed;
    emit speedChanged();
    if (turned && isArchive() && m_wanted && m_framesShown > 0) {
        // The other direction needs another kind of request: from the picture on screen.
        if (speed < 0) {
            openReverseWindow(m_positionMs);
        } else {
            open(OpenRequest{m_positionMs + 1, 0, m_paused});
        }
        return;
    }
    if (m_backend) {
        m_backend->setSpeed(std::abs(speed));
    }
}

void VideoPlayer::openReverseWindow(qint64 endMs) {
    OpenRequest request;
    request.fromMs = endMs - kReverseWindowMs;
    request.showLastBeforeMs = endMs;
    request.startPaused = m_paused;
    request.reverse = true;
    open(request);
}

void VideoPlayer::setPaused(bool paused) {
    if (paused == m_paused) {
        return;
    }
    m_paused = paused;
    emit pausedChanged();
    if (!m_wanted) {
        return;
    }
    if (isLive()) {
        // Live holds the picture and lets the stream go; playing again is live again.
        if (paused) {
            closeBackend();
            m_retryTimer->stop();
            setState(QStringLiteral("paused"));
        } else {
            open(OpenRequest{});
        }
        return;
    }
    if (!paused && !m_sessionOpen) {
        // The server let the paused stream go: on from the picture on screen.
        if (m_speed < 0) {
            openReverseWindow(m_positionMs);
        } else {
            open(OpenRequest{m_positionMs + 1, 0, false});
        }
        return;
    }
    if (m_backend) {
        m_backend->setPaused(paused);
    }
    if (m_framesShown > 0 || paused) {
        setState(paused ? QStringLiteral("paused") : QStringLiteral("playing"));
    }
}

void VideoPlayer::setVideoSink(QVideoSink* sink) {
    if (sink == m_sink) {
        return;
    }
    m_sink = sink;
    emit videoSinkChanged();
}

void VideoPlayer::setBackend(const QString& id) {
    if (id == m_backendId || id.isEmpty()) {
        return;
    }
    m_backendId = id;
    emit backendChanged();
    m_backend.reset();
    restart();
}

void VideoPlayer::setAutoPlay(bool autoPlay) {
    if (autoPlay == m_autoPlay) {
        return;
    }
    m_autoPlay = autoPlay;
    emit autoPlayChanged();
    if (autoPlay && !m_wanted) {
        play();
    }
}

QString VideoPlayer::stateText() const {
    const QString detail = m_detail.isEmpty() ? QString() : QLatin1Char(' ') + m_detail;
    if (m_state == QLatin1String("connecting")) {
        return tr("Connecting…");
    }
    if (m_state == QLatin1String("reconnecting")) {
        return tr("The video was interrupted. Reconnecting…");
    }
    if (m_state == QLatin1String("offline")) {
        return tr("The camera is offline. Trying again…");
    }
    if (m_state == QLatin1String("unauthorised")) {
        return tr("Your session is no longer valid. Sign in again to see video.");
    }
    if (m_state == QLatin1String("forbidden")) {
        return tr("You have no rights to view this camera.");
    }
    if (m_state == QLatin1String("no_recording")) {
        return tr("Nothing is recorded at this time.");
    }
    if (m_state == QLatin1String("error")) {
        return tr("This video cannot be played.") + detail;
    }
    if (m_state == QLatin1String("paused")) {
        return tr("Paused");
    }
    return {};
}

// --- commands

void VideoPlayer::play() {
    m_wanted = true;
    m_retryDelayMs = kFirstRetryMs;
    if (m_paused) {
        m_paused = false;
        emit pausedChanged();
    }
    if (isArchive() && m_sessionOpen && m_backend) {
        m_backend->setPaused(false);
        if (m_framesShown > 0) {
            setState(QStringLiteral("playing"));
        }
        return;
    }
    open(OpenRequest{m_positionMs, 0, false});
}

void VideoPlayer::stop() {
    m_wanted = false;
    m_retryTimer->stop();
    closeBackend();
    if (m_framesShown != 0) {
        m_framesShown = 0;  // counts the pictures since play()
        emit framesShownChanged();
    }
    setState(QStringLiteral("idle"));
}

void VideoPlayer::seek(qint64 ms) {
    if (m_mode == QLatin1String("file")) {
        return;  // files play from their start (the VLC backend seeks in them)
    }
    if (!isArchive()) {
        m_mode = QStringLiteral("archive");
        emit modeChanged();
    }
    m_wanted = true;
    setPosition(ms);
    open(OpenRequest{ms, 0, m_paused});
}

void VideoPlayer::stepFrame(int direction) {
    if (isLive() || direction == 0 || !m_wanted) {
        return;
    }
    if (!m_paused) {
        m_paused = true;
        emit pausedChanged();
        if (m_backend) {
            m_backend->setPaused(true);
        }
    }
    if (direction > 0) {
        if (!m_sessionOpen || !m_backend || !m_backend->step(1)) {
            open(OpenRequest{m_positionMs + 1, 0, true});
        }
        return;
    }
    if (isArchive() && m_positionMs > 0) {
        // The previous picture: from the keyframe before it, shown when the current one is reached.
        open(OpenRequest{m_positionMs - 1, m_positionMs, true});
    }
}

bool VideoPlayer::snapshot(const QString& path) {
    if (!m_sink) {
        return false;
    }
    const QVideoFrame frame = m_sink->videoFrame();
    if (!frame.isValid()) {
        return false;
    }
    QImage image = frame.toImage();
    const QRect viewport = frame.surfaceFormat().viewport();
    if (viewport.isValid() && viewport != image.rect()) {
        image = image.copy(viewport);
    }
    const bool saved = !image.isNull() && image.save(path);
    if (!saved) {
        qCWarning(lcPlayer).noquote() << "snapshot not saved to" << path;
    }
    return saved;
}

// --- opening and recovering

void VideoPlayer::restart() {
    if (m_wanted) {
        m_retryDelayMs = kFirstRetryMs;
        open(OpenRequest{isArchive() ? m_positionMs : 0, 0, m_paused && !isLive()});
    }
}

bool VideoPlayer::ensureBackend() {
    if (!m_sink) {
        m_ownSink = m_ownSink ? m_ownSink : new QVideoSink(this);
        m_sink = m_ownSink;
        emit videoSinkChanged();
    }
    if (!m_backend) {
        m_backend = player::BackendRegistry::instance().create(m_backendId, m_events.get());
    }
    return m_backend != nullptr;
}

void VideoPlayer::closeBackend() {
    if (m_backend) {
        m_backend->close();
    }
    m_sessionOpen = false;
    m_watchdog->stop();
    m_events->setGeneration(++m_generation);
}

void VideoPlayer::open(const OpenRequest& request) {
    m_wanted = true;
    m_retryTimer->stop();
    closeBackend();
    if (!ensureBackend()) {
        setState(QStringLiteral("error"), player::BackendRegistry::instance().problem(m_backendId));
        return;
    }
    MediaSource source;
    if (m_mode == QLatin1String("file")) {
        if (m_source.isEmpty()) {
            setState(QStringLiteral("idle"));
            return;
        }
        source.kind = MediaSource::Kind::File;
        source.url = m_source;
    } else {
        core::client::ApiClient* site = client();
        if (m_channelId.isEmpty()) {
            setState(QStringLiteral("idle"));
            return;
        }
        if (!site) {
            setState(QStringLiteral("error"), tr("The workstation is not connected to a site."));
            return;
        }
        QUrl url = site->baseUrl();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("stream"), m_stream);
        if (isLive()) {
            source.kind = MediaSource::Kind::Live;
            url.setPath(QStringLiteral("/api/v1/media/live/") + m_channelId);
        } else {
            source.kind = MediaSource::Kind::Archive;
            url.setPath(QStringLiteral("/api/v1/media/archive/") + m_channelId);
            const qint64 from = request.fromMs > 0 ? request.fromMs : QDateTime::currentMSecsSinceEpoch() - 60000;
            query.addQueryItem(QStringLiteral("from"), QString::number(from));
            // As fast as we read: the backend paces, pauses by not reading, and changes speed at once.
            query.addQueryItem(QStringLiteral("speed"), QStringLiteral("0"));
            source.showFromMs = request.showLastBeforeMs > 0 ? 0 : from;
            source.showLastBeforeMs = request.showLastBeforeMs;
            source.startPaused = request.startPaused && !request.reverse;
            source.reverse = request.reverse;
            source.speed = std::abs(m_speed);
        }
        url.setQuery(query);
        source.url = url;
        source.authorization = "Bearer " + site->bearerToken().toUtf8();
        source.tls = site->pinnedConfiguration();
    }
    source.pictures = player::RenderProbe::preferredPictures();
    m_events->setGeneration(m_generation);
    m_windowFrames = 0;
    m_askedAt.start();
    m_firstFramePending = true;
    m_sessionOpen = true;
    const bool recovering = m_state == QLatin1String("reconnecting") || m_state == QLatin1String("offline");
    if (!recovering) {
        setState(QStringLiteral("connecting"));
    }
    m_sinceFrame.start();
    m_watchdog->start();
    m_backend->open(source);
}

void VideoPlayer::scheduleRetry(const QString& state, const QString& detail) {
    closeBackend();
    setState(state, detail);
    m_retryTimer->start(m_retryDelayMs);
    m_retryDelayMs = std::min(m_retryDelayMs * 2, kMaxRetryMs);
}

void VideoPlayer::retry() {
    if (!m_wanted) {
        return;
    }
    if (isArchive() && m_speed < 0 && m_framesShown > 0) {
        openReverseWindow(m_positionMs);
        return;
    }
    // An archive goes on after the last picture it showed.
    open(OpenRequest{isArchive() && m_framesShown > 0 ? m_positionMs + 1 : m_positionMs, 0, m_paused});
}

void VideoPlayer::checkPicture() {
    if (!m_sessionOpen) {
        return;
    }
    if (m_state == QLatin1String("connecting") || m_state == QLatin1String("reconnecting") ||
        m_state == QLatin1String("offline")) {
        if (m_sinceFrame.elapsed() > kConnectTimeoutMs) {
            scheduleRetry(QStringLiteral("reconnecting"), {});
        }
        return;
    }
    // Live: the server keeps the stream open while the camera is away; say so meanwhile.
    if (isLive() && m_state == QLatin1String("playing") && m_sinceFrame.elapsed() > kPictureLateMs) {
        setState(QStringLiteral("reconnecting"));
    }
}

// --- events

void VideoPlayer::onStreamStarted(quint64 generation) {
    if (generation != m_generation) {
        return;
    }
    qCDebug(lcPlayer).noquote() << m_channelId << "stream started after" << m_askedAt.elapsed() << "ms";
}

void VideoPlayer::onFrame(quint64 generation) {
    QVideoFrame frame;
    qint64 positionMs = 0;
    if (!m_events->takeFrame(&frame, &positionMs) || generation != m_generation || !m_sink) {
        return;
    }
    m_sink->setVideoFrame(frame);
    m_sinceFrame.start();
    ++m_framesShown;
    ++m_windowFrames;
    emit framesShownChanged();
    setPosition(positionMs);
    const QSize size = frame.surfaceFormat().viewport().isValid() ? frame.surfaceFormat().viewport().size() : frame.size();
    if (size != m_videoSize) {
        m_videoSize = size;
        emit videoSizeChanged();
    }
    m_retryDelayMs = kFirstRetryMs;
    if (m_firstFramePending) {
        m_firstFramePending = false;
        emit firstFrame(m_askedAt.elapsed());
    }
    if (m_state != QLatin1String("paused") || !m_paused) {
        setState(m_paused && !isLive() ? QStringLiteral("paused") : QStringLiteral("playing"));
    }
}

void VideoPlayer::onPausedAt(quint64 generation, qint64 positionMs) {
    if (generation != m_generation) {
        return;
    }
    onFrame(generation);  // the picture it paused on, if still waiting
    setPosition(positionMs);
    m_backend->setPaused(true);  // a backend that paused itself stays so; one that cannot is told
    if (!m_paused) {
        m_paused = true;
        emit pausedChanged();
    }
    setState(QStringLiteral("paused"));
}

void VideoPlayer::onFailed(quint64 generation, const PlayerFailure& failure) {
    if (generation != m_generation) {
        return;
    }
    qCInfo(lcPlayer).noquote() << m_channelId << m_mode << "failed:" << failure.httpStatus << failure.code
                               << failure.message;
    if (failure.httpStatus == 401) {
        closeBackend();
        setState(QStringLiteral("unauthorised"), failure.message);
        return;
    }
    if (failure.httpStatus == 403) {
        closeBackend();
        setState(QStringLiteral("forbidden"), failure.message);
        return;
    }
    if (failure.code == QLatin1String("nothing_recorded")) {
        closeBackend();
        setState(QStringLiteral("no_recording"), failure.message);
        return;
    }
    if (failure.httpStatus == 503 && failure.code == QLatin1String("stream_unavailable")) {
        scheduleRetry(QStringLiteral("offline"), failure.message);
        return;
    }
    const bool permanent = (failure.httpStatus >= 400 && failure.httpStatus < 500) ||
                           failure.code == QLatin1String("unsupported") || failure.code == QLatin1String("tls");
    if (permanent) {
        closeBackend();
        setState(QStringLiteral("error"), failure.message);
        return;
    }
    if (!isLive() && m_paused) {
        // A paused archive's connection ends on the server's stall timeout: open again on play/step.
        closeBackend();
        return;
    }
    scheduleRetry(QStringLiteral("reconnecting"), failure.message);
}

void VideoPlayer::onEnded(quint64 generation) {
    if (generation != m_generation) {
        return;
    }
    if (isLive()) {
        // The server ended the stream (the camera stayed away, or changed codecs): ask again.
        scheduleRetry(QStringLiteral("reconnecting"), {});
        return;
    }
    onFrame(generation);
    if (isArchive() && m_speed < 0 && m_wanted && m_windowFrames > 0) {
        openReverseWindow(m_positionMs);  // the window before the oldest picture shown
        return;
    }
    m_sessionOpen = false;
    m_watchdog->stop();
    if (!m_paused) {
        m_paused = true;
        emit pausedChanged();
    }
    setState(m_framesShown > 0 ? QStringLiteral("paused") : QStringLiteral("no_recording"));
}

void VideoPlayer::setState(const QString& state, const QString& detail) {
    if (state == m_state && detail == m_detail) {
        return;
    }
    m_state = state;
    m_detail = detail;
    emit stateChanged();
}

void VideoPlayer::setPosition(qint64 ms) {
    if (ms != m_positionMs) {
        m_positionMs = ms;
        emit positionChanged();
    }
}

}  // namespace vigil::app
