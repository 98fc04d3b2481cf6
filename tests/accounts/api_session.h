#pragma once
// Test helper: JSON calls to a real engine over HTTPS, trusting only the engine's CA, with an
// optional bearer token; and a raw TLS request from a chosen local address (127.0.0.2 is loopback
// too), which QNetworkAccessManager cannot bind.

#include <QHostAddress>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QString>

namespace vigil::server {
class Engine;
}

namespace vigil::test {

struct ApiReply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers;  // lower-case names

    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString message() const { return json.value(QStringLiteral("message")).toString(); }
};

// "<status> <body>", for test failure messages.
QString describe(const ApiReply& reply);

// The body of POST /api/v1/setup: the administrator with three security questions "Question i?",
// answered by answerPattern.arg(i).
QJsonObject setupBody(const QString& userName, const QString& password,
                      const QString& email = QStringLiteral("chief@example.com"),
                      const QString& answerPattern = QStringLiteral("Answer %1"));

class ApiSession {
public:
    explicit ApiSession(server::Engine& engine);

    void setToken(const QString& token) { m_token = token; }
    // The name the server certificate must hold when it differs from the URL's host.
    void setPeerVerifyName(const QString& name) { m_peerVerifyName = name; }
    QString token() const { return m_token; }
    // CAs trusted besides the engine's (an imported server certificate's root).
    void trust(const QList<QSslCertificate>& authorities) { m_extraAuthorities = authorities; }

    ApiReply get(const QString& pathAndQuery) { return call("GET", pathAndQuery); }
    ApiReply post(const QString& path, const QJsonObject& body = {}) { return call("POST", path, body); }
    ApiReply put(const QString& path, const QJsonObject& body) { return call("PUT", path, body); }
    ApiReply del(const QString& path) { return call("DELETE", path); }
    ApiReply call(const QByteArray& verb, const QString& pathAndQuery, const QJsonObject& body = {},
                  const QByteArray& rawBody = {}, const QByteArray& contentType = "application/json");

    // Logs in; the token is kept for later calls when it works.
    ApiReply login(const QString& userName, const QString& password, const QString& kind = "workstation");

    // POST with a raw socket bound to `local`; no keep-alive.
    ApiReply postFrom(const QHostAddress& local, const QString& path, const QJsonObject& body);
    // Any request over a raw socket bound to `local` (a loopback address such as 127.0.0.2), with the
    // token when one is set; no keep-alive. Status 0: the connection was closed without an answer.
    ApiReply callFrom(const QHostAddress& local, const QByteArray& verb, const QString& path,
                      const QJsonObject& body = {});

    QSslConfiguration tls() const;

private:
    server::Engine& m_engine;
    QNetworkAccessManager m_network;
    QString m_token;
    QString m_peerVerifyName;
    QList<QSslCertificate> m_extraAuthorities;
};

}  // namespace vigil::test
