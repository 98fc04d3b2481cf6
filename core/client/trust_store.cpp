#include "client/trust_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "common/logging.h"
#include "security/certificate_authority.h"

namespace vigil::core::client {

namespace {
constexpr int kFormatVersion = 1;

QJsonObject toJson(const QString& site, const PinnedAuthority& pin) {
    return QJsonObject{{QStringLiteral("site"), site},
                       {QStringLiteral("pem"), QString::fromLatin1(pin.certificate.toPem())},
                       {QStringLiteral("fingerprint"), pin.fingerprint},
                       {QStringLiteral("firstSeenMs"), pin.firstSeenMs}};
}
}  // namespace

TrustStore::TrustStore(QString filePath) : m_filePath(std::move(filePath)) {
    load();
}

QString TrustStore::siteKey(const QString& host, quint16 port) {
    // IPv6 literals get brackets so "host:port" stays unambiguous.
    const QString h = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
                          ? QLatin1Char('[') + host + QLatin1Char(']')
                          : host;
    return h.toLower() + QLatin1Char(':') + QString::number(port);
}

void TrustStore::load() {
    QFile file(m_filePath);
    if (!file.exists()) {
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadProblem = QStringLiteral(
                            "Cannot read the pinned certificates in %1 (%2). Sites will ask to be "
                            "trusted again; check the file's permissions.")
                            .arg(m_filePath, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        m_loadProblem = QStringLiteral(
                            "The pinned certificates file %1 is damaged (%2). Sites will ask to be "
                            "trusted again.")
                            .arg(m_filePath, parseError.errorString());
        return;
    }
    const QJsonArray sites = document.object().value(QStringLiteral("sites")).toArray();
    for (const QJsonValue& value : sites) {
        const QJsonObject entry = value.toObject();
        const QString site = entry.value(QStringLiteral("site")).toString();
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromData(entry.value(QStringLiteral("pem")).toString().toLatin1(), QSsl::Pem);
        if (site.isEmpty() || certificates.isEmpty()) {
            qCWarning(lcClient) << "skipping an unreadable pin in" << m_filePath;
            continue;
        }
        PinnedAuthority pin;
        pin.certificate = certificates.first();
        // Recomputed rather than trusted from the file: the fingerprint shown must match the PEM.
        pin.fingerprint = security::CertificateAuthority::fingerprint(pin.certificate);
        pin.firstSeenMs = entry.value(QStringLiteral("firstSeenMs")).toInteger();
        m_pins.insert(site, pin);
    }
}

Status TrustStore::save() const {
    QJsonArray sites;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it) {
        sites.append(toJson(it.key(), it.value()));
    }
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion}, {QStringLiteral("sites"), sites}};

    const QString dir = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(dir)) {
        return Error::make(
            QStringLiteral("trust_store_write_failed"),
            QStringLiteral("Cannot create the folder %1 for pinned certificates. Check that the "
                           "disk is writable.")
                .arg(dir));
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(
            QStringLiteral("trust_store_write_failed"),
            QStringLiteral("Cannot write the pinned certificates to %1 (%2). Check that the disk "
                           "is writable and not full.")
                .arg(m_filePath, file.errorString()));
    }
    // Owner only before any content lands: the file says which servers this user trusts.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Error::make(
            QStringLiteral("trust_store_write_failed"),
            QStringLiteral("Cannot save the pinned certificates to %1 (%2). Check that the disk "
                           "is writable and not full.")
                .arg(m_filePath, file.errorString()));
    }
    return {};
}

Status TrustStore::pin(const QString& site, const QSslCertificate& authority) {
    if (authority.isNull()) {
        return Error::make(
            QStringLiteral("trust_store_empty_certificate"),
            QStringLiteral("No certificate to pin for %1: connect to the site again.").arg(site));
    }
    const QString fingerprint = security::CertificateAuthority::fingerprint(authority);
    const auto existing = m_pins.constFind(site);
    if (existing != m_pins.cend() && existing->fingerprint == fingerprint) {
        return {};  // keeps the original first-seen time
    }
    m_pins.insert(site, PinnedAuthority{authority, fingerprint, QDateTime::currentMSecsSinceEpoch()});
    qCInfo(lcClient).noquote() << "pinned the certificate authority of" << site << fingerprint;
    return save();
}

std::optional<PinnedAuthority> TrustStore::pinnedCa(const QString& site) const {
    const auto it = m_pins.constFind(site);
    if (it == m_pins.cend()) {
        return std::nullopt;
    }
    return *it;
}

Status TrustStore::forget(const QString& site) {
    if (m_pins.remove(site) == 0) {
        return {};
    }
    qCInfo(lcClient).noquote() << "forgot the certificate authority of" << site;
    return save();
}

}  // namespace vigil::core::client
