#pragma once
// The licence document and the signed licence file (LIC-1, docs/design/licensing.md).
//
// A licence says who may run how much of Vigil where: licensee, platform id, machine fingerprint,
// edition, channel capacity, features, issue and expiry dates, and the activation codes it came from.
// The vendor signs its canonical bytes (canonicalBytes()) with Ed25519; the file the vendor returns
// (an "activation file") is the document and its signature in one JSON object:
//
//   {"format": "vigil-licence", "version": 1, "licence": {...},
//    "signature": {"algorithm": "Ed25519", "keyId": "<16 hex>", "value": "<base64 of 64 bytes>"}}
//
// Canonical form: the licence object as compact JSON (no white space), keys in ascending order of
// their (ASCII) names, integers as plain decimals, strings UTF-8 with JSON's escapes. It is what
// QJsonDocument::Compact writes; tst_licence_document pins it with a literal so a Qt change that
// altered it would fail a test instead of every licence in the field.
//
// Parsing is strict: unknown fields, wrong types, out-of-range values and unknown editions are
// refused with "licence_malformed" and a message naming the field. Nothing here checks the signature,
// the machine or the date: that is LicenceVerifier's job (licence_verifier.h). No OpenSSL here, so the
// fuzz target links only Qt.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

#include "common/result.h"
#include "license/machine_fingerprint.h"

namespace vigil::core::license {

struct Editions {
    static constexpr auto kTrial = "trial";      // made at initialisation, never signed
    static constexpr auto kExpress = "express";  // the small edition
    static constexpr auto kPro = "pro";
    static const QStringList& all();
    static QString displayName(const QString& edition);  // "Express", ...
};

struct Features {
    static constexpr auto kCascadeParent = "cascade_parent";  // other platforms attach below this one
    static constexpr auto kDistributed = "distributed";       // sub servers
    static constexpr auto kVideoWall = "video_wall";
    static constexpr auto kHotStandby = "hot_standby";
    static const QStringList& all();
    // What an edition may carry at most: Express is never a cascade parent and has no sub servers
    // or standby, whatever a licence lists.
    static QStringList allowedFor(const QString& edition);
};

struct LicenceLimits {
    static constexpr int kExpressMaxChannels = 64;
    static constexpr int kMaxChannels = 100000;
    static constexpr int kMaxCodes = 64;
    static constexpr int kMaxTextLength = 256;
};

struct LicenceDocument {
    QString licenceId;     // UUID given by the vendor, one per issue
    QString licensee;      // the customer, shown on the Licence page
    QString platformId;    // the server id (Engine::serverId) the licence was issued to
    MachineFingerprint fingerprint;
    QString edition;       // Editions: express | pro
    int channels = 0;      // channel capacity
    QStringList features;  // sorted, from Features::all()
    qint64 issuedMs = 0;   // UTC ms
    qint64 expiresMs = 0;  // UTC ms; 0: does not expire
    QStringList activationCodes;  // the code it was activated with first, then renewals and add-ons
    QString upgradedFrom;  // the Express activation code this Pro licence replaced; "" when none

    QJsonObject toJson() const;
    static Result<LicenceDocument> fromJson(const QJsonObject& json);
    QByteArray canonicalBytes() const;
    // The features the edition allows, of those listed.
    QStringList effectiveFeatures() const;
};

struct LicenceSignature {
    QString algorithm;   // "Ed25519"
    QString keyId;       // which vendor key signed (vendor_keys.h)
    QByteArray value;    // raw signature bytes

    QJsonObject toJson() const;  // {algorithm, keyId, value (base64)}
};

// Reads a vendor signature object (licences, update manifests); errors use `code`.
Result<LicenceSignature> readSignature(const QJsonObject& json, const QString& code);

struct SignedLicence {
    static constexpr auto kFormat = "vigil-licence";
    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxFileBytes = 32 * 1024;

    LicenceDocument licence;
    std::optional<LicenceSignature> signature;  // nullopt: the file carries none ("licence_unsigned")

    QJsonObject toJson() const;
    QByteArray toFile() const;  // indented JSON, what the vendor hands out
    // Parses an activation file (bytes) or its JSON object. Errors: "licence_malformed".
    static Result<SignedLicence> parse(const QByteArray& bytes);
    static Result<SignedLicence> fromJson(const QJsonObject& json);
};

// An activation code as people type it: trimmed, upper case, spaces removed.
QString normaliseActivationCode(const QString& code);
// "VGL-" style: groups of 2..8 upper-case letters and digits joined by dashes.
bool isActivationCode(const QString& code);

// Turns a FieldReader's bad_request into the given code, keeping the message.
Error recode(const Error& error, const QString& code);
// Reads a JSON object from file bytes; errors name `what` ("activation file") and use `code`.
Result<QJsonObject> parseJsonObject(const QByteArray& bytes, const QString& what, const QString& code,
                                    qsizetype maxBytes);

}  // namespace vigil::core::license
