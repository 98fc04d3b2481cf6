// Fuzz target: update manifests (core/license/update_manifest.h, SEC-1.4), files imported from
// outside. Invariants: parsing never crashes; a refusal is update_manifest_malformed with a message;
// a manifest that parses writes a file that parses back to the same canonical bytes (what the
// signature covers is stable); version comparison is antisymmetric and a version equals itself.

#include <QByteArray>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.h"
#include "license/update_manifest.h"

using namespace vigil::core::license;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto manifest = UpdateManifest::parse(bytes);
    if (!manifest) {
        FUZZ_CHECK(manifest.error().code == QLatin1String("update_manifest_malformed"));
        FUZZ_CHECK(!manifest.error().message.isEmpty());
    } else {
        auto again = UpdateManifest::parse(manifest->toFile());
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->canonicalBytes() == manifest->canonicalBytes());
        FUZZ_CHECK(compareVersions(manifest->platform.version, manifest->platform.version) == 0);
        for (const FirmwareRelease& firmware : manifest->firmware) {
            FUZZ_CHECK(manifest->firmwareFor(firmware.manufacturer, firmware.model) != nullptr);
        }
    }
    // The input's halves as two versions.
    const QString a = QString::fromUtf8(bytes.left(bytes.size() / 2));
    const QString b = QString::fromUtf8(bytes.mid(bytes.size() / 2));
    const auto ab = compareVersions(a, b);
    const auto ba = compareVersions(b, a);
    FUZZ_CHECK(ab.has_value() == ba.has_value());
    FUZZ_CHECK(!ab || *ab == -*ba);
    return 0;
}
