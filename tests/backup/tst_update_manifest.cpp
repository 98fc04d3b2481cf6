// The update manifest (issue 8, SEC-1.4, core/license/update_manifest.h): signed with a development
// vendor key it verifies with the built-in keys; changed, unsigned or signed by an unknown key it is
// refused with its reason; strict parsing names the field; versions compare as dotted numbers.

#include <QJsonDocument>
#include <QTest>

#include "license/ed25519.h"
#include "license/update_manifest.h"
#include "license/update_manifest_verifier.h"
#include "license/vendor_keys.h"
#include "support/file_bytes.h"

using namespace vigil::core;
using namespace vigil::core::license;

namespace {

UpdateManifest draft() {
    UpdateManifest manifest;
    manifest.issuedMs = 1'790'000'000'000;
    manifest.platform =
        Release{QStringLiteral("1.4.2"), 1'789'000'000'000, QStringLiteral("Platform notes.")};
    manifest.client = Release{QStringLiteral("1.4.1"), 1'789'000'000'000, QStringLiteral("Client notes.")};
    manifest.firmware = {FirmwareRelease{
        QStringLiteral("Vigil"), QStringLiteral("TestCamera"),
        Release{QStringLiteral("2.1.0"), 1'788'000'000'000, QStringLiteral("Firmware notes.")}}};
    return manifest;
}

Ed25519Key developmentKey() {
    const QByteArray pem = vigil::test::readFileBytes(qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR") +
                                                      "/tests/license/keys/development-vendor-2.pem");
    return Ed25519::fromPrivatePem(pem).value();
}

QString verifyCode(const QByteArray& file) {
    auto parsed = UpdateManifest::parse(file);
    if (!parsed) {
        return parsed.error().code;
    }
    const Status verified = UpdateManifestVerifier(VendorKeys::builtIn()).verify(parsed.value());
    return verified ? QStringLiteral("ok") : verified.error().code;
}

}  // namespace

class TestUpdateManifest : public QObject {
    Q_OBJECT

private slots:
    void signedByTheVendorVerifies() {
        UpdateManifest manifest = draft();
        QVERIFY(UpdateManifestVerifier::sign(manifest, developmentKey()).ok());
        const QByteArray file = manifest.toFile();
        QCOMPARE(verifyCode(file), QStringLiteral("ok"));
        auto parsed = UpdateManifest::parse(file);
        QCOMPARE(parsed->platform.version, QStringLiteral("1.4.2"));
        QCOMPARE(parsed->firmwareFor(QStringLiteral("vigil"), QStringLiteral("testcamera"))->release.version,
                 QStringLiteral("2.1.0"));
        QVERIFY(parsed->firmwareFor(QStringLiteral("Vigil"), QStringLiteral("Other")) == nullptr);
    }

    void refusedWithTheirReasons() {
        UpdateManifest manifest = draft();
        QCOMPARE(verifyCode(manifest.toFile()), QStringLiteral("update_manifest_unsigned"));
        QVERIFY(UpdateManifestVerifier::sign(manifest, developmentKey()).ok());
        QByteArray changed = manifest.toFile();
        changed.replace("2.1.0", "2.0.0");  // someone hides a newer firmware
        QCOMPARE(verifyCode(changed), QStringLiteral("update_manifest_tampered"));
        UpdateManifest other = draft();
        QVERIFY(UpdateManifestVerifier::sign(other, Ed25519::generate().value()).ok());
        QCOMPARE(verifyCode(other.toFile()), QStringLiteral("update_manifest_unknown_key"));
    }

    void strictParsing() {
        QJsonObject file = QJsonDocument::fromJson(draft().toFile()).object();
        QJsonObject body = file.value("manifest").toObject();
        body.insert("extra", 1);
        file.insert("manifest", body);
        auto parsed = UpdateManifest::parse(QJsonDocument(file).toJson());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("update_manifest_malformed"));
        QVERIFY(parsed.error().message.contains("extra"));
        QJsonObject platform = body.value("platform").toObject();
        platform.insert("version", "latest");
        body.remove("extra");
        body.insert("platform", platform);
        file.insert("manifest", body);
        parsed = UpdateManifest::parse(QJsonDocument(file).toJson());
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains("platform.version"));
        QCOMPARE(UpdateManifest::parse("[]").error().code, QStringLiteral("update_manifest_malformed"));
    }

    void versionsCompareAsNumbers() {
        QCOMPARE(compareVersions("1.10", "1.9").value(), 1);
        QCOMPARE(compareVersions("1.9", "1.10").value(), -1);
        QCOMPARE(compareVersions("2.0", "2").value(), 0);
        QCOMPARE(compareVersions("V5.5.10.7 build 240101", "5.5.11").value(), -1);
        QCOMPARE(compareVersions("007.1", "7.1").value(), 0);
        QVERIFY(!compareVersions("beta", "1.0"));
        const Release latest{QStringLiteral("2.1.0"), 0, {}};
        QCOMPARE(versionState("2.0.9", &latest), QStringLiteral("update_available"));
        QCOMPARE(versionState("2.1.0", &latest), QStringLiteral("up_to_date"));
        QCOMPARE(versionState("3.0", &latest), QStringLiteral("up_to_date"));
        QCOMPARE(versionState("", &latest), QStringLiteral("unknown"));
        QCOMPARE(versionState("2.0", nullptr), QStringLiteral("unknown"));
    }
};

QTEST_GUILESS_MAIN(TestUpdateManifest)
#include "tst_update_manifest.moc"
