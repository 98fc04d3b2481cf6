#include "license/update_manifest_verifier.h"

namespace vigil::core::license {

Status UpdateManifestVerifier::verify(const UpdateManifest& manifest) const {
    if (manifest.signature.isEmpty()) {
        return Error::make(
            QStringLiteral("update_manifest_unsigned"),
            QStringLiteral("The update manifest carries no signature, so nothing shows the vendor made "
                           "it. Import the manifest exactly as the vendor published it."));
    }
    const VendorKey* key = m_keys.find(manifest.keyId);
    if (!key) {
        return Error::make(
            QStringLiteral("update_manifest_unknown_key"),
            QStringLiteral("The update manifest is signed with key %1, which this Vigil does not "
                           "trust. It is not the vendor's, or this Vigil is too old to know the "
                           "vendor's newer key.")
                .arg(manifest.keyId));
    }
    if (!Ed25519::verify(key->publicRaw, manifest.canonicalBytes(), manifest.signature)) {
        return Error::make(
            QStringLiteral("update_manifest_tampered"),
            QStringLiteral("The update manifest's signature does not match its contents: it was "
                           "changed after the vendor signed it. Import an unchanged copy."));
    }
    return {};
}

Status UpdateManifestVerifier::sign(UpdateManifest& manifest, const Ed25519Key& key) {
    auto value = Ed25519::sign(key.privatePem, manifest.canonicalBytes());
    if (!value) {
        return value.error();
    }
    manifest.keyId = key.keyId();
    manifest.signature = value.value();
    return {};
}

}  // namespace vigil::core::license
