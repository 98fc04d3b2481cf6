#include "events/event_sources.h"

#include "accounts/accounts_service.h"
#include "devices/devices_service.h"
#include "events/event_service.h"
#include "events/onvif_event_source.h"
#include "recording/recording_service.h"
#include "system/health_monitor.h"

namespace vigil::server {

using core::model::DeviceStates;
using core::model::Event;
using core::model::EventKinds;
using core::model::EventSeverities;
using core::model::EventSourceTypes;

namespace {

QString latin(const char* text) {
    return QString::fromLatin1(text);
}

// The event kind a device or channel state stands for; "" for states that are not news
// (connecting, disabled, no driver).
QString kindOf(const QString& state) {
    if (state == QLatin1String(DeviceStates::kOnline)) {
        return latin(EventKinds::kDeviceOnline);
    }
    if (state == QLatin1String(DeviceStates::kOffline) || state == QLatin1String(DeviceStates::kUnreachable)) {
        return latin(EventKinds::kDeviceOffline);
    }
    if (state == QLatin1String(DeviceStates::kUnauthorised)) {
        return latin(EventKinds::kDeviceUnauthorised);
    }
    if (state == QLatin1String(DeviceStates::kStreamError)) {
        return latin(EventKinds::kStreamError);
    }
    return {};
}

Event serverEvent(const char* kind, const char* severity, const QString& message, const QJsonObject& details) {
    Event event;
    event.sourceType = latin(EventSourceTypes::kServer);
    event.sourceName = QStringLiteral("server");
    event.kind = latin(kind);
    event.severity = latin(severity);
    event.message = message;
    event.details = details;
    return event;
}

}  // namespace

Event channelMotionEvent(const core::model::Channel& channel, const QString& deviceName, bool active,
                         const QString& origin) {
    Event event;
    event.sourceType = latin(EventSourceTypes::kChannel);
    event.sourceId = channel.id;
    event.sourceName = channel.name.isEmpty() ? deviceName : channel.name;
    event.channelId = channel.id;
    event.kind = latin(active ? EventKinds::kMotion : EventKinds::kMotionEnded);
    event.severity = latin(active ? EventSeverities::kWarning : EventSeverities::kInfo);
    event.message = QStringLiteral("Motion %1 at %2").arg(active ? QStringLiteral("started") : QStringLiteral("ended"),
                                                          event.sourceName);
    event.details = QJsonObject{{QStringLiteral("active"), active},
                                {QStringLiteral("topic"), QStringLiteral("motion")},
                                {QStringLiteral("origin"), origin},
                                {QStringLiteral("deviceId"), channel.deviceId}};
    return event;
}

EventSources::EventSources(EventService& events, DevicesService& devices, AccountsService& accounts,
                           RecordingService& recording, HealthMonitor& health,
                           const core::devices::DriverRegistry& drivers, QObject* parent)
    : QObject(parent),
      m_events(events),
      m_devices(devices),
      m_recording(recording),
      m_onvif(std::make_unique<OnvifEventSource>(devices, drivers)) {
    connect(&devices, &DevicesService::deviceChanged, this, &EventSources::deviceChanged);
    connect(&devices, &DevicesService::deviceRemoved, this, &EventSources::deviceRemoved);
    connect(m_onvif.get(), &OnvifEventSource::received, this, &EventSources::cameraEvents);
    connect(&accounts, &AccountsService::logged, this, &EventSources::logged);
    connect(&health, &HealthMonitor::sampled, this, &EventSources::sampled);
    connect(&recording, &RecordingService::gapRecorded, this, &EventSources::gapRecorded);
    m_recordingTimer.setInterval(kRecordingCheckMs);
    connect(&m_recordingTimer, &QTimer::timeout, this, &EventSources::checkRecording);
    connect(&events, &Service::stateChanged, this, [this](const QString&, ServiceState state) {
        if (state == ServiceState::Running) {
            start();
        } else if (state == ServiceState::Stopping || state == ServiceState::Stopped) {
            stop();
        }
    });
}

EventSources::~EventSources() {
    stop();
}

void EventSources::start() {
    m_recordingTimer.start();
    // Devices already running (the events service may start after them, or restart).
    if (auto devices = m_devices.devices()) {
        for (const core::model::Device& device : devices.value()) {
            deviceChanged(device);
        }
    }
}

void EventSources::stop() {
    m_recordingTimer.stop();
    m_onvif->stopAll();
}

void EventSources::deviceChanged(const core::model::Device& device) {
    if (m_events.state() != ServiceState::Running) {
        return;
    }
    m_onvif->follow(device);
    if (device.channels.isEmpty() || !device.enabled) {
        Event event;
        event.sourceType = latin(EventSourceTypes::kDevice);
        event.sourceId = device.id;
        event.sourceName = device.name;
        stateMoved(QStringLiteral("device:") + device.id, device.status.state, device.status.reason, event);
        return;
    }
    for (const core::model::Channel& channel : device.channels) {
        if (!channel.enabled) {
            continue;
        }
        Event event;
        event.sourceType = latin(EventSourceTypes::kChannel);
        event.sourceId = channel.id;
        event.sourceName = channel.name.isEmpty() ? device.name : channel.name;
        event.channelId = channel.id;
        event.details = QJsonObject{{QStringLiteral("deviceId"), device.id}};
        stateMoved(QStringLiteral("channel:") + channel.id, channel.status.state, channel.status.reason, event);
    }
}

void EventSources::stateMoved(const QString& key, const QString& state, const QString& reason, Event event) {
    const QString kind = kindOf(state);
    const QString last = m_reported.value(key);
    if (kind.isEmpty() || kind == last) {
        return;
    }
    // Coming online is news only after a failure was reported; a first connection is not.
    const bool online = kind == QLatin1String(EventKinds::kDeviceOnline);
    m_reported.insert(key, kind);
    if (online && last.isEmpty()) {
        return;
    }
    event.kind = kind;
    event.severity = latin(online ? EventSeverities::kInfo : EventSeverities::kWarning);
    event.message = online ? QStringLiteral("%1 is online again.").arg(event.sourceName)
                           : QStringLiteral("%1: %2").arg(event.sourceName, reason.isEmpty() ? state : reason);
    event.details.insert(QStringLiteral("state"), state);
    m_events.raise(event);
}

void EventSources::deviceRemoved(const QString& deviceId, const QStringList& channelIds) {
    m_onvif->forget(deviceId);
    m_reported.remove(QStringLiteral("device:") + deviceId);
    for (const QString& channelId : channelIds) {
        m_reported.remove(QStringLiteral("channel:") + channelId);
    }
}

void EventSources::cameraEvents(const QString& deviceId, const QList<core::devices::DeviceEvent>& events) {
    auto device = m_devices.device(deviceId);
    if (!device || device->channels.isEmpty()) {
        return;
    }
    for (const core::devices::DeviceEvent& cameraEvent : events) {
        // The channel whose driver token the camera named; the first when it named none we know.
        const core::model::Channel* channel = &device->channels.first();
        for (const core::model::Channel& candidate : std::as_const(device->channels)) {
            if (candidate.token == cameraEvent.channelToken) {
                channel = &candidate;
            }
        }
        const QString key = channel->id + QLatin1Char('/') + cameraEvent.topic;
        // A subscription starts with the current state; only changes are events.
        const bool known = m_cameraStates.contains(key);
        const bool was = m_cameraStates.value(key);
        m_cameraStates.insert(key, cameraEvent.active);
        if ((!known && !cameraEvent.active) || (known && was == cameraEvent.active)) {
            continue;
        }
        const bool motion = cameraEvent.topic == QLatin1String("motion");
        Event event = channelMotionEvent(*channel, device->name, cameraEvent.active, QStringLiteral("camera"));
        if (!motion) {
            event.kind = latin(EventKinds::kCameraEvent);
            event.severity = latin(EventSeverities::kInfo);
            event.message = QStringLiteral("%1 at %2: %3").arg(cameraEvent.topic, event.sourceName,
                                                               cameraEvent.active ? QStringLiteral("on") : QStringLiteral("off"));
            event.details.insert(QStringLiteral("topic"), cameraEvent.topic);
        }
        event.details.insert(QStringLiteral("deviceId"), deviceId);
        event.details.insert(QStringLiteral("cameraTimeMs"),
                             cameraEvent.time.isValid() ? cameraEvent.time.toMSecsSinceEpoch() : 0);
        if (!cameraEvent.detail.isEmpty()) {
            event.details.insert(QStringLiteral("detail"), cameraEvent.detail);
        }
        m_events.raise(event);
    }
}

void EventSources::logged(const core::model::LogEntry& entry) {
    const bool failed = entry.kind == QLatin1String("login_failed");
    const bool lockout = entry.kind == QLatin1String("lockout");
    if ((!failed && !lockout) || m_events.state() != ServiceState::Running) {
        return;
    }
    Event event;
    event.timeMs = entry.timeMs;
    event.sourceType = latin(EventSourceTypes::kUser);
    event.sourceId = entry.userName;
    event.sourceName = entry.userName.isEmpty() ? entry.address : entry.userName;
    event.kind = latin(failed ? EventKinds::kLoginFailed : EventKinds::kLockout);
    event.severity = latin(failed ? EventSeverities::kWarning : EventSeverities::kCritical);
    event.message = entry.detail;
    event.details = QJsonObject{{QStringLiteral("address"), entry.address},
                                {QStringLiteral("userName"), entry.userName},
                                {QStringLiteral("logId"), entry.id}};
    m_events.raise(event);
}

void EventSources::checkRecording() {
    for (const StorageHealth& location : m_recording.storageHealth()) {
        const QString key = QStringLiteral("storage:") + location.role;
        const QString before = m_recordingStates.value(key);
        m_recordingStates.insert(key, location.problem);
        if (location.problem.isEmpty() || location.problem == before) {
            continue;
        }
        m_events.raise(serverEvent(EventKinds::kStorageProblem, EventSeverities::kCritical,
                                   QStringLiteral("Recording storage (%1, %2): %3")
                                       .arg(location.role, location.path, location.problem),
                                   QJsonObject{{QStringLiteral("role"), location.role},
                                               {QStringLiteral("path"), location.path},
                                               {QStringLiteral("freeBytes"), location.freeBytes}}));
    }
    auto devices = m_devices.devices();
    if (!devices) {
        return;
    }
    for (const core::model::Device& device : devices.value()) {
        for (const core::model::Channel& channel : device.channels) {
            const RecorderStatus status = m_recording.recorderStatus(channel.id, QStringLiteral("main"));
            const QString key = QStringLiteral("recorder:") + channel.id;
            const QString problem = status.state == QLatin1String("problem") ? status.reason : QString();
            const QString before = m_recordingStates.value(key);
            m_recordingStates.insert(key, problem);
            if (problem.isEmpty() || problem == before) {
                continue;
            }
            Event event = serverEvent(EventKinds::kRecordingStopped, EventSeverities::kCritical,
                                      QStringLiteral("Recording of %1 stopped: %2").arg(channel.name, problem),
                                      QJsonObject{{QStringLiteral("stream"), QStringLiteral("main")}});
            event.sourceType = latin(EventSourceTypes::kChannel);
            event.sourceId = channel.id;
            event.sourceName = channel.name;
            event.channelId = channel.id;
            m_events.raise(event);
        }
    }
}

// SEC-2.8: a camera's recording came back after a gap. Nothing fills it from the camera's own
// storage yet (no ONVIF Profile G), so the gap is stored (by the recorder) and reported here.
void EventSources::gapRecorded(const RecordingGap& gap) {
    if (m_events.state() != ServiceState::Running) {
        return;
    }
    const auto channel = m_devices.channel(gap.channelId);
    const QString name = channel ? channel->name : gap.channelId;  // a channel deleted meanwhile
    const qint64 seconds = std::max<qint64>(1, (gap.endMs - gap.startMs + 500) / 1000);
    Event event = serverEvent(EventKinds::kRecordingGap, EventSeverities::kWarning,
                              QStringLiteral("Recording of %1 (%2) has a gap of %3 s: %4")
                                  .arg(name, gap.stream, QString::number(seconds), gap.reason),
                              gap.toJson());
    event.sourceType = latin(EventSourceTypes::kChannel);
    event.sourceId = gap.channelId;
    event.sourceName = name;
    event.channelId = gap.channelId;
    m_events.raise(event);
}

void EventSources::sampled(const core::model::HealthSnapshot& snapshot) {
    if (m_events.state() != ServiceState::Running) {
        return;
    }
    threshold(QStringLiteral("cpu"), snapshot.cpuPercent > kCpuPercentLimit,
              QStringLiteral("The server's CPU is %1% busy.").arg(qRound(snapshot.cpuPercent)),
              QJsonObject{{QStringLiteral("cpuPercent"), snapshot.cpuPercent}});
    if (snapshot.memoryTotalBytes > 0) {
        const double used = 100.0 * static_cast<double>(snapshot.memoryUsedBytes) /
                            static_cast<double>(snapshot.memoryTotalBytes);
        threshold(QStringLiteral("memory"), used > kMemoryPercentLimit,
                  QStringLiteral("The server's memory is %1% used.").arg(qRound(used)),
                  QJsonObject{{QStringLiteral("memoryPercent"), used}});
    }
    if (!snapshot.disks.isEmpty() && snapshot.disks.first().totalBytes > 0) {
        const core::model::DiskUsage& disk = snapshot.disks.first();
        const double free = 100.0 * static_cast<double>(disk.freeBytes) / static_cast<double>(disk.totalBytes);
        threshold(QStringLiteral("disk"), free < kDiskFreePercentLimit,
                  QStringLiteral("The server's data disk (%1) has %2% free.")
                      .arg(disk.path, QString::number(free, 'f', 1)),
                  QJsonObject{{QStringLiteral("path"), disk.path}, {QStringLiteral("freePercent"), free}});
    }
}

void EventSources::threshold(const QString& key, bool over, const QString& message, const QJsonObject& details) {
    const bool was = m_thresholds.value(key);
    m_thresholds.insert(key, over);
    if (!over || was) {
        return;
    }
    QJsonObject withWhat = details;
    withWhat.insert(QStringLiteral("measure"), key);
    m_events.raise(serverEvent(EventKinds::kHealth, EventSeverities::kWarning, message, withWhat));
}

}  // namespace vigil::server
