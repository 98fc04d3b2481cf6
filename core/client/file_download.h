#pragma once
// FileDownload: one GET of a large body (an export's MP4) through an ApiClient's pinned TLS and
// session, written to a local file as it arrives, never held in memory. It writes "<file>.part" and
// renames it when the body is complete, so a failed or cancelled download leaves nothing half-made
// under the real name; an existing file of that name is replaced only then.

#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrlQuery>

#include "client/api_client.h"

namespace vigil::core::client {

class FileDownload : public QObject {
    Q_OBJECT
public:
    // `path` is the API path (e.g. /api/v1/media/exports/<id>/file). Nothing happens before start().
    FileDownload(ApiClient* client, QString path, QString filePath, QObject* parent = nullptr);
    ~FileDownload() override;

    // The query of the GET (a report's ?run=); set before start().
    void setQuery(const QUrlQuery& query) { m_query = query; }
    void start();
    // Stops the transfer and removes the part file; finished() follows with a "cancelled" error.
    void cancel();

    QString filePath() const { return m_filePath; }
    qint64 receivedBytes() const { return m_received; }
    qint64 totalBytes() const { return m_total; }  // -1 while unknown
    bool isRunning() const { return m_reply != nullptr; }

signals:
    void progress(qint64 receivedBytes, qint64 totalBytes);
    // Once: success (the file is complete under filePath()) or why not.
    void finished(const vigil::core::Status& status);

private:
    void onReadyRead();
    void onFinished();
    void stop();
    void end(Status status);

    QPointer<ApiClient> m_client;
    QString m_path;
    QUrlQuery m_query;
    QString m_filePath;
    QFile m_part;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    qint64 m_received = 0;
    qint64 m_total = -1;
    bool m_ended = false;
};

}  // namespace vigil::core::client

Q_DECLARE_METATYPE(vigil::core::Status)
