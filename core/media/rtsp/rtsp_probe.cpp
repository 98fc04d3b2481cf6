#include "media/rtsp/rtsp_probe.h"

#include <QDeadlineTimer>
#include <algorithm>
#include <QHostAddress>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "devices/device_driver.h"
#include "media/rtsp/rtsp_auth.h"
#include "media/rtsp/rtsp_message.h"
#include "media/rtsp/sdp.h"

namespace vigil::core::media::rtsp {

namespace {

// The probe talks to the socket with plain POSIX calls in short poll() slices: Qt's blocking
// QTcpSocket::waitForConnected resets the socket when a slice times out, and an event loop here
// would run other objects' events on the caller's worker thread.
constexpr int kSliceMs = 50;
constexpr qsizetype kReadChunk = 16 * 1024;

Error error(const char* code, const QString& message) {
    return Error::make(QString::fromLatin1(code), message);
}

QString seconds(int ms) {
    return QString::number(ms / 1000.0, 'g', 3);
}

class Deadline {
public:
    Deadline(int timeoutMs, std::function<bool()> isCancelled)
        : m_timer(timeoutMs), m_timeoutMs(timeoutMs), m_isCancelled(std::move(isCancelled)) {}

    bool cancelled() const { return m_isCancelled && m_isCancelled(); }
    bool expired() const { return m_timer.hasExpired(); }
    int slice() const { return static_cast<int>(qBound<qint64>(qint64(0), m_timer.remainingTime(), qint64(kSliceMs))); }
    int timeoutMs() const { return m_timeoutMs; }
    // Why a wait ended early, as an Error.
    Error stopped(const QString& waitingFor) const {
        if (cancelled()) {
            return error(devices::kErrorCancelled, QStringLiteral("The camera check was cancelled."));
        }
        return error(devices::kErrorUnreachable,
                     QStringLiteral("%1 did not happen within %2 s. Check that the camera is on and reachable, "
                                    "or allow a longer timeout.")
                         .arg(waitingFor, seconds(m_timeoutMs)));
    }

private:
    QDeadlineTimer m_timer;
    int m_timeoutMs;
    std::function<bool()> m_isCancelled;
};

// getaddrinfo() cannot be interrupted, so it runs on its own thread; if we stop waiting, the
// thread finishes on its own and the shared state outlives us.
struct LookupState {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    int status = 0;
    QList<QHostAddress> addresses;
};

Result<QList<QHostAddress>> resolve(const QString& host, const Deadline& deadline) {
    QHostAddress literal;
    if (literal.setAddress(host)) {
        return QList<QHostAddress>{literal};
    }
    auto state = std::make_shared<LookupState>();
    std::thread([state, name = host.toUtf8()]() {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const int status = ::getaddrinfo(name.constData(), nullptr, &hints, &found);
        QList<QHostAddress> addresses;
        for (addrinfo* entry = found; entry; entry = entry->ai_next) {
            const QHostAddress address(entry->ai_addr);
            if (!addresses.contains(address)) {
                addresses.append(address);
            }
        }
        if (found) {
            ::freeaddrinfo(found);
        }
        const std::lock_guard lock(state->mutex);
        state->status = status;
        state->addresses = addresses;
        state->finished = true;
        state->done.notify_all();
    }).detach();
    std::unique_lock lock(state->mutex);
    while (!state->finished) {
        if (deadline.cancelled() || deadline.expired()) {
            return deadline.stopped(QStringLiteral("Looking up the host name \"%1\"").arg(host));
        }
        state->done.wait_for(lock, std::chrono::milliseconds(kSliceMs));
    }
    if (state->status != 0 || state->addresses.isEmpty()) {
        return error(devices::kErrorUnreachable,
                     QStringLiteral("The host name \"%1\" could not be resolved (%2). Check the address, or use the "
                                    "camera's IP address.")
                         .arg(host, QString::fromUtf8(::gai_strerror(state->status))));
    }
    // IPv4 first: cameras rarely listen on IPv6.
    std::stable_sort(state->addresses.begin(), state->addresses.end(), [](const QHostAddress& a, const QHostAddress& b) {
        return a.protocol() == QAbstractSocket::IPv4Protocol && b.protocol() != QAbstractSocket::IPv4Protocol;
    });
    return state->addresses;
}

class Connection {
public:
    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { close(); }

    void close() {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

    Status connectTo(const QList<QHostAddress>& addresses, quint16 port, const QString& label,
                     const Deadline& deadline) {
        QString lastProblem;
        for (const QHostAddress& address : addresses) {
            close();
            sockaddr_storage storage{};
            socklen_t length = 0;
            if (address.protocol() == QAbstractSocket::IPv6Protocol) {
                auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
                in6->sin6_family = AF_INET6;
                in6->sin6_port = htons(port);
                const Q_IPV6ADDR bytes = address.toIPv6Address();
                std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
                in6->sin6_scope_id = address.scopeId().toUInt();
                length = sizeof(sockaddr_in6);
            } else {
                auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
                in4->sin_family = AF_INET;
                in4->sin_port = htons(port);
                in4->sin_addr.s_addr = htonl(address.toIPv4Address());
                length = sizeof(sockaddr_in);
            }
            m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (m_fd < 0) {
                lastProblem = QString::fromLocal8Bit(std::strerror(errno));
                continue;
            }
            const int one = 1;
            ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (::connect(m_fd, reinterpret_cast<sockaddr*>(&storage), length) == 0) {
                return {};
            }
            if (errno != EINPROGRESS) {
                lastProblem = problemText(errno);
                continue;
            }
            while (true) {
                if (deadline.cancelled() || deadline.expired()) {
                    return deadline.stopped(QStringLiteral("Connecting to %1").arg(label));
                }
                pollfd waiting{m_fd, POLLOUT, 0};
                if (::poll(&waiting, 1, deadline.slice()) > 0) {
                    break;
                }
            }
            int socketError = 0;
            socklen_t size = sizeof socketError;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &socketError, &size);
            if (socketError == 0) {
                return {};
            }
            lastProblem = problemText(socketError);
        }
        close();
        return error(devices::kErrorUnreachable,
                     QStringLiteral("Could not connect to %1: %2. Check the address and port, and that the camera's "
                                    "RTSP service is on.")
                         .arg(label, lastProblem));
    }

    Status send(const QByteArray& bytes, const QString& label, const Deadline& deadline) {
        qsizetype sent = 0;
        while (sent < bytes.size()) {
            if (deadline.cancelled() || deadline.expired()) {
                return deadline.stopped(QStringLiteral("Sending the request to %1").arg(label));
            }
            pollfd waiting{m_fd, POLLOUT, 0};
            if (::poll(&waiting, 1, deadline.slice()) <= 0) {
                continue;
            }
            const ssize_t written = ::send(m_fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
            if (written < 0) {
                if (errno == EAGAIN || errno == EINTR) {
                    continue;
                }
                return error(devices::kErrorUnreachable,
                             QStringLiteral("The connection to %1 broke while sending: %2.").arg(label, problemText(errno)));
            }
            sent += written;
        }
        return {};
    }

    // Bytes as they come; an empty result with ok() means the peer closed the connection.
    Result<QByteArray> receive(const QString& label, const Deadline& deadline) {
        while (true) {
            if (deadline.cancelled() || deadline.expired()) {
                return deadline.stopped(QStringLiteral("An answer from %1").arg(label));
            }
            pollfd waiting{m_fd, POLLIN, 0};
            if (::poll(&waiting, 1, deadline.slice()) <= 0) {
                continue;
            }
            QByteArray buffer(kReadChunk, Qt::Uninitialized);
            const ssize_t got = ::recv(m_fd, buffer.data(), static_cast<size_t>(buffer.size()), 0);
            if (got < 0) {
                if (errno == EAGAIN || errno == EINTR) {
                    continue;
                }
                return error(devices::kErrorUnreachable,
                             QStringLiteral("The connection to %1 broke: %2.").arg(label, problemText(errno)));
            }
            buffer.truncate(got);
            return buffer;
        }
    }

private:
    static QString problemText(int code) {
        switch (code) {
            case ECONNREFUSED: return QStringLiteral("the connection was refused (nothing listens on that port)");
            case ENETUNREACH: return QStringLiteral("the network is unreachable");
            case EHOSTUNREACH: return QStringLiteral("the host is unreachable");
            case ETIMEDOUT: return QStringLiteral("the connection timed out");
            default: return QString::fromLocal8Bit(std::strerror(code));
        }
    }

    int m_fd = -1;
};

QUrl withoutCredentials(QUrl url) {
    url.setUserInfo(QString());
    return url;
}

RtspProbeTrack trackFrom(const SdpMedia& media) {
    RtspProbeTrack track;
    track.kind = media.type == "audio" ? TrackKind::Audio : TrackKind::Video;
    track.codec = media.codec();
    const RtpMap map = media.rtpmap();
    track.encodingName = map.encodingName;
    track.payloadType = map.payloadType;
    track.clockRate = map.clockRate;
    track.channels = map.channels;
    track.framerate = media.framerate;
    track.control = media.controlUrl;
    if (track.kind == TrackKind::Video) {
        track.width = media.width();
        track.height = media.height();
        track.extradata = media.annexBParameterSets();
    } else {
        track.extradata = media.audioSpecificConfig();
    }
    return track;
}

class ProbeRun {
public:
    ProbeRun(const QString& user, const QString& password, Deadline deadline)
        : m_authenticator(user, password), m_deadline(std::move(deadline)) {}

    Result<RtspProbeResult> run(QUrl url) {
        for (int redirects = 0;; ++redirects) {
            Result<RtspProbeResult> result = probeOnce(url);
            if (result || !m_redirect.isValid()) {
                return result;
            }
            if (redirects >= RtspProbe::kMaxRedirects) {
                return error(devices::kErrorBadAnswer,
                             QStringLiteral("The camera redirected more than %1 times (last to %2).")
                                 .arg(RtspProbe::kMaxRedirects)
                                 .arg(withoutCredentials(m_redirect).toString()));
            }
            url = m_redirect;
            m_redirect = QUrl();
        }
    }

private:
    Result<RtspProbeResult> probeOnce(const QUrl& url) {
        if (Status checked = checkUrl(url); !checked) {
            return checked.error();
        }
        m_label = QStringLiteral("%1:%2").arg(url.host(), QString::number(url.port(RtspProbe::kDefaultPort)));
        m_requestUri = withoutCredentials(url).toString(QUrl::FullyEncoded).toUtf8();
        m_parser.reset();
        Result<QList<QHostAddress>> addresses = resolve(url.host(), m_deadline);
        if (!addresses) {
            return addresses.error();
        }
        if (Status connected = m_connection.connectTo(*addresses, static_cast<quint16>(url.port(RtspProbe::kDefaultPort)),
                                                      m_label, m_deadline);
            !connected) {
            return connected.error();
        }
        RtspProbeResult result;
        result.url = withoutCredentials(url);

        Result<RtspMessage> options = exchange("OPTIONS", {});
        if (!options) {
            return options.error();
        }
        // Some cameras refuse OPTIONS (404, 405, 501) yet serve DESCRIBE: only an unauthorised
        // answer or a redirect ends the probe here.
        if (Status usable = checkStatus(*options, /*describe=*/false); !usable) {
            return usable.error();
        }
        if (options->statusCode == 200) {
            for (const QByteArray& method : options->headers.value("Public").split(',')) {
                if (!method.trimmed().isEmpty()) {
                    result.methods.append(cleanPeerText(method.trimmed()));
                }
            }
        }
        result.server = cleanPeerText(options->headers.value("Server"));

        Result<RtspMessage> describe = exchange("DESCRIBE", {{"Accept", "application/sdp"}});
        if (!describe) {
            return describe.error();
        }
        if (Status usable = checkStatus(*describe, /*describe=*/true); !usable) {
            return usable.error();
        }
        if (const QString server = cleanPeerText(describe->headers.value("Server")); !server.isEmpty()) {
            result.server = server;
        }
        result.authentication = !m_authenticator.hasChallenge()                              ? QStringLiteral("none")
                                : m_authenticator.challenge()->scheme == AuthScheme::Digest ? QStringLiteral("digest")
                                                                                            : QStringLiteral("basic");
        return describeResult(std::move(result), *describe);
    }

    Status checkUrl(const QUrl& url) const {
        if (!url.isValid() || url.host().isEmpty()) {
            return error(kErrorBadAddress, QStringLiteral("\"%1\" is not a URL of the form rtsp://host[:port]/path.")
                                               .arg(withoutCredentials(url).toString()));
        }
        if (url.scheme() != QLatin1String("rtsp")) {
            return error(kErrorBadAddress,
                         QStringLiteral("\"%1\" is not an rtsp:// URL (the check speaks RTSP over TCP only).")
                             .arg(withoutCredentials(url).toString()));
        }
        return {};
    }

    Status checkStatus(const RtspMessage& answer, bool describe) {
        const int code = answer.statusCode;
        if (code == 401) {
            return error(devices::kErrorUnauthorised,
                         m_authenticator.hasCredentials()
                             ? QStringLiteral("The camera at %1 refused the user name or password. Check the "
                                              "credentials in the device settings.")
                                   .arg(m_label)
                             : QStringLiteral("The camera at %1 asks for a user name and password. Enter them in "
                                              "the device settings.")
                                   .arg(m_label));
        }
        if (code == 301 || code == 302 || code == 303 || code == 305 || code == 307) {
            const QUrl location(QString::fromUtf8(answer.headers.value("Location")));
            if (!location.isValid() || location.host().isEmpty()) {
                return error(devices::kErrorBadAnswer,
                             QStringLiteral("The camera at %1 answered \"%2\" without a usable Location.")
                                 .arg(m_label, answer.summary()));
            }
            m_redirect = location;
            m_connection.close();
            return error(devices::kErrorBadAnswer, QStringLiteral("redirected"));
        }
        if (!describe || (code >= 200 && code < 300)) {
            return {};
        }
        const QString hint = code == 404 ? QStringLiteral("Check the stream path in the URL.")
                             : code == 403 ? QStringLiteral("The user may lack the right to view this stream.")
                             : code == 503 ? QStringLiteral("The camera may be busy or at its client limit; try again later.")
                                           : QStringLiteral("Check the URL and the camera's settings.");
        return error(devices::kErrorBadAnswer,
                     QStringLiteral("The camera at %1 answered DESCRIBE with \"%2 %3\". %4")
                         .arg(m_label, QString::number(code), cleanPeerText(answer.reason), hint));
    }

    // Sends one request, answering a 401 once with the credentials.
    Result<RtspMessage> exchange(const QByteArray& method, const QList<QPair<QByteArray, QByteArray>>& headers) {
        for (int attempt = 0;; ++attempt) {
            RtspMessage request = RtspMessage::request(method, m_requestUri, m_cseq++);
            request.headers.add("User-Agent", "Vigil");
            for (const auto& [name, value] : headers) {
                request.headers.add(name, value);
            }
            if (m_authenticator.hasChallenge()) {
                request.headers.add("Authorization", m_authenticator.authorization(method, m_requestUri));
            }
            if (Status sent = m_connection.send(request.serialize(), m_label, m_deadline); !sent) {
                return sent.error();
            }
            Result<RtspMessage> answer = awaitAnswer(*request.cseq(), method);
            if (!answer || answer->statusCode != 401 || attempt > 0) {
                return answer;
            }
            if (!m_authenticator.takeChallenge(answer->headers.values("WWW-Authenticate"))) {
                if (m_authenticator.hasCredentials() && !m_authenticator.hasChallenge()) {
                    return error(devices::kErrorUnauthorised,
                                 QStringLiteral("The camera at %1 asks for an authentication scheme Vigil does not "
                                                "support (%2).")
                                     .arg(m_label, cleanPeerText(answer->headers.values("WWW-Authenticate").join(" / "))));
                }
                return answer;
            }
        }
    }

    Result<RtspMessage> awaitAnswer(int cseq, const QByteArray& method) {
        while (true) {
            while (m_parser.hasItem()) {
                RtspItem item = m_parser.takeItem();
                auto* message = std::get_if<RtspMessage>(&item);
                if (!message) {
                    continue;  // interleaved data before our answer: not ours to read
                }
                // An answer without CSeq is taken as ours (some cameras forget it); a stale one is skipped.
                if (message->cseq().value_or(cseq) == cseq) {
                    return std::move(*message);
                }
            }
            Result<QByteArray> bytes = m_connection.receive(m_label, m_deadline);
            if (!bytes) {
                return bytes.error();
            }
            if (bytes->isEmpty()) {
                return error(devices::kErrorBadAnswer,
                             QStringLiteral("%1 closed the connection without answering %2. Check that the port is the "
                                            "camera's RTSP port.")
                                 .arg(m_label, QString::fromLatin1(method)));
            }
            if (Status fed = m_parser.feed(*bytes); !fed) {
                return error(devices::kErrorBadAnswer,
                             QStringLiteral("%1 does not answer in RTSP: %2 Check that the URL points at the camera's "
                                            "RTSP port.")
                                 .arg(m_label, fed.error().message));
            }
        }
    }

    Result<RtspProbeResult> describeResult(RtspProbeResult result, const RtspMessage& describe) {
        QUrl base = result.url;
        for (const QByteArrayView header : {QByteArrayView("Content-Base"), QByteArrayView("Content-Location")}) {
            const QUrl given(QString::fromUtf8(describe.headers.value(header)));
            if (given.isValid() && !given.scheme().isEmpty()) {
                base = given;
                break;
            }
        }
        result.sdp = describe.body;
        Result<SdpSession> sdp = SdpParser::parse(describe.body, base);
        if (!sdp) {
            return error(devices::kErrorBadAnswer,
                         QStringLiteral("The camera at %1 sent a stream description Vigil cannot read: %2")
                             .arg(m_label, sdp.error().message));
        }
        for (const SdpMedia& media : std::as_const(sdp->media)) {
            if (media.type == "video" || media.type == "audio") {
                result.tracks.append(trackFrom(media));
            }
        }
        if (result.videoTrack() < 0) {
            QStringList found;
            for (const SdpMedia& media : std::as_const(sdp->media)) {
                found.append(QStringLiteral("%1 %2").arg(QString::fromUtf8(media.type),
                                                         cleanPeerText(media.rtpmap().encodingName)));
            }
            return error(kErrorNoMedia,
                         QStringLiteral("The stream at %1 has no video Vigil can record (%2). Choose the camera's "
                                        "H.264 or H.265 stream.")
                             .arg(result.url.toString(),
                                  found.isEmpty() ? QStringLiteral("no media at all") : found.join(QStringLiteral(", "))));
        }
        return result;
    }

    RtspAuthenticator m_authenticator;
    Deadline m_deadline;
    Connection m_connection;
    RtspMessageParser m_parser{RtspMessageParser::Expect::Responses};
    QString m_label;
    QByteArray m_requestUri;
    QUrl m_redirect;
    int m_cseq = 1;
};

}  // namespace

int RtspProbeResult::videoTrack() const {
    for (int i = 0; i < tracks.size(); ++i) {
        const QString& codec = tracks[i].codec;
        if (tracks[i].kind == TrackKind::Video && !codec.isEmpty()) {
            return i;
        }
    }
    return -1;
}

StreamInfo RtspProbeResult::streamInfo() const {
    StreamInfo info;
    for (const RtspProbeTrack& track : tracks) {
        TrackInfo out;
        out.kind = track.kind;
        out.codec = track.codec;
        out.extradata = track.extradata;
        out.width = track.width;
        out.height = track.height;
        if (track.kind == TrackKind::Audio) {
            out.sampleRate = track.clockRate;
            out.channels = track.channels;
        }
        info.tracks.append(out);
    }
    return info;
}

Result<RtspProbeResult> RtspProbe::probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const std::function<bool()>& isCancelled) {
    const bool fromUrl = user.isEmpty() && !url.userName().isEmpty();
    ProbeRun run(fromUrl ? url.userName() : user, fromUrl ? url.password() : password,
                 Deadline(timeoutMs, isCancelled));
    return run.run(url);
}

Result<RtspProbeResult> RtspProbe::probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const std::atomic<bool>* cancel) {
    return probe(url, user, password, timeoutMs, std::function<bool()>([cancel]() { return cancel && cancel->load(); }));
}

Result<RtspProbeResult> RtspProbe::probe(const QUrl& url, const QString& user, const QString& password,
                                         int timeoutMs, const devices::Cancellation& cancel) {
    return probe(url, user, password, timeoutMs, std::function<bool()>([&cancel]() { return cancel.isCancelled(); }));
}

}  // namespace vigil::core::media::rtsp
