#pragma once
// GroupRepository: the device_groups table (devices_schema.cpp). Tree rules (no cycles, unique
// sibling names, what a delete does with the contents) are the service's; this holds the SQL.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/device_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class GroupRepository {
public:
    explicit GroupRepository(core::store::Database& db) : m_db(db) {}

    core::Result<QList<core::model::DeviceGroup>> list() const;  // by name within no particular order of the tree
    core::Result<std::optional<core::model::DeviceGroup>> find(const QString& id) const;
    // The group under `parentId` (empty: top level) whose name is `name` whatever the case.
    core::Result<std::optional<QString>> siblingNamed(const QString& parentId, const QString& name) const;

    core::Status insert(const core::model::DeviceGroup& group);
    core::Status update(const core::model::DeviceGroup& group);  // name and parent
    core::Status remove(const QString& id);
    // Moves the groups and devices directly under `id` to `newParentId` (empty: top level / no group).
    core::Status moveContents(const QString& id, const QString& newParentId);

    core::Result<qint64> childGroupCount(const QString& id) const;

    static QString nameKey(const QString& name) { return name.toCaseFolded(); }

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
