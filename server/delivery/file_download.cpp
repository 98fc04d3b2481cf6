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

namespace {

// "bytes=a-b", "bytes=a-" or "bytes=-n" within a file of `size`; nullopt for anything else (the
// whole file is sent then, which RFC 9110 allows).
std::optional<std::pair<qint64, qint64>> byteRange(const QByteArray& header, qint64 size) {
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes=") || value.contains(',') || size <= 0) {
        return std::nullopt;
    }
    const QByteArray spec = value.mid(6);
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0) {
        return std::nullopt;
    }
    bool firstOk = false;
    bool lastOk = false;
    const qint64 first = spec.left(dash).toLongLong(&firstOk);
    const qint64 last = spec.mid(dash + 1).toLongLong(&lastOk);
    if (dash == 0 && lastOk && last > 0) {
        return std::pair{std::max<qint64>(0, size - last), size - 1};  // the last n bytes
    }
    if (!firstOk || first < 0 || first >= size) {
        return std::nullopt;
    }
    if (dash + 1 == spec.size()) {
        return std::pair{first, size - 1};
    }
    return lastOk && last >= first ? std::optional(std::pair{first, std::min(last, size - 1)}) : std::nullopt;
}

}  // namespace

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
    if (const auto part = byteRange(range, size); part && download->m_file.seek(part->first)) {
        download->m_left = part->second - part->first + 1;
        head.append({QByteArrayLiteral("Content-Range"),
                     QStringLiteral("bytes %1-%2/%3").arg(part->first).arg(part->second).arg(size).toLatin1()});
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
