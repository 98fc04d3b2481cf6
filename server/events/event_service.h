#pragma once
// EventService: the "events" service (issue 6, EVT-1; docs/design/events.md). Takes events from
// every source (event_sources.h), gives each the next sequence id and its time, lets the rules look
// at it (rule_engine.h: they may make it an alarm and start actions), announces it at once
// (eventRaised: pushes go out before the disk write) and writes it to the store in batches, so a
// burst of thousands of events per second costs one transaction per batch, not one per event.
// Anything that reads the store (search, counters, a reconnect's catch-up) writes the batch first,
// so readers never miss an announced event. Alarms move new -> acknowledged -> handled (or new ->
// handled) with a trail step each; retention deletes old events once a day (pending alarms stay).
//
// Threads: lives on the engine's thread; raise() is called there (sources on other threads queue
// their events to it).

#include <QList>
#include <QTimer>
#include <functional>

#include "common/clock.h"
#include "engine/service.h"
#include "events/event_repository.h"
#include "model/event_model.h"

namespace vigil::server {

class SettingsRepository;

class EventService : public Service {
    Q_OBJECT
public:
    static constexpr auto kSettingRetentionDays = "events.retention_days";
    static constexpr int kFlushIntervalMs = 100;
    static constexpr int kMaxBatch = 2000;         // written at once when a burst fills it
    static constexpr int kPruneBatch = 5000;       // rows per DELETE, so retention never stalls the thread
    static constexpr int kMaxCatchUp = 1000;       // events a reconnecting client receives on the socket

    // Sees each event before it is stored and announced; may make it an alarm (rule_engine.h).
    using Inspector = std::function<void(core::model::Event&)>;

    EventService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                 QObject* parent = nullptr);
    ~EventService() override;

    void setInspector(Inspector inspector) { m_inspector = std::move(inspector); }

    // Completes (id, time when 0, severity when empty) and records an event; returns its id, or 0
    // while the service is not running (the event is dropped and logged).
    qint64 raise(core::model::Event event);
    core::Result<core::model::Event> raiseManualAlarm(const core::model::ManualAlarmRequest& request,
                                                       const QString& sourceName, const QString& userName);

    core::Result<QList<core::model::Event>> search(const EventQuery& query);
    // nullopt when there is no such event or the scope does not reach it.
    core::Result<std::optional<core::model::Event>> event(qint64 id, const EventScope& scope);
    core::Result<core::model::AlarmCounters> counters(const EventScope& scope);
    qint64 lastId() const { return m_nextId - 1; }

    // Several alarms at once, all or none: every id must be an alarm in `scope` whose state allows
    // the step (acknowledge: new; handle: new or acknowledged; comment: any). Returns them as now.
    enum class AlarmAction { Acknowledge, Handle, Comment };
    core::Result<QList<core::model::Event>> act(AlarmAction action, const core::model::AlarmActionRequest& request,
                                                const QString& userName, const EventScope& scope);

    core::model::EventSettings settings() const { return m_settings; }
    core::Status setSettings(const core::model::EventSettings& settings);
    // Deletes events past retention now (also runs daily); returns how many went.
    core::Result<int> applyRetention();

    // Writes the waiting batch now.
    core::Status flush();

signals:
    void eventRaised(const vigil::core::model::Event& event);
    void alarmChanged(const vigil::core::model::Event& event);  // acknowledged, handled, commented

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    core::Status available() const;
    void flushOrWarn();

    core::store::Database& m_db;
    SettingsRepository& m_settingsRepository;
    const core::Clock& m_clock;
    EventRepository m_events;
    core::model::EventSettings m_settings;
    Inspector m_inspector;
    QList<core::model::Event> m_batch;  // raised, announced, not yet written
    QTimer m_flushTimer;
    QTimer m_retentionTimer;
    qint64 m_nextId = 1;
    bool m_running = false;
};

}  // namespace vigil::server
