#pragma once
// UpdateCatalogue: the latest versions the vendor announced (SEC-1.4): a signed update manifest
// (core/license/update_manifest.h) imported offline through the API, kept in the settings, and the
// versions that run here compared with it: the platform, the client (this build's, or the one a
// workstation names) and every device's firmware - up to date, update available or unknown.

#include <QJsonObject>
#include <functional>
#include <optional>

#include "accounts/accounts_service.h"
#include "common/clock.h"
#include "license/update_manifest.h"
#include "license/update_manifest_verifier.h"
#include "model/device_model.h"

namespace vigil::server {

class SettingsRepository;

class UpdateCatalogue {
public:
    static constexpr auto kManifestKey = "updates.manifest";  // the signed file as imported
    using DeviceLister = std::function<core::Result<QList<core::model::Device>>()>;

    UpdateCatalogue(SettingsRepository& settings, AccountsService& accounts, const core::Clock& clock,
                    core::license::VendorKeys keys, DeviceLister devices);

    // Checks and keeps a manifest (its signature by a vendor key; not older than the one kept).
    // Errors: update_manifest_malformed, _unsigned, _unknown_key, _tampered, _older.
    core::Status import(const Actor& actor, const QByteArray& file);
    // The manifest kept, verified again; nullopt when none is (or the kept one no longer verifies).
    std::optional<core::license::UpdateManifest> manifest() const;

    // {manifest: {issuedMs, keyId, importedMs} | null, platform, client, devices: [...]}, each with
    // installed, latest, releasedMs, notes, state.
    QJsonObject status(const QString& clientVersion) const;

private:
    SettingsRepository& m_settings;
    AccountsService& m_accounts;
    const core::Clock& m_clock;
    core::license::UpdateManifestVerifier m_verifier;
    DeviceLister m_devices;
};

}  // namespace vigil::server
