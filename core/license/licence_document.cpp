#include "license/licence_document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include "model/json_fields.h"

namespace vigil::core::license {

using model::FieldReader;

namespace {
constexpr auto kMalformed = "licence_malformed";
const QString kContext = QStringLiteral("licence");

Error malformed(const QString& field, const QString& problem) {
    return Error::make(QLatin1String(kMalformed),
                       QStringLiteral("The licence is not valid: \"%1\" %2. Ask the vendor for a new activation "
                                      "file; do not edit the one you have.")
                           .arg(field, problem));
}
}  // namespace

bool isActivationCode(const QString& code) {
    static const QRegularExpression kPattern(QStringLiteral("^[A-Z0-9]{2,8}(-[A-Z0-9]{2,8}){1,8}$"));
    return kPattern.match(code).hasMatch();
}

QString normaliseActivationCode(const QString& code) {
    QString result = code.trimmed().toUpper();
    result.remove(QLatin1Char(' '));
    return result;
}

const QStringList& Editions::all() {
    static const QStringList kAll = {QLatin1String(kTrial), QLatin1String(kExpress), QLatin1String(kPro)};
    return kAll;
}

QString Editions::displayName(const QString& edition) {
    if (edition == QLatin1String(kExpress)) {
        return QStringLiteral("Express");
    }
    if (edition == QLatin1String(kPro)) {
        return QStringLiteral("Pro");
    }
    if (edition == QLatin1String(kTrial)) {
        return QStringLiteral("Trial");
    }
    return edition;
}

const QStringList& Features::all() {
    static const QStringList kAll = {QLatin1String(kCascadeParent), QLatin1String(kDistributed),
                                     QLatin1String(kHotStandby), QLatin1String(kVideoWall)};
    return kAll;
}

QStringList Features::allowedFor(const QString& edition) {
    if (edition == QLatin1String(Editions::kExpress)) {
        return {QLatin1String(kVideoWall)};
    }
    return all();
}

Error recode(const Error& error, const QString& code) {
    return Error::make(code, error.message);
}

Result<QJsonObject> parseJsonObject(const QByteArray& bytes, const QString& what, const QString& code,
                                    qsizetype maxBytes) {
    if (bytes.size() > maxBytes) {
        return Error::make(code, QStringLiteral("The %1 is %2 bytes, more than the %3 it can be. Choose the file the "
                                                "vendor or Vigil made.")
                                     .arg(what)
                                     .arg(bytes.size())
                                     .arg(maxBytes));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error::make(code, QStringLiteral("The %1 is not a JSON object (%2 at byte %3). Choose the file the "
                                                "vendor or Vigil made, unchanged.")
                                     .arg(what,
                                          parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                       : QStringLiteral("not an object"))
                                     .arg(parseError.offset));
    }
    return document.object();
}

QJsonObject LicenceDocument::toJson() const {
    QStringList sortedFeatures = features;
    sortedFeatures.sort();
    return QJsonObject{{QStringLiteral("licenceId"), licenceId},
                       {QStringLiteral("licensee"), licensee},
                       {QStringLiteral("platformId"), platformId},
                       {QStringLiteral("fingerprint"), fingerprint.toJson()},
                       {QStringLiteral("edition"), edition},
                       {QStringLiteral("channels"), channels},
                       {QStringLiteral("features"), QJsonArray::fromStringList(sortedFeatures)},
                       {QStringLiteral("issuedMs"), issuedMs},
                       {QStringLiteral("expiresMs"), expiresMs},
                       {QStringLiteral("activationCodes"), QJsonArray::fromStringList(activationCodes)},
                       {QStringLiteral("upgradedFrom"), upgradedFrom}};
}

QByteArray LicenceDocument::canonicalBytes() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QStringList LicenceDocument::effectiveFeatures() const {
    const QStringList allowed = Features::allowedFor(edition);
    QStringList effective;
    for (const QString& feature : features) {
        if (allowed.contains(feature)) {
            effective.append(feature);
        }
    }
    return effective;
}

Result<LicenceDocument> LicenceDocument::fromJson(const QJsonObject& json) {
    FieldReader read(json, kContext, FieldReader::Mode::Request);
    LicenceDocument doc;
    doc.licenceId = read.string(QStringLiteral("licenceId"));
    doc.licensee = read.string(QStringLiteral("licensee"));
    doc.platformId = read.string(QStringLiteral("platformId"));
    const QJsonObject fingerprint = read.object(QStringLiteral("fingerprint"));
    doc.edition = read.string(QStringLiteral("edition"));
    doc.channels = read.smallInteger(QStringLiteral("channels"));
    doc.features = read.stringList(QStringLiteral("features"));
    doc.issuedMs = read.integer(QStringLiteral("issuedMs"));
    doc.expiresMs = read.integer(QStringLiteral("expiresMs"));
    doc.activationCodes = read.stringList(QStringLiteral("activationCodes"));
    doc.upgradedFrom = read.string(QStringLiteral("upgradedFrom"));
    if (!read.finish()) {
        return recode(read.error(), QLatin1String(kMalformed));
    }
    auto parsedFingerprint = MachineFingerprint::fromJson(fingerprint);
    if (!parsedFingerprint) {
        return recode(parsedFingerprint.error(), QLatin1String(kMalformed));
    }
    doc.fingerprint = parsedFingerprint.value();
    for (const QString* text : {&doc.licenceId, &doc.licensee, &doc.platformId, &doc.upgradedFrom}) {
        if (!text->isValidUtf16()) {
            // A lone surrogate would not survive the trip to UTF-8 and back: the signed bytes would change.
            return malformed(QStringLiteral("text"), QStringLiteral("holds characters that are not valid Unicode"));
        }
        if (text->size() > LicenceLimits::kMaxTextLength) {
            return malformed(QStringLiteral("text"), QStringLiteral("is longer than %1 characters").arg(LicenceLimits::kMaxTextLength));
        }
    }
    if (doc.licenceId.isEmpty() || doc.platformId.isEmpty()) {
        return malformed(QStringLiteral("licenceId/platformId"), QStringLiteral("is empty"));
    }
    if (doc.edition != QLatin1String(Editions::kExpress) && doc.edition != QLatin1String(Editions::kPro)) {
        return malformed(QStringLiteral("edition"), QStringLiteral("is \"%1\", not express or pro").arg(doc.edition.left(32)));
    }
    const int maxChannels = doc.edition == QLatin1String(Editions::kExpress) ? LicenceLimits::kExpressMaxChannels
                                                                              : LicenceLimits::kMaxChannels;
    if (doc.channels < 1 || doc.channels > maxChannels) {
        return malformed(QStringLiteral("channels"), QStringLiteral("is %1, not between 1 and %2 for this edition")
                                                         .arg(doc.channels)
                                                         .arg(maxChannels));
    }
    for (const QString& feature : std::as_const(doc.features)) {
        if (!Features::all().contains(feature)) {
            return malformed(QStringLiteral("features"), QStringLiteral("names an unknown feature \"%1\"").arg(feature.left(32)));
        }
    }
    if (doc.features.size() != QSet<QString>(doc.features.cbegin(), doc.features.cend()).size()) {
        return malformed(QStringLiteral("features"), QStringLiteral("names a feature twice"));
    }
    if (doc.issuedMs <= 0 || doc.expiresMs < 0 || (doc.expiresMs != 0 && doc.expiresMs <= doc.issuedMs)) {
        return malformed(QStringLiteral("issuedMs/expiresMs"), QStringLiteral("do not make a valid period"));
    }
    if (doc.activationCodes.isEmpty() || doc.activationCodes.size() > LicenceLimits::kMaxCodes) {
        return malformed(QStringLiteral("activationCodes"), QStringLiteral("must list between 1 and %1 codes").arg(LicenceLimits::kMaxCodes));
    }
    for (const QString& code : std::as_const(doc.activationCodes)) {
        if (!isActivationCode(code)) {
            return malformed(QStringLiteral("activationCodes"), QStringLiteral("holds something that is not an activation code"));
        }
    }
    if (!doc.upgradedFrom.isEmpty() && !isActivationCode(doc.upgradedFrom)) {
        return malformed(QStringLiteral("upgradedFrom"), QStringLiteral("is not an activation code"));
    }
    doc.features.sort();
    return doc;
}

QJsonObject SignedLicence::toJson() const {
    QJsonObject json{{QStringLiteral("format"), QLatin1String(kFormat)},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("licence"), licence.toJson()}};
    if (signature) {
        json.insert(QStringLiteral("signature"), signature->toJson());
    }
    return json;
}

QByteArray SignedLicence::toFile() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

QJsonObject LicenceSignature::toJson() const {
    return QJsonObject{{QStringLiteral("algorithm"), algorithm},
                       {QStringLiteral("keyId"), keyId},
                       {QStringLiteral("value"), QString::fromLatin1(value.toBase64())}};
}

Result<LicenceSignature> readSignature(const QJsonObject& json, const QString& code) {
    FieldReader sig(json, QStringLiteral("signature"), FieldReader::Mode::Request);
    LicenceSignature parsed;
    parsed.algorithm = sig.string(QStringLiteral("algorithm"));
    parsed.keyId = sig.string(QStringLiteral("keyId"));
    const QString value = sig.string(QStringLiteral("value"));
    if (!sig.finish()) {
        return recode(sig.error(), code);
    }
    auto decoded = QByteArray::fromBase64Encoding(value.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || parsed.algorithm != QLatin1String("Ed25519") || decoded.decoded.size() != 64 ||
        parsed.keyId.size() != 16) {
        return Error::make(code, QStringLiteral("The file's signature is not an Ed25519 signature (64 bytes in base64) "
                                                "with a 16-digit key id. Use the file exactly as the vendor made it."));
    }
    parsed.value = decoded.decoded;
    return parsed;
}

Result<SignedLicence> SignedLicence::parse(const QByteArray& bytes) {
    auto json = parseJsonObject(bytes, QStringLiteral("activation file"), QLatin1String(kMalformed), kMaxFileBytes);
    if (!json) {
        return json.error();
    }
    return fromJson(json.value());
}

Result<SignedLicence> SignedLicence::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("activation file"), FieldReader::Mode::Request);
    const QString format = read.string(QStringLiteral("format"));
    const qint64 version = read.integer(QStringLiteral("version"));
    const QJsonObject licence = read.object(QStringLiteral("licence"));
    const bool signedFile = read.has(QStringLiteral("signature"));
    const QJsonObject signature = signedFile ? read.object(QStringLiteral("signature")) : QJsonObject{};
    if (!read.finish()) {
        return recode(read.error(), QLatin1String(kMalformed));
    }
    if (format != QLatin1String(kFormat)) {
        return Error::make(QLatin1String(kMalformed),
                           QStringLiteral("This is not a Vigil activation file (its format is \"%1\"). Choose the "
                                          "file the vendor returned for your request.")
                               .arg(format.left(40)));
    }
    if (version != kVersion) {
        return Error::make(QLatin1String(kMalformed),
                           QStringLiteral("The activation file has version %1; this Vigil reads version %2. Update "
                                          "Vigil or ask the vendor for a file of version %2.")
                               .arg(version)
                               .arg(kVersion));
    }
    auto document = LicenceDocument::fromJson(licence);
    if (!document) {
        return document.error();
    }
    SignedLicence result;
    result.licence = document.value();
    if (signedFile) {
        auto parsed = readSignature(signature, QLatin1String(kMalformed));
        if (!parsed) {
            return parsed.error();
        }
        result.signature = parsed.value();
    }
    return result;
}

}  // namespace vigil::core::license
