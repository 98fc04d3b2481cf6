// Fuzz target: licence request files (core/license/licence_request.h), which the vendor's tool and
// activation endpoint read from anyone. Invariants: parsing never crashes; errors carry their code
// and a message; a request that parses writes a file that parses back to the same JSON.

#include <QByteArray>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "license/licence_request.h"

using namespace vigil::core::license;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto request = LicenceRequest::parse(bytes);
    if (!request) {
        FUZZ_CHECK(request.error().code == QLatin1String("licence_request_malformed"));
        FUZZ_CHECK(!request.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(isActivationCode(request->activationCode));
    FUZZ_CHECK(!request->platformId.isEmpty());
    auto again = LicenceRequest::parse(request->toFile());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->toJson() == request->toJson());
    return 0;
}
