#include "ws_security.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include "soap_message.h"

namespace vigil::plugins::onvif {

UsernameToken UsernameToken::make(const QString& user, const QString& password,
                                  const QDateTime& deviceTimeUtc) {
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()), nonce.size() / 4);
    // Whole seconds: some devices refuse fractional seconds in Created.
    const QString created = deviceTimeUtc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
    return make(user, password, created, nonce);
}

UsernameToken UsernameToken::make(const QString& user, const QString& password, const QString& created,
                                  const QByteArray& nonce) {
    return UsernameToken{user, nonce, created, digestOf(nonce, created, password)};
}

QString UsernameToken::digestOf(const QByteArray& nonce, const QString& created, const QString& password) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(nonce);
    hash.addData(created.toUtf8());
    hash.addData(password.toUtf8());
    return QString::fromLatin1(hash.result().toBase64());
}

QString UsernameToken::toHeaderXml(const QString& soapPrefix) const {
    return QStringLiteral(
               "<wsse:Security %1:mustUnderstand=\"1\" xmlns:wsse=\"%2\" xmlns:wsu=\"%3\">"
               "<wsse:UsernameToken>"
               "<wsse:Username>%4</wsse:Username>"
               "<wsse:Password Type=\"%5\">%6</wsse:Password>"
               "<wsse:Nonce EncodingType=\"%7\">%8</wsse:Nonce>"
               "<wsu:Created>%9</wsu:Created>"
               "</wsse:UsernameToken>"
               "</wsse:Security>")
        .arg(soapPrefix, QLatin1String(ns::kWsse), QLatin1String(ns::kWsu), user.toHtmlEscaped(),
             QLatin1String(ns::kPasswordDigest), digest, QLatin1String(ns::kBase64Binary),
             QString::fromLatin1(nonce.toBase64()), created);
}

}  // namespace vigil::plugins::onvif
