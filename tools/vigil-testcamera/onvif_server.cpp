#include "onvif_server.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <cstdio>

#include "discovery_responder.h"
#include "rtsp_server.h"

namespace vigil::testcamera {

using core::Error;
using core::Result;
using core::Status;
namespace rtsp = core::media::rtsp;

namespace {

constexpr int kMaxChallenges = 64;
constexpr const char* kRealm = "vigil-testcamera";

// A 16x16 JPEG in one colour: enough for a client to see that the snapshot URI answers with an
// image (the test camera does not decode its video to take real snapshots).
constexpr const char* kSnapshotJpeg =
    "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgUFBcUFxsbGxsbGyAeICEhISAgICAhISEkJCQqKiokJCQhISQkKCg"
    "qKi4vLisrKisvLzIyMjw8OTlGRkhWVmf/xABLAAEBAAAAAAAAAAAAAAAAAAAABgEBAAAAAAAAAAAAAAAAAAAABRABAAAAAAAAAAAAAAAAAAAAAB"
    "EBAAAAAAAAAAAAAAAAAAAAAP/AABEIABAAEAMBIgACEQADEQD/2gAMAwEAAhEDEQA/AJkAsNf/2Q==";

void warn(const QString& message) {
    std::fprintf(stderr, "vigil-testcamera: onvif: %s\n", qPrintable(message));
}

HttpResponse soapResponse(const OnvifAnswer& answer) {
    HttpResponse response;
    response.status = answer.status;
    response.body = answer.body;
    if (answer.body.isEmpty()) {
        response.contentType = "text/plain";
        response.body = OnvifHttpServer::reasonPhrase(answer.status) + '\n';
    }
    return response;
}

HttpResponse notAuthorized(const QString& why) {
    return HttpResponse{400, "application/soap+xml; charset=utf-8", {},
                        soapFault(QStringLiteral("s:Sender"), QStringLiteral("ter:NotAuthorized"),
                                  QStringLiteral("Sender not Authorized: %1").arg(why)),
                        false};
}

}  // namespace

QList<OnvifCamera> onvifCameras(const RtspServer& server) {
    QList<OnvifCamera> cameras;
    for (const CameraConfig& config : server.cameras()) {
        OnvifCamera camera;
        camera.name = config.name;
        camera.mainStream = server.rtspUrl(config.name);
        camera.codec = config.codec;
        camera.width = config.width;
        camera.height = config.height;
        camera.fps = config.fps;
        camera.ptz = config.ptz;
        camera.user = config.user;
        camera.password = config.password;
        camera.extraUsers = config.extraUsers;
        camera.anonymous = config.anonymous;
        camera.discoverable = config.discoverable;
        camera.web = config.web;
        camera.firmware = config.firmware;
        camera.dot1x = config.dot1x;
        camera.edgeStorage = config.edgeStorage;
        cameras.append(camera);
    }
    return cameras;
}

OnvifServer::OnvifServer(Print print, QObject* parent) : QObject(parent), m_print(std::move(print)) {}

OnvifServer::~OnvifServer() = default;

Status OnvifServer::start(const QList<OnvifCamera>& cameras, const QHostAddress& address, const OnvifOptions& options) {
    m_options = options;
    m_address = address;
    m_http = std::make_unique<OnvifHttpServer>(
        [this](const HttpRequest& request, OnvifHttpServer::Respond respond) { handle(request, std::move(respond)); });
    if (!m_http->listen(address, options.httpPort)) {
        return Error::make(QStringLiteral("onvif_listen"), QStringLiteral("Cannot listen for ONVIF on %1:%2: %3")
                                                               .arg(address.toString())
                                                               .arg(options.httpPort)
                                                               .arg(m_http->errorString()));
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    for (const OnvifCamera& camera : cameras) {
        const QUrl base(
            QStringLiteral("http://%1:%2/onvif/%3").arg(host, QString::number(m_http->port()), camera.name));
        Camera entry;
        entry.device = std::make_unique<OnvifDevice>(camera, base, options.clockOffsetMs, m_print);
        if (Status web = openWeb(entry, camera.name); camera.web && !web) {
            return web;
        }
        const QString name = camera.name;
        OnvifDeviceHooks hooks;
        hooks.passwordChanged = [this, name](const QString& user, const QString& password) {
            if (m_passwordChanged) {
                m_passwordChanged(name, user, password);
            }
        };
        hooks.setWeb = [this, name](bool on) {
            Camera& target = m_cameras.at(name);
            if (!on) {
                target.web.reset();
                return true;
            }
            return openWeb(target, name, target.webPort).ok();
        };
        hooks.webPort = [this, name] {
            const Camera& target = m_cameras.at(name);
            return target.web ? target.web->port() : quint16(0);
        };
        hooks.ntpPort = options.ntpPort;
        entry.device->setHooks(std::move(hooks));
        m_cameras.emplace(camera.name, std::move(entry));
    }
    if (options.discoveryPort || options.discoveryMulticast) {
        QList<const OnvifDevice*> devices;
        for (const auto& [name, camera] : m_cameras) {
            devices.append(camera.device.get());
        }
        m_discovery = std::make_unique<DiscoveryResponder>(devices);
        if (Status listening = m_discovery->start(address, options.discoveryPort, options.discoveryMulticast);
            !listening) {
            return listening;
        }
    }
    return {};
}

Status OnvifServer::openWeb(Camera& camera, const QString& name, quint16 port) {
    // The camera's web interface: a login page on its own plain-HTTP port, which the device's
    // HTTP protocol switch opens and closes (reopened on the port it had).
    camera.web = std::make_unique<OnvifHttpServer>([name](const HttpRequest&, OnvifHttpServer::Respond respond) {
        respond(HttpResponse{200, "text/html", {},
                             "<html><body><h1>" + name.toHtmlEscaped().toUtf8() + " login</h1></body></html>", false});
    });
    if (!camera.web->listen(m_address, port)) {
        const QString why = camera.web->errorString();
        camera.web.reset();
        return Error::make(QStringLiteral("web_listen"),
                           QStringLiteral("Cannot open the web port of camera %1: %2").arg(name, why));
    }
    camera.webPort = camera.web->port();
    return {};
}

quint16 OnvifServer::httpPort() const {
    return m_http ? m_http->port() : 0;
}

std::optional<quint16> OnvifServer::discoveryPort() const {
    return m_discovery ? m_discovery->port() : std::nullopt;
}

QUrl OnvifServer::deviceUrl(const QString& camera) const {
    const auto found = m_cameras.find(camera);
    return found != m_cameras.end() ? found->second.device->serviceUrl(QStringLiteral("device_service")) : QUrl();
}

const OnvifDevice* OnvifServer::device(const QString& camera) const {
    const auto found = m_cameras.find(camera);
    return found != m_cameras.end() ? found->second.device.get() : nullptr;
}

void OnvifServer::describe(QJsonObject& ready) const {
    ready.insert(QStringLiteral("onvif_port"), httpPort());
    if (const auto port = discoveryPort()) {
        ready.insert(QStringLiteral("discovery_port"), *port);
    }
    QJsonArray cameras = ready.value(QStringLiteral("cameras")).toArray();
    for (qsizetype i = 0; i < cameras.size(); ++i) {
        QJsonObject camera = cameras.at(i).toObject();
        const QUrl url = deviceUrl(camera.value(QStringLiteral("name")).toString());
        if (!url.isEmpty()) {
            camera.insert(QStringLiteral("onvif"), url.toString());
            const auto found = m_cameras.find(camera.value(QStringLiteral("name")).toString());
            if (found != m_cameras.end() && found->second.webPort != 0) {
                camera.insert(QStringLiteral("web_port"), found->second.webPort);
            }
            cameras.replace(i, camera);
        }
    }
    ready.insert(QStringLiteral("cameras"), cameras);
}

std::optional<QString> OnvifServer::execute(const QString& line) {
    const QStringList words = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    static const QStringList kCommands = {QStringLiteral("motion"), QStringLiteral("onvif-fault"),
                                          QStringLiteral("pullpoints"), QStringLiteral("onvif-requests")};
    if (words.isEmpty() || !kCommands.contains(words.first())) {
        return std::nullopt;
    }
    if (words.first() == QStringLiteral("pullpoints") || words.first() == QStringLiteral("onvif-requests")) {
        const auto camera = words.size() == 2 ? m_cameras.find(words.at(1)) : m_cameras.end();
        if (camera == m_cameras.end()) {
            return QStringLiteral("error: usage: %1 <camera>").arg(words.first());
        }
        return QStringLiteral("ok %1").arg(words.first() == QStringLiteral("pullpoints")
                                               ? camera->second.device->subscriptionCount()
                                               : camera->second.requests);
    }
    if (words.size() != 3) {
        return QStringLiteral("error: usage: motion <camera> on|off, onvif-fault <camera> none|garbage|truncated|html|silent");
    }
    const auto found = m_cameras.find(words.at(1));
    if (found == m_cameras.end()) {
        return QStringLiteral("error: no ONVIF camera \"%1\"").arg(words.at(1));
    }
    if (words.first() == QStringLiteral("motion")) {
        if (words.at(2) != QStringLiteral("on") && words.at(2) != QStringLiteral("off")) {
            return QStringLiteral("error: motion is on or off");
        }
        found->second.device->motion(words.at(2) == QStringLiteral("on"));
        return QStringLiteral("ok");
    }
    static const std::map<QString, Fault> kFaults = {{QStringLiteral("none"), Fault::None},
                                                     {QStringLiteral("garbage"), Fault::Garbage},
                                                     {QStringLiteral("truncated"), Fault::Truncated},
                                                     {QStringLiteral("html"), Fault::Html},
                                                     {QStringLiteral("silent"), Fault::Silent}};
    const auto fault = kFaults.find(words.at(2));
    if (fault == kFaults.end()) {
        return QStringLiteral("error: onvif-fault is none, garbage, truncated, html or silent");
    }
    found->second.fault = fault->second;
    return QStringLiteral("ok");
}

std::optional<HttpResponse> OnvifServer::faulty(Fault fault) const {
    switch (fault) {
        case Fault::None:
        case Fault::Silent:
            return std::nullopt;
        case Fault::Garbage: {
            QByteArray bytes(512, Qt::Uninitialized);
            for (char& byte : bytes) {
                byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
            }
            return HttpResponse{200, "application/soap+xml; charset=utf-8", {}, bytes, false};
        }
        case Fault::Truncated:
            return HttpResponse{200, "application/soap+xml; charset=utf-8", {},
                                soapEnvelope(QStringLiteral("<trt:GetProfilesResponse><trt:Profiles token=\"main\">"))
                                    .left(300),
                                false};
        case Fault::Html:
            return HttpResponse{200, "text/html", {}, "<html><body><h1>Camera login</h1></body></html>", false};
    }
    return std::nullopt;
}

HttpResponse OnvifServer::digestChallenge() {
    rtsp::AuthChallenge challenge;
    challenge.scheme = rtsp::AuthScheme::Digest;
    challenge.schemeName = "Digest";
    challenge.realm = kRealm;
    challenge.nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16) +
                      QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    challenge.qop = {"auth"};
    m_challenges.append(challenge);
    if (m_challenges.size() > kMaxChallenges) {
        m_challenges.removeFirst();
    }
    HttpResponse response;
    response.status = 401;
    response.contentType = "text/plain";
    response.body = "authentication required\n";
    response.headers.append({"WWW-Authenticate", "Digest realm=\"" + QByteArray(kRealm) + "\", qop=\"auth\", nonce=\"" +
                                                     challenge.nonce + "\", algorithm=MD5"});
    return response;
}

bool OnvifServer::digestAccepted(Camera& camera, const HttpRequest& http) const {
    Result<rtsp::AuthorizationHeader> parsed = rtsp::parseAuthorization(http.header("authorization"));
    if (!parsed.ok() || parsed->scheme != rtsp::AuthScheme::Digest) {
        return false;
    }
    const QString user = QString::fromUtf8(parsed->param("username"));
    const std::optional<QString> password = camera.device->passwordOf(user);
    for (const rtsp::AuthChallenge& challenge : m_challenges) {
        if (challenge.nonce == parsed->param("nonce") && password && parsed->param("uri") == http.path &&
            rtsp::verifyDigest(*parsed, challenge, user, *password, http.method)) {
            return true;
        }
    }
    return false;
}

std::optional<HttpResponse> OnvifServer::authenticate(Camera& camera, const HttpRequest& http, const SoapRequest& soap) {
    const OnvifCamera& config = camera.device->camera();
    if (config.user.isEmpty() || OnvifDevice::isPreAuth(soap.operationName())) {
        return std::nullopt;
    }
    const bool noCredentials = http.header("authorization").isEmpty() &&
                               (soap.header() == nullptr ||
                                soap.header()->find({QStringLiteral("Security"), QStringLiteral("UsernameToken")}) == nullptr);
    if (noCredentials && camera.device->anonymousAccess() && soap.operationName().startsWith(QStringLiteral("Get"))) {
        return std::nullopt;  // anonymous access: reading needs no account (a finding of the device checks)
    }
    // HTTP Digest, when the client sent it and the mode allows it.
    if (!http.header("authorization").isEmpty() && m_options.auth != QStringLiteral("wsse")) {
        if (digestAccepted(camera, http)) {
            return std::nullopt;
        }
        warn(QStringLiteral("%1 %2: HTTP Digest refused").arg(config.name, soap.operationName()));
        return digestChallenge();
    }
    if (m_options.auth == QStringLiteral("digest")) {
        return digestChallenge();
    }
    // WS-Security: the user named in the token must exist and the digest match its password.
    const XmlElement* header = soap.header();
    const QString tokenUser =
        header != nullptr
            ? header->textAt({QStringLiteral("Security"), QStringLiteral("UsernameToken"), QStringLiteral("Username")})
            : QString();
    const std::optional<QString> password = camera.device->passwordOf(tokenUser);
    QString why;
    const UsernameTokenChecker::Outcome outcome =
        camera.tokens.check(soap, tokenUser, password.value_or(QString()), camera.device->now(), &why);
    if (outcome == UsernameTokenChecker::Outcome::Accepted && password) {
        return std::nullopt;
    }
    if (outcome == UsernameTokenChecker::Outcome::Missing) {
        if (m_options.auth == QStringLiteral("any")) {
            return digestChallenge();
        }
        why = QStringLiteral("no WS-Security UsernameToken");
    } else if (!password) {
        why = QStringLiteral("unknown user \"%1\"").arg(tokenUser);
    }
    warn(QStringLiteral("%1 %2: refused: %3").arg(config.name, soap.operationName(), why));
    return notAuthorized(why);
}

void OnvifServer::handle(const HttpRequest& request, OnvifHttpServer::Respond respond) {
    // /onvif/<camera>/<service...>
    const QStringList parts = QString::fromUtf8(request.path).split(QLatin1Char('/'));
    if (parts.size() < 4 || !parts.at(0).isEmpty() || parts.at(1) != QStringLiteral("onvif")) {
        respond(soapResponse(OnvifAnswer{404, {}}));
        return;
    }
    const auto found = m_cameras.find(parts.at(2));
    if (found == m_cameras.end()) {
        respond(soapResponse(OnvifAnswer{404, {}}));
        return;
    }
    Camera& camera = found->second;
    ++camera.requests;
    const QString service = parts.mid(3).join(QLatin1Char('/'));
    if (service == QStringLiteral("snapshot.jpg")) {
        if (request.method != "GET") {
            respond(soapResponse(OnvifAnswer{405, {}}));
            return;
        }
        respond(HttpResponse{200, "image/jpeg", {}, QByteArray::fromBase64(kSnapshotJpeg), false});
        return;
    }
    if (request.method != "POST") {
        respond(soapResponse(OnvifAnswer{405, {}}));
        return;
    }
    if (camera.fault == Fault::Silent) {
        return;  // never answered; the client's deadline ends it
    }
    if (auto bad = faulty(camera.fault)) {
        respond(*bad);
        return;
    }
    const std::optional<SoapRequest> soap = parseSoapRequest(request.body);
    if (!soap && !camera.device->camera().user.isEmpty() && m_options.auth != QStringLiteral("wsse") &&
        !digestAccepted(camera, request)) {
        // Clients that use HTTP Digest may send a first request without a body to get the challenge.
        respond(digestChallenge());
        return;
    }
    if (!soap) {
        warn(QStringLiteral("%1: a request that is not a SOAP envelope").arg(camera.device->camera().name));
        respond(HttpResponse{400, "application/soap+xml; charset=utf-8", {},
                             soapFault(QStringLiteral("s:Sender"), QStringLiteral("ter:WellFormed"),
                                       QStringLiteral("not a SOAP envelope")),
                             false});
        return;
    }
    if (auto refused = authenticate(camera, request, *soap)) {
        respond(*refused);
        return;
    }
    const QString where = camera.device->camera().name + QLatin1Char(' ') + service + QLatin1Char(' ') +
                          soap->operationName();
    camera.device->handle(service, *soap, [respond, where](const OnvifAnswer& answer) {
        if (answer.status >= 400) {
            // Shows on stderr which (optional) operations a client asked for and what went wrong.
            warn(QStringLiteral("%1: HTTP %2").arg(where, QString::number(answer.status)));
        }
        respond(soapResponse(answer));
    });
}

}  // namespace vigil::testcamera
