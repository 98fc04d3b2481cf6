#include "events/event_repository.h"

#include <QHash>
#include <QJsonDocument>

#include "accounts/statement_runner.h"
#include "store/database.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::AlarmCounters;
using core::model::AlarmStep;
using core::model::Event;

namespace {

const QString kColumns = QStringLiteral(
    "id, time_ms, source_type, source_id, source_name, channel_id, kind, severity, message, details, "
    "alarm_state, rule_id");

// A WHERE clause built with its bindings, so the two cannot drift apart.
class Where {
    struct Value {
        bool isText = false;
        qint64 number = 0;
        QString text;
    };

public:
    void add(const QString& condition) { m_conditions << condition; }
    void add(const QString& condition, qint64 value) {
        m_conditions << condition;
        m_values << Value{false, value, {}};
    }
    // "column IN (?, ?, ...)" for a list (nothing for an empty one).
    void in(const QString& column, const QStringList& values) {
        if (values.isEmpty()) {
            return;
        }
        QStringList marks;
        for (const QString& value : values) {
            marks << QStringLiteral("?");
            m_values << Value{true, 0, value};
        }
        m_conditions << QStringLiteral("%1 IN (%2)").arg(column, marks.join(u", "));
    }
    QString sql() const {
        return m_conditions.isEmpty() ? QStringLiteral("1 = 1") : m_conditions.join(QStringLiteral(" AND "));
    }
    // Binds from `first` on; returns the next free index.
    int bind(core::store::Statement& statement, int first = 1) const {
        int index = first;
        for (const auto& value : m_values) {
            if (value.isText) {
                statement.bind(index, value.text);
            } else {
                statement.bind(index, value.number);
            }
            ++index;
        }
        return index;
    }

private:
    QStringList m_conditions;
    QList<Value> m_values;
};

void restrictTo(Where& where, const EventScope& scope) {
    if (scope.all) {
        return;
    }
    QStringList channels(scope.channels.cbegin(), scope.channels.cend());
    channels << QString();  // events of no channel
    where.in(QStringLiteral("channel_id"), channels);
}

Event readEvent(const core::store::Statement& row) {
    Event event;
    event.id = row.int64(0);
    event.timeMs = row.int64(1);
    event.sourceType = row.text(2);
    event.sourceId = row.text(3);
    event.sourceName = row.text(4);
    event.channelId = row.text(5);
    event.kind = row.text(6);
    event.severity = row.text(7);
    event.message = row.text(8);
    event.details = QJsonDocument::fromJson(row.text(9).toUtf8()).object();
    event.alarmState = row.text(10);
    event.ruleId = row.text(11);
    return event;
}

QString compact(const QJsonObject& json) {
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Status insertStep(core::store::Statement& statement, qint64 eventId, const AlarmStep& step) {
    statement.reset();
    statement.bind(1, eventId).bind(2, step.timeMs).bind(3, step.userName).bind(4, step.action).bind(5, step.comment);
    return statement.run();
}

const QString kInsertStep = QStringLiteral(
    "INSERT INTO alarm_trail (event_id, time_ms, user_name, action, comment) VALUES (?1, ?2, ?3, ?4, ?5)");

}  // namespace

Result<qint64> EventRepository::lastId() const {
    return scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"));
}

Status EventRepository::insert(const QList<Event>& events) {
    if (events.isEmpty()) {
        return {};
    }
    core::store::Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto insertEvent = m_db.prepare(
        QStringLiteral("INSERT INTO events (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)").arg(kColumns));
    auto insertTrail = m_db.prepare(kInsertStep);
    if (!insertEvent) {
        return insertEvent.error();
    }
    if (!insertTrail) {
        return insertTrail.error();
    }
    for (const Event& event : events) {
        core::store::Statement& s = insertEvent.value();
        s.reset();
        s.bind(1, event.id)
            .bind(2, event.timeMs)
            .bind(3, event.sourceType)
            .bind(4, event.sourceId)
            .bind(5, event.sourceName)
            .bind(6, event.channelId)
            .bind(7, event.kind)
            .bind(8, event.severity)
            .bind(9, event.message)
            .bind(10, compact(event.details))
            .bind(11, event.alarmState)
            .bind(12, event.ruleId);
        if (Status ran = s.run(); !ran) {
            return ran;
        }
        for (const AlarmStep& step : event.trail) {
            if (Status ran = insertStep(insertTrail.value(), event.id, step); !ran) {
                return ran;
            }
        }
    }
    return transaction.commit();
}

Result<QList<Event>> EventRepository::search(const EventQuery& query) const {
    Where where;
    if (query.fromMs > 0) {
        where.add(QStringLiteral("time_ms >= ?"), query.fromMs);
    }
    if (query.toMs > 0) {
        where.add(QStringLiteral("time_ms < ?"), query.toMs);
    }
    if (query.afterId > 0) {
        where.add(QStringLiteral("id > ?"), query.afterId);
    }
    where.in(QStringLiteral("source_id"), query.sourceIds);
    where.in(QStringLiteral("kind"), query.kinds);
    where.in(QStringLiteral("severity"), query.severities);
    QStringList states = query.alarmStates;
    if (states.removeAll(QStringLiteral("pending")) > 0) {
        states << QString::fromLatin1(core::model::AlarmStates::kNew)
               << QString::fromLatin1(core::model::AlarmStates::kAcknowledged);
        states.removeDuplicates();
    }
    where.in(QStringLiteral("alarm_state"), states);
    if (query.alarmsOnly && states.isEmpty()) {
        where.add(QStringLiteral("alarm_state <> ''"));
    }
    restrictTo(where, query.scope);
    const QString order = query.afterId > 0 ? QStringLiteral("id ASC") : QStringLiteral("time_ms DESC, id DESC");
    const QString sql = QStringLiteral("SELECT %1 FROM events WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?")
                            .arg(kColumns, where.sql(), order);
    QList<Event> events;
    const Status status = forEachRow(
        m_db, sql,
        [&](core::store::Statement& s) {
            const int next = where.bind(s);
            s.bind(next, static_cast<qint64>(query.limit)).bind(next + 1, static_cast<qint64>(query.offset));
        },
        [&events](const core::store::Statement& row) { events.append(readEvent(row)); });
    if (!status) {
        return status.error();
    }
    if (Status trails = loadTrails(events); !trails) {
        return trails.error();
    }
    return events;
}

Result<std::optional<Event>> EventRepository::find(qint64 id) const {
    QList<Event> events;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT %1 FROM events WHERE id = ?1").arg(kColumns),
        [id](core::store::Statement& s) { s.bind(1, id); },
        [&events](const core::store::Statement& row) { events.append(readEvent(row)); });
    if (!status) {
        return status.error();
    }
    if (Status trails = loadTrails(events); !trails) {
        return trails.error();
    }
    return events.isEmpty() ? std::nullopt : std::optional<Event>(events.first());
}

Status EventRepository::loadTrails(QList<Event>& events) const {
    QHash<qint64, Event*> alarms;
    for (Event& event : events) {
        if (event.isAlarm()) {
            alarms.insert(event.id, &event);
        }
    }
    if (alarms.isEmpty()) {
        return {};
    }
    QStringList ids;
    for (auto it = alarms.cbegin(); it != alarms.cend(); ++it) {
        ids << QString::number(it.key());  // numbers from our own rows: safe to inline
    }
    return forEachRow(
        m_db,
        QStringLiteral("SELECT event_id, time_ms, user_name, action, comment FROM alarm_trail WHERE event_id IN (%1) "
                       "ORDER BY id")
            .arg(ids.join(u',')),
        {}, [&alarms](const core::store::Statement& row) {
            if (Event* event = alarms.value(row.int64(0))) {
                event->trail.append(AlarmStep{row.int64(1), row.text(2), row.text(3), row.text(4)});
            }
        });
}

Status EventRepository::advance(const QList<qint64>& ids, const QString& state, const AlarmStep& step) {
    core::store::Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto trail = m_db.prepare(kInsertStep);
    if (!trail) {
        return trail.error();
    }
    for (qint64 id : ids) {
        if (!state.isEmpty()) {
            const Status set = runStatement(m_db, QStringLiteral("UPDATE events SET alarm_state = ?2 WHERE id = ?1"),
                                            [id, &state](core::store::Statement& s) { s.bind(1, id).bind(2, state); });
            if (!set) {
                return set;
            }
        }
        if (Status ran = insertStep(trail.value(), id, step); !ran) {
            return ran;
        }
    }
    return transaction.commit();
}

Result<AlarmCounters> EventRepository::counters(const EventScope& scope) const {
    Where where;
    where.add(QStringLiteral("alarm_state <> ''"));
    restrictTo(where, scope);
    AlarmCounters counters;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT alarm_state, COUNT(*) FROM events WHERE %1 GROUP BY alarm_state").arg(where.sql()),
        [&where](core::store::Statement& s) { where.bind(s); },
        [&counters](const core::store::Statement& row) {
            const QString state = row.text(0);
            if (state == QLatin1String(core::model::AlarmStates::kNew)) {
                counters.fresh = row.int64(1);
            } else if (state == QLatin1String(core::model::AlarmStates::kAcknowledged)) {
                counters.acknowledged = row.int64(1);
            } else {
                counters.handled = row.int64(1);
            }
        });
    if (!status) {
        return status.error();
    }
    return counters;
}

Result<int> EventRepository::prune(qint64 cutoffMs, int batch) {
    const Status status = runStatement(
        m_db,
        QStringLiteral("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE time_ms < ?1 AND "
                       "alarm_state IN ('', 'handled') ORDER BY time_ms LIMIT ?2)"),
        [cutoffMs, batch](core::store::Statement& s) { s.bind(1, cutoffMs).bind(2, static_cast<qint64>(batch)); });
    if (!status) {
        return status.error();
    }
    return m_db.changes();
}

}  // namespace vigil::server
