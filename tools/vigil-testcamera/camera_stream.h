#pragma once
// CameraStream: one virtual camera's media. Reads its file through MediaSource, paces frames in
// real time (by decoding timestamp against a monotonic clock), packetises each track once and
// hands the same RTP packets to every playing client (CameraSink), with an RTCP sender report per
// track every second. Runs on the main thread's event loop: reading and packetising a frame takes
// microseconds, and one thread keeps the server free of locks.
//
// Faults: frozen (nothing goes out, time goes on) and garbage (RTP packets whose payload is not
// media). Both are set by the stdin control through RtspServer.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

#include "camera_config.h"
#include "media_source.h"
#include "rtp_packetizer.h"

namespace vigil::testcamera {

class CameraSink {
public:
    virtual ~CameraSink() = default;
    // All RTP packets of one frame of `track`, in order.
    virtual void sendRtp(int track, const QList<QByteArray>& packets) = 0;
    virtual void sendRtcp(int track, const QByteArray& packet) = 0;
};

class CameraStream : public QObject {
    Q_OBJECT

public:
    explicit CameraStream(CameraConfig config, QObject* parent = nullptr);
    ~CameraStream() override;

    // Opens the file and fills in the config's codec, size, rate and audio.
    Status open();
    void start();

    const CameraConfig& config() const { return m_config; }
    const QList<SourceTrack>& tracks() const { return m_source.tracks(); }
    // The SDP for DESCRIBE; track controls are "trackID=<n>" relative to the base URL.
    QByteArray sdp() const;

    // What the next RTP packet of `track` will carry (for RTP-Info in a PLAY answer).
    quint16 nextSequence(int track) const;
    quint32 currentTimestamp(int track) const;
    quint32 ssrc(int track) const;

    void addSink(CameraSink* sink);
    void removeSink(CameraSink* sink);
    int sinkCount() const { return static_cast<int>(m_sinks.size()); }

    void setFrozen(bool frozen) { m_frozen = frozen; }
    // The camera's account got a new password (through ONVIF): RTSP asks for it from now on.
    void setPassword(const QString& password) { m_config.password = password; }
    bool isFrozen() const { return m_frozen; }
    void setGarbage(bool garbage) { m_garbage = garbage; }
    bool isGarbage() const { return m_garbage; }

    qint64 framesRead() const { return m_framesRead; }

private:
    void pump();
    void deliver(const SourceFrame& frame);
    void sendReports(const QList<CameraSink*>& sinks);
    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    qint64 streamNowUs() const { return m_anchorStreamUs + (nowUs() - m_anchorWallUs); }

    CameraConfig m_config;
    MediaSource m_source;
    std::vector<std::unique_ptr<RtpPacketizer>> m_packetizers;
    QList<CameraSink*> m_sinks;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::optional<SourceFrame> m_pending;  // read ahead: the next frame to go out
    qint64 m_anchorWallUs = 0;             // m_clock time at which ...
    qint64 m_anchorStreamUs = 0;           // ... this stream time (decoding order) was due
    qint64 m_lastReportUs = 0;
    qint64 m_framesRead = 0;
    bool m_frozen = false;
    bool m_garbage = false;
};

}  // namespace vigil::testcamera
