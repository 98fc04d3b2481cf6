#pragma once
// MotionService: server-side motion detection for cameras that report none themselves (issue 6,
// "Event sources"; server/motion/README.md). For each channel whose motion settings are enabled it
// runs a MotionWorker on the channel's sub stream (the main stream only when the camera has no sub
// stream, which its status says), and raises motion / motion_ended events through the EventService
// with the same kinds, source and message as an ONVIF camera's own motion, so rules work unchanged.
//
// Threads: lives on the engine's thread, a child of the EventService (it goes when that goes); runs
// while the EventService runs. Workers report through queued calls.

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <memory>

#include "common/clock.h"
#include "common/result.h"
#include "model/device_model.h"
#include "motion/motion_repository.h"
#include "motion/motion_worker.h"

namespace vigil::server {

class DevicesService;
class EventService;
class StreamHub;

class MotionService : public QObject {
    Q_OBJECT
public:
    MotionService(core::store::Database& db, EventService& events, DevicesService& devices, StreamHub& streams,
                  const core::Clock& clock);
    ~MotionService() override;

    // {settings fields..., status: MotionStatus}; channel_not_found for an unknown channel.
    core::Result<QJsonObject> motion(const QString& channelId) const;
    // Applies a PUT body (MotionSettings::fromRequest) and answers as motion().
    core::Result<QJsonObject> setMotion(const QString& channelId, const QJsonObject& body);

private:
    struct Watch {
        std::shared_ptr<MotionWorker> worker;  // the only owner (shared: QHash copies)
        quint64 generation = 0;
        QString stream;  // "sub" or "main"
    };

    void start();
    void stop();
    void deviceChanged(const core::model::Device& device);
    void sync(const core::model::Device& device, const core::model::Channel& channel);
    void unwatch(const QString& channelId, const QString& why);
    void reported(const QString& channelId, quint64 generation, bool active, int changedCells, qint64 timeMs);
    void raise(const QString& channelId, const QString& stream, bool active, const QJsonObject& details);
    core::Result<QJsonObject> describe(const MotionSettings& settings) const;

    MotionRepository m_repository;
    EventService& m_events;
    DevicesService& m_devices;
    StreamHub& m_streams;
    const core::Clock& m_clock;
    bool m_running = false;
    quint64 m_generation = 0;
    QHash<QString, MotionSettings> m_enabled;  // by channel id: the enabled settings
    QHash<QString, Watch> m_watches;           // by channel id: the running workers
};

}  // namespace vigil::server
