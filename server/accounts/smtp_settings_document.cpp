#include "accounts/smtp_settings_document.h"

#include <QJsonDocument>
#include <QSslCertificate>

#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::model::FieldReader;
using core::net::SmtpSettings;

namespace {

const QString kContext = QStringLiteral("SMTP settings");
constexpr qsizetype kMaxCaPemBytes = 32 * 1024;

QString caPemOf(const SmtpSettings& settings) {
    QByteArray pem;
    for (const QSslCertificate& certificate : settings.extraCaCertificates) {
        pem += certificate.toPem();
    }
    return QString::fromLatin1(pem);
}

// Reads every field but the password into `settings`; the reader keeps the first error.
void readFields(FieldReader& reader, SmtpSettings& settings) {
    settings.host = reader.string(QStringLiteral("host"));
    const int port = reader.smallInteger(QStringLiteral("port"));
    const QString security = reader.string(QStringLiteral("security"));
    settings.from = reader.string(QStringLiteral("from"));
    if (reader.has(QStringLiteral("user"))) {
        settings.user = reader.string(QStringLiteral("user"));
    }
    if (reader.has(QStringLiteral("fromName"))) {
        settings.fromName = reader.string(QStringLiteral("fromName"));
    }
    if (reader.has(QStringLiteral("timeoutMs"))) {
        settings.timeoutMs = reader.smallInteger(QStringLiteral("timeoutMs"));
    }
    QString caPem;
    if (reader.has(QStringLiteral("caPem"))) {
        caPem = reader.string(QStringLiteral("caPem"));
    }
    if (!reader.ok()) {
        return;
    }
    if (port < 1 || port > 65535) {
        reader.failWith(
            FieldReader::badRequest(kContext, QStringLiteral("port"),
                                    QStringLiteral("is %1; use 587 for STARTTLS or 465 for TLS").arg(port)));
        return;
    }
    settings.port = static_cast<quint16>(port);
    auto parsedSecurity = SmtpSettings::parseSecurity(security);
    if (!parsedSecurity) {
        reader.failWith(
            FieldReader::badRequest(kContext, QStringLiteral("security"),
                                    QStringLiteral("is \"%1\"; use starttls or tls").arg(security)));
        return;
    }
    settings.security = parsedSecurity.value();
    settings.extraCaCertificates = QSslCertificate::fromData(caPem.toLatin1(), QSsl::Pem);
    if (!caPem.trimmed().isEmpty() &&
        (caPem.size() > kMaxCaPemBytes || settings.extraCaCertificates.isEmpty())) {
        reader.failWith(FieldReader::badRequest(
            kContext, QStringLiteral("caPem"),
            QStringLiteral("holds no PEM certificate (or is over %1 bytes); paste the CA's \"-----BEGIN "
                           "CERTIFICATE-----\" block, or send \"\" for none")
                .arg(kMaxCaPemBytes)));
    }
}

}  // namespace

Result<SmtpSettings> SmtpSettingsDocument::fromRequest(const QJsonObject& body, const SmtpSettings& current) {
    FieldReader reader(body, kContext, FieldReader::Mode::Request);
    SmtpSettings settings;
    readFields(reader, settings);
    settings.password = current.password;
    if (reader.ok() && reader.has(QStringLiteral("password"))) {
        settings.password = reader.string(QStringLiteral("password"));
    }
    if (!reader.finish()) {
        return reader.error();
    }
    if (core::Status valid = settings.validate(); !valid) {
        return Error::make(QStringLiteral("bad_request"), valid.error().message);
    }
    return settings;
}

QJsonObject SmtpSettingsDocument::toJson(const SmtpSettings& settings) {
    return QJsonObject{{QStringLiteral("host"), settings.host},
                       {QStringLiteral("port"), settings.port},
                       {QStringLiteral("security"), SmtpSettings::securityName(settings.security)},
                       {QStringLiteral("user"), settings.user},
                       {QStringLiteral("passwordSet"), !settings.password.isEmpty()},
                       {QStringLiteral("from"), settings.from},
                       {QStringLiteral("fromName"), settings.fromName},
                       {QStringLiteral("timeoutMs"), settings.timeoutMs},
                       {QStringLiteral("caPem"), caPemOf(settings)}};
}

QString SmtpSettingsDocument::toStored(const SmtpSettings& settings) {
    QJsonObject stored = toJson(settings);
    stored.remove(QStringLiteral("passwordSet"));
    stored.insert(QStringLiteral("password"), settings.password);
    return QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact));
}

Result<SmtpSettings> SmtpSettingsDocument::fromStored(const QString& text) {
    FieldReader reader(QJsonDocument::fromJson(text.toUtf8()).object(), kContext);
    SmtpSettings settings;
    readFields(reader, settings);
    if (reader.ok()) {
        settings.password = reader.string(QStringLiteral("password"));
    }
    if (!reader.ok()) {
        return Error::make(QStringLiteral("smtp_settings_unreadable"),
                           QStringLiteral("The stored SMTP settings cannot be read (%1). Enter them again.")
                               .arg(reader.error().message));
    }
    return settings;
}

}  // namespace vigil::server
