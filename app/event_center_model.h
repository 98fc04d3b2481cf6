#pragma once
// EventCenterModel: the Event Center page (issue 6, EVT-1). QML binds to it as
// `workstation.eventCenter`. Two lists in one model:
//  - "live": the newest events as they are pushed (events.event), kept to kMaxLive, filtered here by
//    kind, severity and alarm state; alarms follow their events.alarm pushes. A reconnect fetches the
//    newest page again so what was missed while away shows up.
//  - "history": a search of the store by time range and the same filters, a page at a time.
// Alarms are acknowledged, handled or commented several at once (the checked rows), with a comment.
// The search exports as CSV. Sounds (events.sound pushes and new critical alarms) play unless muted.
// The alarm counters are the workstation's one copy (SiteCounts, also the top bar's and Home's), and
// muted is the workstation's alarm sound setting (ClientSettings, also the top bar's toggle).

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QVariantList>

#include "client/events_api.h"
#include "model/event_model.h"
#include "request_list_model.h"

namespace vigil::app {

class AlarmSound;
class ClientSettings;
class SiteCounts;

class EventCenterModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int checkedCount READ checkedCount NOTIFY checkedChanged)
    Q_PROPERTY(int pageIndex READ pageIndex NOTIFY countChanged)
    Q_PROPERTY(bool more READ more NOTIFY countChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY countChanged)
    Q_PROPERTY(qint64 pending READ pending NOTIFY countersChanged)
    Q_PROPERTY(qint64 fresh READ fresh NOTIFY countersChanged)
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY mutedChanged)
    Q_PROPERTY(QString lastSound READ lastSound NOTIFY soundPlayed)
    Q_PROPERTY(int soundsPlayed READ soundsPlayed NOTIFY soundPlayed)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QVariantList kinds READ kinds CONSTANT)
    Q_PROPERTY(QString defaultExportPath READ defaultExportPath NOTIFY countChanged)

public:
    static constexpr int kMaxLive = 1000;
    static constexpr int kPageSize = 50;

    enum Role {
        IdRole = Qt::UserRole + 1,
        TimeMsRole,
        TimeTextRole,
        KindRole,
        KindTextRole,
        SeverityRole,
        SourceNameRole,
        ChannelIdRole,
        MessageRole,
        AlarmStateRole,  // "" | new | acknowledged | handled
        StateTextRole,
        TrailTextRole,  // who did what when, one line each
        CheckedRole,
    };

    EventCenterModel(core::client::ApiClient* client, const SiteCounts* counts, ClientSettings* settings,
                     QObject* parent = nullptr);
    ~EventCenterModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString mode() const { return m_mode; }
    void setMode(const QString& mode);
    int count() const { return static_cast<int>(rows().size()); }
    int checkedCount() const { return static_cast<int>(m_checked.size()); }
    int pageIndex() const { return m_search.offset / kPageSize; }
    bool more() const { return m_more; }
    QString summary() const;
    qint64 pending() const;
    qint64 fresh() const;
    bool muted() const;
    void setMuted(bool muted);
    QString lastSound() const { return m_lastSound; }
    int soundsPlayed() const { return m_soundsPlayed; }
    QString message() const { return m_message; }
    QVariantList kinds() const;  // [{id, name}], the first "" for every kind
    QString defaultExportPath() const;

    // Filters for both lists ("" any). state: new, acknowledged, handled, pending, or "alarms".
    Q_INVOKABLE void setFilters(const QString& kind, const QString& severity, const QString& state);
    // The live list from the server's newest events (the page opens, or the connection came back).
    Q_INVOKABLE void refresh();
    // History: from/to local "yyyy-MM-dd[ HH:mm]" (empty: open), the first page.
    Q_INVOKABLE void search(const QString& from, const QString& to);
    Q_INVOKABLE void nextPage();
    Q_INVOKABLE void previousPage();
    Q_INVOKABLE void setChecked(int row, bool checked);
    Q_INVOKABLE void checkAllAlarms();
    Q_INVOKABLE void clearChecked();
    // "acknowledge", "handle" or "comment" on the checked alarms (or `row`'s alone when none are).
    Q_INVOKABLE void act(const QString& action, const QString& comment, int row = -1);
    Q_INVOKABLE void raiseAlarm(const QString& message);
    Q_INVOKABLE void exportCsv(const QString& path);
    Q_INVOKABLE QVariantMap eventAt(int row) const;
    void clear();

    static QString kindName(const QString& kind);

signals:
    void modeChanged();
    void countChanged();
    void checkedChanged();
    void countersChanged();
    void mutedChanged();
    void soundPlayed(const QString& sound);
    void messageChanged();

private:
    QList<core::model::Event>& rows() { return m_mode == QLatin1String("history") ? m_history : m_live; }
    const QList<core::model::Event>& rows() const {
        return m_mode == QLatin1String("history") ? m_history : m_live;
    }
    void onPush(const core::model::PushMessage& message);
    void addLive(const core::model::Event& event);
    void updateAlarm(const core::model::Event& event);
    bool matches(const core::model::Event& event) const;
    void applyFilters(core::client::EventSearch& search) const;
    void runSearch();
    void resetRows(QList<core::model::Event> events, bool history);
    void play(const QString& sound);
    void say(const QString& text);

    core::client::ApiClient* m_client;
    core::client::EventsApi* m_api;
    AlarmSound* m_sound;
    QString m_mode = QStringLiteral("live");
    QList<core::model::Event> m_live;     // newest first
    QList<core::model::Event> m_history;  // newest first, one page
    QSet<qint64> m_checked;
    core::client::EventSearch m_search;
    bool m_more = false;
    bool m_searched = false;
    QString m_kind;
    QString m_severity;
    QString m_state;
    const SiteCounts* m_counts;  // the workstation's, outlives this
    ClientSettings* m_settings;  // likewise
    QString m_lastSound;
    int m_soundsPlayed = 0;
    qint64 m_lastSoundMs = 0;
    QString m_message;
};

}  // namespace vigil::app
