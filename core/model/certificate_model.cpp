#include "model/certificate_model.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

constexpr qint64 kDayMs = 86400000;
constexpr int kMaxFieldLength = 64;  // RFC 5280 upper bound for most name attributes

QString first(const QSslCertificate& certificate, QSslCertificate::SubjectInfo field) {
    const QStringList values = certificate.subjectInfo(field);
    return values.isEmpty() ? QString() : values.first();
}

QJsonArray strings(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

void checkLength(FieldReader& read, const QString& context, const QString& name, const QString& value) {
    if (read.ok() && value.size() > kMaxFieldLength) {
        read.failWith(FieldReader::badRequest(context, name,
                                              QStringLiteral("is longer than %1 characters").arg(kMaxFieldLength)));
    }
}

QString optionalString(FieldReader& read, const QString& context, const QString& name) {
    if (!read.has(name)) {
        return {};
    }
    const QString value = read.string(name).trimmed();
    checkLength(read, context, name, value);
    return value;
}

}  // namespace

CertificateInfo CertificateInfo::of(const QSslCertificate& certificate, qint64 nowMs) {
    CertificateInfo info;
    info.commonName = first(certificate, QSslCertificate::CommonName);
    info.organization = first(certificate, QSslCertificate::Organization);
    info.organizationalUnit = first(certificate, QSslCertificate::OrganizationalUnitName);
    info.country = first(certificate, QSslCertificate::CountryName);
    info.state = first(certificate, QSslCertificate::StateOrProvinceName);
    info.locality = first(certificate, QSslCertificate::LocalityName);
    const QStringList issuerNames = certificate.issuerInfo(QSslCertificate::CommonName);
    info.issuer = issuerNames.isEmpty() ? certificate.issuerDisplayName() : issuerNames.first();
    const auto sans = certificate.subjectAlternativeNames();
    info.names = sans.values(QSsl::DnsEntry);
    for (const QString& ip : sans.values(QSsl::IpAddressEntry)) {
        info.addresses.append(QHostAddress(ip).toString());
    }
    info.names.sort();
    info.addresses.sort();
    info.notBeforeMs = certificate.effectiveDate().toMSecsSinceEpoch();
    info.notAfterMs = certificate.expiryDate().toMSecsSinceEpoch();
    const qint64 left = info.notAfterMs - nowMs;
    info.daysLeft = static_cast<int>(left >= 0 ? left / kDayMs : -((-left + kDayMs - 1) / kDayMs));
    info.fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return info;
}

QJsonObject CertificateInfo::toJson() const {
    return {{QStringLiteral("commonName"), commonName},
            {QStringLiteral("organization"), organization},
            {QStringLiteral("organizationalUnit"), organizationalUnit},
            {QStringLiteral("country"), country},
            {QStringLiteral("state"), state},
            {QStringLiteral("locality"), locality},
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("names"), strings(names)},
            {QStringLiteral("addresses"), strings(addresses)},
            {QStringLiteral("notBeforeMs"), notBeforeMs},
            {QStringLiteral("notAfterMs"), notAfterMs},
            {QStringLiteral("daysLeft"), daysLeft},
            {QStringLiteral("fingerprint"), fingerprint}};
}

QJsonObject CertificateStatus::toJson() const {
    QJsonArray chainJson;
    for (const CertificateInfo& info : chain) {
        chainJson.append(info.toJson());
    }
    return {{QStringLiteral("server"), server.toJson()},
            {QStringLiteral("source"), source},
            {QStringLiteral("chain"), chainJson},
            {QStringLiteral("authority"), authority.toJson()},
            {QStringLiteral("expiryWarningDays"), expiryWarningDays},
            {QStringLiteral("expiring"), expiring}};
}

Result<ServerCertificateRequest> ServerCertificateRequest::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("server certificate request");
    FieldReader read(json, context, FieldReader::Mode::Request);
    ServerCertificateRequest request;
    request.commonName = optionalString(read, context, QStringLiteral("commonName"));
    request.organization = optionalString(read, context, QStringLiteral("organization"));
    request.organizationalUnit = optionalString(read, context, QStringLiteral("organizationalUnit"));
    request.country = optionalString(read, context, QStringLiteral("country")).toUpper();
    request.state = optionalString(read, context, QStringLiteral("state"));
    request.locality = optionalString(read, context, QStringLiteral("locality"));
    if (read.ok() && !request.country.isEmpty() &&
        (request.country.size() != 2 || !request.country.at(0).isLetter() || !request.country.at(1).isLetter())) {
        read.failWith(FieldReader::badRequest(context, QStringLiteral("country"),
                                              QStringLiteral("must be a two-letter country code such as DE or FR")));
    }
    if (read.has(QStringLiteral("names"))) {
        request.names = read.stringList(QStringLiteral("names"));
        for (const QString& name : std::as_const(request.names)) {
            const bool valid = !name.isEmpty() && name.size() <= 253 &&
                               std::all_of(name.begin(), name.end(), [](QChar c) {
                                   return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') ||
                                          c == QLatin1Char('*');
                               });
            if (read.ok() && !valid) {
                read.failWith(FieldReader::badRequest(context, QStringLiteral("names"),
                                                      QStringLiteral("holds \"%1\", which is not a host name")
                                                          .arg(name.left(80))));
            }
        }
    }
    if (read.has(QStringLiteral("addresses"))) {
        request.addresses = read.stringList(QStringLiteral("addresses"));
        for (QString& address : request.addresses) {
            const QHostAddress parsed(address);
            // "10.1.2" parses (as 10.1.0.2): only the full dotted form is taken, so no one gets a surprise.
            const bool partialV4 = !address.contains(QLatin1Char(':')) && address.count(QLatin1Char('.')) != 3;
            if (read.ok() && (parsed.isNull() || partialV4)) {
                read.failWith(FieldReader::badRequest(context, QStringLiteral("addresses"),
                                                      QStringLiteral("holds \"%1\", which is not an IP address")
                                                          .arg(address.left(80))));
            }
            address = parsed.toString();
        }
    }
    if (read.ok() && request.names.size() + request.addresses.size() > kMaxNames) {
        read.failWith(FieldReader::badRequest(context, QStringLiteral("names"),
                                              QStringLiteral("and addresses hold more than %1 entries").arg(kMaxNames)));
    }
    if (read.has(QStringLiteral("validDays"))) {
        request.validDays = read.smallInteger(QStringLiteral("validDays"));
        if (read.ok() && (request.validDays < 1 || request.validDays > kMaxValidDays)) {
            read.failWith(FieldReader::badRequest(context, QStringLiteral("validDays"),
                                                  QStringLiteral("must be from 1 to %1").arg(kMaxValidDays)));
        }
    }
    return finished(read, request);
}

Result<CertificateImportRequest> CertificateImportRequest::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("certificate import"), FieldReader::Mode::Request);
    CertificateImportRequest request;
    request.certificatePem = read.string(QStringLiteral("certificatePem")).toUtf8();
    request.keyPem = read.string(QStringLiteral("keyPem")).toUtf8();
    return finished(read, request);
}

QJsonObject CertificateSettings::toJson() const {
    return {{QStringLiteral("expiryWarningDays"), expiryWarningDays}};
}

Result<CertificateSettings> CertificateSettings::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("certificate settings");
    FieldReader read(json, context, FieldReader::Mode::Request);
    CertificateSettings settings;
    settings.expiryWarningDays = read.smallInteger(QStringLiteral("expiryWarningDays"));
    if (read.ok() && (settings.expiryWarningDays < 1 || settings.expiryWarningDays > 365)) {
        read.failWith(FieldReader::badRequest(context, QStringLiteral("expiryWarningDays"),
                                              QStringLiteral("must be from 1 to 365")));
    }
    return finished(read, settings);
}

}  // namespace vigil::core::model
