#pragma once
// ActivationAuthority: the vendor's decision on a request file (LIC-1): which licence the code grants
// this platform, or why not. Used by "vigil-license activate" (offline) and by the HTTPS endpoint
// (online) alike. Refusals:
//   code_unknown           no such code in the registry
//   code_used              active on another platform or machine (says which, since when)
//   code_deactivated       given up (an upgrade to Pro, or deactivated by the vendor)
//   upgrade_needs_express  an upgrade code without the Express code or deactivation file
//   upgrade_express_invalid the Express code or deactivation file does not qualify (says why)
//   code_needs_licence     a renewal or capacity code without a current licence to extend
//   licence_*              the current licence or the deactivation file's licence does not verify

#include "code_registry.h"
#include "common/result.h"
#include "license/ed25519.h"
#include "license/licence_request.h"
#include "license/licence_verifier.h"

namespace vigil::tools {

class ActivationAuthority {
public:
    ActivationAuthority(CodeRegistry& registry, core::license::Ed25519Key signingKey);

    core::Result<core::license::SignedLicence> activate(const core::license::LicenceRequest& request, qint64 nowMs);

private:
    core::Result<core::license::LicenceDocument> grant(CodeRecord& code, const core::license::LicenceRequest& request,
                                                       qint64 nowMs);
    core::Result<CodeRecord*> expressToRetire(const core::license::LicenceRequest& request);
    core::Status checkCurrent(const core::license::SignedLicence& current, const core::license::LicenceRequest& request);

    CodeRegistry& m_registry;
    core::license::Ed25519Key m_key;
    core::license::LicenceVerifier m_verifier;  // the vendor's own key and the built-in ones
};

}  // namespace vigil::tools
