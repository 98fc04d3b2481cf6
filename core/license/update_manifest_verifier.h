#pragma once
// UpdateManifestVerifier: whether an update manifest (update_manifest.h, SEC-1.4) comes from the
// vendor, as LicenceVerifier does for licences, with the same keys (vendor_keys.h). The checks, in
// order, and their errors:
//   update_manifest_unsigned     the file carries no signature
//   update_manifest_unknown_key  signed with a key this build does not trust
//   update_manifest_tampered     the signature does not match the manifest's canonical bytes
// sign() is the vendor's half (vigil-license manifest, tests).

#include "common/result.h"
#include "license/ed25519.h"
#include "license/update_manifest.h"
#include "license/vendor_keys.h"

namespace vigil::core::license {

class UpdateManifestVerifier {
public:
    explicit UpdateManifestVerifier(VendorKeys keys) : m_keys(std::move(keys)) {}

    Status verify(const UpdateManifest& manifest) const;
    static Status sign(UpdateManifest& manifest, const Ed25519Key& key);

private:
    VendorKeys m_keys;
};

}  // namespace vigil::core::license
