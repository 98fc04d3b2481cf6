#pragma once
// PlaybackApi: the client side of playback (VID-2) over an ApiClient's connection and session:
// recorded periods and gaps of a channel for the timeline (GET /api/v1/recording/channels/{id}/periods)
// and exports of a time range to MP4 as jobs (/api/v1/media/exports), whose progress the server
// pushes as "media.export" over the event WebSocket (exportChanged). Finished exports are fetched
// to a local file with downloadExport() (client/file_download.h).
// Lives on the ApiClient's thread; callbacks run there.

#include <QObject>
#include <QPointer>

#include "client/api_client.h"
#include "model/playback_model.h"

namespace vigil::core::client {

class FileDownload;

class PlaybackApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit PlaybackApi(ApiClient* client, QObject* parent = nullptr);

    ApiClient* client() const { return m_client; }

    // `stream` is "main" or "sub"; [fromMs, toMs) at most 366 days (the server refuses more).
    void fetchPeriods(const QString& channelId, qint64 fromMs, qint64 toMs, const QString& stream,
                      Callback<model::RecordedPeriods> done);

    // Starts an export job (needs the `export` permission); the answer is the running job.
    void startExport(const model::ExportRequest& request, Callback<model::ExportJob> done);
    void fetchExports(Callback<QList<model::ExportJob>> done);  // the caller's own, newest first
    void fetchExport(const QString& id, Callback<model::ExportJob> done);
    // Cancels a running export (its part file goes) or deletes a finished one and its file.
    void deleteExport(const QString& id, ApiClient::StatusCallback done);

    // Fetches a finished export's MP4 into `filePath` (through "<filePath>.part", renamed when
    // complete). The returned download reports progress and its end; it belongs to the caller.
    FileDownload* downloadExport(const model::ExportJob& job, const QString& filePath);

signals:
    // A media.export push: one of this session's exports moved, finished, failed or was cancelled.
    void exportChanged(const vigil::core::model::ExportJob& job);

private:
    void onPush(const model::PushMessage& message);

    QPointer<ApiClient> m_client;
};

}  // namespace vigil::core::client

Q_DECLARE_METATYPE(vigil::core::model::ExportJob)
