#include "license/vendor_keys.h"

#include "license/ed25519.h"

namespace vigil::core::license {

namespace {
struct BuiltInKey {
    const char* name;
    const char* publicBase64;
};

// The vendor's production keys go here, newest last, as "vigil-license keygen" prints them. None has
// been made yet: a build without development keys accepts no licence and runs on its trial.
constexpr BuiltInKey kProductionKeys[] = {
    {nullptr, nullptr},
};

// Private halves in tests/license/keys/development-vendor-{1,2}.pem: two, so rotation is tested.
constexpr BuiltInKey kDevelopmentKeys[] = {
    {"development-1", "Hl93ZrA59b0i1InQKunypL8TGl82RD0dNseEdk5Wf4E="},
    {"development-2", "6/z9kcyYhhSKcIEbyE3g6uvSCAQVRf0zmKptA+MwbwU="},
};

void addAll(QList<VendorKey>& keys, const BuiltInKey* begin, const BuiltInKey* end) {
    for (const BuiltInKey* key = begin; key != end; ++key) {
        if (key->publicBase64 != nullptr) {
            keys.append(VendorKeys::fromPublic(QByteArray::fromBase64(key->publicBase64),
                                               QString::fromLatin1(key->name)));
        }
    }
}
}  // namespace

VendorKeys VendorKeys::builtIn() {
    QList<VendorKey> keys;
    addAll(keys, std::begin(kProductionKeys), std::end(kProductionKeys));
#ifdef VIGIL_DEVELOPMENT_LICENCE_KEYS
    addAll(keys, std::begin(kDevelopmentKeys), std::end(kDevelopmentKeys));
#else
    (void)kDevelopmentKeys;
#endif
    return VendorKeys(keys);
}

VendorKey VendorKeys::fromPublic(const QByteArray& publicRaw, const QString& name) {
    return VendorKey{Ed25519Key::keyIdOf(publicRaw), publicRaw, name};
}

const VendorKey* VendorKeys::find(const QString& keyId) const {
    for (const VendorKey& key : m_keys) {
        if (key.keyId == keyId) {
            return &key;
        }
    }
    return nullptr;
}

}  // namespace vigil::core::license
