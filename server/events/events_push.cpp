#include "events/events_push.h"

#include <QUrlQuery>
#include <QWebSocket>

#include "accounts/accounts_service.h"
#include "accounts/session_repository.h"
#include "devices/channel_access.h"
#include "events/event_service.h"
#include "events/rule_engine.h"
#include "http/websocket_hub.h"
#include "model/permissions.h"

namespace vigil::server {

using core::model::Event;
using core::model::PushMessage;

namespace {
constexpr int kCountersDelayMs = 250;
}

EventPush::EventPush(EventService& events, RuleEngine& rules, AccountsService& accounts, core::store::Database& db,
                     const ChannelAccess& access, WebSocketHub& hub)
    : QObject(&hub), m_events(events), m_accounts(accounts), m_db(db), m_access(access), m_hub(hub) {
    m_countersTimer.setSingleShot(true);
    m_countersTimer.setInterval(kCountersDelayMs);
    connect(&m_countersTimer, &QTimer::timeout, this, &EventPush::pushCounters);
    connect(&events, &EventService::eventRaised, this, [this](const Event& event) {
        push(QStringLiteral("events.event"), event);
        if (event.isAlarm() && !m_countersTimer.isActive()) {
            m_countersTimer.start();
        }
    });
    connect(&events, &EventService::alarmChanged, this, [this](const Event& event) {
        push(QStringLiteral("events.alarm"), event);
        if (!m_countersTimer.isActive()) {
            m_countersTimer.start();
        }
    });
    connect(&accounts, &AccountsService::logged, this, [this] { m_audiences.clear(); });
    connect(&accounts, &AccountsService::sessionEnded, this,
            [this](const QString& sessionId) { m_audiences.remove(sessionId); });
    connect(&hub, &WebSocketHub::clientAccepted, this, &EventPush::catchUp);
    connect(&rules, &RuleEngine::popup, this,
            [this](const Event& event, const QString& channelId, const QStringList& userNames) {
                pushTo(PushMessage{QStringLiteral("events.popup"),
                                   QJsonObject{{QStringLiteral("event"), event.toJson()},
                                               {QStringLiteral("channelId"), channelId}}},
                       [&](const Audience& audience) {
                           return audience.live &&
                                  (audience.scope.all || audience.scope.channels.contains(channelId)) &&
                                  (userNames.isEmpty() || userNames.contains(audience.userName));
                       });
            });
    connect(&rules, &RuleEngine::ruleChanged, this,
            [this](const QString& change, const QString& ruleId, const QJsonObject& rule, const QString& byUser) {
                // The rules list is for event_handling (GET /api/v1/events/rules): the same audience.
                QJsonObject data{{QStringLiteral("change"), change},
                                 {QStringLiteral("id"), ruleId},
                                 {QStringLiteral("userName"), byUser}};
                if (!rule.isEmpty()) {
                    data.insert(QStringLiteral("rule"), rule);
                }
                pushTo(PushMessage{QStringLiteral("events.rule"), data},
                       [](const Audience& audience) { return audience.allowed; });
            });
    connect(&rules, &RuleEngine::sound, this,
            [this](const Event& event, const QString& sound, const QStringList& userNames) {
                pushTo(PushMessage{QStringLiteral("events.sound"),
                                   QJsonObject{{QStringLiteral("event"), event.toJson()},
                                               {QStringLiteral("sound"), sound}}},
                       [&](const Audience& audience) {
                           return audience.allowed && audience.scope.reaches(event) &&
                                  (userNames.isEmpty() || userNames.contains(audience.userName));
                       });
            });
}

void EventPush::pushTo(const PushMessage& message, const std::function<bool(const Audience&)>& wanted) {
    QStringList sessions;
    for (const QString& sessionId : m_hub.sessionIds()) {
        if (wanted(audienceOf(sessionId))) {
            sessions.append(sessionId);
        }
    }
    if (!sessions.isEmpty()) {
        m_hub.broadcastTo(message, [&sessions](const QString& id) { return sessions.contains(id); });
    }
}

const EventPush::Audience& EventPush::audienceOf(const QString& sessionId) {
    auto found = m_audiences.constFind(sessionId);
    if (found != m_audiences.cend()) {
        return *found;
    }
    Audience audience;
    if (!sessionId.isEmpty()) {
        const QStringList permissions = m_accounts.sessionPermissions(sessionId);
        audience.allowed = permissions.contains(QLatin1String(core::model::Permissions::kEventHandling));
        audience.live = permissions.contains(QLatin1String(core::model::Permissions::kLive));
        if (audience.allowed || audience.live) {
            const ChannelScope channels = m_access.forSession(sessionId);
            audience.scope = EventScope{channels.all, channels.channels};
            auto session = SessionRepository(m_db).findById(sessionId);
            audience.userName = session && session.value() ? session.value()->userName : QString();
        }
    }
    return *m_audiences.insert(sessionId, audience);
}

void EventPush::push(const QString& type, const Event& event) {
    const QStringList sessions = m_hub.sessionIds();
    QStringList wanted;
    for (const QString& sessionId : sessions) {
        const Audience& audience = audienceOf(sessionId);
        if (audience.allowed && audience.scope.reaches(event)) {
            wanted.append(sessionId);
        }
    }
    if (wanted.isEmpty()) {
        return;
    }
    m_hub.broadcastTo(PushMessage{type, event.toJson()},
                      [&wanted](const QString& sessionId) { return wanted.contains(sessionId); });
}

void EventPush::catchUp(QWebSocket* socket, const QString& sessionId) {
    const QUrlQuery query(socket->request().url());
    if (!query.hasQueryItem(QStringLiteral("since"))) {
        return;
    }
    const Audience& audience = audienceOf(sessionId);
    if (!audience.allowed) {
        return;
    }
    bool ok = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
    EventQuery missed;
    missed.afterId = ok && since > 0 ? since : 0;
    missed.limit = EventService::kMaxCatchUp + 1;
    missed.scope = audience.scope;
    if (missed.afterId == 0) {
        // since=0 (a first connection) catches up on nothing: history is for GET /api/v1/events.
        missed.afterId = m_events.lastId();
    }
    auto events = m_events.search(missed);
    if (!events) {
        return;
    }
    const bool complete = events->size() <= EventService::kMaxCatchUp;
    if (!complete) {
        events->removeLast();
    }
    for (const Event& event : std::as_const(events.value())) {
        m_hub.sendTo(socket, PushMessage{QStringLiteral("events.event"), event.toJson()});
    }
    m_hub.sendTo(socket, PushMessage{QStringLiteral("events.resumed"),
                                     QJsonObject{{QStringLiteral("since"), ok ? since : 0},
                                                 {QStringLiteral("lastId"), m_events.lastId()},
                                                 {QStringLiteral("complete"), complete}}});
}

void EventPush::pushCounters() {
    // One count per distinct scope: sessions that reach every channel share one.
    QHash<QString, QJsonObject> byScope;
    for (const QString& sessionId : m_hub.sessionIds()) {
        const Audience& audience = audienceOf(sessionId);
        if (!audience.allowed) {
            continue;
        }
        QStringList channels(audience.scope.channels.cbegin(), audience.scope.channels.cend());
        channels.sort();
        const QString key = audience.scope.all ? QStringLiteral("*") : channels.join(u',');
        if (!byScope.contains(key)) {
            auto counters = m_events.counters(audience.scope);
            if (!counters) {
                continue;
            }
            byScope.insert(key, counters->toJson());
        }
        m_hub.broadcastTo(PushMessage{QStringLiteral("events.counters"), byScope.value(key)},
                          [&sessionId](const QString& id) { return id == sessionId; });
    }
}

}  // namespace vigil::server
