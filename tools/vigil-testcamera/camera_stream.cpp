#include "camera_stream.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <cstdio>

namespace vigil::testcamera {

namespace {

constexpr qint64 kReportIntervalUs = 1000000;
constexpr qint64 kMaxLateUs = 1000000;  // later than this (the process was stopped): start afresh
constexpr int kMaxFramesPerPump = 500;

int payloadTypeFor(int track) {
    return 96 + track;
}

QByteArray base64List(const QList<QByteArray>& nals) {
    QList<QByteArray> encoded;
    for (const QByteArray& nal : nals) {
        encoded.append(nal.toBase64());
    }
    return encoded.join(',');
}

QList<QByteArray> nalsOfType(const QList<QByteArray>& nals, int type) {
    QList<QByteArray> found;
    for (const QByteArray& nal : nals) {
        if (!nal.isEmpty() && ((static_cast<quint8>(nal[0]) >> 1) & 0x3f) == type) {
            found.append(nal);
        }
    }
    return found;
}

}  // namespace

CameraStream::CameraStream(CameraConfig config, QObject* parent) : QObject(parent), m_config(std::move(config)) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CameraStream::pump);
}

CameraStream::~CameraStream() = default;

Status CameraStream::open() {
    if (Status opened = m_source.open(m_config.file); !opened) {
        return opened;
    }
    const SourceTrack& video = m_source.tracks().first();
    m_config.codec = video.codec == TrackCodec::H264 ? QStringLiteral("h264") : QStringLiteral("h265");
    m_config.width = video.width;
    m_config.height = video.height;
    m_config.fps = video.fps;
    m_config.audio = m_source.tracks().size() > 1;
    for (int track = 0; track < m_source.tracks().size(); ++track) {
        const SourceTrack& info = m_source.tracks()[track];
        m_packetizers.push_back(std::make_unique<RtpPacketizer>(info.codec, payloadTypeFor(track), info.clockRate));
    }
    return {};
}

void CameraStream::start() {
    m_clock.start();
    m_anchorWallUs = nowUs();
    pump();
}

QByteArray CameraStream::sdp() const {
    QByteArray out;
    const quint32 sessionId = QRandomGenerator::global()->generate();
    out += "v=0\r\n";
    out += "o=- " + QByteArray::number(sessionId) + " 1 IN IP4 127.0.0.1\r\n";
    out += "s=vigil-testcamera " + m_config.name.toUtf8() + "\r\n";
    out += "c=IN IP4 0.0.0.0\r\n";
    out += "t=0 0\r\n";
    out += "a=tool:vigil-testcamera\r\n";
    out += "a=control:*\r\n";
    out += "a=range:npt=0-\r\n";
    for (int track = 0; track < tracks().size(); ++track) {
        const SourceTrack& info = tracks()[track];
        const QByteArray pt = QByteArray::number(payloadTypeFor(track));
        if (info.codec == TrackCodec::Aac) {
            out += "m=audio 0 RTP/AVP " + pt + "\r\n";
            if (info.bitRate > 0) {
                out += "b=AS:" + QByteArray::number((info.bitRate + 999) / 1000) + "\r\n";
            }
            out += "a=rtpmap:" + pt + " MPEG4-GENERIC/" + QByteArray::number(info.clockRate) + '/' +
                   QByteArray::number(qMax(1, info.channels)) + "\r\n";
            out += "a=fmtp:" + pt + " streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                   "indexdeltalength=3;config=" + info.audioConfig.toHex().toUpper() + "\r\n";
        } else {
            out += "m=video 0 RTP/AVP " + pt + "\r\n";
            if (info.bitRate > 0) {
                out += "b=AS:" + QByteArray::number((info.bitRate + 999) / 1000) + "\r\n";
            }
            if (info.codec == TrackCodec::H264) {
                out += "a=rtpmap:" + pt + " H264/90000\r\n";
                QByteArray profile = "42E01F";
                for (const QByteArray& nal : info.parameterSets) {
                    if (nal.size() >= 4 && (nal[0] & 0x1f) == 7) {
                        profile = nal.mid(1, 3).toHex().toUpper();
                        break;
                    }
                }
                out += "a=fmtp:" + pt + " packetization-mode=1;profile-level-id=" + profile +
                       ";sprop-parameter-sets=" + base64List(info.parameterSets) + "\r\n";
            } else {
                out += "a=rtpmap:" + pt + " H265/90000\r\n";
                out += "a=fmtp:" + pt + " sprop-vps=" + base64List(nalsOfType(info.parameterSets, 32)) +
                       ";sprop-sps=" + base64List(nalsOfType(info.parameterSets, 33)) +
                       ";sprop-pps=" + base64List(nalsOfType(info.parameterSets, 34)) + "\r\n";
            }
            out += "a=framerate:" + QByteArray::number(info.fps, 'g', 6) + "\r\n";
            out += "a=x-dimensions:" + QByteArray::number(info.width) + ',' + QByteArray::number(info.height) + "\r\n";
        }
        out += "a=control:trackID=" + QByteArray::number(track) + "\r\n";
    }
    return out;
}

quint16 CameraStream::nextSequence(int track) const {
    return m_packetizers.at(static_cast<size_t>(track))->nextSequence();
}

quint32 CameraStream::currentTimestamp(int track) const {
    // The next frame's time when it is this track's, else "now" on the stream's clock: both are
    // what the client's first packet of the track will be close to.
    if (m_pending && m_pending->track == track) {
        return m_packetizers.at(static_cast<size_t>(track))->timestampAt(m_pending->ptsUs);
    }
    return m_packetizers.at(static_cast<size_t>(track))->timestampAt(streamNowUs());
}

quint32 CameraStream::ssrc(int track) const {
    return m_packetizers.at(static_cast<size_t>(track))->ssrc();
}

void CameraStream::addSink(CameraSink* sink) {
    if (!m_sinks.contains(sink)) {
        m_sinks.append(sink);
        if (!m_frozen) {
            sendReports({sink});  // lets the client map RTP time to the wall clock at once
        }
    }
}

void CameraStream::removeSink(CameraSink* sink) {
    m_sinks.removeAll(sink);
}

void CameraStream::pump() {
    for (int sent = 0; sent < kMaxFramesPerPump; ++sent) {
        if (!m_pending) {
            Result<SourceFrame> frame = m_source.next();
            if (!frame) {
                std::fprintf(stderr, "vigil-testcamera: camera %s stops: %s\n", qPrintable(m_config.name),
                             qPrintable(frame.error().message));
                return;
            }
            ++m_framesRead;
            m_pending = std::move(frame).value();
            if (m_framesRead == 1) {
                m_anchorStreamUs = m_pending->dtsUs;
            }
        }
        const qint64 dueInUs = (m_pending->dtsUs - m_anchorStreamUs) - (nowUs() - m_anchorWallUs);
        if (dueInUs > 0) {
            m_timer.start(static_cast<int>((dueInUs + 999) / 1000));
            break;
        }
        if (dueInUs < -kMaxLateUs) {
            m_anchorWallUs = nowUs();
            m_anchorStreamUs = m_pending->dtsUs;
        }
        deliver(*m_pending);
        m_pending.reset();
    }
    if (!m_timer.isActive()) {
        m_timer.start(0);  // many frames were due at once: go on after other events
    }
    if (nowUs() - m_lastReportUs >= kReportIntervalUs) {
        m_lastReportUs = nowUs();
        if (!m_frozen) {
            sendReports(m_sinks);
        }
    }
}

void CameraStream::deliver(const SourceFrame& frame) {
    if (m_sinks.isEmpty() || m_frozen) {
        return;  // nobody to send to: the frame is read and dropped, so time goes on as in a camera
    }
    RtpPacketizer& packetizer = *m_packetizers.at(static_cast<size_t>(frame.track));
    const QList<QByteArray> packets = m_garbage ? packetizer.garbage(frame) : packetizer.packetize(frame);
    const QList<CameraSink*> sinks = m_sinks;  // a sink may go away while we send
    for (CameraSink* sink : sinks) {
        if (m_sinks.contains(sink)) {
            sink->sendRtp(frame.track, packets);
        }
    }
}

void CameraStream::sendReports(const QList<CameraSink*>& sinks) {
    if (sinks.isEmpty() || m_framesRead == 0) {
        return;
    }
    const qint64 unixUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 streamUs = streamNowUs();
    for (size_t track = 0; track < m_packetizers.size(); ++track) {
        const QByteArray report = m_packetizers[track]->senderReport(streamUs, unixUs);
        for (CameraSink* sink : sinks) {
            if (m_sinks.contains(sink)) {
                sink->sendRtcp(static_cast<int>(track), report);
            }
        }
    }
}

}  // namespace vigil::testcamera
