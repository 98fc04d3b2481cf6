#include "devices/device_repository.h"

#include <QHash>

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::Channel;
using core::model::Device;
using core::store::Statement;

namespace {

// user_name and whether a password is set come from device_credentials; the password never does.
const QString kSelectDevices = QStringLiteral(
    "SELECT d.id, d.name, d.driver, d.address, d.sub_address, ifnull(d.group_id, ''), d.enabled, "
    "ifnull(c.user_name, ''), ifnull(length(c.password), 0) > 0, d.manufacturer, d.model, d.firmware, "
    "d.serial_number, d.hardware_id, d.described_ms, d.created_ms, d.updated_ms "
    "FROM devices d LEFT JOIN device_credentials c ON c.device_id = d.id");

const QString kSelectChannels = QStringLiteral(
    "SELECT id, device_id, token, position, name, main_url, sub_url, snapshot_url, ptz, audio, enabled, "
    "created_ms, updated_ms, main_profile_token, sub_profile_token FROM channels");

Device readDevice(const Statement& row) {
    Device device;
    device.id = row.text(0);
    device.name = row.text(1);
    device.driver = row.text(2);
    device.address = row.text(3);
    device.subAddress = row.text(4);
    device.groupId = row.text(5);
    device.enabled = row.int64(6) != 0;
    device.userName = row.text(7);
    device.passwordSet = row.int64(8) != 0;
    device.manufacturer = row.text(9);
    device.model = row.text(10);
    device.firmware = row.text(11);
    device.serialNumber = row.text(12);
    device.hardwareId = row.text(13);
    device.describedMs = row.int64(14);
    device.createdMs = row.int64(15);
    device.updatedMs = row.int64(16);
    return device;
}

Channel readChannel(const Statement& row) {
    Channel channel;
    channel.id = row.text(0);
    channel.deviceId = row.text(1);
    channel.token = row.text(2);
    channel.position = static_cast<int>(row.int64(3));
    channel.name = row.text(4);
    channel.mainUrl = row.text(5);
    channel.subUrl = row.text(6);
    channel.snapshotUrl = row.text(7);
    channel.ptz = row.int64(8) != 0;
    channel.audio = row.int64(9) != 0;
    channel.enabled = row.int64(10) != 0;
    channel.createdMs = row.int64(11);
    channel.updatedMs = row.int64(12);
    channel.mainProfileToken = row.text(13);
    channel.subProfileToken = row.text(14);
    return channel;
}

void bindId(Statement& statement, int index, const QString& id) {
    if (id.isEmpty()) {
        statement.bindNull(index);
    } else {
        statement.bind(index, id);
    }
}

BindFunction bindText(const QString& value) {
    return [value](Statement& s) { s.bind(1, value); };
}

}  // namespace

Result<QList<Device>> DeviceRepository::select(const QString& where, const QString& value) const {
    QList<Device> devices;
    const QString sql = kSelectDevices + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where) +
                        QStringLiteral(" ORDER BY d.name, d.id");
    Status status = forEachRow(m_db, sql, where.isEmpty() ? BindFunction() : bindText(value),
                               [&devices](const Statement& row) { devices.append(readDevice(row)); });
    if (!status) {
        return status.error();
    }
    auto channels = selectChannels(where.isEmpty() ? QString() : QStringLiteral("device_id = ?1"), value);
    if (!channels) {
        return channels.error();
    }
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        index.insert(devices.at(i).id, i);
    }
    for (const Channel& channel : channels.value()) {
        if (auto it = index.constFind(channel.deviceId); it != index.cend()) {
            devices[*it].channels.append(channel);
        }
    }
    return devices;
}

Result<QList<Channel>> DeviceRepository::selectChannels(const QString& where, const QString& value) const {
    QList<Channel> channels;
    const QString sql = kSelectChannels + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where) +
                        QStringLiteral(" ORDER BY device_id, position, id");
    const Status status = forEachRow(m_db, sql, where.isEmpty() ? BindFunction() : bindText(value),
                                     [&channels](const Statement& row) { channels.append(readChannel(row)); });
    if (!status) {
        return status.error();
    }
    return channels;
}

Result<QList<Device>> DeviceRepository::list() const {
    return select({}, {});
}

Result<std::optional<Device>> DeviceRepository::find(const QString& id) const {
    auto devices = select(QStringLiteral("d.id = ?1"), id);
    if (!devices) {
        return devices.error();
    }
    return devices->isEmpty() ? std::optional<Device>() : std::optional<Device>(devices->first());
}

Result<std::optional<QString>> DeviceRepository::findByAddressKey(const QString& addressKey) const {
    std::optional<QString> found;
    const Status status = forEachRow(m_db, QStringLiteral("SELECT id FROM devices WHERE address_key = ?1"),
                                     bindText(addressKey), [&found](const Statement& row) { found = row.text(0); });
    if (!status) {
        return status.error();
    }
    return found;
}

Result<qint64> DeviceRepository::countInGroup(const QString& groupId) const {
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM devices WHERE group_id = ?1"), bindText(groupId));
}

Result<QStringList> DeviceRepository::idsInGroup(const QString& groupId) const {
    QStringList ids;
    const Status status = forEachRow(m_db, QStringLiteral("SELECT id FROM devices WHERE group_id = ?1"),
                                     bindText(groupId), [&ids](const Statement& row) { ids.append(row.text(0)); });
    if (!status) {
        return status.error();
    }
    return ids;
}

Status DeviceRepository::insert(const Device& device, const QString& addressKey, const QString& password) {
    Status status = runStatement(
        m_db,
        QStringLiteral("INSERT INTO devices (id, name, driver, address, sub_address, address_key, group_id, "
                       "enabled, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"),
        [&](Statement& s) {
            s.bind(1, device.id).bind(2, device.name).bind(3, device.driver).bind(4, device.address);
            s.bind(5, device.subAddress).bind(6, addressKey);
            bindId(s, 7, device.groupId);
            s.bind(8, qint64(device.enabled)).bind(9, device.createdMs);
        });
    if (status) {
        status = runStatement(
            m_db, QStringLiteral("INSERT INTO device_credentials (device_id, user_name, password) VALUES (?1, ?2, ?3)"),
            [&](Statement& s) { s.bind(1, device.id).bind(2, device.userName).bind(3, password); });
    }
    return status;
}

Status DeviceRepository::update(const Device& device, const QString& addressKey) {
    Status status = runStatement(
        m_db,
        QStringLiteral("UPDATE devices SET name = ?2, address = ?3, sub_address = ?4, address_key = ?5, "
                       "group_id = ?6, enabled = ?7, updated_ms = ?8 WHERE id = ?1"),
        [&](Statement& s) {
            s.bind(1, device.id).bind(2, device.name).bind(3, device.address).bind(4, device.subAddress);
            s.bind(5, addressKey);
            bindId(s, 6, device.groupId);
            s.bind(7, qint64(device.enabled)).bind(8, device.updatedMs);
        });
    if (status) {
        status = runStatement(m_db, QStringLiteral("UPDATE device_credentials SET user_name = ?2 WHERE device_id = ?1"),
                              [&](Statement& s) { s.bind(1, device.id).bind(2, device.userName); });
    }
    return status;
}

Status DeviceRepository::setPassword(const QString& deviceId, const QString& password) {
    return runStatement(m_db, QStringLiteral("UPDATE device_credentials SET password = ?2 WHERE device_id = ?1"),
                        [&](Statement& s) { s.bind(1, deviceId).bind(2, password); });
}

Result<QString> DeviceRepository::password(const QString& deviceId) const {
    QString password;
    const Status status =
        forEachRow(m_db, QStringLiteral("SELECT password FROM device_credentials WHERE device_id = ?1"),
                   bindText(deviceId), [&password](const Statement& row) { password = row.text(0); });
    if (!status) {
        return status.error();
    }
    return password;
}

Status DeviceRepository::setDescription(const Device& device) {
    return runStatement(
        m_db,
        QStringLiteral("UPDATE devices SET manufacturer = ?2, model = ?3, firmware = ?4, serial_number = ?5, "
                       "hardware_id = ?6, described_ms = ?7 WHERE id = ?1"),
        [&](Statement& s) {
            s.bind(1, device.id).bind(2, device.manufacturer).bind(3, device.model).bind(4, device.firmware);
            s.bind(5, device.serialNumber).bind(6, device.hardwareId).bind(7, device.describedMs);
        });
}

Status DeviceRepository::remove(const QString& id) {
    // Credentials and channels go with it (ON DELETE CASCADE).
    return runStatement(m_db, QStringLiteral("DELETE FROM devices WHERE id = ?1"), bindText(id));
}

Result<std::optional<Channel>> DeviceRepository::channel(const QString& id) const {
    auto channels = selectChannels(QStringLiteral("id = ?1"), id);
    if (!channels) {
        return channels.error();
    }
    return channels->isEmpty() ? std::optional<Channel>() : std::optional<Channel>(channels->first());
}

Status DeviceRepository::insertChannel(const Channel& channel) {
    return runStatement(
        m_db,
        QStringLiteral("INSERT INTO channels (id, device_id, token, position, name, main_url, sub_url, "
                       "snapshot_url, ptz, audio, enabled, created_ms, updated_ms, main_profile_token, sub_profile_token) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
        [&](Statement& s) {
            s.bind(1, channel.id).bind(2, channel.deviceId).bind(3, channel.token).bind(4, channel.position);
            s.bind(5, channel.name).bind(6, channel.mainUrl).bind(7, channel.subUrl).bind(8, channel.snapshotUrl);
            s.bind(9, qint64(channel.ptz)).bind(10, qint64(channel.audio)).bind(11, qint64(channel.enabled));
            s.bind(12, channel.createdMs).bind(13, channel.updatedMs);
            s.bind(14, channel.mainProfileToken).bind(15, channel.subProfileToken);
        });
}

Status DeviceRepository::updateChannel(const Channel& channel) {
    return runStatement(
        m_db,
        QStringLiteral("UPDATE channels SET position = ?2, name = ?3, main_url = ?4, sub_url = ?5, "
                       "snapshot_url = ?6, ptz = ?7, audio = ?8, enabled = ?9, updated_ms = ?10, main_profile_token = ?11, "
                       "sub_profile_token = ?12 WHERE id = ?1"),
        [&](Statement& s) {
            s.bind(1, channel.id).bind(2, channel.position).bind(3, channel.name).bind(4, channel.mainUrl);
            s.bind(5, channel.subUrl).bind(6, channel.snapshotUrl).bind(7, qint64(channel.ptz));
            s.bind(8, qint64(channel.audio)).bind(9, qint64(channel.enabled)).bind(10, channel.updatedMs);
            s.bind(11, channel.mainProfileToken).bind(12, channel.subProfileToken);
        });
}

Status DeviceRepository::removeChannel(const QString& id) {
    return runStatement(m_db, QStringLiteral("DELETE FROM channels WHERE id = ?1"), bindText(id));
}

}  // namespace vigil::server
