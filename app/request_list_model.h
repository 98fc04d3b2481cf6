#pragma once
// RequestListModel: a list model filled through API requests. It holds what every such page shows
// besides its rows: `busy` while a request is in flight and the last refusal as `errorMessage` (the
// server's own words, or the model's check of a form). The role, user, session and security log
// models build on it.

#include <QAbstractListModel>
#include <QString>

namespace vigil::app {

class RequestListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }
    Q_INVOKABLE void clearError() { setError({}); }

signals:
    void busyChanged();
    void errorMessageChanged();

protected:
    void setBusy(bool busy);
    void setError(const QString& message);

private:
    bool m_busy = false;
    QString m_errorMessage;
};

}  // namespace vigil::app
