#pragma once
// SiteListModel: remote servers this workstation connected to, most recent first, for the site
// selector. Stores host, port and when it was last used, in <clientDir>/sites.json; never
// passwords or tokens (those belong in the keychain, issue 3).

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace vigil::app {

class SiteListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    struct Site {
        QString host;
        quint16 port = 0;
        qint64 lastUsedMs = 0;  // UTC
    };
    enum Role { HostRole = Qt::UserRole + 1, PortRole, AddressRole, LastUsedTextRole };

    explicit SiteListModel(QString filePath, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_sites.size()); }
    const QList<Site>& sites() const { return m_sites; }

    // Moves (or adds) the site to the top with the current time, then saves.
    void remember(const QString& host, quint16 port);
    void remove(const QString& host, quint16 port);

signals:
    void countChanged();

private:
    void load();
    void save() const;
    int find(const QString& host, quint16 port) const;

    QString m_filePath;
    QList<Site> m_sites;
};

}  // namespace vigil::app
