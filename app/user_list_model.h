#pragma once
// UserListModel: the site's users (SEC-2.2) for the Users page: the list, and the editor's form as a
// plain map (QML fills fields, this class checks and converts them: dates, address lists, password
// rules) so the page holds no rules.

#include <QList>
#include <QVariantMap>

#include "client/api_client.h"
#include "request_list_model.h"

namespace vigil::app {

class RoleListModel;

class UserListModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UserNameRole,
        RoleIdRole,
        RoleNameRole,
        EnabledRole,
        StatusRole,      // ok | offline | warning, for a VStatusDot
        StatusTextRole,  // Active, Disabled, Expired, Not yet valid
        ValidityTextRole,
        AddressesTextRole,
        MemoRole,
        LastLoginTextRole,
        MustChangePasswordRole,
    };

    UserListModel(core::client::ApiClient* client, RoleListModel* roles, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_users.size()); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString& userId) const;
    // The editor's fields as text: {id, userName, roleId, enabled, validFrom, validUntil,
    // allowedAddresses, memo, mustChangePassword, isNew}. An empty id gives a new user's defaults.
    Q_INVOKABLE QVariantMap editorFor(const QString& userId) const;
    // The same map back, plus password and confirmation (required for a new user, optional else).
    // Checks it, then creates or changes the user: saved(id) or errorMessage.
    Q_INVOKABLE void save(const QVariantMap& form);
    Q_INVOKABLE void remove(const QString& userId);
    void clear();

signals:
    void countChanged();
    void saved(const QString& userId);
    void removed();

private:
    void setUsers(QList<core::model::User> users);
    core::Result<core::model::UserInput> inputFrom(const QVariantMap& form, bool isNew) const;
    QString statusOf(const core::model::User& user, QString* text) const;

    core::client::ApiClient* m_client;
    RoleListModel* m_roles;
    QList<core::model::User> m_users;
};

}  // namespace vigil::app
