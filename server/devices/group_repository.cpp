#include "devices/group_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::DeviceGroup;
using core::store::Statement;

namespace {

const QString kSelect = QStringLiteral("SELECT id, ifnull(parent_id, ''), kind, name, created_ms FROM device_groups");

DeviceGroup readRow(const Statement& row) {
    return DeviceGroup{row.text(0), row.text(1), row.text(2), row.text(3), row.int64(4)};
}

// NULL for "none", so the foreign key and the top level read the same everywhere.
void bindId(Statement& statement, int index, const QString& id) {
    if (id.isEmpty()) {
        statement.bindNull(index);
    } else {
        statement.bind(index, id);
    }
}

}  // namespace

Result<QList<DeviceGroup>> GroupRepository::list() const {
    QList<DeviceGroup> groups;
    const Status status = forEachRow(m_db, kSelect + QStringLiteral(" ORDER BY name_key, id"), {},
                                     [&groups](const Statement& row) { groups.append(readRow(row)); });
    if (!status) {
        return status.error();
    }
    return groups;
}

Result<std::optional<DeviceGroup>> GroupRepository::find(const QString& id) const {
    std::optional<DeviceGroup> found;
    const Status status = forEachRow(
        m_db, kSelect + QStringLiteral(" WHERE id = ?1"), [&id](Statement& s) { s.bind(1, id); },
        [&found](const Statement& row) { found = readRow(row); });
    if (!status) {
        return status.error();
    }
    return found;
}

Result<std::optional<QString>> GroupRepository::siblingNamed(const QString& parentId, const QString& name) const {
    std::optional<QString> found;
    const Status status = forEachRow(
        m_db, QStringLiteral("SELECT id FROM device_groups WHERE ifnull(parent_id, '') = ?1 AND name_key = ?2"),
        [&](Statement& s) { s.bind(1, parentId).bind(2, nameKey(name)); },
        [&found](const Statement& row) { found = row.text(0); });
    if (!status) {
        return status.error();
    }
    return found;
}

Status GroupRepository::insert(const DeviceGroup& group) {
    return runStatement(m_db,
                        QStringLiteral("INSERT INTO device_groups (id, parent_id, kind, name, name_key, created_ms) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                        [&](Statement& s) {
                            s.bind(1, group.id);
                            bindId(s, 2, group.parentId);
                            s.bind(3, group.kind).bind(4, group.name).bind(5, nameKey(group.name));
                            s.bind(6, group.createdMs);
                        });
}

Status GroupRepository::update(const DeviceGroup& group) {
    return runStatement(
        m_db, QStringLiteral("UPDATE device_groups SET parent_id = ?2, name = ?3, name_key = ?4 WHERE id = ?1"),
        [&](Statement& s) {
            s.bind(1, group.id);
            bindId(s, 2, group.parentId);
            s.bind(3, group.name).bind(4, nameKey(group.name));
        });
}

Status GroupRepository::remove(const QString& id) {
    return runStatement(m_db, QStringLiteral("DELETE FROM device_groups WHERE id = ?1"),
                        [&id](Statement& s) { s.bind(1, id); });
}

Status GroupRepository::moveContents(const QString& id, const QString& newParentId) {
    const BindFunction bind = [&](Statement& s) {
        s.bind(1, id);
        bindId(s, 2, newParentId);
    };
    Status status =
        runStatement(m_db, QStringLiteral("UPDATE device_groups SET parent_id = ?2 WHERE parent_id = ?1"), bind);
    if (status) {
        status = runStatement(m_db, QStringLiteral("UPDATE devices SET group_id = ?2 WHERE group_id = ?1"), bind);
    }
    return status;
}

Result<qint64> GroupRepository::childGroupCount(const QString& id) const {
    return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM device_groups WHERE parent_id = ?1"),
                  [&id](Statement& s) { s.bind(1, id); });
}

}  // namespace vigil::server
