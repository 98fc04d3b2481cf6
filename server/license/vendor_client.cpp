#include "license/vendor_client.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

#include "license/licence_logging.h"

namespace vigil::server {

using core::Error;

namespace {
Error unreachable(const QUrl& url, const QString& why) {
    return Error::make(QStringLiteral("vendor_unreachable"),
                       QStringLiteral("The vendor's activation service at %1 could not be reached (%2). Check the "
                                      "address in the licence settings and this server's Internet access, or "
                                      "activate offline: export a request file, have the vendor turn it into an "
                                      "activation file, and import that.")
                           .arg(url.toString(), why));
}
}  // namespace

VendorClient::VendorClient(QObject* parent) : QObject(parent) {}

void VendorClient::activate(const QUrl& vendorUrl, const QByteArray& caPem, const QByteArray& request, Done done) {
    QUrl url = vendorUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    url.setPath(base + QLatin1String(kActivationPath));
    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setTransferTimeout(kTimeoutMs);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!caPem.isEmpty()) {
        tls.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
    }
    http.setSslConfiguration(tls);
    QNetworkReply* reply = m_network.post(http, request);
    qCInfo(lcLicence).noquote() << "online activation: asking" << url.toString();
    connect(reply, &QNetworkReply::finished, this, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(kMaxAnswerBytes + 1);
        if (status == 0) {
            done(unreachable(url, reply->errorString()));
            return;
        }
        if (body.size() > kMaxAnswerBytes) {
            done(Error::make(QStringLiteral("vendor_bad_answer"),
                             QStringLiteral("The vendor's activation service answered with more than %1 bytes; that "
                                            "is not an activation file. Try offline activation.")
                                 .arg(kMaxAnswerBytes)));
            return;
        }
        if (status != 200) {
            const QJsonObject json = QJsonDocument::fromJson(body).object();
            const QString code = json.value(QStringLiteral("error")).toString();
            const QString message = json.value(QStringLiteral("message")).toString();
            if (code.isEmpty()) {
                done(Error::make(QStringLiteral("vendor_bad_answer"),
                                 QStringLiteral("The vendor's activation service answered HTTP %1 without an "
                                                "explanation. Try again later or activate offline.")
                                     .arg(status)));
                return;
            }
            // The vendor's refusal (code used, unknown, ...) goes to the user as the vendor said it.
            done(Error::make(code, QStringLiteral("The vendor refused the activation: %1").arg(message.left(1000))));
            return;
        }
        done(body);
    });
}

}  // namespace vigil::server
