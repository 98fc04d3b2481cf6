#pragma once
// The licence API's value types (LIC-1, server/api/licence.yaml), written once for the server and
// the workstation.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace vigil::core::model {

// GET /api/v1/licence: what the platform may run and why.
struct LicenceStatus {
    static constexpr auto kTrial = "trial";        // on the trial made at initialisation
    static constexpr auto kLicensed = "licensed";  // on a valid activated licence
    static constexpr auto kExpired = "expired";    // the trial or the licence has ended
    static constexpr auto kInvalid = "invalid";    // the stored licence no longer verifies (problem says why)

    QString state;
    QString edition;      // trial | express | pro
    QString editionName;  // "Trial", "Express", "Pro"
    QString licensee;
    int channels = 0;      // licensed capacity
    int channelsUsed = 0;  // enabled channels now
    QStringList features;  // in force (what the edition allows of what is licensed)
    qint64 issuedMs = 0;   // 0 for the trial
    qint64 expiresMs = 0;  // 0: does not expire
    int daysLeft = -1;     // whole days until expiry; -1 when it does not expire
    bool expiring = false;  // within the warning period before expiry
    qint64 trialStartedMs = 0;
    qint64 trialEndsMs = 0;
    QStringList activationCodes;
    QString upgradedFrom;
    QString platformId;
    QString fingerprintId;  // MachineFingerprint::displayId()
    QString problem;        // why the state is expired or invalid, and what to do; "" otherwise
    bool clockRollback = false;  // the clock reads earlier than a time already seen
    qint64 clockSeenMaxMs = 0;   // the latest time seen (expiry is judged by it)
    QString vendorUrl;           // where online activation goes

    QJsonObject toJson() const;
    static Result<LicenceStatus> fromJson(const QJsonObject& json);
};

// The body of POST /api/v1/licence/activation (online) and /api/v1/licence/request (offline).
struct ActivationInput {
    QString activationCode;
    QString expressCode;              // upgrade from Express: its activation code, or
    QJsonObject expressDeactivation;  // its deactivation file; empty when not given

    QJsonObject toJson() const;
    static Result<ActivationInput> fromRequest(const QJsonObject& json);
};

// GET/PUT /api/v1/licence/settings.
struct LicenceSettings {
    QString vendorUrl;    // https://... of the vendor's activation service
    QString vendorCaPem;  // optional: the CA that signs the vendor's certificate ("" = the system's CAs)

    QJsonObject toJson() const;
    static Result<LicenceSettings> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model
