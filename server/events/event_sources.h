#pragma once
// EventSources: turns what the other services report into events (issue 6, "Event sources"):
//  - devices: a channel (or a device without channels) going offline/unreachable, unauthorised,
//    stream error, and back online after a failure (a first connection is not news);
//  - ONVIF cameras: motion started/ended and other topics, from pull points (onvif_event_source.h);
//  - accounts: failed logins and lockouts from the security log;
//  - recording: a storage location with a problem, a recorder that stops with a problem (checked
//    every kRecordingCheckMs);
//  - health: CPU, memory or the data disk past a threshold, raised once until it falls back below.
// Manual alarms come through the routes; server-side motion detection through server/motion
// (motion_service.h), which raises its events with channelMotionEvent() below.

#include <QHash>
#include <QObject>
#include <QTimer>

#include "model/device_model.h"
#include "model/event_model.h"
#include "model/system_model.h"

namespace vigil::core::devices {
class DriverRegistry;
struct DeviceEvent;
}
namespace vigil::core::model {
struct LogEntry;
}

namespace vigil::server {

class AccountsService;
class DevicesService;
class EventService;
class HealthMonitor;
class OnvifEventSource;
class RecordingService;
struct RecordingGap;

// A channel's motion started (active) or ended, as an event: the same kind, source, severity and
// message for a camera's own motion (ONVIF, origin "camera") and the server's (server/motion, origin
// "server"), so rules and the Event Center treat both alike.
core::model::Event channelMotionEvent(const core::model::Channel& channel, const QString& deviceName, bool active,
                                      const QString& origin);

class EventSources : public QObject {
    Q_OBJECT
public:
    static constexpr int kRecordingCheckMs = 5000;
    static constexpr double kCpuPercentLimit = 95;
    static constexpr double kMemoryPercentLimit = 95;
    static constexpr double kDiskFreePercentLimit = 3;

    EventSources(EventService& events, DevicesService& devices, AccountsService& accounts,
                 RecordingService& recording, HealthMonitor& health, const core::devices::DriverRegistry& drivers,
                 QObject* parent = nullptr);
    ~EventSources() override;

    OnvifEventSource& onvif() { return *m_onvif; }

private:
    void start();
    void stop();
    void deviceChanged(const core::model::Device& device);
    void deviceRemoved(const QString& deviceId, const QStringList& channelIds);
    void stateMoved(const QString& key, const QString& state, const QString& reason, core::model::Event event);
    void cameraEvents(const QString& deviceId, const QList<core::devices::DeviceEvent>& events);
    void logged(const core::model::LogEntry& entry);
    void checkRecording();
    void gapRecorded(const RecordingGap& gap);
    void sampled(const core::model::HealthSnapshot& snapshot);
    void threshold(const QString& key, bool over, const QString& message, const QJsonObject& details);

    EventService& m_events;
    DevicesService& m_devices;
    RecordingService& m_recording;
    std::unique_ptr<OnvifEventSource> m_onvif;
    QHash<QString, QString> m_reported;         // "channel:<id>"/"device:<id>" -> the last kind raised
    QHash<QString, bool> m_cameraStates;        // "<channelId>/<topic>" -> active
    QHash<QString, QString> m_recordingStates;  // "storage:<role>"/"recorder:<channel>" -> problem text
    QHash<QString, bool> m_thresholds;          // "cpu", "memory", "disk" -> over
    QTimer m_recordingTimer;
};

}  // namespace vigil::server
