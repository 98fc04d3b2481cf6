#pragma once
// SessionListModel: who is online (SEC-2.6) for the Online users page: user, address, client kind,
// since, last seen; ending a session other than one's own.

#include <QList>

#include "client/api_client.h"
#include "request_list_model.h"

namespace vigil::app {

class SessionListModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UserNameRole,
        AddressRole,
        ClientKindRole,
        ClientKindTextRole,
        SinceTextRole,
        LastSeenTextRole,
        CurrentRole,
    };

    explicit SessionListModel(core::client::ApiClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_sessions.size()); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void endSession(const QString& sessionId);
    void clear();

signals:
    void countChanged();
    void sessionEnded(const QString& userName);

private:
    void setSessions(QList<core::model::Session> sessions);

    core::client::ApiClient* m_client;
    QList<core::model::Session> m_sessions;
};

}  // namespace vigil::app
