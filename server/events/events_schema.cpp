#include "events/events_schema.h"

namespace vigil::server {

core::store::Migration eventsMigration() {
    return {7, QStringLiteral("events, alarm trails, rules"), QStringLiteral(R"sql(
-- Every event the server saw or raised (EVT-1): devices going offline, motion, storage problems,
-- failed logins, alarms raised by rules or by hand. The id is the sequence clients resume from
-- after a reconnect (events/ws?since=<id>), so ids only grow; the service assigns them in order.
-- Rows older than events.retention_days (settings) are deleted, except alarms still pending.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,  -- the event sequence, from 1, never reused
    time_ms       INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms when it happened
    source_type   TEXT NOT NULL CHECK (source_type IN ('channel', 'device', 'server', 'user')),
    source_id     TEXT NOT NULL DEFAULT '',  -- channel/device/user id; '' for the server
    source_name   TEXT NOT NULL DEFAULT '',  -- for people, as it was then
    channel_id    TEXT NOT NULL DEFAULT '',  -- the channel concerned ('' for none): rights, video
    kind          TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),  -- model/event_model.h EventKinds
    severity      TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message       TEXT NOT NULL DEFAULT '',  -- for people
    details       TEXT NOT NULL DEFAULT '{}',  -- a JSON object, kind-specific
    alarm_state   TEXT NOT NULL DEFAULT '' CHECK (alarm_state IN ('', 'new', 'acknowledged', 'handled')),  -- '': not an alarm
    rule_id       TEXT NOT NULL DEFAULT ''  -- the rule that raised the alarm
);
CREATE INDEX events_by_time ON events (time_ms);
CREATE INDEX events_by_source ON events (source_id, time_ms);
CREATE INDEX events_by_channel ON events (channel_id, time_ms);
CREATE INDEX events_by_kind ON events (kind, time_ms);
CREATE INDEX events_by_alarm_state ON events (alarm_state, time_ms);

-- Who did what to an alarm, when, and what they wrote (EVT-1). Append only.
CREATE TABLE alarm_trail (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    time_ms   INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms
    user_name TEXT NOT NULL DEFAULT '',  -- '' for the server (a rule)
    action    TEXT NOT NULL CHECK (action IN ('raised', 'acknowledged', 'handled', 'commented')),
    comment   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alarm_trail_by_event ON alarm_trail (event_id, id);

-- Rules (EVT-2): an event filter and the actions it starts, as a JSON document checked when saved
-- (server/events/event_rule.h says what it holds).
CREATE TABLE event_rules (
    id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID
    name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 128),
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    definition TEXT NOT NULL,  -- JSON: {filter, actions, debounceMs}
    created_ms INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    updated_ms INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms
);
)sql")};
}

}  // namespace vigil::server
