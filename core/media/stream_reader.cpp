#include "media/stream_reader.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <mutex>
#include <chrono>
#include <thread>

#include <netdb.h>
#include <sys/socket.h>

#include "media/ffmpeg_support.h"
#include "media/media_logging.h"
#include "media/rtsp_reader.h"
#include "media/timestamp_mapper.h"

namespace vigil::core::media {

namespace {

qint64 steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 utcNowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

qint64 toUs(int64_t value, AVRational timeBase) {
    return value == AV_NOPTS_VALUE ? TimestampMapper::kNoTime : av_rescale_q(value, timeBase, kMicroseconds);
}

// FFmpeg may only use these, whatever a URL or an answer asks for: no "concat:", "subfile:",
// "pipe:" and other protocols that would read local files or run surprising I/O.
constexpr auto kProtocols = "file,rtsp,rtsps,rtp,srtp,tcp,tls,udp,http,https,httpproxy,crypto";
// The containers cameras and encoders serve; anything else is refused before it is parsed.
constexpr auto kFormats = "rtsp,mpegts,mov,matroska,flv,h264,hevc,mpjpeg,hls,aac";

bool isNetworkScheme(const QString& scheme) {
    return scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps") ||
           scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

// Resolves the host first so that an unknown name reads as such (FFmpeg reports it as EIO).
std::optional<QString> resolveProblem(const QString& host) {
    if (host.isEmpty() || !QHostAddress(host).isNull()) {
        return std::nullopt;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int result = getaddrinfo(host.toUtf8().constData(), nullptr, &hints, &found);
    if (found) {
        freeaddrinfo(found);
    }
    if (result != 0) {
        return QStringLiteral("The host name %1 cannot be resolved (%2). Check the address and the DNS settings.")
            .arg(host, QString::fromUtf8(gai_strerror(result)));
    }
    return std::nullopt;
}

// Streams whose pictures come out of order (B-frames). RTP carries presentation times only; the
// native reader does not rebuild decoding times, FFmpeg's demuxer does (with its H.264/H.265
// parser). Such a stream is read through FFmpeg from its next connection on. Cameras rarely send
// B-frames (they add latency); files and encoders may.
std::mutex g_reorderedMutex;
QSet<QString> g_reordered;

bool knownReordered(const QString& where) {
    std::lock_guard lock(g_reorderedMutex);
    return g_reordered.contains(where);
}

void markReordered(const QString& where) {
    std::lock_guard lock(g_reorderedMutex);
    g_reordered.insert(where);
}

}  // namespace

struct StreamReader::Private {
    std::unique_ptr<RtspReader> native;  // rtsp:// without FFmpeg's demuxer
    qint64 lastVideoPtsUs = TimestampMapper::kNoTime;  // native: to notice B-frames
    AVFormatContext* context = nullptr;
    AVPacket* packet = nullptr;
    std::vector<int> trackOf;  // FFmpeg stream index -> our track index, -1 when not routed
    TimestampMapper mapper;
    bool network = false;
    bool rtsp = false;
    QString where;  // the URL without credentials, for messages
    // File pacing: media time of the first packet and the steady time it was handed out.
    qint64 paceOriginUs = TimestampMapper::kNoTime;
    qint64 paceStartMs = 0;
    // UTC when the camera started sending (the RTSP PLAY answer). Probing the stream info reads
    // and keeps the first packets, so they are handed out later than they arrived: the first one
    // is anchored at this time instead of at the time read() returns it.
    qint64 playingSinceUs = 0;

    ~Private() {
        av_packet_free(&packet);
        avformat_close_input(&context);
    }
};

StreamReader::StreamReader() : StreamReader(Options{}) {}

StreamReader::StreamReader(Options options) : m_options(options) {
    installFfmpegLogging();
}

StreamReader::~StreamReader() {
    close();
}

void StreamReader::close() {
    d.reset();
    m_info = {};
}

bool StreamReader::anchoredToCamera() const {
    return d && d->mapper.anchoredToCamera();
}

int StreamReader::timestampJumps() const {
    return d ? d->mapper.reanchors() : 0;
}

bool StreamReader::usesNativeRtsp() const {
    return d && d->native;
}

int StreamReader::interrupted(void* opaque) {
    auto* self = static_cast<StreamReader*>(opaque);
    return self->m_cancelled.load() || steadyMs() > self->m_deadlineMs.load() ? 1 : 0;
}

void StreamReader::armDeadline(int timeoutMs) {
    m_deadlineMs.store(steadyMs() + timeoutMs);
}

Error StreamReader::failure(int averror, const QString& what) const {
    using namespace readfailure;
    const QString detail = avErrorText(averror);
    if (m_cancelled.load()) {
        return Error::make(kCancelled, QStringLiteral("Reading %1 was cancelled.").arg(what));
    }
    const bool timedOut = steadyMs() > m_deadlineMs.load() || averror == AVERROR(ETIMEDOUT);
    if (m_opening) {
        if (timedOut) {
            return Error::make(
                kUnreachable, QStringLiteral("%1 did not answer within %2 s. Check that the camera is on and "
                                             "reachable from this server, and its address and port.")
                                  .arg(what, QString::number(m_options.connectTimeoutMs / 1000.0)));
        }
        switch (averror) {
        case AVERROR_HTTP_UNAUTHORIZED:
        case AVERROR_HTTP_FORBIDDEN:
            return Error::make(kUnauthorised, QStringLiteral("%1 refused the user name or password (%2). Check the "
                                                             "credentials set for this camera.")
                                                  .arg(what, detail));
        case AVERROR(ECONNREFUSED):
        case AVERROR(EHOSTUNREACH):
        case AVERROR(ENETUNREACH):
        case AVERROR(EHOSTDOWN):
        case AVERROR(ECONNRESET):
        case AVERROR(EIO):
            return Error::make(kUnreachable, QStringLiteral("Cannot connect to %1 (%2). Check that the camera is on, "
                                                            "its address and port, and the network.")
                                                 .arg(what, detail));
        case AVERROR_HTTP_NOT_FOUND:
        case AVERROR_HTTP_BAD_REQUEST:
        case AVERROR_HTTP_OTHER_4XX:
        case AVERROR_INVALIDDATA:
        case AVERROR_DEMUXER_NOT_FOUND:
        case AVERROR_PROTOCOL_NOT_FOUND:
        case AVERROR_STREAM_NOT_FOUND:
        case AVERROR(ENOENT):
        case AVERROR(EACCES):
        case AVERROR(EISDIR):
            return Error::make(kNotAStream, QStringLiteral("%1 answered, but not with a video stream we can read "
                                                           "(%2). Check the stream path or URL.")
                                                .arg(what, detail));
        default:
            return Error::make(kStreamError,
                               QStringLiteral("Cannot read the stream from %1 (%2).").arg(what, detail));
        }
    }
    if (averror == AVERROR_EOF && !d->network) {
        return Error::make(kEndOfStream, QStringLiteral("%1 ended.").arg(what));
    }
    if (timedOut) {
        return Error::make(kStreamError, QStringLiteral("%1 sent nothing for %2 s; the stream stalled.")
                                             .arg(what, QString::number(m_options.readTimeoutMs / 1000.0)));
    }
    if (averror == AVERROR_EOF) {
        return Error::make(kStreamError, QStringLiteral("%1 closed the stream.").arg(what));
    }
    return Error::make(kStreamError, QStringLiteral("The stream from %1 failed (%2).").arg(what, detail));
}

Status StreamReader::open(const QUrl& url, const QString& user, const QString& password) {
    using namespace readfailure;
    close();
    d = std::make_unique<Private>();
    d->where = url.toString(QUrl::RemoveUserInfo);
    const QString scheme = url.scheme().toLower();
    d->network = isNetworkScheme(scheme);
    d->rtsp = scheme.startsWith(QLatin1String("rtsp"));
    if (!d->network && !url.isLocalFile() && !scheme.isEmpty()) {
        return Error::make(kNotAStream, QStringLiteral("%1: the address must start with rtsp://, rtsps://, "
                                                       "http://, https:// or file://.")
                                            .arg(d->where));
    }
    if (scheme == QLatin1String("rtsp") && m_options.nativeRtsp && !knownReordered(d->where)) {
        d->native = std::make_unique<RtspReader>(m_cancelled, m_options.connectTimeoutMs, m_options.readTimeoutMs);
        if (Status opened = d->native->open(url, user, password); !opened) {
            d.reset();
            return opened;
        }
        m_info = d->native->info();
        return {};
    }
    QString target;
    if (d->network) {
        if (auto problem = resolveProblem(url.host()); problem) {
            return Error::make(kUnreachable, *problem);
        }
        QUrl withCredentials = url;
        if (!user.isEmpty() || !password.isEmpty()) {
            // FFmpeg URL-decodes the user information before it answers a basic or digest
            // challenge, so characters such as ':' and '@' survive percent-encoded.
            withCredentials.setUserName(user);
            withCredentials.setPassword(password);
        }
        target = QString::fromUtf8(withCredentials.toEncoded());
    } else {
        target = url.isLocalFile() ? url.toLocalFile() : url.toString();
        if (!QFileInfo(target).isFile()) {
            return Error::make(kNotAStream, QStringLiteral("%1 is not a file that can be read.").arg(target));
        }
    }

    d->context = avformat_alloc_context();
    d->packet = av_packet_alloc();
    if (!d->context || !d->packet) {
        return Error::make(kStreamError, QStringLiteral("Out of memory opening %1.").arg(d->where));
    }
    d->context->interrupt_callback = AVIOInterruptCB{&StreamReader::interrupted, this};

    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", kProtocols, 0);
    av_dict_set(&options, "format_whitelist", kFormats, 0);
    av_dict_set(&options, "user_agent", "Vigil/" VIGIL_VERSION, 0);
    // Socket I/O timeout (µs), a second guard behind the interrupt callback.
    av_dict_set_int(&options, "timeout", static_cast<int64_t>(m_options.connectTimeoutMs) * 1000, 0);
    if (d->rtsp) {
        av_dict_set(&options, "rtsp_transport", "tcp", 0);
        av_dict_set(&options, "allowed_media_types", "video+audio", 0);
    }
    // Enough to see one keyframe of each track; probing only reads, the packets are kept.
    av_dict_set_int(&options, "analyzeduration", 3'000'000, 0);

    m_opening = true;
    armDeadline(m_options.connectTimeoutMs);
    int result = avformat_open_input(&d->context, target.toUtf8().constData(), nullptr, &options);
    av_dict_free(&options);
    if (result < 0) {
        Error error = failure(result, d->where);
        m_opening = false;
        d.reset();
        return error;
    }
    d->playingSinceUs = utcNowUs();
    result = avformat_find_stream_info(d->context, nullptr);
    if (result < 0) {
        Error error = failure(result, d->where);
        m_opening = false;
        d.reset();
        return error;
    }
    m_opening = false;

    QStringList skipped;
    d->trackOf.assign(d->context->nb_streams, -1);
    for (unsigned i = 0; i < d->context->nb_streams; ++i) {
        const AVCodecParameters& parameters = *d->context->streams[i]->codecpar;
        auto track = trackFromParameters(parameters);
        if (!track) {
            continue;
        }
        if (parameters.codec_id == AV_CODEC_ID_NONE) {
            skipped << QStringLiteral("an unknown %1 codec").arg(track->kind == TrackKind::Video ? "video" : "audio");
            continue;
        }
        d->trackOf[i] = static_cast<int>(m_info.tracks.size());
        m_info.tracks.append(*track);
    }
    if (m_info.tracks.isEmpty()) {
        const QString what = d->where;
        d.reset();
        return Error::make(kNotAStream, QStringLiteral("%1 has no video or audio track we can read%2.")
                                            .arg(what, skipped.isEmpty() ? QString()
                                                                         : QStringLiteral(" (") +
                                                                               skipped.join(QStringLiteral(", ")) +
                                                                               QLatin1Char(')')));
    }
    qCDebug(lcMedia).noquote() << "opened" << d->where << "with" << m_info.tracks.size() << "tracks";
    return {};
}

Result<PacketPtr> StreamReader::read() {
    using namespace readfailure;
    if (d && d->native) {
        auto unit = d->native->read();
        if (!unit) {
            return unit.error();
        }
        if (unit->track == m_info.videoTrack()) {
            const qint64 last = std::exchange(d->lastVideoPtsUs, unit->ownUs);
            if (last != TimestampMapper::kNoTime && unit->ownUs < last && last - unit->ownUs < 5'000'000) {
                markReordered(d->where);
                return Error::make(kStreamError,
                                   QStringLiteral("%1 sends B-frames (pictures out of order); Vigil reconnects and reads "
                                                  "it through FFmpeg, which rebuilds their decoding times.")
                                       .arg(d->where));
            }
        }
        // Packets come as they arrive (no probing buffer): arrival time is the anchor.
        const auto mapped = d->mapper.map(unit->track, unit->ownUs, unit->ownUs, utcNowUs(), unit->realtimeUs);
        auto out = std::make_shared<MediaPacket>();
        out->track = unit->track;
        out->dtsUs = mapped.dtsUs;
        out->ptsUs = mapped.ptsUs;
        out->keyframe = unit->keyframe;
        out->data = std::move(unit->data);
        return PacketPtr(std::move(out));
    }
    if (!d || !d->context) {
        return Error::make(kStreamError, QStringLiteral("The stream is not open."));
    }
    for (;;) {
        armDeadline(m_options.readTimeoutMs);
        const int result = av_read_frame(d->context, d->packet);
        if (result < 0) {
            return failure(result, d->where);
        }
        AVPacket& packet = *d->packet;
        const int track = packet.stream_index >= 0 && static_cast<size_t>(packet.stream_index) < d->trackOf.size()
                              ? d->trackOf[static_cast<size_t>(packet.stream_index)]
                              : -1;
        if (track < 0 || packet.size <= 0) {
            av_packet_unref(&packet);
            continue;
        }
        const AVRational timeBase = d->context->streams[packet.stream_index]->time_base;
        const qint64 dts = toUs(packet.dts, timeBase);
        const qint64 pts = toUs(packet.pts, timeBase);

        if (!d->network && m_options.paceFiles) {
            // Hold each packet until its time comes, like a camera would send it.
            const qint64 own = dts != TimestampMapper::kNoTime ? dts : pts;
            if (own != TimestampMapper::kNoTime) {
                if (d->paceOriginUs == TimestampMapper::kNoTime) {
                    d->paceOriginUs = own;
                    d->paceStartMs = steadyMs();
                }
                const qint64 dueMs = d->paceStartMs + (own - d->paceOriginUs) / 1000;
                while (steadyMs() < dueMs && !m_cancelled.load()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(dueMs - steadyMs(), 50)));
                }
                if (m_cancelled.load()) {
                    av_packet_unref(&packet);
                    return Error::make(kCancelled, QStringLiteral("Reading %1 was cancelled.").arg(d->where));
                }
            }
        }

        // The camera's wall clock (RTCP) only means something for RTSP.
        const qint64 realtime = d->rtsp && d->context->start_time_realtime != AV_NOPTS_VALUE &&
                                        d->context->start_time_realtime > 0
                                    ? d->context->start_time_realtime
                                    : TimestampMapper::kNoTime;
        const qint64 arrivalUs = d->network && !d->mapper.anchored() ? d->playingSinceUs : utcNowUs();
        const auto mapped = d->mapper.map(track, dts, pts, arrivalUs, realtime);
        auto out = std::make_shared<MediaPacket>();
        out->track = track;
        out->dtsUs = mapped.dtsUs;
        out->ptsUs = mapped.ptsUs;
        out->durationUs = packet.duration > 0 ? av_rescale_q(packet.duration, timeBase, kMicroseconds) : 0;
        out->keyframe = (packet.flags & AV_PKT_FLAG_KEY) != 0;
        out->data = packetData(packet);
        av_packet_unref(&packet);
        return PacketPtr(std::move(out));
    }
}

}  // namespace vigil::core::media
