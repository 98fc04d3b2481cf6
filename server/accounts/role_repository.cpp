#include "accounts/role_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Result;
using core::Status;
using core::model::Role;

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, builtin, all_channels FROM roles");

Role readRow(const core::store::Statement& row) {
    Role role;
    role.id = row.text(0);
    role.name = row.text(1);
    role.builtin = row.int64(2) != 0;
    role.allChannels = row.int64(3) != 0;
    return role;
}

BindFunction bindText(const QString& value) {
    return [value](core::store::Statement& s) { s.bind(1, value); };
}

}  // namespace

Status RoleRepository::fill(Role& role) const {
    Status status = forEachRow(
        m_db,
        QStringLiteral("SELECT permission FROM role_permissions WHERE role_id = ?1 ORDER BY permission"),
        bindText(role.id),
        [&role](const core::store::Statement& row) { role.permissions.append(row.text(0)); });
    if (!status) {
        return status;
    }
    return forEachRow(
        m_db, QStringLiteral("SELECT channel_id FROM role_channels WHERE role_id = ?1 ORDER BY channel_id"),
        bindText(role.id), [&role](const core::store::Statement& row) { role.channels.append(row.text(0)); });
}

Result<QList<Role>> RoleRepository::list() const {
    QList<Role> roles;
    Status status = forEachRow(m_db, kSelect + QStringLiteral(" ORDER BY builtin DESC, created_ms, name"), {},
                               [&roles](const core::store::Statement& row) { roles.append(readRow(row)); });
    for (Role& role : roles) {
        if (status) {
            status = fill(role);
        }
    }
    if (!status) {
        return status.error();
    }
    return roles;
}

Result<std::optional<Role>> RoleRepository::findOne(const QString& where, const QString& value) const {
    std::optional<Role> found;
    Status status = forEachRow(m_db, kSelect + QStringLiteral(" WHERE %1 = ?1").arg(where), bindText(value),
                               [&found](const core::store::Statement& row) { found = readRow(row); });
    if (status && found) {
        status = fill(*found);
    }
    if (!status) {
        return status.error();
    }
    return found;
}

Result<std::optional<Role>> RoleRepository::find(const QString& id) const {
    return findOne(QStringLiteral("id"), id);
}

Result<std::optional<Role>> RoleRepository::findByName(const QString& name) const {
    return findOne(QStringLiteral("name"), name);
}

Status RoleRepository::writeMembers(const Role& role) {
    Status status = runStatement(m_db, QStringLiteral("DELETE FROM role_permissions WHERE role_id = ?1"),
                                 bindText(role.id));
    if (status) {
        status = runStatement(m_db, QStringLiteral("DELETE FROM role_channels WHERE role_id = ?1"),
                              bindText(role.id));
    }
    for (const QString& permission : role.permissions) {
        if (status) {
            status = runStatement(
                m_db, QStringLiteral("INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2)"),
                [&](core::store::Statement& s) { s.bind(1, role.id).bind(2, permission); });
        }
    }
    for (const QString& channel : role.channels) {
        if (status) {
            status = runStatement(
                m_db, QStringLiteral("INSERT INTO role_channels (role_id, channel_id) VALUES (?1, ?2)"),
                [&](core::store::Statement& s) { s.bind(1, role.id).bind(2, channel); });
        }
    }
    return status;
}

Status RoleRepository::insert(const Role& role, qint64 createdMs) {
    const Status status = runStatement(
        m_db,
        QStringLiteral(
            "INSERT INTO roles (id, name, builtin, all_channels, created_ms) VALUES (?1, ?2, 0, ?3, ?4)"),
        [&](core::store::Statement& s) {
            s.bind(1, role.id).bind(2, role.name).bind(3, qint64(role.allChannels)).bind(4, createdMs);
        });
    return status ? writeMembers(role) : status;
}

Status RoleRepository::update(const Role& role) {
    const Status status = runStatement(
        m_db, QStringLiteral("UPDATE roles SET name = ?2, all_channels = ?3 WHERE id = ?1 AND builtin = 0"),
        [&](core::store::Statement& s) {
            s.bind(1, role.id).bind(2, role.name).bind(3, qint64(role.allChannels));
        });
    return status ? writeMembers(role) : status;
}

Status RoleRepository::remove(const QString& id) {
    // Its permission and channel rows go with it (ON DELETE CASCADE).
    return runStatement(m_db, QStringLiteral("DELETE FROM roles WHERE id = ?1 AND builtin = 0"),
                        bindText(id));
}

}  // namespace vigil::server
