#include "client/api_client.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <memory>

#include "client/json_reply.h"
#include "common/logging.h"
#include "security/certificate_authority.h"

namespace vigil::core::client {

using security::CertificateAuthority;

namespace {

QString describeSubject(const QSslCertificate& certificate) {
    const QString name = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    const QString organization =
        certificate.subjectInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
    if (organization.isEmpty()) {
        return name;
    }
    return name.isEmpty() ? organization : QStringLiteral("%1 (%2)").arg(name, organization);
}

QString formatTime(qint64 utcMs) {
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// The server's own words when it sent {"error": code, "message": text}.
std::optional<Error> apiError(const QByteArray& body) {
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    const QJsonValue code = object.value(QStringLiteral("error"));
    const QJsonValue message = object.value(QStringLiteral("message"));
    if (!code.isString() || !message.isString()) {
        return std::nullopt;
    }
    return Error::make(code.toString(), message.toString());
}

// model::Permission is only ever sent by the server, so the model has no reader for it.
Result<model::Permission> permissionFromJson(const QJsonObject& json) {
    model::Permission permission;
    permission.id = json.value(QStringLiteral("id")).toString();
    permission.name = json.value(QStringLiteral("name")).toString();
    permission.description = json.value(QStringLiteral("description")).toString();
    if (permission.id.isEmpty()) {
        return Error::make(QStringLiteral("api_bad_response"),
                           QStringLiteral("The server listed a permission without an id. Check that it runs "
                                          "a compatible Vigil version."));
    }
    return permission;
}

QUrlQuery logQuery(const SecurityLogQuery& query) {
    QUrlQuery items;
    if (query.fromMs > 0) {
        items.addQueryItem(QStringLiteral("fromMs"), QString::number(query.fromMs));
    }
    if (query.toMs > 0) {
        items.addQueryItem(QStringLiteral("toMs"), QString::number(query.toMs));
    }
    if (!query.userName.isEmpty()) {
        items.addQueryItem(QStringLiteral("user"), query.userName);
    }
    if (!query.kind.isEmpty()) {
        items.addQueryItem(QStringLiteral("kind"), query.kind);
    }
    if (query.limit > 0) {
        items.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    }
    if (query.offset > 0) {
        items.addQueryItem(QStringLiteral("offset"), QString::number(query.offset));
    }
    return items;
}

QString idPath(const char* collection, const QString& id) {
    return QStringLiteral("/api/v1/%1/%2")
        .arg(QLatin1String(collection), QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

}  // namespace

ApiClient::ApiClient(TrustStore* trust, QObject* parent)
    : QObject(parent),
      m_trust(trust),
      m_network(new QNetworkAccessManager(this)),
      m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this)),
      m_reconnectTimer(new QTimer(this)) {
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ApiClient::openEvents);
    connect(m_socket, &QWebSocket::connected, this, &ApiClient::onEventsConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ApiClient::onEventsDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ApiClient::onEventsText);
    connect(m_socket, &QWebSocket::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_socketSslErrors = errors; });
    // Qt 6.4 name of the signal (errorOccurred arrived in 6.5). A failed connect may not be followed
    // by disconnected(), so the error path schedules the retry too.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                const QString detail = m_socketSslErrors.isEmpty() ? m_socket->errorString()
                                                                   : sslProblem(m_socketSslErrors).message;
                qCWarning(lcClient).noquote() << "event connection to" << site() << "failed:" << detail;
                onEventsDisconnected();
            });
}

ApiClient::~ApiClient() {
    m_socket->disconnect(this);
    m_socket->abort();
    stopProbe();
}

QUrl ApiClient::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_host);
    url.setPort(m_port);
    return url;
}

void ApiClient::setSite(const QString& host, quint16 port) {
    stopProbe();
    disconnectEvents();
    m_host = host;
    m_port = port;
    m_token.clear();  // a session belongs to one site: its token must never reach another
    m_lastEventId = 0;
    m_candidate = QSslCertificate();
    m_lastError = Error();
    setState(State::Idle);
}

void ApiClient::setBearerToken(const QString& token) {
    if (token != m_token) {
        m_lastEventId = 0;
    }
    m_token = token;
}

void ApiClient::setState(State state) {
    if (m_state == state) {
        return;
    }
    m_state = state;
    emit stateChanged(state);
}

void ApiClient::fail(Error error) {
    qCWarning(lcClient).noquote() << site() << error.code << error.message;
    m_lastError = error;
    setState(State::Failed);
    emit failed(error);
}

// --- trust on first use ----------------------------------------------------------------------------

void ApiClient::probe() {
    stopProbe();
    disconnectEvents();
    m_candidate = QSslCertificate();
    m_lastError = Error();
    if (m_host.isEmpty() || m_port == 0) {
        fail(Error::make(QStringLiteral("client_no_site"),
                         QStringLiteral("No server address is set. Enter the server's address and port.")));
        return;
    }
    setState(State::Probing);

    auto* socket = new QSslSocket(this);
    m_probe = socket;
    // This connection only reads the presented chain: it is closed before anything is sent, so
    // skipping verification here cannot leak data. The decision is made in decideTrust().
    QSslConfiguration configuration = socket->sslConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->setSslConfiguration(configuration);
    connect(socket, &QSslSocket::sslErrors, socket,
            [socket](const QList<QSslError>&) { socket->ignoreSslErrors(); });
    connect(socket, &QSslSocket::encrypted, this, &ApiClient::onProbeEncrypted);
    connect(socket, &QSslSocket::errorOccurred, this, &ApiClient::onProbeFailed);
    QTimer::singleShot(kRequestTimeoutMs, socket, [this, socket] {
        if (m_probe != socket) {
            return;  // this probe already ended; the socket only waits for deleteLater
        }
        stopProbe();
        fail(Error::make(
            QStringLiteral("client_timeout"),
            QStringLiteral("%1 did not complete a secure connection within %2 s. Check the address, "
                           "the port and the network, and that the Vigil server is running.")
                .arg(site(), QString::number(kRequestTimeoutMs / 1000))));
    });
    socket->connectToHostEncrypted(m_host, m_port);
}

void ApiClient::stopProbe() {
    if (!m_probe) {
        return;
    }
    m_probe->disconnect(this);
    m_probe->abort();
    m_probe->deleteLater();
    m_probe = nullptr;
}

void ApiClient::onProbeEncrypted() {
    const QList<QSslCertificate> chain = m_probe ? m_probe->peerCertificateChain() : QList<QSslCertificate>();
    stopProbe();
    decideTrust(chain);
}

void ApiClient::onProbeFailed() {
    if (!m_probe) {
        return;
    }
    const QAbstractSocket::SocketError code = m_probe->error();
    const QString detail = m_probe->errorString();
    stopProbe();
    switch (code) {
        case QAbstractSocket::ConnectionRefusedError:
            fail(Error::make(
                QStringLiteral("client_connection_refused"),
                QStringLiteral("Nothing answers at %1: the connection was refused. Check that the "
                               "Vigil server is running and that the port is right.")
                    .arg(site())));
            return;
        case QAbstractSocket::HostNotFoundError:
            fail(Error::make(QStringLiteral("client_host_not_found"),
                             QStringLiteral("The host name %1 is unknown. Check its spelling, or use the "
                                            "server's IP address.")
                                 .arg(m_host)));
            return;
        default:
            fail(Error::make(
                QStringLiteral("tls_handshake_failed"),
                QStringLiteral("Cannot open a secure connection to %1 (%2). Check that the address "
                               "and port are those of a Vigil server.")
                    .arg(site(), detail)));
    }
}

void ApiClient::decideTrust(const QList<QSslCertificate>& chain) {
    if (chain.size() < 2) {
        fail(Error::make(
            QStringLiteral("tls_no_authority"),
            QStringLiteral("%1 did not present a certificate authority with its certificate, so it "
                           "is not a Vigil server, or something between you and it replaces "
                           "certificates. Check the address and port.")
                .arg(site())));
        return;
    }
    const QSslCertificate& server = chain.first();
    const QSslCertificate& authority = chain.last();
    if (!CertificateAuthority::isSignedBy(server, authority) ||
        !CertificateAuthority::isSignedBy(authority, authority)) {
        fail(Error::make(QStringLiteral("tls_chain_inconsistent"),
                         QStringLiteral("The certificates presented by %1 do not belong together (the server "
                                        "certificate is not signed by the authority sent with it). Do not "
                                        "continue; ask the site's administrator to check the server.")
                             .arg(site())));
        return;
    }
    const QString presented = CertificateAuthority::fingerprint(authority);
    const std::optional<PinnedAuthority> pinned = m_trust->pinnedCa(site());
    if (!pinned) {
        m_candidate = authority;
        setState(State::TrustRequired);
        emit trustRequired(presented, describeSubject(authority));
        return;
    }
    if (pinned->fingerprint == presented) {
        setState(State::Ready);
        emit ready();
        return;
    }
    fail(Error::make(
        QStringLiteral("tls_authority_changed"),
        QStringLiteral(
            "The platform's certificate authority of %1 has changed since it was trusted on %2. "
            "Trusted: %3. Presented now: %4. This is what an attacker between you and the server "
            "would look like, so the connection was stopped and nothing was sent. Do not continue: "
            "confirm with the site's administrator that the server was reinstalled or its "
            "certificates were replaced, then forget the site and connect again.")
            .arg(site(), formatTime(pinned->firstSeenMs), pinned->fingerprint, presented)));
}

void ApiClient::acceptTrust() {
    if (m_state != State::TrustRequired || m_candidate.isNull()) {
        return;
    }
    const Status pinned = m_trust->pin(site(), m_candidate);
    m_candidate = QSslCertificate();
    if (!pinned) {
        fail(pinned.error());
        return;
    }
    setState(State::Ready);
    emit ready();
}

void ApiClient::rejectTrust() {
    if (m_state != State::TrustRequired) {
        return;
    }
    m_candidate = QSslCertificate();
    qCInfo(lcClient).noquote() << "the user did not trust" << site();
    setState(State::Idle);
}

Status ApiClient::pinAuthority(const QSslCertificate& authority) {
    stopProbe();
    const Status pinned = m_trust->pin(site(), authority);
    if (!pinned) {
        fail(pinned.error());
        return pinned;
    }
    setState(State::Ready);
    emit ready();
    return {};
}

Status ApiClient::forgetSite() {
    disconnectEvents();
    const Status forgotten = m_trust->forget(site());
    m_lastError = Error();
    setState(State::Idle);
    return forgotten;
}

QString ApiClient::candidateFingerprint() const {
    return m_candidate.isNull() ? QString() : CertificateAuthority::fingerprint(m_candidate);
}

QString ApiClient::candidateSubject() const {
    return describeSubject(m_candidate);
}

QString ApiClient::pinnedFingerprint() const {
    const auto pinned = m_trust->pinnedCa(site());
    return pinned ? pinned->fingerprint : QString();
}

// --- REST ------------------------------------------------------------------------------------------

QSslConfiguration ApiClient::pinnedConfiguration() const {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const auto pinned = m_trust->pinnedCa(site());
    // Only the pinned CA: setCaCertificates also stops Qt from loading the system roots on demand.
    configuration.setCaCertificates(pinned ? QList<QSslCertificate>{pinned->certificate}
                                           : QList<QSslCertificate>{});
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

std::optional<Error> ApiClient::notReadyError() const {
    if (m_state == State::Ready) {
        return std::nullopt;
    }
    if (m_state == State::Failed && !m_lastError.code.isEmpty()) {
        return m_lastError;
    }
    return Error::make(
        QStringLiteral("client_not_connected"),
        QStringLiteral("Not connected to %1 yet: connect to the site (and trust it) first.").arg(site()));
}

QNetworkReply* ApiClient::startRequest(const Request& call) {
    if (notReadyError()) {
        return nullptr;
    }
    QUrl url = baseUrl();
    url.setPath(call.path);
    if (!call.query.isEmpty()) {
        url.setQuery(call.query);
    }
    QNetworkRequest request(url);
    request.setSslConfiguration(pinnedConfiguration());
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setRawHeader("Accept", call.accept);
    const bool withToken = call.auth != Auth::Public && !m_token.isEmpty();
    if (withToken) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    QByteArray body;
    if (call.body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        body = QJsonDocument(*call.body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply = nullptr;
    switch (call.method) {
        case Method::Get:
            reply = m_network->get(request);
            break;
        case Method::Post:
            reply = m_network->post(request, body);
            break;
        case Method::Put:
            reply = m_network->put(request, body);
            break;
        case Method::Delete:
            reply = m_network->deleteResource(request);
            break;
    }
    return reply;
}

void ApiClient::send(const Request& call, std::function<void(Result<QByteArray>)> done) {
    QNetworkReply* reply = startRequest(call);
    if (!reply) {
        // Asynchronous like a real answer, so callers see one behaviour.
        QTimer::singleShot(0, this, [done = std::move(done), error = *notReadyError()] { done(error); });
        return;
    }
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [sslErrors](const QList<QSslError>& errors) { *sslErrors = errors; });
    const bool endsSessionOn401 = call.auth == Auth::Session && !m_token.isEmpty();
    const QString token = m_token;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sslErrors, endsSessionOn401, token, done = std::move(done)] {
                reply->deleteLater();
                if (reply->error() == QNetworkReply::NoError) {
                    done(reply->readAll());
                    return;
                }
                const Error error = replyError(reply, *sslErrors);
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                // Only for the token still in use: an answer to an earlier session says nothing now.
                if (status == 401 && endsSessionOn401 && token == m_token) {
                    emit sessionRejected(error);
                }
                done(error);
            });
}

void ApiClient::sendJson(const Request& call, std::function<void(Result<QJsonDocument>)> done) {
    send(call, [path = call.path, done = std::move(done)](Result<QByteArray> body) {
        if (!body) {
            done(body.error());
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body.value(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            done(
                Error::make(QStringLiteral("api_bad_response"),
                            QStringLiteral("The server's answer to %1 is not valid JSON (%2). Check that the "
                                           "address points at a Vigil server of a compatible version.")
                                .arg(path, parseError.errorString())));
            return;
        }
        done(document);
    });
}

void ApiClient::sendStatus(const Request& call, StatusCallback done) {
    send(call, [done = std::move(done)](const Result<QByteArray>& body) {
        done(body ? Status() : Status(body.error()));
    });
}

void ApiClient::get(const QString& path, std::function<void(Result<QJsonDocument>)> done) {
    sendJson(Request(Method::Get, path), std::move(done));
}

Error ApiClient::replyError(QNetworkReply* reply, const QList<QSslError>& sslErrors) const {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0) {
        if (auto fromServer = apiError(reply->readAll())) {
            return *fromServer;
        }
        return Error::make(QStringLiteral("api_http_error"),
                           QStringLiteral("The server answered HTTP %1 to %2. Check that the server runs a "
                                          "compatible Vigil version.")
                               .arg(status)
                               .arg(reply->url().path()));
    }
    switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return Error::make(
                QStringLiteral("client_connection_refused"),
                QStringLiteral("Nothing answers at %1: the connection was refused. Check that the "
                               "Vigil server is running and that the port is right.")
                    .arg(site()));
        case QNetworkReply::HostNotFoundError:
            return Error::make(QStringLiteral("client_host_not_found"),
                               QStringLiteral("The host name %1 is unknown. Check its spelling, or use the "
                                              "server's IP address.")
                                   .arg(m_host));
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return Error::make(QStringLiteral("client_timeout"),
                               QStringLiteral("%1 did not answer within %2 s. Check the network and that the "
                                              "server is running.")
                                   .arg(site(), QString::number(kRequestTimeoutMs / 1000)));
        case QNetworkReply::SslHandshakeFailedError:
            if (!sslErrors.isEmpty()) {
                return sslProblem(sslErrors);
            }
            return Error::make(
                QStringLiteral("tls_handshake_failed"),
                QStringLiteral("The secure connection to %1 failed (%2). Check that the server "
                               "runs a compatible Vigil version.")
                    .arg(site(), reply->errorString()));
        default:
            return Error::make(
                QStringLiteral("client_network_error"),
                QStringLiteral("The request to %1 failed: %2. Check the network and try again.")
                    .arg(site(), reply->errorString()));
    }
}

Error ApiClient::sslProblem(const QList<QSslError>& errors) const {
    for (const QSslError& error : errors) {
        switch (error.error()) {
            case QSslError::HostNameMismatch:
                return Error::make(
                    QStringLiteral("tls_host_name_mismatch"),
                    QStringLiteral("The server's certificate does not cover the name %1. Connect "
                                   "with a name or address the server was set up for, or ask "
                                   "the site's administrator to re-issue its certificate.")
                        .arg(m_host));
            case QSslError::CertificateExpired:
            case QSslError::CertificateNotYetValid:
                return Error::make(
                    QStringLiteral("tls_certificate_expired"),
                    QStringLiteral("The certificate of %1 is not valid at this time (%2). Check "
                                   "this computer's clock; if it is right, ask the site's "
                                   "administrator to renew the server certificate.")
                        .arg(site(), error.errorString()));
            default:
                break;
        }
    }
    return Error::make(QStringLiteral("tls_untrusted"),
                       QStringLiteral("The certificate of %1 is not signed by the certificate authority "
                                      "trusted for this site (%2). Do not continue: confirm with the site's "
                                      "administrator, then forget the site and connect again.")
                           .arg(site(), errors.isEmpty() ? QString() : errors.first().errorString()));
}

void ApiClient::fetchInfo(Callback<model::SystemInfo> done) {
    get(QStringLiteral("/api/v1/system/info"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            done(parseObject<model::SystemInfo>(document));
        });
}

void ApiClient::fetchHealth(Callback<model::HealthSnapshot> done) {
    get(QStringLiteral("/api/v1/system/health"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            done(parseObject<model::HealthSnapshot>(document));
        });
}

void ApiClient::fetchServices(Callback<QList<model::ServiceStatus>> done) {
    get(QStringLiteral("/api/v1/system/services"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            if (!document) {
                done(document.error());
                return;
            }
            const QJsonValue list = document->object().value(QStringLiteral("services"));
            if (!list.isArray()) {
                done(Error::make(
                    QStringLiteral("api_bad_response"),
                    QStringLiteral("The server's service list has no \"services\" array. Check that it "
                                   "runs a compatible Vigil version.")));
                return;
            }
            QList<model::ServiceStatus> services;
            for (const QJsonValue& value : list.toArray()) {
                auto service = model::ServiceStatus::fromJson(value.toObject());
                if (!service) {
                    done(service.error());
                    return;
                }
                services.append(std::move(service).value());
            }
            done(services);
        });
}

// --- accounts --------------------------------------------------------------------------------------

void ApiClient::fetchSetupStatus(Callback<model::SetupStatus> done) {
    sendJson(Request(Method::Get, QStringLiteral("/api/v1/setup"), std::nullopt, Auth::Public),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::SetupStatus>(document));
             });
}

void ApiClient::setup(const model::SetupRequest& request, Callback<model::User> done) {
    sendJson(Request(Method::Post, QStringLiteral("/api/v1/setup"), request.toJson(), Auth::Public),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 if (!document) {
                     done(document.error());
                     return;
                 }
                 done(model::User::fromJson(document->object().value(QStringLiteral("user")).toObject()));
             });
}

void ApiClient::login(const model::LoginRequest& request, Callback<model::LoginResponse> done) {
    sendJson(Request(Method::Post, QStringLiteral("/api/v1/auth/login"), request.toJson(), Auth::Public),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::LoginResponse>(document));
             });
}

void ApiClient::logout(StatusCallback done) {
    // A 401 here only means the session had already gone, which is what logging out wants.
    sendStatus(Request(Method::Post, QStringLiteral("/api/v1/auth/logout"), QJsonObject(), Auth::Credentials),
               std::move(done));
}

void ApiClient::fetchMe(Callback<model::MeResponse> done) {
    sendJson(Request(Method::Get, QStringLiteral("/api/v1/auth/me")),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::MeResponse>(document));
             });
}

void ApiClient::changePassword(const model::PasswordChangeRequest& request, StatusCallback done) {
    sendStatus(
        Request(Method::Post, QStringLiteral("/api/v1/auth/password"), request.toJson(), Auth::Credentials),
        std::move(done));
}

void ApiClient::fetchPermissions(Callback<QList<model::Permission>> done) {
    get(QStringLiteral("/api/v1/permissions"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            if (!document) {
                done(document.error());
                return;
            }
            QList<model::Permission> permissions;
            const QJsonArray list = document->object().value(QStringLiteral("permissions")).toArray();
            for (const QJsonValue& value : list) {
                auto permission = permissionFromJson(value.toObject());
                if (!permission) {
                    done(permission.error());
                    return;
                }
                permissions.append(std::move(permission).value());
            }
            done(permissions);
        });
}

void ApiClient::fetchUsers(Callback<QList<model::User>> done) {
    get(QStringLiteral("/api/v1/users"), [done = std::move(done)](const Result<QJsonDocument>& document) {
        done(parseList<model::User>(document, QStringLiteral("users")));
    });
}

void ApiClient::createUser(const model::UserInput& input, Callback<model::User> done) {
    sendJson(Request(Method::Post, QStringLiteral("/api/v1/users"), input.toJson()),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::User>(document));
             });
}

void ApiClient::updateUser(const QString& id, const model::UserInput& input, Callback<model::User> done) {
    sendJson(Request(Method::Put, idPath("users", id), input.toJson()),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::User>(document));
             });
}

void ApiClient::deleteUser(const QString& id, StatusCallback done) {
    sendStatus(Request(Method::Delete, idPath("users", id)), std::move(done));
}

void ApiClient::fetchRoles(Callback<QList<model::Role>> done) {
    get(QStringLiteral("/api/v1/roles"), [done = std::move(done)](const Result<QJsonDocument>& document) {
        done(parseList<model::Role>(document, QStringLiteral("roles")));
    });
}

void ApiClient::createRole(const model::RoleInput& input, Callback<model::Role> done) {
    sendJson(Request(Method::Post, QStringLiteral("/api/v1/roles"), input.toJson()),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::Role>(document));
             });
}

void ApiClient::updateRole(const QString& id, const model::RoleInput& input, Callback<model::Role> done) {
    sendJson(Request(Method::Put, idPath("roles", id), input.toJson()),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::Role>(document));
             });
}

void ApiClient::deleteRole(const QString& id, StatusCallback done) {
    sendStatus(Request(Method::Delete, idPath("roles", id)), std::move(done));
}

void ApiClient::fetchSessions(Callback<QList<model::Session>> done) {
    get(QStringLiteral("/api/v1/sessions"), [done = std::move(done)](const Result<QJsonDocument>& document) {
        done(parseList<model::Session>(document, QStringLiteral("sessions")));
    });
}

void ApiClient::endSession(const QString& id, StatusCallback done) {
    sendStatus(Request(Method::Delete, idPath("sessions", id)), std::move(done));
}

void ApiClient::searchSecurityLog(const SecurityLogQuery& query, Callback<SecurityLogPage> done) {
    Request request(Method::Get, QStringLiteral("/api/v1/security-log"));
    request.query = logQuery(query);
    sendJson(request, [done = std::move(done)](const Result<QJsonDocument>& document) {
        auto entries = parseList<model::LogEntry>(document, QStringLiteral("entries"));
        if (!entries) {
            done(entries.error());
            return;
        }
        SecurityLogPage page;
        page.entries = std::move(entries).value();
        page.total = document->object().value(QStringLiteral("total")).toInteger(page.entries.size());
        done(page);
    });
}

void ApiClient::downloadSecurityLogCsv(const SecurityLogQuery& query, Callback<QByteArray> done) {
    Request request(Method::Get, QStringLiteral("/api/v1/security-log.csv"));
    request.query = logQuery(query);
    request.accept = "text/csv";
    send(request, std::move(done));
}

void ApiClient::fetchSecuritySettings(Callback<model::SecuritySettings> done) {
    get(QStringLiteral("/api/v1/settings/security"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            done(parseObject<model::SecuritySettings>(document));
        });
}

void ApiClient::saveSecuritySettings(const model::SecuritySettings& settings,
                                     Callback<model::SecuritySettings> done) {
    sendJson(Request(Method::Put, QStringLiteral("/api/v1/settings/security"), settings.toJson()),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseObject<model::SecuritySettings>(document));
             });
}

namespace {

Result<AddressFilterSettings> parseAddressFilter(const Result<QJsonDocument>& document) {
    if (!document) {
        return document.error();
    }
    const QJsonObject json = document->object();
    AddressFilterSettings filter;
    filter.mode = json.value(QStringLiteral("mode")).toString(filter.mode);
    for (const QJsonValue& entry : json.value(QStringLiteral("entries")).toArray()) {
        filter.entries.append(entry.toString());
    }
    return filter;
}

Result<SmtpSettings> parseSmtp(const Result<QJsonDocument>& document) {
    if (!document) {
        return document.error();
    }
    const QJsonObject json = document->object();
    SmtpSettings smtp;
    smtp.host = json.value(QStringLiteral("host")).toString();
    smtp.port = json.value(QStringLiteral("port")).toInt(smtp.port);
    smtp.security = json.value(QStringLiteral("security")).toString(smtp.security);
    smtp.user = json.value(QStringLiteral("user")).toString();
    smtp.passwordSet = json.value(QStringLiteral("passwordSet")).toBool();
    smtp.from = json.value(QStringLiteral("from")).toString();
    smtp.fromName = json.value(QStringLiteral("fromName")).toString();
    smtp.timeoutMs = json.value(QStringLiteral("timeoutMs")).toInt();
    smtp.caPem = json.value(QStringLiteral("caPem")).toString();
    return smtp;
}

}  // namespace

void ApiClient::fetchAddressFilter(Callback<AddressFilterSettings> done) {
    get(QStringLiteral("/api/v1/settings/address-filter"),
        [done = std::move(done)](const Result<QJsonDocument>& document) {
            done(parseAddressFilter(document));
        });
}

void ApiClient::saveAddressFilter(const AddressFilterSettings& filter, bool confirm,
                                  Callback<AddressFilterSettings> done) {
    QJsonObject body{{QStringLiteral("mode"), filter.mode},
                     {QStringLiteral("entries"), QJsonArray::fromStringList(filter.entries)}};
    if (confirm) {
        body.insert(QStringLiteral("confirm"), true);
    }
    sendJson(Request(Method::Put, QStringLiteral("/api/v1/settings/address-filter"), body),
             [done = std::move(done)](const Result<QJsonDocument>& document) {
                 done(parseAddressFilter(document));
             });
}

void ApiClient::fetchSmtpSettings(Callback<SmtpSettings> done) {
    get(QStringLiteral("/api/v1/settings/smtp"),
        [done = std::move(done)](const Result<QJsonDocument>& document) { done(parseSmtp(document)); });
}

void ApiClient::saveSmtpSettings(const SmtpSettings& settings, Callback<SmtpSettings> done) {
    // The server refuses unknown fields, so passwordSet (an answer-only field) is never sent.
    QJsonObject body{
        {QStringLiteral("host"), settings.host},         {QStringLiteral("port"), settings.port},
        {QStringLiteral("security"), settings.security}, {QStringLiteral("user"), settings.user},
        {QStringLiteral("from"), settings.from},         {QStringLiteral("fromName"), settings.fromName},
        {QStringLiteral("caPem"), settings.caPem}};
    if (settings.timeoutMs > 0) {
        body.insert(QStringLiteral("timeoutMs"), settings.timeoutMs);
    }
    if (settings.password) {
        body.insert(QStringLiteral("password"), *settings.password);
    }
    sendJson(Request(Method::Put, QStringLiteral("/api/v1/settings/smtp"), body),
             [done = std::move(done)](const Result<QJsonDocument>& document) { done(parseSmtp(document)); });
}

void ApiClient::testSmtp(StatusCallback done) {
    sendStatus(Request(Method::Post, QStringLiteral("/api/v1/settings/smtp/test"), QJsonObject()),
               std::move(done));
}

// --- events ----------------------------------------------------------------------------------------

void ApiClient::connectEvents() {
    m_eventsWanted = true;
    m_reconnectDelayMs = kFirstReconnectDelayMs;
    openEvents();
}

void ApiClient::disconnectEvents() {
    m_eventsWanted = false;
    m_reconnectTimer->stop();
    m_socket->abort();
    if (m_eventsConnected) {
        m_eventsConnected = false;
        emit eventsConnectedChanged(false);
    }
}

void ApiClient::openEvents() {
    if (!m_eventsWanted || m_state != State::Ready) {
        return;
    }
    QUrl url = baseUrl();
    url.setScheme(QStringLiteral("wss"));
    url.setPath(QStringLiteral("/api/v1/events/ws"));
    // 0 on the first opening: the server replays nothing and tells the newest id in events.resumed.
    url.setQuery(QStringLiteral("since=%1").arg(m_lastEventId));
    QNetworkRequest request(url);
    if (!m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    m_socketSslErrors.clear();
    // QWebSocket uses its own configuration, not the request's.
    m_socket->setSslConfiguration(pinnedConfiguration());
    m_socket->open(request);
}

void ApiClient::onEventsConnected() {
    qCInfo(lcClient).noquote() << "event connection open to" << site();
    m_reconnectDelayMs = kFirstReconnectDelayMs;
    m_eventsConnected = true;
    emit eventsConnectedChanged(true);
}

void ApiClient::onEventsDisconnected() {
    if (m_eventsConnected) {
        m_eventsConnected = false;
        emit eventsConnectedChanged(false);
    }
    scheduleReconnect();
}

void ApiClient::scheduleReconnect() {
    if (!m_eventsWanted || m_reconnectTimer->isActive()) {
        return;
    }
    qCInfo(lcClient).noquote() << "reconnecting events to" << site() << "in" << m_reconnectDelayMs << "ms";
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, kMaxReconnectDelayMs);
}

void ApiClient::onEventsText(const QString& text) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject()) {
        qCWarning(lcClient).noquote()
            << "ignoring an event that is not a JSON object:" << parseError.errorString();
        return;
    }
    if (handleSessionEnded(document.object())) {
        return;
    }
    auto message = model::PushMessage::fromJson(document.object());
    if (!message) {
        qCWarning(lcClient).noquote() << "ignoring an event:" << message.error().message;
        return;
    }
    noteEventId(message.value());
    emit pushReceived(message.value());
}

void ApiClient::noteEventId(const model::PushMessage& message) {
    qint64 id = 0;
    if (message.type == QLatin1String("events.event")) {
        id = message.data.value(QStringLiteral("id")).toInteger();
    } else if (message.type == QLatin1String("events.resumed")) {
        // Everything this session may see up to lastId came in the catch-up before this message.
        id = message.data.value(QStringLiteral("lastId")).toInteger();
        const bool complete = message.data.value(QStringLiteral("complete")).toBool(true);
        qCInfo(lcClient).noquote() << "events resumed after id"
                                   << message.data.value(QStringLiteral("since")).toInteger()
                                   << (complete ? "with nothing left out" : "with more missed than replayed");
    }
    m_lastEventId = std::max(m_lastEventId, id);
}

bool ApiClient::handleSessionEnded(const QJsonObject& message) {
    if (message.value(QStringLiteral("type")).toString() != QLatin1String("session.ended")) {
        return false;
    }
    // The reason sits in "data" like every push; a bare {"type","reason"} is read the same way.
    const QJsonObject data = message.value(QStringLiteral("data")).toObject();
    QString reason = data.value(QStringLiteral("reason")).toString();
    if (reason.isEmpty()) {
        reason = message.value(QStringLiteral("reason")).toString();
    }
    qCInfo(lcClient).noquote() << "the server ended this session:" << reason;
    // The server closes the socket next; reconnecting with a dead token would only be refused.
    m_eventsWanted = false;
    m_reconnectTimer->stop();
    emit sessionEnded(reason);
    return true;
}

}  // namespace vigil::core::client
