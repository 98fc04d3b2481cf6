#include "tls/certificate_manager.h"

#include <QDateTime>
#include <QJsonObject>

#include "engine/settings_repository.h"
#include "security/certificate_authority.h"
#include "security/certificate_import.h"
#include "server_logging.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::CertificateInfo;
using core::model::CertificateStatus;
using core::security::CertificateAuthority;
using core::security::CertificateSubject;

namespace {

constexpr auto kSettingWarningDays = "tls.expiry_warning_days";
constexpr qint64 kDayMs = 86400000;

}  // namespace

CertificateManager::CertificateManager(core::store::Database& db, SettingsRepository& settings,
                                       const core::Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_settings(settings), m_clock(clock) {
    connect(&m_expiryTimer, &QTimer::timeout, this, &CertificateManager::checkExpiry);
}

Status CertificateManager::load(const QString& serverName, const QHostAddress& listenAddress) {
    m_serverName = serverName;
    m_listenAddress = listenAddress;
    TlsMaterialRepository repository(m_db);
    auto material = repository.loadOrCreate(serverName, listenAddress);
    if (!material) {
        return material.error();
    }
    m_material = material.value();
    return {};
}

QStringList CertificateManager::platformNames() const {
    return CertificateAuthority::localDnsNames();
}

QList<QHostAddress> CertificateManager::platformAddresses() const {
    return TlsMaterialRepository::coveredAddresses(m_listenAddress);
}

int CertificateManager::warningDays() const {
    auto stored = m_settings.integer(QLatin1String(kSettingWarningDays));
    const bool valid = stored && stored.value() && *stored.value() >= 1 && *stored.value() <= 365;
    return valid ? static_cast<int>(*stored.value()) : core::model::CertificateSettings::kDefaultWarningDays;
}

CertificateStatus CertificateManager::status() const {
    const qint64 now = m_clock.nowMs();
    CertificateStatus status;
    status.server = CertificateInfo::of(m_material.server.certificate, now);
    status.source = QLatin1String(m_material.imported ? CertificateStatus::kSourceImported
                                                      : CertificateStatus::kSourcePlatform);
    for (const QSslCertificate& issuer : m_material.issuers) {
        status.chain.append(CertificateInfo::of(issuer, now));
    }
    status.authority = CertificateInfo::of(m_material.authority.certificate, now);
    status.expiryWarningDays = warningDays();
    status.expiring = status.server.notAfterMs - now <= qint64(status.expiryWarningDays) * kDayMs;
    return status;
}

Result<CertificateStatus> CertificateManager::createServerCertificate(
    const core::model::ServerCertificateRequest& request) {
    CertificateSubject subject{request.commonName.isEmpty() ? m_serverName : request.commonName};
    if (!request.organization.isEmpty()) {
        subject.organization = request.organization;
    }
    subject.organizationalUnit = request.organizationalUnit;
    subject.country = request.country;
    subject.state = request.state;
    subject.locality = request.locality;
    QStringList names = platformNames();
    for (const QString& name : request.names) {
        if (!names.contains(name, Qt::CaseInsensitive)) {
            names.append(name);
        }
    }
    QList<QHostAddress> addresses = platformAddresses();
    for (const QString& text : request.addresses) {
        if (const QHostAddress address(text); !addresses.contains(address)) {
            addresses.append(address);
        }
    }
    auto issued = CertificateAuthority::issueServerCertificate(m_material.authority, subject, names, addresses,
                                                               request.validDays);
    if (!issued) {
        return issued.error();
    }
    TlsMaterialRepository repository(m_db);
    if (Status saved = repository.replaceServer(issued.value()); !saved) {
        return saved.error();
    }
    TlsMaterial material = m_material;
    material.server = issued.value();
    material.issuers = {m_material.authority.certificate};
    material.imported = false;
    replaced(material);
    qCInfo(lcHttp).noquote() << "made a new server certificate for" << names.join(QLatin1Char(','))
                             << CertificateAuthority::fingerprint(issued->certificate);
    return status();
}

Result<CertificateStatus> CertificateManager::importCertificate(const core::model::CertificateImportRequest& request) {
    auto bundle = core::security::CertificateImport::check(request.certificatePem, request.keyPem, platformNames(),
                                                           platformAddresses(), m_clock.nowMs());
    if (!bundle) {
        return bundle.error();
    }
    TlsMaterialRepository repository(m_db);
    if (Status saved = repository.saveImported(bundle.value()); !saved) {
        return saved.error();
    }
    TlsMaterial material = m_material;
    material.server = core::security::CertifiedKey{bundle->leaf, bundle->key};
    material.issuers = bundle->issuers;
    material.imported = true;
    replaced(material);
    qCInfo(lcHttp).noquote() << "imported the server certificate" << CertificateAuthority::fingerprint(bundle->leaf)
                             << "for" << bundle->covered.join(QLatin1Char(','));
    return status();
}

Status CertificateManager::setSettings(const core::model::CertificateSettings& settings) {
    if (Status saved = m_settings.setValue(QLatin1String(kSettingWarningDays),
                                           QString::number(settings.expiryWarningDays));
        !saved) {
        return saved;
    }
    checkExpiry();
    return {};
}

void CertificateManager::replaced(TlsMaterial material) {
    m_material = std::move(material);
    emit certificateChanged();
    checkExpiry();
}

void CertificateManager::startExpiryChecks() {
    m_expiryTimer.start(kCheckIntervalMs);
    checkExpiry();
}

void CertificateManager::checkExpiry() {
    const CertificateStatus current = status();
    if (!current.expiring || !m_eventSink) {
        return;
    }
    const qint64 day = m_clock.nowMs() / kDayMs;
    const QString warning = QStringLiteral("%1 %2").arg(current.server.fingerprint, QString::number(day));
    if (warning == m_lastWarning) {
        return;
    }
    m_lastWarning = warning;
    const bool expired = current.server.daysLeft < 0 || current.server.notAfterMs <= m_clock.nowMs();
    const bool imported = current.source == QLatin1String(CertificateStatus::kSourceImported);
    core::model::Event event;
    event.sourceType = QLatin1String(core::model::EventSourceTypes::kServer);
    event.sourceName = QStringLiteral("certificates");
    event.kind = QLatin1String(core::model::EventKinds::kCertificate);
    event.severity = QLatin1String(expired ? core::model::EventSeverities::kCritical
                                           : core::model::EventSeverities::kWarning);
    const QString what = expired ? QStringLiteral("expired on %1 (UTC)")
                                       .arg(QDateTime::fromMSecsSinceEpoch(current.server.notAfterMs, Qt::UTC)
                                                .toString(Qt::ISODate))
                                 : QStringLiteral("expires in %1 days").arg(current.server.daysLeft);
    const QString todo = imported ? QStringLiteral("Import a renewed certificate from its CA.")
                                  : QStringLiteral("Make a new server certificate (Settings, HTTPS).");
    event.message = QStringLiteral("The server certificate \"%1\" %2. %3").arg(current.server.commonName, what, todo);
    event.details = QJsonObject{{QStringLiteral("daysLeft"), current.server.daysLeft},
                                {QStringLiteral("notAfterMs"), current.server.notAfterMs},
                                {QStringLiteral("fingerprint"), current.server.fingerprint},
                                {QStringLiteral("source"), current.source}};
    m_eventSink(event);
}

}  // namespace vigil::server
