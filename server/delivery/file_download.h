#pragma once
// FileDownload: sends a file over a StreamingResponse (Content-Length, optional
// Content-Disposition) a piece at a time as the connection drains, so a large export never sits in
// memory and a slow client only holds one piece. Answers one byte range ("Range: bytes=a-b",
// 206) so players can seek and downloads can resume; other range forms get the whole file.
// Deletes itself when the answer ends.

#include <QFile>
#include <QObject>

#include "http/streaming_response.h"

namespace vigil::server {

class FileDownload : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kPieceBytes = 256 * 1024;
    static constexpr qint64 kHighWaterBytes = 1024 * 1024;

    // Opens `path` and starts the answer (the part `range`, the request's Range header, asks for);
    // false (nothing written) when the file cannot be read.
    static bool start(StreamingResponse* response, const QString& path, const QByteArray& contentType,
                      const StreamingResponse::Headers& headers, const QByteArray& range, QObject* parent);

signals:
    void finished();

private:
    FileDownload(StreamingResponse* response, QObject* parent);
    void pump();

    StreamingResponse* const m_response;  // a child
    QFile m_file;
    qint64 m_left = 0;  // bytes of the answer still to read from the file
};

}  // namespace vigil::server
