#pragma once
// MediaViewer: one HTTP client of a live or archive stream (docs/design/delivery.md). Takes the
// packets its feed (a stream hub subscription or an archive feed) put in its PacketQueue, remuxes
// them into MPEG-TS (core/media/packet_muxer.h; never decodes) and writes them to its
// StreamingResponse, a batch at a time, while the connection holds less than a high-water mark.
//
// The answer's head waits for the first packet, so a stream that gives nothing answers an error
// (503) instead of an empty 200. Stream time counts from the first packet: the header
// X-Vigil-Stream-Epoch-Ms gives the UTC milliseconds of stream time 0 (UTC = epoch + PTS).
//
// Threads: lives on the engine's thread (the socket's). wake() may be called from the producer's
// thread; the feed is detached (and its thread stopped) before the viewer goes, so no producer
// call outlives it.

#include <QHostAddress>
#include <QObject>
#include <deque>
#include <memory>
#include <vector>

#include "delivery/packet_queue.h"
#include "media/packet_muxer.h"
#include "media/stream_hub.h"

namespace vigil::server {

class StreamingResponse;

// Packet in (the producer handed it over) to packet out (its bytes taken by the socket), in
// microseconds: the last kCapacity samples, for the figures of the benchmark and the stats.
class LatencyRecorder {
public:
    static constexpr size_t kCapacity = 65536;
    void add(qint64 us);
    // The q-quantile (0..1) of the samples held, -1 when there are none.
    qint64 quantile(double q) const;
    qint64 count() const { return m_total; }
    void clear();

private:
    std::vector<qint64> m_samples;
    size_t m_next = 0;
    qint64 m_total = 0;
};

class MediaViewer : public QObject {
    Q_OBJECT
public:
    struct Description {
        QString kind;  // "live" | "archive"
        QString channelId;
        QString stream;  // "main" | "sub"
        QString sessionId;
        QString userName;
    };
    struct Limits {
        qint64 socketHighWaterBytes = 512 * 1024;  // stop muxing while the connection holds this much
        int kernelSendBufferBytes = 512 * 1024;    // the kernel's share (else autotuned up to megabytes)
        int batchPackets = 64;
        qint64 firstPacketTimeoutMs = 15000;  // no packet by then: 503
        qint64 stallTimeoutMs = 20000;        // the client took nothing for this long: disconnect
        qint64 streamDownTimeoutMs = 30000;   // live: the camera stays away this long: end
    };
    static constexpr qint64 kStreamOffsetUs = 1'000'000;  // stream time of the first packet (PCR lead)

    // Makes the viewer's queue (wake() is its wake-up) and adopts `response` as its child.
    MediaViewer(Description description, StreamingResponse* response, PacketQueue::Overflow overflow,
                PacketQueue::Limits queueLimits, Limits limits, LatencyRecorder* latency, QObject* parent);
    ~MediaViewer() override;

    // Where the producer puts packets.
    std::shared_ptr<PacketQueue> queue() const { return m_queue; }
    // Keeps the producer attached; released (unsubscribed, thread stopped) before the viewer goes.
    void setFeed(std::unique_ptr<StreamSubscription> feed);

    // Any thread: there is something in the queue.
    void wake();
    // Periodic (the service's timer): timeouts of the first packet, a stalled client, a lost camera.
    void check();
    // Ends the stream (the last chunk when it has begun, else the error); finished() follows.
    void end(const QString& why);

    const Description& description() const { return m_description; }
    PacketQueue::Counters counters() const { return m_queue->counters(); }
    qint64 bytesSent() const;
    bool stalledOut() const { return m_stalledOut; }

signals:
    void finished(vigil::server::MediaViewer* viewer);

private:
    void drain();
    void handle(FeedEvent& event);
    bool startBody(const core::media::PacketPtr& first);
    void onDrained();
    void fail(const QString& error, const QString& message);
    void done();

    Description m_description;
    StreamingResponse* const m_response;  // a child: lives as long as the viewer
    std::shared_ptr<PacketQueue> m_queue;
    std::unique_ptr<StreamSubscription> m_feed;
    Limits m_limits;
    LatencyRecorder* m_latency;
    core::media::StreamInfo m_info;
    std::unique_ptr<core::media::PacketMuxer> m_muxer;
    QByteArray m_out;  // what the muxer produced during the current batch
    std::vector<qint64> m_batchReceivedNs;
    struct InFlight {
        qint64 endPosition;  // StreamingResponse::bytesQueued() after the batch
        std::vector<qint64> receivedNs;
    };
    std::deque<InFlight> m_inFlight;
    qint64 m_createdMs = 0;
    qint64 m_downSinceMs = 0;  // live: the camera's connection ended at (steady ms), 0 while up
    bool m_waitingForKeyframe = true;
    bool m_stalledOut = false;
    bool m_done = false;
};

}  // namespace vigil::server
