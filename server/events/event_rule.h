#pragma once
// EventRule: what a rule is (EVT-2; server/api/events.yaml EventRule): an event filter (kinds,
// sources, severities, a weekly schedule in the server's local time) and the actions it starts,
// with a debounce time so one flapping source does not flood people (within debounceMs of a
// source's last firing, events only count; the count comes as one "aggregated" event after).
// Stored as JSON (event_rules.definition); fromRequest is strict like every API body. Whether a
// rule can ever fire is checked by RuleEngine::validate, which knows the channels.

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "model/event_model.h"
#include "recording/recording_model.h"

namespace vigil::server {

struct RuleAction {
    static constexpr auto kAlarm = "alarm";    // the event becomes an alarm {severity?}
    static constexpr auto kRecord = "record";  // {channelIds?, stream?, preEventMs?, postEventMs?}
    static constexpr auto kPopup = "popup";    // {channelIds?, userNames?}: the camera pops up on workstations
    static constexpr auto kSound = "sound";    // {sound?, userNames?}: workstations play a sound
    static constexpr auto kEmail = "email";    // {to, subject?}: through the SMTP settings
    static constexpr auto kSyslog = "syslog";  // {host, port?, caCertificate?}: RFC 5424 over TLS
    static constexpr auto kPtz = "ptz";        // {channelId, presetToken}
    static const QStringList& types();

    QString type;
    QString severity;         // alarm: "" keeps the event's
    QStringList channelIds;   // record, popup: "" list = the event's channel
    QString stream = QStringLiteral("main");
    qint64 preEventMs = 5000;    // record: wanted picture before the event (see docs/design/events.md)
    qint64 postEventMs = 10000;  // record: how long after the event
    QStringList userNames;    // popup, sound: only these users' workstations ("" list: everyone allowed)
    QString sound = QStringLiteral("alarm");
    QStringList to;           // email
    QString subject;          // email: "" = "[Vigil] <severity>: <message>"
    QString host;             // syslog
    int port = 6514;          // syslog over TLS (RFC 5425)
    QString caCertificate;    // syslog: PEM of a private CA to trust besides the system's
    QString channelId;        // ptz
    QString presetToken;      // ptz

    static constexpr qint64 kMaxRecordMs = 10LL * 60 * 1000;
    static const QStringList& sounds();

    QJsonObject toJson() const;
    static core::Result<RuleAction> fromRequest(const QJsonObject& json, int index);
};

struct EventRule {
    QString id;
    QString name;
    bool enabled = true;
    QStringList kinds;       // empty: every kind except "aggregated"
    QStringList sourceIds;   // empty: every source
    QStringList severities;  // empty: every severity
    WeeklySchedule schedule;  // empty: always
    qint64 debounceMs = 0;
    QList<RuleAction> actions;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    static constexpr qint64 kMaxDebounceMs = 24LL * 60 * 60 * 1000;
    static constexpr int kMaxActions = 16;

    // Kind, source, severity; the schedule is asked separately (it needs the local time).
    bool matches(const core::model::Event& event) const;
    bool inSchedule(qint64 timeMs) const;

    QJsonObject toJson() const;
    // The stored form: toJson() without id, name, enabled and times (columns of their own).
    QJsonObject definition() const;
    static core::Result<EventRule> fromDefinition(const QJsonObject& json);
    // POST/PUT body: {name, enabled?, filter: {kinds?, sourceIds?, severities?, schedule?}, actions, debounceMs?}
    static core::Result<EventRule> fromRequest(const QJsonObject& json);

private:
    void index();
    QSet<QString> m_kinds;
    QSet<QString> m_sources;
    QSet<QString> m_severities;
};

}  // namespace vigil::server
