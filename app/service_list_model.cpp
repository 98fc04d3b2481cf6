#include "service_list_model.h"

namespace vigil::app {

namespace {
QString statusText(const QString& state) {
    if (state.isEmpty()) {
        return state;
    }
    return state.at(0).toUpper() + state.mid(1);
}

QString detail(const core::model::ServiceStatus& service) {
    if (!service.problem.isEmpty()) {
        return service.problem;
    }
    return service.port > 0 ? QObject::tr("port %1").arg(service.port) : QString();
}
}  // namespace

ServiceListModel::ServiceListModel(QObject* parent) : QAbstractListModel(parent) {}

int ServiceListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant ServiceListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const core::model::ServiceStatus& service = m_services.at(index.row());
    switch (role) {
        case IdRole:
            return service.id;
        case Qt::DisplayRole:
        case NameRole:
            return service.name;
        case StatusRole:
            return service.state;
        case StatusTextRole:
            return statusText(service.state);
        case DetailRole:
            return detail(service);
        case PortRole:
            return service.port;
        default:
            return {};
    }
}

QHash<int, QByteArray> ServiceListModel::roleNames() const {
    return {{IdRole, "serviceId"},          {NameRole, "name"},     {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {DetailRole, "detail"}, {PortRole, "port"}};
}

void ServiceListModel::setServices(const QList<core::model::ServiceStatus>& services) {
    beginResetModel();
    m_services = services;
    endResetModel();
    emit countChanged();
}

void ServiceListModel::update(const core::model::ServiceStatus& service) {
    for (int row = 0; row < count(); ++row) {
        if (m_services.at(row).id == service.id) {
            m_services[row] = service;
            emit dataChanged(index(row), index(row));
            return;
        }
    }
    beginInsertRows(QModelIndex(), count(), count());
    m_services.append(service);
    endInsertRows();
    emit countChanged();
}

void ServiceListModel::clear() {
    setServices({});
}

}  // namespace vigil::app
