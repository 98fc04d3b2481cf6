#pragma once
// LocalFilesModel: the snapshots and exported clips on this workstation (CLI-3), newest first, from
// the folders the client settings name (snapshots: pictures; exports: clips, and any pictures there).
// Both folders are read with their subfolders (the Live page may file snapshots by camera or day),
// at most kMaxFiles entries. A watcher on the folders reloads after changes; refresh() on demand.
//
// Opening goes to the system (the desktop's viewer or player) until the workstation's own player
// plays clips; removing moves the file to the desktop's trash where there is one, so nothing is lost
// by a wrong click.

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

class QFileSystemWatcher;
class QTimer;

namespace vigil::app {

class ClientSettings;

class LocalFilesModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // "all", "snapshots" or "clips".
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int snapshotCount READ snapshotCount NOTIFY countChanged)
    Q_PROPERTY(int clipCount READ clipCount NOTIFY countChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    static constexpr int kMaxFiles = 2000;

    struct Entry {
        QString path;
        QString kind;  // "snapshot" | "clip"
        qint64 sizeBytes = 0;
        qint64 modifiedMs = 0;  // UTC
    };
    enum Role {
        NameRole = Qt::UserRole + 1,
        PathRole,
        UrlRole,
        FolderUrlRole,
        KindRole,
        IsImageRole,
        SizeTextRole,
        ModifiedTextRole,
        ModifiedMsRole
    };

    explicit LocalFilesModel(ClientSettings* settings, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_shown.size()); }
    int snapshotCount() const;
    int clipCount() const;
    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    QString problem() const { return m_problem; }

    // Reads both folders again.
    Q_INVOKABLE void refresh();
    // Opens the file with the system's viewer or player; false (and `problem`) when none takes it.
    Q_INVOKABLE bool open(int row);
    // Opens the folder that holds the file, or the snapshot/export folder itself ("snapshots"/"clips").
    Q_INVOKABLE bool openFolder(int row);
    Q_INVOKABLE bool openRootFolder(const QString& which);
    // To the trash where the desktop has one, else deleted; false (and `problem`) when it fails.
    Q_INVOKABLE bool remove(int row);

    static bool isImageFile(const QString& path);
    static bool isClipFile(const QString& path);

signals:
    void countChanged();
    void filterChanged();
    void problemChanged();

private:
    void scan(const QString& root, QList<Entry>* into) const;
    void applyFilter();
    void watchFolders();
    void setProblem(const QString& problem);
    const Entry* entryAt(int row) const;

    ClientSettings* m_settings;
    QFileSystemWatcher* m_watcher;
    QTimer* m_reload;
    QList<Entry> m_all;
    QList<Entry> m_shown;
    QString m_filter = QStringLiteral("all");
    QString m_problem;
};

}  // namespace vigil::app
