#pragma once
// BackupService: the "backup" service (SEC-2.7; README.md). Makes configuration backups
// (config_snapshot.h, sealed by core/backup) into a folder, restores them after checking the whole
// file, runs the daily/weekly schedule and keeps its newest N files, and reports all of it through
// jobs (server/jobs) with progress and cancel, and in the security log.
//
// Threads: the engine's. The slow parts (Argon2id, encryption, the scratch database a restore is
// checked in) run on the service's pool; the database of the engine is read and written on its
// thread only, so a restore replaces the configuration between two requests.

#include <QDir>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

#include "accounts/accounts_service.h"
#include "backup/backup_file.h"
#include "common/clock.h"
#include "engine/service.h"
#include "jobs/job_board.h"
#include "license/ed25519.h"
#include "store/migrations.h"

namespace vigil::server {

class FactoryDefaults;
class SettingsRepository;
class UpdateCatalogue;

// One file in a backup folder, as its header describes it.
struct BackupEntry {
    QString name;
    qint64 bytes = 0;
    bool scheduled = false;  // made by the schedule (and rotated by it)
    QString problem;         // why the header cannot be read; empty when it can
    core::backup::BackupHeader header;

    QJsonObject toJson() const;
};

struct BackupSchedule {
    static constexpr int kMaxKeep = 365;
    bool enabled = false;
    QString frequency = QStringLiteral("daily");  // daily | weekly
    int weekday = 1;                              // weekly: 1 Monday .. 7 Sunday (UTC)
    int minuteOfDay = 2 * 60;                     // UTC minutes after midnight, shown as "HH:MM"
    int keep = 7;                                 // scheduled files kept, newest first
    QString folder;                               // absolute; empty: the platform's backup folder
    bool passphraseSet = false;                   // the passphrase itself is never shown

    QJsonObject toJson() const;
    // The request: every field but passphraseSet, plus an optional "passphrase".
    static core::Result<BackupSchedule> fromRequest(const QJsonObject& json, QString* passphrase);
};

// What the audit engine's backup check reads (SEC-2.7): is there a schedule, when was the last
// backup, how many are kept.
struct BackupState {
    bool scheduleEnabled = false;
    bool passphraseSet = false;
    int keep = 0;
    qint64 lastBackupMs = 0;  // newest file in the folders; 0: none
    int files = 0;

    QJsonObject toJson() const;
};

class BackupService : public Service {
    Q_OBJECT
public:
    static constexpr auto kBackupKind = "backup";
    static constexpr auto kRestoreKind = "restore";
    static constexpr auto kSuffix = ".vbk";
    static constexpr auto kScheduleKey = "backup.schedule";
    static constexpr auto kSchedulePassphraseKey = "backup.schedule_passphrase";
    static constexpr auto kScheduleLastKey = "backup.schedule_last_ms";
    static constexpr auto kSigningKey = "backup.signing_key";
    static constexpr int kScheduleTickMs = 60 * 1000;

    struct Options {
        QString folder;         // the platform's backup folder (<data>/backups)
        QString scratchFolder;  // where a restore is checked (<data>/restore-check)
        QString platformId;
        QString platformName;
        core::backup::KdfParameters kdf;                                  // tests lower the cost
        const std::vector<core::store::Migration>* migrations = nullptr;  // the server's schema
        // After a restore is written: re-read what services keep in memory (the engine restarts them).
        std::function<void()> reloadServices;
    };

    BackupService(core::store::Database& db, SettingsRepository& settings, AccountsService& accounts,
                  const core::Clock& clock, Options options, QObject* parent = nullptr);
    ~BackupService() override;

    JobBoard& jobs() { return m_jobs; }

    // Factory defaults (SEC-1.1) and updates (SEC-1.4) live with the backup: the one makes a backup
    // first, the other is kept in the settings a backup carries. The engine sets them once.
    void setMaintenance(std::unique_ptr<FactoryDefaults> defaults, std::unique_ptr<UpdateCatalogue> updates);
    FactoryDefaults* factoryDefaults() const { return m_factoryDefaults.get(); }
    UpdateCatalogue* updates() const { return m_updates.get(); }

    core::Result<QList<BackupEntry>> list() const;
    // The path of a stored backup by file name; backup_not_found when there is none.
    core::Result<QString> pathOf(const QString& name) const;
    core::Status remove(const Actor& actor, const QString& name);
    // Keeps an uploaded file (its header must read) in the platform's folder.
    core::Result<BackupEntry> store(const Actor& actor, const QString& name, const QByteArray& bytes);

    // A backup job (kind "backup"); the file name is in its result once it succeeded.
    core::Result<core::model::Job> startBackup(const Actor& actor, const QString& passphrase,
                                               const QString& reason);
    // Now, on this thread, with `passphrase` or (empty) the schedule's: the hook for "back up before
    // fixes" (the audit engine) and factory defaults. Returns the file's path. backup_passphrase_missing
    // when neither is set.
    core::Result<QString> backupNow(const QString& reason, const QString& passphrase = {});

    // A restore job (kind "restore"): the whole file is checked, then the configuration replaced
    // and the services that keep it in memory reloaded. checkOnly: the checks alone, nothing changes.
    core::Result<core::model::Job> startRestore(const Actor& actor, const QString& name,
                                                const QString& passphrase, bool checkOnly);

    BackupSchedule schedule() const;
    core::Status setSchedule(const Actor& actor, const BackupSchedule& schedule, const QString& passphrase);
    // Makes the scheduled backup when one is due (the timer calls it each minute) and rotates the
    // folder; returns the new file's name, or empty when none was due.
    core::Result<QString> runDueSchedule();

    BackupState backupState() const;

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    core::Result<core::license::Ed25519Key> signingKey();
    core::Result<core::backup::BackupHeader> headerFor(const QString& reason) const;
    core::Result<QString> writeBackup(const QString& folder, const QString& prefix, const QByteArray& bytes,
                                      qint64 createdMs);
    QString folderOf(const BackupSchedule& schedule) const;
    QStringList folders() const;
    void rotate(const BackupSchedule& schedule);
    core::Result<QByteArray> seal(const QString& passphrase, const QString& reason);
    void backupSealed(const QString& jobId, const Actor& actor, const core::Result<QByteArray>& bytes,
                      qint64 createdMs);
    void restoreChecked(const QString& jobId, const Actor& actor, const QString& name, bool checkOnly,
                        const core::Result<QJsonObject>& snapshot, const core::backup::BackupHeader& header);
    void audit(const QString& kind, const Actor& actor, const QString& target, const QString& detail);

    core::store::Database& m_db;
    SettingsRepository& m_settings;
    AccountsService& m_accounts;
    const core::Clock& m_clock;
    Options m_options;
    JobBoard m_jobs;
    QThreadPool m_pool;
    QTimer m_tick;
    std::unique_ptr<FactoryDefaults> m_factoryDefaults;
    std::unique_ptr<UpdateCatalogue> m_updates;
};

}  // namespace vigil::server
