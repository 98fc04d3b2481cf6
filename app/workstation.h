#pragma once
// Workstation: the top view model QML binds to (as the context property "workstation"). It owns the
// connection to one site at a time: "This computer" (the embedded engine, standalone) or a remote
// server (client). Both go through the same ApiClient: standalone only skips the trust prompt,
// because the workstation made that CA itself.
//
// It exposes the connection state, the trust prompt, the server's identity and the latest health
// figures (formatted here, so QML only lays them out), and the services and sites models.
//
// Accounts (issue 3): the session (SessionController) decides which screen shows (setup, login, the
// console) and which pages the user may open; the site's data is fetched only once signed in, because
// an initialised server answers nothing else without a session.

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "client/api_client.h"
#include "client/trust_store.h"
#include "model/system_model.h"
#include "platform/data_location.h"

namespace vigil::core::client {
class DevicesApi;
}
class QTimer;

namespace vigil::app {

class ClientSettings;
class DeviceListModel;
class DeviceTreeModel;
class EventCenterModel;
class EventRuleModel;
class EmbeddedEngine;
class HealthHistory;
class SiteCounts;
class LiveView;
class LocalFilesModel;
class PasswordStrength;
class PlaybackController;
class RoleListModel;
class SecurityLogModel;
class SecuritySettingsModel;
class SecurityWizard;
class LicenceModel;
class ServiceListModel;
class SessionController;
class SessionListModel;
class SiteListModel;
class InterfaceLanguage;
class UserListModel;

class Workstation : public QObject {
    Q_OBJECT
    // Site and connection
    Q_PROPERTY(QString mode READ mode NOTIFY siteChanged)
    Q_PROPERTY(QString siteName READ siteName NOTIFY siteChanged)
    Q_PROPERTY(QString siteAddress READ siteAddress NOTIFY siteChanged)
    Q_PROPERTY(QString standaloneAddress READ standaloneAddress NOTIFY siteChanged)
    Q_PROPERTY(QString siteDetail READ siteDetail NOTIFY connectionChanged)
    Q_PROPERTY(int defaultPort READ defaultPort CONSTANT)
    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY connectionChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY connectionChanged)
    Q_PROPERTY(bool authorityChanged READ authorityChanged NOTIFY connectionChanged)
    Q_PROPERTY(QString trustFingerprint READ trustFingerprint NOTIFY connectionChanged)
    Q_PROPERTY(QString trustSubject READ trustSubject NOTIFY connectionChanged)
    Q_PROPERTY(QString pinnedFingerprint READ pinnedFingerprint NOTIFY connectionChanged)
    Q_PROPERTY(bool eventsConnected READ eventsConnected NOTIFY connectionChanged)
    Q_PROPERTY(QString page READ page NOTIFY pageChanged)
    Q_PROPERTY(QString pageTitle READ pageTitle NOTIFY pageChanged)
    Q_PROPERTY(QVariantList pages READ pages NOTIFY pagesChanged)
    Q_PROPERTY(QString screen READ screen NOTIFY screenChanged)
    // Server identity
    Q_PROPERTY(bool hasInfo READ hasInfo NOTIFY infoChanged)
    Q_PROPERTY(QString serverName READ serverName NOTIFY infoChanged)
    Q_PROPERTY(QString serverId READ serverId NOTIFY infoChanged)
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY infoChanged)
    Q_PROPERTY(QString serverRole READ serverRole NOTIFY infoChanged)
    Q_PROPERTY(QString startedText READ startedText NOTIFY infoChanged)
    Q_PROPERTY(QString uptimeValue READ uptimeValue NOTIFY healthChanged)
    Q_PROPERTY(QString uptimeUnit READ uptimeUnit NOTIFY healthChanged)
    // Health (the HealthSnapshot's fields, plus display states decided here)
    Q_PROPERTY(bool hasHealth READ hasHealth NOTIFY healthChanged)
    Q_PROPERTY(qint64 sampledMs READ sampledMs NOTIFY healthChanged)
    Q_PROPERTY(QString updatedText READ updatedText NOTIFY healthChanged)
    Q_PROPERTY(double cpuPercent READ cpuPercent NOTIFY healthChanged)
    Q_PROPERTY(QString cpuText READ cpuText NOTIFY healthChanged)
    Q_PROPERTY(int cpuCores READ cpuCores NOTIFY healthChanged)
    Q_PROPERTY(QString cpuCaption READ cpuCaption NOTIFY healthChanged)
    Q_PROPERTY(QString cpuStatus READ cpuStatus NOTIFY healthChanged)
    Q_PROPERTY(qint64 memoryUsedBytes READ memoryUsedBytes NOTIFY healthChanged)
    Q_PROPERTY(qint64 memoryTotalBytes READ memoryTotalBytes NOTIFY healthChanged)
    Q_PROPERTY(QString memoryStatus READ memoryStatus NOTIFY healthChanged)
    Q_PROPERTY(qint64 networkRxBytesPerSec READ networkRxBytesPerSec NOTIFY healthChanged)
    Q_PROPERTY(qint64 networkTxBytesPerSec READ networkTxBytesPerSec NOTIFY healthChanged)
    Q_PROPERTY(QVariantList disks READ disks NOTIFY healthChanged)
    // Models
    Q_PROPERTY(QObject* services READ services CONSTANT)
    Q_PROPERTY(QObject* sites READ sites CONSTANT)
    Q_PROPERTY(QObject* session READ session CONSTANT)
    Q_PROPERTY(QObject* passwordStrength READ passwordStrength CONSTANT)
    Q_PROPERTY(QObject* users READ users CONSTANT)
    Q_PROPERTY(QObject* roles READ roles CONSTANT)
    Q_PROPERTY(QObject* onlineUsers READ onlineUsers CONSTANT)
    Q_PROPERTY(QObject* securityLog READ securityLog CONSTANT)
    Q_PROPERTY(QObject* securitySettings READ securitySettings CONSTANT)
    Q_PROPERTY(QObject* securityWizard READ securityWizard CONSTANT)
    Q_PROPERTY(QObject* live READ live CONSTANT)
    Q_PROPERTY(QObject* deviceTree READ deviceTree CONSTANT)
    Q_PROPERTY(QObject* licence READ licence CONSTANT)
    Q_PROPERTY(QObject* devices READ devices CONSTANT)
    Q_PROPERTY(QObject* playback READ playback CONSTANT)
    Q_PROPERTY(QObject* eventCenter READ eventCenter CONSTANT)
    Q_PROPERTY(QObject* eventRules READ eventRules CONSTANT)
    // Shell (CLI-2, CLI-3): this workstation's settings, the interface language, the alarm counter
    // of the top bar and the Home page's event counts.
    Q_PROPERTY(QObject* clientSettings READ clientSettings CONSTANT)
    Q_PROPERTY(QObject* language READ language CONSTANT)
    Q_PROPERTY(QObject* localFiles READ localFiles CONSTANT)
    // The last minutes of health samples for the Home page's charts (health_history.h).
    Q_PROPERTY(QObject* healthHistory READ healthHistory CONSTANT)
    Q_PROPERTY(int pendingAlarms READ pendingAlarms NOTIFY eventCountsChanged)
    // {available, total, handled, pending}; available is false until the events service feeds it.
    Q_PROPERTY(QVariantMap eventCounts READ eventCounts NOTIFY eventCountsChanged)
    // {available, total, online, offline} from the devices API.
    Q_PROPERTY(QVariantMap deviceCounts READ deviceCounts NOTIFY deviceCountsChanged)
    // Recording storage locations from /api/v1/recording/storage: [{label, path, recordingValue,
    // recordingUnit, caption, usedFraction, status}]; the note says why it is empty.
    Q_PROPERTY(QVariantList recordingStorage READ recordingStorage NOTIFY recordingStorageChanged)
    Q_PROPERTY(QString recordingStorageNote READ recordingStorageNote NOTIFY recordingStorageChanged)

public:
    static constexpr double kCpuWarningPercent = 90.0;
    static constexpr double kMemoryWarningFraction = 0.9;
    static constexpr double kDiskWarningFreeFraction = 0.15;
    static constexpr double kDiskAlarmFreeFraction = 0.05;
    static constexpr int kStorageRefreshMs = 30000;

    explicit Workstation(core::platform::DataLocation location, QObject* parent = nullptr);
    ~Workstation() override;

    QString mode() const { return m_standalone ? QStringLiteral("standalone") : QStringLiteral("client"); }
    QString siteName() const;
    QString siteAddress() const { return m_siteAddress; }
    QString standaloneAddress() const { return m_standaloneAddress; }
    QString siteDetail() const;
    int defaultPort() const;
    QString connectionState() const { return m_connectionState; }
    QString connectionText() const;
    QString errorMessage() const { return m_errorMessage; }
    bool authorityChanged() const { return m_errorCode == QLatin1String("tls_authority_changed"); }
    QString trustFingerprint() const { return m_client->candidateFingerprint(); }
    QString trustSubject() const { return m_client->candidateSubject(); }
    QString pinnedFingerprint() const { return m_client->pinnedFingerprint(); }
    bool eventsConnected() const { return m_client->eventsConnected(); }
    QString page() const { return m_page; }
    QString pageTitle() const;
    // The rail's entries the signed-in user may open: [{id, title, hint}].
    QVariantList pages() const;
    // "setup", "login" (full-window forms) or "console" (rail, header, pages; the lock screen covers it).
    QString screen() const;

    bool hasInfo() const { return m_info.has_value(); }
    QString serverName() const { return m_info ? m_info->serverName : QString(); }
    QString serverId() const { return m_info ? m_info->serverId : QString(); }
    QString serverVersion() const { return m_info ? m_info->version : QString(); }
    QString serverRole() const { return m_info ? m_info->role : QString(); }
    QString startedText() const;
    QString uptimeValue() const;
    QString uptimeUnit() const;

    bool hasHealth() const { return m_health.has_value(); }
    qint64 sampledMs() const { return m_health ? m_health->sampledMs : 0; }
    QString updatedText() const;
    double cpuPercent() const { return m_health ? m_health->cpuPercent : 0; }
    QString cpuText() const;
    int cpuCores() const { return m_health ? m_health->cpuCores : 0; }
    QString cpuCaption() const;
    QString cpuStatus() const;
    qint64 memoryUsedBytes() const { return m_health ? m_health->memoryUsedBytes : 0; }
    qint64 memoryTotalBytes() const { return m_health ? m_health->memoryTotalBytes : 0; }
    QString memoryStatus() const;
    qint64 networkRxBytesPerSec() const { return m_health ? m_health->networkRxBytesPerSec : 0; }
    qint64 networkTxBytesPerSec() const { return m_health ? m_health->networkTxBytesPerSec : 0; }
    QVariantList disks() const;

    QObject* services() const;
    QObject* sites() const;
    QObject* session() const;
    QObject* passwordStrength() const;
    QObject* users() const;
    QObject* roles() const;
    QObject* onlineUsers() const;
    QObject* securityLog() const;
    QObject* securitySettings() const;
    QObject* securityWizard() const;
    QObject* live() const;
    QObject* deviceTree() const;
    QObject* licence() const;
    QObject* devices() const;
    // The devices API of this site, shared by every page's models (live tree, devices page).
    core::client::DevicesApi* devicesApi() const { return m_devicesApi; }
    QObject* playback() const;
    QObject* eventCenter() const;
    QObject* eventRules() const;
    QObject* clientSettings() const;
    QObject* language() const;
    QObject* localFiles() const;
    QObject* healthHistory() const;
    ClientSettings* settings() const { return m_clientSettings; }
    InterfaceLanguage* interfaceLanguage() const { return m_language; }

    int pendingAlarms() const { return m_eventsPending; }
    QVariantMap eventCounts() const;
    // The hook for the event center's model (issue 6): the site's alarm counts, from its answer and
    // its pushes. The top bar's counter shows `pending`.
    void setEventCounts(qint64 total, qint64 handled, qint64 pending);
    void clearEventCounts();
    QVariantMap deviceCounts() const;
    // The hook for whoever fetches the devices list and follows its pushes (DevicesApi): Home's
    // devices tile. `online` counts the devices whose status is online.
    void setDeviceCounts(int total, int online);
    QVariantList recordingStorage() const { return m_recordingStorage; }
    QString recordingStorageNote() const;

    // Size formatting for tiles: 5637144576 -> "5.2" and "GB"; "—" while there is no figure.
    Q_INVOKABLE QString sizeValue(qint64 bytes) const;
    Q_INVOKABLE QString sizeUnit(qint64 bytes) const;
    Q_INVOKABLE QString sizeText(qint64 bytes) const;

    Q_INVOKABLE void showPage(const QString& page);
    Q_INVOKABLE bool canShowPage(const QString& page) const;
    Q_INVOKABLE void connectStandalone();
    Q_INVOKABLE void connectToSite(const QString& host, int port);
    Q_INVOKABLE void acceptTrust();
    Q_INVOKABLE void rejectTrust();
    Q_INVOKABLE void forgetCurrentSite();
    Q_INVOKABLE void removeSite(const QString& host, int port);
    Q_INVOKABLE void retry();

signals:
    void siteChanged();
    void connectionChanged();
    void pageChanged();
    void pagesChanged();
    void screenChanged();
    void infoChanged();
    void healthChanged();
    void eventCountsChanged();
    void deviceCountsChanged();
    void recordingStorageChanged();
    // The interface language changed: main.cpp retranslates the QML engine.
    void languageChanged();

private:
    void setConnectionState(const QString& state, const QString& errorMessage = {},
                            const QString& errorCode = {});
    void resetSiteData();
    void onEngineReady(const QUrl& baseUrl, const QSslCertificate& authority);
    void onClientReady();
    void onClientFailed(const core::Error& error);
    void onPush(const core::model::PushMessage& message);
    void applyHealth(const core::model::HealthSnapshot& health);
    void applyInfo(const core::model::SystemInfo& info);
    void fetchRecordingStorage();
    void applyRecordingStorage(const QJsonObject& answer);
    void setRecordingStorage(QVariantList tiles, const QString& problem);
    void refresh();
    void refreshPage();
    void onLoggedIn();
    void onLoggedOut();
    qint64 uptimeMs() const;

    core::platform::DataLocation m_location;
    std::unique_ptr<core::client::TrustStore> m_trust;
    core::client::ApiClient* m_client;
    EmbeddedEngine* m_engine;
    ServiceListModel* m_services;
    SiteListModel* m_sites;
    SessionController* m_session;
    PasswordStrength* m_strength;
    RoleListModel* m_roles;
    UserListModel* m_users;
    SessionListModel* m_onlineUsers;
    SecurityLogModel* m_securityLog;
    SecuritySettingsModel* m_securitySettings;
    SecurityWizard* m_securityWizard = nullptr;
    core::client::DevicesApi* m_devicesApi;
    ClientSettings* m_clientSettings;
    InterfaceLanguage* m_language;
    LocalFilesModel* m_localFiles;
    HealthHistory* m_healthHistory;
    DeviceTreeModel* m_deviceTree;
    LiveView* m_live;
    LicenceModel* m_licence;
    DeviceListModel* m_devices;
    PlaybackController* m_playback;
    SiteCounts* m_siteCounts;  // Home's devices and alarms, the top bar's counter
    EventCenterModel* m_eventCenter;
    EventRuleModel* m_eventRules;

    bool m_standalone = true;
    QString m_siteAddress;        // "host:port" of the current site
    QString m_standaloneAddress;  // "127.0.0.1:port" once the embedded engine runs
    QUrl m_standaloneUrl;
    QSslCertificate m_standaloneAuthority;
    QString m_connectionState = QStringLiteral("idle");
    QString m_errorMessage;
    QString m_errorCode;
    QString m_page = QStringLiteral("home");
    std::optional<core::model::SystemInfo> m_info;
    std::optional<core::model::HealthSnapshot> m_health;
    bool m_loggedHealth = false;
    bool m_hasEventCounts = false;
    qint64 m_eventsTotal = 0;
    qint64 m_eventsHandled = 0;
    int m_eventsPending = 0;
    bool m_hasDeviceCounts = false;
    int m_devicesTotal = 0;
    int m_devicesOnline = 0;
    QTimer* m_storageTimer;  // recordings grow: Home asks again while it shows
    QVariantList m_recordingStorage;
    QString m_recordingStorageProblem;  // why there are no figures (no permission, an error)
};

}  // namespace vigil::app
