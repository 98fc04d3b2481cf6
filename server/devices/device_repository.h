#pragma once
// DeviceRepository: the devices, device_credentials and channels tables (devices_schema.cpp).
// Passwords are read by one function only, password(), which the service calls when it connects to
// a device; every other read carries "passwordSet" at most.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/device_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class DeviceRepository {
public:
    explicit DeviceRepository(core::store::Database& db) : m_db(db) {}

    // Devices with their channels (ordered by position), without live status.
    core::Result<QList<core::model::Device>> list() const;
    core::Result<std::optional<core::model::Device>> find(const QString& id) const;
    // The id of the device with this address key, if any.
    core::Result<std::optional<QString>> findByAddressKey(const QString& addressKey) const;
    core::Result<qint64> countInGroup(const QString& groupId) const;
    core::Result<QStringList> idsInGroup(const QString& groupId) const;

    core::Status insert(const core::model::Device& device, const QString& addressKey, const QString& password);
    // Name, addresses, group, enabled, user name and updated_ms; the description is setDescription's.
    core::Status update(const core::model::Device& device, const QString& addressKey);
    core::Status setPassword(const QString& deviceId, const QString& password);
    core::Result<QString> password(const QString& deviceId) const;
    core::Status setDescription(const core::model::Device& device);  // manufacturer .. described_ms
    core::Status remove(const QString& id);  // its credentials and channels go with it

    core::Result<std::optional<core::model::Channel>> channel(const QString& id) const;
    core::Status insertChannel(const core::model::Channel& channel);
    // Everything but id, device and token.
    core::Status updateChannel(const core::model::Channel& channel);
    core::Status removeChannel(const QString& id);

private:
    core::Result<QList<core::model::Device>> select(const QString& where, const QString& value) const;
    core::Result<QList<core::model::Channel>> selectChannels(const QString& where, const QString& value) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
