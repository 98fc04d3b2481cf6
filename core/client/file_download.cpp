#include "client/file_download.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>

#include "common/logging.h"

namespace vigil::core::client {

namespace {

QString partPath(const QString& filePath) {
    return filePath + QStringLiteral(".part");
}

}  // namespace

FileDownload::FileDownload(ApiClient* client, QString path, QString filePath, QObject* parent)
    : QObject(parent), m_client(client), m_path(std::move(path)), m_filePath(std::move(filePath)) {
    qRegisterMetaType<Status>();
}

FileDownload::~FileDownload() {
    if (m_reply || m_part.isOpen()) {
        stop();
    }
}

void FileDownload::start() {
    if (m_reply || m_ended) {
        return;
    }
    if (!m_client) {
        end(Error::make(QStringLiteral("client_not_connected"),
                        QStringLiteral("The connection to the server is gone. Sign in again and retry.")));
        return;
    }
    const QFileInfo target(m_filePath);
    if (!QDir().mkpath(target.absolutePath())) {
        end(Error::make(QStringLiteral("download_folder"),
                        QStringLiteral("Cannot make the folder %1. Choose a folder you may write to.")
                            .arg(target.absolutePath())));
        return;
    }
    m_part.setFileName(partPath(m_filePath));
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        end(Error::make(QStringLiteral("download_file"),
                        QStringLiteral("Cannot write %1 (%2). Choose a folder you may write to.")
                            .arg(m_part.fileName(), m_part.errorString())));
        return;
    }
    ApiClient::Request request(ApiClient::Method::Get, m_path);
    request.accept = "*/*";
    request.query = m_query;
    m_reply = m_client->startRequest(request);
    if (!m_reply) {
        stop();
        end(m_client->notReadyError().value_or(Error()));
        return;
    }
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::onFinished);
}

void FileDownload::onReadyRead() {
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        return;  // an error body: read whole in onFinished for its message
    }
    if (m_total < 0 && m_reply->header(QNetworkRequest::ContentLengthHeader).isValid()) {
        m_total = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    }
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty()) {
        return;
    }
    if (m_part.write(chunk) != chunk.size()) {
        const QString problem = m_part.errorString();
        stop();
        end(Error::make(QStringLiteral("download_file"),
                        QStringLiteral("Writing %1 failed (%2). Free some space or choose another folder.")
                            .arg(m_filePath, problem)));
        return;
    }
    m_received += chunk.size();
    emit progress(m_received, m_total);
}

void FileDownload::onFinished() {
    if (m_reply->error() != QNetworkReply::NoError) {
        const Error error = m_client ? m_client->replyError(m_reply, m_sslErrors)
                                     : Error::make(QStringLiteral("download_failed"), m_reply->errorString());
        stop();
        end(error);
        return;
    }
    onReadyRead();  // what came with the end
    if (m_ended) {
        return;
    }
    m_reply->deleteLater();
    m_reply = nullptr;
    if (!m_part.flush()) {
        stop();
        end(Error::make(QStringLiteral("download_file"),
                        QStringLiteral("Writing %1 failed. Free some space or choose another folder.").arg(m_filePath)));
        return;
    }
    m_part.close();
    QFile::remove(m_filePath);
    if (!m_part.rename(m_filePath)) {
        const QString problem = m_part.errorString();
        m_part.remove();
        end(Error::make(QStringLiteral("download_file"),
                        QStringLiteral("Cannot name the downloaded file %1 (%2). Choose another folder.")
                            .arg(m_filePath, problem)));
        return;
    }
    end(Status());
}

// Drops the transfer and the part file.
void FileDownload::stop() {
    if (QNetworkReply* reply = m_reply.data(); reply != nullptr) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_part.isOpen()) {
        m_part.close();
    }
    m_part.remove();
}

void FileDownload::cancel() {
    if (m_ended) {
        return;
    }
    stop();
    end(Error::make(QStringLiteral("cancelled"), QStringLiteral("The download was cancelled.")));
}

void FileDownload::end(Status status) {
    if (m_ended) {
        return;
    }
    m_ended = true;
    if (!status) {
        qCWarning(lcClient).noquote() << "download of" << m_path << "failed:" << status.error().message;
    }
    emit finished(status);
}

}  // namespace vigil::core::client
