#pragma once
// SmtpSettingsDocument: the SMTP settings (SEC-1.3 reset e-mail, core/net/smtp_client.h) as the API
// and the settings table hold them. The stored document keeps the password; the settings table lives
// in the SQLCipher-encrypted database, so it is encrypted at rest with everything else. No answer of
// the API carries it: GET says only "passwordSet".
//
// API shape: {"host","port","security":"starttls"|"tls","user","password","from","fromName",
// "timeoutMs","caPem"}; on PUT a missing "password" keeps the stored one, "" clears it; "caPem" holds
// extra CA certificates (PEM) for a server with a private CA, "" for none.

#include <QJsonObject>
#include <QString>

#include "common/result.h"
#include "net/smtp_client.h"

namespace vigil::server {

class SmtpSettingsDocument {
public:
    // A PUT body over the settings in force (for the password kept when none is sent). Strict:
    // unknown fields refused; the settings are validated as a whole.
    static core::Result<core::net::SmtpSettings> fromRequest(const QJsonObject& body,
                                                             const core::net::SmtpSettings& current);
    // The answer of GET: everything but the password.
    static QJsonObject toJson(const core::net::SmtpSettings& settings);

    static QString toStored(const core::net::SmtpSettings& settings);
    static core::Result<core::net::SmtpSettings> fromStored(const QString& text);

    // True once a server has been set.
    static bool isConfigured(const core::net::SmtpSettings& settings) { return !settings.host.isEmpty(); }
};

}  // namespace vigil::server
