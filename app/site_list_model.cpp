#include "site_list_model.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "app_logging.h"
#include "client/trust_store.h"

namespace vigil::app {

namespace {
constexpr int kMaxSites = 50;
}

SiteListModel::SiteListModel(QString filePath, QObject* parent)
    : QAbstractListModel(parent), m_filePath(std::move(filePath)) {
    load();
}

int SiteListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant SiteListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const Site& site = m_sites.at(index.row());
    switch (role) {
        case HostRole:
            return site.host;
        case PortRole:
            return site.port;
        case Qt::DisplayRole:
        case AddressRole:
            return core::client::TrustStore::siteKey(site.host, site.port);
        case LastUsedTextRole:
            return site.lastUsedMs > 0 ? tr("last used %1")
                                             .arg(QDateTime::fromMSecsSinceEpoch(site.lastUsedMs)
                                                      .toLocalTime()
                                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                       : QString();
        default:
            return {};
    }
}

QHash<int, QByteArray> SiteListModel::roleNames() const {
    return {
        {HostRole, "host"}, {PortRole, "port"}, {AddressRole, "address"}, {LastUsedTextRole, "lastUsedText"}};
}

int SiteListModel::find(const QString& host, quint16 port) const {
    for (int row = 0; row < count(); ++row) {
        if (m_sites.at(row).host.compare(host, Qt::CaseInsensitive) == 0 && m_sites.at(row).port == port) {
            return row;
        }
    }
    return -1;
}

void SiteListModel::remember(const QString& host, quint16 port) {
    const int existing = find(host, port);
    if (existing >= 0) {
        beginRemoveRows(QModelIndex(), existing, existing);
        m_sites.removeAt(existing);
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_sites.prepend(Site{host, port, QDateTime::currentMSecsSinceEpoch()});
    endInsertRows();
    if (count() > kMaxSites) {
        beginRemoveRows(QModelIndex(), kMaxSites, count() - 1);
        m_sites.resize(kMaxSites);
        endRemoveRows();
    }
    emit countChanged();
    save();
}

void SiteListModel::remove(const QString& host, quint16 port) {
    const int row = find(host, port);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_sites.removeAt(row);
    endRemoveRows();
    emit countChanged();
    save();
}

void SiteListModel::load() {
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return;  // first start: no sites yet
    }
    const QJsonArray sites =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("sites")).toArray();
    for (const QJsonValue& value : sites) {
        const QJsonObject entry = value.toObject();
        const QString host = entry.value(QStringLiteral("host")).toString();
        const int port = entry.value(QStringLiteral("port")).toInt();
        if (host.isEmpty() || port <= 0 || port > 65535) {
            continue;
        }
        m_sites.append(
            Site{host, static_cast<quint16>(port), entry.value(QStringLiteral("lastUsedMs")).toInteger()});
    }
}

void SiteListModel::save() const {
    QJsonArray sites;
    for (const Site& site : m_sites) {
        sites.append(QJsonObject{{QStringLiteral("host"), site.host},
                                 {QStringLiteral("port"), site.port},
                                 {QStringLiteral("lastUsedMs"), site.lastUsedMs}});
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcApp).noquote() << "cannot save the site list to" << m_filePath << file.errorString();
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("sites"), sites}})
                   .toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcApp).noquote() << "cannot save the site list to" << m_filePath << file.errorString();
    }
}

}  // namespace vigil::app
