#pragma once
// StreamReader: reads one camera stream (RTSP over TCP, RTSPS, HTTP(S), or a local file) with
// FFmpeg and hands out its packets as they came, without decoding, with UTC timestamps
// (TimestampMapper). One reader serves one connection; blocking calls run on the caller's thread
// (the stream hub gives each stream its own) and cancel() stops them from any thread.
//
// Failures carry an Error whose code says what kind of failure it is, with the same names as the
// stream states of server/media/stream_hub.h:
//   unauthorised   the camera refused the credentials (RTSP/HTTP 401, 403)
//   unreachable    no answer: refused, timed out, host unknown, network down
//   not_a_stream   something answered, but not with a stream we can read (an HTML page, 404,
//                  a file that is not media, no video or audio track)
//   stream_error   it was a stream, then it stopped, stalled, sent garbage or an unsupported codec
//   end_of_stream  a file ended (files only)
//   cancelled      cancel() was called

#include <QString>
#include <QUrl>
#include <atomic>
#include <memory>

#include "common/result.h"
#include "media/media_packet.h"

namespace vigil::core::media {

namespace readfailure {
inline const QString kUnauthorised = QStringLiteral("unauthorised");
inline const QString kUnreachable = QStringLiteral("unreachable");
inline const QString kNotAStream = QStringLiteral("not_a_stream");
inline const QString kStreamError = QStringLiteral("stream_error");
inline const QString kEndOfStream = QStringLiteral("end_of_stream");
inline const QString kCancelled = QStringLiteral("cancelled");
}  // namespace readfailure

class StreamReader {
public:
    struct Options {
        int connectTimeoutMs = 10000;  // connecting, the RTSP/HTTP exchange and the first stream info
        int readTimeoutMs = 10000;     // no packet for this long is a stalled stream
        // Local files are played at their own pace, like a camera, and from a fresh clock each
        // time; with false they are read as fast as possible (tools, tests of the demuxing).
        bool paceFiles = true;
        // rtsp:// through Vigil's own RTSP client (rtsp_reader.h), at a fraction of FFmpeg's
        // CPU; false: through FFmpeg's RTSP demuxer like RTSPS (comparisons, a camera it suits).
        bool nativeRtsp = true;
    };

    StreamReader();
    explicit StreamReader(Options options);
    ~StreamReader();
    StreamReader(const StreamReader&) = delete;
    StreamReader& operator=(const StreamReader&) = delete;

    // Connects and reads the stream description. `url` carries no credentials; `user` and
    // `password` go to the camera (RTSP/HTTP basic or digest, as it asks). Blocking.
    Status open(const QUrl& url, const QString& user = {}, const QString& password = {});
    const StreamInfo& info() const { return m_info; }

    // The next packet, or the failure that ended the stream. Blocking.
    Result<PacketPtr> read();

    // Makes a blocking open() or read() return "cancelled" soon (FFmpeg checks about every
    // 100 ms). Any thread; the reader stays cancelled.
    void cancel() { m_cancelled.store(true); }
    void close();

    // True when timestamps follow the camera's RTCP wall clock rather than our arrival time.
    bool anchoredToCamera() const;
    int timestampJumps() const;  // re-anchorings since open (jumps, wraps, resets)
    bool usesNativeRtsp() const;  // this connection runs on rtsp_reader.h

private:
    struct Private;
    static int interrupted(void* opaque);
    void armDeadline(int timeoutMs);
    Error failure(int averror, const QString& what) const;

    Options m_options;
    std::unique_ptr<Private> d;
    StreamInfo m_info;
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_deadlineMs{0};  // steady clock; FFmpeg's interrupt callback reads it
    bool m_opening = false;
};

}  // namespace vigil::core::media
