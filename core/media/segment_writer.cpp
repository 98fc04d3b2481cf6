#include "media/segment_writer.h"

#include <QFile>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "media/packet_muxer.h"

namespace vigil::core::media {

namespace {

Error writeError(const QString& path, const QString& detail) {
    return Error::make(QStringLiteral("segment_write_failed"),
                       QStringLiteral("Cannot write the recording file %1 (%2). Check the storage location's "
                                      "free space and permissions.")
                           .arg(path, detail));
}

// The muxer's own failures named for this file; the file sink's come already named.
Error named(const QString& path, const Error& error) {
    return error.code == PacketMuxer::kFailed ? writeError(path, error.message) : error;
}

}  // namespace

// Our own file behind the muxer: opened O_EXCL (never overwrite a recording) and kept as a
// descriptor so finish() can fdatasync it; FFmpeg's file protocol offers neither.
struct SegmentWriter::Private {
    int fd = -1;
    std::unique_ptr<PacketMuxer> muxer;
    bool open = false;

    ~Private() {
        muxer.reset();
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

bool SegmentWriter::canStore(const TrackInfo& track) {
    return PacketMuxer::canCarry(PacketMuxer::Format::MpegTs, track);
}

Result<std::unique_ptr<SegmentWriter>> SegmentWriter::create(const QString& path, const StreamInfo& info,
                                                             qint64 baseUs) {
    std::unique_ptr<SegmentWriter> writer(new SegmentWriter());
    writer->m_path = path;
    writer->m_baseUs = baseUs;
    writer->m_lastFlushUs = baseUs;
    writer->d = std::make_unique<Private>();
    Private& d = *writer->d;

    d.fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (d.fd < 0) {
        return writeError(path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    const int fd = d.fd;
    auto toFile = [fd, path](QByteArrayView bytes) -> Status {
        const char* data = bytes.data();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
            if (written < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return writeError(path, QString::fromLocal8Bit(std::strerror(errno)));
            }
            data += written;
            left -= written;
        }
        return {};
    };
    PacketMuxer::Options options;
    options.format = PacketMuxer::Format::MpegTs;
    options.originUs = baseUs;
    options.offsetUs = kFileOffsetUs;
    auto muxer = PacketMuxer::toSink(toFile, info, options);
    if (!muxer) {
        if (muxer.error().code == PacketMuxer::kNoTracks) {
            return Error::make(QStringLiteral("segment_no_tracks"),
                               QStringLiteral("Nothing of this stream can be recorded: %1.").arg(muxer.error().message));
        }
        return named(path, muxer.error());
    }
    d.muxer = std::move(muxer.value());
    writer->m_skipped = d.muxer->skippedTracks();
    d.open = true;
    writer->m_summary.startUs = -1;
    return writer;
}

SegmentWriter::~SegmentWriter() {
    if (d && d->open) {
        (void)finish();
    }
}

Status SegmentWriter::write(const PacketPtr& packet) {
    if (!d || !d->open) {
        return writeError(m_path, QStringLiteral("the segment is already closed"));
    }
    PacketMuxer::Placement placed;
    const Status written = d->muxer->write(packet, &placed);
    m_skipped = d->muxer->skippedTracks();
    if (!written) {
        return named(m_path, written.error());
    }
    if (!placed.stored) {
        return {};
    }
    // The index says what the file says: times as written (90 kHz), read back as a scan would.
    const qint64 endUs = placed.dtsUs + std::max<qint64>(packet->durationUs, 0);
    if (placed.videoKeyframe) {
        m_summary.keyframes.append(KeyframeEntry{placed.dtsUs, placed.byteOffset});
    }
    if (m_summary.startUs < 0 || placed.dtsUs < m_summary.startUs) {
        m_summary.startUs = placed.dtsUs;  // the earliest in the file: sound may precede the keyframe
    }
    m_summary.endUs = std::max(m_summary.endUs, endUs);
    ++m_summary.packets;
    if (packet->dtsUs - m_lastFlushUs >= kFlushIntervalUs) {
        m_lastFlushUs = packet->dtsUs;
        if (Status flushed = flush(); !flushed) {
            return flushed;
        }
    }
    m_summary.bytes = d->muxer->position();
    return {};
}

Status SegmentWriter::flush() {
    // Empties the muxer's pending audio PES, then its I/O buffer: after this the kernel has it all.
    const Status flushed = d->muxer->flush();
    return flushed ? flushed : Status(named(m_path, flushed.error()));
}

Result<SegmentSummary> SegmentWriter::finish() {
    if (!d || !d->open) {
        return writeError(m_path, QStringLiteral("the segment is already closed"));
    }
    d->open = false;
    const Status finished = d->muxer->finish();
    m_summary.bytes = d->muxer->position();
    const bool synced = ::fdatasync(d->fd) == 0;
    const QString syncError = synced ? QString() : QString::fromLocal8Bit(std::strerror(errno));
    const bool closed = ::close(d->fd) == 0;
    d->fd = -1;
    if (!finished) {
        return named(m_path, finished.error());
    }
    if (!synced || !closed) {
        return writeError(m_path, syncError.isEmpty() ? QStringLiteral("close failed") : syncError);
    }
    if (m_summary.startUs < 0) {
        m_summary.startUs = m_baseUs;
        m_summary.endUs = m_baseUs;
    }
    return m_summary;
}

}  // namespace vigil::core::media
