#pragma once
// The files that travel between a platform and the vendor besides the licence itself (LIC-1):
//
// LicenceRequest, the "request file": what a platform asks the vendor for, online (the body of
// POST <vendor>/api/v1/activations) or offline (exported, carried to the vendor, turned into an
// activation file by "vigil-license activate"):
//   {"format": "vigil-licence-request", "version": 1, "platformId", "platformName", "fingerprint",
//    "activationCode", "createdMs", "currentLicence"?: <activation file>, "expressCode"?: "...",
//    "expressDeactivation"?: <deactivation file>}
// currentLicence goes with renewals and added capacity (the vendor extends what the platform has);
// expressCode or expressDeactivation with an upgrade from Express to Pro.
//
// ExpressDeactivation, the "deactivation file": made by an Express platform that gives up its
// licence; it carries the vendor-signed Express licence, so the vendor can check it, and marks that
// licence's code as used up by an upgrade:
//   {"format": "vigil-licence-deactivation", "version": 1, "licence": <activation file>,
//    "platformId", "fingerprint", "deactivatedMs"}
//
// Parsing is strict (unknown fields refused); errors are "licence_request_malformed" or
// "licence_deactivation_malformed" with the field named. No OpenSSL here (fuzz target).

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "common/result.h"
#include "license/licence_document.h"
#include "license/machine_fingerprint.h"

namespace vigil::core::license {

struct ExpressDeactivation {
    static constexpr auto kFormat = "vigil-licence-deactivation";
    static constexpr int kVersion = 1;

    SignedLicence licence;
    QString platformId;
    MachineFingerprint fingerprint;
    qint64 deactivatedMs = 0;

    QJsonObject toJson() const;
    QByteArray toFile() const;
    static Result<ExpressDeactivation> parse(const QByteArray& bytes);
    static Result<ExpressDeactivation> fromJson(const QJsonObject& json);
};

struct LicenceRequest {
    static constexpr auto kFormat = "vigil-licence-request";
    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxFileBytes = 48 * 1024;

    QString platformId;
    QString platformName;
    MachineFingerprint fingerprint;
    QString activationCode;
    qint64 createdMs = 0;
    std::optional<SignedLicence> currentLicence;
    QString expressCode;  // upgrade: the Express licence's activation code
    std::optional<ExpressDeactivation> expressDeactivation;  // upgrade: or its deactivation file

    QJsonObject toJson() const;
    QByteArray toFile() const;
    static Result<LicenceRequest> parse(const QByteArray& bytes);
    static Result<LicenceRequest> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::license
