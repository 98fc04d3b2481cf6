#pragma once
// SecurityWizard: the Security wizard page (issue 8, WIZ-1..4), as `workstation.securityWizard`.
// Four steps:
//  1. level: recommends a protection level from the site's size (cameras from the devices API, users)
//     and type, and lets the administrator choose one (saved as the site's chosen level);
//  2. audit: runs the audit of that level as a server job (progress, cancel) and walks its items
//     (AuditItemModel) with state, why it matters, evidence, the fix to choose or apply at once, or
//     the confirmation form for what only a person can check;
//  3. fixes: applies the chosen fixes as a server job (progress, cancel) after the server's backup,
//     lists what changed, then audits again so each fixed item shows its new state;
//  4. report: saves the report of the latest audit as HTML and PDF into a folder and opens it;
//     re-audit now; the chosen level and the re-audit schedule (a drift below it raises an event).
// The wording lives here and in QML (qsTr); the server's items (titles, why, fix titles) and the
// report come in the interface language (setLanguage, ?lang=), evidence and changes as the server
// measured them.

#include <QObject>
#include <QPointer>
#include <QVariantList>

#include "client/security_api.h"
#include "model/audit_model.h"
#include "model/job_model.h"

namespace vigil::core::client {
class DevicesApi;
class FileDownload;
}  // namespace vigil::core::client

namespace vigil::app {

class AuditItemModel;

class SecurityWizard : public QObject {
    Q_OBJECT
    Q_PROPERTY(int step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QObject* items READ items CONSTANT)
    // Step 1
    Q_PROPERTY(QVariantList siteTypes READ siteTypes CONSTANT)
    Q_PROPERTY(QString siteType READ siteType NOTIFY recommendationChanged)
    Q_PROPERTY(int cameraCount READ cameraCount NOTIFY recommendationChanged)
    Q_PROPERTY(int userCount READ userCount NOTIFY recommendationChanged)
    Q_PROPERTY(int recommendedLevel READ recommendedLevel NOTIFY recommendationChanged)
    Q_PROPERTY(QString recommendationText READ recommendationText NOTIFY recommendationChanged)
    Q_PROPERTY(int level READ level NOTIFY levelChanged)
    Q_PROPERTY(QVariantList levels READ levels NOTIFY changed)
    // Step 2
    Q_PROPERTY(bool auditRunning READ auditRunning NOTIFY auditChanged)
    Q_PROPERTY(double auditProgress READ auditProgress NOTIFY auditChanged)
    Q_PROPERTY(QString auditStatus READ auditStatus NOTIFY auditChanged)
    Q_PROPERTY(bool hasRun READ hasRun NOTIFY auditChanged)
    Q_PROPERTY(bool runMet READ runMet NOTIFY auditChanged)
    Q_PROPERTY(bool runStale READ runStale NOTIFY auditChanged)
    Q_PROPERTY(QString runText READ runText NOTIFY auditChanged)
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY auditChanged)
    Q_PROPERTY(QString filter READ filter NOTIFY filterChanged)
    Q_PROPERTY(bool onlyOpen READ onlyOpen NOTIFY filterChanged)
    // Step 3
    Q_PROPERTY(QVariantList chosenFixes READ chosenFixes NOTIFY fixesChanged)
    Q_PROPERTY(bool fixesRunning READ fixesRunning NOTIFY fixesChanged)
    Q_PROPERTY(double fixProgress READ fixProgress NOTIFY fixesChanged)
    Q_PROPERTY(QString fixStatus READ fixStatus NOTIFY fixesChanged)
    Q_PROPERTY(bool fixesDone READ fixesDone NOTIFY fixesChanged)
    Q_PROPERTY(QString backupText READ backupText NOTIFY fixesChanged)
    Q_PROPERTY(bool backupTaken READ backupTaken NOTIFY fixesChanged)
    Q_PROPERTY(QVariantList appliedFixes READ appliedFixes NOTIFY fixesChanged)
    Q_PROPERTY(bool needsPassphrase READ needsPassphrase NOTIFY fixesChanged)
    // Step 4
    Q_PROPERTY(QString reportFolder READ reportFolder NOTIFY reportChanged)
    Q_PROPERTY(bool reportBusy READ reportBusy NOTIFY reportChanged)
    Q_PROPERTY(QString reportHtmlPath READ reportHtmlPath NOTIFY reportChanged)
    Q_PROPERTY(QString reportPdfPath READ reportPdfPath NOTIFY reportChanged)
    Q_PROPERTY(int targetLevel READ targetLevel NOTIFY settingsChanged)
    Q_PROPERTY(int scheduleHours READ scheduleHours NOTIFY settingsChanged)
    Q_PROPERTY(QVariantList scheduleChoices READ scheduleChoices CONSTANT)
    Q_PROPERTY(QString settingsText READ settingsText NOTIFY settingsChanged)
    // Feedback
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString messageKind READ messageKind NOTIFY messageChanged)

public:
    static constexpr int kSteps = 4;

    SecurityWizard(core::client::ApiClient* client, core::client::DevicesApi* devices, QString reportFolder,
                   QObject* parent = nullptr);
    ~SecurityWizard() override;

    // Documents/Vigil/Security reports, or reports/ beside a portable installation's data.
    static QString defaultReportFolder(const QString& portableRoot);

    int step() const { return m_step; }
    bool loaded() const { return m_loaded; }
    QObject* items() const;

    QVariantList siteTypes() const;
    QString siteType() const { return m_siteType; }
    int cameraCount() const { return m_cameraCount; }
    int userCount() const { return m_advice.users; }
    int recommendedLevel() const { return m_recommended ? m_advice.level : 0; }
    QString recommendationText() const;
    int level() const { return m_level; }
    QVariantList levels() const;

    bool auditRunning() const { return !m_auditJob.isEmpty(); }
    double auditProgress() const { return m_auditProgress; }
    QString auditStatus() const { return m_auditStatus; }
    bool hasRun() const { return !m_run.id.isEmpty(); }
    bool runMet() const;
    bool runStale() const { return m_runStale; }
    QString runText() const;
    QVariantMap counts() const;
    QString filter() const { return m_filter; }
    bool onlyOpen() const { return m_onlyOpen; }

    QVariantList chosenFixes() const;
    bool fixesRunning() const { return !m_fixJob.isEmpty(); }
    double fixProgress() const { return m_fixProgress; }
    QString fixStatus() const;
    bool fixesDone() const { return m_fixesDone; }
    QString backupText() const;
    bool backupTaken() const;
    QVariantList appliedFixes() const;
    bool needsPassphrase() const { return m_needsPassphrase; }

    QString reportFolder() const { return m_reportFolder; }
    bool reportBusy() const { return m_reportBusy; }
    QString reportHtmlPath() const { return m_reportHtml; }
    QString reportPdfPath() const { return m_reportPdf; }
    int targetLevel() const { return m_settings.targetLevel; }
    int scheduleHours() const { return m_settings.scheduleHours; }
    QVariantList scheduleChoices() const;
    QString settingsText() const;

    QString message() const { return m_message; }
    QString messageKind() const { return m_messageKind; }

    // Fetches the catalogue, the settings, the site's size and the latest run.
    Q_INVOKABLE void load();
    void clear();
    // The interface language ("en", "de", "zh_CN"): the server words the items, fixes and the report
    // in it; a change while loaded fetches the items again in the new language.
    void setLanguage(const QString& language);

    Q_INVOKABLE void goTo(int step);
    Q_INVOKABLE void next();
    Q_INVOKABLE void back();
    Q_INVOKABLE void chooseSiteType(const QString& siteType);
    Q_INVOKABLE void chooseLevel(int level);

    Q_INVOKABLE void runAudit();
    // Cancels the running audit or fix job.
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void setFilter(const QString& text, bool onlyOpen);
    Q_INVOKABLE void setFixChosen(const QString& itemId, bool chosen);
    // One click: applies this item's fix alone (step 3 shows it going through).
    Q_INVOKABLE void fixNow(const QString& itemId);
    Q_INVOKABLE void applyChosenFixes();
    // The passphrase of the backup made before fixes (kept in memory only); "" : the backup schedule's.
    Q_INVOKABLE void setBackupPassphrase(const QString& passphrase) { m_backupPassphrase = passphrase; }
    // The fixes tried last, again (after a passphrase was given).
    Q_INVOKABLE void retryFixes();
    Q_INVOKABLE void attest(const QString& itemId, const QString& comment);
    Q_INVOKABLE void withdraw(const QString& itemId);

    Q_INVOKABLE void setReportFolder(const QString& folder);
    // Saves the latest audit's report as HTML and PDF (auditing again first when something changed
    // since that audit, so the report says what is true now).
    Q_INVOKABLE void saveReport();
    Q_INVOKABLE void openReport();
    Q_INVOKABLE void openReportFolder();
    Q_INVOKABLE void saveSettings(int targetLevel, int scheduleHours);

signals:
    void stepChanged();
    void changed();
    void recommendationChanged();
    void levelChanged();
    void auditChanged();
    void filterChanged();
    void fixesChanged();
    void reportChanged();
    void settingsChanged();
    void messageChanged();

private:
    void say(const QString& text, const QString& kind = QStringLiteral("error"));
    void fetchRecommendation();
    void fetchLatestRun();
    void takeRun(const core::model::AuditRun& run);
    void onAuditJob(const core::model::Job& job);
    void startFixes(const QStringList& fixIds);
    void onFixJob(const core::model::Job& job);
    void saveChosenLevel();
    void downloadReport(bool pdf);
    void fetchCatalogue();
    void reportDone(const QString& path, const core::Status& status);
    QString reportBaseName() const;

    core::client::SecurityApi* m_api;
    QPointer<core::client::DevicesApi> m_devices;
    AuditItemModel* m_items;

    int m_step = 1;
    bool m_loaded = false;
    QString m_siteType;
    int m_cameraCount = -1;  // -1: not known (no device_config permission or not fetched yet)
    core::client::AuditRecommendation m_advice;
    bool m_recommended = false;
    int m_level = 0;
    bool m_levelTouched = false;  // the administrator chose it (the recommendation no longer moves it)
    core::model::AuditSettings m_settings;

    QString m_auditJob;  // the running audit's job id
    double m_auditProgress = 0;
    QString m_auditStatus;
    core::model::AuditRun m_run;  // the latest finished run (results included)
    bool m_runStale = false;      // an attestation or fix since that run
    bool m_reportAfterAudit = false;
    QString m_filter;
    bool m_onlyOpen = false;

    QString m_fixJob;
    double m_fixProgress = 0;
    QString m_fixStatus;
    bool m_fixesDone = false;
    core::client::FixJobResult m_fixResult;
    QHash<QString, QString> m_fixedItems;    // fix id -> item id it was chosen for
    QHash<QString, QString> m_statesBefore;  // item id -> state before the fixes
    QStringList m_lastFixIds;
    QString m_backupPassphrase;
    bool m_needsPassphrase = false;

    QString m_reportFolder;
    bool m_reportBusy = false;
    int m_reportPending = 0;
    QString m_reportHtml;
    QString m_reportPdf;
    QList<QPointer<core::client::FileDownload>> m_downloads;

    QString m_message;
    QString m_messageKind;
};

}  // namespace vigil::app
