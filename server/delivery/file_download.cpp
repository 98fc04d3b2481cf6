#include "delivery/file_download.h"

namespace vigil::server {

FileDownload::FileDownload(StreamingResponse* response, QObject* parent) : QObject(parent), m_response(response) {
    response->setParent(this);
    connect(response, &StreamingResponse::drained, this, &FileDownload::pump);
    connect(response, &StreamingResponse::closed, this, [this] {
        emit finished();
        deleteLater();
    });
}

bool FileDownload::start(StreamingResponse* response, const QString& path, const QByteArray& contentType,
                         const StreamingResponse::Headers& headers, QObject* parent) {
    auto* download = new FileDownload(response, parent);
    download->m_file.setFileName(path);
    if (!download->m_file.open(QIODevice::ReadOnly)) {
        response->setParent(nullptr);
        delete download;
        return false;
    }
    response->begin(QHttpServerResponder::StatusCode::Ok, contentType, download->m_file.size(), headers);
    download->pump();
    return true;
}

void FileDownload::pump() {
    while (m_response->isOpen() && m_response->pendingBytes() < kHighWaterBytes) {
        const QByteArray piece = m_file.read(kPieceBytes);
        if (piece.isEmpty()) {
            m_response->finish();
            return;
        }
        m_response->write(piece);
    }
}

}  // namespace vigil::server
