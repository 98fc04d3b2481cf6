#include "local_files_model.h"

#include <QDesktopServices>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QTimer>
#include <algorithm>

#include "app_logging.h"
#include "client_settings.h"

namespace vigil::app {

namespace {

const QStringList kImageSuffixes = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                    QStringLiteral("bmp"), QStringLiteral("webp")};
const QStringList kClipSuffixes = {QStringLiteral("mp4"), QStringLiteral("mkv"), QStringLiteral("ts"),
                                   QStringLiteral("mov"), QStringLiteral("avi")};
// Several files usually land together (an export's part file, then its rename): read once after.
constexpr int kReloadDelayMs = 500;

QString sizeText(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

}  // namespace

LocalFilesModel::LocalFilesModel(ClientSettings* settings, QObject* parent)
    : QAbstractListModel(parent),
      m_settings(settings),
      m_watcher(new QFileSystemWatcher(this)),
      m_reload(new QTimer(this)) {
    m_reload->setSingleShot(true);
    m_reload->setInterval(kReloadDelayMs);
    connect(m_reload, &QTimer::timeout, this, &LocalFilesModel::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reload, qOverload<>(&QTimer::start));
    connect(m_settings, &ClientSettings::foldersChanged, this, &LocalFilesModel::refresh);
}

bool LocalFilesModel::isImageFile(const QString& path) {
    return kImageSuffixes.contains(QFileInfo(path).suffix().toLower());
}

bool LocalFilesModel::isClipFile(const QString& path) {
    return kClipSuffixes.contains(QFileInfo(path).suffix().toLower());
}

int LocalFilesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> LocalFilesModel::roleNames() const {
    return {{NameRole, "name"},
            {PathRole, "path"},
            {UrlRole, "url"},
            {FolderUrlRole, "folderUrl"},
            {KindRole, "kind"},
            {IsImageRole, "isImage"},
            {SizeTextRole, "sizeText"},
            {ModifiedTextRole, "modifiedText"},
            {ModifiedMsRole, "modifiedMs"}};
}

QVariant LocalFilesModel::data(const QModelIndex& index, int role) const {
    const Entry* entry = entryAt(index.row());
    if (!entry || !index.isValid()) {
        return {};
    }
    const QFileInfo info(entry->path);
    switch (role) {
    case NameRole:
        return info.fileName();
    case PathRole:
        return entry->path;
    case UrlRole:
        return QUrl::fromLocalFile(entry->path);
    case FolderUrlRole:
        return QUrl::fromLocalFile(info.absolutePath());
    case KindRole:
        return entry->kind;
    case IsImageRole:
        return isImageFile(entry->path);
    case SizeTextRole:
        return sizeText(entry->sizeBytes);
    case ModifiedTextRole:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry->modifiedMs).toLocalTime(),
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ModifiedMsRole:
        return entry->modifiedMs;
    default:
        return {};
    }
}

const LocalFilesModel::Entry* LocalFilesModel::entryAt(int row) const {
    return row >= 0 && row < m_shown.size() ? &m_shown.at(row) : nullptr;
}

int LocalFilesModel::snapshotCount() const {
    return static_cast<int>(std::count_if(m_all.cbegin(), m_all.cend(),
                                          [](const Entry& e) { return e.kind == QLatin1String("snapshot"); }));
}

int LocalFilesModel::clipCount() const {
    return static_cast<int>(m_all.size()) - snapshotCount();
}

void LocalFilesModel::setFilter(const QString& filter) {
    if (filter == m_filter ||
        (filter != QLatin1String("all") && filter != QLatin1String("snapshots") && filter != QLatin1String("clips"))) {
        return;
    }
    m_filter = filter;
    emit filterChanged();
    applyFilter();
}

void LocalFilesModel::setProblem(const QString& problem) {
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged();
    }
}

void LocalFilesModel::scan(const QString& root, QList<Entry>* into) const {
    QDirIterator it(root, QDir::Files | QDir::NoSymLinks | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const bool image = isImageFile(path);
        if (!image && !isClipFile(path)) {
            continue;  // part files of running exports, notes, anything else
        }
        // Pictures in the export folder are shown as snapshots too: the operator put them there.
        const QFileInfo info = it.fileInfo();
        into->append(Entry{path, image ? QStringLiteral("snapshot") : QStringLiteral("clip"), info.size(),
                           info.lastModified().toMSecsSinceEpoch()});
    }
}

void LocalFilesModel::refresh() {
    QList<Entry> found;
    const QString snapshots = m_settings->snapshotFolder();
    const QString exports = m_settings->exportFolder();
    scan(snapshots, &found);
    if (exports != snapshots && !exports.startsWith(snapshots + QLatin1Char('/'))) {
        scan(exports, &found);
    }
    std::sort(found.begin(), found.end(), [](const Entry& a, const Entry& b) {
        return a.modifiedMs != b.modifiedMs ? a.modifiedMs > b.modifiedMs : a.path < b.path;
    });
    if (found.size() > kMaxFiles) {
        found.resize(kMaxFiles);
    }
    m_all = found;
    watchFolders();
    applyFilter();
}

void LocalFilesModel::applyFilter() {
    beginResetModel();
    m_shown.clear();
    for (const Entry& entry : std::as_const(m_all)) {
        if (m_filter == QLatin1String("all") ||
            (m_filter == QLatin1String("snapshots") && entry.kind == QLatin1String("snapshot")) ||
            (m_filter == QLatin1String("clips") && entry.kind == QLatin1String("clip"))) {
            m_shown.append(entry);
        }
    }
    endResetModel();
    emit countChanged();
}

void LocalFilesModel::watchFolders() {
    if (!m_watcher->directories().isEmpty()) {
        m_watcher->removePaths(m_watcher->directories());
    }
    for (const QString& folder : {m_settings->snapshotFolder(), m_settings->exportFolder()}) {
        if (QFileInfo(folder).isDir()) {
            m_watcher->addPath(folder);
        }
    }
}

bool LocalFilesModel::open(int row) {
    const Entry* entry = entryAt(row);
    if (!entry) {
        return false;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(entry->path))) {
        setProblem(tr("No program on this computer opens %1.").arg(QFileInfo(entry->path).fileName()));
        return false;
    }
    setProblem({});
    return true;
}

bool LocalFilesModel::openFolder(int row) {
    const Entry* entry = entryAt(row);
    if (!entry) {
        return false;
    }
    const QString folder = QFileInfo(entry->path).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        setProblem(tr("No file manager on this computer opens %1.").arg(folder));
        return false;
    }
    return true;
}

bool LocalFilesModel::openRootFolder(const QString& which) {
    const bool clips = which == QLatin1String("clips");
    if (!(clips ? m_settings->ensureExportFolder() : m_settings->ensureSnapshotFolder())) {
        setProblem(m_settings->problem());
        return false;
    }
    const QString folder = clips ? m_settings->exportFolder() : m_settings->snapshotFolder();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        setProblem(tr("No file manager on this computer opens %1.").arg(folder));
        return false;
    }
    return true;
}

bool LocalFilesModel::remove(int row) {
    const Entry* entry = entryAt(row);
    if (!entry) {
        return false;
    }
    const QString path = entry->path;
    QFile file(path);
    if (file.moveToTrash()) {
        qCInfo(lcApp).noquote() << "local files: moved" << path << "to the trash:" << file.fileName();
    } else if (file.remove()) {
        qCInfo(lcApp).noquote() << "local files: deleted" << path << "(no trash here)";
    } else {
        setProblem(tr("%1 could not be removed: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    setProblem({});
    refresh();
    return true;
}

}  // namespace vigil::app
