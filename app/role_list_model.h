#pragma once
// RoleListModel: the site's roles (SEC-2.2) for the Roles page and the user editor's role choice, and
// the permission catalogue with descriptions for the role editor. Built-in roles are read-only: the
// editor shows them, saving refuses them here and on the server.

#include <QList>
#include <QVariantList>

#include "client/api_client.h"
#include "request_list_model.h"

namespace vigil::app {

class RoleListModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QVariantList catalogue READ catalogue NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantList choices READ choices NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        BuiltinRole,
        PermissionsRole,
        PermissionsTextRole,
        ChannelsTextRole,
    };

    explicit RoleListModel(core::client::ApiClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_roles.size()); }
    QVariantList catalogue() const;  // [{id, name, description}]
    QVariantList choices() const;    // [{id, name}] for the user editor

    QString nameOf(const QString& roleId) const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString& roleId) const;
    // {id, name, builtin, permissions: [id]}; an empty id gives a blank new role.
    Q_INVOKABLE QVariantMap editorFor(const QString& roleId) const;
    // Creates (empty id) or changes a role; saved() or errorMessage.
    Q_INVOKABLE void save(const QString& roleId, const QString& name, const QStringList& permissions);
    Q_INVOKABLE void remove(const QString& roleId);
    void clear();

signals:
    void countChanged();
    void catalogueChanged();
    void saved(const QString& roleId);
    void removed();

private:
    void setRoles(QList<core::model::Role> roles);
    QString permissionsText(const QStringList& ids) const;

    core::client::ApiClient* m_client;
    QList<core::model::Role> m_roles;
    QList<core::model::Permission> m_permissions;
};

}  // namespace vigil::app
