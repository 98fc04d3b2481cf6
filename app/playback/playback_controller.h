#pragma once
// PlaybackController: the Playback page's view model (VID-2), the context's `workstation.playback`.
// It holds the cameras chosen for playback (several play in sync on one timeline), the recorded
// periods and gaps of each for the timeline's view (fetched when the view moves, refreshed while it
// shows the present), and the one playback clock: position, speed (-8x..8x) and pause.
//
// Synchronisation: the page's video players report the time of the picture they show
// (reportPosition); the first camera's reports drive the clock, and a player that drifts more than
// kResyncMs from it is told to seek back in step (resyncRequested). When the lead shows nothing (a gap
// in its recording, or no player yet) the clock runs on its own at the chosen speed. Seeks and frame
// steps go to every player at once (seekRequested, stepRequested).
//
// Exports of the timeline's selection (one per camera) are in `exports` (ExportListModel).

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantList>

#include <optional>

#include "client/playback_api.h"
#include "model/playback_model.h"
#include "platform/data_location.h"

namespace vigil::app {

class ExportListModel;
class SessionController;

class PlaybackController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantList channels READ channels NOTIFY channelsChanged)
    Q_PROPERTY(QStringList selectedChannels READ selectedChannels NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY rowsChanged)
    Q_PROPERTY(qint64 positionMs READ positionMs NOTIFY positionChanged)
    Q_PROPERTY(QString positionText READ positionText NOTIFY positionChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(QString speedText READ speedText NOTIFY speedChanged)
    Q_PROPERTY(QVariantList speeds READ speeds CONSTANT)
    Q_PROPERTY(bool paused READ paused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(bool canExport READ canExport NOTIFY permissionsChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(QObject* exports READ exports CONSTANT)
    Q_PROPERTY(QString exportFolder READ exportFolder NOTIFY exportFolderChanged)

public:
    static constexpr int kMaxCameras = 9;
    static constexpr qint64 kResyncMs = 2000;
    static constexpr int kClockTickMs = 100;
    static constexpr int kLeadSilentMs = 1500;    // no report from the lead this long: the clock runs alone
    static constexpr int kRefreshMs = 10000;       // periods of a view that shows the present
    static constexpr qint64 kStartBeforeEndMs = 30000;
    static constexpr qint64 kMaxFetchMs = 366LL * 24 * 3600 * 1000;  // the server's limit per request

    PlaybackController(core::client::ApiClient* client, SessionController* session, QString exportFolder,
                       QObject* parent = nullptr);
    ~PlaybackController() override;

    // Where exported clips are saved (the client settings' export folder, CLI-3).
    void setExportFolder(const QString& folder);

    QVariantList channels() const { return m_channels; }
    QStringList selectedChannels() const { return m_selected; }
    QVariantList rows() const { return m_rows; }
    qint64 positionMs() const { return m_positionMs; }
    QString positionText() const;
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    QString speedText() const;
    QVariantList speeds() const;
    bool paused() const { return m_paused; }
    void setPaused(bool paused);
    bool canExport() const;
    QString problem() const { return m_problem; }
    QObject* exports() const;
    QString exportFolder() const;

    // The page opened (or the user asked): the channel list again, and the periods in view.
    Q_INVOKABLE void refresh();
    // Sign-out or a new site: everything goes.
    void reset();

    Q_INVOKABLE bool isSelected(const QString& channelId) const { return m_selected.contains(channelId); }
    Q_INVOKABLE void toggleChannel(const QString& channelId);
    Q_INVOKABLE void setSelectedChannels(const QStringList& channelIds);
    Q_INVOKABLE QString channelName(const QString& channelId) const;

    // The timeline shows [startMs, endMs): fetch the periods around it.
    Q_INVOKABLE void setView(qint64 startMs, qint64 endMs);

    Q_INVOKABLE void seek(qint64 ms);
    Q_INVOKABLE void togglePause() { setPaused(!m_paused); }
    Q_INVOKABLE void stepFrame(int direction);
    Q_INVOKABLE void faster();
    Q_INVOKABLE void slower();
    // "yyyy-MM-dd HH:mm[:ss]", "yyyy-MM-dd" or "HH:mm[:ss]" (today), local time: seeks there and
    // answers ""; otherwise answers what is wrong.
    Q_INVOKABLE QString jumpTo(const QString& text);
    static std::optional<QDateTime> parseLocalTime(const QString& text, const QDate& today);

    // A player shows the picture of `ms` (UTC).
    Q_INVOKABLE void reportPosition(const QString& channelId, qint64 ms);

    // Exports [fromMs, toMs) of every selected camera; answers "" or what is wrong.
    Q_INVOKABLE QString exportRange(qint64 fromMs, qint64 toMs);
    Q_INVOKABLE void openExport(const QString& id) const;
    Q_INVOKABLE void openExportFolder() const;

signals:
    void channelsChanged();
    void selectionChanged();
    void rowsChanged();
    void positionChanged();
    void speedChanged();
    void pausedChanged();
    void permissionsChanged();
    void problemChanged();
    void exportFolderChanged();
    // For the page's players.
    void seekRequested(qint64 ms);
    void stepRequested(int direction);
    void resyncRequested(const QString& channelId, qint64 ms);

private:
    void fetchChannels();
    void fetchPeriods();
    void rebuildRows();
    void startAtLatestRecording(const QString& channelId);
    void setProblem(const QString& problem);
    void setPosition(qint64 ms);
    void tick();
    QString leadChannel() const { return m_selected.isEmpty() ? QString() : m_selected.first(); }

    QPointer<core::client::ApiClient> m_client;
    core::client::PlaybackApi* m_api;
    SessionController* m_session;
    ExportListModel* m_exports;

    QVariantList m_channels;  // [{id, name, deviceName, online}]
    QStringList m_selected;
    QHash<QString, core::model::RecordedPeriods> m_periods;
    QVariantList m_rows;
    qint64 m_viewStartMs = 0;
    qint64 m_viewEndMs = 0;
    int m_fetchGeneration = 0;

    qint64 m_positionMs = 0;
    double m_speed = 1.0;
    bool m_paused = true;
    QTimer m_clock;
    QElapsedTimer m_sinceTick;
    QElapsedTimer m_sinceLead;
    QElapsedTimer m_sinceSeek;
    QTimer m_refresh;
    QString m_problem;
};

}  // namespace vigil::app
