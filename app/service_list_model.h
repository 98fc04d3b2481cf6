#pragma once
// ServiceListModel: the server's services (SRV-1) for the Home page, kept current by the
// "system.service" pushes. Rows keep the server's order; an unknown id is appended.

#include <QAbstractListModel>
#include <QList>

#include "model/system_model.h"

namespace vigil::app {

class ServiceListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, StatusRole, StatusTextRole, DetailRole, PortRole };

    explicit ServiceListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_services.size()); }

    void setServices(const QList<core::model::ServiceStatus>& services);
    void update(const core::model::ServiceStatus& service);
    void clear();

signals:
    void countChanged();

private:
    QList<core::model::ServiceStatus> m_services;
};

}  // namespace vigil::app
