#pragma once
// SOAP 1.2 messages as ONVIF uses them: the envelope around a request body (with the WS-Security
// header when there are credentials) and the reading of an answer: the Body's first element, or
// the SOAP fault turned into one of the device_* errors of core/devices/device_driver.h with a
// sentence that quotes the device's reason.

#include <QByteArray>
#include <QString>

#include "common/result.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

// Namespace URIs (prefixes in our requests are ours to pick; devices' answers use any prefix).
namespace ns {
inline constexpr const char* kSoap = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr const char* kSoap11 = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr const char* kWsse =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
inline constexpr const char* kWsu =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
inline constexpr const char* kPasswordDigest =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
inline constexpr const char* kBase64Binary =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
inline constexpr const char* kWsa = "http://www.w3.org/2005/08/addressing";
inline constexpr const char* kDevice = "http://www.onvif.org/ver10/device/wsdl";
inline constexpr const char* kMedia = "http://www.onvif.org/ver10/media/wsdl";
inline constexpr const char* kPtz = "http://www.onvif.org/ver20/ptz/wsdl";
inline constexpr const char* kEvents = "http://www.onvif.org/ver10/events/wsdl";
inline constexpr const char* kSchema = "http://www.onvif.org/ver10/schema";
inline constexpr const char* kWsnt = "http://docs.oasis-open.org/wsn/b-2";
inline constexpr const char* kError = "http://www.onvif.org/ver10/error";
}  // namespace ns

class SoapMessage {
public:
    // The whole envelope: `headerXml` (may be empty) goes into the Header, `bodyXml` (one element
    // that declares its own namespace) into the Body. The envelope's prefix is "s".
    static QByteArray envelope(const QString& headerXml, const QString& bodyXml);

    // Reads an answer to `operation` (e.g. "GetProfiles", for messages). A fault becomes
    // device_unauthorised (ter:NotAuthorized, wsse:FailedAuthentication...), device_not_supported
    // (ter:ActionNotSupported, ter:NotImplemented...) or device_bad_answer (any other fault, quoting
    // its reason); XML that is not a SOAP envelope is device_bad_answer too.
    static core::Result<XmlElement> parseResponse(const QByteArray& answer, const QString& operation);

    // Like parseResponse, for an element that must have a given local name ("GetProfilesResponse").
    static core::Result<XmlElement> parseResponse(const QByteArray& answer, const QString& operation,
                                                  const QString& expectedElement);

    // An Error for an answer that parsed but lacks what the operation needs.
    static core::Error badAnswer(const QString& operation, const QString& what);
};

}  // namespace vigil::plugins::onvif
