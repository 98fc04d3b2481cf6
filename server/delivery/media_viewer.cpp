#include "delivery/media_viewer.h"

#include <QDateTime>
#include <algorithm>

#include "delivery/delivery_errors.h"
#include "delivery/delivery_logging.h"
#include "http/streaming_response.h"

namespace vigil::server {

using core::media::PacketMuxer;
using core::media::PacketPtr;
using StatusCode = QHttpServerResponse::StatusCode;

void LatencyRecorder::add(qint64 us) {
    if (m_samples.size() < kCapacity) {
        m_samples.push_back(us);
    } else {
        m_samples[m_next] = us;
        m_next = (m_next + 1) % kCapacity;
    }
    ++m_total;
}

qint64 LatencyRecorder::quantile(double q) const {
    if (m_samples.empty()) {
        return -1;
    }
    std::vector<qint64> sorted = m_samples;
    const auto index = static_cast<size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(index), sorted.end());
    return sorted[index];
}

void LatencyRecorder::clear() {
    m_samples.clear();
    m_next = 0;
    m_total = 0;
}

MediaViewer::MediaViewer(Description description, StreamingResponse* response, PacketQueue::Overflow overflow,
                         PacketQueue::Limits queueLimits, Limits limits, LatencyRecorder* latency, QObject* parent)
    : QObject(parent),
      m_description(std::move(description)),
      m_response(response),
      m_queue(std::make_shared<PacketQueue>(overflow, queueLimits, [this] { wake(); })),
      m_limits(limits),
      m_latency(latency) {
    m_createdMs = QDateTime::currentMSecsSinceEpoch();
    response->setParent(this);
    response->limitKernelBuffer(m_limits.kernelSendBufferBytes);
    connect(response, &StreamingResponse::drained, this, &MediaViewer::onDrained);
    connect(response, &StreamingResponse::closed, this, &MediaViewer::done);
}

MediaViewer::~MediaViewer() {
    // The producer first: a closed queue releases a waiting archive reader, then the feed goes
    // (unsubscribed / thread joined), so nothing calls wake() on a viewer being destroyed.
    m_queue->close();
    m_feed.reset();
}

void MediaViewer::setFeed(std::unique_ptr<StreamSubscription> feed) {
    m_feed = std::move(feed);
}

void MediaViewer::wake() {
    QMetaObject::invokeMethod(this, &MediaViewer::drain, Qt::QueuedConnection);
}

qint64 MediaViewer::bytesSent() const {
    return m_response->bytesSent();
}

void MediaViewer::drain() {
    while (!m_done) {
        if (m_response->hasBegun() && m_response->pendingBytes() >= m_limits.socketHighWaterBytes) {
            return;  // drained() brings us back
        }
        std::vector<FeedEvent> events = m_queue->take(m_limits.batchPackets);
        if (events.empty()) {
            return;
        }
        for (FeedEvent& event : events) {
            handle(event);
            if (m_done) {
                return;
            }
        }
        if (m_muxer) {
            if (core::Status flushed = m_muxer->flush(); !flushed) {
                fail(QStringLiteral("stream_error"), flushed.error().message);
                return;
            }
        }
        if (!m_out.isEmpty()) {
            m_response->write(m_out);
            m_out.clear();
            if (m_latency && !m_batchReceivedNs.empty()) {
                m_inFlight.push_back(InFlight{m_response->bytesQueued(), std::move(m_batchReceivedNs)});
            }
            m_batchReceivedNs.clear();
        }
    }
}

void MediaViewer::handle(FeedEvent& event) {
    switch (event.kind) {
    case FeedEvent::Kind::Started:
        m_downSinceMs = 0;
        if (m_muxer && !m_info.sameCodecs(event.info)) {
            // The camera now sends another codec: a new muxer would start a new program mid-stream,
            // which players follow badly. End cleanly; the client opens the stream again.
            qCInfo(lcDelivery).noquote() << m_description.kind << m_description.channelId
                                         << "ends: the stream changed its tracks";
            end(QStringLiteral("the stream changed format"));
            return;
        }
        m_info = event.info;
        if (m_muxer) {
            m_waitingForKeyframe = true;  // after a reconnect, resume on a picture
        }
        return;
    case FeedEvent::Kind::Stopped:
        m_downSinceMs = std::max<qint64>(1, QDateTime::currentMSecsSinceEpoch());
        return;
    case FeedEvent::Kind::Ended:
        if (!event.error.isEmpty()) {
            fail(event.error, event.message);
        } else {
            end(QStringLiteral("the end of the requested range"));
        }
        return;
    case FeedEvent::Kind::Packet:
        break;
    }
    const PacketPtr& packet = event.packet;
    if (m_waitingForKeyframe) {
        const int video = m_info.videoTrack();
        if (video >= 0 && !(packet->track == video && packet->keyframe)) {
            return;
        }
        m_waitingForKeyframe = false;
    }
    if (!m_muxer && !startBody(packet)) {
        return;
    }
    if (core::Status written = m_muxer->write(packet); !written) {
        fail(QStringLiteral("stream_error"), written.error().message);
        return;
    }
    if (m_latency) {
        m_batchReceivedNs.push_back(event.receivedNs);
    }
}

bool MediaViewer::startBody(const PacketPtr& first) {
    PacketMuxer::Options options;
    options.format = PacketMuxer::Format::MpegTs;
    options.originUs = first->dtsUs / 1000 * 1000;  // whole milliseconds: the epoch header is exact
    options.offsetUs = kStreamOffsetUs;
    auto muxer = PacketMuxer::toSink(
        [this](QByteArrayView bytes) {
            m_out.append(bytes.data(), bytes.size());
            return core::Status();
        },
        m_info, options);
    if (!muxer) {
        fail(QStringLiteral("stream_unsupported"),
             QStringLiteral("This stream cannot be sent as MPEG-TS (%1). Record or view another stream of the "
                            "camera.")
                 .arg(muxer.error().message));
        return false;
    }
    m_muxer = std::move(muxer.value());
    const qint64 epochMs = (options.originUs - options.offsetUs) / 1000;
    StreamingResponse::Headers headers{
        {QByteArrayLiteral("X-Vigil-Stream-Epoch-Ms"), QByteArray::number(epochMs)},
        {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")},
    };
    if (!m_muxer->skippedTracks().isEmpty()) {
        headers.append({QByteArrayLiteral("X-Vigil-Skipped-Tracks"), m_muxer->skippedTracks().join("; ").toUtf8()});
    }
    if (!m_response->begin(StatusCode::Ok, QByteArrayLiteral("video/mp2t"), -1, headers)) {
        done();
        return false;
    }
    return true;
}

void MediaViewer::onDrained() {
    if (m_latency) {
        const qint64 sent = m_response->bytesSent();
        const qint64 now = steadyNowNs();
        while (!m_inFlight.empty() && m_inFlight.front().endPosition <= sent) {
            for (qint64 received : m_inFlight.front().receivedNs) {
                m_latency->add((now - received) / 1000);
            }
            m_inFlight.pop_front();
        }
    }
    drain();
}

void MediaViewer::check() {
    if (m_done) {
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_response->hasBegun()) {
        if (now - m_createdMs > m_limits.firstPacketTimeoutMs) {
            fail(QStringLiteral("stream_unavailable"),
                 QStringLiteral("The camera sent nothing for %1 seconds. Check the channel's status and try again.")
                     .arg(m_limits.firstPacketTimeoutMs / 1000));
        }
        return;
    }
    if (m_response->pendingBytes() > 0 && m_response->msSinceProgress() > m_limits.stallTimeoutMs) {
        qCInfo(lcDelivery).noquote() << m_description.kind << m_description.channelId << "viewer"
                                     << m_description.userName << "took nothing for"
                                     << m_response->msSinceProgress() / 1000 << "s: disconnected";
        m_stalledOut = true;
        m_response->abort();
        return;
    }
    if (m_downSinceMs > 0 && now - m_downSinceMs > m_limits.streamDownTimeoutMs) {
        end(QStringLiteral("the camera stayed away"));
    }
}

void MediaViewer::end(const QString& why) {
    if (m_done) {
        return;
    }
    if (!m_response->hasBegun()) {
        fail(QStringLiteral("stream_unavailable"),
             QStringLiteral("The stream ended before it sent anything (%1). Try again.").arg(why));
        return;
    }
    if (m_muxer) {
        (void)m_muxer->flush();
        m_response->write(m_out);
        m_out.clear();
    }
    m_response->finish();
    done();
}

void MediaViewer::fail(const QString& error, const QString& message) {
    if (m_done) {
        return;
    }
    qCInfo(lcDelivery).noquote() << m_description.kind << m_description.channelId << "fails:" << error << message;
    if (!m_response->hasBegun()) {
        m_response->answer(deliveryFailure(core::Error::make(error, message)));
    } else {
        m_response->abort();  // mid-body there is no way to say why; the log has it
    }
    done();
}

void MediaViewer::done() {
    if (m_done) {
        return;
    }
    m_done = true;
    m_queue->close();
    emit finished(this);
}

}  // namespace vigil::server
