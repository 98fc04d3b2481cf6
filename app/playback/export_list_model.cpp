#include "playback/export_list_model.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include "app_logging.h"
#include "client/file_download.h"

namespace vigil::app {

using core::model::ExportJob;
using core::model::Job;

namespace {

constexpr auto kExporting = "exporting";
constexpr auto kDownloading = "downloading";
constexpr auto kDone = "done";
constexpr auto kFailed = "failed";
constexpr auto kCancelled = "cancelled";

bool isActive(const QString& phase) {
    return phase == QLatin1String(kExporting) || phase == QLatin1String(kDownloading);
}

QString rangeText(qint64 fromMs, qint64 toMs) {
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs).toLocalTime();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs).toLocalTime();
    const QString end = from.date() == to.date() ? to.toString(QStringLiteral("HH:mm:ss"))
                                                 : to.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return from.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" \u2013 ") + end;
}

// File names from the server are made of the channel name and a time; keep them to one plain name.
QString safeFileName(const QString& suggested) {
    QString name = QFileInfo(suggested).fileName();
    name.replace(QRegularExpression(QStringLiteral("[^\\w .()+-]")), QStringLiteral("_"));
    return name.isEmpty() ? QStringLiteral("export.mp4") : name;
}

}  // namespace

ExportListModel::ExportListModel(core::client::PlaybackApi* api, QObject* parent)
    : QAbstractListModel(parent), m_api(api) {
    connect(api, &core::client::PlaybackApi::exportChanged, this, &ExportListModel::onJob);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ExportListModel::poll);
}

ExportListModel::~ExportListModel() {
    for (Row& row : m_rows) {
        delete row.download.data();
    }
}

int ExportListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> ExportListModel::roleNames() const {
    return {{IdRole, "exportId"},         {ChannelIdRole, "channelId"}, {ChannelNameRole, "channelName"},
            {RangeTextRole, "rangeText"}, {PhaseRole, "phase"},         {PhaseTextRole, "phaseText"},
            {ProgressRole, "progress"},   {SizeTextRole, "sizeText"},   {FilePathRole, "filePath"},
            {MessageRole, "message"},     {ActiveRole, "active"}};
}

QVariant ExportListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
        case IdRole:
            return row.id;
        case ChannelIdRole:
            return row.channelId;
        case ChannelNameRole:
            return row.channelName;
        case RangeTextRole:
            return rangeText(row.fromMs, row.toMs);
        case PhaseRole:
            return row.phase;
        case PhaseTextRole:
            if (row.phase == QLatin1String(kExporting)) {
                return tr("Exporting\u2026");
            }
            if (row.phase == QLatin1String(kDownloading)) {
                return tr("Downloading\u2026");
            }
            if (row.phase == QLatin1String(kDone)) {
                return tr("Saved");
            }
            if (row.phase == QLatin1String(kCancelled)) {
                return tr("Cancelled");
            }
            return tr("Failed");
        case ProgressRole:
            return row.progress;
        case SizeTextRole:
            return row.bytes > 0 ? QLocale().formattedDataSize(row.bytes) : QString();
        case FilePathRole:
            return row.filePath;
        case MessageRole:
            return row.message;
        case ActiveRole:
            return isActive(row.phase);
        default:
            return {};
    }
}

int ExportListModel::activeCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return isActive(row.phase); }));
}

void ExportListModel::setFolder(const QString& folder) {
    if (folder != m_folder) {
        m_folder = folder;
        emit folderChanged();
    }
}

int ExportListModel::indexOf(const QString& id) const {
    for (int i = 0; i < count(); ++i) {
        if (m_rows.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

void ExportListModel::changed(int row) {
    const QModelIndex at = index(row);
    emit dataChanged(at, at);
}

void ExportListModel::start(const QString& channelId, const QString& channelName, qint64 fromMs, qint64 toMs,
                            std::function<void(const QString&)> done) {
    core::model::ExportRequest request;
    request.channelId = channelId;
    request.fromMs = fromMs;
    request.toMs = toMs;
    m_api->startExport(request, [this, channelName, done = std::move(done)](core::Result<ExportJob> job) {
        if (!job) {
            done(job.error().message);
            return;
        }
        Row row;
        row.id = job->job.id;
        row.channelId = job->result.channelId;
        row.channelName = channelName;
        row.fromMs = job->result.fromMs;
        row.toMs = job->result.toMs;
        row.phase = QString::fromLatin1(kExporting);
        beginInsertRows({}, 0, 0);
        m_rows.prepend(row);
        endInsertRows();
        emit countChanged();
        qCInfo(lcApp).noquote() << "playback: export" << row.id << "of" << row.channelId << "started";
        m_poll.start();
        done({});
        onJob(job.value());  // it may have finished already (a short range)
    });
}

void ExportListModel::onJob(const ExportJob& job) {
    const int at = indexOf(job.job.id);
    if (at < 0 || m_rows.at(at).phase != QLatin1String(kExporting)) {
        return;
    }
    Row& row = m_rows[at];
    row.progress = job.job.progress;
    row.bytes = job.result.bytes;
    if (job.job.isRunning()) {
        changed(at);
        return;
    }
    if (job.succeeded()) {
        startDownload(at, job);
        return;
    }
    if (job.job.state == QLatin1String(Job::kCancelled)) {
        finish(at, QString::fromLatin1(kCancelled), job.job.message);
        return;
    }
    finish(at, QString::fromLatin1(kFailed), job.job.message);
}

QString ExportListModel::freeFileName(const QString& suggested) const {
    const QString name = safeFileName(suggested);
    const QDir dir(m_folder);
    if (!dir.exists(name)) {
        return dir.filePath(name);
    }
    const QFileInfo info(name);
    for (int n = 2;; ++n) {
        const QString candidate =
            QStringLiteral("%1 (%2).%3").arg(info.completeBaseName(), QString::number(n), info.suffix());
        if (!dir.exists(candidate)) {
            return dir.filePath(candidate);
        }
    }
}

void ExportListModel::startDownload(int at, const ExportJob& job) {
    Row& row = m_rows[at];
    row.phase = QString::fromLatin1(kDownloading);
    row.progress = 0;
    row.filePath = freeFileName(job.result.fileName);
    auto* download = m_api->downloadExport(job, row.filePath);
    download->setParent(this);
    row.download = download;
    const QString id = row.id;
    const qint64 total = job.result.bytes;
    connect(download, &core::client::FileDownload::progress, this, [this, id, total](qint64 received, qint64 size) {
        const int i = indexOf(id);
        const qint64 whole = size > 0 ? size : total;
        if (i >= 0 && whole > 0) {
            m_rows[i].progress = static_cast<double>(received) / static_cast<double>(whole);
            changed(i);
        }
    });
    connect(download, &core::client::FileDownload::finished, this, [this, id, download](const core::Status& status) {
        download->deleteLater();
        const int i = indexOf(id);
        if (i < 0) {
            return;
        }
        if (status) {
            // The local copy is the user's now; the server's would only wait an hour to go.
            m_api->deleteExport(id, [](const core::Status&) {});
            finish(i, QString::fromLatin1(kDone), {});
            return;
        }
        const bool cancelled = status.error().code == QLatin1String("cancelled");
        finish(i, QString::fromLatin1(cancelled ? kCancelled : kFailed), status.error().message);
    });
    changed(at);
    download->start();
}

void ExportListModel::finish(int at, const QString& phase, const QString& message) {
    Row& row = m_rows[at];
    row.phase = phase;
    row.message = message;
    if (phase == QLatin1String(kDone)) {
        row.progress = 1;
    } else {
        row.filePath.clear();
    }
    changed(at);
    emit countChanged();
    qCInfo(lcApp).noquote() << "playback: export" << row.id << phase << message;
    emit finished(row.id, phase, message);
    if (activeCount() == 0) {
        m_poll.stop();
    }
}

void ExportListModel::cancel(const QString& id) {
    const int at = indexOf(id);
    if (at < 0 || !isActive(m_rows.at(at).phase)) {
        return;
    }
    Row& row = m_rows[at];
    m_api->deleteExport(id, [](const core::Status&) {});
    if (row.phase == QLatin1String(kDownloading) && row.download) {
        row.download->cancel();  // finishes the row as cancelled
        return;
    }
    // The server's answer comes as a media.export push (or the next poll); say it at once.
    finish(at, QString::fromLatin1(kCancelled), tr("Cancelled."));
}

void ExportListModel::cancelAll() {
    QStringList active;
    for (const Row& row : std::as_const(m_rows)) {
        if (isActive(row.phase)) {
            active << row.id;
        }
    }
    for (const QString& id : active) {
        cancel(id);
    }
}

void ExportListModel::remove(const QString& id) {
    const int at = indexOf(id);
    if (at < 0 || isActive(m_rows.at(at).phase)) {
        return;
    }
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    emit countChanged();
}

QString ExportListModel::filePath(const QString& id) const {
    const int at = indexOf(id);
    return at < 0 ? QString() : m_rows.at(at).filePath;
}

void ExportListModel::clear() {
    m_poll.stop();
    beginResetModel();
    for (Row& row : m_rows) {
        delete row.download.data();
    }
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

void ExportListModel::poll() {
    for (const Row& row : std::as_const(m_rows)) {
        if (row.phase != QLatin1String(kExporting)) {
            continue;
        }
        m_api->fetchExport(row.id, [this](core::Result<ExportJob> job) {
            if (job) {
                onJob(job.value());
            }
        });
    }
}

}  // namespace vigil::app
