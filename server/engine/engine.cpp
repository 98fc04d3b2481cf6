#include "engine/engine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QUuid>

#include "accounts/accounts_service.h"
#include "audit/audit_push.h"
#include "audit/audit_service.h"
#include "backup/backup_service.h"
#include "backup/factory_defaults.h"
#include "backup/update_catalogue.h"
#include "delivery/delivery_push.h"
#include "delivery/delivery_service.h"
#include "devices/devices_push.h"
#include "devices/devices_service.h"
#include "devices/driver_registry.h"
#include "engine/schema.h"
#include "engine/settings_repository.h"
#include "engine/tls_material_repository.h"
#include "tls/certificate_manager.h"
#include "http/https_service.h"
#include "license/licence_service.h"
#include "recording/recording_service.h"
#include "http/websocket_hub.h"
#include "events/event_service.h"
#include "events/events_push.h"
#include "events/event_sources.h"
#include "motion/motion_service.h"
#include "events/rule_engine.h"
#include "media/stream_hub.h"
#include "model/permissions.h"
#include "model/system_model.h"
#include "server_logging.h"
#include "store/database.h"
#include "store/migrations.h"
#include "system/health_monitor.h"
#include "system/network_log.h"
#include "system/time_service.h"

namespace vigil::server {

using core::Error;
using core::Status;
using core::security::SecretStore;

namespace {
constexpr auto kDatabaseFile = "vigil.db";
constexpr auto kDatabaseKeySecret = "database-key";
constexpr auto kSettingServerId = "server.id";
constexpr auto kSettingServerName = "server.name";

// Separates the keyring entries of installations on one machine (two data folders, two keys).
QString secretScope(const QString& dataDir) {
    const QByteArray digest =
        QCryptographicHash::hash(QDir(dataDir).canonicalPath().toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}
}  // namespace

Engine::Engine(EngineOptions options, QObject* parent) : QObject(parent), m_options(std::move(options)) {}

Engine::~Engine() {
    stop();
}

Status Engine::start() {
    if (m_running) {
        return {};
    }
    QString folderError;
    if (!m_options.location.ensureExists(&folderError)) {
        return Error::make(QStringLiteral("data_folder_unavailable"), folderError);
    }
    if (Status status = openStore(); !status) {
        return status;
    }
    if (Status status = loadIdentity(); !status) {
        return status;
    }
    if (Status status = loadTlsMaterial(); !status) {
        return status;
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    createServices();
    for (Service* service : std::as_const(m_services)) {
        // A failing service is Unavailable with its reason; the others still start (SRV-1).
        (void)service->start();
    }
    m_certificates->startExpiryChecks();
    m_running = true;
    qCInfo(lcEngine).noquote() << "engine" << m_serverId << "running, data in" << dataDir();
    return {};
}

void Engine::stop() {
    if (!m_running) {
        return;
    }
    for (auto it = m_services.crbegin(); it != m_services.crend(); ++it) {
        (*it)->stop();
    }
    qDeleteAll(m_services);
    m_services.clear();
    m_https = nullptr;
    m_health = nullptr;
    m_accounts = nullptr;
    m_devices = nullptr;
    m_recording = nullptr;
    m_delivery = nullptr;
    m_licence = nullptr;
    m_audit = nullptr;
    m_time = nullptr;
    m_certificates.reset();
    m_backup = nullptr;
    m_streams.reset();
    m_settings.reset();
    m_database.reset();
    m_running = false;
    qCInfo(lcEngine) << "engine stopped";
}

Service* Engine::service(const QString& id) const {
    for (Service* service : m_services) {
        if (service->id() == id) {
            return service;
        }
    }
    return nullptr;
}

QString Engine::secretBackend() const {
    return m_secrets ? SecretStore::backendName(m_secrets->backend()) : QString();
}

QUrl Engine::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    const QHostAddress& address = m_options.listenAddress;
    const bool any = address == QHostAddress::Any || address == QHostAddress::AnyIPv4;
    url.setHost(any ? QStringLiteral("127.0.0.1") : address.toString());
    url.setPort(m_https ? m_https->port() : 0);
    return url;
}

Status Engine::openStore() {
    const QString dir = dataDir();
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("vigil"), secretScope(dir),
                                              m_options.location.secretsDir(), m_options.secretPolicy);
    const QString dbPath = dir + QLatin1Char('/') + QLatin1String(kDatabaseFile);
    // A key is made only with a new database. For an existing one a missing key must stop the start:
    // a fresh key could never open it, and would shadow the real one once it is found again.
    const bool existing = QFileInfo(dbPath).size() > 0;
    auto key = existing ? m_secrets->read(QLatin1String(kDatabaseKeySecret))
                        : m_secrets->readOrCreateRandom(QLatin1String(kDatabaseKeySecret),
                                                        core::store::Database::kKeyBytes);
    if (!key) {
        if (existing && key.error().code == QLatin1String("secret_not_found")) {
            return Error::make(
                QStringLiteral("store_key_missing"),
                QStringLiteral("The database %1 exists but its key is in neither the keyring nor "
                               "%2. If this installation keeps its key in a desktop keyring, "
                               "start it from that desktop session (the keyring must be "
                               "unlocked); otherwise restore the key or the data folder from "
                               "a backup.")
                    .arg(dbPath, m_options.location.secretsDir()));
        }
        return key.error();
    }
    qCInfo(lcEngine).noquote() << "database key kept in the" << secretBackend();
    auto database = core::store::Database::open(dbPath, key.value());
    if (!database) {
        return database.error();
    }
    m_database = std::move(database.value());
    auto version = core::store::Migrator::migrate(*m_database, serverMigrations());
    if (!version) {
        m_database.reset();
        return version.error();
    }
    m_settings = std::make_unique<SettingsRepository>(*m_database);
    return {};
}

Status Engine::loadIdentity() {
    auto id = m_settings->value(QLatin1String(kSettingServerId));
    if (!id) {
        return id.error();
    }
    if (!id.value()) {
        // Made once, at the first start: other servers and clients know this server by it.
        const QString made = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (Status saved = m_settings->setValue(QLatin1String(kSettingServerId), made); !saved) {
            return saved;
        }
        id = std::optional<QString>{made};
    }
    m_serverId = *id.value();

    auto name = m_settings->value(QLatin1String(kSettingServerName));
    if (!name) {
        return name.error();
    }
    m_serverName = name.value() ? *name.value() : QHostInfo::localHostName();
    return {};
}

Status Engine::loadTlsMaterial() {
    m_certificates = std::make_unique<CertificateManager>(*m_database, *m_settings, *m_options.clock);
    if (Status loaded = m_certificates->load(m_serverName, m_options.listenAddress); !loaded) {
        m_certificates.reset();
        return loaded;
    }
    // Copies that stay readable after stop() (what the workstation pins, tests compare).
    const auto keepCopies = [this] {
        m_authority = m_certificates->material().authority;
        m_serverCertificate = m_certificates->material().server;
    };
    keepCopies();
    connect(m_certificates.get(), &CertificateManager::certificateChanged, this, keepCopies);
    return {};
}

void Engine::createServices() {
    m_health = new HealthMonitor(dataDir(), this);
    // Before the gateway: it takes its routes and its authentication from the accounts service.
    m_accounts =
        new AccountsService(*m_database, *m_settings, *m_options.clock, m_options.passwordHashing, this);
    m_licence = createLicence();
    m_streams = std::make_unique<StreamHub>();
    if (!m_drivers) {
        m_drivers = std::make_unique<core::devices::DriverRegistry>();
    }
    m_devices = new DevicesService(*m_database, *m_options.clock, *m_drivers, *m_streams,
                                   ChannelAccess(*m_database, *m_accounts), this);
    m_devices->setChannelQuota([this](int inUse, int adding) { return m_licence->allowChannels(inUse, adding); });
    m_devices->security().setAuditSink(
        [this](const DeviceSecurity::Requester& who, const QString& target, const QString& detail) {
            m_accounts->record(QStringLiteral("setting_changed"), Actor{who.userName, QHostAddress(who.address), {}},
                               target, detail);
        });
    // set_ntp gives devices the platform's own time servers (ONVIF carries host names, not ports).
    m_devices->security().setTimeServers([this] {
        QStringList hosts;
        if (m_time) {
            for (const core::net::NtpServerAddress& server : m_time->servers()) {
                hosts.append(server.host);
            }
        }
        return hosts;
    });
    m_licence->setChannelCounter([this] { return m_devices ? m_devices->channelsInUse() : 0; });
    RecordingService::Options recordingOptions;
    recordingOptions.defaultPrimaryPath = dataDir() + QStringLiteral("/recordings");
    recordingOptions.segmentUs = m_options.recordingSegmentMs * 1000;
    recordingOptions.channelExists = [this](const QString& id) { return m_devices && m_devices->channel(id).ok(); };
    m_recording = new RecordingService(*m_database, *m_settings, *m_options.clock, *m_streams, recordingOptions, this);
    DeliveryService::Options deliveryOptions;
    deliveryOptions.exportsDir = dataDir() + QStringLiteral("/exports");
    deliveryOptions.exportBytesPerSecond = m_options.exportBytesPerSecond;
    m_delivery = new DeliveryService(*m_streams, *m_devices, *m_options.clock, deliveryOptions, this);
    connect(m_accounts, &AccountsService::sessionEnded, m_delivery, &DeliveryService::endSession);
    m_delivery->setSegmentLookup([this](const QString& channelId, const QString& stream, qint64 fromMs, qint64 toMs) {
        return m_recording->segmentRefs(channelId, stream, fromMs, toMs);
    });
    m_events = new EventService(*m_database, *m_settings, *m_options.clock, this);
    new EventSources(*m_events, *m_devices, *m_accounts, *m_recording, *m_health, *m_drivers, this);
    // A child of the events service (it goes with it); the gateway's routes find it there.
    new MotionService(*m_database, *m_events, *m_devices, *m_streams, *m_options.clock);
    m_rules = new RuleEngine(*m_database, *m_events, *m_devices, *m_accounts, *m_recording, *m_streams,
                             *m_options.clock, m_serverName, this);
    m_time = new TimeService(*m_settings, *m_options.clock, this);
    m_time->setEventSink([this](core::model::Event event) { m_events->raise(std::move(event)); });
    // A child of the engine: the gateway's routes find it there (engine.h keeps no pointer to it).
    auto* networkLog = new NetworkLog(*m_settings, *m_accounts, *m_events, m_serverName, this);
    m_backup = createBackup();
    // After the services its checks look at, before the gateway that takes its routes.
    m_audit = new AuditService(*this, *m_options.clock, this);
    m_https = new HttpsService(*this, this);
    new EventPush(*m_events, *m_rules, *m_accounts, *m_database, m_devices->access(), m_https->hub());
    m_certificates->setEventSink([this](core::model::Event event) { m_events->raise(std::move(event)); });
    connect(m_certificates.get(), &CertificateManager::certificateChanged, m_https, &HttpsService::reloadTls);
    connect(m_time, &TimeService::statusChanged, this, [this](const core::model::TimeStatus& status) {
        if (m_https) {
            // To those who may read the time settings (system_settings), as GET /api/v1/system/time.
            const QString permission = QString::fromLatin1(core::model::Permissions::kSystemSettings);
            m_https->hub().broadcastTo(core::model::PushMessage{QStringLiteral("system.time"), status.toJson()},
                                       [this, &permission](const QString& sessionId) {
                                           return !sessionId.isEmpty() &&
                                                  m_accounts->sessionPermissions(sessionId).contains(permission);
                                       });
        }
    });
    connectDevicePushes(*m_devices, *m_accounts, m_https->hub());
    connectAuditPushes(*m_audit, *m_accounts, m_https->hub());
    connectDeliveryPushes(*m_delivery, *m_accounts, *m_database, m_https->hub());

    quint16 port = m_options.port;
    if (m_options.ephemeralPort) {
        port = 0;
    } else if (port == 0) {
        auto stored = m_settings->integer(QLatin1String(HttpsService::kPortSetting));
        const bool valid = stored && stored.value() && *stored.value() > 0 && *stored.value() <= 65535;
        port = valid ? static_cast<quint16>(*stored.value()) : kDefaultHttpsPort;
    }
    m_https->setListen(m_options.listenAddress, port);

    // The health monitor starts first so the gateway has figures for its first request.
    connect(m_licence, &LicenceService::alarmRaised, this, [this](const QString& kind, const QString& message) {
        if (m_https) {
            m_https->hub().broadcast(core::model::PushMessage{
                QStringLiteral("licence.alarm"),
                QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("message"), message}}});
        }
        // Into the event history too, where rules can make it an alarm (docs/design/licensing.md).
        core::model::Event event;
        event.sourceType = QLatin1String(core::model::EventSourceTypes::kServer);
        event.sourceName = QStringLiteral("licence");
        event.kind = QLatin1String(core::model::EventKinds::kLicence);
        event.severity = QLatin1String(kind == QLatin1String("expiry_warning") ? core::model::EventSeverities::kWarning
                                                                                : core::model::EventSeverities::kCritical);
        event.message = message;
        event.details = QJsonObject{{QStringLiteral("licenceKind"), kind}};
        m_events->raise(event);
    });
    m_services = {m_health, m_accounts, m_licence, m_devices, m_recording, m_delivery, m_events, m_time, networkLog,
                  m_backup, m_audit, m_https};
    for (Service* service : std::as_const(m_services)) {
        connect(service, &Service::stateChanged, this, &Engine::serviceStateChanged);
        connect(service, &Service::stateChanged, this, [this](const QString& id, ServiceState state) {
            if (!m_https) {
                return;
            }
            Service* changed = this->service(id);
            core::model::ServiceStatus status{id, changed ? changed->displayName() : id,
                                              serviceStateName(state), changed ? changed->port() : 0,
                                              changed ? changed->problem() : QString()};
            m_https->hub().broadcast(
                core::model::PushMessage{QStringLiteral("system.service"), status.toJson()});
        });
    }
    connect(m_health, &HealthMonitor::sampled, this, [this](const core::model::HealthSnapshot& snapshot) {
        if (m_https) {
            m_https->hub().broadcast(
                core::model::PushMessage{QStringLiteral("system.health"), snapshot.toJson()});
        }
    });
}

LicenceService* Engine::createLicence() {
    LicenceService::Options options;
    options.platformId = m_serverId;
    options.platformName = m_serverName;
    options.fingerprint = core::license::MachineFingerprint::fromFactors(
        m_options.machineFactors ? *m_options.machineFactors : core::license::MachineFactors::collect());
    // Outside the database, so a new database in this data folder does not start a new trial.
    options.sealPath = m_options.location.secretsDir() + QStringLiteral("/licence-trial.seal");
    auto* licence = new LicenceService(*m_database, *m_settings, *m_options.clock, options, this);
    licence->setAuditSink([this](const LicenceService::Actor& actor, const QString& detail) {
        m_accounts->record(QStringLiteral("setting_changed"), Actor{actor.userName, actor.address, {}},
                           QStringLiteral("licence"), detail);
    });
    return licence;
}

BackupService* Engine::createBackup() {
    BackupService::Options options;
    options.folder = dataDir() + QStringLiteral("/backups");
    options.scratchFolder = dataDir() + QStringLiteral("/restore-check");
    options.platformId = m_serverId;
    options.platformName = m_serverName;
    options.kdf = m_options.backupKdf;
    options.migrations = &serverMigrations();
    options.reloadServices = [this] { reloadConfiguration(); };
    auto* backup = new BackupService(*m_database, *m_settings, *m_accounts, *m_options.clock, options, this);
    FactoryDefaults::Options defaults;
    defaults.migrations = &serverMigrations();
    defaults.scratchFolder = options.scratchFolder;
    defaults.defaultRecordingsPath = dataDir() + QStringLiteral("/recordings");
    defaults.recording = m_recording;
    defaults.reloadServices = options.reloadServices;
    backup->setMaintenance(
        std::make_unique<FactoryDefaults>(*m_database, *backup, *m_accounts, defaults),
        std::make_unique<UpdateCatalogue>(*m_settings, *m_accounts, *m_options.clock, core::license::VendorKeys::builtIn(),
                                          [this] { return m_devices->devices(); }));
    return backup;
}

void Engine::reloadConfiguration() {
    m_accounts->reloadConfiguration();
    if (Status reloaded = m_rules->reload(); !reloaded) {
        qCWarning(lcEngine).noquote() << "event rules did not reload after the restore:" << reloaded.error().message;
    }
    // Each of these reads its part of the configuration when it starts.
    Service* networkLog = service(QLatin1String(NetworkLog::kId));
    for (Service* service : {static_cast<Service*>(m_licence), static_cast<Service*>(m_devices),
                             static_cast<Service*>(m_recording), static_cast<Service*>(m_events),
                             static_cast<Service*>(m_time), networkLog, static_cast<Service*>(m_audit)}) {
        if (!service) {
            continue;
        }
        if (Status restarted = service->restart(); !restarted) {
            qCWarning(lcEngine).noquote() << service->id() << "did not restart after the restore:"
                                          << restarted.error().message;
        }
    }
}

}  // namespace vigil::server
