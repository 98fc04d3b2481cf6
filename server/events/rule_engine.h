#pragma once
// RuleEngine: runs the rules (EVT-2; event_rule.h) on every event the EventService raises. It is the
// service's inspector: a matching rule with an alarm action makes the event an alarm before it is
// stored and announced; the other actions run right after the event is announced (queued to the
// engine's thread, so a pop-up never arrives before its event): record (RecordingService::
// recordUntil; the picture before the event comes from the stream hub's cache, which keeps
// preEventMs of history for the streams record actions may start on), pop-up and sound
// (pushed to workstations: popup()/sound()), e-mail (the accounts service's SMTP settings, through
// MailSender), syslog (SyslogForwarder), PTZ preset (DevicesService).
//
// Debounce: within a rule's debounceMs after it fired for a source, its matching events from that
// source only count; when the window closes with a count, one "aggregated" event says how many
// (rules with no kinds do not match "aggregated", so it cannot feed itself).
//
// Rules are checked when saved (validate): beyond the shape (EventRule::fromRequest), a rule that
// can never fire or never act is refused with the reason: sources or channels that do not exist,
// a PTZ action on a channel without PTZ, an e-mail action without SMTP settings, record or pop-up
// actions with no channel of their own on a filter whose kinds never concern a channel.
//
// Threads: the engine's thread.

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "common/clock.h"
#include "events/event_rule.h"
#include "events/rule_repository.h"
#include "model/event_model.h"

namespace vigil::server {

class AccountsService;
class DevicesService;
class EventService;
class MailSender;
class RecordingService;
class StreamHub;
class SyslogForwarder;

class RuleEngine : public QObject {
    Q_OBJECT
public:
    struct Stats {
        qint64 matched = 0;     // events that matched a rule (counted per rule)
        qint64 debounced = 0;   // of those, held back by a debounce window
        qint64 actions = 0;     // actions started
        qint64 failures = 0;    // actions that failed
    };

    RuleEngine(core::store::Database& db, EventService& events, DevicesService& devices, AccountsService& accounts,
               RecordingService& recording, StreamHub& hub, const core::Clock& clock, const QString& serverName,
               QObject* parent = nullptr);
    ~RuleEngine() override;

    // --- rules (the routes)
    core::Result<QList<EventRule>> rules() const;
    core::Result<EventRule> rule(const QString& id) const;
    // `byUser` (who asked; "" the server itself) goes with ruleChanged().
    core::Result<EventRule> create(EventRule rule, const QString& byUser = {});
    core::Result<EventRule> update(const QString& id, EventRule rule, const QString& byUser = {});
    core::Status remove(const QString& id, const QString& byUser = {});
    core::Status validate(const EventRule& rule) const;
    // Reads the rules from the store (at start and after each change).
    core::Status reload();

    const Stats& stats() const { return m_stats; }
    SyslogForwarder& syslog() { return *m_syslog; }

signals:
    // A rule asks workstations to show `channelId` (pop-up) or to play `sound`; `userNames` empty:
    // every session allowed to see the event.
    void popup(const vigil::core::model::Event& event, const QString& channelId, const QStringList& userNames);
    void sound(const vigil::core::model::Event& event, const QString& sound, const QStringList& userNames);
    void actionFailed(const QString& ruleId, const QString& action, const QString& message);
    // A rule was saved or deleted (`change`: created, changed, deleted; `rule` empty when deleted),
    // for the workstations that show the rules (events_push.h: events.rule).
    void ruleChanged(const QString& change, const QString& ruleId, const QJsonObject& rule, const QString& byUser);

private:
    struct Window {
        qint64 untilMs = 0;
        qint64 count = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        QString sourceName;
        QString channelId;
    };
    void inspect(core::model::Event& event);
    void run(const EventRule& rule, const core::model::Event& event);
    void runAction(const EventRule& rule, const RuleAction& action, const core::model::Event& event);
    void sendMail(const EventRule& rule, const RuleAction& action, const core::model::Event& event);
    void fail(const EventRule& rule, const RuleAction& action, const QString& message);
    // Emits ruleChanged() for a rule that was saved, and passes the result on.
    core::Result<EventRule> announce(const QString& change, core::Result<EventRule> saved, const QString& byUser);
    void closeWindows();
    // Asks the stream hub to keep the pre-event history the record actions need.
    void applyHistory();

    EventService& m_events;
    DevicesService& m_devices;
    AccountsService& m_accounts;
    RecordingService& m_recording;
    StreamHub& m_hub;
    const core::Clock& m_clock;
    RuleRepository m_repository;
    QList<EventRule> m_rules;  // enabled ones, as stored
    QHash<QString, Window> m_windows;  // "<ruleId>|<sourceId>" -> its debounce window
    QTimer m_windowTimer;
    QHash<QString, qint64> m_history;  // stream key -> pre-event ms asked of the hub
    QSet<QString> m_knownChannels;
    MailSender* m_mail = nullptr;  // child
    SyslogForwarder* m_syslog = nullptr;  // child
    Stats m_stats;
};

}  // namespace vigil::server
