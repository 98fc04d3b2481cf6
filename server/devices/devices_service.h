#pragma once
// DevicesService: the "devices" service (issue 4, docs/design/devices.md). Keeps the devices, their
// channels and the group tree (devices_schema.cpp); connects to each enabled device through its
// driver plugin (DriverRegistry) and opens its channels' streams in the StreamHub ("<channelId>/main",
// "<channelId>/sub"); works out each device's and channel's state with the reason and since when
// (device_status.h); retries a device that fails with back-off; runs connection tests and discovery
// as jobs; passes PTZ calls to the driver.
//
// Threads: the service lives on the engine's thread, like every service. Driver calls block (a
// camera may take seconds to answer), so they run on the service's own worker pool, each with the
// Cancellation of its device or job, and their results come back to the engine's thread as queued
// calls. A result that arrives after its device changed or went (the generation moved on) is dropped.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>

#include "common/clock.h"
#include "devices/channel_access.h"
#include "devices/device_security.h"
#include "devices/device_driver.h"
#include "devices/device_repository.h"
#include "devices/driver_registry.h"
#include "devices/group_repository.h"
#include "jobs/job_board.h"
#include "engine/service.h"
#include "media/stream_hub.h"
#include "model/device_model.h"

namespace vigil::server {

// What deleting a group that is not empty does with what it holds.
enum class GroupContents {
    Refuse,  // 409 group_not_empty (the default: nothing is deleted without saying so)
    Move,    // its groups and devices move up to its parent
    Delete,  // its groups are deleted and its devices removed, all the way down
};

class DevicesService : public Service {
    Q_OBJECT
public:
    static constexpr int kMaxNameLength = 128;
    static constexpr int kWorkerThreads = 8;  // driver calls wait on the network, not the CPU
    static constexpr int kKeptJobs = 32;      // finished jobs kept for GET, newest first
    static constexpr qint64 kKeptJobMs = 60 * 60 * 1000;
    static constexpr qint64 kPresetsFreshMs = 60 * 1000;  // cached PTZ presets older than this refresh on GET

    struct ReconnectPolicy {
        int firstDelayMs = 2000;  // after the first failed describe; doubles each time
        int maxDelayMs = 60000;
    };

    DevicesService(core::store::Database& db, const core::Clock& clock, core::devices::DriverRegistry& drivers,
                   StreamHub& streams, ChannelAccess access, QObject* parent = nullptr);
    ~DevicesService() override;

    void setReconnectPolicy(ReconnectPolicy policy) { m_reconnect = policy; }
    // The licence's say on new channels (LIC-1): asked with the channels in use and how many more a
    // change would enable; its refusal is the change's answer. Unset: no limit (tests of this service).
    using ChannelQuota = std::function<core::Status(int inUse, int adding)>;
    void setChannelQuota(ChannelQuota quota) { m_quota = std::move(quota); }
    // Whether multicast discovery probes may be sent (the audit's function table, SEC-1.6); unset: yes.
    void setMulticastDiscoveryAllowed(std::function<bool()> allowed) { m_multicastAllowed = std::move(allowed); }
    // What the licence counts: enabled channels of enabled devices, and one for an enabled device
    // whose channels are not known yet (never described).
    int channelsInUse() const;
    const core::devices::DriverRegistry& drivers() const { return m_drivers; }
    const ChannelAccess& access() const { return m_access; }

    // --- groups
    core::Result<QList<core::model::DeviceGroup>> groups() const;
    core::Result<core::model::DeviceGroup> createGroup(const core::model::GroupInput& input);
    core::Result<core::model::DeviceGroup> updateGroup(const QString& id, const core::model::GroupInput& input);
    core::Status deleteGroup(const QString& id, GroupContents contents);

    // --- devices (with live status and each channel's stream status and statistics)
    core::Result<QList<core::model::Device>> devices() const;
    core::Result<core::model::Device> device(const QString& id) const;
    core::Result<core::model::Device> addDevice(const core::model::DeviceInput& input);
    core::Result<core::model::Device> updateDevice(const QString& id, const core::model::DeviceInput& input);
    core::Status removeDevice(const QString& id);
    core::Result<core::model::Channel> channel(const QString& id) const;
    core::Result<core::model::Channel> updateChannel(const QString& id, const core::model::ChannelInput& input);

    // --- jobs
    core::Result<core::model::DeviceJob> startConnectionTest(const core::model::ConnectionTestInput& input);
    core::Result<core::model::DeviceJob> startDiscovery(const core::model::DiscoveryInput& input);
    QList<core::model::DeviceJob> jobs(const QString& kind) const;  // newest first
    core::Result<core::model::DeviceJob> job(const QString& kind, const QString& id) const;
    core::Result<core::model::DeviceJob> cancelJob(const QString& kind, const QString& id);

    // --- PTZ: the calls go to the driver in the background; results arrive as ptzResult.
    core::Status ptzMove(const QString& channelId, const core::model::PtzMoveInput& move);
    core::Status ptzStop(const QString& channelId);
    core::Status ptzGotoPreset(const QString& channelId, const QString& presetToken);
    core::Status ptzSetPreset(const QString& channelId, const QString& name);
    // The presets last read from the device ({presets, fetchedMs, state, message}); starts a refresh
    // when they are older than kPresetsFreshMs.
    core::Result<QJsonObject> ptzPresets(const QString& channelId);

    // Device security posture and fixes (issue 8; device_security.h).
    DeviceSecurity& security() { return *m_security; }

    // How a driver reaches a running device, credentials included (the events service subscribes
    // to ONVIF events with it); device_not_found when the device is not running.
    core::Result<core::devices::DeviceAddress> driverAddress(const QString& deviceId) const;

signals:
    void deviceChanged(const vigil::core::model::Device& device);  // added, edited, or its status moved
    void deviceRemoved(const QString& deviceId, const QStringList& channelIds);
    void groupsChanged();
    void jobChanged(const vigil::core::model::DeviceJob& job);
    // A background PTZ call ended: {channelId, operation, ok, error, message}.
    void ptzResult(const QJsonObject& result);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    struct ChannelRuntime {
        QString state;  // DeviceStates; "" before any
        QString reason;
        qint64 sinceMs = 0;
        bool everLive = false;
        QJsonArray presets;
        qint64 presetsMs = 0;
        QString presetsState;  // "", "loading", "ready", "failed"
        QString presetsMessage;
    };
    struct DeviceRuntime {
        core::model::Device device;  // as stored, channels included
        QString password;
        std::shared_ptr<core::devices::Cancellation> cancel;
        quint64 generation = 0;  // moves on at each (re)start: late results of older runs are dropped
        bool describing = false;
        bool described = false;  // the last describe of this run succeeded
        bool everOnline = false;
        int failures = 0;
        QString describeState;  // the failed describe's state ("" when described or not tried)
        QString describeReason;
        QTimer* retry = nullptr;  // owned by the service
        qint64 nextRetryMs = 0;
        core::model::StateInfo status;
        QHash<QString, ChannelRuntime> channels;  // by channel id
    };
    // What a discovery job gathers while its drivers answer (the job itself is on m_jobs).
    struct DiscoveryProgress {
        int pending = 0;  // driver calls still running
        int total = 0;
        QJsonArray found;      // discovery results so far
        QStringList failures;  // "driver: message" for drivers that failed
    };

    core::Status available() const;
    static int channelsOf(const core::model::Device& device);
    core::Status checkQuota(int adding) const;
    core::Result<core::model::Device> stored(const QString& id) const;
    core::model::Device withLiveState(core::model::Device device) const;
    void fillChannel(core::model::Channel& channel) const;

    // Device lifecycle.
    void startDevice(const core::model::Device& device);
    void stopDevice(const QString& id, bool forget);
    void restartDevice(const QString& id);
    void describe(const QString& id);
    void described(const QString& id, quint64 generation, const core::Result<core::devices::DeviceDescription>& result);
    core::Status applyDescription(DeviceRuntime& runtime, const core::devices::DeviceDescription& description);
    void scheduleRetry(DeviceRuntime& runtime);
    void openStreams(DeviceRuntime& runtime);
    void closeStreams(const core::model::Device& device);
    void onStreamStatus(const QString& key, const StreamStatus& status);
    void updateStatus(DeviceRuntime& runtime, bool announce = true);
    void announce(const QString& deviceId);
    core::devices::DeviceAddress addressOf(const DeviceRuntime& runtime) const;

    // Groups.
    core::Status checkGroupExists(const QString& groupId) const;  // "" (no group) passes
    core::Status checkGroupName(const QString& name, const QString& parentId, const QString& exceptId) const;
    core::Status deleteGroupTree(const QString& id, QStringList& removedDevices);

    // Worker pool.
    template <typename T>
    void runDriver(const QString& driverId, std::shared_ptr<core::devices::Cancellation> cancel,
                   std::function<core::Result<T>(core::devices::DeviceDriver&, const core::devices::Cancellation&)> call,
                   std::function<void(const core::Result<T>&)> done);
    core::Result<DeviceRuntime*> ptzTarget(const QString& channelId, QString* token);
    void runPtz(const QString& channelId, const QString& operation,
                std::function<core::Status(core::devices::DeviceDriver&, const core::devices::DeviceAddress&,
                                           const QString&, const core::devices::Cancellation&)> call);
    void refreshPresets(const QString& channelId);

    // Jobs.
    QString discoveredDeviceId(const core::devices::DiscoveredDevice& found) const;

    core::store::Database& m_db;
    const core::Clock& m_clock;
    core::devices::DriverRegistry& m_drivers;
    StreamHub& m_streams;
    ChannelAccess m_access;
    DeviceRepository m_devices;
    GroupRepository m_groups;
    ReconnectPolicy m_reconnect;
    QThreadPool m_pool;
    QHash<QString, DeviceRuntime> m_runtime;  // by device id, every device while running
    QHash<QString, QString> m_channelDevice;  // channel id -> device id
    JobBoard m_jobs;                          // connection tests and discovery runs
    std::function<bool()> m_multicastAllowed;
    QHash<QString, DiscoveryProgress> m_discoveries;  // by job id, while running
    bool m_running = false;
    ChannelQuota m_quota;
    std::unique_ptr<DeviceSecurity> m_security;  // last: goes first, while the rest still stands
};

}  // namespace vigil::server
