#include "motion/motion_service.h"

#include "devices/devices_service.h"
#include "events/event_service.h"
#include "events/event_sources.h"
#include "motion/motion_logging.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::model::Channel;
using core::model::Device;
using core::model::Event;

namespace {

const QString kSub = QStringLiteral("sub");
const QString kMain = QStringLiteral("main");

QString mainOnlyMessage() {
    return QStringLiteral("The camera has no sub stream: motion is detected on the main stream, which costs more "
                          "CPU to decode. Give the camera a sub stream to lower it.");
}

}  // namespace

MotionService::MotionService(core::store::Database& db, EventService& events, DevicesService& devices,
                             StreamHub& streams, const core::Clock& clock)
    : QObject(&events), m_repository(db), m_events(events), m_devices(devices), m_streams(streams), m_clock(clock) {
    connect(&devices, &DevicesService::deviceChanged, this, &MotionService::deviceChanged);
    connect(&devices, &DevicesService::deviceRemoved, this, [this](const QString&, const QStringList& channelIds) {
        for (const QString& id : channelIds) {
            unwatch(id, QString());
            m_enabled.remove(id);
        }
    });
    connect(&events, &Service::stateChanged, this, [this](const QString&, ServiceState state) {
        if (state == ServiceState::Running) {
            start();
        } else if (state == ServiceState::Stopping || state == ServiceState::Stopped) {
            stop();
        }
    });
}

MotionService::~MotionService() {
    m_watches.clear();  // workers detach from the hub, which outlives the services
}

void MotionService::start() {
    if (m_running) {
        return;
    }
    auto enabled = m_repository.enabled();
    if (!enabled) {
        qCWarning(lcMotion).noquote() << "motion settings cannot be read:" << enabled.error().message;
        return;
    }
    m_running = true;
    m_enabled.clear();
    for (const MotionSettings& settings : enabled.value()) {
        m_enabled.insert(settings.channelId, settings);
    }
    if (auto devices = m_devices.devices()) {
        for (const Device& device : devices.value()) {
            deviceChanged(device);
        }
    }
}

void MotionService::stop() {
    m_running = false;
    const QStringList watched = m_watches.keys();
    for (const QString& id : watched) {
        unwatch(id, QStringLiteral("the server stops"));
    }
}

void MotionService::deviceChanged(const Device& device) {
    if (!m_running) {
        return;
    }
    for (const Channel& channel : device.channels) {
        sync(device, channel);
    }
}

void MotionService::sync(const Device& device, const Channel& channel) {
    const auto settings = m_enabled.constFind(channel.id);
    const bool on = settings != m_enabled.cend() && device.enabled && channel.enabled && !channel.mainUrl.isEmpty();
    if (!on) {
        unwatch(channel.id, QStringLiteral("motion detection was turned off"));
        return;
    }
    // The sub stream: small pictures, cheap to decode. The main one only when there is none.
    const QString stream = channel.subUrl.isEmpty() ? kMain : kSub;
    auto watch = m_watches.find(channel.id);
    if (watch != m_watches.end() && watch->stream == stream) {
        watch->worker->apply(*settings);
        return;
    }
    unwatch(channel.id, QStringLiteral("the camera's streams changed"));
    const quint64 generation = ++m_generation;
    const QString channelId = channel.id;
    auto report = [this, channelId, generation](bool active, int changedCells, qint64 timeMs) {
        QMetaObject::invokeMethod(
            this, [this, channelId, generation, active, changedCells, timeMs] { reported(channelId, generation, active, changedCells, timeMs); },
            Qt::QueuedConnection);
    };
    Watch started;
    started.generation = generation;
    started.stream = stream;
    started.worker = std::make_shared<MotionWorker>(m_streams, channel.id + QLatin1Char('/') + stream, *settings, report);
    m_watches.insert(channel.id, std::move(started));
    qCInfo(lcMotion).noquote() << "motion detection on" << channel.id << "using the" << stream << "stream";
}

void MotionService::unwatch(const QString& channelId, const QString& why) {
    auto watch = m_watches.find(channelId);
    if (watch == m_watches.end()) {
        return;
    }
    const bool wasActive = watch->worker->status().state == QLatin1String(MotionStatus::kMotion);
    const QString stream = watch->stream;
    m_watches.erase(watch);  // joins the worker; its queued reports are dropped by generation
    if (wasActive && m_running) {
        raise(channelId, stream, false, QJsonObject{{QStringLiteral("reason"), why}});
    }
}

void MotionService::reported(const QString& channelId, quint64 generation, bool active, int changedCells,
                             qint64 timeMs) {
    const auto watch = m_watches.constFind(channelId);
    if (watch == m_watches.cend() || watch->generation != generation || !m_running) {
        return;
    }
    raise(channelId, watch->stream, active,
          QJsonObject{{QStringLiteral("changedCells"), changedCells}, {QStringLiteral("pictureTimeMs"), timeMs}});
}

void MotionService::raise(const QString& channelId, const QString& stream, bool active, const QJsonObject& details) {
    auto channel = m_devices.channel(channelId);
    if (!channel) {
        return;
    }
    auto device = m_devices.device(channel->deviceId);
    // As a camera's own motion, so rules and the Event Center treat both alike.
    Event event = channelMotionEvent(channel.value(), device ? device->name : QString(), active, QStringLiteral("server"));
    for (auto it = details.begin(); it != details.end(); ++it) {
        event.details.insert(it.key(), it.value());
    }
    event.details.insert(QStringLiteral("stream"), stream);
    m_events.raise(event);
}

Result<QJsonObject> MotionService::describe(const MotionSettings& settings) const {
    QJsonObject json = settings.toJson();
    MotionStatus status;
    const auto watch = m_watches.constFind(settings.channelId);
    if (watch != m_watches.cend()) {
        status = watch->worker->status();
        status.stream = watch->stream;
        if (watch->stream == kMain && status.message.isEmpty()) {
            status.message = mainOnlyMessage();
        }
    } else if (settings.enabled) {
        status.message = m_running ? QStringLiteral("The channel or its device is disabled, or has no stream.")
                                   : QStringLiteral("The events service is not running.");
    }
    json.insert(QStringLiteral("status"), status.toJson());
    return json;
}

Result<QJsonObject> MotionService::motion(const QString& channelId) const {
    if (auto channel = m_devices.channel(channelId); !channel) {
        return channel.error();
    }
    auto settings = m_repository.find(channelId);
    if (!settings) {
        return settings.error();
    }
    return describe(settings.value());
}

Result<QJsonObject> MotionService::setMotion(const QString& channelId, const QJsonObject& body) {
    auto channel = m_devices.channel(channelId);
    if (!channel) {
        return channel.error();
    }
    auto current = m_repository.find(channelId);
    if (!current) {
        return current.error();
    }
    auto settings = MotionSettings::fromRequest(body, current.value());
    if (!settings) {
        return settings.error();
    }
    settings->updatedMs = m_clock.nowMs();
    if (core::Status saved = m_repository.save(settings.value()); !saved) {
        return saved.error();
    }
    if (settings->enabled) {
        m_enabled.insert(channelId, settings.value());
    } else {
        m_enabled.remove(channelId);
    }
    if (m_running) {
        if (auto device = m_devices.device(channel->deviceId)) {
            for (const Channel& candidate : device->channels) {
                if (candidate.id == channelId) {
                    sync(device.value(), candidate);
                }
            }
        }
    }
    return describe(settings.value());
}

}  // namespace vigil::server
