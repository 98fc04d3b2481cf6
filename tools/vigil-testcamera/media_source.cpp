#include "media_source.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

#include <QScopeGuard>
#include <algorithm>
#include <limits>

namespace vigil::testcamera {

namespace {

constexpr AVRational kMicroseconds{1, 1000000};

Error sourceError(const QString& message) {
    return Error::make(QStringLiteral("media_source"), message);
}

QString averror(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

int nalType(const QByteArray& nal, TrackCodec codec) {
    if (nal.isEmpty()) {
        return -1;
    }
    const auto first = static_cast<quint8>(nal[0]);
    return codec == TrackCodec::H264 ? (first & 0x1f) : ((first >> 1) & 0x3f);
}

// Annex B: NAL units between 00 00 01 / 00 00 00 01 start codes.
QList<QByteArray> splitAnnexB(QByteArrayView data) {
    QList<QByteArray> nals;
    qsizetype start = -1;
    qsizetype i = 0;
    while (i + 2 < data.size()) {
        if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
            if (start >= 0) {
                qsizetype end = i;
                while (end > start && data[end - 1] == 0) {
                    --end;  // trailing zero of a four-byte start code
                }
                nals.append(data.sliced(start, end - start).toByteArray());
            }
            i += 3;
            start = i;
        } else {
            ++i;
        }
    }
    if (start >= 0 && start < data.size()) {
        nals.append(data.sliced(start).toByteArray());
    }
    nals.removeIf([](const QByteArray& nal) { return nal.isEmpty(); });
    return nals;
}

bool splitLengthPrefixed(QByteArrayView data, int lengthSize, QList<QByteArray>& nals) {
    qsizetype at = 0;
    while (at < data.size()) {
        if (at + lengthSize > data.size()) {
            return false;
        }
        qsizetype length = 0;
        for (int i = 0; i < lengthSize; ++i) {
            length = (length << 8) | static_cast<quint8>(data[at + i]);
        }
        at += lengthSize;
        if (length > data.size() - at) {
            return false;
        }
        if (length > 0) {
            nals.append(data.sliced(at, length).toByteArray());
        }
        at += length;
    }
    return true;
}

// `count` NAL units, each after a 16-bit length, as avcC and hvcC store parameter sets.
bool readNalArray(QByteArrayView data, qsizetype& at, int count, QList<QByteArray>& sets) {
    for (int i = 0; i < count; ++i) {
        if (at + 2 > data.size()) {
            return false;
        }
        const qsizetype length = (static_cast<quint8>(data[at]) << 8) | static_cast<quint8>(data[at + 1]);
        at += 2;
        if (at + length > data.size()) {
            return false;
        }
        sets.append(data.sliced(at, length).toByteArray());
        at += length;
    }
    return true;
}

// avcC (ISO 14496-15 5.2.4.1): version, profile, compat, level, lengthSize-1, SPS count + SPSs, PPS count + PPSs.
bool parseAvcC(QByteArrayView data, QList<QByteArray>& sets, int& lengthSize) {
    if (data.size() < 7 || data[0] != 1) {
        return false;
    }
    lengthSize = (static_cast<quint8>(data[4]) & 3) + 1;
    qsizetype at = 5;
    for (int kind = 0; kind < 2; ++kind) {
        if (at >= data.size()) {
            return false;
        }
        const int count = kind == 0 ? (static_cast<quint8>(data[at]) & 0x1f) : static_cast<quint8>(data[at]);
        ++at;
        if (!readNalArray(data, at, count, sets)) {
            return false;
        }
    }
    return true;
}

// hvcC (ISO 14496-15 8.3.3.1): 22 bytes of header, then arrays of NAL units.
bool parseHvcC(QByteArrayView data, QList<QByteArray>& sets, int& lengthSize) {
    if (data.size() < 23 || data[0] != 1) {
        return false;
    }
    lengthSize = (static_cast<quint8>(data[21]) & 3) + 1;
    const int arrays = static_cast<quint8>(data[22]);
    qsizetype at = 23;
    for (int a = 0; a < arrays; ++a) {
        if (at + 3 > data.size()) {
            return false;
        }
        const int count = (static_cast<quint8>(data[at + 1]) << 8) | static_cast<quint8>(data[at + 2]);
        at += 3;
        if (!readNalArray(data, at, count, sets)) {
            return false;
        }
    }
    return true;
}

}  // namespace

MediaSource::MediaSource() = default;

MediaSource::~MediaSource() {
    avformat_close_input(&m_format);
}

Status MediaSource::open(const QString& path) {
    m_path = path;
    if (Status opened = openFile(); !opened) {
        return opened;
    }
    bool haveVideo = false;
    for (unsigned i = 0; i < m_format->nb_streams; ++i) {
        const AVStream* stream = m_format->streams[i];
        const AVCodecParameters* parameters = stream->codecpar;
        const bool video = parameters->codec_type == AVMEDIA_TYPE_VIDEO &&
                           !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC);
        if (video && (parameters->codec_id == AV_CODEC_ID_H264 || parameters->codec_id == AV_CODEC_ID_HEVC)) {
            if (haveVideo) {
                continue;
            }
            SourceTrack track;
            track.codec = parameters->codec_id == AV_CODEC_ID_H264 ? TrackCodec::H264 : TrackCodec::H265;
            track.width = parameters->width;
            track.height = parameters->height;
            track.bitRate = parameters->bit_rate;
            const AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
            track.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 25.0;
            const QByteArrayView extradata(reinterpret_cast<const char*>(parameters->extradata),
                                           parameters->extradata_size);
            const bool parsed = track.codec == TrackCodec::H264
                                    ? parseAvcC(extradata, track.parameterSets, m_nalLengthSize)
                                    : parseHvcC(extradata, track.parameterSets, m_nalLengthSize);
            if (!parsed) {
                m_nalLengthSize = 0;
                track.parameterSets = splitAnnexB(extradata);
            }
            if (track.parameterSets.isEmpty()) {
                return sourceError(QStringLiteral("%1: the video stream carries no parameter sets (SPS/PPS) in its "
                                                  "header; use an MP4 or MKV made by tests/support/make_clip.sh.")
                                       .arg(path));
            }
            m_tracks.prepend(track);  // video is always track 0
            m_streamIndex.prepend(static_cast<int>(i));
            haveVideo = true;
        } else if (parameters->codec_type == AVMEDIA_TYPE_AUDIO && parameters->codec_id == AV_CODEC_ID_AAC) {
            if (std::any_of(m_tracks.begin(), m_tracks.end(), [](const SourceTrack& t) { return t.codec == TrackCodec::Aac; })) {
                continue;
            }
            if (parameters->extradata_size < 2) {
                continue;  // ADTS-only AAC without a config: skipped
            }
            SourceTrack track;
            track.codec = TrackCodec::Aac;
            track.clockRate = parameters->sample_rate;
            track.channels = parameters->ch_layout.nb_channels;
            track.bitRate = parameters->bit_rate;
            track.audioConfig = QByteArray(reinterpret_cast<const char*>(parameters->extradata), parameters->extradata_size);
            m_tracks.append(track);
            m_streamIndex.append(static_cast<int>(i));
        }
    }
    if (!haveVideo) {
        return sourceError(QStringLiteral("%1 has no H.264 or H.265 video stream; vigil-testcamera loops such files "
                                          "without transcoding (make one with tests/support/make_clip.sh).")
                               .arg(path));
    }
    m_lastDtsUs = QList<qint64>(m_tracks.size(), std::numeric_limits<qint64>::min());
    return {};
}

Status MediaSource::openFile() {
    avformat_close_input(&m_format);
    const QByteArray path = m_path.toLocal8Bit();
    if (const int result = avformat_open_input(&m_format, path.constData(), nullptr, nullptr); result < 0) {
        return sourceError(QStringLiteral("Cannot open %1: %2.").arg(m_path, averror(result)));
    }
    if (const int result = avformat_find_stream_info(m_format, nullptr); result < 0) {
        return sourceError(QStringLiteral("Cannot read the streams of %1: %2.").arg(m_path, averror(result)));
    }
    m_startUs = m_format->start_time != AV_NOPTS_VALUE ? m_format->start_time : 0;  // AV_TIME_BASE is 1 MHz
    return {};
}

Status MediaSource::rewind() {
    if (!m_seenPacketThisLoop) {
        return sourceError(QStringLiteral("%1 has no packets to loop.").arg(m_path));
    }
    // The next loop starts where this one ended (its latest end), minus its own earliest start.
    m_loopOffsetUs += m_loopEndUs - m_loopStartUs;
    m_loopEndUs = 0;
    m_loopStartUs = 0;
    m_seenPacketThisLoop = false;
    ++m_loops;
    if (avformat_seek_file(m_format, -1, std::numeric_limits<qint64>::min(), m_format->start_time != AV_NOPTS_VALUE ? m_format->start_time : 0,
                           std::numeric_limits<qint64>::max(), 0) >= 0) {
        return {};
    }
    return openFile();  // a format that cannot seek is read again from the start
}

bool MediaSource::splitVideo(const QByteArray& packet, QList<QByteArray>& nals) const {
    if (m_nalLengthSize > 0) {
        return splitLengthPrefixed(packet, m_nalLengthSize, nals);
    }
    nals = splitAnnexB(packet);
    return !nals.isEmpty();
}

bool MediaSource::hasParameterSets(const QList<QByteArray>& nals, TrackCodec codec) const {
    for (const QByteArray& nal : nals) {
        const int type = nalType(nal, codec);
        if ((codec == TrackCodec::H264 && type == 7) || (codec == TrackCodec::H265 && type == 33)) {
            return true;
        }
    }
    return false;
}

Result<SourceFrame> MediaSource::next() {
    AVPacket* packet = av_packet_alloc();
    const auto freePacket = qScopeGuard([&packet] { av_packet_free(&packet); });
    for (int attempts = 0; attempts < 100000; ++attempts) {
        const int result = av_read_frame(m_format, packet);
        if (result == AVERROR_EOF || (result < 0 && avio_feof(m_format->pb))) {
            if (Status rewound = rewind(); !rewound) {
                return rewound.error();
            }
            continue;
        }
        if (result < 0) {
            return sourceError(QStringLiteral("Reading %1 failed: %2.").arg(m_path, averror(result)));
        }
        const auto unref = qScopeGuard([packet] { av_packet_unref(packet); });
        const int track = static_cast<int>(m_streamIndex.indexOf(packet->stream_index));
        if (track < 0 || packet->size <= 0) {
            continue;
        }
        const AVStream* stream = m_format->streams[packet->stream_index];
        const SourceTrack& info = m_tracks[track];
        const qint64 pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        const qint64 dts = packet->dts != AV_NOPTS_VALUE ? packet->dts : pts;
        if (pts == AV_NOPTS_VALUE) {
            continue;  // nothing to place it in time by
        }
        qint64 durationUs = av_rescale_q(packet->duration, stream->time_base, kMicroseconds);
        if (durationUs <= 0) {
            durationUs = info.codec == TrackCodec::Aac ? qint64(1024) * 1000000 / qMax(1, info.clockRate)
                                                       : qint64(1000000 / qMax(1.0, info.fps));
        }
        const qint64 ptsRel = av_rescale_q(pts, stream->time_base, kMicroseconds) - m_startUs;
        const qint64 dtsRel = av_rescale_q(dts, stream->time_base, kMicroseconds) - m_startUs;
        if (!m_seenPacketThisLoop) {
            m_loopStartUs = qMin(dtsRel, ptsRel);
            m_seenPacketThisLoop = true;
        }
        m_loopStartUs = qMin(m_loopStartUs, qMin(dtsRel, ptsRel));
        m_loopEndUs = qMax(m_loopEndUs, qMax(ptsRel, dtsRel) + durationUs);

        SourceFrame frame;
        frame.track = track;
        frame.ptsUs = ptsRel + m_loopOffsetUs;
        frame.dtsUs = dtsRel + m_loopOffsetUs;
        // Decoding order stays strictly increasing per track even across a loop of a file whose
        // timestamps are odd.
        if (frame.dtsUs <= m_lastDtsUs[track]) {
            frame.dtsUs = m_lastDtsUs[track] + 1;
            frame.ptsUs = qMax(frame.ptsUs, frame.dtsUs);
        }
        m_lastDtsUs[track] = frame.dtsUs;
        frame.keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
        const QByteArray bytes(reinterpret_cast<const char*>(packet->data), packet->size);
        if (info.codec == TrackCodec::Aac) {
            frame.data = bytes;
            return frame;
        }
        if (!splitVideo(bytes, frame.nals)) {
            continue;  // a damaged packet is skipped, as a camera would drop it
        }
        if (frame.keyframe && !hasParameterSets(frame.nals, info.codec)) {
            frame.nals = info.parameterSets + frame.nals;
        }
        return frame;
    }
    return sourceError(QStringLiteral("%1 has no usable packets.").arg(m_path));
}

}  // namespace vigil::testcamera
