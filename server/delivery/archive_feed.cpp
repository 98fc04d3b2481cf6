#include "delivery/archive_feed.h"

#include <QDateTime>
#include <limits>

#include "delivery/delivery_logging.h"
#include "media/stream_reader.h"

namespace vigil::server {

using core::media::MediaPacket;
using core::media::PacketPtr;
namespace readfailure = core::media::readfailure;

namespace {

QString utcText(qint64 us) {
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

}  // namespace

ArchiveFeed::ArchiveFeed(Request request, std::shared_ptr<PacketQueue> queue)
    : m_request(std::move(request)), m_queue(std::move(queue)) {
    m_thread = std::thread([this] { run(); });
}

ArchiveFeed::~ArchiveFeed() {
    m_stop.store(true);
    m_queue->close();  // a reader waiting for room lets go
    {
        std::lock_guard lock(m_mutex);
        m_wake.notify_all();
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool ArchiveFeed::waitUntil(std::chrono::steady_clock::time_point when) {
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_until(lock, when, [this] { return m_stop.load(); });
}

void ArchiveFeed::run() {
    core::media::ArchiveReader reader(m_request.segments);
    const auto nothingRecorded = [this] {
        m_queue->ended(QStringLiteral("nothing_recorded"),
                       QStringLiteral("Nothing is recorded on this channel between %1 and %2 (UTC). The channel's "
                                      "recorded periods show what there is.")
                           .arg(utcText(m_request.fromUs), utcText(m_request.toUs)));
    };
    if (core::Status sought = reader.seek(m_request.fromUs); !sought) {
        if (sought.error().code == readfailure::kEndOfStream) {
            nothingRecorded();
        } else {
            m_queue->ended(sought.error().code, sought.error().message);
        }
        return;
    }
    const auto wallStart = std::chrono::steady_clock::now();
    qint64 shiftUs = 0;  // how much earlier packets go out than recorded, after skipped gaps
    qint64 lastDtsUs = std::numeric_limits<qint64>::min();
    bool started = false;
    while (!m_stop.load()) {
        auto read = reader.read();
        if (!read) {
            if (read.error().code != readfailure::kEndOfStream) {
                m_queue->ended(read.error().code, read.error().message);
            } else if (!started) {
                nothingRecorded();
            } else {
                m_queue->ended();
            }
            return;
        }
        const PacketPtr& recorded = read.value();
        if (recorded->dtsUs >= m_request.toUs) {
            if (started) {
                m_queue->ended();
            } else {
                nothingRecorded();
            }
            return;
        }
        if (reader.takeInfoChanged() || !started) {
            m_queue->started(reader.info());
            started = true;
        }
        if (lastDtsUs != std::numeric_limits<qint64>::min() && recorded->dtsUs - lastDtsUs > kGapUs &&
            recorded->dtsUs > m_request.fromUs) {
            shiftUs += recorded->dtsUs - lastDtsUs - kAfterGapUs;
        }
        lastDtsUs = std::max(lastDtsUs, recorded->dtsUs);
        PacketPtr packet = recorded;
        if (shiftUs > 0) {
            auto moved = std::make_shared<MediaPacket>(*recorded);  // the bytes stay shared
            moved->dtsUs -= shiftUs;
            moved->ptsUs -= shiftUs;
            packet = std::move(moved);
        }
        if (m_request.speed > 0 && recorded->dtsUs > m_request.fromUs) {
            const double mediaUs = static_cast<double>(recorded->dtsUs - shiftUs - m_request.fromUs);
            const auto due = wallStart + std::chrono::microseconds(static_cast<qint64>(mediaUs / m_request.speed));
            if (!waitUntil(due)) {
                return;
            }
        }
        m_queue->packet(packet);  // Wait policy: holds here while the client is behind
    }
}

}  // namespace vigil::server
