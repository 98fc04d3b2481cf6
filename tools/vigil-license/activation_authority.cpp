#include "activation_authority.h"

#include <QDateTime>
#include <QUuid>

namespace vigil::tools {

using core::Error;
using core::Result;
using core::Status;
using core::license::Editions;
using core::license::LicenceDocument;
using core::license::LicenceRequest;
using core::license::SignedLicence;

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QString day(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

core::license::VendorKeys trusted(const core::license::Ed25519Key& key) {
    core::license::VendorKeys keys = core::license::VendorKeys::builtIn();
    if (!keys.find(key.keyId())) {
        keys.add(core::license::VendorKeys::fromPublic(key.publicRaw, QStringLiteral("signing key")));
    }
    return keys;
}
}  // namespace

ActivationAuthority::ActivationAuthority(CodeRegistry& registry, core::license::Ed25519Key signingKey)
    : m_registry(registry), m_key(signingKey), m_verifier(trusted(signingKey)) {}

Status ActivationAuthority::checkCurrent(const SignedLicence& current, const LicenceRequest& request) {
    if (Status signature = m_verifier.checkSignature(current); !signature) {
        return signature;
    }
    if (current.licence.platformId != request.platformId) {
        return Error::make(QStringLiteral("licence_other_platform"),
                           QStringLiteral("The current licence in the request belongs to platform %1, not to %2.")
                               .arg(current.licence.platformId, request.platformId));
    }
    const CodeRecord* base = m_registry.find(current.licence.activationCodes.value(0));
    if (base && base->state == QLatin1String("deactivated")) {
        return Error::make(QStringLiteral("code_deactivated"),
                           QStringLiteral("The current licence's code %1 was deactivated on %2; it cannot be extended.")
                               .arg(base->code, day(base->deactivatedMs)));
    }
    return {};
}

Result<CodeRecord*> ActivationAuthority::expressToRetire(const LicenceRequest& request) {
    QString expressCode = request.expressCode;
    if (request.expressDeactivation) {
        const SignedLicence& express = request.expressDeactivation->licence;
        if (Status signature = m_verifier.checkSignature(express); !signature) {
            return Error::make(QStringLiteral("upgrade_express_invalid"),
                               QStringLiteral("The Express deactivation file's licence does not verify: %1")
                                   .arg(signature.error().message));
        }
        expressCode = express.licence.activationCodes.value(0);
    }
    if (expressCode.isEmpty()) {
        return Error::make(QStringLiteral("upgrade_needs_express"),
                           QStringLiteral("This is an upgrade code from Express to Pro: give the Express licence's "
                                          "activation code, or import the Express deactivation file, with it."));
    }
    CodeRecord* express = m_registry.find(expressCode);
    if (!express || express->edition != QLatin1String(Editions::kExpress) ||
        express->kind != QLatin1String(CodeRecord::kStandard)) {
        return Error::make(QStringLiteral("upgrade_express_invalid"),
                           QStringLiteral("%1 is not an Express activation code this vendor issued. Check the code on "
                                          "the Express licence.")
                               .arg(expressCode));
    }
    if (express->state == QLatin1String("deactivated")) {
        return Error::make(QStringLiteral("upgrade_express_invalid"),
                           QStringLiteral("The Express code %1 was already given up on %2 (%3); it cannot be upgraded "
                                          "twice.")
                               .arg(express->code, day(express->deactivatedMs), express->deactivationReason));
    }
    return express;
}

Result<LicenceDocument> ActivationAuthority::grant(CodeRecord& code, const LicenceRequest& request, qint64 nowMs) {
    LicenceDocument doc;
    const bool extends = code.kind == QLatin1String(CodeRecord::kRenewal) ||
                         code.kind == QLatin1String(CodeRecord::kCapacity);
    if (extends) {
        if (!request.currentLicence) {
            return Error::make(QStringLiteral("code_needs_licence"),
                               QStringLiteral("%1 is a %2 code: it extends a licence, and the request carries none. "
                                              "Activate a licence first, then this code.")
                                   .arg(code.code, code.kind));
        }
        if (Status current = checkCurrent(*request.currentLicence, request); !current) {
            return current.error();
        }
        doc = request.currentLicence->licence;
        if (code.kind == QLatin1String(CodeRecord::kRenewal)) {
            if (doc.expiresMs == 0) {
                return Error::make(QStringLiteral("code_not_needed"),
                                   QStringLiteral("The current licence does not expire, so the renewal code %1 is not "
                                                  "needed; keep it for a licence that does.")
                                       .arg(code.code));
            }
            doc.expiresMs = std::max(doc.expiresMs, nowMs) + code.days * kDayMs;
        } else {
            doc.channels += code.channels;
            if (doc.edition == QLatin1String(Editions::kExpress) &&
                doc.channels > core::license::LicenceLimits::kExpressMaxChannels) {
                return Error::make(QStringLiteral("code_over_edition"),
                                   QStringLiteral("Express runs at most %1 channels; %2 would make %3. Upgrade to Pro "
                                                  "for more.")
                                       .arg(core::license::LicenceLimits::kExpressMaxChannels)
                                       .arg(code.code)
                                       .arg(doc.channels));
            }
        }
        doc.activationCodes.append(code.code);
        return doc;
    }
    doc.edition = code.edition;
    doc.channels = code.channels;
    doc.features = code.features;
    doc.expiresMs = code.expiresMs != 0 ? code.expiresMs : (code.days > 0 ? nowMs + code.days * kDayMs : 0);
    doc.activationCodes = {code.code};
    if (code.kind == QLatin1String(CodeRecord::kUpgrade) && code.state != QLatin1String("active")) {
        auto express = expressToRetire(request);
        if (!express) {
            return express.error();
        }
        doc.upgradedFrom = express.value()->code;
        doc.licensee = express.value()->licensee;  // the customer stays who they were
        express.value()->state = QStringLiteral("deactivated");
        express.value()->deactivatedMs = nowMs;
        express.value()->deactivationReason = QStringLiteral("upgraded to Pro with %1").arg(code.code);
    }
    return doc;
}

Result<SignedLicence> ActivationAuthority::activate(const LicenceRequest& request, qint64 nowMs) {
    CodeRecord* code = m_registry.find(request.activationCode);
    if (!code) {
        return Error::make(QStringLiteral("code_unknown"),
                           QStringLiteral("The activation code %1 is unknown. Check it for typing mistakes (codes use "
                                          "no I, L, O or U) or ask the vendor.")
                               .arg(request.activationCode));
    }
    if (code->state == QLatin1String("deactivated")) {
        return Error::make(QStringLiteral("code_deactivated"),
                           QStringLiteral("The activation code %1 was deactivated on %2 (%3) and cannot be activated "
                                          "again. Ask the vendor for a new code.")
                               .arg(code->code, day(code->deactivatedMs), code->deactivationReason));
    }
    if (code->state == QLatin1String("active")) {
        const bool sameMachine = code->platformId == request.platformId && request.fingerprint.matches(code->fingerprint);
        const bool extends = code->kind == QLatin1String(CodeRecord::kRenewal) ||
                             code->kind == QLatin1String(CodeRecord::kCapacity);
        if (!sameMachine || extends) {
            return Error::make(QStringLiteral("code_used"),
                               QStringLiteral("The activation code %1 is already in use: activated on %2 for platform %3 "
                                              "on machine %4. A code runs one platform; deactivate it there or ask "
                                              "the vendor to move it.")
                                   .arg(code->code, day(code->activatedMs), code->platformId, code->fingerprintId));
        }
        // The same platform again (a reinstall keeping its id): the same licence, issued anew.
    }
    auto doc = grant(*code, request, nowMs);
    if (!doc) {
        return doc.error();
    }
    doc->licenceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Renewals and capacity codes keep the licence's licensee; a new licence takes the code's, or
    // the platform's name when the code names nobody.
    if (doc->licensee.isEmpty() || !code->licensee.isEmpty()) {
        doc->licensee = code->licensee.isEmpty() ? request.platformName : code->licensee;
    }
    if (doc->licensee.isEmpty()) {
        doc->licensee = request.platformId;
    }
    doc->platformId = request.platformId;
    doc->fingerprint = request.fingerprint;
    doc->issuedMs = nowMs;
    auto signedLicence = core::license::LicenceVerifier::sign(doc.value(), m_key);
    if (!signedLicence) {
        return signedLicence.error();
    }
    if (code->state != QLatin1String("active")) {
        code->state = QStringLiteral("active");
        code->activatedMs = nowMs;
        code->expiresMs = doc->expiresMs;
    }
    code->platformId = request.platformId;
    code->fingerprint = request.fingerprint;
    code->fingerprintId = request.fingerprint.displayId();
    code->licenceId = doc->licenceId;
    if (Status saved = m_registry.save(); !saved) {
        return saved.error();
    }
    return signedLicence;
}

}  // namespace vigil::tools
