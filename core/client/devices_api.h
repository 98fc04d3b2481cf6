#pragma once
// DevicesApi: the workstation's client for the server's devices API (server/api/devices.yaml,
// docs/design/devices.md): devices, channels, the group tree, connection tests and discovery jobs,
// PTZ. Requests go through ApiClient::sendJson (same trust, token, timeouts and errors as every call);
// the devices pushes of the event WebSocket (server/devices/devices_push.h) come out as typed signals,
// so models follow status changes live.
//
// Jobs (connection tests, discovery) run on the server; followJob() reports a job's progress until it
// ends, from its pushes and from a slow poll (so a job is followed even while the WebSocket
// reconnects). Lives on the ApiClient's thread; callbacks and signals run there.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <optional>

#include "client/api_client.h"
#include "model/device_model.h"
#include "model/job_model.h"

class QTimer;

namespace vigil::core::client {

// GET /api/v1/device-drivers.
struct DriverList {
    struct Driver {
        QString id;  // "rtsp", "onvif", "virtual"
        QString displayName;
    };
    QList<Driver> drivers;
    QStringList problems;  // "file: reason" for driver plugins that did not load

    static Result<DriverList> fromJson(const QJsonObject& json);
};

// One device a discovery job found. deviceId names the device already added at that address.
struct DiscoveredDevice {
    QString driver;
    QString address;  // what POST /devices takes as the address (ONVIF: the device service URL)
    QString name;
    QString hardware;
    QStringList scopes;
    QString endpointReference;
    QString deviceId;  // empty: not added yet

    QJsonObject toJson() const;
    static Result<DiscoveredDevice> fromJson(const QJsonObject& json);
};

// The result of a discovery job (also while it runs: what was found so far).
struct DiscoveryResult {
    QList<DiscoveredDevice> devices;
    QStringList problems;  // "driver: message" for drivers that failed

    QJsonObject toJson() const;
    static Result<DiscoveryResult> fromJson(const QJsonObject& json);  // the job's result object
};

// The result of a succeeded connection test: what the device says about itself.
struct DeviceDescription {
    struct Channel {
        QString token;
        QString name;
        QString mainUrl;
        QString subUrl;
        QString snapshotUrl;
        bool ptz = false;
        bool audio = false;
    };
    QString manufacturer;
    QString model;
    QString firmware;
    QString serialNumber;
    QString hardwareId;
    std::optional<qint64> clockOffsetMs;  // the device clock minus ours, when the driver reads it
    QList<Channel> channels;

    QJsonObject toJson() const;                                         // the job's result object
    static Result<DeviceDescription> fromJson(const QJsonObject& json);  // the job's result object
};

// GET /api/v1/channels/{id}/ptz/presets.
struct PtzPresets {
    struct Preset {
        QString token;
        QString name;
    };
    QList<Preset> presets;
    qint64 fetchedMs = 0;
    QString state;  // "", loading, ready, failed
    QString message;

    QJsonObject toJson() const;
    static Result<PtzPresets> fromJson(const QJsonObject& json);
};

// A devices.ptz push: a PTZ call that went to the device in the background ended.
struct PtzResult {
    QString channelId;
    QString operation;  // move, stop, goto_preset, set_preset, presets
    bool ok = false;
    QString error;
    QString message;

    QJsonObject toJson() const;
    static Result<PtzResult> fromJson(const QJsonObject& json);
};

// One push of the devices service (server/devices/devices_push.h), parsed.
struct DevicesPush {
    enum class Kind { Device, DeviceRemoved, Groups, Job, Ptz };
    Kind kind = Kind::Device;
    model::Device device;                // Device
    QString removedId;                   // DeviceRemoved
    QList<model::DeviceGroup> groups;    // Groups
    model::Job job;                      // Job
    PtzResult ptz;                       // Ptz

    // nullopt: not a devices push (another service's); an error: a devices push that does not parse.
    static std::optional<Result<DevicesPush>> fromPush(const model::PushMessage& message);
};

// What an edit changes; fields left empty stay as they are. A password of "" clears it.
struct DeviceChange {
    std::optional<QString> name;
    std::optional<QString> address;
    std::optional<QString> subAddress;
    std::optional<QString> userName;
    std::optional<QString> password;  // write-only: the server never sends it back
    std::optional<QString> groupId;   // "": in no group
    std::optional<bool> enabled;

    model::DeviceInput toInput() const;
};

// What deleting a group that is not empty does with what it holds (server: GroupContents).
enum class GroupContents { Refuse, Move, Delete };

class DevicesApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;
    using StatusCallback = ApiClient::StatusCallback;
    using JobUpdate = std::function<void(const model::Job&)>;

    static constexpr auto kConnectionTest = "connection_test";
    static constexpr auto kDiscovery = "discovery";
    static constexpr int kJobPollMs = 1000;  // the fallback when a push is late or lost

    // `client` must outlive this object.
    explicit DevicesApi(ApiClient* client, QObject* parent = nullptr);
    ~DevicesApi() override;

    ApiClient* client() const { return m_client; }

    void fetchDrivers(Callback<DriverList> done);

    // --- devices and channels (with live status and stream statistics)
    void fetchDevices(Callback<QList<model::Device>> done);
    void fetchDevice(const QString& id, Callback<model::Device> done);
    // `input` needs driver and address (see addByRtspUrl/addByOnvifAddress/addDiscovered).
    void addDevice(const model::DeviceInput& input, Callback<model::Device> done);
    void updateDevice(const QString& id, const DeviceChange& change, Callback<model::Device> done);
    void removeDevice(const QString& id, StatusCallback done);
    void fetchChannels(Callback<QList<model::Channel>> done);
    void fetchChannel(const QString& id, Callback<model::Channel> done);
    void updateChannel(const QString& id, const std::optional<QString>& name, const std::optional<bool>& enabled,
                       Callback<model::Channel> done);

    // The bodies of the three ways to add a camera. Credentials in an RTSP URL move to
    // userName/password on the server; `groupId` "" is no group.
    static model::DeviceInput rtspInput(const QString& url, const QString& name, const QString& userName,
                                        const QString& password, const QString& groupId = {},
                                        const QString& subUrl = {});
    static model::DeviceInput onvifInput(const QString& address, const QString& name, const QString& userName,
                                         const QString& password, const QString& groupId = {});
    static model::DeviceInput discoveredInput(const DiscoveredDevice& found, const QString& name,
                                              const QString& userName, const QString& password,
                                              const QString& groupId = {});

    // --- groups
    void fetchGroups(Callback<QList<model::DeviceGroup>> done);
    // `parentId` "" makes a top-level group; organisations are top-level only.
    void createGroup(const QString& name, const QString& parentId, const QString& kind,
                     Callback<model::DeviceGroup> done);
    void renameGroup(const QString& id, const QString& name, Callback<model::DeviceGroup> done);
    void moveGroup(const QString& id, const QString& parentId, Callback<model::DeviceGroup> done);
    void deleteGroup(const QString& id, GroupContents contents, StatusCallback done);

    // --- jobs. A connection test of a stored device uses its stored credentials.
    void testConnection(const model::DeviceInput& connection, Callback<model::Job> done);
    void testDevice(const QString& deviceId, Callback<model::Job> done);
    void startDiscovery(const model::DiscoveryInput& input, Callback<model::Job> done);
    void fetchJobs(const QString& kind, Callback<QList<model::Job>> done);  // newest first
    void fetchJob(const QString& kind, const QString& id, Callback<model::Job> done);
    void cancelJob(const QString& kind, const QString& id, Callback<model::Job> done);
    // Calls `update` with each new state of the job until it has ended (the last call has a state
    // other than running), or until stopFollowing(). Progress never goes backwards.
    void followJob(const model::Job& job, JobUpdate update);
    void stopFollowing(const QString& jobId);
    bool isFollowing(const QString& jobId) const { return m_followed.contains(jobId); }

    // --- PTZ. The calls are accepted at once; the device's answer comes as ptzResult().
    void ptzMove(const QString& channelId, double pan, double tilt, double zoom, StatusCallback done);
    void ptzStop(const QString& channelId, StatusCallback done);
    void fetchPtzPresets(const QString& channelId, Callback<PtzPresets> done);
    void ptzSetPreset(const QString& channelId, const QString& name, StatusCallback done);
    void ptzGotoPreset(const QString& channelId, const QString& token, StatusCallback done);

signals:
    // From the event WebSocket (ApiClient::connectEvents()).
    void deviceChanged(const vigil::core::model::Device& device);  // added, edited, status moved
    void deviceRemoved(const QString& deviceId);
    void groupsChanged(const QList<vigil::core::model::DeviceGroup>& groups);
    void jobChanged(const vigil::core::model::Job& job);
    void ptzResult(const vigil::core::client::PtzResult& result);

private:
    struct Followed {
        QString kind;
        JobUpdate update;
        model::Job last;
        bool polling = false;  // a poll is on its way
    };

    void onPush(const model::PushMessage& message);
    void deliver(const model::Job& job);
    void pollJobs();
    void polled(const QString& id, const Result<model::Job>& job);
    template <typename T>
    void callObject(ApiClient::Method method, const QString& path, std::optional<QJsonObject> body, Callback<T> done);
    template <typename T>
    void callList(const QString& path, const QString& key, Callback<QList<T>> done);
    void callStatus(ApiClient::Method method, const QString& path, std::optional<QJsonObject> body,
                    StatusCallback done);
    static QString jobPath(const QString& kind, const QString& id = {});

    ApiClient* m_client;
    QTimer* m_poll;
    QHash<QString, Followed> m_followed;  // by job id
};

}  // namespace vigil::core::client
