#pragma once
// Engine: the Vigil server. Owns the encrypted store, the platform's TLS material and the services
// (SRV-1, SRV-3). The same Engine runs inside the workstation (standalone, on its own thread) and in
// vigild. All of its methods run on the thread it lives on.

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

#include "backup/backup_file.h"
#include "common/clock.h"
#include "common/result.h"
#include "engine/service.h"
#include "license/machine_fingerprint.h"
#include "platform/data_location.h"
#include "security/certificate_authority.h"
#include "security/password_hasher.h"
#include "security/secret_store.h"

namespace vigil::core::store {
class Database;
}
namespace vigil::core::devices {
class DriverRegistry;
}

namespace vigil::server {

class AccountsService;
class AuditService;
class CertificateManager;
class BackupService;
class DeliveryService;
class DevicesService;
class EventService;
class RuleEngine;
class RecordingService;
class HttpsService;
class HealthMonitor;
class LicenceService;
class SettingsRepository;
class StreamHub;
class TimeService;

struct EngineOptions {
    core::platform::DataLocation location;  // the engine uses location.serverDir()
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;            // 0: the stored setting, else kDefaultHttpsPort; tests pass an explicit port
    bool ephemeralPort = false;  // bind port 0 and let the OS choose (tests)
    core::security::SecretStore::Policy secretPolicy = core::security::SecretStore::Policy::PreferKeychain;
    // Where lockouts and sessions read the time; tests pass a ManualClock. Must outlive the engine.
    const core::Clock* clock = &core::SystemClock::instance();
    // Argon2id parameters for new password hashes; stored hashes made otherwise upgrade at login.
    core::security::Argon2Parameters passwordHashing = core::security::PasswordHasher::kDefaultParameters;
    // Recording segment length (about a minute); tests shorten it.
    qint64 recordingSegmentMs = 60000;
    // The machine the licence is bound to; nullopt: read from this machine (tests pass made-up factors).
    std::optional<core::license::MachineFactors> machineFactors;
    // Cap on how fast exports read recordings (bytes/s) to spare the recording disk; 0: no cap.
    qint64 exportBytesPerSecond = 0;
    // Argon2id cost of new configuration backups (server/backup); tests lower it.
    core::backup::KdfParameters backupKdf;
};

class Engine : public QObject {
    Q_OBJECT
public:
    static constexpr quint16 kDefaultHttpsPort = 7443;  // SEC-2.1: outside the well-known range

    explicit Engine(EngineOptions options, QObject* parent = nullptr);
    ~Engine() override;

    // Opens the store (making its key on first start), runs migrations, loads or makes the TLS
    // material, then starts every service. Fails without starting anything when the store cannot
    // be opened; a service that fails becomes Unavailable and the others still start.
    core::Status start();
    void stop();  // services in reverse order, then the store
    bool isRunning() const { return m_running; }

    QList<Service*> services() const { return m_services; }
    Service* service(const QString& id) const;

    core::store::Database& database() const { return *m_database; }
    SettingsRepository& settings() const { return *m_settings; }
    HttpsService* https() const { return m_https; }
    HealthMonitor* health() const { return m_health; }
    AccountsService* accounts() const { return m_accounts; }
    DevicesService* devices() const { return m_devices; }
    RecordingService* recording() const { return m_recording; }
    DeliveryService* delivery() const { return m_delivery; }
    EventService* events() const { return m_events; }
    LicenceService* licence() const { return m_licence; }
    AuditService* audit() const { return m_audit; }
    RuleEngine* rules() const { return m_rules; }
    TimeService* time() const { return m_time; }
    // The TLS material while running (SEC-2.3); null when stopped.
    CertificateManager* certificates() const { return m_certificates.get(); }
    BackupService* backup() const { return m_backup; }
    StreamHub* streams() const { return m_streams.get(); }

    QString serverId() const { return m_serverId; }
    QString serverName() const { return m_serverName; }
    QDateTime startedAt() const { return m_startedAt; }
    const core::security::CertifiedKey& authority() const { return m_authority; }
    const core::security::CertifiedKey& serverCertificate() const { return m_serverCertificate; }
    QString dataDir() const { return m_options.location.serverDir(); }
    const EngineOptions& options() const { return m_options; }
    // The secret store backend that holds the database key ("keychain" or "file").
    QString secretBackend() const;

    // https://<listen address>:<port>, valid once the access gateway runs.
    QUrl baseUrl() const;

signals:
    void serviceStateChanged(const QString& serviceId, vigil::server::ServiceState state);

private:
    core::Status openStore();
    core::Status loadIdentity();
    core::Status loadTlsMaterial();
    void createServices();
    LicenceService* createLicence();
    BackupService* createBackup();
    // After a restore replaced the configuration: services re-read what they keep in memory.
    void reloadConfiguration();

    EngineOptions m_options;
    std::unique_ptr<core::security::SecretStore> m_secrets;
    std::unique_ptr<core::store::Database> m_database;
    std::unique_ptr<SettingsRepository> m_settings;
    QList<Service*> m_services;  // children of this object, in start order
    HttpsService* m_https = nullptr;
    HealthMonitor* m_health = nullptr;
    AccountsService* m_accounts = nullptr;
    DevicesService* m_devices = nullptr;
    RecordingService* m_recording = nullptr;
    DeliveryService* m_delivery = nullptr;
    EventService* m_events = nullptr;
    LicenceService* m_licence = nullptr;
    AuditService* m_audit = nullptr;
    RuleEngine* m_rules = nullptr;  // child; runs on the events service
    TimeService* m_time = nullptr;
    std::unique_ptr<CertificateManager> m_certificates;
    BackupService* m_backup = nullptr;
    std::unique_ptr<core::devices::DriverRegistry> m_drivers;  // outlives the devices service
    std::unique_ptr<StreamHub> m_streams;                      // outlives the services that use it
    core::security::CertifiedKey m_authority;
    core::security::CertifiedKey m_serverCertificate;
    QString m_serverId;
    QString m_serverName;
    QDateTime m_startedAt;
    bool m_running = false;
};

}  // namespace vigil::server
