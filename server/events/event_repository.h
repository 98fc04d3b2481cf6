#pragma once
// EventRepository: the events, alarm_trail and event_rules tables (events_schema.cpp). Searches by
// time range, source, kind, severity and alarm state, newest first, within the channels a caller
// reaches; counts pending and handled alarms; moves alarms along with a trail step; deletes what
// retention says. Runs on the engine's thread with the engine's database.

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

#include "common/result.h"
#include "model/event_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

// Which events a caller may see: every one, or those of no channel plus those of `channels`.
struct EventScope {
    bool all = true;
    QSet<QString> channels;

    bool reaches(const core::model::Event& event) const {
        return all || event.channelId.isEmpty() || channels.contains(event.channelId);
    }
};

struct EventQuery {
    qint64 fromMs = 0;  // inclusive; 0: no start
    qint64 toMs = 0;    // exclusive; 0: no end
    QStringList sourceIds;
    QStringList kinds;
    QStringList severities;
    QStringList alarmStates;  // "pending" stands for new + acknowledged
    bool alarmsOnly = false;
    qint64 afterId = 0;  // only events with a greater id (a reconnect's catch-up), oldest first
    int limit = 100;
    int offset = 0;
    EventScope scope;
};

class EventRepository {
public:
    explicit EventRepository(core::store::Database& db) : m_db(db) {}

    core::Result<qint64> lastId() const;
    // Writes events (ids already set) and the "raised" step of each alarm, in one transaction.
    core::Status insert(const QList<core::model::Event>& events);
    // Newest first, unless query.afterId is set (then oldest first). Alarms come with their trail.
    core::Result<QList<core::model::Event>> search(const EventQuery& query) const;
    core::Result<std::optional<core::model::Event>> find(qint64 id) const;
    // Sets the state of every alarm in `ids` and appends `step` to each trail, in one transaction.
    core::Status advance(const QList<qint64>& ids, const QString& state, const core::model::AlarmStep& step);
    core::Result<core::model::AlarmCounters> counters(const EventScope& scope) const;
    // Deletes events older than cutoffMs (alarms only once handled), at most `batch` rows; returns
    // how many went.
    core::Result<int> prune(qint64 cutoffMs, int batch);

private:
    core::Status loadTrails(QList<core::model::Event>& events) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
