#include "delivery/export_writer.h"

#include <QDateTime>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include "media/packet_muxer.h"
#include "media/stream_reader.h"

namespace vigil::server {

using core::Error;
using core::media::PacketMuxer;
namespace readfailure = core::media::readfailure;

namespace {

constexpr double kProgressStep = 0.01;  // report at each percent at most

Error exportFailed(const QString& detail) {
    return Error::make(QStringLiteral("export_failed"),
                       QStringLiteral("The export could not be written (%1). Check the server's free disk space "
                                      "and try again.")
                           .arg(detail));
}

Error nothingRecorded() {
    return Error::make(QStringLiteral("nothing_recorded"),
                       QStringLiteral("Nothing is recorded on this channel in the requested range. The channel's "
                                      "recorded periods show what there is."));
}

Error cancelled() {
    return Error::make(QStringLiteral("cancelled"), QStringLiteral("The export was cancelled."));
}

core::Result<ExportSummary> write(const ExportRequest& request, const core::Cancellation& cancel,
                                  const ExportWriter::Progress& progress) {
    core::media::ArchiveReader reader(request.segments);
    if (core::Status sought = reader.seek(request.fromUs); !sought) {
        return sought.error().code == readfailure::kEndOfStream ? nothingRecorded() : sought.error();
    }
    std::unique_ptr<PacketMuxer> muxer;
    ExportSummary summary;
    double reported = -1;
    QElapsedTimer elapsed;
    elapsed.start();
    while (!cancel.isCancelled()) {
        if (request.bytesPerSecond > 0 && muxer) {
            // Rate limit: wait (checking the cancellation) until the bytes written are due.
            const qint64 dueMs = muxer->position() * 1000 / request.bytesPerSecond;
            while (elapsed.elapsed() < dueMs && !cancel.isCancelled()) {
                QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, dueMs - elapsed.elapsed())));
            }
        }
        auto read = reader.read();
        if (!read) {
            if (read.error().code != readfailure::kEndOfStream) {
                return read.error();
            }
            break;
        }
        const core::media::PacketPtr& packet = read.value();
        if (packet->dtsUs >= request.toUs) {
            break;
        }
        if (!muxer) {
            PacketMuxer::Options options;
            options.format = PacketMuxer::Format::Mp4;
            options.originUs = packet->dtsUs;  // the file starts at its first picture
            options.interleave = true;
            options.metadata = {
                {QStringLiteral("creation_time"),
                 QDateTime::fromMSecsSinceEpoch(packet->dtsUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs)},
                {QStringLiteral("title"), request.title},
                {QStringLiteral("comment"), QStringLiteral("Vigil export, UTC %1 to %2")
                                                .arg(QDateTime::fromMSecsSinceEpoch(request.fromUs / 1000, Qt::UTC)
                                                         .toString(Qt::ISODateWithMs),
                                                     QDateTime::fromMSecsSinceEpoch(request.toUs / 1000, Qt::UTC)
                                                         .toString(Qt::ISODateWithMs))},
            };
            auto made = PacketMuxer::toFile(request.path, reader.info(), options);
            if (!made) {
                return exportFailed(made.error().message);
            }
            muxer = std::move(made.value());
            summary.startUs = packet->dtsUs;
            const int video = reader.info().videoTrack();
            summary.videoCodec = video >= 0 ? reader.info().tracks[video].codec : QString();
        }
        if (core::Status written = muxer->write(packet); !written) {
            return exportFailed(written.error().message);
        }
        ++summary.packets;
        summary.endUs = std::max(summary.endUs, packet->dtsUs + std::max<qint64>(packet->durationUs, 0));
        const double share = static_cast<double>(packet->dtsUs - summary.startUs) /
                             static_cast<double>(std::max<qint64>(1, request.toUs - summary.startUs));
        if (progress && share - reported >= kProgressStep) {
            reported = share;
            progress(std::min(share, 0.99), muxer->position());
        }
    }
    if (cancel.isCancelled()) {
        return cancelled();
    }
    if (!muxer) {
        return nothingRecorded();
    }
    if (core::Status finished = muxer->finish(); !finished) {
        return exportFailed(finished.error().message);
    }
    muxer.reset();
    summary.bytes = QFileInfo(request.path).size();
    return summary;
}

}  // namespace

core::Result<ExportSummary> ExportWriter::run(const ExportRequest& request, const core::Cancellation& cancel,
                                              const Progress& progress) {
    auto result = write(request, cancel, progress);
    if (!result) {
        QFile::remove(request.path);  // nothing half-written stays behind
    }
    return result;
}

}  // namespace vigil::server
