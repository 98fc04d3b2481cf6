#include "activation_server.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTextStream>

namespace vigil::tools {

namespace {
using StatusCode = QHttpServerResponse::StatusCode;

QHttpServerResponse refusal(const core::Error& error) {
    StatusCode status = StatusCode::Conflict;
    if (error.code.endsWith(QLatin1String("_malformed"))) {
        status = StatusCode::BadRequest;
    } else if (error.code == QLatin1String("code_unknown")) {
        status = StatusCode::NotFound;
    } else if (error.code.startsWith(QLatin1String("registry_"))) {
        status = StatusCode::InternalServerError;
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), error.code}, {QStringLiteral("message"), error.message}},
                               status);
}
}  // namespace

ActivationServer::ActivationServer(QString registryPath, core::license::Ed25519Key signingKey)
    : m_registryPath(std::move(registryPath)), m_key(std::move(signingKey)), m_server(std::make_unique<QHttpServer>()) {
    m_server->route(QStringLiteral("/api/v1/activations"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest& request) {
                        QString code;
                        auto licence = activate(request.body(), &code);
                        QTextStream(stdout) << "activation " << code << ": "
                                            << (licence ? QStringLiteral("issued") : licence.error().code) << Qt::endl;
                        if (!licence) {
                            return refusal(licence.error());
                        }
                        return QHttpServerResponse(QByteArrayLiteral("application/json"), licence->toFile());
                    });
}

core::Result<core::license::SignedLicence> ActivationServer::activate(const QByteArray& body, QString* code) {
    auto parsed = core::license::LicenceRequest::parse(body);
    if (!parsed) {
        return parsed.error();
    }
    *code = parsed->activationCode;
    auto registry = CodeRegistry::open(m_registryPath);
    if (!registry) {
        return registry.error();
    }
    ActivationAuthority authority(registry.value(), m_key);
    return authority.activate(parsed.value(), QDateTime::currentMSecsSinceEpoch());
}

ActivationServer::~ActivationServer() = default;

quint16 ActivationServer::listen(const QHostAddress& address, quint16 port, const QSslCertificate& certificate,
                                 const QSslKey& key, QString* error) {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_server->sslSetup(tls);
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0 && error) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port);
    }
    return bound;
}

}  // namespace vigil::tools
