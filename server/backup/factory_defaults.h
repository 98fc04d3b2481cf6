#pragma once
// FactoryDefaults: restore factory defaults (SEC-1.1). Administrators only (the route needs the
// permission "maintenance" and the caller's own password again), confirmed by typing RESET, written
// to the security log, and a configuration backup is made first. The platform then returns to its
// first-run state: every configuration table holds what a new database holds (no users: the setup
// screen comes back), every session ends. What stays: the platform id and its certificates, the
// licence, the security log, the backup files; the recordings (and the events that refer to them)
// stay or go as the request says.

#include <QJsonObject>
#include <functional>
#include <vector>

#include "accounts/accounts_service.h"
#include "store/database.h"
#include "store/migrations.h"

namespace vigil::server {

class BackupService;
class Service;

struct FactoryDefaultsRequest {
    static constexpr auto kConfirmation = "RESET";
    QString password;  // the caller's own, again
    QString confirm;   // must be kConfirmation
    bool keepRecordings = true;
    QString backupPassphrase;  // for the backup made first; empty: the schedule's

    static core::Result<FactoryDefaultsRequest> fromRequest(const QJsonObject& json);
};

class FactoryDefaults {
public:
    struct Options {
        const std::vector<core::store::Migration>* migrations = nullptr;
        QString scratchFolder;          // where the defaults are made (a new database)
        QString defaultRecordingsPath;  // the primary storage when none is configured
        Service* recording = nullptr;   // stopped while recordings are removed
        std::function<void()> reloadServices;
    };

    FactoryDefaults(core::store::Database& db, BackupService& backups, AccountsService& accounts,
                    Options options);

    // {backup: the file made first, recordingsKept, segmentsRemoved}. Errors: bad_request (not
    // confirmed), wrong_password, backup_passphrase_missing and the backup's own; nothing changes then.
    core::Result<QJsonObject> run(const Actor& actor, const FactoryDefaultsRequest& request);

    // The tables a factory reset keeps as they are, besides the runtime ones (ConfigSnapshot).
    static const QStringList& keptTables();

private:
    core::Result<QJsonObject> defaults() const;
    core::Result<int> removeRecordings();

    core::store::Database& m_db;
    BackupService& m_backups;
    AccountsService& m_accounts;
    Options m_options;
};

}  // namespace vigil::server
