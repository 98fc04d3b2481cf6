#pragma once
// CertificateManager: the platform's TLS material while the engine runs (SEC-2.3). Holds the platform
// CA and the server certificate in use with the chain sent after it; makes a new platform-signed
// server certificate with the subject fields people give and the platform's names and addresses;
// imports a CA-signed certificate and key only after CertificateImport passed them, replacing nothing
// otherwise; warns (a `certificate` event) when the certificate in use comes within the warning days
// of its expiry, once a day. certificateChanged() tells the HTTPS gateway to serve the new one to the
// next connections; no restart.

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <functional>

#include "common/clock.h"
#include "common/result.h"
#include "engine/tls_material_repository.h"
#include "model/certificate_model.h"
#include "model/event_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class SettingsRepository;

class CertificateManager : public QObject {
    Q_OBJECT
public:
    static constexpr int kCheckIntervalMs = 60 * 60 * 1000;  // hourly; warns at most once a day

    CertificateManager(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                       QObject* parent = nullptr);

    // Loads the material, making the CA and a server certificate when there are none (first start).
    core::Status load(const QString& serverName, const QHostAddress& listenAddress);

    const TlsMaterial& material() const { return m_material; }
    core::model::CertificateStatus status() const;

    core::Result<core::model::CertificateStatus> createServerCertificate(
        const core::model::ServerCertificateRequest& request);
    core::Result<core::model::CertificateStatus> importCertificate(const core::model::CertificateImportRequest& request);
    core::Status setSettings(const core::model::CertificateSettings& settings);

    // The names and addresses the server certificate should cover here.
    QStringList platformNames() const;
    QList<QHostAddress> platformAddresses() const;

    // Starts the hourly expiry check (and checks now).
    void startExpiryChecks();
    void checkExpiry();
    void setEventSink(std::function<void(core::model::Event)> sink) { m_eventSink = std::move(sink); }

signals:
    void certificateChanged();

private:
    int warningDays() const;
    void replaced(TlsMaterial material);

    core::store::Database& m_db;
    SettingsRepository& m_settings;
    const core::Clock& m_clock;
    TlsMaterial m_material;
    QString m_serverName;
    QHostAddress m_listenAddress;
    QTimer m_expiryTimer;
    QString m_lastWarning;  // "<fingerprint> <day>": one warning a day per certificate
    std::function<void(core::model::Event)> m_eventSink;
};

}  // namespace vigil::server
