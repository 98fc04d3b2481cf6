#pragma once
// EventPush: sends events over the events WebSocket (http/websocket_hub.h) to the sessions allowed
// to see them: the session's role has event_handling and reaches the event's channel (events of no
// channel go to every such session).
//   events.event     an Event, as raised (alarms included)
//   events.alarm     an Event whose alarm state or trail changed
//   events.counters  AlarmCounters of the session's scope, after alarms change (at most every 250 ms)
//   events.resumed   {since, lastId, complete}: after the catch-up below
//   events.popup     {event, channelId}: a rule asks workstations to show the camera (sessions with
//                    live that reach the channel; only the rule's users when it names some)
//   events.sound     {event, sound}: a rule asks workstations to play a sound (as events.event,
//                    only the rule's users when it names some)
//   events.rule      {change, id, rule, userName}: a rule was created, changed or deleted (no rule
//                    then) by userName, to every session with event_handling (who may read rules)
// A client that reconnects asks for what it missed with ?since=<last event id it saw> on the socket
// URL: it receives those events (oldest first, at most EventService::kMaxCatchUp; complete = false
// when there were more: search the rest with GET /api/v1/events) before any new one.
//
// Whom a session may see is read from the store once and kept; any security log entry (role, user
// and session changes all write one) or a session's end forgets it, so rights changes apply at once
// while a burst of events costs no reads.

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

#include "events/event_repository.h"
#include "model/event_model.h"
#include "model/system_model.h"

class QWebSocket;

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class AccountsService;
class ChannelAccess;
class EventService;
class RuleEngine;
class WebSocketHub;

class EventPush : public QObject {
    Q_OBJECT
public:
    EventPush(EventService& events, RuleEngine& rules, AccountsService& accounts, core::store::Database& db,
              const ChannelAccess& access, WebSocketHub& hub);

private:
    struct Audience {
        bool allowed = false;  // event_handling
        bool live = false;
        QString userName;
        EventScope scope;
    };
    const Audience& audienceOf(const QString& sessionId);
    void push(const QString& type, const core::model::Event& event);
    // Sends `message` to the sessions `wanted` accepts.
    void pushTo(const core::model::PushMessage& message, const std::function<bool(const Audience&)>& wanted);
    void catchUp(QWebSocket* socket, const QString& sessionId);
    void pushCounters();

    EventService& m_events;
    AccountsService& m_accounts;
    core::store::Database& m_db;
    const ChannelAccess& m_access;
    WebSocketHub& m_hub;
    QHash<QString, Audience> m_audiences;  // by session id
    QTimer m_countersTimer;
};

}  // namespace vigil::server
