#pragma once
// ExportListModel: the Playback page's exports (VID-2), newest first. Each is a server export job
// (PlaybackApi) followed by the download of its MP4 into the local exports folder; the row shows the
// phase and its progress, and can be cancelled in either phase (the server job is cancelled, or the
// download stopped and its part file removed) and opened once done.
//
// Phases: "exporting" (the server writes the MP4), "downloading", "done" (filePath is the local
// file), "failed" (message says why), "cancelled". The server's copy is deleted once downloaded.
// Lives on the GUI thread.

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include "client/playback_api.h"

namespace vigil::core::client {
class FileDownload;
}

namespace vigil::app {

class ExportListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY countChanged)
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ChannelIdRole,
        ChannelNameRole,
        RangeTextRole,
        PhaseRole,
        PhaseTextRole,
        ProgressRole,
        SizeTextRole,
        FilePathRole,
        MessageRole,
        ActiveRole,
    };

    static constexpr int kPollMs = 3000;  // in case a media.export push is missed

    ExportListModel(core::client::PlaybackApi* api, QObject* parent = nullptr);
    ~ExportListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int activeCount() const;
    QString folder() const { return m_folder; }
    void setFolder(const QString& folder);

    // Starts the export of [fromMs, toMs) of a channel; `done` gets "" or the server's reason.
    void start(const QString& channelId, const QString& channelName, qint64 fromMs, qint64 toMs,
               std::function<void(const QString& problem)> done);
    Q_INVOKABLE void cancel(const QString& id);
    Q_INVOKABLE void cancelAll();
    Q_INVOKABLE void remove(const QString& id);  // a finished row out of the list (the file stays)
    Q_INVOKABLE QString filePath(const QString& id) const;
    // Stops every download and forgets every row (sign-out); server jobs end with the session.
    void clear();

signals:
    void countChanged();
    void folderChanged();
    // A row reached done/failed/cancelled (for logs and tests).
    void finished(const QString& id, const QString& phase, const QString& message);

private:
    struct Row {
        QString id;
        QString channelId;
        QString channelName;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QString phase;
        double progress = 0;
        qint64 bytes = 0;
        QString filePath;
        QString message;
        QPointer<core::client::FileDownload> download;
    };

    int indexOf(const QString& id) const;
    void changed(int row);
    void onJob(const core::model::ExportJob& job);
    void startDownload(int row, const core::model::ExportJob& job);
    void finish(int row, const QString& phase, const QString& message);
    void poll();
    QString freeFileName(const QString& suggested) const;

    QPointer<core::client::PlaybackApi> m_api;
    QList<Row> m_rows;
    QString m_folder;
    QTimer m_poll;
};

}  // namespace vigil::app
