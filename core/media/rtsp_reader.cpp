#include "media/rtsp_reader.h"

#include <QHostAddress>
#include <chrono>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "media/media_logging.h"
#include "media/rtsp/rtsp_auth.h"
#include "media/rtsp/rtsp_message.h"
#include "media/rtsp/sdp.h"
#include "media/stream_reader.h"

namespace vigil::core::media {

using rtsp::RtspMessage;
using rtsp::RtspMessageParser;

namespace {

constexpr qsizetype kReadBytes = 256 * 1024;
constexpr qsizetype kMaxGarbageBytes = 64 * 1024;  // bytes that are neither frames nor answers
constexpr int kPollSliceMs = 100;                  // how often a wait looks at the cancel flag
constexpr int kMaxRedirects = 3;
constexpr int kDefaultPort = 554;

qint64 steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

QByteArray userAgent() {
    return QByteArrayLiteral("Vigil/" VIGIL_VERSION);
}

}  // namespace

struct RtspReader::Auth {
    rtsp::RtspAuthenticator authenticator;
};

struct RtspReader::Track {
    TrackInfo info;
    int clockRate = 90000;
    std::unique_ptr<RtpDepacketizer> depacketizer;
    QUrl control;
    int rtpChannel = -1;
    bool haveSequence = false;
    quint16 lastSequence = 0;
    bool haveTimestamp = false;
    quint32 lastTimestamp = 0;
    qint64 extended = 0;  // last timestamp, extended to 64 bits
    qint64 first = 0;     // extended timestamp of the first packet
    qint64 realtimeUs = kNoTime;
    std::optional<SenderReport> pendingReport;  // came before the first RTP packet
};

struct RtspReader::Response {
    RtspMessage message;
};

RtspReader::RtspReader(const std::atomic<bool>& cancelled, int connectTimeoutMs, int readTimeoutMs)
    : m_cancelled(cancelled), m_connectTimeoutMs(connectTimeoutMs), m_readTimeoutMs(readTimeoutMs),
      m_auth(std::make_unique<Auth>()) {
    installFfmpegLogging();
}

RtspReader::~RtspReader() {
    teardown();
}

Error RtspReader::fail(const QString& code, const QString& message) const {
    if (m_cancelled.load()) {
        return Error::make(readfailure::kCancelled, QStringLiteral("Reading %1 was cancelled.").arg(m_url.toString()));
    }
    return Error::make(code, message);
}

// --- the connection ------------------------------------------------------------------------------

Status RtspReader::connectTo(const QUrl& url) {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    const QString where = url.toString(QUrl::RemoveUserInfo);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const QByteArray port = QByteArray::number(url.port(kDefaultPort));
    const int resolved = getaddrinfo(url.host().toUtf8().constData(), port.constData(), &hints, &found);
    if (resolved != 0 || !found) {
        return fail(readfailure::kUnreachable,
                    QStringLiteral("The host name %1 cannot be resolved (%2). Check the address and the DNS settings.")
                        .arg(url.host(), QString::fromUtf8(gai_strerror(resolved))));
    }
    const qint64 deadline = steadyMs() + m_connectTimeoutMs;
    int lastError = ETIMEDOUT;
    for (addrinfo* address = found; address; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        if (::connect(fd, address->ai_addr, address->ai_addrlen) == 0 || errno == EINPROGRESS) {
            bool connected = false;
            while (!m_cancelled.load() && steadyMs() < deadline) {
                pollfd wait{fd, POLLOUT, 0};
                const int ready = ::poll(&wait, 1, static_cast<int>(std::min<qint64>(kPollSliceMs, deadline - steadyMs())));
                if (ready > 0) {
                    int error = 0;
                    socklen_t length = sizeof error;
                    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
                    connected = error == 0;
                    lastError = error;
                    break;
                }
            }
            if (connected) {
                const int one = 1;
                ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // requests go at once
                m_fd = fd;
                break;
            }
        } else {
            lastError = errno;
        }
        ::close(fd);
    }
    freeaddrinfo(found);
    if (m_fd < 0) {
        if (lastError == ETIMEDOUT || steadyMs() >= deadline) {
            return fail(readfailure::kUnreachable,
                        QStringLiteral(
                            "%1 did not answer within %2 s. Check that the camera is on and reachable from "
                            "this server, and its address and port.")
                            .arg(where, QString::number(m_connectTimeoutMs / 1000.0)));
        }
        return fail(readfailure::kUnreachable,
                    QStringLiteral("Cannot connect to %1 (%2). Check that the camera is on, its address and port, and "
                                   "the network.")
                        .arg(where, errnoText(lastError)));
    }
    m_buffer.clear();
    m_offset = 0;
    return {};
}

Status RtspReader::sendAll(const QByteArray& bytes, qint64 deadlineMs) {
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            return fail(readfailure::kStreamError,
                        QStringLiteral("The connection to %1 broke (%2).").arg(m_url.toString(), errnoText(errno)));
        }
        if (m_cancelled.load() || steadyMs() >= deadlineMs) {
            return fail(readfailure::kStreamError, QStringLiteral("%1 does not take our requests.").arg(m_url.toString()));
        }
        pollfd wait{m_fd, POLLOUT, 0};
        ::poll(&wait, 1, kPollSliceMs);
    }
    return {};
}

Status RtspReader::receive(qint64 deadlineMs, bool opening) {
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);  // keep the buffer from growing: drop what was parsed
        m_offset = 0;
    }
    for (;;) {
        const qsizetype used = m_buffer.size();
        m_buffer.resize(used + kReadBytes);
        const ssize_t n = ::recv(m_fd, m_buffer.data() + used, static_cast<size_t>(kReadBytes), 0);
        m_buffer.resize(used + std::max<ssize_t>(n, 0));
        if (n > 0) {
            return {};
        }
        if (n == 0) {
            return fail(opening ? readfailure::kNotAStream : readfailure::kStreamError,
                        opening ? QStringLiteral("%1 closed the connection without an RTSP answer.").arg(m_url.toString())
                                : QStringLiteral("%1 closed the stream.").arg(m_url.toString()));
        }
        if (errno != EAGAIN && errno != EINTR) {
            return fail(readfailure::kStreamError,
                        QStringLiteral("The stream from %1 failed (%2).").arg(m_url.toString(), errnoText(errno)));
        }
        const qint64 left = deadlineMs - steadyMs();
        if (m_cancelled.load() || left <= 0) {
            if (opening) {
                return fail(readfailure::kUnreachable,
                            QStringLiteral("%1 did not answer within %2 s.")
                                .arg(m_url.toString(), QString::number(m_connectTimeoutMs / 1000.0)));
            }
            return fail(readfailure::kStreamError,
                        QStringLiteral("%1 sent nothing for %2 s; the stream stalled.")
                            .arg(m_url.toString(), QString::number(m_readTimeoutMs / 1000.0)));
        }
        pollfd wait{m_fd, POLLIN, 0};
        ::poll(&wait, 1, static_cast<int>(std::min<qint64>(kPollSliceMs, left)));
    }
}

// --- requests ------------------------------------------------------------------------------------

Result<RtspReader::Response> RtspReader::request(const QByteArray& method, const QUrl& uri,
                                                 const QList<std::pair<QByteArray, QByteArray>>& headers, bool opening) {
    const QByteArray target = uri.toEncoded(QUrl::RemoveUserInfo);
    for (int attempt = 0; attempt < 3; ++attempt) {
        RtspMessage message = RtspMessage::request(method, target, ++m_cseq);
        message.headers.add("User-Agent", userAgent());
        if (!m_session.isEmpty()) {
            message.headers.add("Session", m_session);
        }
        for (const auto& [name, value] : headers) {
            message.headers.add(name, value);
        }
        if (m_auth->authenticator.hasChallenge()) {
            message.headers.add("Authorization", m_auth->authenticator.authorization(method, target));
        }
        const qint64 deadline = steadyMs() + m_connectTimeoutMs;
        if (Status sent = sendAll(message.serialize(), deadline); !sent) {
            return sent.error();
        }
        m_lastRequestMs = steadyMs();
        // Wait for our answer; interleaved frames that come first (after PLAY) are handled.
        bool retry = false;
        for (;;) {
            if (m_playing) {
                if (Status parsed = parseFrames(); !parsed) {
                    return parsed.error();
                }
            }
            auto answer = takeMessage(opening);
            if (!answer) {
                return answer.error();
            }
            if (answer.value()) {
                Response response{std::move(*answer.value())};
                if (response.message.cseq().value_or(-1) != m_cseq) {
                    continue;  // an answer to an earlier keep-alive
                }
                if (response.message.statusCode == 401 && attempt < 2 &&
                    m_auth->authenticator.takeChallenge(response.message.headers.values("WWW-Authenticate"))) {
                    retry = true;  // again, with the credentials
                    break;
                }
                return response;
            }
            if (Status got = receive(deadline, opening); !got) {
                return got.error();
            }
        }
        if (!retry) {
            break;
        }
    }
    return fail(readfailure::kUnauthorised, QStringLiteral("%1 refused the credentials.").arg(m_url.toString()));
}

Error RtspReader::responseError(const Response& response, const QString& what) const {
    const int status = response.message.statusCode;
    const QString detail = QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(response.message.reason));
    if (status == 401 || status == 403) {
        return fail(readfailure::kUnauthorised,
                    QStringLiteral("%1 refused the user name or password (%2). Check the credentials set for this "
                                   "camera.")
                        .arg(m_url.toString(), detail));
    }
    if (status == 404 || status == 400 || status == 415) {
        return fail(readfailure::kNotAStream,
                    QStringLiteral("%1 answered %2 to %3: there is no stream at this path. Check the stream path or URL.")
                        .arg(m_url.toString(), detail, what));
    }
    if (status == 461) {
        return fail(readfailure::kStreamError,
                    QStringLiteral("%1 does not offer RTP over its RTSP connection (TCP), which Vigil needs (%2).")
                        .arg(m_url.toString(), detail));
    }
    return fail(readfailure::kStreamError,
                QStringLiteral("%1 answered %2 to %3.").arg(m_url.toString(), detail, what));
}

// --- open ----------------------------------------------------------------------------------------

Status RtspReader::open(const QUrl& url, const QString& user, const QString& password) {
    m_url = url.adjusted(QUrl::RemoveUserInfo);
    m_user = user;
    m_password = password;
    m_auth->authenticator = rtsp::RtspAuthenticator(user, password);

    QUrl target = m_url;
    Response described;
    for (int redirect = 0;; ++redirect) {
        if (Status connected = connectTo(target); !connected) {
            return connected;
        }
        auto options = request("OPTIONS", target, {}, true);
        if (!options) {
            return options.error();
        }
        if (options->message.statusCode == 401 || options->message.statusCode == 403) {
            return responseError(options.value(), QStringLiteral("OPTIONS"));
        }
        m_getParameter = options->message.headers.value("Public").contains("GET_PARAMETER");
        auto describe = request("DESCRIBE", target, {{"Accept", "application/sdp"}}, true);
        if (!describe) {
            return describe.error();
        }
        const int status = describe->message.statusCode;
        if (status >= 300 && status < 400 && redirect < kMaxRedirects) {
            const QUrl location(QString::fromUtf8(describe->message.headers.value("Location")));
            if (location.isValid() && location.scheme() == QLatin1String("rtsp")) {
                target = location.adjusted(QUrl::RemoveUserInfo);
                continue;
            }
        }
        if (status != 200) {
            return responseError(describe.value(), QStringLiteral("DESCRIBE"));
        }
        described = std::move(describe.value());
        break;
    }

    QUrl base = target;
    for (const char* header : {"Content-Base", "Content-Location"}) {
        const QByteArray value = described.message.headers.value(header);
        if (!value.isEmpty()) {
            base = QUrl(QString::fromUtf8(value));
            break;
        }
    }
    auto sdp = rtsp::SdpParser::parse(described.message.body, base);
    if (!sdp) {
        return fail(readfailure::kNotAStream, QStringLiteral("%1 answered DESCRIBE with a stream description that cannot "
                                                             "be read (%2).")
                                                  .arg(m_url.toString(), sdp.error().message));
    }
    m_controlUrl = sdp->controlUrl.isValid() ? sdp->controlUrl : base;

    QStringList skipped;
    for (const rtsp::SdpMedia& media : sdp->media) {
        if (media.type != "video" && media.type != "audio") {
            continue;
        }
        const QString codec = media.codec();
        auto depacketizer = RtpDepacketizer::create(codec, media.formatParameters(), media.annexBParameterSets());
        if (!depacketizer) {
            skipped << QStringLiteral("%1 %2").arg(QString::fromLatin1(media.type), codec.isEmpty()
                                                                                       ? QString::fromLatin1(media.rtpmap().encodingName)
                                                                                       : codec);
            continue;
        }
        auto track = std::make_unique<Track>();
        track->depacketizer = std::move(depacketizer);
        track->control = media.controlUrl;
        track->clockRate = media.rtpmap().clockRate > 0 ? media.rtpmap().clockRate : 90000;
        track->info.codec = codec;
        if (media.type == "video") {
            track->info.kind = TrackKind::Video;
            track->info.extradata = media.annexBParameterSets();
            track->info.width = media.width();
            track->info.height = media.height();
        } else {
            track->info.kind = TrackKind::Audio;
            track->info.extradata = media.audioSpecificConfig();
            track->info.sampleRate = track->clockRate;
            track->info.channels = media.rtpmap().channels > 0 ? media.rtpmap().channels : 1;
        }
        m_tracks.push_back(std::move(track));
    }
    if (m_tracks.empty()) {
        return fail(readfailure::kNotAStream,
                    QStringLiteral("%1 has no video or audio track Vigil can read%2.")
                        .arg(m_url.toString(),
                             skipped.isEmpty() ? QString() : QStringLiteral(" (it offers ") + skipped.join(", ") + ')'));
    }

    for (size_t i = 0; i < m_tracks.size(); ++i) {
        Track& track = *m_tracks[i];
        const int channel = static_cast<int>(2 * i);
        auto setup = request("SETUP", track.control,
                             {{"Transport", QByteArray("RTP/AVP/TCP;unicast;interleaved=") + QByteArray::number(channel) +
                                                '-' + QByteArray::number(channel + 1)}},
                             true);
        if (!setup) {
            return setup.error();
        }
        if (setup->message.statusCode != 200) {
            return responseError(setup.value(), QStringLiteral("SETUP"));
        }
        if (m_session.isEmpty()) {
            auto session = rtsp::parseSession(setup->message.headers.value("Session"));
            if (!session || session->id.isEmpty()) {
                return fail(readfailure::kStreamError,
                            QStringLiteral("%1 answered SETUP without a session.").arg(m_url.toString()));
            }
            m_session = session->id;
            m_sessionTimeoutS = session->timeoutSeconds > 0 ? session->timeoutSeconds : 60;
        }
        track.rtpChannel = channel;
        if (auto transports = rtsp::parseTransport(setup->message.headers.value("Transport"));
            transports && !transports->isEmpty() && transports->first().interleaved) {
            track.rtpChannel = transports->first().interleaved->first;  // the camera may choose
        }
        if (track.rtpChannel < 0 || track.rtpChannel > 254) {
            return fail(readfailure::kStreamError, QStringLiteral("%1 chose an impossible channel.").arg(m_url.toString()));
        }
        if (m_trackOfChannel.size() < static_cast<size_t>(track.rtpChannel + 2)) {
            m_trackOfChannel.resize(static_cast<size_t>(track.rtpChannel + 2), -1);
        }
        m_trackOfChannel[static_cast<size_t>(track.rtpChannel)] = static_cast<int>(i);
        m_trackOfChannel[static_cast<size_t>(track.rtpChannel + 1)] = static_cast<int>(i);
        m_info.tracks.append(track.info);
    }

    m_playing = true;  // frames may come before the PLAY answer
    auto play = request("PLAY", m_controlUrl, {{"Range", "npt=0.000-"}}, true);
    if (!play) {
        return play.error();
    }
    if (play->message.statusCode != 200) {
        return responseError(play.value(), QStringLiteral("PLAY"));
    }
    qCDebug(lcMedia).noquote() << "playing" << m_url.toString() << "natively with" << m_info.tracks.size() << "tracks";
    return {};
}

// --- playing -------------------------------------------------------------------------------------

qint64 RtspReader::extend(Track& track, quint32 timestamp, bool update) {
    if (!track.haveTimestamp) {
        if (update) {
            track.haveTimestamp = true;
            track.lastTimestamp = timestamp;
            track.extended = timestamp;
            track.first = timestamp;
        }
        return timestamp;
    }
    const qint64 extended = track.extended + static_cast<qint32>(timestamp - track.lastTimestamp);
    if (update) {
        track.lastTimestamp = timestamp;
        track.extended = extended;
    }
    return extended;
}

Status RtspReader::handleFrame(int channel, QByteArrayView payload) {
    if (channel < 0 || static_cast<size_t>(channel) >= m_trackOfChannel.size() ||
        m_trackOfChannel[static_cast<size_t>(channel)] < 0) {
        return {};  // a channel we did not set up: ignore
    }
    const int index = m_trackOfChannel[static_cast<size_t>(channel)];
    Track& track = *m_tracks[static_cast<size_t>(index)];
    const auto toUs = [&track](qint64 ticks) { return ticks * 1'000'000 / track.clockRate; };
    if (channel != track.rtpChannel) {
        // RTCP: the first sender report ties the track's clock to the camera's wall clock.
        if (auto report = parseSenderReport(payload); report && track.realtimeUs == kNoTime) {
            if (track.haveTimestamp) {
                track.realtimeUs = report->utcUs() - toUs(extend(track, report->rtpTimestamp, false) - track.first);
            } else {
                track.pendingReport = report;
            }
        }
        return {};
    }
    auto rtp = parseRtp(payload);
    if (!rtp) {
        return {};  // not RTP: skipped, like a damaged packet
    }
    bool lost = false;
    if (track.haveSequence && rtp->sequence != static_cast<quint16>(track.lastSequence + 1)) {
        lost = true;
        m_lostPackets += static_cast<quint16>(rtp->sequence - track.lastSequence - 1);
    }
    track.haveSequence = true;
    track.lastSequence = rtp->sequence;
    const qint64 timestamp = extend(track, rtp->timestamp, true);
    if (track.pendingReport) {
        track.realtimeUs = track.pendingReport->utcUs() - toUs(extend(track, track.pendingReport->rtpTimestamp, false) - track.first);
        track.pendingReport.reset();
    }
    m_scratch.clear();
    track.depacketizer->push(rtp->payload, timestamp, rtp->marker, lost, m_scratch);
    for (AccessUnit& unit : m_scratch) {
        m_ready.push_back(Unit{index, toUs(unit.timestamp - track.first), track.realtimeUs, unit.keyframe, std::move(unit.data)});
    }
    return {};
}

Result<std::optional<RtspMessage>> RtspReader::takeMessage(bool opening) {
    if (m_offset >= m_buffer.size() || m_buffer[m_offset] == '$') {
        return std::optional<RtspMessage>();
    }
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", m_offset);
    const qsizetype available = m_buffer.size() - m_offset;
    const bool rtsp = QByteArrayView(m_buffer).sliced(m_offset).startsWith(QByteArrayView("RTSP/1.0").first(std::min<qsizetype>(8, available)));
    if (!rtsp || (headEnd < 0 && available > RtspMessageParser::kMaxHeaderBytes)) {
        const QString text = QString::fromLatin1(m_buffer.mid(m_offset, 40)).simplified();
        return fail(opening ? readfailure::kNotAStream : readfailure::kStreamError,
                    QStringLiteral("%1 answered, but not in RTSP (\"%2\"). Check the address: is it a camera's RTSP "
                                   "port?")
                        .arg(m_url.toString(), text));
    }
    if (headEnd < 0) {
        return std::optional<RtspMessage>();  // more to come
    }
    const qsizetype headLength = headEnd + 4 - m_offset;
    qsizetype bodyLength = 0;
    for (const QByteArray& line : m_buffer.mid(m_offset, headLength).split('\n')) {
        if (line.toLower().startsWith("content-length:")) {
            bodyLength = line.mid(15).trimmed().toLongLong();
        }
    }
    if (bodyLength < 0 || bodyLength > RtspMessageParser::kMaxBodyBytes) {
        return fail(readfailure::kNotAStream, QStringLiteral("%1 sent an answer of %2 bytes.")
                                                  .arg(m_url.toString(), QString::number(bodyLength)));
    }
    if (available < headLength + bodyLength) {
        return std::optional<RtspMessage>();
    }
    RtspMessageParser parser(RtspMessageParser::Expect::Responses);
    const Status fed = parser.feed(QByteArrayView(m_buffer).sliced(m_offset, headLength + bodyLength));
    m_offset += headLength + bodyLength;
    if (!fed || !parser.hasItem()) {
        return fail(opening ? readfailure::kNotAStream : readfailure::kStreamError,
                    QStringLiteral("%1 answered, but not in RTSP (%2).")
                        .arg(m_url.toString(), fed ? QStringLiteral("incomplete answer") : fed.error().message));
    }
    auto item = parser.takeItem();
    auto* message = std::get_if<RtspMessage>(&item);
    if (!message) {
        return std::optional<RtspMessage>();
    }
    return std::optional<RtspMessage>(std::move(*message));
}

Status RtspReader::parseFrames() {
    while (m_offset < m_buffer.size()) {
        const char* at = m_buffer.constData() + m_offset;
        const qsizetype available = m_buffer.size() - m_offset;
        if (*at == '$') {
            if (available < 4) {
                return {};
            }
            const int channel = static_cast<quint8>(at[1]);
            const qsizetype length = (static_cast<quint8>(at[2]) << 8) | static_cast<quint8>(at[3]);
            if (available < 4 + length) {
                return {};
            }
            m_garbage = 0;
            if (Status handled = handleFrame(channel, QByteArrayView(at + 4, length)); !handled) {
                return handled;
            }
            m_offset += 4 + length;
            continue;
        }
        if (*at == 'R') {
            return {};  // an answer: takeMessage's
        }
        // Neither a frame nor an answer: skip to the next '$' and hope; not for long.
        const qsizetype next = m_buffer.indexOf('$', m_offset + 1);
        const qsizetype skipped = (next < 0 ? m_buffer.size() : next) - m_offset;
        m_garbage += skipped;
        m_offset += skipped;
        if (m_garbage > kMaxGarbageBytes) {
            return fail(readfailure::kStreamError,
                        QStringLiteral("%1 sends data that is neither RTSP nor RTP.").arg(m_url.toString()));
        }
    }
    return {};
}

// While playing: frames, and the answers to keep-alives (a 454 means the session is gone).
Status RtspReader::parseBuffer() {
    for (;;) {
        if (Status frames = parseFrames(); !frames) {
            return frames;
        }
        if (m_offset >= m_buffer.size() || m_buffer[m_offset] != 'R') {
            return {};
        }
        auto message = takeMessage(false);
        if (!message) {
            return message.error();
        }
        if (!message.value()) {
            return {};  // the rest of the answer is still on its way
        }
        if (message.value()->statusCode == 454) {
            return fail(readfailure::kStreamError, QStringLiteral("%1 ended the session.").arg(m_url.toString()));
        }
    }
}

void RtspReader::keepAlive() {
    const qint64 intervalMs = std::min<qint64>(m_sessionTimeoutS * 1000 / 2, 25'000);
    if (steadyMs() - m_lastRequestMs < intervalMs) {
        return;
    }
    RtspMessage message = RtspMessage::request(m_getParameter ? "GET_PARAMETER" : "OPTIONS",
                                               m_controlUrl.toEncoded(QUrl::RemoveUserInfo), ++m_cseq);
    message.headers.add("User-Agent", userAgent());
    message.headers.add("Session", m_session);
    if (m_auth->authenticator.hasChallenge()) {
        message.headers.add("Authorization", m_auth->authenticator.authorization(message.method, message.uri));
    }
    m_lastRequestMs = steadyMs();
    (void)sendAll(message.serialize(), steadyMs() + 1000);  // its answer is read with the frames
}

Result<RtspReader::Unit> RtspReader::read() {
    const qint64 deadline = steadyMs() + m_readTimeoutMs;
    while (m_ready.empty()) {
        if (m_fd < 0) {
            return fail(readfailure::kStreamError, QStringLiteral("The stream is not open."));
        }
        keepAlive();
        if (Status parsed = parseBuffer(); !parsed) {
            return parsed.error();
        }
        if (!m_ready.empty()) {
            break;
        }
        if (Status got = receive(deadline, false); !got) {
            return got.error();
        }
    }
    Unit unit = std::move(m_ready.front());
    m_ready.pop_front();
    return unit;
}

void RtspReader::teardown() {
    if (m_fd < 0) {
        return;
    }
    if (m_playing && !m_session.isEmpty()) {
        RtspMessage message = RtspMessage::request("TEARDOWN", m_controlUrl.toEncoded(QUrl::RemoveUserInfo), ++m_cseq);
        message.headers.add("User-Agent", userAgent());
        message.headers.add("Session", m_session);
        if (m_auth->authenticator.hasChallenge()) {
            message.headers.add("Authorization", m_auth->authenticator.authorization(message.method, message.uri));
        }
        const QByteArray bytes = message.serialize();
        (void)::send(m_fd, bytes.constData(), static_cast<size_t>(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    ::close(m_fd);
    m_fd = -1;
}

}  // namespace vigil::core::media
