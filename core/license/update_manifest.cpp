#include "license/update_manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "license/licence_document.h"
#include "model/json_fields.h"

namespace vigil::core::license {

using model::FieldReader;

namespace {

constexpr auto kMalformed = "update_manifest_malformed";

Error malformed(const QString& field, const QString& problem) {
    return Error::make(
        QLatin1String(kMalformed),
        QStringLiteral("The update manifest is not one Vigil can read: %1 %2. Import the file the "
                       "vendor published, unchanged.")
            .arg(field, problem));
}

Release readRelease(FieldReader& read) {
    Release release;
    release.version = read.string(QStringLiteral("version"));
    release.releasedMs = read.integer(QStringLiteral("releasedMs"));
    release.notes = read.string(QStringLiteral("notes"));
    return release;
}

// Checks what a FieldReader cannot: lengths and the version's shape.
Status checkRelease(const Release& release, const QString& where) {
    if (release.version.isEmpty() || release.version.size() > 64 ||
        !compareVersions(release.version, release.version)) {
        return malformed(where + QStringLiteral(".version"),
                         QStringLiteral("is not a version with numbers (\"1.4.2\")"));
    }
    if (release.notes.size() > UpdateManifest::kMaxTextLength || release.releasedMs < 0) {
        return malformed(where, QStringLiteral("has notes longer than %1 characters or a negative date")
                                    .arg(UpdateManifest::kMaxTextLength));
    }
    return {};
}

}  // namespace

QJsonObject Release::toJson() const {
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("releasedMs"), releasedMs},
                       {QStringLiteral("notes"), notes}};
}

QJsonObject FirmwareRelease::toJson() const {
    QJsonObject json = release.toJson();
    json.insert(QStringLiteral("manufacturer"), manufacturer);
    json.insert(QStringLiteral("model"), model);
    return json;
}

QJsonObject UpdateManifest::manifestJson() const {
    return QJsonObject{{QStringLiteral("issuedMs"), issuedMs},
                       {QStringLiteral("platform"), platform.toJson()},
                       {QStringLiteral("client"), client.toJson()},
                       {QStringLiteral("firmware"), model::toJsonArray(firmware)}};
}

QByteArray UpdateManifest::canonicalBytes() const {
    return QJsonDocument(manifestJson()).toJson(QJsonDocument::Compact);
}

QByteArray UpdateManifest::toFile() const {
    QJsonObject json{{QStringLiteral("format"), QLatin1String(kFormat)},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("manifest"), manifestJson()}};
    if (!signature.isEmpty()) {
        json.insert(QStringLiteral("signature"),
                    LicenceSignature{QStringLiteral("Ed25519"), keyId, signature}.toJson());
    }
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

const FirmwareRelease* UpdateManifest::firmwareFor(const QString& manufacturer, const QString& model) const {
    for (const FirmwareRelease& entry : firmware) {
        if (entry.manufacturer.compare(manufacturer, Qt::CaseInsensitive) == 0 &&
            entry.model.compare(model, Qt::CaseInsensitive) == 0) {
            return &entry;
        }
    }
    return nullptr;
}

Result<UpdateManifest> UpdateManifest::parse(const QByteArray& bytes) {
    auto json =
        parseJsonObject(bytes, QStringLiteral("update manifest"), QLatin1String(kMalformed), kMaxFileBytes);
    if (!json) {
        return json.error();
    }
    FieldReader read(json.value(), QStringLiteral("update manifest"), FieldReader::Mode::Request);
    const QString format = read.string(QStringLiteral("format"));
    const qint64 version = read.integer(QStringLiteral("version"));
    const QJsonObject body = read.object(QStringLiteral("manifest"));
    const bool signedFile = read.has(QStringLiteral("signature"));
    const QJsonObject signature = signedFile ? read.object(QStringLiteral("signature")) : QJsonObject{};
    if (!read.finish()) {
        return recode(read.error(), QLatin1String(kMalformed));
    }
    if (format != QLatin1String(kFormat) || version != kVersion) {
        return malformed(QStringLiteral("its format"),
                         QStringLiteral("is \"%1\" version %2, not \"%3\" version %4")
                             .arg(format.left(40))
                             .arg(version)
                             .arg(QLatin1String(kFormat))
                             .arg(kVersion));
    }
    UpdateManifest manifest;
    FieldReader fields(body, QStringLiteral("manifest"), FieldReader::Mode::Request);
    manifest.issuedMs = fields.integer(QStringLiteral("issuedMs"));
    manifest.platform =
        model::nested(fields, QStringLiteral("platform"), QStringLiteral("manifest platform"), &readRelease);
    manifest.client =
        model::nested(fields, QStringLiteral("client"), QStringLiteral("manifest client"), &readRelease);
    const QJsonArray firmware = fields.array(QStringLiteral("firmware"));
    if (firmware.size() > kMaxFirmware) {
        return malformed(QStringLiteral("firmware"),
                         QStringLiteral("lists more than %1 models").arg(kMaxFirmware));
    }
    for (qsizetype i = 0; fields.ok() && i < firmware.size(); ++i) {
        FieldReader entry(firmware.at(i).toObject(), QStringLiteral("manifest firmware %1").arg(i),
                          FieldReader::Mode::Request);
        FirmwareRelease release;
        release.manufacturer = entry.string(QStringLiteral("manufacturer"));
        release.model = entry.string(QStringLiteral("model"));
        release.release = readRelease(entry);
        if (!firmware.at(i).isObject()) {
            entry.fail(QStringLiteral("firmware"), QStringLiteral("an object"), firmware.at(i));
        }
        if (!entry.finish()) {
            return recode(entry.error(), QLatin1String(kMalformed));
        }
        if (release.model.isEmpty() || release.model.size() > 128 || release.manufacturer.size() > 128) {
            return malformed(QStringLiteral("firmware %1").arg(i),
                             QStringLiteral("needs a model (and manufacturer) of at most 128 characters"));
        }
        if (Status checked = checkRelease(release.release, QStringLiteral("firmware %1").arg(i)); !checked) {
            return checked.error();
        }
        manifest.firmware.append(release);
    }
    if (!fields.finish()) {
        return recode(fields.error(), QLatin1String(kMalformed));
    }
    for (const auto& [release, where] : {std::pair{&manifest.platform, QStringLiteral("platform")},
                                         std::pair{&manifest.client, QStringLiteral("client")}}) {
        if (Status checked = checkRelease(*release, where); !checked) {
            return checked.error();
        }
    }
    if (signedFile) {
        auto parsed = readSignature(signature, QLatin1String(kMalformed));
        if (!parsed) {
            return parsed.error();
        }
        manifest.keyId = parsed->keyId;
        manifest.signature = parsed->value;
    }
    return manifest;
}

std::optional<int> compareVersions(const QString& installed, const QString& latest) {
    static const QRegularExpression kNumbers(QStringLiteral("^\\s*[vV]?(\\d+(?:\\.\\d+)*)"));
    const auto a = kNumbers.match(installed);
    const auto b = kNumbers.match(latest);
    if (!a.hasMatch() || !b.hasMatch()) {
        return std::nullopt;
    }
    const QStringList left = a.captured(1).split(QLatin1Char('.'));
    const QStringList right = b.captured(1).split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        // Compared as digit strings without leading zeros, so no number is too long to compare.
        QString x = i < left.size() ? left.at(i) : QStringLiteral("0");
        QString y = i < right.size() ? right.at(i) : QStringLiteral("0");
        while (x.size() > 1 && x.startsWith(QLatin1Char('0'))) {
            x.remove(0, 1);
        }
        while (y.size() > 1 && y.startsWith(QLatin1Char('0'))) {
            y.remove(0, 1);
        }
        if (x.size() != y.size()) {
            return x.size() < y.size() ? -1 : 1;
        }
        if (const int order = x.compare(y); order != 0) {
            return order < 0 ? -1 : 1;
        }
    }
    return 0;
}

QString versionState(const QString& installed, const Release* latest) {
    if (!latest) {
        return QLatin1String(VersionCheck::kUnknown);
    }
    const auto order = compareVersions(installed, latest->version);
    if (!order) {
        return QLatin1String(VersionCheck::kUnknown);
    }
    return QLatin1String(*order < 0 ? VersionCheck::kUpdateAvailable : VersionCheck::kUpToDate);
}

}  // namespace vigil::core::license
