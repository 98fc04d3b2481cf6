#pragma once
// AuditService: the "audit" service (issue 8, SEC-*, WIZ-1..4; docs in server/audit/README.md).
// Runs the security audit over the catalogue (audit_catalogue.cpp) with the checks other parts
// registered (audit_registry.h) as a job with progress and cancel; stores finished runs and
// attestations; applies fixes as a job, after the backup hook, each logged in the security log;
// keeps the target level and the re-audit schedule; raises a "security_drift" event when a run
// finds the site below its chosen level.
//
// Threads: the engine's. Checks answer through callbacks on that thread.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <functional>

#include "accounts/accounts_service.h"
#include "audit/audit_registry.h"
#include "audit/audit_repository.h"
#include "common/clock.h"
#include "engine/service.h"
#include "jobs/job_board.h"
#include "model/audit_model.h"

namespace vigil::server {

class Engine;

class AuditService : public Service {
    Q_OBJECT
public:
    static constexpr auto kAuditJob = "security_audit";
    static constexpr auto kFixJob = "security_fixes";
    static constexpr auto kSettingsKey = "security.audit";  // AuditSettings as JSON

    // Runs before fixes change anything (WIZ-2: reversible from a backup taken first), with the
    // passphrase the request gave ("" for the backup schedule's). `done` gets the backup's name, or an
    // error that stops the fixes.
    using BackupHook = std::function<void(const Actor& actor, const QString& passphrase,
                                          std::function<void(core::Result<QString>)> done)>;

    AuditService(Engine& engine, const core::Clock& clock, QObject* parent = nullptr);
    ~AuditService() override;

    AuditRegistry& registry() { return m_registry; }
    void setBackupHook(BackupHook hook) { m_backupHook = std::move(hook); }

    // The catalogue with each item's fix and whether a check answers for it in this build.
    QList<core::model::AuditItem> catalogue() const;

    core::model::AuditSettings settings() const { return m_settings; }
    core::Status setSettings(const Actor& actor, const core::model::AuditSettings& settings);
    // WIZ-1: the level for this site from its size and type (type: home, small, medium, large,
    // infrastructure; "" to judge from the cameras and users it has).
    core::Result<QJsonObject> recommendation(const QString& siteType) const;

    // Starts an audit of `level` (0: the target level, 1 when none is set). Actor empty: the schedule.
    core::Result<core::model::Job> startAudit(const Actor& actor, int level);
    core::Result<core::model::Job> startFixes(const Actor& actor, const QStringList& fixIds,
                                              const QString& backupPassphrase = {});
    std::optional<core::model::Job> job(const QString& id) const;
    QList<core::model::Job> jobs() const;
    std::optional<core::model::Job> cancel(const Actor& actor, const QString& id);

    core::Result<QList<QJsonObject>> runs(int limit) const { return m_repository.runs(limit); }
    core::Result<std::optional<QJsonObject>> run(const QString& id) const;  // "latest" for the newest

    core::Result<QList<core::model::Attestation>> attestations() const { return m_repository.attestations(); }
    core::Result<core::model::Attestation> attest(const Actor& actor, const QString& itemId, const QString& comment);
    core::Status withdraw(const Actor& actor, const QString& itemId);

    // SEC-1.6: every network-facing function with its state; switching one is logged.
    QList<core::model::NetworkFunction> functions() const;
    core::Result<core::model::NetworkFunction> setFunction(const Actor& actor, const QString& id, bool enabled);
    // Who declared a function needed (functions_table.cpp keeps it in the settings).
    std::optional<std::pair<QString, qint64>> functionConfirmation(const QString& id) const;

    // Writes to the security log as the API's changes are written (setting_changed, target "security.*").
    void record(const Actor& actor, const QString& target, const QString& detail);

signals:
    void jobChanged(const vigil::core::model::Job& job);
    // A run finished below the chosen level (also raised as an event of kind security_drift).
    void drifted(int targetLevel, const QStringList& itemIds);

public slots:
    // The schedule's tick: audits the target level unless an audit is running.
    void runScheduled();

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    struct RunState {
        core::model::AuditRun run;
        QList<core::model::AuditItem> items;
        int next = 0;
    };

    void loadSettings();
    void armSchedule();
    void step(const QString& jobId);
    void finishItem(const QString& jobId, int index, QList<core::model::AuditFinding> findings);
    void finishRun(const QString& jobId);
    void checkDrift(const core::model::AuditRun& run, const std::optional<QJsonObject>& previous);
    void applyFixes(const QString& jobId, const Actor& actor, const QStringList& fixIds, int index,
                    QJsonArray changes);
    QHash<QString, QString> functionConfirmations() const;  // raw setting, by id

    Engine& m_engine;
    const core::Clock& m_clock;
    AuditRegistry m_registry;
    AuditRepository m_repository;
    JobBoard m_jobs;
    QHash<QString, RunState> m_running;  // audit jobs in progress, by job id
    core::model::AuditSettings m_settings;
    QTimer m_schedule;
    BackupHook m_backupHook;
    bool m_started = false;
};

}  // namespace vigil::server
