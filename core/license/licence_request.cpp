#include "license/licence_request.h"

#include <QJsonDocument>

#include "model/json_fields.h"

namespace vigil::core::license {

using model::FieldReader;

namespace {
constexpr auto kRequestMalformed = "licence_request_malformed";
constexpr auto kDeactivationMalformed = "licence_deactivation_malformed";

Error wrongFormat(const QString& code, const QString& what, const QString& format, qint64 version, int expected) {
    return Error::make(code,
                       QStringLiteral("This is not a Vigil %1 of version %2 (format \"%3\", version %4). "
                                      "Choose the file Vigil exported, unchanged.")
                           .arg(what, QString::number(expected), format.left(40), QString::number(version)));
}

// A nested file (an activation file inside a request): its own errors, said to be inside `outer`.
Error inside(const Error& error, const QString& outer, const QString& code) {
    return Error::make(code, QStringLiteral("In the %1: %2").arg(outer, error.message));
}
}  // namespace

QJsonObject ExpressDeactivation::toJson() const {
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kFormat)},
                       {QStringLiteral("version"), kVersion},
                       {QStringLiteral("licence"), licence.toJson()},
                       {QStringLiteral("platformId"), platformId},
                       {QStringLiteral("fingerprint"), fingerprint.toJson()},
                       {QStringLiteral("deactivatedMs"), deactivatedMs}};
}

QByteArray ExpressDeactivation::toFile() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<ExpressDeactivation> ExpressDeactivation::parse(const QByteArray& bytes) {
    auto json = parseJsonObject(bytes, QStringLiteral("deactivation file"), QLatin1String(kDeactivationMalformed),
                                SignedLicence::kMaxFileBytes + 4096);
    if (!json) {
        return json.error();
    }
    return fromJson(json.value());
}

Result<ExpressDeactivation> ExpressDeactivation::fromJson(const QJsonObject& json) {
    const QString code = QLatin1String(kDeactivationMalformed);
    FieldReader read(json, QStringLiteral("deactivation file"), FieldReader::Mode::Request);
    const QString format = read.string(QStringLiteral("format"));
    const qint64 version = read.integer(QStringLiteral("version"));
    const QJsonObject licence = read.object(QStringLiteral("licence"));
    ExpressDeactivation result;
    result.platformId = read.string(QStringLiteral("platformId"));
    const QJsonObject fingerprint = read.object(QStringLiteral("fingerprint"));
    result.deactivatedMs = read.integer(QStringLiteral("deactivatedMs"));
    if (!read.finish()) {
        return recode(read.error(), code);
    }
    if (format != QLatin1String(kFormat) || version != kVersion) {
        return wrongFormat(code, QStringLiteral("deactivation file"), format, version, kVersion);
    }
    auto parsedLicence = SignedLicence::fromJson(licence);
    if (!parsedLicence) {
        return inside(parsedLicence.error(), QStringLiteral("deactivation file"), code);
    }
    if (parsedLicence->licence.edition != QLatin1String(Editions::kExpress)) {
        return Error::make(code, QStringLiteral("The deactivation file holds a %1 licence, not an Express one: only "
                                                "Express licences are given up for an upgrade.")
                                     .arg(Editions::displayName(parsedLicence->licence.edition)));
    }
    result.licence = parsedLicence.value();
    auto parsedFingerprint = MachineFingerprint::fromJson(fingerprint);
    if (!parsedFingerprint) {
        return recode(parsedFingerprint.error(), code);
    }
    result.fingerprint = parsedFingerprint.value();
    if (result.platformId.isEmpty() || result.platformId.size() > LicenceLimits::kMaxTextLength ||
        !result.platformId.isValidUtf16() || result.deactivatedMs <= 0) {
        return Error::make(code, QStringLiteral("The deactivation file names no platform or no time. Choose the file "
                                                "Vigil exported, unchanged."));
    }
    return result;
}

QJsonObject LicenceRequest::toJson() const {
    QJsonObject json{{QStringLiteral("format"), QLatin1String(kFormat)},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("platformId"), platformId},
                     {QStringLiteral("platformName"), platformName},
                     {QStringLiteral("fingerprint"), fingerprint.toJson()},
                     {QStringLiteral("activationCode"), activationCode},
                     {QStringLiteral("createdMs"), createdMs}};
    if (currentLicence) {
        json.insert(QStringLiteral("currentLicence"), currentLicence->toJson());
    }
    if (!expressCode.isEmpty()) {
        json.insert(QStringLiteral("expressCode"), expressCode);
    }
    if (expressDeactivation) {
        json.insert(QStringLiteral("expressDeactivation"), expressDeactivation->toJson());
    }
    return json;
}

QByteArray LicenceRequest::toFile() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<LicenceRequest> LicenceRequest::parse(const QByteArray& bytes) {
    auto json = parseJsonObject(bytes, QStringLiteral("request file"), QLatin1String(kRequestMalformed), kMaxFileBytes);
    if (!json) {
        return json.error();
    }
    return fromJson(json.value());
}

Result<LicenceRequest> LicenceRequest::fromJson(const QJsonObject& json) {
    const QString code = QLatin1String(kRequestMalformed);
    FieldReader read(json, QStringLiteral("request file"), FieldReader::Mode::Request);
    const QString format = read.string(QStringLiteral("format"));
    const qint64 version = read.integer(QStringLiteral("version"));
    LicenceRequest request;
    request.platformId = read.string(QStringLiteral("platformId"));
    request.platformName = read.string(QStringLiteral("platformName"));
    const QJsonObject fingerprint = read.object(QStringLiteral("fingerprint"));
    request.activationCode = read.string(QStringLiteral("activationCode"));
    request.createdMs = read.integer(QStringLiteral("createdMs"));
    const QJsonObject current =
        read.has(QStringLiteral("currentLicence")) ? read.object(QStringLiteral("currentLicence")) : QJsonObject{};
    if (read.has(QStringLiteral("expressCode"))) {
        request.expressCode = read.string(QStringLiteral("expressCode"));
    }
    const bool hasDeactivation = read.has(QStringLiteral("expressDeactivation"));
    const QJsonObject deactivation = hasDeactivation ? read.object(QStringLiteral("expressDeactivation")) : QJsonObject{};
    if (!read.finish()) {
        return recode(read.error(), code);
    }
    if (format != QLatin1String(kFormat) || version != kVersion) {
        return wrongFormat(code, QStringLiteral("request file"), format, version, kVersion);
    }
    if (request.platformId.isEmpty() || request.platformId.size() > LicenceLimits::kMaxTextLength ||
        request.platformName.size() > LicenceLimits::kMaxTextLength || !request.platformId.isValidUtf16() ||
        !request.platformName.isValidUtf16()) {
        return Error::make(code, QStringLiteral("The request file names no platform, or names it at more than %1 "
                                                "characters. Export it again from Vigil.")
                                     .arg(LicenceLimits::kMaxTextLength));
    }
    if (!isActivationCode(request.activationCode)) {
        return Error::make(code, QStringLiteral("The request file's activation code is missing or not a code. Enter "
                                                "the code from the vendor and export the request again."));
    }
    if (!request.expressCode.isEmpty() && !isActivationCode(request.expressCode)) {
        return Error::make(code, QStringLiteral("The Express activation code in the request file is not a code. Enter "
                                                "it as the vendor wrote it."));
    }
    auto parsedFingerprint = MachineFingerprint::fromJson(fingerprint);
    if (!parsedFingerprint) {
        return recode(parsedFingerprint.error(), code);
    }
    request.fingerprint = parsedFingerprint.value();
    if (!current.isEmpty()) {
        auto parsed = SignedLicence::fromJson(current);
        if (!parsed) {
            return inside(parsed.error(), QStringLiteral("request file's current licence"), code);
        }
        request.currentLicence = parsed.value();
    }
    if (hasDeactivation) {
        auto parsed = ExpressDeactivation::fromJson(deactivation);
        if (!parsed) {
            return inside(parsed.error(), QStringLiteral("request file"), code);
        }
        request.expressDeactivation = parsed.value();
    }
    return request;
}

}  // namespace vigil::core::license
