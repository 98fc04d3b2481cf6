#include "api_session.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <memory>

#include "engine/engine.h"
#include "http/https_service.h"

namespace vigil::test {

namespace {
constexpr int kTimeoutMs = 15000;
}

ApiSession::ApiSession(server::Engine& engine) : m_engine(engine) {
    m_network.setProxy(QNetworkProxy::NoProxy);
}

QSslConfiguration ApiSession::tls() const {
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QList<QSslCertificate>{m_engine.authority().certificate} + m_extraAuthorities);
    return configuration;
}

ApiReply ApiSession::call(const QByteArray& verb, const QString& pathAndQuery, const QJsonObject& body,
                          const QByteArray& rawBody, const QByteArray& contentType) {
    QUrl url = m_engine.baseUrl();
    const QUrl relative(pathAndQuery);
    url.setPath(relative.path());
    url.setQuery(relative.query());
    QNetworkRequest request(url);
    request.setSslConfiguration(tls());
    if (!m_peerVerifyName.isEmpty()) {
        request.setPeerVerifyName(m_peerVerifyName);
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    }
    QByteArray data = rawBody;
    if (data.isEmpty() && !body.isEmpty()) {
        data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    if (!data.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, data));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(kTimeoutMs)) {
        qWarning() << "no answer from" << url;
    }
    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        result.headers.insert(name.toLower(), value);
    }
    return result;
}

ApiReply ApiSession::login(const QString& userName, const QString& password, const QString& kind) {
    ApiReply reply =
        post(QStringLiteral("/api/v1/auth/login"), QJsonObject{{QStringLiteral("userName"), userName},
                                                               {QStringLiteral("password"), password},
                                                               {QStringLiteral("clientKind"), kind}});
    if (reply.status == 200) {
        m_token = reply.json.value(QStringLiteral("token")).toString();
    }
    return reply;
}

ApiReply ApiSession::postFrom(const QHostAddress& local, const QString& path, const QJsonObject& body) {
    return callFrom(local, "POST", path, body);
}

ApiReply ApiSession::callFrom(const QHostAddress& local, const QByteArray& verb, const QString& path,
                              const QJsonObject& body) {
    QSslSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.setSslConfiguration(tls());
    socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
    ApiReply result;
    if (!socket.bind(local)) {
        qWarning() << "cannot bind" << local << socket.errorString();
        return result;
    }
    const QByteArray data = verb == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray authorization =
        m_token.isEmpty() ? QByteArray() : "Authorization: Bearer " + m_token.toLatin1() + "\r\n";
    const QByteArray type = data.isEmpty() ? QByteArray() : QByteArray("Content-Type: application/json\r\n");
    const QByteArray request =
        verb + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
        authorization + type + "Content-Length: " + QByteArray::number(data.size()) + "\r\n\r\n" + data;
    QByteArray received;
    QObject::connect(&socket, &QSslSocket::encrypted, [&] { socket.write(request); });
    QObject::connect(&socket, &QSslSocket::readyRead, [&] { received += socket.readAll(); });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_engine.baseUrl().port());
    // The engine runs on this thread: keep the event loop turning, never block in waitFor...().
    QDeadlineTimer deadline(kTimeoutMs);
    const auto complete = [&received] {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        const QByteArray head = received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return received.size() >= end + 4 + length;
    };
    while (!complete() && socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0) {
        qWarning() << "no answer from" << local << socket.errorString();
        return result;
    }
    const QList<QByteArray> lines = received.left(end).split('\n');
    result.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        result.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                              lines.at(i).mid(colon + 1).trimmed());
    }
    result.body = received.mid(end + 4);
    result.json = QJsonDocument::fromJson(result.body).object();
    return result;
}

QString describe(const ApiReply& reply) {
    return QString::number(reply.status) + QLatin1Char(' ') + QString::fromUtf8(reply.body);
}

QJsonObject setupBody(const QString& userName, const QString& password, const QString& email,
                      const QString& answerPattern) {
    QJsonArray questions;
    for (int i = 0; i < 3; ++i) {
        questions.append(QJsonObject{{QStringLiteral("question"), QStringLiteral("Question %1?").arg(i)},
                                     {QStringLiteral("answer"), answerPattern.arg(i)}});
    }
    return QJsonObject{{QStringLiteral("userName"), userName},
                       {QStringLiteral("password"), password},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("questions"), questions}};
}

}  // namespace vigil::test
