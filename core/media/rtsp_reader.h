#pragma once
// RtspReader: the native RTSP/1.0 client behind StreamReader for rtsp:// cameras (RTP interleaved
// over the RTSP TCP connection). FFmpeg's RTSP demuxer makes two reads and two polls per RTP
// packet (about 1,500 system calls a second for one 4 Mbit/s camera); this reader takes whatever
// the socket holds in 256 KiB reads, cuts the interleaved frames in place and depacketizes them
// without copying more than once (docs/design/recording.md, Performance). RTSPS, HTTP and files
// still go through FFmpeg.
//
// The control side uses core/media/rtsp (message parser, Digest/Basic auth, SDP); this file owns
// the connection, the OPTIONS/DESCRIBE/SETUP/PLAY/keep-alive/TEARDOWN exchange, RTP sequence and
// timestamp tracking and RTCP sender reports. Failures carry StreamReader's codes
// (stream_reader.h). One thread; cancel through the flag given at construction.

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <atomic>
#include <deque>
#include <memory>
#include <vector>

#include "common/result.h"
#include "media/media_packet.h"
#include "media/rtp_depacketizer.h"
#include "media/rtsp/rtsp_message.h"

namespace vigil::core::media {

class RtspReader {
public:
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    struct Unit {
        int track = 0;
        qint64 ownUs = 0;              // the track's RTP time since its first packet, µs
        qint64 realtimeUs = kNoTime;   // UTC of the track's time 0 per the camera's RTCP, if known
        bool keyframe = false;
        QByteArray data;
    };

    RtspReader(const std::atomic<bool>& cancelled, int connectTimeoutMs, int readTimeoutMs);
    ~RtspReader();  // TEARDOWN (best effort) and close
    RtspReader(const RtspReader&) = delete;
    RtspReader& operator=(const RtspReader&) = delete;

    Status open(const QUrl& url, const QString& user, const QString& password);
    const StreamInfo& info() const { return m_info; }
    Result<Unit> read();

    qint64 lostPackets() const { return m_lostPackets; }  // RTP sequence gaps seen

private:
    struct Track;
    struct Response;

    Status connectTo(const QUrl& url);
    Status sendAll(const QByteArray& bytes, qint64 deadlineMs);
    // Reads what the socket has (waiting up to the deadline); appends to m_buffer.
    Status receive(qint64 deadlineMs, bool opening);
    Result<Response> request(const QByteArray& method, const QUrl& uri, const QList<std::pair<QByteArray, QByteArray>>& headers,
                             bool opening);
    Status handleFrame(int channel, QByteArrayView payload);
    Status parseFrames();  // interleaved frames at the buffer's front
    // The RTSP answer at the buffer's front, once all of it is there.
    Result<std::optional<rtsp::RtspMessage>> takeMessage(bool opening);
    Status parseBuffer();  // while playing: frames and keep-alive answers
    void keepAlive();
    void teardown();
    Error fail(const QString& code, const QString& message) const;
    Error responseError(const Response& response, const QString& what) const;
    qint64 extend(Track& track, quint32 timestamp, bool update);

    const std::atomic<bool>& m_cancelled;
    const int m_connectTimeoutMs;
    const int m_readTimeoutMs;
    int m_fd = -1;
    QUrl m_url;  // without credentials
    QString m_user;
    QString m_password;
    struct Auth;
    std::unique_ptr<Auth> m_auth;
    int m_cseq = 0;
    QByteArray m_session;
    int m_sessionTimeoutS = 60;
    bool m_getParameter = false;  // the camera lists GET_PARAMETER: a lighter keep-alive
    QUrl m_controlUrl;
    qint64 m_lastRequestMs = 0;
    bool m_playing = false;
    QByteArray m_buffer;
    qsizetype m_offset = 0;  // parsed up to here
    qsizetype m_garbage = 0;
    std::vector<std::unique_ptr<Track>> m_tracks;
    std::vector<int> m_trackOfChannel;  // interleaved channel -> track, -1
    std::vector<AccessUnit> m_scratch;
    std::deque<Unit> m_ready;
    StreamInfo m_info;
    qint64 m_lostPackets = 0;
};

}  // namespace vigil::core::media
