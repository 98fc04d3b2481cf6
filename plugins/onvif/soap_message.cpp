#include "soap_message.h"

#include <QStringList>

#include "devices/device_driver.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
namespace devices = core::devices;

namespace {

constexpr qsizetype kMaxQuotedReason = 300;

QString localPart(const QString& qualifiedName) {
    const qsizetype colon = qualifiedName.lastIndexOf(QLatin1Char(':'));
    return (colon >= 0 ? qualifiedName.mid(colon + 1) : qualifiedName).trimmed();
}

// Keeps a device's text printable and short before it goes into one of our messages.
QString quoted(const QString& text) {
    QString clean;
    for (const QChar c : text.simplified()) {
        clean += c.isPrint() ? c : QLatin1Char('?');
    }
    if (clean.size() > kMaxQuotedReason) {
        clean = clean.left(kMaxQuotedReason) + QStringLiteral("...");
    }
    return clean;
}

struct Fault {
    QStringList codes;  // local parts: "Sender", "NotAuthorized", ...
    QString reason;
};

Fault readFault(const XmlElement& fault) {
    Fault result;
    // SOAP 1.2: Code/Value with nested Subcode/Value.
    const XmlElement* code = fault.child(QStringLiteral("Code"));
    while (code != nullptr) {
        if (const XmlElement* value = code->child(QStringLiteral("Value"))) {
            result.codes.append(localPart(value->text()));
        }
        code = code->child(QStringLiteral("Subcode"));
    }
    if (const XmlElement* reason = fault.child(QStringLiteral("Reason"))) {
        for (const XmlElement* text : reason->childrenNamed(QStringLiteral("Text"))) {
            result.reason = text->text();
            if (text->attribute(QStringLiteral("lang")).startsWith(QStringLiteral("en"))) {
                break;
            }
        }
    }
    // SOAP 1.1, still sent by some older devices.
    if (const XmlElement* faultCode = fault.child(QStringLiteral("faultcode"))) {
        result.codes.append(localPart(faultCode->text()));
    }
    if (result.reason.isEmpty()) {
        result.reason = fault.textAt({QStringLiteral("faultstring")});
    }
    return result;
}

bool isAuthorisationFault(const Fault& fault) {
    static const QStringList kCodes = {QStringLiteral("NotAuthorized"), QStringLiteral("FailedAuthentication"),
                                       QStringLiteral("InvalidSecurity"), QStringLiteral("InvalidSecurityToken"),
                                       QStringLiteral("FailedCheck"), QStringLiteral("SecurityTokenUnavailable")};
    for (const QString& code : fault.codes) {
        if (kCodes.contains(code, Qt::CaseInsensitive)) {
            return true;
        }
    }
    const QString reason = fault.reason.toLower();
    return reason.contains(QStringLiteral("not authorized")) || reason.contains(QStringLiteral("unauthorized")) ||
           reason.contains(QStringLiteral("not authorised"));
}

bool isNotSupportedFault(const Fault& fault) {
    for (const QString& code : fault.codes) {
        if (code.endsWith(QStringLiteral("NotSupported"), Qt::CaseInsensitive) ||
            code.compare(QStringLiteral("NotImplemented"), Qt::CaseInsensitive) == 0 ||
            code.compare(QStringLiteral("NoPTZProfile"), Qt::CaseInsensitive) == 0 ||
            code.compare(QStringLiteral("NoSuchService"), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

Error faultError(const Fault& fault, const QString& operation) {
    const QString codes = fault.codes.join(QLatin1Char('/'));
    const QString reason = fault.reason.isEmpty() ? QStringLiteral("no reason given") : quoted(fault.reason);
    if (isAuthorisationFault(fault)) {
        return Error::make(devices::kErrorUnauthorised,
                           QStringLiteral("The camera refused the user name or password for %1 (%2: %3). Check "
                                          "the credentials in the device settings, and that the camera's clock "
                                          "is not far off.")
                               .arg(operation, quoted(codes), reason));
    }
    if (isNotSupportedFault(fault)) {
        return Error::make(devices::kErrorNotSupported,
                           QStringLiteral("The camera does not support %1 (%2: %3).")
                               .arg(operation, quoted(codes), reason));
    }
    return Error::make(devices::kErrorBadAnswer, QStringLiteral("The camera refused %1 (%2: %3).")
                                                     .arg(operation, quoted(codes), reason));
}

}  // namespace

QByteArray SoapMessage::envelope(const QString& headerXml, const QString& bodyXml) {
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<s:Envelope xmlns:s=\"%1\"><s:Header>%2</s:Header><s:Body>%3</s:Body></s:Envelope>")
        .arg(QLatin1String(ns::kSoap), headerXml, bodyXml)
        .toUtf8();
}

Result<XmlElement> SoapMessage::parseResponse(const QByteArray& answer, const QString& operation) {
    Result<XmlElement> document = XmlElement::parse(answer);
    if (!document) {
        return Error::make(devices::kErrorBadAnswer, QStringLiteral("The camera's answer to %1 is not valid XML. %2")
                                                         .arg(operation, document.error().message));
    }
    const XmlElement& root = *document;
    const bool soap = root.namespaceUri() == QLatin1String(ns::kSoap) ||
                      root.namespaceUri() == QLatin1String(ns::kSoap11);
    const XmlElement* body = root.child(QStringLiteral("Body"));
    if (!soap || root.name() != QStringLiteral("Envelope") || body == nullptr) {
        return Error::make(devices::kErrorBadAnswer,
                           QStringLiteral("The camera's answer to %1 is not a SOAP envelope (it starts with <%2>). "
                                          "Check that the address is the camera's ONVIF device service.")
                               .arg(operation, quoted(root.name())));
    }
    if (body->children().isEmpty()) {
        return badAnswer(operation, QStringLiteral("an empty SOAP body"));
    }
    const XmlElement& first = body->children().first();
    if (first.name() == QStringLiteral("Fault")) {
        return faultError(readFault(first), operation);
    }
    return first;
}

Result<XmlElement> SoapMessage::parseResponse(const QByteArray& answer, const QString& operation,
                                              const QString& expectedElement) {
    Result<XmlElement> element = parseResponse(answer, operation);
    if (element && element->name() != expectedElement) {
        return badAnswer(operation, QStringLiteral("<%1> where <%2> was expected")
                                        .arg(quoted(element->name()), expectedElement));
    }
    return element;
}

Error SoapMessage::badAnswer(const QString& operation, const QString& what) {
    return Error::make(devices::kErrorBadAnswer,
                       QStringLiteral("The camera's answer to %1 is not what ONVIF specifies: %2. The camera may "
                                      "be faulty or not ONVIF conformant.")
                           .arg(operation, what));
}

}  // namespace vigil::plugins::onvif
