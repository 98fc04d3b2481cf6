#include "playback/playback_controller.h"

#include <QDesktopServices>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QUrl>
#include <QVariantMap>
#include <algorithm>
#include <cmath>

#include "app_logging.h"
#include "client/json_reply.h"
#include "model/device_model.h"
#include "model/permissions.h"
#include "playback/export_list_model.h"
#include "session_controller.h"

namespace vigil::app {

using core::client::ApiClient;
using core::model::RecordedPeriods;

namespace {

// Forward and backward, as the player plays them (server/api: the archive's speed; the player
// plays backwards from its cached pictures).
constexpr double kSpeeds[] = {-8, -4, -2, -1, 0.5, 1, 2, 4, 8};

QVariantList spansToList(const QList<core::model::RecordedSpan>& spans) {
    QVariantList list;
    for (const auto& span : spans) {
        list.append(QVariantMap{{QStringLiteral("startMs"), span.startMs}, {QStringLiteral("endMs"), span.endMs}});
    }
    return list;
}

QVariantList gapsToList(const QList<core::model::RecordedGap>& gaps) {
    QVariantList list;
    for (const auto& gap : gaps) {
        list.append(QVariantMap{{QStringLiteral("startMs"), gap.startMs},
                                {QStringLiteral("endMs"), gap.endMs},
                                {QStringLiteral("reason"), gap.reason}});
    }
    return list;
}

}  // namespace

PlaybackController::PlaybackController(ApiClient* client, SessionController* session, QString exportFolder,
                                       QObject* parent)
    : QObject(parent),
      m_client(client),
      m_api(new core::client::PlaybackApi(client, this)),
      m_session(session),
      m_exports(new ExportListModel(m_api, this)) {
    m_exports->setFolder(exportFolder);
    m_clock.setInterval(kClockTickMs);
    connect(&m_clock, &QTimer::timeout, this, &PlaybackController::tick);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_viewEndMs >= QDateTime::currentMSecsSinceEpoch() - kRefreshMs) {
            fetchPeriods();
        }
    });
    connect(session, &SessionController::userChanged, this, &PlaybackController::permissionsChanged);
}

PlaybackController::~PlaybackController() = default;

void PlaybackController::setExportFolder(const QString& folder) {
    if (folder != m_exports->folder()) {
        m_exports->setFolder(folder);
        emit exportFolderChanged();
    }
}

QObject* PlaybackController::exports() const {
    return m_exports;
}

QString PlaybackController::exportFolder() const {
    return m_exports->folder();
}

bool PlaybackController::canExport() const {
    return m_session->hasPermission(QString::fromLatin1(core::model::Permissions::kExport));
}

void PlaybackController::setProblem(const QString& problem) {
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged();
    }
}

// --- cameras --------------------------------------------------------------------------------------

void PlaybackController::refresh() {
    fetchChannels();
    fetchPeriods();
    m_refresh.start();
}

void PlaybackController::reset() {
    m_refresh.stop();
    m_clock.stop();
    m_exports->clear();
    m_channels.clear();
    m_selected.clear();
    m_periods.clear();
    m_rows.clear();
    ++m_fetchGeneration;
    m_paused = true;
    m_positionMs = 0;
    setProblem({});
    emit channelsChanged();
    emit selectionChanged();
    emit rowsChanged();
    emit pausedChanged();
    emit positionChanged();
}

// The cameras the user's role reaches (GET /api/v1/devices). To be replaced by the shared device
// tree model once it lands (issue 5, "live").
void PlaybackController::fetchChannels() {
    if (!m_client) {
        return;
    }
    m_client->sendJson(ApiClient::Request(ApiClient::Method::Get, QStringLiteral("/api/v1/devices")),
                       [this](core::Result<QJsonDocument> answer) {
                           auto devices = core::client::parseList<core::model::Device>(answer, QStringLiteral("devices"));
                           if (!devices) {
                               setProblem(devices.error().message);
                               return;
                           }
                           QVariantList channels;
                           for (const auto& device : devices.value()) {
                               for (const auto& channel : device.channels) {
                                   const QString name = channel.name.isEmpty() || device.channels.size() == 1
                                                            ? device.name
                                                            : device.name + QStringLiteral(" \u00b7 ") + channel.name;
                                   channels.append(QVariantMap{
                                       {QStringLiteral("id"), channel.id},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("online"),
                                        channel.status.state == QLatin1String(core::model::DeviceStates::kOnline)}});
                               }
                           }
                           m_channels = channels;
                           emit channelsChanged();
                           rebuildRows();  // names may have changed
                       });
}

QString PlaybackController::channelName(const QString& channelId) const {
    for (const QVariant& value : m_channels) {
        const QVariantMap channel = value.toMap();
        if (channel.value(QStringLiteral("id")).toString() == channelId) {
            return channel.value(QStringLiteral("name")).toString();
        }
    }
    return channelId;
}

void PlaybackController::toggleChannel(const QString& channelId) {
    QStringList selected = m_selected;
    if (selected.contains(channelId)) {
        selected.removeAll(channelId);
    } else {
        selected.append(channelId);
    }
    setSelectedChannels(selected);
}

void PlaybackController::setSelectedChannels(const QStringList& channelIds) {
    QStringList selected;
    for (const QString& id : channelIds) {
        if (!id.isEmpty() && !selected.contains(id)) {
            selected.append(id);
        }
    }
    if (selected.size() > kMaxCameras) {
        setProblem(tr("At most %1 cameras play together. Remove one before adding another.").arg(kMaxCameras));
        selected = selected.mid(0, kMaxCameras);
    }
    if (selected == m_selected) {
        return;
    }
    m_selected = selected;
    emit selectionChanged();
    for (auto it = m_periods.begin(); it != m_periods.end();) {
        it = m_selected.contains(it.key()) ? std::next(it) : m_periods.erase(it);
    }
    rebuildRows();
    fetchPeriods();
}

// --- periods --------------------------------------------------------------------------------------

void PlaybackController::setView(qint64 startMs, qint64 endMs) {
    if (endMs <= startMs) {
        return;
    }
    m_viewStartMs = startMs;
    m_viewEndMs = endMs;
    fetchPeriods();
}

void PlaybackController::fetchPeriods() {
    if (m_viewEndMs <= m_viewStartMs || m_selected.isEmpty() || !m_client) {
        return;
    }
    // Half a view either side, so a little panning shows periods at once.
    const qint64 span = m_viewEndMs - m_viewStartMs;
    const qint64 from = m_viewStartMs - span / 2;
    const qint64 to = std::min(from + kMaxFetchMs, m_viewEndMs + span / 2);
    const int generation = ++m_fetchGeneration;
    for (const QString& channelId : std::as_const(m_selected)) {
        m_api->fetchPeriods(channelId, from, to, QStringLiteral("main"),
                            [this, generation, channelId](core::Result<RecordedPeriods> periods) {
                                if (generation != m_fetchGeneration || !m_selected.contains(channelId)) {
                                    return;  // a later view (or selection) asked again
                                }
                                if (!periods) {
                                    setProblem(tr("Cannot read the recordings of %1: %2")
                                                   .arg(channelName(channelId), periods.error().message));
                                    return;
                                }
                                setProblem({});
                                m_periods.insert(channelId, periods.value());
                                rebuildRows();
                                startAtLatestRecording(channelId);
                            });
    }
}

// A page opened without a position starts half a minute before the end of the lead camera's latest
// recording, so there is a picture at once.
void PlaybackController::startAtLatestRecording(const QString& channelId) {
    const auto& spans = m_periods.value(channelId).periods;
    if (m_positionMs > 0 || channelId != leadChannel() || spans.isEmpty()) {
        return;
    }
    const auto& latest = spans.last();
    seek(std::max(latest.startMs, latest.endMs - kStartBeforeEndMs));
}

void PlaybackController::rebuildRows() {
    QVariantList rows;
    for (const QString& channelId : std::as_const(m_selected)) {
        const RecordedPeriods periods = m_periods.value(channelId);
        rows.append(QVariantMap{{QStringLiteral("id"), channelId},
                                {QStringLiteral("name"), channelName(channelId)},
                                {QStringLiteral("periods"), spansToList(periods.periods)},
                                {QStringLiteral("gaps"), gapsToList(periods.gaps)}});
    }
    m_rows = rows;
    emit rowsChanged();
}

// --- the clock ------------------------------------------------------------------------------------

QString PlaybackController::positionText() const {
    if (m_positionMs <= 0) {
        return QStringLiteral("\u2014");
    }
    return QDateTime::fromMSecsSinceEpoch(m_positionMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void PlaybackController::setPosition(qint64 ms) {
    if (ms != m_positionMs) {
        m_positionMs = ms;
        emit positionChanged();
    }
}

QVariantList PlaybackController::speeds() const {
    QVariantList list;
    for (double speed : kSpeeds) {
        list.append(speed);
    }
    return list;
}

QString PlaybackController::speedText() const {
    return QStringLiteral("%1\u00d7").arg(QLocale().toString(m_speed, 'g', 3));
}

void PlaybackController::setSpeed(double speed) {
    // The nearest speed offered, so every player is asked for one it plays.
    const double* nearest = std::min_element(std::begin(kSpeeds), std::end(kSpeeds), [speed](double a, double b) {
        return std::abs(a - speed) < std::abs(b - speed);
    });
    if (*nearest == m_speed) {
        return;
    }
    m_speed = *nearest;
    qCInfo(lcApp).noquote() << "playback: speed" << m_speed;
    emit speedChanged();
}

void PlaybackController::faster() {
    const auto* it = std::find(std::begin(kSpeeds), std::end(kSpeeds), m_speed);
    if (it != std::end(kSpeeds) && std::next(it) != std::end(kSpeeds)) {
        setSpeed(*std::next(it));
    }
}

void PlaybackController::slower() {
    const auto* it = std::find(std::begin(kSpeeds), std::end(kSpeeds), m_speed);
    if (it != std::end(kSpeeds) && it != std::begin(kSpeeds)) {
        setSpeed(*std::prev(it));
    }
}

void PlaybackController::setPaused(bool paused) {
    if (paused == m_paused) {
        return;
    }
    m_paused = paused;
    if (paused) {
        m_clock.stop();
    } else {
        m_sinceTick.start();
        m_clock.start();
    }
    qCInfo(lcApp).noquote() << "playback:" << (paused ? "paused" : "playing");
    emit pausedChanged();
}

void PlaybackController::seek(qint64 ms) {
    if (ms <= 0) {
        return;
    }
    m_sinceSeek.start();
    m_sinceLead.invalidate();
    setPosition(ms);
    qCInfo(lcApp).noquote() << "playback: seek to" << positionText();
    emit seekRequested(ms);
}

void PlaybackController::stepFrame(int direction) {
    setPaused(true);
    qCInfo(lcApp).noquote() << "playback: frame step" << (direction >= 0 ? "forward" : "back");
    emit stepRequested(direction >= 0 ? 1 : -1);
}

void PlaybackController::tick() {
    const qint64 elapsed = m_sinceTick.restart();
    if (m_paused || m_positionMs <= 0) {
        return;
    }
    // The lead player speaks for the clock; when it is silent (a gap, no picture yet) run alone.
    if (m_sinceLead.isValid() && m_sinceLead.elapsed() < kLeadSilentMs) {
        return;
    }
    setPosition(m_positionMs + qRound64(static_cast<double>(elapsed) * m_speed));
}

void PlaybackController::reportPosition(const QString& channelId, qint64 ms) {
    if (ms <= 0 || !m_selected.contains(channelId)) {
        return;
    }
    // Right after a seek the players still show pictures of before it.
    if (m_sinceSeek.isValid() && m_sinceSeek.elapsed() < kLeadSilentMs && std::abs(ms - m_positionMs) > kResyncMs) {
        return;
    }
    if (channelId == leadChannel()) {
        m_sinceLead.start();
        setPosition(ms);
        return;
    }
    if (!m_paused && std::abs(ms - m_positionMs) > kResyncMs) {
        qCInfo(lcApp).noquote() << "playback:" << channelId << "drifted" << (ms - m_positionMs) << "ms; seeking it back in step";
        emit resyncRequested(channelId, m_positionMs);
    }
}

std::optional<QDateTime> PlaybackController::parseLocalTime(const QString& text, const QDate& today) {
    const QString trimmed = text.trimmed();
    static const char* const kDateTimeFormats[] = {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss",
                                                   "yyyy-MM-ddTHH:mm"};
    for (const char* format : kDateTimeFormats) {
        const QDateTime time = QDateTime::fromString(trimmed, QLatin1String(format));
        if (time.isValid()) {
            return time;
        }
    }
    const QDate date = QDate::fromString(trimmed, QStringLiteral("yyyy-MM-dd"));
    if (date.isValid()) {
        return date.startOfDay();
    }
    for (const char* format : {"HH:mm:ss", "HH:mm"}) {
        const QTime time = QTime::fromString(trimmed, QLatin1String(format));
        if (time.isValid()) {
            return QDateTime(today, time);
        }
    }
    return std::nullopt;
}

QString PlaybackController::jumpTo(const QString& text) {
    const std::optional<QDateTime> time = parseLocalTime(text, QDate::currentDate());
    if (!time) {
        return tr("\u201c%1\u201d is not a date and time. Write it as 2026-11-23 14:30:00, 2026-11-23 or 14:30.")
            .arg(text.trimmed());
    }
    const qint64 ms = time->toMSecsSinceEpoch();
    if (ms > QDateTime::currentMSecsSinceEpoch()) {
        return tr("%1 is in the future: nothing is recorded yet.").arg(time->toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    seek(ms);
    return {};
}

// --- exports --------------------------------------------------------------------------------------

QString PlaybackController::exportRange(qint64 fromMs, qint64 toMs) {
    if (!canExport()) {
        return tr("Your role may not export video. Ask an administrator for the export permission.");
    }
    if (m_selected.isEmpty()) {
        return tr("Choose a camera first.");
    }
    if (toMs <= fromMs) {
        return tr("Select the range to export on the timeline first (Shift+drag, or [ and ] at the playhead).");
    }
    if (toMs - fromMs > core::model::ExportRequest::kMaxRangeMs) {
        return tr("An export covers at most 24 hours. Select a shorter range.");
    }
    for (const QString& channelId : std::as_const(m_selected)) {
        m_exports->start(channelId, channelName(channelId), fromMs, toMs, [this, channelId](const QString& problem) {
            if (!problem.isEmpty()) {
                setProblem(tr("The export of %1 did not start: %2").arg(channelName(channelId), problem));
            }
        });
    }
    return {};
}

void PlaybackController::openExport(const QString& id) const {
    const QString path = m_exports->filePath(id);
    if (path.isEmpty()) {
        return;
    }
    qCInfo(lcApp).noquote() << "playback: opening" << path;
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void PlaybackController::openExportFolder() const {
    QDir().mkpath(m_exports->folder());
    qCInfo(lcApp).noquote() << "playback: opening the folder" << m_exports->folder();
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_exports->folder()));
}

}  // namespace vigil::app
