#pragma once
// LicenceVerifier: decides whether a signed licence may run here, and says exactly why not (LIC-1).
// The checks run in this order and the first failure is the answer:
//   licence_unsigned       the file carries no signature
//   licence_unknown_key    signed with a key this build does not trust (vendor_keys.h)
//   licence_tampered       the signature does not match the licence's canonical bytes
//   licence_other_platform issued to another platform id (another installation's database)
//   licence_other_machine  the machine fingerprint does not match (machine_fingerprint.h)
//   licence_expired        its expiry date has passed
// sign() is the vendor's half (tools/vigil-license and tests).

#include "common/result.h"
#include "license/ed25519.h"
#include "license/licence_document.h"
#include "license/vendor_keys.h"

namespace vigil::core::license {

struct LicenceContext {
    QString platformId;
    MachineFingerprint fingerprint;
    qint64 nowMs = 0;  // the time to judge expiry by (the licence service passes the rollback-safe time)
};

class LicenceVerifier {
public:
    explicit LicenceVerifier(VendorKeys keys) : m_keys(std::move(keys)) {}

    // The signature checks only (unsigned, unknown key, tampered).
    Status checkSignature(const SignedLicence& licence) const;
    // Everything, in the order above.
    Status verify(const SignedLicence& licence, const LicenceContext& context) const;

    static Result<SignedLicence> sign(const LicenceDocument& licence, const Ed25519Key& key);

private:
    VendorKeys m_keys;
};

}  // namespace vigil::core::license
