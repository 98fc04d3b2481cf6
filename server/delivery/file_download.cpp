#include "delivery/file_download.h"

#include "net/byte_range.h"

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
                         const StreamingResponse::Headers& headers, const QByteArray& range, QObject* parent) {
    auto* download = new FileDownload(response, parent);
    download->m_file.setFileName(path);
    if (!download->m_file.open(QIODevice::ReadOnly)) {
        response->setParent(nullptr);
        delete download;
        return false;
    }
    const qint64 size = download->m_file.size();
    StreamingResponse::Headers head = headers;
    head.append({QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
    if (const auto part = core::net::ByteRange::parse(range, size); part && download->m_file.seek(part->first)) {
        download->m_left = part->length();
        head.append({QByteArrayLiteral("Content-Range"),
                     QStringLiteral("bytes %1-%2/%3").arg(part->first).arg(part->last).arg(size).toLatin1()});
        response->begin(QHttpServerResponder::StatusCode::PartialContent, contentType, download->m_left, head);
    } else {
        download->m_left = size;
        response->begin(QHttpServerResponder::StatusCode::Ok, contentType, size, head);
    }
    download->pump();
    return true;
}

void FileDownload::pump() {
    while (m_response->isOpen() && m_response->pendingBytes() < kHighWaterBytes) {
        const QByteArray piece = m_left > 0 ? m_file.read(std::min(kPieceBytes, m_left)) : QByteArray();
        if (piece.isEmpty()) {
            m_response->finish();
            return;
        }
        m_left -= piece.size();
        m_response->write(piece);
    }
}

}  // namespace vigil::server
