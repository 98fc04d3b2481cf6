// Fuzz target: activation files and Express deactivation files (core/license/licence_document.h,
// licence_request.h), which arrive from outside (a file the user picks, the vendor's answer).
// Invariants: parsing never crashes; a file that parses makes canonical bytes that parse back to
// the same licence (what a signature covers is stable); an accepted licence keeps the edition's rules.

#include <QByteArray>
#include <QJsonDocument>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "license/licence_document.h"
#include "license/licence_request.h"

using namespace vigil::core::license;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto licence = SignedLicence::parse(bytes);
    if (licence) {
        const LicenceDocument& doc = licence->licence;
        auto again = LicenceDocument::fromJson(QJsonDocument::fromJson(doc.canonicalBytes()).object());
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->canonicalBytes() == doc.canonicalBytes());
        FUZZ_CHECK(doc.channels >= 1);
        FUZZ_CHECK(doc.edition != QLatin1String(Editions::kExpress) || doc.channels <= LicenceLimits::kExpressMaxChannels);
        FUZZ_CHECK(!doc.activationCodes.isEmpty());
        FUZZ_CHECK(!licence->signature || licence->signature->value.size() == 64);
        auto file = SignedLicence::parse(licence->toFile());
        FUZZ_CHECK(file.ok());
    } else {
        FUZZ_CHECK(licence.error().code == QLatin1String("licence_malformed"));
        FUZZ_CHECK(!licence.error().message.isEmpty());
    }
    auto deactivation = ExpressDeactivation::parse(bytes);
    if (deactivation) {
        FUZZ_CHECK(deactivation->licence.licence.edition == QLatin1String(Editions::kExpress));
        FUZZ_CHECK(ExpressDeactivation::parse(deactivation->toFile()).ok());
    } else {
        FUZZ_CHECK(deactivation.error().code == QLatin1String("licence_deactivation_malformed"));
    }
    return 0;
}
