#include "events/event_service.h"

#include "engine/settings_repository.h"
#include "events/events_logging.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::AlarmStates;
using core::model::AlarmStep;
using core::model::Event;

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

Error notRunning() {
    return Error::make(QStringLiteral("service_unavailable"),
                       QStringLiteral("Event handling is not running. Start the \"events\" service in the server's "
                                      "services and try again."));
}

Error alarmNotFound(qint64 id) {
    return Error::make(QStringLiteral("alarm_not_found"),
                       QStringLiteral("There is no alarm with the id %1 that you may see. Reload the list; it may "
                                      "have been deleted by retention.")
                           .arg(id));
}

}  // namespace

EventService::EventService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                           QObject* parent)
    : Service(QStringLiteral("events"), QStringLiteral("Event handling"), parent),
      m_db(db),
      m_settingsRepository(settings),
      m_clock(clock),
      m_events(db) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventService::flushOrWarn);
    m_retentionTimer.setInterval(static_cast<int>(kDayMs / 24));  // hourly check, deletes past the days kept
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] { (void)applyRetention(); });  // logs its own failure
}

EventService::~EventService() {
    flushOrWarn();
}

void EventService::flushOrWarn() {
    if (Status written = flush(); !written) {
        qCWarning(lcEvents).noquote() << "cannot write" << m_batch.size() << "events:" << written.error().message;
    }
}

Status EventService::doStart() {
    auto last = m_events.lastId();
    if (!last) {
        return last.error();
    }
    m_nextId = last.value() + 1;
    auto days = m_settingsRepository.integer(QLatin1String(kSettingRetentionDays));
    if (days && days.value() && *days.value() >= 1) {
        m_settings.retentionDays = static_cast<int>(*days.value());
    }
    m_running = true;
    m_retentionTimer.start();
    (void)applyRetention();  // logs its own failure
    return {};
}

void EventService::doStop() {
    flushOrWarn();
    m_flushTimer.stop();
    m_retentionTimer.stop();
    m_running = false;
}

Status EventService::available() const {
    return m_running ? Status{} : Status(notRunning());
}

qint64 EventService::raise(Event event) {
    if (!m_running) {
        qCInfo(lcEvents).noquote() << "not running; dropped event" << event.kind << event.sourceName;
        return 0;
    }
    event.id = m_nextId++;
    if (event.timeMs <= 0) {
        event.timeMs = m_clock.nowMs();
    }
    if (event.severity.isEmpty()) {
        event.severity = QString::fromLatin1(core::model::EventSeverities::kInfo);
    }
    if (m_inspector) {
        m_inspector(event);
    }
    m_batch.append(event);
    if (m_batch.size() >= kMaxBatch) {
        flushOrWarn();
    } else if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
    emit eventRaised(event);
    return event.id;
}

Result<Event> EventService::raiseManualAlarm(const core::model::ManualAlarmRequest& request,
                                             const QString& sourceName, const QString& userName) {
    if (Status ok = available(); !ok) {
        return ok.error();
    }
    Event event;
    event.timeMs = m_clock.nowMs();
    event.sourceType = QString::fromLatin1(request.channelId.isEmpty() ? core::model::EventSourceTypes::kUser
                                                                        : core::model::EventSourceTypes::kChannel);
    event.sourceId = request.channelId;
    event.sourceName = request.channelId.isEmpty() ? userName : sourceName;
    event.channelId = request.channelId;
    event.kind = QString::fromLatin1(core::model::EventKinds::kManualAlarm);
    event.severity = request.severity;
    event.message = request.message;
    event.details = QJsonObject{{QStringLiteral("raisedBy"), userName}};
    event.alarmState = QString::fromLatin1(AlarmStates::kNew);
    event.trail.append(AlarmStep{event.timeMs, userName, QString::fromLatin1(AlarmStep::kRaised), request.message});
    event.id = raise(event);
    // raise() may have let the rules add to it: read back what was announced.
    auto stored = this->event(event.id, EventScope{});
    if (!stored) {
        return stored.error();
    }
    return stored.value() ? *stored.value() : event;
}

Status EventService::flush() {
    if (m_batch.isEmpty()) {
        return {};
    }
    const QList<Event> batch = std::exchange(m_batch, {});
    Status written = m_events.insert(batch);
    if (!written) {
        // Kept in memory for the next try: announced events are not lost while the disk recovers.
        m_batch = batch + m_batch;
    }
    return written;
}

Result<QList<Event>> EventService::search(const EventQuery& query) {
    if (Status ok = available(); !ok) {
        return ok.error();
    }
    if (Status written = flush(); !written) {
        return written.error();
    }
    return m_events.search(query);
}

Result<std::optional<Event>> EventService::event(qint64 id, const EventScope& scope) {
    if (Status ok = available(); !ok) {
        return ok.error();
    }
    if (Status written = flush(); !written) {
        return written.error();
    }
    auto found = m_events.find(id);
    if (!found) {
        return found.error();
    }
    if (found.value() && !scope.reaches(*found.value())) {
        return std::optional<Event>();
    }
    return found.value();
}

Result<core::model::AlarmCounters> EventService::counters(const EventScope& scope) {
    if (Status ok = available(); !ok) {
        return ok.error();
    }
    if (Status written = flush(); !written) {
        return written.error();
    }
    return m_events.counters(scope);
}

Result<QList<Event>> EventService::act(AlarmAction action, const core::model::AlarmActionRequest& request,
                                       const QString& userName, const EventScope& scope) {
    if (Status ok = available(); !ok) {
        return ok.error();
    }
    if (Status written = flush(); !written) {
        return written.error();
    }
    QString state;
    QString step;
    switch (action) {
    case AlarmAction::Acknowledge:
        state = QString::fromLatin1(AlarmStates::kAcknowledged);
        step = QString::fromLatin1(AlarmStep::kAcknowledged);
        break;
    case AlarmAction::Handle:
        state = QString::fromLatin1(AlarmStates::kHandled);
        step = QString::fromLatin1(AlarmStep::kHandled);
        break;
    case AlarmAction::Comment:
        step = QString::fromLatin1(AlarmStep::kCommented);
        break;
    }
    // Everything is checked before anything changes: a list with one wrong id changes nothing.
    for (qint64 id : request.ids) {
        auto found = m_events.find(id);
        if (!found) {
            return found.error();
        }
        if (!found.value() || !found.value()->isAlarm() || !scope.reaches(*found.value())) {
            return alarmNotFound(id);
        }
        const QString current = found.value()->alarmState;
        const bool handled = current == QLatin1String(AlarmStates::kHandled);
        const bool acknowledged = current == QLatin1String(AlarmStates::kAcknowledged);
        if ((action == AlarmAction::Acknowledge && (handled || acknowledged)) ||
            (action == AlarmAction::Handle && handled)) {
            return Error::make(QStringLiteral("alarm_state_conflict"),
                               QStringLiteral("Alarm %1 is already %2, so it cannot be %3. Reload the list; "
                                              "someone else may have acted on it.")
                                   .arg(id)
                                   .arg(current, state));
        }
    }
    const AlarmStep trailStep{m_clock.nowMs(), userName, step, request.comment};
    if (Status advanced = m_events.advance(request.ids, state, trailStep); !advanced) {
        return advanced.error();
    }
    QList<Event> changed;
    for (qint64 id : request.ids) {
        auto found = m_events.find(id);
        if (found && found.value()) {
            changed.append(*found.value());
            emit alarmChanged(*found.value());
        }
    }
    qCInfo(lcEvents).noquote() << userName << step << request.ids.size() << "alarm(s)";
    return changed;
}

Status EventService::setSettings(const core::model::EventSettings& settings) {
    if (Status saved = m_settingsRepository.setValue(QLatin1String(kSettingRetentionDays),
                                                     QString::number(settings.retentionDays));
        !saved) {
        return saved;
    }
    m_settings = settings;
    return {};
}

Result<int> EventService::applyRetention() {
    if (Status written = flush(); !written) {
        return written.error();
    }
    const qint64 cutoff = m_clock.nowMs() - m_settings.retentionDays * kDayMs;
    int total = 0;
    for (;;) {
        auto removed = m_events.prune(cutoff, kPruneBatch);
        if (!removed) {
            qCWarning(lcEvents).noquote() << "retention failed:" << removed.error().message;
            return removed.error();
        }
        total += removed.value();
        if (removed.value() < kPruneBatch) {
            break;
        }
    }
    if (total > 0) {
        qCInfo(lcEvents) << "retention deleted" << total << "events older than" << m_settings.retentionDays << "days";
    }
    return total;
}

}  // namespace vigil::server
