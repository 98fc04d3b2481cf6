#pragma once
// UsernameToken: the WS-Security header ONVIF devices check (OASIS UsernameToken Profile 1.0 with
// PasswordDigest): Digest = Base64(SHA-1(nonce + created + password)), where nonce is random bytes
// sent in Base64 and created is the time of the request *on the device's clock*. Devices refuse a
// created time far from their own clock, so callers pass the device time (ours plus the offset read
// with GetSystemDateAndTime) rather than ours.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace vigil::plugins::onvif {

struct UsernameToken {
    QString user;
    QByteArray nonce;  // raw bytes (sent Base64-encoded)
    QString created;   // xs:dateTime in UTC, as sent: "2010-09-16T07:50:45Z"
    QString digest;    // Base64

    // A token with 16 random nonce bytes for the given device time.
    static UsernameToken make(const QString& user, const QString& password, const QDateTime& deviceTimeUtc);
    // Deterministic, for tests and for checking a received token.
    static UsernameToken make(const QString& user, const QString& password, const QString& created,
                              const QByteArray& nonce);
    static QString digestOf(const QByteArray& nonce, const QString& created, const QString& password);

    // The <wsse:Security> header element; `soapPrefix` is the envelope's prefix for mustUnderstand.
    QString toHeaderXml(const QString& soapPrefix) const;
};

}  // namespace vigil::plugins::onvif
