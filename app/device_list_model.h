#pragma once
// DeviceListModel: the site's devices for the Devices page (issue 5), one row per device with its
// state, the reason and since when, model/firmware and stream details, kept live by the devices
// pushes (core/client/devices_api.h). Beside the rows it runs what the page does with devices: add
// (by RTSP URL, ONVIF address or a discovery result), edit, remove, connection tests and ONVIF
// discovery as server jobs with progress and cancel, and the group tree (flattened with depths for
// the page). Forms come as plain maps; checks and wording are decided here, QML only lays out.

#include <QList>
#include <QVariantList>
#include <QVariantMap>

#include "client/devices_api.h"
#include "model/device_model.h"
#include "request_list_model.h"

namespace vigil::app {
class MotionSettingsModel;
}

namespace vigil::app {

class DeviceListModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY countChanged)
    // [{id, name, kind, parentId, depth, devices}] in tree order; [{id, name}] for a group picker.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY groupsChanged)
    Q_PROPERTY(QVariantList groupChoices READ groupChoices NOTIFY groupsChanged)
    // Discovery: running, 0..1, a line for people, and what was found [{index, name, address,
    // hardware, driver, added, deviceId}].
    Q_PROPERTY(bool discovering READ discovering NOTIFY discoveryChanged)
    Q_PROPERTY(double discoveryProgress READ discoveryProgress NOTIFY discoveryChanged)
    Q_PROPERTY(QString discoveryText READ discoveryText NOTIFY discoveryChanged)
    Q_PROPERTY(QVariantList discovered READ discovered NOTIFY discoveryChanged)
    // Connection test: running, "" | ok | error, and the result for people (what answered or why not).
    Q_PROPERTY(bool testing READ testing NOTIFY testChanged)
    Q_PROPERTY(QString testStatus READ testStatus NOTIFY testChanged)
    Q_PROPERTY(QString testText READ testText NOTIFY testChanged)
    // The selected camera's server-side motion detection (the page's motion panel).
    Q_PROPERTY(QObject* motion READ motion CONSTANT)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DriverRole,
        AddressRole,
        StatusRole,     // for a VStatusDot: online, connecting, error, offline
        StateRole,      // the API's state
        StateTextRole,  // Online, Wrong credentials, ...
        ReasonRole,
        SinceTextRole,
        GroupNameRole,
        ModelTextRole,  // "Vigil vigil-testcamera"
        FirmwareRole,
        MainStreamRole,  // "H.264 · 640×360 · 25 fps"
        SubStreamRole,
        PtzRole,
    };

    explicit DeviceListModel(core::client::DevicesApi* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_devices.size()); }
    QString summary() const;
    QVariantList groups() const { return m_groupRows; }
    QVariantList groupChoices() const;
    bool discovering() const { return !m_discoveryJob.isEmpty(); }
    double discoveryProgress() const { return m_discoveryProgress; }
    QString discoveryText() const { return m_discoveryText; }
    QVariantList discovered() const;
    bool testing() const { return !m_testJob.isEmpty(); }
    QString testStatus() const { return m_testStatus; }
    QString testText() const { return m_testText; }
    QObject* motion() const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString& deviceId) const;
    // The editor's fields: {id, isNew, driver, name, address, subAddress, userName, passwordSet,
    // groupId, enabled}; an empty id gives a new RTSP camera's defaults.
    Q_INVOKABLE QVariantMap editorFor(const QString& deviceId) const;
    // What the details panel shows: {state, stateText, status, reason, sinceText, manufacturer,
    // model, firmware, serialNumber, channels: [{id, name, main, sub, hasSub, ptz}]}.
    Q_INVOKABLE QVariantMap detailsFor(const QString& deviceId) const;
    // The editor's map back plus `password` (empty: keep the stored one; for a new device: none)
    // and `clearPassword`. Creates or changes the device: saved(id) or errorMessage.
    Q_INVOKABLE void save(const QVariantMap& form);
    Q_INVOKABLE void remove(const QString& deviceId);

    // Tests the connection the form describes; a stored device with no new password is tested with
    // its stored credentials.
    Q_INVOKABLE void testConnection(const QVariantMap& form);
    Q_INVOKABLE void cancelTest();  // also forgets the last result (another device is shown)
    // `probeAddress`: "host" or "host:port" to probe instead of the local network (multicast).
    Q_INVOKABLE void startDiscovery(const QString& probeAddress);
    Q_INVOKABLE void cancelDiscovery();
    // Adds discovered()[index] with these credentials: saved(id) or errorMessage.
    Q_INVOKABLE void addDiscovered(int index, const QString& name, const QString& userName, const QString& password,
                                   const QString& groupId);

    Q_INVOKABLE void createGroup(const QString& name, const QString& parentId);
    Q_INVOKABLE void renameGroup(const QString& groupId, const QString& name);
    Q_INVOKABLE void moveGroup(const QString& groupId, const QString& parentId);
    // `contents`: "refuse" (only an empty group), "move" (up to the parent) or "delete".
    Q_INVOKABLE void deleteGroup(const QString& groupId, const QString& contents);
    Q_INVOKABLE QString groupName(const QString& groupId) const;

    void clear();

    static constexpr int kDiscoveryTimeoutMs = 3000;
    static constexpr quint16 kDiscoveryPort = 3702;

signals:
    void countChanged();
    void groupsChanged();
    void discoveryChanged();
    void testChanged();
    void saved(const QString& deviceId);
    void removed();
    void groupSaved(const QString& groupId);

private:
    void setDevices(QList<core::model::Device> devices);
    void upsert(const core::model::Device& device);
    void drop(const QString& deviceId);
    void setGroups(QList<core::model::DeviceGroup> groups);
    void testStarted(const core::Result<core::model::Job>& job);
    void onTestJob(const core::model::Job& job);
    void discoveryStarted(const core::Result<core::model::Job>& job);
    void onDiscoveryJob(const core::model::Job& job);
    // Marks the model busy and answers a group call with groupDone().
    core::client::DevicesApi::Callback<core::model::DeviceGroup> groupCall();
    void groupDone(const core::Result<core::model::DeviceGroup>& group);
    QString statusOf(const QString& state) const;
    QString stateText(const QString& state) const;
    // `withRate`: the bit rate too (the details panel; the list has no room for it).
    QString streamText(const core::model::StreamInfoJson& stream, bool present, bool withRate = false) const;

    core::client::DevicesApi* m_api;
    QList<core::model::Device> m_devices;
    QList<core::model::DeviceGroup> m_groups;
    QVariantList m_groupRows;
    QString m_discoveryJob;
    double m_discoveryProgress = 0;
    QString m_discoveryText;
    QList<core::client::DiscoveredDevice> m_found;
    QString m_testJob;
    QString m_testStatus;
    QString m_testText;
    MotionSettingsModel* m_motion;
};

}  // namespace vigil::app
