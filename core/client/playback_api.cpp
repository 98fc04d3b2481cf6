#include "client/playback_api.h"

#include <QJsonDocument>

#include "client/file_download.h"
#include "client/json_reply.h"
#include "common/logging.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;

QString encoded(const QString& id) {
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString exportPath(const QString& id) {
    return QStringLiteral("/api/v1/media/exports/") + encoded(id);
}

Error notConnected() {
    return Error::make(QStringLiteral("client_not_connected"),
                       QStringLiteral("The connection to the server is gone. Sign in again."));
}

}  // namespace

PlaybackApi::PlaybackApi(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {
    qRegisterMetaType<model::ExportJob>();
    connect(client, &ApiClient::pushReceived, this, &PlaybackApi::onPush);
}

void PlaybackApi::onPush(const model::PushMessage& message) {
    if (message.type != QLatin1String(model::ExportJob::kPushType)) {
        return;
    }
    Result<model::ExportJob> job = model::ExportJob::fromJson(message.data);
    if (!job) {
        qCWarning(lcClient).noquote() << "ignored a media.export push:" << job.error().message;
        return;
    }
    emit exportChanged(job.value());
}

void PlaybackApi::fetchPeriods(const QString& channelId, qint64 fromMs, qint64 toMs, const QString& stream,
                               Callback<model::RecordedPeriods> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    Request request(Method::Get, QStringLiteral("/api/v1/recording/channels/%1/periods").arg(encoded(channelId)));
    request.query.addQueryItem(QStringLiteral("from"), QString::number(fromMs));
    request.query.addQueryItem(QStringLiteral("to"), QString::number(toMs));
    if (!stream.isEmpty()) {
        request.query.addQueryItem(QStringLiteral("stream"), stream);
    }
    m_client->sendJson(request, [done = std::move(done)](Result<QJsonDocument> answer) {
        done(parseObject<model::RecordedPeriods>(answer));
    });
}

void PlaybackApi::startExport(const model::ExportRequest& export_, Callback<model::ExportJob> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Post, QStringLiteral("/api/v1/media/exports"), export_.toJson()),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseObject<model::ExportJob>(answer));
                       });
}

void PlaybackApi::fetchExports(Callback<QList<model::ExportJob>> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Get, QStringLiteral("/api/v1/media/exports")),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseList<model::ExportJob>(answer, QStringLiteral("jobs")));
                       });
}

void PlaybackApi::fetchExport(const QString& id, Callback<model::ExportJob> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Get, exportPath(id)), [done = std::move(done)](Result<QJsonDocument> answer) {
        done(parseObject<model::ExportJob>(answer));
    });
}

void PlaybackApi::deleteExport(const QString& id, ApiClient::StatusCallback done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendStatus(Request(Method::Delete, exportPath(id)), std::move(done));
}

FileDownload* PlaybackApi::downloadExport(const model::ExportJob& job, const QString& filePath) {
    // The result names the file's path once the job succeeded; before that the route answers 409.
    const QString path = job.result.download.isEmpty() ? exportPath(job.job.id) + QStringLiteral("/file")
                                                       : job.result.download;
    return new FileDownload(m_client, path, filePath);
}

}  // namespace vigil::core::client
