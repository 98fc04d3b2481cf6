#pragma once
// SOAP for vigil-testcamera's ONVIF side: reading a request (the Body's operation element and the
// WS-Security UsernameToken in the Header), writing answers and faults, and checking a
// UsernameToken digest the way cameras do: the digest must match Base64(SHA-1(nonce + created +
// password)) and Created must be within kMaxClockSkewSeconds of the camera's clock. A nonce may be
// used again within that window, as most cameras allow: libonvif (onvif-util) makes one token and
// sends it with every request of a session. Written apart from the driver's own WS-Security code (plugins/onvif) so that
// the two check each other; only the generic XML reader is shared.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

#include "onvif/xml_element.h"

namespace vigil::testcamera {

using plugins::onvif::XmlElement;

struct SoapRequest {
    XmlElement envelope;

    const XmlElement* header() const;     // nullptr when absent
    const XmlElement* operation() const;  // the Body's first element
    QString operationName() const;        // its local name: "GetProfiles"

    // Text of the operation's descendant at `path` (local names), empty when absent.
    QString value(const QStringList& path) const;
};

// nullopt when the body is not a SOAP envelope with an operation (the caller answers 400).
std::optional<SoapRequest> parseSoapRequest(const QByteArray& body);

// Namespace declarations every answer's envelope carries, so bodies can use the usual prefixes:
// tds, trt, tptz, tev, tt, wsnt, wsa, tns1, ter.
QByteArray soapEnvelope(const QString& body, const QString& header = {});
QByteArray soapFault(const QString& code, const QString& subcode, const QString& reason);

// Checks UsernameTokens for one camera.
class UsernameTokenChecker {
public:
    static constexpr int kMaxClockSkewSeconds = 300;

    enum class Outcome { Missing, Accepted, Refused };

    // `now` is the camera's clock. `why` says what was wrong when refused (printed on stderr).
    Outcome check(const SoapRequest& request, const QString& user, const QString& password, const QDateTime& now,
                  QString* why);
};

}  // namespace vigil::testcamera
