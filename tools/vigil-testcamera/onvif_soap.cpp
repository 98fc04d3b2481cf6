#include "onvif_soap.h"

#include <QCryptographicHash>

namespace vigil::testcamera {

namespace {

constexpr const char* kEnvelopeNamespaces =
    "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" "
    "xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" "
    "xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\" "
    "xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" "
    "xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
    "xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" "
    "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" "
    "xmlns:tns1=\"http://www.onvif.org/ver10/topics\" "
    "xmlns:ter=\"http://www.onvif.org/ver10/error\"";

constexpr const char* kPasswordDigest =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

}  // namespace

const XmlElement* SoapRequest::header() const {
    return envelope.child(QStringLiteral("Header"));
}

const XmlElement* SoapRequest::operation() const {
    const XmlElement* body = envelope.child(QStringLiteral("Body"));
    return body != nullptr && !body->children().isEmpty() ? &body->children().first() : nullptr;
}

QString SoapRequest::operationName() const {
    const XmlElement* element = operation();
    return element != nullptr ? element->name() : QString();
}

QString SoapRequest::value(const QStringList& path) const {
    const XmlElement* element = operation();
    return element != nullptr ? element->textAt(path) : QString();
}

std::optional<SoapRequest> parseSoapRequest(const QByteArray& body) {
    auto parsed = XmlElement::parse(body);
    if (!parsed.ok() || parsed->name() != QStringLiteral("Envelope")) {
        return std::nullopt;
    }
    SoapRequest request{*parsed};
    if (request.operation() == nullptr) {
        return std::nullopt;
    }
    return request;
}

QByteArray soapEnvelope(const QString& body, const QString& header) {
    return (QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope %1>").arg(QLatin1String(kEnvelopeNamespaces)) +
            (header.isEmpty() ? QString() : QStringLiteral("<s:Header>") + header + QStringLiteral("</s:Header>")) +
            QStringLiteral("<s:Body>") + body + QStringLiteral("</s:Body></s:Envelope>"))
        .toUtf8();
}

QByteArray soapFault(const QString& code, const QString& subcode, const QString& reason) {
    return soapEnvelope(QStringLiteral("<s:Fault><s:Code><s:Value>%1</s:Value><s:Subcode><s:Value>%2</s:Value>"
                                       "</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">%3</s:Text>"
                                       "</s:Reason></s:Fault>")
                            .arg(code, subcode, reason.toHtmlEscaped()));
}

UsernameTokenChecker::Outcome UsernameTokenChecker::check(const SoapRequest& request, const QString& user,
                                                          const QString& password, const QDateTime& now,
                                                          QString* why) {
    const XmlElement* token =
        request.header() != nullptr ? request.header()->find({QStringLiteral("Security"), QStringLiteral("UsernameToken")})
                                  : nullptr;
    if (token == nullptr) {
        return Outcome::Missing;
    }
    const auto refuse = [why](const QString& reason) {
        *why = reason;
        return Outcome::Refused;
    };
    const XmlElement* passwordElement = token->child(QStringLiteral("Password"));
    if (token->textAt({QStringLiteral("Username")}) != user) {
        return refuse(QStringLiteral("unknown user \"%1\"").arg(token->textAt({QStringLiteral("Username")})));
    }
    if (passwordElement == nullptr || passwordElement->attribute(QStringLiteral("Type")) != QLatin1String(kPasswordDigest)) {
        return refuse(QStringLiteral("the password is not a PasswordDigest"));
    }
    const QByteArray nonce = QByteArray::fromBase64(token->textAt({QStringLiteral("Nonce")}).toLatin1());
    const QString createdText = token->textAt({QStringLiteral("Created")});
    const QDateTime created = QDateTime::fromString(createdText, Qt::ISODateWithMs);
    if (nonce.isEmpty() || !created.isValid()) {
        return refuse(QStringLiteral("no nonce or no valid Created"));
    }
    if (qAbs(created.secsTo(now)) > kMaxClockSkewSeconds) {
        return refuse(
            QStringLiteral("Created %1 is more than %2 s from the camera's clock %3")
                .arg(createdText, QString::number(kMaxClockSkewSeconds), now.toString(Qt::ISODate)));
    }
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(nonce);
    sha1.addData(createdText.toUtf8());
    sha1.addData(password.toUtf8());
    if (passwordElement->text().toLatin1() != sha1.result().toBase64()) {
        return refuse(QStringLiteral("wrong password digest"));
    }
    return Outcome::Accepted;
}

}  // namespace vigil::testcamera
