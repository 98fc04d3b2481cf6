#pragma once
// SessionListModel: who is online (SEC-2.6) for the Online users page: user, address, client kind,
// since, last seen; ending a session other than one's own.

#include <QAbstractListModel>
#include <QList>

#include "client/api_client.h"

namespace vigil::app {

class SessionListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
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
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void endSession(const QString& sessionId);
    Q_INVOKABLE void clearError();
    void clear();

signals:
    void countChanged();
    void busyChanged();
    void errorMessageChanged();
    void sessionEnded(const QString& userName);

private:
    void setBusy(bool busy);
    void setError(const QString& message);
    void setSessions(QList<core::model::Session> sessions);

    core::client::ApiClient* m_client;
    QList<core::model::Session> m_sessions;
    bool m_busy = false;
    QString m_errorMessage;
};

}  // namespace vigil::app
