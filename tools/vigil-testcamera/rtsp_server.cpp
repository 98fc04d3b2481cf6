#include "rtsp_server.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <cstdio>

#include "media/rtsp/rtsp_auth.h"

namespace vigil::testcamera {

using namespace core::media::rtsp;

namespace {

constexpr auto kRealm = "vigil-testcamera";
constexpr qint64 kNonceLifetimeMs = 10 * 60 * 1000;
constexpr qsizetype kMaxNonces = 4096;
constexpr auto kPublic = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER, TEARDOWN";

Error unknownCamera(const QString& name) {
    return Error::make(QStringLiteral("unknown_camera"), QStringLiteral("There is no camera named \"%1\".").arg(name));
}

QByteArray randomHex(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw) {
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    }
    return raw.toHex();
}

// "rtsp://h:p/cam1/trackID=0" or "/cam1/trackID=0" -> ("cam1", "trackID=0").
QPair<QString, QString> splitPath(const QByteArray& uri) {
    const QUrl url(QString::fromUtf8(uri));
    QString path = url.path();
    while (path.startsWith(QLatin1Char('/'))) {
        path.remove(0, 1);
    }
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        return {path, QString()};
    }
    return {path.first(slash), path.sliced(slash + 1)};
}

}  // namespace

RtspServer::RtspServer(QObject* parent) : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &RtspServer::accept);
    connect(&m_rtpSocket, &QUdpSocket::readyRead, this, [this] { readUdp(&m_rtpSocket); });
    connect(&m_rtcpSocket, &QUdpSocket::readyRead, this, [this] { readUdp(&m_rtcpSocket); });
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, &RtspServer::expireSessions);
}

RtspServer::~RtspServer() {
    m_sessions.clear();  // before the cameras they are sinks of
    for (RtspConnection* connection : std::as_const(m_connections)) {
        disconnect(connection, nullptr, this, nullptr);
    }
}

Status RtspServer::start(const QList<CameraConfig>& cameras, const QHostAddress& address, quint16 port) {
    for (const CameraConfig& config : cameras) {
        auto stream = std::make_unique<CameraStream>(config, this);
        if (Status opened = stream->open(); !opened) {
            return Error::make(opened.error().code,
                               QStringLiteral("Camera \"%1\": %2").arg(config.name, opened.error().message));
        }
        m_cameraOrder.append(config.name);
        m_cameras[config.name].stream = std::move(stream);
    }
    if (!m_server.listen(address, port)) {
        return Error::make(QStringLiteral("listen_failed"), QStringLiteral("Cannot listen on %1:%2: %3.")
                                                                .arg(address.toString())
                                                                .arg(port)
                                                                .arg(m_server.errorString()));
    }
    // An even/odd port pair for RTP and RTCP (RFC 3550 section 11).
    bool bound = false;
    for (int attempt = 0; attempt < 50 && !bound; ++attempt) {
        if (!m_rtpSocket.bind(address, 0)) {
            continue;
        }
        const quint16 rtpPort = m_rtpSocket.localPort();
        if (rtpPort % 2 == 0 && rtpPort < 65535 && m_rtcpSocket.bind(address, rtpPort + 1)) {
            bound = true;
        } else {
            m_rtpSocket.close();
        }
    }
    if (!bound) {
        return Error::make(QStringLiteral("listen_failed"),
                           QStringLiteral("Cannot bind a UDP port pair for RTP/RTCP on %1.").arg(address.toString()));
    }
    for (auto& [name, camera] : m_cameras) {
        camera.stream->start();
    }
    m_expiry.start();
    return {};
}

QList<CameraConfig> RtspServer::cameras() const {
    QList<CameraConfig> list;
    for (const QString& name : m_cameraOrder) {
        list.append(m_cameras.at(name).stream->config());
    }
    return list;
}

QUrl RtspServer::rtspUrl(const QString& camera, const QString& host) const {
    QUrl url;
    url.setScheme(QStringLiteral("rtsp"));
    url.setHost(host.isEmpty() ? m_server.serverAddress().toString() : host);
    url.setPort(m_server.serverPort());
    url.setPath(QLatin1Char('/') + camera);
    return url;
}

int RtspServer::sessionCount(const QString& camera) const {
    int count = 0;
    for (const auto& [id, session] : m_sessions) {
        count += session->camera()->config().name == camera ? 1 : 0;
    }
    return count;
}

RtspServer::Camera* RtspServer::findCamera(const QString& name) {
    const auto found = m_cameras.find(name);
    return found == m_cameras.end() ? nullptr : &found->second;
}

Status RtspServer::drop(const QString& name) {
    Camera* camera = findCamera(name);
    if (!camera) {
        return unknownCamera(name);
    }
    QList<QByteArray> ending;
    for (const auto& [id, session] : m_sessions) {
        if (session->camera() == camera->stream.get()) {
            ending.append(id);
        }
    }
    for (const QByteArray& id : ending) {
        endSession(id);
    }
    const QList<RtspConnection*> connections = m_connections;
    for (RtspConnection* connection : connections) {
        if (connection->camera() == name) {
            connection->close();
        }
    }
    return {};
}

Status RtspServer::changeCamera(const QString& name, const std::function<void(Camera&)>& change) {
    Camera* camera = findCamera(name);
    if (!camera) {
        return unknownCamera(name);
    }
    change(*camera);
    return {};
}

Status RtspServer::setPassword(const QString& name, const QString& password) {
    return changeCamera(name, [&password](Camera& camera) { camera.stream->setPassword(password); });
}

Status RtspServer::freeze(const QString& name) {
    return changeCamera(name, [](Camera& camera) { camera.stream->setFrozen(true); });
}

Status RtspServer::refuse(const QString& name) {
    return changeCamera(name, [](Camera& camera) { camera.refusing = true; });
}

Status RtspServer::garbage(const QString& name) {
    return changeCamera(name, [](Camera& camera) { camera.stream->setGarbage(true); });
}

Status RtspServer::resume(const QString& name) {
    return changeCamera(name, [](Camera& camera) {
        camera.refusing = false;
        camera.stream->setFrozen(false);
        camera.stream->setGarbage(false);
    });
}

void RtspServer::accept() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* connection = new RtspConnection(socket, this);
        m_connections.append(connection);
        connect(connection, &RtspConnection::requestReceived, this, &RtspServer::handle);
        connect(connection, &RtspConnection::closed, this, &RtspServer::connectionClosed);
        connect(connection, &RtspConnection::dataReceived, this, [this](RtspConnection* from) {
            for (const auto& [id, session] : m_sessions) {
                if (session->connection() == from) {
                    session->touch();
                }
            }
        });
    }
}

void RtspServer::connectionClosed(RtspConnection* connection) {
    m_connections.removeAll(connection);
    // Sessions that send over this connection end with it; UDP sessions live on until TEARDOWN
    // or their timeout (RFC 2326 allows a player to come back on a new connection).
    QList<QByteArray> ending;
    for (const auto& [id, session] : m_sessions) {
        if (session->connection() == connection) {
            if (session->usesTcp()) {
                ending.append(id);
            } else {
                session->setConnection(nullptr);
            }
        }
    }
    for (const QByteArray& id : ending) {
        endSession(id);
    }
    connection->deleteLater();
}

void RtspServer::endSession(const QByteArray& id) {
    m_sessions.erase(id);
}

void RtspServer::expireSessions() {
    QList<QByteArray> ending;
    for (const auto& [id, session] : m_sessions) {
        if (session->hasExpired()) {
            ending.append(id);
        }
    }
    for (const QByteArray& id : ending) {
        std::fprintf(stderr, "vigil-testcamera: session %s timed out\n", id.constData());
        endSession(id);
    }
}

void RtspServer::readUdp(QUdpSocket* socket) {
    // Receiver reports from UDP players: a sign of life for their session.
    while (socket->hasPendingDatagrams()) {
        QHostAddress from;
        quint16 fromPort = 0;
        QByteArray datagram(static_cast<qsizetype>(qMax<qint64>(0, socket->pendingDatagramSize())), Qt::Uninitialized);
        socket->readDatagram(datagram.data(), datagram.size(), &from, &fromPort);
        for (const auto& [id, session] : m_sessions) {
            if (session->peer().isEqual(from)) {
                for (const TrackTransport& transport : session->tracks()) {
                    if (!transport.tcp && (transport.clientRtcpPort == fromPort || transport.clientRtpPort == fromPort)) {
                        session->touch();
                    }
                }
            }
        }
    }
}

RtspSession* RtspServer::findSession(const RtspMessage& request) {
    const QByteArray header = request.headers.value("Session");
    if (header.isEmpty()) {
        return nullptr;
    }
    const auto parsed = parseSession(header);
    if (!parsed.ok()) {
        return nullptr;
    }
    const auto found = m_sessions.find(parsed.value().id);
    return found == m_sessions.end() ? nullptr : found->second.get();
}

QByteArray RtspServer::newNonce() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_nonces.size() >= kMaxNonces) {
        for (auto it = m_nonces.begin(); it != m_nonces.end();) {
            it = now - it.value() > kNonceLifetimeMs ? m_nonces.erase(it) : std::next(it);
        }
        if (m_nonces.size() >= kMaxNonces) {
            m_nonces.clear();
        }
    }
    const QByteArray nonce = randomHex(16);
    m_nonces.insert(nonce, now);
    return nonce;
}

std::optional<RtspMessage> RtspServer::checkAuth(const RtspMessage& request, const CameraConfig& camera) {
    if (camera.user.isEmpty() || request.method == "OPTIONS") {
        return std::nullopt;
    }
    const bool allowDigest = camera.auth != QLatin1String("basic");
    const bool allowBasic = camera.auth != QLatin1String("digest");
    bool stale = false;
    const QByteArray given = request.headers.value("Authorization");
    if (!given.isEmpty()) {
        const auto authorization = parseAuthorization(given);
        if (authorization.ok()) {
            const AuthorizationHeader& header = authorization.value();
            if (header.scheme == AuthScheme::Basic && allowBasic && header.basicUser == camera.user &&
                header.basicPassword == camera.password) {
                return std::nullopt;
            }
            if (header.scheme == AuthScheme::Digest && allowDigest) {
                AuthChallenge challenge;
                challenge.scheme = AuthScheme::Digest;
                challenge.realm = kRealm;
                challenge.nonce = header.param("nonce");
                challenge.algorithm = header.param("algorithm").isEmpty() ? QByteArray("MD5") : header.param("algorithm");
                if (verifyDigest(header, challenge, camera.user, camera.password, request.method)) {
                    const auto issued = m_nonces.constFind(challenge.nonce);
                    if (issued != m_nonces.constEnd() &&
                        QDateTime::currentMSecsSinceEpoch() - issued.value() <= kNonceLifetimeMs) {
                        return std::nullopt;
                    }
                    stale = true;  // right password, old nonce: the player may retry at once
                }
            }
        }
    }
    RtspMessage answer = RtspMessage::response(401, request.cseq().value_or(0));
    if (allowDigest) {
        answer.headers.add("WWW-Authenticate", QByteArray("Digest realm=\"") + kRealm + "\", nonce=\"" + newNonce() +
                                                   "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : ""));
    }
    if (allowBasic) {
        answer.headers.add("WWW-Authenticate", QByteArray("Basic realm=\"") + kRealm + "\"");
    }
    return answer;
}

void RtspServer::handle(RtspConnection* connection, const RtspMessage& request) {
    const auto cseq = request.cseq();
    if (!cseq) {
        RtspMessage answer = RtspMessage::response(400, 0);
        answer.headers.remove("CSeq");
        connection->send(answer);
        return;
    }
    const auto respond = [&](RtspMessage answer) {
        answer.headers.add("Server", "vigil-testcamera");
        answer.headers.add("Date", QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8());
        connection->send(answer);
    };
    if (request.version != "RTSP/1.0") {
        respond(RtspMessage::response(505, *cseq));
        return;
    }
    RtspSession* session = findSession(request);
    if (session) {
        session->touch();
    }
    if (request.method == "OPTIONS" && (request.uri == "*" || splitPath(request.uri).first.isEmpty())) {
        RtspMessage answer = RtspMessage::response(200, *cseq);
        answer.headers.add("Public", kPublic);
        respond(answer);
        return;
    }
    const auto [cameraName, trackPart] = splitPath(request.uri);
    Camera* camera = findCamera(cameraName);
    if (!camera) {
        respond(RtspMessage::response(404, *cseq));
        return;
    }
    connection->setCamera(cameraName);
    if (camera->stream->isFrozen()) {
        return;  // a hung camera: the request is read and never answered
    }
    if (camera->refusing) {
        respond(RtspMessage::response(503, *cseq));
        return;
    }
    if (auto refusal = checkAuth(request, camera->stream->config())) {
        respond(*refusal);
        return;
    }
    const QUrl requestUrl(QString::fromUtf8(request.uri));
    const QString host = requestUrl.host().isEmpty() ? m_server.serverAddress().toString() : requestUrl.host();
    const QByteArray& method = request.method;
    if (method == "OPTIONS") {
        RtspMessage answer = RtspMessage::response(200, *cseq);
        answer.headers.add("Public", kPublic);
        respond(answer);
    } else if (method == "DESCRIBE") {
        respond(handleDescribe(request, *camera, host));
    } else if (method == "SETUP") {
        respond(handleSetup(connection, request, *camera, trackPart));
    } else if (method == "PLAY" || method == "PAUSE" || method == "TEARDOWN" || method == "GET_PARAMETER" ||
               method == "SET_PARAMETER") {
        if (!session) {
            // Keep-alives without a session are fine (some players send them); the rest need one.
            if (method == "GET_PARAMETER" || method == "SET_PARAMETER") {
                respond(RtspMessage::response(200, *cseq));
            } else {
                respond(RtspMessage::response(454, *cseq));
            }
            return;
        }
        if (session->camera() != camera->stream.get()) {
            respond(RtspMessage::response(459, *cseq));
            return;
        }
        RtspMessage answer = RtspMessage::response(200, *cseq);
        answer.headers.add("Session", session->id());
        if (method == "PLAY") {
            answer = handlePlay(request, *session, host);
            respond(answer);
            if (answer.statusCode == 200) {
                session->play();  // after the answer, so the player reads it before the first packet
            }
            return;
        }
        if (method == "PAUSE") {
            session->pause();
        } else if (method == "TEARDOWN") {
            endSession(session->id());
        }
        respond(answer);
    } else {
        RtspMessage answer = RtspMessage::response(501, *cseq);
        answer.headers.add("Public", kPublic);
        respond(answer);
    }
}

RtspMessage RtspServer::handleDescribe(const RtspMessage& request, Camera& camera, const QString& host) {
    RtspMessage answer = RtspMessage::response(200, *request.cseq());
    const QString base = rtspUrl(camera.stream->config().name, host).toString() + QLatin1Char('/');
    answer.headers.add("Content-Type", "application/sdp");
    answer.headers.add("Content-Base", base.toUtf8());
    answer.body = camera.stream->sdp();
    return answer;
}

RtspMessage RtspServer::handleSetup(RtspConnection* connection, const RtspMessage& request, Camera& camera,
                                    const QString& trackPart) {
    const int cseq = *request.cseq();
    const int trackCount = static_cast<int>(camera.stream->tracks().size());
    int track = -1;
    if (trackPart.startsWith(QLatin1String("trackID="))) {
        bool ok = false;
        track = trackPart.sliced(8).toInt(&ok);
        if (!ok) {
            track = -1;
        }
    } else if (trackPart.isEmpty() && trackCount == 1) {
        track = 0;
    }
    if (track < 0 || track >= trackCount) {
        return RtspMessage::response(404, cseq);
    }
    const auto offers = parseTransport(request.headers.value("Transport"));
    if (!offers.ok()) {
        return RtspMessage::response(461, cseq);
    }
    RtspSession* session = findSession(request);
    if (!request.headers.value("Session").isEmpty() && !session) {
        return RtspMessage::response(454, cseq);
    }
    if (session && session->camera() != camera.stream.get()) {
        return RtspMessage::response(459, cseq);
    }
    std::optional<TransportSpec> chosen;
    TrackTransport transport;
    for (const TransportSpec& offer : offers.value()) {
        if (offer.multicast || offer.protocol != "RTP" || offer.profile != "AVP") {
            continue;
        }
        if (offer.isTcp()) {
            transport.tcp = true;
            const QPair<int, int> channels = offer.interleaved.value_or(QPair<int, int>(2 * track, 2 * track + 1));
            transport.rtpChannel = channels.first;
            transport.rtcpChannel = channels.second;
            chosen = offer;
            chosen->interleaved = channels;
            break;
        }
        if (offer.clientPort && offer.clientPort->first > 0 && offer.clientPort->first <= 65535 &&
            offer.clientPort->second > 0 && offer.clientPort->second <= 65535) {
            transport.tcp = false;
            transport.clientRtpPort = static_cast<quint16>(offer.clientPort->first);
            transport.clientRtcpPort = static_cast<quint16>(offer.clientPort->second);
            chosen = offer;
            chosen->serverPort = QPair<int, int>(m_rtpSocket.localPort(), m_rtcpSocket.localPort());
            // Media goes to the address the request came from, whatever destination= says: a
            // test camera must not be told to flood a third party.
            chosen->destination.clear();
            break;
        }
    }
    if (!chosen) {
        return RtspMessage::response(461, cseq);
    }
    if (!session) {
        QByteArray id = randomHex(8).toUpper();
        auto created = std::make_unique<RtspSession>(id, camera.stream.get(), connection, &m_rtpSocket, &m_rtcpSocket,
                                                     m_sessionTimeoutSeconds);
        session = created.get();
        m_sessions[id] = std::move(created);
    } else if (!session->connection()) {
        session->setConnection(connection);
    }
    session->setUp(track, transport);
    chosen->ssrc = QByteArray::number(camera.stream->ssrc(track), 16).rightJustified(8, '0').toUpper();
    chosen->mode.clear();
    chosen->source.clear();
    RtspMessage answer = RtspMessage::response(200, cseq);
    answer.headers.add("Transport", chosen->toString());
    answer.headers.add("Session", session->id() + ";timeout=" + QByteArray::number(session->timeoutSeconds()));
    return answer;
}

RtspMessage RtspServer::handlePlay(const RtspMessage& request, RtspSession& session, const QString& host) {
    const int cseq = *request.cseq();
    if (session.tracks().isEmpty()) {
        return RtspMessage::response(455, cseq);
    }
    RtspMessage answer = RtspMessage::response(200, cseq);
    answer.headers.add("Session", session.id());
    answer.headers.add("Range", "npt=0.000-");
    QList<QByteArray> info;
    const QString base = rtspUrl(session.camera()->config().name, host).toString();
    for (auto it = session.tracks().constBegin(); it != session.tracks().constEnd(); ++it) {
        info.append("url=" + base.toUtf8() + "/trackID=" + QByteArray::number(it.key()) +
                    ";seq=" + QByteArray::number(session.camera()->nextSequence(it.key())) +
                    ";rtptime=" + QByteArray::number(session.camera()->currentTimestamp(it.key())));
    }
    answer.headers.add("RTP-Info", info.join(','));
    return answer;
}

}  // namespace vigil::testcamera
