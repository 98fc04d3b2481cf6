#pragma once
// The update manifest (SEC-1.4): the vendor's signed statement of the latest platform, client and
// device firmware versions, with release notes and dates, imported offline (a file) and compared with
// what runs. Signed like licences (Ed25519 over the canonical bytes, vendor_keys.h), made with
// `vigil-license manifest`:
//
//   {"format": "vigil-update-manifest", "version": 1,
//    "manifest": {"issuedMs": .., "platform": {release}, "client": {release},
//                 "firmware": [{"manufacturer", "model", "version", "releasedMs", "notes"}, ..]},
//    "signature": {"algorithm": "Ed25519", "keyId": "<16 hex>", "value": "<base64>"}}
//   release: {"version": "1.4.2", "releasedMs": .., "notes": ".."}
//
// Canonical bytes: the manifest object as compact JSON, keys sorted (what QJsonDocument writes).
// Parsing is strict (update_manifest_malformed naming the field); UpdateManifestVerifier
// (update_manifest_verifier.h) checks and makes the signature. Qt only: the parser has a fuzz target.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::core::license {

struct Release {
    QString version;  // dotted numbers, as the vendor writes them ("1.4.2", "2.800.0.25")
    qint64 releasedMs = 0;
    QString notes;  // release notes for people

    QJsonObject toJson() const;
};

struct FirmwareRelease {
    QString
        manufacturer;  // as the device reports it (ONVIF GetDeviceInformation), compared case-insensitively
    QString model;
    Release release;

    QJsonObject toJson() const;
};

struct UpdateManifest {
    static constexpr auto kFormat = "vigil-update-manifest";
    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxFileBytes = 1024 * 1024;
    static constexpr int kMaxFirmware = 5000;
    static constexpr int kMaxTextLength = 8192;

    qint64 issuedMs = 0;
    Release platform;
    Release client;
    QList<FirmwareRelease> firmware;
    QString keyId;         // empty when unsigned
    QByteArray signature;  // raw, 64 bytes

    QJsonObject manifestJson() const;
    QByteArray canonicalBytes() const;
    QByteArray toFile() const;  // the signed file, indented

    // The latest firmware for a device model; nullptr when the manifest does not know the model.
    const FirmwareRelease* firmwareFor(const QString& manufacturer, const QString& model) const;

    static Result<UpdateManifest> parse(const QByteArray& bytes);
};

// How an installed version compares with the latest one the manifest names.
struct VersionCheck {
    static constexpr auto kUpToDate = "up_to_date";
    static constexpr auto kUpdateAvailable = "update_available";
    static constexpr auto kUnknown = "unknown";  // no manifest entry, no installed version, or not comparable
};

// Dotted numeric comparison ("1.10" > "1.9"; a leading "V" and text after the numbers are ignored):
// <0, 0, >0; nullopt when either has no number to compare.
std::optional<int> compareVersions(const QString& installed, const QString& latest);
// VersionCheck's value for an installed version against a release (nullptr: unknown).
QString versionState(const QString& installed, const Release* latest);

}  // namespace vigil::core::license
