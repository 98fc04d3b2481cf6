// core/license as units (issue 7, LIC-1): the canonical bytes a signature covers, Ed25519 signing
// and verification with OpenSSL (and the refusal reasons in their order), the tolerant machine
// fingerprint, the edition rules, and the request and deactivation files' strict parsing.

#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include "license/ed25519.h"
#include "license/licence_document.h"
#include "license/licence_request.h"
#include "license/licence_verifier.h"
#include "license/machine_fingerprint.h"
#include "license/vendor_keys.h"
#include "licence_fixture.h"

using namespace vigil::core;
using namespace vigil::core::license;

namespace {

LicenceDocument sample() {
    LicenceDocument doc;
    doc.licenceId = QStringLiteral("11111111-2222-4333-8444-555555555555");
    doc.licensee = QStringLiteral("Harbour Authority");
    doc.platformId = QStringLiteral("platform-1");
    doc.fingerprint = MachineFingerprint::fromFactors(vigil::test::machine("alpha"));
    doc.edition = QStringLiteral("pro");
    doc.channels = 64;
    doc.features = {QStringLiteral("video_wall"), QStringLiteral("distributed")};
    doc.issuedMs = 1700000000000;
    doc.expiresMs = 1800000000000;
    doc.activationCodes = {QStringLiteral("VGL-AAAAA-BBBBB-CCCCC-DDDDD")};
    return doc;
}

Ed25519Key developmentKey(int n) {
    QFile file(vigil::test::developmentKey(n));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return Ed25519::fromPrivatePem(file.readAll()).value();
}

}  // namespace

class TestLicenceCore : public QObject {
    Q_OBJECT

private slots:
    // The canonical form is pinned: a change in how Qt writes JSON would void every licence issued.
    void canonicalBytesArePinned() {
        LicenceDocument doc = sample();
        doc.fingerprint = MachineFingerprint();
        const QByteArray expected =
            R"({"activationCodes":["VGL-AAAAA-BBBBB-CCCCC-DDDDD"],"channels":64,"edition":"pro","expiresMs":1800000000000,)"
            R"("features":["distributed","video_wall"],"fingerprint":{"board":"","cpu":"","machineId":"","macs":[],"rootFs":""},)"
            R"("issuedMs":1700000000000,"licenceId":"11111111-2222-4333-8444-555555555555","licensee":"Harbour Authority",)"
            R"("platformId":"platform-1","upgradedFrom":""})";
        QCOMPARE(doc.canonicalBytes(), expected);
        // White space and key order in the file do not matter: the bytes are made again from the values.
        const QByteArray reordered = QJsonDocument(SignedLicence{sample(), std::nullopt}.toJson()).toJson(QJsonDocument::Indented);
        QCOMPARE(SignedLicence::parse(reordered)->licence.canonicalBytes(), sample().canonicalBytes());
    }

    void signaturesVerifyAndRefusalsComeInOrder() {
        const Ed25519Key key = developmentKey(1);
        QCOMPARE(key.publicRaw.size(), 32);
        QCOMPARE(key.keyId(), QStringLiteral("58cba52ea4d02c05"));
        const VendorKeys trusted = VendorKeys::builtIn();
        QVERIFY(trusted.find(key.keyId()));
        QVERIFY(trusted.find(developmentKey(2).keyId()));  // two keys: rotation
        const LicenceVerifier verifier(trusted);
        const LicenceContext here{QStringLiteral("platform-1"), MachineFingerprint::fromFactors(vigil::test::machine("alpha")),
                                  1750000000000};
        auto good = LicenceVerifier::sign(sample(), key);
        QVERIFY(good);
        QVERIFY(verifier.verify(good.value(), here).ok());
        // Through the file and back.
        auto parsed = SignedLicence::parse(good->toFile());
        QVERIFY(parsed);
        QVERIFY(verifier.verify(parsed.value(), here).ok());

        SignedLicence tampered = good.value();
        tampered.licence.channels = 65;
        QCOMPARE(verifier.verify(tampered, here).error().code, QStringLiteral("licence_tampered"));
        SignedLicence unsignedLicence = good.value();
        unsignedLicence.signature.reset();
        QCOMPARE(verifier.verify(unsignedLicence, here).error().code, QStringLiteral("licence_unsigned"));
        auto foreign = LicenceVerifier::sign(sample(), Ed25519::generate().value());
        QCOMPARE(verifier.verify(foreign.value(), here).error().code, QStringLiteral("licence_unknown_key"));
        LicenceContext elsewhere = here;
        elsewhere.fingerprint = MachineFingerprint::fromFactors(vigil::test::machine("bravo"));
        QCOMPARE(verifier.verify(good.value(), elsewhere).error().code, QStringLiteral("licence_other_machine"));
        LicenceContext later = here;
        later.nowMs = sample().expiresMs;
        QCOMPARE(verifier.verify(good.value(), later).error().code, QStringLiteral("licence_expired"));
        // A tampered licence on another machine is reported as tampered: the signature comes first.
        QCOMPARE(verifier.verify(tampered, elsewhere).error().code, QStringLiteral("licence_tampered"));
        QVERIFY(!Ed25519::fromPrivatePem("not a key").ok());
    }

    void fingerprintToleratesMinorChanges() {
        const MachineFactors original = vigil::test::machine("alpha");
        const MachineFingerprint licensed = MachineFingerprint::fromFactors(original);
        QCOMPARE(licensed.factorCount(), 5);
        MachineFactors newCard = original;
        newCard.macs = {QStringLiteral("aa:bb:cc:dd:ee:ff")};
        QVERIFY(MachineFingerprint::fromFactors(newCard).matches(licensed));
        MachineFactors oneOfTwoCards = original;
        oneOfTwoCards.macs.removeFirst();
        QCOMPARE(MachineFingerprint::fromFactors(oneOfTwoCards).matchingFactors(licensed), 5);
        MachineFactors newDiskAndCard = newCard;
        newDiskAndCard.rootFs = QStringLiteral("new-disk");
        QVERIFY(MachineFingerprint::fromFactors(newDiskAndCard).matches(licensed));  // 3 of 5
        MachineFactors mostlyNew = newDiskAndCard;
        mostlyNew.cpu = QStringLiteral("other CPU");
        QVERIFY(!MachineFingerprint::fromFactors(mostlyNew).matches(licensed));  // 2 of 5
        QVERIFY(!MachineFingerprint().matches(MachineFingerprint()));  // no factors: never a match
        // Hashes only: no factor travels in clear.
        const QByteArray json = QJsonDocument(licensed.toJson()).toJson();
        QVERIFY(!json.contains("alpha"));
        QVERIFY(licensed.displayId().startsWith(QStringLiteral("VGL-")));
        QCOMPARE(MachineFingerprint::fromJson(licensed.toJson()).value(), licensed);
        // This machine's own factors are readable and stable between two reads.
        QCOMPARE(MachineFingerprint::current(), MachineFingerprint::current());
        QVERIFY(MachineFingerprint::current().factorCount() >= 2);
    }

    void editionsLimitFeaturesAndChannels() {
        LicenceDocument express = sample();
        express.edition = QStringLiteral("express");
        express.channels = 8;
        express.features = {QStringLiteral("cascade_parent"), QStringLiteral("video_wall")};
        QCOMPARE(express.effectiveFeatures(), QStringList{QStringLiteral("video_wall")});
        express.channels = LicenceLimits::kExpressMaxChannels + 1;
        auto tooBig = LicenceDocument::fromJson(express.toJson());
        QCOMPARE(tooBig.error().code, QStringLiteral("licence_malformed"));
        QVERIFY(tooBig.error().message.contains(QStringLiteral("channels")));
    }

    void malformedFilesGetClearErrors() {
        QCOMPARE(SignedLicence::parse("garbage").error().code, QStringLiteral("licence_malformed"));
        QJsonObject json = SignedLicence{sample(), std::nullopt}.toJson();
        json.insert(QStringLiteral("extra"), 1);
        auto extra = SignedLicence::fromJson(json);
        QVERIFY(extra.error().message.contains(QStringLiteral("extra")));
        json.remove(QStringLiteral("extra"));
        json.insert(QStringLiteral("version"), 2);
        QVERIFY(SignedLicence::fromJson(json).error().message.contains(QStringLiteral("version 2")));
        QCOMPARE(LicenceRequest::parse("{}").error().code, QStringLiteral("licence_request_malformed"));
        QCOMPARE(ExpressDeactivation::parse("[]").error().code, QStringLiteral("licence_deactivation_malformed"));
    }

    void requestFilesRoundTrip() {
        const Ed25519Key key = developmentKey(1);
        LicenceDocument express = sample();
        express.edition = QStringLiteral("express");
        express.features = {};
        express.channels = 8;
        ExpressDeactivation deactivation;
        deactivation.licence = LicenceVerifier::sign(express, key).value();
        deactivation.platformId = QStringLiteral("platform-1");
        deactivation.fingerprint = express.fingerprint;
        deactivation.deactivatedMs = 1750000000000;
        LicenceRequest request;
        request.platformId = QStringLiteral("platform-1");
        request.platformName = QStringLiteral("Harbour");
        request.fingerprint = express.fingerprint;
        request.activationCode = QStringLiteral("VGL-ZZZZZ-YYYYY-XXXXX-WWWWW");
        request.createdMs = 1750000000000;
        request.expressDeactivation = deactivation;
        auto parsed = LicenceRequest::parse(request.toFile());
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->toJson(), request.toJson());
        // The deactivation file's licence still verifies after the trip.
        QVERIFY(LicenceVerifier(VendorKeys::builtIn()).checkSignature(parsed->expressDeactivation->licence).ok());
        QCOMPARE(normaliseActivationCode(QStringLiteral(" vgl-zzzzz-yyyyy ")), QStringLiteral("VGL-ZZZZZ-YYYYY"));
    }
};

QTEST_GUILESS_MAIN(TestLicenceCore)
#include "tst_licence_core.moc"
