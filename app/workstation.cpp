#include "workstation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QVariantMap>
#include <algorithm>
#include <cmath>
#include <limits>

#include "app_logging.h"
#include "client/devices_api.h"
#include "device_list_model.h"
#include "client_settings.h"
#include "device_tree_model.h"
#include "embedded_engine.h"
#include "health_history.h"
#include "site_counts.h"
#include "local_files_model.h"
#include "engine/engine.h"
#include "live_view.h"
#include "model/permissions.h"
#include "password_strength.h"
#include "player/video_player.h"
#include "playback/playback_controller.h"
#include "role_list_model.h"
#include "security_log_model.h"
#include "licence_model.h"
#include "event_center_model.h"
#include "event_rule_model.h"
#include "event_popup.h"
#include "security_settings_model.h"
#include "security/security_wizard.h"
#include "service_list_model.h"
#include "session_controller.h"
#include "session_list_model.h"
#include "site_list_model.h"
#include "interface_language.h"
#include "user_list_model.h"

namespace vigil::app {

using core::client::ApiClient;

namespace {

constexpr qint64 kKiB = 1024;
constexpr auto kDash = "\u2014";

// The largest binary unit that keeps the number at or above 1.
std::pair<double, QString> scaleBytes(qint64 bytes) {
    static const char* const kUnits[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= kKiB && unit < 5) {
        value /= kKiB;
        ++unit;
    }
    return {value, QString::fromLatin1(kUnits[unit])};
}

QString number(double value) {
    // Three significant figures at most: "5.24" reads as noise on a wall display.
    const int decimals = value >= 100 || value == std::floor(value) ? 0 : 1;
    return QLocale().toString(value, 'f', decimals);
}

QString formatLocalTime(qint64 utcMs, const QString& format) {
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(format);
}

// The console's pages in rail order, with the permission each needs ("" : any signed-in user; Sites
// is always open so a user can change site before signing in). What a guard uses all shift long comes
// first (live, playback, alarms, cameras), so it is on screen without scrolling the rail; setup and
// administration follow.
struct PageEntry {
    const char* id;
    const char* title;
    const char* hint;
    const char* permission;
};

constexpr PageEntry kPages[] = {
    {"home", QT_TRANSLATE_NOOP("Workstation", "Home"), "Ctrl+1", ""},
    {"live", QT_TRANSLATE_NOOP("Workstation", "Live"), "Ctrl+8", core::model::Permissions::kLive},
    {"playback", QT_TRANSLATE_NOOP("Workstation", "Playback"), "Ctrl+P", core::model::Permissions::kPlayback},
    {"events", QT_TRANSLATE_NOOP("Workstation", "Event Center"), "Ctrl+E", core::model::Permissions::kEventHandling},
    {"devices", QT_TRANSLATE_NOOP("Workstation", "Devices"), "Ctrl+0", core::model::Permissions::kDeviceConfig},
    {"users", QT_TRANSLATE_NOOP("Workstation", "Users"), "Ctrl+3", core::model::Permissions::kUserAdmin},
    {"roles", QT_TRANSLATE_NOOP("Workstation", "Roles"), "Ctrl+4", core::model::Permissions::kUserAdmin},
    {"online", QT_TRANSLATE_NOOP("Workstation", "Online"), "Ctrl+5", core::model::Permissions::kSecurity},
    {"log", QT_TRANSLATE_NOOP("Workstation", "Security log"), "Ctrl+6", core::model::Permissions::kLogs},
    {"security", QT_TRANSLATE_NOOP("Workstation", "Security settings"), "Ctrl+7",
     core::model::Permissions::kSecurity},
    {"wizard", QT_TRANSLATE_NOOP("Workstation", "Security wizard"), "Ctrl+Shift+S", core::model::Permissions::kSecurity},
    {"licence", QT_TRANSLATE_NOOP("Workstation", "Licence"), "Ctrl+9", core::model::Permissions::kSystemSettings},
    {"files", QT_TRANSLATE_NOOP("Workstation", "Local files"), "Ctrl+Shift+F", ""},
    {"settings", QT_TRANSLATE_NOOP("Workstation", "Settings"), "Ctrl+,", ""},
    {"sites", QT_TRANSLATE_NOOP("Workstation", "Sites"), "Ctrl+2", nullptr},
};

// The titles are marked in the context "Workstation" (QT_TRANSLATE_NOOP above), which is not the
// class's own tr() context ("vigil::app::Workstation").
QString pageName(const PageEntry& entry) {
    return QCoreApplication::translate("Workstation", entry.title);
}

// The rail's key hint; the pages the operator may give other keys show the keys in force.
QString pageHint(const PageEntry& entry, const ClientSettings& settings) {
    const QString id = QString::fromLatin1(entry.id);
    if (id == QLatin1String("files")) {
        return settings.shortcut(QStringLiteral("localFiles"));
    }
    if (id == QLatin1String("settings")) {
        return settings.shortcut(QStringLiteral("settings"));
    }
    if (id == QLatin1String("events")) {
        return settings.shortcut(QStringLiteral("eventCenter"));
    }
    return QString::fromLatin1(entry.hint);
}

const PageEntry* findPage(const QString& id) {
    for (const PageEntry& entry : kPages) {
        if (id == QLatin1String(entry.id)) {
            return &entry;
        }
    }
    return nullptr;
}

}  // namespace

Workstation::Workstation(core::platform::DataLocation location, QObject* parent)
    : QObject(parent),
      m_location(std::move(location)),
      m_trust(std::make_unique<core::client::TrustStore>(m_location.clientDir() +
                                                         QStringLiteral("/trusted_sites.json"))),
      m_client(new ApiClient(m_trust.get(), this)),
      m_engine(new EmbeddedEngine(this)),
      m_services(new ServiceListModel(this)),
      m_sites(new SiteListModel(m_location.clientDir() + QStringLiteral("/sites.json"), this)),
      m_session(new SessionController(m_client, this)),
      m_strength(new PasswordStrength(this)),
      m_roles(new RoleListModel(m_client, this)),
      m_users(new UserListModel(m_client, m_roles, this)),
      m_onlineUsers(new SessionListModel(m_client, this)),
      m_securityLog(new SecurityLogModel(m_client, this)),
      m_securitySettings(new SecuritySettingsModel(m_client, m_session, this)),
      m_devicesApi(new core::client::DevicesApi(m_client, this)),
      m_clientSettings(new ClientSettings(m_location, this)),
      m_language(new InterfaceLanguage(m_clientSettings, this)),
      m_localFiles(new LocalFilesModel(m_clientSettings, this)),
      m_healthHistory(new HealthHistory(this)),
      m_deviceTree(new DeviceTreeModel(this)),
      m_live(new LiveView(m_client, m_devicesApi, m_clientSettings->snapshotFolder(), this)),
      m_licence(new LicenceModel(m_client, this)),
      m_devices(new DeviceListModel(m_devicesApi, this)),
      m_playback(new PlaybackController(m_client, m_session, m_clientSettings->exportFolder(), this)),
      m_siteCounts(new SiteCounts(m_client, m_devicesApi, m_session, this)),
      m_eventCenter(new EventCenterModel(m_client, m_siteCounts, m_clientSettings, this)),
      m_eventRules(new EventRuleModel(m_client, m_devicesApi, this)),
      m_storageTimer(new QTimer(this)) {
    m_deviceTree->follow(m_devicesApi);
    // Home's site tiles and the top bar's alarm counter follow the devices and events pushes (CLI-2).
    connect(m_siteCounts, &SiteCounts::devicesChanged, this, [this] {
        if (m_siteCounts->hasDevices()) {
            setDeviceCounts(m_siteCounts->devicesTotal(), m_siteCounts->devicesOnline());
            qCInfo(lcApp).noquote() << "home: devices" << m_devicesTotal << "in all," << m_devicesOnline << "online";
        }
    });
    connect(m_siteCounts, &SiteCounts::alarmsChanged, this, [this] {
        const core::model::AlarmCounters& alarms = m_siteCounts->alarms();
        if (m_siteCounts->hasAlarms()) {
            setEventCounts(alarms.pending() + alarms.handled, alarms.handled, alarms.pending());
        }
    });
    m_securityWizard = new SecurityWizard(m_client, m_devicesApi,
                                          SecurityWizard::defaultReportFolder(m_location.portable ? m_location.root : QString()), this);
    connect(m_deviceTree, &DeviceTreeModel::channelsChanged, this,
            [this] { m_live->setChannelNames(m_deviceTree->channelNames()); });
    // A rule pops a camera up (issue 6, EVT-2): the Live page comes up to show it.
    connect(m_live->eventPopup(), &EventPopup::shown, this, [this] { showPage(QStringLiteral("live")); });
    // Snapshots go where the workstation's settings say (CLI-3).
    connect(m_clientSettings, &ClientSettings::foldersChanged, this,
            [this] {
                m_live->setSnapshotFolder(m_clientSettings->snapshotFolder());
                m_playback->setExportFolder(m_clientSettings->exportFolder());
            });
    m_storageTimer->setInterval(kStorageRefreshMs);
    connect(m_storageTimer, &QTimer::timeout, this, [this] {
        if (m_page == QLatin1String("home") && m_session->isSignedIn()) {
            fetchRecordingStorage();
        }
    });
    m_storageTimer->start();
    if (!m_trust->loadProblem().isEmpty()) {
        qCWarning(lcApp).noquote() << m_trust->loadProblem();
    }
    VideoPlayer::setDefaultClient(m_client);  // every video on the pages plays from this site
    connect(m_engine, &EmbeddedEngine::ready, this, &Workstation::onEngineReady);
    connect(m_engine, &EmbeddedEngine::failed, this, [this](const QString& message) {
        setConnectionState(QStringLiteral("error"),
                           tr("The server built into this workstation could not start: %1").arg(message),
                           QStringLiteral("engine_start_failed"));
    });
    connect(m_client, &ApiClient::trustRequired, this, [this] {
        setConnectionState(QStringLiteral("trust-required"));
        showPage(QStringLiteral("sites"));
    });
    connect(m_client, &ApiClient::ready, this, &Workstation::onClientReady);
    connect(m_client, &ApiClient::failed, this, &Workstation::onClientFailed);
    connect(m_client, &ApiClient::pushReceived, this, &Workstation::onPush);
    connect(m_session, &SessionController::loggedIn, this, &Workstation::onLoggedIn);
    connect(m_session, &SessionController::loggedOut, this, &Workstation::onLoggedOut);
    connect(m_session, &SessionController::stateChanged, this, &Workstation::screenChanged);
    // Texts made here in C++ are sent again in the new language (QML's own: QQmlEngine::retranslate).
    connect(m_language, &InterfaceLanguage::changed, this, [this] {
        m_securityWizard->setLanguage(m_language->current());  // the server words its audit items in it
        emit languageChanged();
        emit siteChanged();
        emit connectionChanged();
        emit pageChanged();
        emit pagesChanged();
        emit infoChanged();
        emit healthChanged();
    });
    connect(m_clientSettings, &ClientSettings::shortcutsChanged, this, &Workstation::pagesChanged);
    connect(m_client, &ApiClient::eventsConnectedChanged, this, [this](bool connected) {
        emit connectionChanged();
        if (connected && m_session->isSignedIn()) {
            // Whatever changed while the events were down: the pushes only say what changes next.
            refresh();
        }
    });
}

Workstation::~Workstation() {
    // The client first: its sockets must not outlive the engine they talk to in standalone.
    m_client->disconnectEvents();
    m_engine->stop();
}

QObject* Workstation::services() const {
    return m_services;
}
QObject* Workstation::devices() const {
    return m_devices;
}
QObject* Workstation::sites() const {
    return m_sites;
}
QObject* Workstation::session() const {
    return m_session;
}
QObject* Workstation::passwordStrength() const {
    return m_strength;
}
QObject* Workstation::users() const {
    return m_users;
}
QObject* Workstation::roles() const {
    return m_roles;
}
QObject* Workstation::onlineUsers() const {
    return m_onlineUsers;
}
QObject* Workstation::securityLog() const {
    return m_securityLog;
}

QObject* Workstation::securitySettings() const {
    return m_securitySettings;
}

QObject* Workstation::securityWizard() const {
    return m_securityWizard;
}

QObject* Workstation::live() const {
    return m_live;
}

QObject* Workstation::deviceTree() const {
    return m_deviceTree;
}

QObject* Workstation::licence() const {
    return m_licence;
}

QObject* Workstation::playback() const {
    return m_playback;
}

QObject* Workstation::eventCenter() const {
    return m_eventCenter;
}

QObject* Workstation::eventRules() const {
    return m_eventRules;
}

QObject* Workstation::clientSettings() const {
    return m_clientSettings;
}

QObject* Workstation::language() const {
    return m_language;
}

QObject* Workstation::localFiles() const {
    return m_localFiles;
}

QObject* Workstation::healthHistory() const {
    return m_healthHistory;
}

// --- event counts (the top bar's alarm counter, Home) ------------------------------------------------

QVariantMap Workstation::eventCounts() const {
    return QVariantMap{{QStringLiteral("available"), m_hasEventCounts},
                       {QStringLiteral("total"), m_eventsTotal},
                       {QStringLiteral("handled"), m_eventsHandled},
                       {QStringLiteral("pending"), m_eventsPending}};
}

void Workstation::setEventCounts(qint64 total, qint64 handled, qint64 pending) {
    m_hasEventCounts = true;
    m_eventsTotal = total;
    m_eventsHandled = handled;
    m_eventsPending = static_cast<int>(std::clamp<qint64>(pending, 0, std::numeric_limits<int>::max()));
    emit eventCountsChanged();
}

QVariantMap Workstation::deviceCounts() const {
    return QVariantMap{{QStringLiteral("available"), m_hasDeviceCounts},
                       {QStringLiteral("total"), m_devicesTotal},
                       {QStringLiteral("online"), m_devicesOnline},
                       {QStringLiteral("offline"), m_devicesTotal - m_devicesOnline}};
}

void Workstation::setDeviceCounts(int total, int online) {
    m_hasDeviceCounts = true;
    m_devicesTotal = std::max(0, total);
    m_devicesOnline = std::clamp(online, 0, m_devicesTotal);
    emit deviceCountsChanged();
}

QString Workstation::recordingStorageNote() const {
    if (!m_recordingStorageProblem.isEmpty()) {
        return m_recordingStorageProblem;
    }
    return m_session->isSignedIn() ? tr("no figures yet") : QString();
}

void Workstation::clearEventCounts() {
    m_hasEventCounts = false;
    m_eventsTotal = m_eventsHandled = 0;
    m_eventsPending = 0;
    emit eventCountsChanged();
}

// --- site and connection ---------------------------------------------------------------------------

QString Workstation::siteName() const {
    if (m_standalone) {
        return tr("This computer");
    }
    // A remote site is best known by its server's name; the address shows until it is known.
    return m_info && !m_info->serverName.isEmpty() ? m_info->serverName : m_siteAddress;
}

QString Workstation::siteDetail() const {
    QStringList parts;
    if (!m_siteAddress.isEmpty() && m_siteAddress != siteName()) {
        parts << m_siteAddress;
    }
    parts << (m_standalone ? tr("standalone") : tr("client"));
    if (m_standalone && m_info && !m_info->serverName.isEmpty()) {
        parts << m_info->serverName;
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

int Workstation::defaultPort() const {
    return server::Engine::kDefaultHttpsPort;
}

QString Workstation::connectionText() const {
    if (m_connectionState == QLatin1String("starting")) {
        return tr("Starting the server\u2026");
    }
    if (m_connectionState == QLatin1String("connecting")) {
        return tr("Connecting\u2026");
    }
    if (m_connectionState == QLatin1String("trust-required")) {
        return tr("Waiting for trust");
    }
    if (m_connectionState == QLatin1String("connected")) {
        return m_client->eventsConnected() ? tr("Connected \u00b7 live")
                                           : tr("Connected \u00b7 reconnecting");
    }
    if (m_connectionState == QLatin1String("error")) {
        return authorityChanged() ? tr("Certificate authority changed") : tr("Not connected");
    }
    return tr("No site");
}

void Workstation::setConnectionState(const QString& state, const QString& errorMessage,
                                     const QString& errorCode) {
    m_connectionState = state;
    m_errorMessage = errorMessage;
    m_errorCode = errorCode;
    qCInfo(lcApp).noquote() << "connection:" << state << errorMessage;
    emit connectionChanged();
}

bool Workstation::canShowPage(const QString& page) const {
    const PageEntry* entry = findPage(page);
    if (!entry) {
        return false;
    }
    if (!entry->permission) {
        return true;
    }
    return m_session->isSignedIn() &&
           (entry->permission[0] == '\0' || m_session->hasPermission(QString::fromLatin1(entry->permission)));
}

void Workstation::showPage(const QString& page) {
    if (!canShowPage(page)) {
        return;
    }
    if (page != m_page) {
        m_page = page;
        emit pageChanged();
        emit screenChanged();
    }
    refreshPage();
}

QString Workstation::pageTitle() const {
    const PageEntry* entry = findPage(m_page);
    if (m_page == QLatin1String("home")) {
        return tr("Overview");
    }
    return entry ? pageName(*entry) : QString();
}

QVariantList Workstation::pages() const {
    QVariantList list;
    for (const PageEntry& entry : kPages) {
        const QString id = QString::fromLatin1(entry.id);
        // Home stays in the rail before sign-in: it shows the connection's progress.
        if (!canShowPage(id) && id != QLatin1String("home")) {
            continue;
        }
        list.append(QVariantMap{{QStringLiteral("id"), id},
                                {QStringLiteral("title"), pageName(entry)},
                                {QStringLiteral("hint"), pageHint(entry, *m_clientSettings)}});
    }
    return list;
}

QString Workstation::screen() const {
    const QString state = m_session->state();
    if ((state == QLatin1String("setup") || state == QLatin1String("login")) &&
        m_page != QLatin1String("sites")) {
        return state;
    }
    return QStringLiteral("console");
}

// The page's list comes fresh each time it opens: lists change under other administrators' hands.
void Workstation::refreshPage() {
    if (m_page == QLatin1String("home") && m_session->isSignedIn()) {
        fetchRecordingStorage();
    } else if (m_page == QLatin1String("users")) {
        m_roles->refresh();
        m_users->refresh();
    } else if (m_page == QLatin1String("roles")) {
        m_roles->refresh();
    } else if (m_page == QLatin1String("online")) {
        m_onlineUsers->refresh();
    } else if (m_page == QLatin1String("log") && m_securityLog->count() == 0) {
        m_securityLog->search({}, {}, {}, {});
    } else if (m_page == QLatin1String("security")) {
        m_securitySettings->load();
    } else if (m_page == QLatin1String("wizard")) {
        m_securityWizard->load();
    } else if (m_page == QLatin1String("live")) {
        m_live->refreshLayouts();
        m_deviceTree->refresh();
    } else if (m_page == QLatin1String("licence")) {
        m_licence->load();
    } else if (m_page == QLatin1String("devices")) {
        m_devices->refresh();
    } else if (m_page == QLatin1String("playback")) {
        m_playback->refresh();
    } else if (m_page == QLatin1String("events")) {
        m_eventCenter->refresh();
        m_eventRules->refresh();
        m_deviceTree->refresh();  // the rule editor's cameras
    } else if (m_page == QLatin1String("files")) {
        m_localFiles->refresh();
    }
}

void Workstation::onLoggedIn() {
    emit pagesChanged();
    if (m_page != QLatin1String("home")) {
        m_page = QStringLiteral("home");
        emit pageChanged();
    }
    emit screenChanged();
    refresh();
    // The licence strip shows a new site's trial (and any licence problem) from the first sign-in.
    if (m_session->hasPermission(QLatin1String(core::model::Permissions::kSystemSettings))) {
        m_licence->load();
    }
    // A new token: the event connection must be opened again with it.
    m_client->disconnectEvents();
    m_client->connectEvents();
}

void Workstation::onLoggedOut() {
    m_client->disconnectEvents();
    resetSiteData();
    m_users->clear();
    m_roles->clear();
    m_onlineUsers->clear();
    m_securityLog->clear();
    m_live->clear();
    m_deviceTree->clear();
    m_licence->clear();
    m_securityWizard->clear();
    m_devices->clear();
    m_playback->reset();
    m_eventCenter->clear();
    m_eventRules->clear();
    m_siteCounts->clear();
    if (m_page != QLatin1String("home") && m_page != QLatin1String("sites")) {
        m_page = QStringLiteral("home");
        emit pageChanged();
    }
    emit pagesChanged();
    emit screenChanged();
}

void Workstation::resetSiteData() {
    m_info.reset();
    m_health.reset();
    m_healthHistory->clear();
    m_loggedHealth = false;
    m_services->clear();
    clearEventCounts();
    m_hasDeviceCounts = false;
    m_devicesTotal = m_devicesOnline = 0;
    emit deviceCountsChanged();
    setRecordingStorage({}, {});
    emit infoChanged();
    emit healthChanged();
}

void Workstation::connectStandalone() {
    m_session->reset();
    m_client->setSite(QString(), 0);
    resetSiteData();
    m_standalone = true;
    m_siteAddress = m_standaloneAddress;
    emit siteChanged();
    if (m_standaloneUrl.isValid()) {
        onEngineReady(m_standaloneUrl, m_standaloneAuthority);
        return;
    }
    setConnectionState(QStringLiteral("starting"));
    QString problem;
    if (!m_location.ensureExists(&problem)) {
        setConnectionState(QStringLiteral("error"), problem, QStringLiteral("data_folder_unavailable"));
        return;
    }
    server::EngineOptions options;
    options.location = m_location;
    options.listenAddress = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;  // the stored setting, else the default; busy: EmbeddedEngine picks a free one
    options.ephemeralPort = false;
    // An export rate cap for the built-in server (bytes/s): spares a slow recording disk; the UI
    // tests use it to catch an export while it runs.
    options.exportBytesPerSecond = qEnvironmentVariableIntValue("VIGIL_EXPORT_BYTES_PER_SECOND");
    if (m_location.portable) {
        // A portable folder travels between machines: its database key must travel with it.
        options.secretPolicy = core::security::SecretStore::Policy::FileOnly;
    }
    m_engine->start(options);
}

void Workstation::onEngineReady(const QUrl& baseUrl, const QSslCertificate& authority) {
    m_standaloneUrl = baseUrl;
    m_standaloneAuthority = authority;
    m_standaloneAddress =
        core::client::TrustStore::siteKey(baseUrl.host(), static_cast<quint16>(baseUrl.port()));
    if (!m_standalone) {
        emit siteChanged();
        return;  // the user picked a remote site while the engine was starting
    }
    m_siteAddress = m_standaloneAddress;
    emit siteChanged();
    setConnectionState(QStringLiteral("connecting"));
    m_client->setSite(baseUrl.host(), static_cast<quint16>(baseUrl.port()));
    // The workstation made this CA: pin it without asking, then take the same path as a remote site.
    (void)m_client->pinAuthority(authority);
}

void Workstation::connectToSite(const QString& host, int port) {
    if (host.isEmpty() || port <= 0 || port > 65535) {
        setConnectionState(QStringLiteral("error"),
                           tr("Enter the server's address and a port from 1 to 65535."),
                           QStringLiteral("client_bad_address"));
        return;
    }
    m_session->reset();
    resetSiteData();
    m_standalone = false;
    m_client->setSite(host, static_cast<quint16>(port));
    m_siteAddress = m_client->site();
    emit siteChanged();
    setConnectionState(QStringLiteral("connecting"));
    m_client->probe();
}

void Workstation::acceptTrust() {
    m_client->acceptTrust();
}

void Workstation::rejectTrust() {
    m_client->rejectTrust();
    setConnectionState(QStringLiteral("idle"));
}

void Workstation::forgetCurrentSite() {
    if (m_standalone) {
        return;
    }
    const core::Status forgotten = m_client->forgetSite();
    if (!forgotten) {
        setConnectionState(QStringLiteral("error"), forgotten.error().message, forgotten.error().code);
        return;
    }
    // Connecting again shows the new authority's fingerprint for the operator to check.
    setConnectionState(QStringLiteral("connecting"));
    m_client->probe();
}

void Workstation::removeSite(const QString& host, int port) {
    if (port <= 0 || port > 65535) {
        return;
    }
    m_sites->remove(host, static_cast<quint16>(port));
}

void Workstation::retry() {
    if (m_standalone) {
        connectStandalone();
    } else {
        connectToSite(m_client->host(), m_client->port());
    }
}

void Workstation::onClientReady() {
    if (!m_standalone) {
        m_sites->remember(m_client->host(), m_client->port());
    }
    setConnectionState(QStringLiteral("connected"));
    if (m_page != QLatin1String("home")) {
        m_page = QStringLiteral("home");
        emit pageChanged();
    }
    // Setup or login first; the site's data follows the login (onLoggedIn).
    m_session->checkSetup();
    emit screenChanged();
}

void Workstation::onClientFailed(const core::Error& error) {
    setConnectionState(QStringLiteral("error"), error.message, error.code);
    if (!m_standalone) {
        showPage(QStringLiteral("sites"));
    }
}

void Workstation::refresh() {
    const QString site = m_client->site();
    // Answers for a site the user has left since are dropped.
    m_client->fetchInfo([this, site](core::Result<core::model::SystemInfo> info) {
        if (site != m_client->site()) {
            return;
        }
        if (!info) {
            qCWarning(lcApp).noquote() << "server info:" << info.error().message;
            return;
        }
        applyInfo(info.value());
    });
    m_client->fetchHealth([this, site](core::Result<core::model::HealthSnapshot> health) {
        if (site != m_client->site()) {
            return;
        }
        if (!health) {
            qCWarning(lcApp).noquote() << "health:" << health.error().message;
            return;
        }
        applyHealth(health.value());
    });
    fetchRecordingStorage();
    m_siteCounts->refresh();
    m_client->fetchServices([this, site](core::Result<QList<core::model::ServiceStatus>> services) {
        if (site != m_client->site()) {
            return;
        }
        if (!services) {
            qCWarning(lcApp).noquote() << "services:" << services.error().message;
            return;
        }
        m_services->setServices(services.value());
    });
}

void Workstation::onPush(const core::model::PushMessage& message) {
    if (message.type == QLatin1String("system.health")) {
        auto health = core::model::HealthSnapshot::fromJson(message.data);
        if (health) {
            applyHealth(health.value());
        }
    } else if (message.type == QLatin1String("system.service")) {
        auto service = core::model::ServiceStatus::fromJson(message.data);
        if (service) {
            m_services->update(service.value());
        }
    } else if (message.type == QLatin1String("security.log")) {
        auto entry = core::model::LogEntry::fromJson(message.data);
        if (entry) {
            m_securityLog->append(entry.value());
        }
    } else if (message.type == QLatin1String("system.hello")) {
        auto info = core::model::SystemInfo::fromJson(message.data);
        if (info) {
            applyInfo(info.value());
        }
    }
}

void Workstation::applyInfo(const core::model::SystemInfo& info) {
    m_info = info;
    emit infoChanged();
    emit siteChanged();        // a remote site is named after its server
    emit connectionChanged();  // siteDetail shows the server's name
    emit healthChanged();      // uptime
}

void Workstation::applyHealth(const core::model::HealthSnapshot& health) {
    m_health = health;
    m_healthHistory->add(health);
    if (!m_loggedHealth) {
        m_loggedHealth = true;
        qCInfo(lcApp).noquote() << "home: health received from" << m_siteAddress;
    }
    emit healthChanged();
}

// --- recording storage (Home) -----------------------------------------------------------------------

void Workstation::fetchRecordingStorage() {
    if (!m_session->hasPermission(QString::fromLatin1(core::model::Permissions::kSystemSettings))) {
        setRecordingStorage({}, tr("needs the system settings permission"));
        return;
    }
    const QString site = m_client->site();
    m_client->sendJson(ApiClient::Request(ApiClient::Method::Get, QStringLiteral("/api/v1/recording/storage")),
                       [this, site](core::Result<QJsonDocument> answer) {
                           if (site != m_client->site()) {
                               return;
                           }
                           if (!answer) {
                               qCWarning(lcApp).noquote() << "recording storage:" << answer.error().message;
                               setRecordingStorage({}, answer.error().message);
                               return;
                           }
                           applyRecordingStorage(answer->object());
                       });
}

// One tile per location (GET /api/v1/recording/storage, server/api/recording.yaml): what the
// recordings take, the volume's free space, and a state from the server's problem or the free space.
void Workstation::applyRecordingStorage(const QJsonObject& answer) {
    QVariantList tiles;
    const QJsonArray locations = answer.value(QStringLiteral("health")).toArray();
    for (const QJsonValue& entry : locations) {
        const QJsonObject location = entry.toObject();
        const qint64 total = location.value(QStringLiteral("totalBytes")).toInteger();
        const qint64 free = location.value(QStringLiteral("freeBytes")).toInteger();
        const qint64 recorded = location.value(QStringLiteral("recordingBytes")).toInteger();
        const QString problem = location.value(QStringLiteral("problem")).toString();
        const bool mirror = location.value(QStringLiteral("role")).toString() == QLatin1String("mirror");
        const double freeFraction = total > 0 ? static_cast<double>(free) / static_cast<double>(total) : 0.0;
        QString status = QStringLiteral("ok");
        if (!problem.isEmpty() || !location.value(QStringLiteral("writable")).toBool() ||
            freeFraction < kDiskAlarmFreeFraction) {
            status = QStringLiteral("alarm");
        } else if (freeFraction < kDiskWarningFreeFraction) {
            status = QStringLiteral("warning");
        }
        const auto [recordedValue, recordedUnit] = scaleBytes(recorded);
        tiles.append(QVariantMap{
            {QStringLiteral("label"), mirror ? tr("Recordings, mirror") : tr("Recordings")},
            {QStringLiteral("path"), location.value(QStringLiteral("path")).toString()},
            {QStringLiteral("recordingValue"), number(recordedValue)},
            {QStringLiteral("recordingUnit"), recordedUnit},
            {QStringLiteral("caption"), problem.isEmpty() ? tr("%1 free of %2").arg(sizeText(free), sizeText(total)) : problem},
            {QStringLiteral("problem"), !problem.isEmpty()},
            {QStringLiteral("usedFraction"), total > 0 ? 1.0 - freeFraction : -1.0},
            {QStringLiteral("status"), status}});
    }
    setRecordingStorage(tiles, tiles.isEmpty() ? tr("no storage location set") : QString());
}

void Workstation::setRecordingStorage(QVariantList tiles, const QString& problem) {
    if (tiles == m_recordingStorage && problem == m_recordingStorageProblem) {
        return;
    }
    if (m_recordingStorage.isEmpty() && !tiles.isEmpty()) {
        qCInfo(lcApp).noquote() << "home: recording storage received," << tiles.size() << "location(s)";
    }
    m_recordingStorage = std::move(tiles);
    m_recordingStorageProblem = problem;
    emit recordingStorageChanged();
}

// --- formatting ------------------------------------------------------------------------------------

QString Workstation::sizeValue(qint64 bytes) const {
    if (!m_health && bytes == 0) {
        return QString::fromUtf8(kDash);
    }
    return number(scaleBytes(bytes).first);
}

QString Workstation::sizeUnit(qint64 bytes) const {
    if (!m_health && bytes == 0) {
        return {};
    }
    return scaleBytes(bytes).second;
}

QString Workstation::sizeText(qint64 bytes) const {
    const auto [value, unit] = scaleBytes(bytes);
    return number(value) + QLatin1Char(' ') + unit;
}

QString Workstation::cpuText() const {
    return m_health ? QLocale().toString(m_health->cpuPercent, 'f', 0) : QString::fromUtf8(kDash);
}

QString Workstation::cpuCaption() const {
    if (!m_health || m_health->cpuCores <= 0) {
        return {};
    }
    return m_health->cpuCores == 1 ? tr("1 core, whole host")
                                   : tr("%1 cores, whole host").arg(m_health->cpuCores);
}

QString Workstation::cpuStatus() const {
    if (!m_health) {
        return QStringLiteral("offline");
    }
    return m_health->cpuPercent >= kCpuWarningPercent ? QStringLiteral("warning") : QStringLiteral("ok");
}

QString Workstation::memoryStatus() const {
    if (!m_health || m_health->memoryTotalBytes <= 0) {
        return QStringLiteral("offline");
    }
    const double used =
        static_cast<double>(m_health->memoryUsedBytes) / static_cast<double>(m_health->memoryTotalBytes);
    return used >= kMemoryWarningFraction ? QStringLiteral("warning") : QStringLiteral("ok");
}

QVariantList Workstation::disks() const {
    QVariantList list;
    if (!m_health) {
        return list;
    }
    for (qsizetype i = 0; i < m_health->disks.size(); ++i) {
        const core::model::DiskUsage& disk = m_health->disks.at(i);
        const double total = static_cast<double>(std::max<qint64>(disk.totalBytes, 1));
        const double freeFraction = static_cast<double>(disk.freeBytes) / total;
        QString status = QStringLiteral("ok");
        if (freeFraction < kDiskAlarmFreeFraction) {
            status = QStringLiteral("alarm");
        } else if (freeFraction < kDiskWarningFreeFraction) {
            status = QStringLiteral("warning");
        }
        const auto [freeValue, freeUnit] = scaleBytes(disk.freeBytes);
        list.append(QVariantMap{
            // The server lists the data folder's volume first (system_model.h).
            {QStringLiteral("label"), i == 0 ? tr("Data disk") : tr("Disk %1").arg(i + 1)},
            {QStringLiteral("path"), disk.path},
            {QStringLiteral("freeValue"), number(freeValue)},
            {QStringLiteral("freeUnit"), freeUnit},
            {QStringLiteral("totalText"), sizeText(disk.totalBytes)},
            {QStringLiteral("usedFraction"), 1.0 - freeFraction},
            {QStringLiteral("status"), status}});
    }
    return list;
}

QString Workstation::updatedText() const {
    if (!m_health) {
        return {};
    }
    return tr("Figures from %1, updated %2 (live over the event connection)")
        .arg(m_siteAddress, formatLocalTime(m_health->sampledMs, QStringLiteral("HH:mm:ss")));
}

QString Workstation::startedText() const {
    return m_info ? tr("since %1").arg(formatLocalTime(m_info->startedMs, QStringLiteral("yyyy-MM-dd HH:mm")))
                  : QString();
}

qint64 Workstation::uptimeMs() const {
    if (!m_info) {
        return -1;
    }
    // The latest sample's server time keeps uptime moving without a client-side clock.
    if (m_health && m_health->sampledMs > m_info->startedMs && m_info->startedMs > 0) {
        return m_health->sampledMs - m_info->startedMs;
    }
    return m_info->uptimeMs;
}

QString Workstation::uptimeValue() const {
    const qint64 ms = uptimeMs();
    if (ms < 0) {
        return QString::fromUtf8(kDash);
    }
    const qint64 minutes = ms / 60000;
    if (minutes < 60) {
        return QString::number(minutes);
    }
    if (minutes < 24 * 60) {
        return number(static_cast<double>(minutes) / 60.0);
    }
    return number(static_cast<double>(minutes) / (24.0 * 60.0));
}

QString Workstation::uptimeUnit() const {
    const qint64 ms = uptimeMs();
    if (ms < 0) {
        return {};
    }
    const qint64 minutes = ms / 60000;
    if (minutes < 60) {
        return tr("min");
    }
    return minutes < 24 * 60 ? tr("hours") : tr("days");
}

}  // namespace vigil::app
