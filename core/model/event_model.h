#pragma once
// API value types for events and alarms (issue 6, EVT-1, EVT-2; server/api/events.yaml). The server
// sends them; the workstation reads them. Times are UTC milliseconds.
//
// As in device_model.h: fromJson reads what a server sent (unknown fields ignored, "bad_response"),
// fromRequest reads what a client sent (strict: unknown fields and wrong types refused, "bad_request").
//
// An event is anything that happened (a camera went offline, motion, a failed login). An alarm is an
// event that asks a person to act: it has a state (new -> acknowledged -> handled; new -> handled
// directly) and a trail of who did what when, with their comments. Events that are not alarms have
// an empty state and trail.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::model {

struct EventSeverities {
    static constexpr auto kInfo = "info";
    static constexpr auto kWarning = "warning";
    static constexpr auto kCritical = "critical";
    static const QStringList& all();
};

struct AlarmStates {
    static constexpr auto kNew = "new";
    static constexpr auto kAcknowledged = "acknowledged";
    static constexpr auto kHandled = "handled";
    static const QStringList& all();
};

// What kind of thing an event is about; channel events are seen only by roles that reach the channel.
struct EventSourceTypes {
    static constexpr auto kChannel = "channel";
    static constexpr auto kDevice = "device";
    static constexpr auto kServer = "server";
    static constexpr auto kUser = "user";
    static const QStringList& all();
};

// The kinds the server raises (rules filter on them; an unknown kind in a rule is refused).
struct EventKinds {
    static constexpr auto kDeviceOnline = "device_online";
    static constexpr auto kDeviceOffline = "device_offline";
    static constexpr auto kDeviceUnauthorised = "device_unauthorised";
    static constexpr auto kStreamError = "stream_error";
    static constexpr auto kMotion = "motion";              // motion started (camera or server-side)
    static constexpr auto kMotionEnded = "motion_ended";
    static constexpr auto kCameraEvent = "camera_event";  // another ONVIF topic (tamper, input...)
    static constexpr auto kStorageProblem = "storage_problem";
    static constexpr auto kRecordingStopped = "recording_stopped";
    // A camera came back: the time its recording was missing (SEC-2.8).
    static constexpr auto kRecordingGap = "recording_gap";
    static constexpr auto kLoginFailed = "login_failed";
    static constexpr auto kLockout = "lockout";
    static constexpr auto kHealth = "health_threshold";
    static constexpr auto kManualAlarm = "manual_alarm";
    static constexpr auto kAggregated = "aggregated";  // a flapping source's events summed up by a rule
    static constexpr auto kLicence = "licence";  // expiry warning, expiry, clock rollback (server/license)
    static constexpr auto kTimeSync = "time_sync";  // offset too large, no time server answers, back in sync (SEC-1.5)
    static constexpr auto kCertificate = "certificate";  // the server certificate nears or passed expiry (SEC-2.3)
    static constexpr auto kSecurityDrift = "security_drift";  // the site fell below its chosen protection level (server/audit)
    static const QStringList& all();
};

struct AlarmStep {
    static constexpr auto kRaised = "raised";
    static constexpr auto kAcknowledged = "acknowledged";
    static constexpr auto kHandled = "handled";
    static constexpr auto kCommented = "commented";

    qint64 timeMs = 0;
    QString userName;  // "" for the server (a rule raised it)
    QString action;    // raised, acknowledged, handled, commented
    QString comment;

    QJsonObject toJson() const;
    static Result<AlarmStep> fromJson(const QJsonObject& json);
    bool operator==(const AlarmStep& other) const = default;
};

struct Event {
    qint64 id = 0;  // the server's sequence: increases with each event, never reused
    qint64 timeMs = 0;
    QString sourceType;  // EventSourceTypes
    QString sourceId;    // channel/device/user id, "" for the server
    QString sourceName;  // for people, as it was when the event happened
    QString channelId;   // the channel the event concerns ("" for none): rights and linked video
    QString kind;        // EventKinds
    QString severity;    // EventSeverities
    QString message;     // for people
    QJsonObject details;  // kind-specific (motion: {active}, login_failed: {address}...)
    QString alarmState;  // "" (not an alarm) or AlarmStates
    QList<AlarmStep> trail;  // alarms only, oldest first
    QString ruleId;      // the rule that raised the alarm, "" otherwise

    bool isAlarm() const { return !alarmState.isEmpty(); }
    QJsonObject toJson() const;
    static Result<Event> fromJson(const QJsonObject& json);
    bool operator==(const Event& other) const = default;
};

struct AlarmCounters {
    qint64 fresh = 0;         // new
    qint64 acknowledged = 0;
    qint64 handled = 0;
    qint64 pending() const { return fresh + acknowledged; }

    QJsonObject toJson() const;
    static Result<AlarmCounters> fromJson(const QJsonObject& json);
};

// POST /api/v1/events/acknowledge, /handle, /comment: several alarms at once, one comment.
struct AlarmActionRequest {
    QList<qint64> ids;
    QString comment;

    static constexpr int kMaxIds = 500;
    static constexpr int kMaxCommentLength = 2000;
    static Result<AlarmActionRequest> fromRequest(const QJsonObject& json, bool commentRequired);
};

// POST /api/v1/events/alarms: an operator raises an alarm by hand.
struct ManualAlarmRequest {
    QString channelId;  // "" for none
    QString severity = QString::fromLatin1(EventSeverities::kCritical);
    QString message;

    static constexpr int kMaxMessageLength = 500;
    static Result<ManualAlarmRequest> fromRequest(const QJsonObject& json);
};

// GET /api/v1/events/settings and PUT.
struct EventSettings {
    int retentionDays = 90;  // events older than this are deleted, unless still pending alarms
    static constexpr int kMaxRetentionDays = 3650;

    QJsonObject toJson() const;
    static Result<EventSettings> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model
