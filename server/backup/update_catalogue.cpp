#include "backup/update_catalogue.h"

#include <QDateTime>
#include <QJsonArray>

#include "engine/settings_repository.h"

namespace vigil::server {

using core::Error;
using core::Status;
using core::license::Release;
using core::license::UpdateManifest;

namespace {

constexpr auto kImportedKey = "updates.manifest_imported_ms";

QJsonObject comparison(const QString& installed, const Release* latest) {
    return QJsonObject{{QStringLiteral("installed"), installed},
                       {QStringLiteral("latest"), latest ? latest->version : QString()},
                       {QStringLiteral("releasedMs"), latest ? latest->releasedMs : 0},
                       {QStringLiteral("notes"), latest ? latest->notes : QString()},
                       {QStringLiteral("state"), core::license::versionState(installed, latest)}};
}

}  // namespace

UpdateCatalogue::UpdateCatalogue(SettingsRepository& settings, AccountsService& accounts,
                                 const core::Clock& clock, core::license::VendorKeys keys,
                                 DeviceLister devices)
    : m_settings(settings),
      m_accounts(accounts),
      m_clock(clock),
      m_verifier(std::move(keys)),
      m_devices(std::move(devices)) {}

Status UpdateCatalogue::import(const Actor& actor, const QByteArray& file) {
    auto parsed = UpdateManifest::parse(file);
    if (!parsed) {
        return parsed.error();
    }
    if (Status trusted = m_verifier.verify(parsed.value()); !trusted) {
        m_accounts.record(QStringLiteral("update"), actor, QStringLiteral("manifest"),
                          QStringLiteral("update manifest refused: %1").arg(trusted.error().code));
        return trusted;
    }
    if (const auto kept = manifest(); kept && kept->issuedMs > parsed->issuedMs) {
        return Error::make(
            QStringLiteral("update_manifest_older"),
            QStringLiteral("This manifest was issued %1, before the one already imported (%2): it "
                           "would hide newer versions. Import the vendor's latest manifest.")
                .arg(QDateTime::fromMSecsSinceEpoch(parsed->issuedMs, Qt::UTC).toString(Qt::ISODate),
                     QDateTime::fromMSecsSinceEpoch(kept->issuedMs, Qt::UTC).toString(Qt::ISODate)));
    }
    if (Status saved = m_settings.setValue(QLatin1String(kManifestKey), QString::fromUtf8(parsed->toFile()));
        !saved) {
        return saved;
    }
    if (Status saved = m_settings.setValue(QLatin1String(kImportedKey), QString::number(m_clock.nowMs()));
        !saved) {
        return saved;
    }
    m_accounts.record(
        QStringLiteral("update"), actor, QStringLiteral("manifest"),
        QStringLiteral("update manifest imported: platform %1, client %2, %3 firmware models, signed by %4")
            .arg(parsed->platform.version, parsed->client.version)
            .arg(parsed->firmware.size())
            .arg(parsed->keyId));
    return {};
}

std::optional<UpdateManifest> UpdateCatalogue::manifest() const {
    auto stored = m_settings.value(QLatin1String(kManifestKey));
    if (!stored || !stored.value()) {
        return std::nullopt;
    }
    auto parsed = UpdateManifest::parse(stored.value()->toUtf8());
    if (!parsed || !m_verifier.verify(parsed.value())) {
        return std::nullopt;  // a key this build no longer trusts, or a changed row: not believed
    }
    return parsed.value();
}

QJsonObject UpdateCatalogue::status(const QString& clientVersion) const {
    const std::optional<UpdateManifest> kept = manifest();
    const QString platformVersion = QStringLiteral(VIGIL_VERSION);
    QJsonObject result{
        {QStringLiteral("platform"), comparison(platformVersion, kept ? &kept->platform : nullptr)},
        {QStringLiteral("client"), comparison(clientVersion.isEmpty() ? platformVersion : clientVersion,
                                              kept ? &kept->client : nullptr)},
    };
    if (kept) {
        auto imported = m_settings.integer(QLatin1String(kImportedKey));
        result.insert(QStringLiteral("manifest"),
                      QJsonObject{{QStringLiteral("issuedMs"), kept->issuedMs},
                                  {QStringLiteral("keyId"), kept->keyId},
                                  {QStringLiteral("importedMs"),
                                   imported && imported.value() ? *imported.value() : 0}});
    } else {
        result.insert(QStringLiteral("manifest"), QJsonValue::Null);
    }
    QJsonArray devices;
    if (auto listed = m_devices(); listed) {
        for (const core::model::Device& device : listed.value()) {
            const core::license::FirmwareRelease* latest =
                kept ? kept->firmwareFor(device.manufacturer, device.model) : nullptr;
            QJsonObject entry = comparison(device.firmware, latest ? &latest->release : nullptr);
            entry.insert(QStringLiteral("deviceId"), device.id);
            entry.insert(QStringLiteral("name"), device.name);
            entry.insert(QStringLiteral("manufacturer"), device.manufacturer);
            entry.insert(QStringLiteral("model"), device.model);
            devices.append(entry);
        }
    }
    result.insert(QStringLiteral("devices"), devices);
    return result;
}

}  // namespace vigil::server
