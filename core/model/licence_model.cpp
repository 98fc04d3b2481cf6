#include "model/licence_model.h"

#include <QJsonArray>
#include <QUrl>

#include "model/json_fields.h"

namespace vigil::core::model {

QJsonObject LicenceStatus::toJson() const {
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("edition"), edition},
                       {QStringLiteral("editionName"), editionName},
                       {QStringLiteral("licensee"), licensee},
                       {QStringLiteral("channels"), channels},
                       {QStringLiteral("channelsUsed"), channelsUsed},
                       {QStringLiteral("features"), QJsonArray::fromStringList(features)},
                       {QStringLiteral("issuedMs"), issuedMs},
                       {QStringLiteral("expiresMs"), expiresMs},
                       {QStringLiteral("daysLeft"), daysLeft},
                       {QStringLiteral("expiring"), expiring},
                       {QStringLiteral("trialStartedMs"), trialStartedMs},
                       {QStringLiteral("trialEndsMs"), trialEndsMs},
                       {QStringLiteral("activationCodes"), QJsonArray::fromStringList(activationCodes)},
                       {QStringLiteral("upgradedFrom"), upgradedFrom},
                       {QStringLiteral("platformId"), platformId},
                       {QStringLiteral("fingerprintId"), fingerprintId},
                       {QStringLiteral("problem"), problem},
                       {QStringLiteral("clockRollback"), clockRollback},
                       {QStringLiteral("clockSeenMaxMs"), clockSeenMaxMs},
                       {QStringLiteral("vendorUrl"), vendorUrl}};
}

Result<LicenceStatus> LicenceStatus::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("licence status"));
    LicenceStatus s;
    s.state = read.string(QStringLiteral("state"));
    s.edition = read.string(QStringLiteral("edition"));
    s.editionName = read.string(QStringLiteral("editionName"));
    s.licensee = read.string(QStringLiteral("licensee"));
    s.channels = read.smallInteger(QStringLiteral("channels"));
    s.channelsUsed = read.smallInteger(QStringLiteral("channelsUsed"));
    s.features = read.stringList(QStringLiteral("features"));
    s.issuedMs = read.integer(QStringLiteral("issuedMs"));
    s.expiresMs = read.integer(QStringLiteral("expiresMs"));
    s.daysLeft = read.smallInteger(QStringLiteral("daysLeft"));
    s.expiring = read.boolean(QStringLiteral("expiring"));
    s.trialStartedMs = read.integer(QStringLiteral("trialStartedMs"));
    s.trialEndsMs = read.integer(QStringLiteral("trialEndsMs"));
    s.activationCodes = read.stringList(QStringLiteral("activationCodes"));
    s.upgradedFrom = read.string(QStringLiteral("upgradedFrom"));
    s.platformId = read.string(QStringLiteral("platformId"));
    s.fingerprintId = read.string(QStringLiteral("fingerprintId"));
    s.problem = read.string(QStringLiteral("problem"));
    s.clockRollback = read.boolean(QStringLiteral("clockRollback"));
    s.clockSeenMaxMs = read.integer(QStringLiteral("clockSeenMaxMs"));
    s.vendorUrl = read.string(QStringLiteral("vendorUrl"));
    return finished(read, s);
}

QJsonObject ActivationInput::toJson() const {
    QJsonObject json{{QStringLiteral("activationCode"), activationCode}};
    if (!expressCode.isEmpty()) {
        json.insert(QStringLiteral("expressCode"), expressCode);
    }
    if (!expressDeactivation.isEmpty()) {
        json.insert(QStringLiteral("expressDeactivation"), expressDeactivation);
    }
    return json;
}

Result<ActivationInput> ActivationInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("activation request"), FieldReader::Mode::Request);
    ActivationInput input;
    input.activationCode = read.string(QStringLiteral("activationCode"));
    if (read.has(QStringLiteral("expressCode"))) {
        input.expressCode = read.string(QStringLiteral("expressCode"));
    }
    if (read.has(QStringLiteral("expressDeactivation"))) {
        input.expressDeactivation = read.object(QStringLiteral("expressDeactivation"));
    }
    return finished(read, input);
}

QJsonObject LicenceSettings::toJson() const {
    return QJsonObject{{QStringLiteral("vendorUrl"), vendorUrl}, {QStringLiteral("vendorCaPem"), vendorCaPem}};
}

Result<LicenceSettings> LicenceSettings::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("licence settings"), FieldReader::Mode::Request);
    LicenceSettings settings;
    settings.vendorUrl = read.string(QStringLiteral("vendorUrl"));
    if (read.has(QStringLiteral("vendorCaPem"))) {
        settings.vendorCaPem = read.string(QStringLiteral("vendorCaPem"));
    }
    if (!read.finish()) {
        return read.error();
    }
    const QUrl url(settings.vendorUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        return FieldReader::badRequest(QStringLiteral("licence settings"), QStringLiteral("vendorUrl"),
                                       QStringLiteral("must be an https:// address such as https://licence.example.com"));
    }
    return settings;
}

}  // namespace vigil::core::model
