#pragma once
// DeviceTreeModel: the device tree of the Live and Playback pages (VID-1): groups, then devices, then
// their channels, flattened into rows with a depth for a QML ListView (qml/controls/VDeviceTree.qml).
// Each row says what it is (group, device, channel), its name and a status the theme colours:
// online, offline, recording, alarm, disabled (rules in statusOf). A search filter keeps the channels
// whose channel, device or group name contains the text, with their parents, all expanded.
//
// It is fed by the devices API (follow, refresh): setDevices/setGroups from its lists, applyDevice
// and removeDevice from its pushes, so the tree follows the server live. A status change keeps the rows
// (dataChanged) so views do not jump; a change of shape resets them.

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

#include "model/device_model.h"
#include "model/system_model.h"

namespace vigil::core::client {
class DevicesApi;
}

namespace vigil::app {

class DeviceTreeModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int channelCount READ channelCount NOTIFY countChanged)
public:
    enum Role {
        KindRole = Qt::UserRole + 1,  // "group" | "device" | "channel"
        IdRole,                       // the group's, device's or channel's id
        NameRole,
        DepthRole,
        StatusRole,      // online | offline | recording | alarm | disabled | "" for groups
        StatusTextRole,  // the server's reason when not online
        ExpandedRole,
        HasChildrenRole,
        PtzRole,  // channels: pan/tilt/zoom offered
        DeviceNameRole,
    };

    explicit DeviceTreeModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    int channelCount() const;

    // Follows the devices API's pushes (device changed/removed, groups); refresh() fetches the lists.
    void follow(core::client::DevicesApi* api);
    void refresh();

    void setDevices(const QList<core::model::Device>& devices);
    void setGroups(const QList<core::model::DeviceGroup>& groups);
    void applyDevice(const core::model::Device& device);  // added or changed
    void removeDevice(const QString& deviceId);
    void setRecordingChannels(const QSet<QString>& channelIds);
    void setAlarmChannels(const QSet<QString>& channelIds);
    // An event or alarm push (events.event, events.alarm): a channel shows "alarm" while one of its
    // alarms is new or acknowledged, and not once they are all handled.
    void applyEventPush(const core::model::PushMessage& message);
    void clear();

    Q_INVOKABLE void toggle(int row);  // expands or collapses a group or device
    Q_INVOKABLE QVariantMap channel(const QString& channelId) const;  // {id, name, deviceName, ptz, status}
    QHash<QString, QString> channelNames() const;                      // id -> "Device · Channel" or name
    // Every channel, by name: [{id, name, deviceName, ptz, status}] (the rule editor's camera choices).
    Q_INVOKABLE QVariantList channelList() const;

    // The status the tree shows for a channel (and a device: its worst channel).
    QString statusOf(const core::model::Channel& channel) const;

signals:
    void filterChanged();
    void countChanged();
    void channelsChanged();  // names or channels came or went

private:
    struct Row {
        QString kind;
        QString id;
        QString name;
        int depth = 0;
        QString status;
        QString statusText;
        bool hasChildren = false;
        bool ptz = false;
        QString deviceName;
    };

    void rebuild();
    void appendGroup(QList<Row>& rows, const core::model::DeviceGroup& group, int depth) const;
    void appendDevice(QList<Row>& rows, const core::model::Device& device, int depth) const;
    bool matches(const core::model::Device& device, const core::model::Channel& channel) const;
    bool groupMatches(const QString& groupId) const;
    bool expanded(const QString& id) const;
    QString channelLabel(const core::model::Device& device, const core::model::Channel& channel) const;
    QVariantMap channelMap(const core::model::Device& device, const core::model::Channel& channel) const;

    core::client::DevicesApi* m_api = nullptr;
    QList<core::model::Device> m_devices;
    QList<core::model::DeviceGroup> m_groups;
    QSet<QString> m_collapsed;  // ids of groups and devices the user folded
    QSet<QString> m_recording;
    QSet<QString> m_alarms;
    QHash<qint64, QString> m_pendingAlarms;  // alarm id -> channel id, from the pushes
    QString m_filter;
    QList<Row> m_rows;
};

}  // namespace vigil::app
