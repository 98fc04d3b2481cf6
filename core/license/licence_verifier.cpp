#include "license/licence_verifier.h"

#include <QDateTime>

namespace vigil::core::license {

namespace {
QString day(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}
}  // namespace

Status LicenceVerifier::checkSignature(const SignedLicence& licence) const {
    if (!licence.signature) {
        return Error::make(QStringLiteral("licence_unsigned"),
                           QStringLiteral("The licence carries no signature, so nothing shows it came from the "
                                          "vendor. Import the activation file exactly as the vendor sent it."));
    }
    const VendorKey* key = m_keys.find(licence.signature->keyId);
    if (!key) {
        return Error::make(QStringLiteral("licence_unknown_key"),
                           QStringLiteral("The licence is signed with key %1, which this Vigil does not trust. It was "
                                          "not issued for this product, or Vigil is too old to know the vendor's "
                                          "newer key: update Vigil or ask the vendor for a new activation file.")
                               .arg(licence.signature->keyId));
    }
    if (!Ed25519::verify(key->publicRaw, licence.licence.canonicalBytes(), licence.signature->value)) {
        return Error::make(QStringLiteral("licence_tampered"),
                           QStringLiteral("The licence's signature does not match its contents: the file was changed "
                                          "after the vendor signed it. Import the activation file exactly as the "
                                          "vendor sent it, or ask for a new one."));
    }
    return {};
}

Status LicenceVerifier::verify(const SignedLicence& licence, const LicenceContext& context) const {
    if (Status signature = checkSignature(licence); !signature) {
        return signature;
    }
    const LicenceDocument& doc = licence.licence;
    if (doc.platformId != context.platformId) {
        return Error::make(QStringLiteral("licence_other_platform"),
                           QStringLiteral("The licence was issued to platform %1, not to this one (%2). Export a "
                                          "request file from this platform and activate it, or import the file "
                                          "made for this platform.")
                               .arg(doc.platformId, context.platformId));
    }
    if (!context.fingerprint.matches(doc.fingerprint)) {
        return Error::make(QStringLiteral("licence_other_machine"),
                           QStringLiteral("The licence belongs to another machine: %1 of its %2 machine factors "
                                          "match this one (%3 needed; this machine is %4). Deactivate it on the "
                                          "machine it was made for, or ask the vendor to move it.")
                               .arg(context.fingerprint.matchingFactors(doc.fingerprint))
                               .arg(doc.fingerprint.factorCount())
                               .arg(MachineFingerprint::requiredMatches(doc.fingerprint.factorCount()))
                               .arg(context.fingerprint.displayId()));
    }
    if (doc.expiresMs != 0 && context.nowMs >= doc.expiresMs) {
        return Error::make(QStringLiteral("licence_expired"),
                           QStringLiteral("The licence expired on %1. Renew it with a renewal activation code from "
                                          "the vendor.")
                               .arg(day(doc.expiresMs)));
    }
    return {};
}

Result<SignedLicence> LicenceVerifier::sign(const LicenceDocument& licence, const Ed25519Key& key) {
    auto value = Ed25519::sign(key.privatePem, licence.canonicalBytes());
    if (!value) {
        return value.error();
    }
    SignedLicence result;
    result.licence = licence;
    result.licence.features.sort();
    result.signature = LicenceSignature{QStringLiteral("Ed25519"), key.keyId(), value.value()};
    return result;
}

}  // namespace vigil::core::license
