#include "soap_client.h"

#include <QAuthenticator>
#include <QDateTime>
#include <QEventLoop>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <memory>

#include "onvif_logging.h"
#include "soap_message.h"
#include "ws_security.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
namespace devices = core::devices;

namespace {

constexpr int kCancelPollMs = 50;

QString hostOf(const QUrl& url) {
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host(), QString::number(url.port())) : url.host();
}

Error cancelled(const QString& operation) {
    return Error::make(devices::kErrorCancelled, QStringLiteral("%1 was cancelled before the camera answered.")
                                                     .arg(operation));
}

}  // namespace

SoapClient::SoapClient(QString user, QString password, const devices::Cancellation& cancel)
    : m_user(std::move(user)), m_password(std::move(password)), m_cancel(cancel) {
    // Cameras sit on the local network; a proxy from the environment would only be in the way.
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

Result<SoapClient::HttpAnswer> SoapClient::post(const Request& request) {
    if (m_cancel.isCancelled()) {
        return cancelled(request.operation);
    }
    if (!request.url.isValid() || (request.url.scheme() != QStringLiteral("http") &&
                                   request.url.scheme() != QStringLiteral("https"))) {
        return Error::make(devices::kErrorUnreachable,
                           QStringLiteral("The ONVIF address \"%1\" is not an http:// or https:// URL. Give the "
                                          "camera's device service, e.g. http://192.0.2.10/onvif/device_service.")
                               .arg(request.url.toString(QUrl::RemoveUserInfo)));
    }

    QString headers = request.headers;
    if (request.auth == Auth::UsernameToken && !m_user.isEmpty()) {
        const QDateTime deviceNow = QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs);
        headers.prepend(UsernameToken::make(m_user, m_password, deviceNow).toHeaderXml(QStringLiteral("s")));
    }
    const QByteArray payload = SoapMessage::envelope(headers, request.body);

    QNetworkRequest httpRequest(request.url);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/soap+xml; charset=utf-8; action=\"%1\"").arg(request.action));
    httpRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    qCDebug(lcOnvif).noquote() << "POST" << request.url.toString(QUrl::RemoveUserInfo) << request.operation;

    std::unique_ptr<QNetworkReply> reply(m_manager.post(httpRequest, payload));
    bool challenged = false;
    bool timedOut = false;
    bool tooLarge = false;
    QEventLoop loop;
    // HTTP Digest (or Basic) when the device asks for it: answered once; a second challenge for
    // the same request means the credentials were refused and the reply ends with 401.
    QObject::connect(&m_manager, &QNetworkAccessManager::authenticationRequired, &loop,
                     [&](QNetworkReply* asking, QAuthenticator* authenticator) {
                         if (asking != reply.get() || challenged || m_user.isEmpty()) {
                             return;
                         }
                         challenged = true;
                         authenticator->setUser(m_user);
                         authenticator->setPassword(m_password);
                     });
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > kMaxAnswerBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_cancel.isCancelled()) {
            reply->abort();
        }
    });
    deadline.start(request.timeoutMs);
    poll.start(kCancelPollMs);
    if (!reply->isFinished()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }

    if (m_cancel.isCancelled()) {
        return cancelled(request.operation);
    }
    if (timedOut) {
        return Error::make(devices::kErrorUnreachable,
                           QStringLiteral("The camera at %1 did not answer %2 within %3 s. Check that it is "
                                          "switched on and reachable from this server.")
                               .arg(hostOf(request.url), request.operation)
                               .arg(request.timeoutMs / 1000.0));
    }
    if (tooLarge) {
        return SoapMessage::badAnswer(request.operation,
                                      QStringLiteral("an answer longer than %1 bytes").arg(kMaxAnswerBytes));
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all: refused, no route, name unknown, TLS failed, connection dropped.
        return Error::make(devices::kErrorUnreachable,
                           QStringLiteral("Could not reach the camera at %1 for %2: %3. Check the address and "
                                          "that the camera is on the network.")
                               .arg(hostOf(request.url), request.operation, reply->errorString()));
    }
    HttpAnswer answer;
    answer.status = status.toInt();
    answer.body = reply->readAll();
    answer.dateHeader = reply->rawHeader("Date");
    qCDebug(lcOnvif).noquote() << "HTTP" << answer.status << request.operation << answer.body.size() << "bytes";
    return answer;
}

Result<XmlElement> SoapClient::call(const Request& request) {
    Result<HttpAnswer> answer = post(request);
    if (!answer) {
        return answer.error();
    }
    const int status = answer->status;
    if (status == 401 || status == 403) {
        return Error::make(
            devices::kErrorUnauthorised,
            QStringLiteral("The camera refused the user name or password for %1 (HTTP %2). Check "
                           "the credentials in the device settings.")
                .arg(request.operation, QString::number(status)));
    }
    if (status >= 300 && status < 400) {
        return Error::make(
            devices::kErrorBadAnswer,
            QStringLiteral("The camera redirected %1 (HTTP %2). Give the address it redirects to "
                           "as the device's ONVIF address.")
                .arg(request.operation, QString::number(status)));
    }
    Result<XmlElement> element = request.expectedElement.isEmpty()
                                     ? SoapMessage::parseResponse(answer->body, request.operation)
                                     : SoapMessage::parseResponse(answer->body, request.operation,
                                                                  request.expectedElement);
    if (status == 200) {
        return element;
    }
    // An error status: a SOAP fault says why (parseResponse turned it into an error); anything
    // else is reported with the HTTP status.
    if (!element && answer->body.contains("Fault")) {
        return element;
    }
    if (status == 404) {
        return Error::make(devices::kErrorBadAnswer,
                           QStringLiteral("The camera has no ONVIF service at %1 (HTTP 404 for %2). Check the "
                                          "ONVIF address; it usually ends in /onvif/device_service.")
                               .arg(request.url.toString(QUrl::RemoveUserInfo), request.operation));
    }
    return Error::make(devices::kErrorBadAnswer,
                       QStringLiteral("The camera answered %1 with HTTP %2 and no SOAP "
                                      "fault saying why.")
                           .arg(request.operation, QString::number(status)));
}

}  // namespace vigil::plugins::onvif
