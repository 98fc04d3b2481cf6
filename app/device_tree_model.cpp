#include "device_tree_model.h"

#include <algorithm>

#include "app_logging.h"
#include "client/devices_api.h"
#include "model/event_model.h"

namespace vigil::app {

using core::model::Channel;
using core::model::Device;
using core::model::DeviceGroup;
using core::model::DeviceStates;

namespace {

const QString kGroup = QStringLiteral("group");
const QString kDevice = QStringLiteral("device");
const QString kChannel = QStringLiteral("channel");

// Worst first: a device shows the most urgent state among its channels.
int severity(const QString& status) {
    static const QStringList kOrder = {QStringLiteral("alarm"), QStringLiteral("offline"), QStringLiteral("recording"),
                                       QStringLiteral("online"), QStringLiteral("disabled")};
    const qsizetype at = kOrder.indexOf(status);
    return at < 0 ? static_cast<int>(kOrder.size()) : static_cast<int>(at);
}

template <typename T>
void sortByName(QList<T>& items) {
    std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
        const int order = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.id < b.id;
    });
}

}  // namespace

DeviceTreeModel::DeviceTreeModel(QObject* parent) : QAbstractListModel(parent) {}

int DeviceTreeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DeviceTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
        case KindRole:
            return row.kind;
        case IdRole:
            return row.id;
        case NameRole:
            return row.name;
        case DepthRole:
            return row.depth;
        case StatusRole:
            return row.status;
        case StatusTextRole:
            return row.statusText;
        case ExpandedRole:
            return row.hasChildren && expanded(row.id);
        case HasChildrenRole:
            return row.hasChildren;
        case PtzRole:
            return row.ptz;
        case DeviceNameRole:
            return row.deviceName;
        default:
            return {};
    }
}

QHash<int, QByteArray> DeviceTreeModel::roleNames() const {
    return {{KindRole, "kind"},         {IdRole, "itemId"},         {NameRole, "name"},
            {DepthRole, "depth"},       {StatusRole, "status"},     {StatusTextRole, "statusText"},
            {ExpandedRole, "expanded"}, {HasChildrenRole, "hasChildren"}, {PtzRole, "ptz"},
            {DeviceNameRole, "deviceName"}};
}

void DeviceTreeModel::setFilter(const QString& filter) {
    const QString trimmed = filter.trimmed();
    if (trimmed == m_filter) {
        return;
    }
    m_filter = trimmed;
    emit filterChanged();
    rebuild();
}

int DeviceTreeModel::channelCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.kind == kChannel; }));
}

void DeviceTreeModel::follow(core::client::DevicesApi* api) {
    m_api = api;
    connect(api, &core::client::DevicesApi::deviceChanged, this, &DeviceTreeModel::applyDevice);
    connect(api, &core::client::DevicesApi::deviceRemoved, this, &DeviceTreeModel::removeDevice);
    connect(api, &core::client::DevicesApi::groupsChanged, this, &DeviceTreeModel::setGroups);
    connect(api->client(), &core::client::ApiClient::pushReceived, this, &DeviceTreeModel::applyEventPush);
}

void DeviceTreeModel::applyEventPush(const core::model::PushMessage& message) {
    if (message.type != QLatin1String("events.alarm") && message.type != QLatin1String("events.event")) {
        return;
    }
    auto event = core::model::Event::fromJson(message.data);
    if (!event || !event->isAlarm() || event->channelId.isEmpty()) {
        return;
    }
    if (event->alarmState == QLatin1String(core::model::AlarmStates::kHandled)) {
        m_pendingAlarms.remove(event->id);
    } else {
        m_pendingAlarms.insert(event->id, event->channelId);
    }
    const QList<QString> channels = m_pendingAlarms.values();
    setAlarmChannels(QSet<QString>(channels.cbegin(), channels.cend()));
}

void DeviceTreeModel::refresh() {
    if (!m_api) {
        return;
    }
    m_api->fetchGroups([this](core::Result<QList<DeviceGroup>> groups) {
        if (groups) {
            setGroups(groups.value());
        } else {
            qCWarning(lcApp).noquote() << "device tree: groups:" << groups.error().message;
        }
    });
    m_api->fetchDevices([this](core::Result<QList<Device>> devices) {
        if (!devices) {
            qCWarning(lcApp).noquote() << "device tree: devices:" << devices.error().message;
            return;
        }
        setDevices(devices.value());
        qCInfo(lcApp).noquote() << "device tree:" << channelCount() << "channels shown";
    });
}

void DeviceTreeModel::setDevices(const QList<Device>& devices) {
    m_devices = devices;
    sortByName(m_devices);
    rebuild();
    emit channelsChanged();
}

void DeviceTreeModel::setGroups(const QList<DeviceGroup>& groups) {
    m_groups = groups;
    sortByName(m_groups);
    rebuild();
}

void DeviceTreeModel::applyDevice(const Device& device) {
    auto found = std::find_if(m_devices.begin(), m_devices.end(), [&device](const Device& d) { return d.id == device.id; });
    if (found != m_devices.end()) {
        *found = device;
    } else {
        m_devices.append(device);
    }
    sortByName(m_devices);
    rebuild();
    emit channelsChanged();
}

void DeviceTreeModel::removeDevice(const QString& deviceId) {
    m_devices.removeIf([&deviceId](const Device& d) { return d.id == deviceId; });
    rebuild();
    emit channelsChanged();
}

void DeviceTreeModel::setRecordingChannels(const QSet<QString>& channelIds) {
    m_recording = channelIds;
    rebuild();
}

void DeviceTreeModel::setAlarmChannels(const QSet<QString>& channelIds) {
    m_alarms = channelIds;
    rebuild();
}

void DeviceTreeModel::clear() {
    m_devices.clear();
    m_groups.clear();
    m_recording.clear();
    m_alarms.clear();
    m_pendingAlarms.clear();
    rebuild();
    emit channelsChanged();
}

void DeviceTreeModel::toggle(int row) {
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).hasChildren || !m_filter.isEmpty()) {
        return;
    }
    const QString id = m_rows.at(row).id;
    if (m_collapsed.contains(id)) {
        m_collapsed.remove(id);
    } else {
        m_collapsed.insert(id);
    }
    rebuild();
}

QVariantMap DeviceTreeModel::channel(const QString& channelId) const {
    for (const Device& device : m_devices) {
        for (const Channel& channel : device.channels) {
            if (channel.id == channelId) {
                return channelMap(device, channel);
            }
        }
    }
    return {};
}

QVariantMap DeviceTreeModel::channelMap(const Device& device, const Channel& channel) const {
    return {{QStringLiteral("id"), channel.id},
            {QStringLiteral("name"), channelLabel(device, channel)},
            {QStringLiteral("deviceName"), device.name},
            {QStringLiteral("ptz"), channel.ptz},
            {QStringLiteral("status"), statusOf(channel)}};
}

QVariantList DeviceTreeModel::channelList() const {
    QList<QVariantMap> channels;
    for (const Device& device : m_devices) {
        for (const Channel& channel : device.channels) {
            channels.append(channelMap(device, channel));
        }
    }
    std::sort(channels.begin(), channels.end(), [](const QVariantMap& a, const QVariantMap& b) {
        return a.value(QStringLiteral("name")).toString().localeAwareCompare(b.value(QStringLiteral("name")).toString()) < 0;
    });
    return QVariantList(channels.cbegin(), channels.cend());
}

QHash<QString, QString> DeviceTreeModel::channelNames() const {
    QHash<QString, QString> names;
    for (const Device& device : m_devices) {
        for (const Channel& channel : device.channels) {
            names.insert(channel.id, channelLabel(device, channel));
        }
    }
    return names;
}

QString DeviceTreeModel::statusOf(const Channel& channel) const {
    if (m_alarms.contains(channel.id)) {
        return QStringLiteral("alarm");
    }
    if (!channel.enabled || channel.status.state == QLatin1String(DeviceStates::kDisabled)) {
        return QStringLiteral("disabled");
    }
    if (channel.status.state != QLatin1String(DeviceStates::kOnline)) {
        return QStringLiteral("offline");
    }
    return m_recording.contains(channel.id) ? QStringLiteral("recording") : QStringLiteral("online");
}

// A camera with one channel is known by the device's name; an encoder's channels by both.
QString DeviceTreeModel::channelLabel(const Device& device, const Channel& channel) const {
    if (device.channels.size() <= 1) {
        return device.name;
    }
    return QStringLiteral("%1 \u00b7 %2").arg(device.name, channel.name);
}

bool DeviceTreeModel::expanded(const QString& id) const {
    return !m_filter.isEmpty() || !m_collapsed.contains(id);
}

bool DeviceTreeModel::matches(const Device& device, const Channel& channel) const {
    return m_filter.isEmpty() || channel.name.contains(m_filter, Qt::CaseInsensitive) ||
           device.name.contains(m_filter, Qt::CaseInsensitive);
}

bool DeviceTreeModel::groupMatches(const QString& groupId) const {
    for (const DeviceGroup& group : m_groups) {
        if (group.id == groupId) {
            return m_filter.isEmpty() || group.name.contains(m_filter, Qt::CaseInsensitive) ||
                   (!group.parentId.isEmpty() && group.parentId != groupId && groupMatches(group.parentId));
        }
    }
    return false;
}

void DeviceTreeModel::appendDevice(QList<Row>& rows, const Device& device, int depth) const {
    const bool groupHit = !m_filter.isEmpty() && groupMatches(device.groupId);
    QList<Row> channels;
    QString worst;
    for (const Channel& channel : device.channels) {
        if (!groupHit && !matches(device, channel)) {
            continue;
        }
        const QString status = statusOf(channel);
        if (worst.isEmpty() || severity(status) < severity(worst)) {
            worst = status;
        }
        channels.append(Row{kChannel, channel.id, channelLabel(device, channel), depth + 1, status,
                            status == QLatin1String("online") || status == QLatin1String("recording")
                                ? QString()
                                : channel.status.reason,
                            false, channel.ptz, device.name});
    }
    if (channels.isEmpty() && !(m_filter.isEmpty() && device.channels.isEmpty())) {
        return;
    }
    // A camera with one channel is one row: the channel, named after the device.
    if (device.channels.size() == 1) {
        Row row = channels.first();
        row.depth = depth;
        rows.append(row);
        return;
    }
    rows.append(Row{kDevice, device.id, device.name, depth, worst.isEmpty() ? QStringLiteral("offline") : worst,
                    device.status.reason, !channels.isEmpty(), false, device.name});
    if (expanded(device.id)) {
        rows.append(channels);
    }
}

void DeviceTreeModel::appendGroup(QList<Row>& rows, const DeviceGroup& group, int depth) const {
    QList<Row> inside;
    for (const DeviceGroup& child : m_groups) {
        if (child.parentId == group.id && child.id != group.id && depth < 32) {
            appendGroup(inside, child, depth + 1);
        }
    }
    for (const Device& device : m_devices) {
        if (device.groupId == group.id) {
            appendDevice(inside, device, depth + 1);
        }
    }
    if (inside.isEmpty() && !m_filter.isEmpty()) {
        return;
    }
    rows.append(Row{kGroup, group.id, group.name, depth, QString(), QString(), !inside.isEmpty(), false, QString()});
    if (expanded(group.id)) {
        rows.append(inside);
    }
}

void DeviceTreeModel::rebuild() {
    QList<Row> rows;
    QSet<QString> known;
    for (const DeviceGroup& group : m_groups) {
        known.insert(group.id);
    }
    for (const DeviceGroup& group : m_groups) {
        if (group.parentId.isEmpty() || !known.contains(group.parentId)) {
            appendGroup(rows, group, 0);
        }
    }
    for (const Device& device : m_devices) {
        if (device.groupId.isEmpty() || !known.contains(device.groupId)) {
            appendDevice(rows, device, 0);
        }
    }
    const bool sameShape =
        rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                   [](const Row& a, const Row& b) { return a.kind == b.kind && a.id == b.id && a.depth == b.depth; });
    if (sameShape) {
        m_rows = rows;
        if (!m_rows.isEmpty()) {
            emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
        }
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit countChanged();
}

}  // namespace vigil::app
