#include "role_list_model.h"

#include <QVariantMap>

#include "app_logging.h"
#include "model/permissions.h"

namespace vigil::app {

using core::Result;
using core::model::Permissions;

RoleListModel::RoleListModel(core::client::ApiClient* client, QObject* parent)
    : RequestListModel(parent), m_client(client), m_permissions(Permissions::all()) {}

int RoleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant RoleListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const core::model::Role& item = m_roles.at(index.row());
    switch (role) {
        case IdRole:
            return item.id;
        case NameRole:
            return item.name;
        case BuiltinRole:
            return item.builtin;
        case PermissionsRole:
            return item.permissions;
        case PermissionsTextRole:
            return permissionsText(item.permissions);
        case ChannelsTextRole:
            return item.allChannels ? tr("All channels")
                                    : tr("%n channel(s)", nullptr, int(item.channels.size()));
        default:
            return {};
    }
}

QHash<int, QByteArray> RoleListModel::roleNames() const {
    return {{IdRole, "roleId"},
            {NameRole, "name"},
            {BuiltinRole, "builtin"},
            {PermissionsRole, "permissions"},
            {PermissionsTextRole, "permissionsText"},
            {ChannelsTextRole, "channelsText"}};
}

QVariantList RoleListModel::catalogue() const {
    QVariantList list;
    for (const core::model::Permission& permission : m_permissions) {
        list.append(QVariantMap{{QStringLiteral("id"), permission.id},
                                {QStringLiteral("name"), permission.name},
                                {QStringLiteral("description"), permission.description}});
    }
    return list;
}

QVariantList RoleListModel::choices() const {
    QVariantList list;
    for (const core::model::Role& role : m_roles) {
        list.append(QVariantMap{{QStringLiteral("id"), role.id}, {QStringLiteral("name"), role.name}});
    }
    return list;
}

QString RoleListModel::nameOf(const QString& roleId) const {
    const int row = indexOf(roleId);
    return row >= 0 ? m_roles.at(row).name : roleId;
}

int RoleListModel::indexOf(const QString& roleId) const {
    for (qsizetype i = 0; i < m_roles.size(); ++i) {
        if (m_roles.at(i).id == roleId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString RoleListModel::permissionsText(const QStringList& ids) const {
    if (ids.size() == m_permissions.size() && !ids.isEmpty()) {
        return tr("All permissions");
    }
    QStringList names;
    for (const core::model::Permission& permission : m_permissions) {
        if (ids.contains(permission.id)) {
            names.append(permission.name);
        }
    }
    return names.isEmpty() ? tr("No permissions") : names.join(QStringLiteral(", "));
}

void RoleListModel::setRoles(QList<core::model::Role> roles) {
    beginResetModel();
    m_roles = std::move(roles);
    endResetModel();
    emit countChanged();
}

void RoleListModel::clear() {
    setRoles({});
    setError({});
}

void RoleListModel::refresh() {
    setBusy(true);
    m_client->fetchPermissions([this](Result<QList<core::model::Permission>> permissions) {
        if (permissions && !permissions->isEmpty()) {
            m_permissions = std::move(permissions).value();
            emit catalogueChanged();
        }
    });
    m_client->fetchRoles([this](Result<QList<core::model::Role>> roles) {
        setBusy(false);
        if (!roles) {
            setError(roles.error().message);
            return;
        }
        setError({});
        setRoles(std::move(roles).value());
    });
}

QVariantMap RoleListModel::editorFor(const QString& roleId) const {
    const int row = indexOf(roleId);
    if (row < 0) {
        return {{QStringLiteral("id"), QString()},
                {QStringLiteral("name"), QString()},
                {QStringLiteral("builtin"), false},
                {QStringLiteral("permissions"), QStringList()}};
    }
    const core::model::Role& role = m_roles.at(row);
    return {{QStringLiteral("id"), role.id},
            {QStringLiteral("name"), role.name},
            {QStringLiteral("builtin"), role.builtin},
            {QStringLiteral("permissions"), role.permissions}};
}

void RoleListModel::save(const QString& roleId, const QString& name, const QStringList& permissions) {
    const int row = indexOf(roleId);
    if (row >= 0 && m_roles.at(row).builtin) {
        setError(tr("%1 is a built-in role and cannot be changed. Make a new role instead.")
                     .arg(m_roles.at(row).name));
        return;
    }
    if (name.trimmed().isEmpty()) {
        setError(tr("Give the role a name."));
        return;
    }
    core::model::RoleInput input;
    input.name = name.trimmed();
    // Keep the catalogue's order so the stored list reads the same way every time.
    for (const core::model::Permission& permission : m_permissions) {
        if (permissions.contains(permission.id)) {
            input.permissions.append(permission.id);
        }
    }
    if (row >= 0) {
        input.allChannels = m_roles.at(row).allChannels;
        input.channels = m_roles.at(row).channels;
    }
    setBusy(true);
    auto done = [this](Result<core::model::Role> role) {
        setBusy(false);
        if (!role) {
            setError(role.error().message);
            return;
        }
        setError({});
        qCInfo(lcApp).noquote() << "roles: saved" << role->name;
        const QString id = role->id;
        refresh();
        emit saved(id);
    };
    if (row >= 0) {
        m_client->updateRole(roleId, input, std::move(done));
    } else {
        m_client->createRole(input, std::move(done));
    }
}

void RoleListModel::remove(const QString& roleId) {
    setBusy(true);
    m_client->deleteRole(roleId, [this](const core::Status& done) {
        setBusy(false);
        if (!done) {
            setError(done.error().message);
            return;
        }
        setError({});
        refresh();
        emit removed();
    });
}

}  // namespace vigil::app
