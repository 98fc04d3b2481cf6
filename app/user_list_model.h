#pragma once
// UserListModel: the site's users (SEC-2.2) for the Users page: the list, and the editor's form as a
// plain map (QML fills fields, this class checks and converts them: dates, address lists, password
// rules) so the page holds no rules.

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>

#include "client/api_client.h"

namespace vigil::app {

class RoleListModel;

class UserListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
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
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString& userId) const;
    // The editor's fields as text: {id, userName, roleId, enabled, validFrom, validUntil,
    // allowedAddresses, memo, mustChangePassword, isNew}. An empty id gives a new user's defaults.
    Q_INVOKABLE QVariantMap editorFor(const QString& userId) const;
    // The same map back, plus password and confirmation (required for a new user, optional else).
    // Checks it, then creates or changes the user: saved(id) or errorMessage.
    Q_INVOKABLE void save(const QVariantMap& form);
    Q_INVOKABLE void remove(const QString& userId);
    Q_INVOKABLE void clearError();
    void clear();

signals:
    void countChanged();
    void busyChanged();
    void errorMessageChanged();
    void saved(const QString& userId);
    void removed();

private:
    void setBusy(bool busy);
    void setError(const QString& message);
    void setUsers(QList<core::model::User> users);
    core::Result<core::model::UserInput> inputFrom(const QVariantMap& form, bool isNew) const;
    QString statusOf(const core::model::User& user, QString* text) const;

    core::client::ApiClient* m_client;
    RoleListModel* m_roles;
    QList<core::model::User> m_users;
    bool m_busy = false;
    QString m_errorMessage;
};

}  // namespace vigil::app
