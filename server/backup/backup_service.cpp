#include "backup/backup_service.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>

#include "backup/backup_cipher.h"
#include "backup/config_snapshot.h"
#include "backup/factory_defaults.h"
#include "backup/update_catalogue.h"
#include "engine/settings_repository.h"
#include "model/json_fields.h"
#include "server_logging.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::backup::BackupCipher;
using core::backup::BackupFile;
using core::backup::BackupHeader;
using core::model::FieldReader;
using core::model::Job;

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr auto kManualPrefix = "vigil-backup";
constexpr auto kScheduledPrefix = "vigil-scheduled";
constexpr qint64 kMaxFileBytes = BackupFile::kMaxContentBytes + 64 * 1024;

bool validName(const QString& name) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,126}\\.vbk$"));
    return kName.match(name).hasMatch() && !name.contains(QStringLiteral(".."));
}

Error notFound(const QString& name) {
    return Error::make(QStringLiteral("backup_not_found"),
                       QStringLiteral("There is no backup \"%1\". GET /api/v1/system/backups lists them.")
                           .arg(name.left(128)));
}

QString timeText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

Result<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(QStringLiteral("backup_unreadable"),
                           QStringLiteral("The backup %1 cannot be read: %2.").arg(path, file.errorString()));
    }
    if (file.size() > kMaxFileBytes) {
        return Error::make(QStringLiteral("backup_malformed"),
                           QStringLiteral("The file %1 is larger than any backup can be.").arg(path));
    }
    return file.readAll();
}

// The last moment the schedule was due at or before nowMs.
qint64 lastSlot(const BackupSchedule& schedule, qint64 nowMs) {
    qint64 slot = (nowMs / kDayMs) * kDayMs + schedule.minuteOfDay * 60000LL;
    if (slot > nowMs) {
        slot -= kDayMs;
    }
    if (schedule.frequency == QLatin1String("weekly")) {
        while (QDateTime::fromMSecsSinceEpoch(slot, Qt::UTC).date().dayOfWeek() != schedule.weekday) {
            slot -= kDayMs;
        }
    }
    return slot;
}

// Everything a restore checks before it changes anything, off the engine's thread: the file, its
// signature, its schema, the passphrase, the tag; then the contents migrated in a scratch database.
struct RestoreCheck {
    BackupHeader header;
    Result<QJsonObject> snapshot = Error{};
};

RestoreCheck checkRestore(const QString& path, const QString& passphrase, const QString& scratchDir,
                          const std::vector<core::store::Migration>& migrations,
                          const core::Cancellation& cancel, const std::function<void(double)>& progress) {
    RestoreCheck check;
    auto bytes = readFile(path);
    if (!bytes) {
        check.snapshot = bytes.error();
        return check;
    }
    auto file = BackupFile::parse(bytes.value());
    if (!file) {
        check.snapshot = file.error();
        return check;
    }
    check.header = file->header;
    if (Status signature = BackupCipher::checkSignature(file.value()); !signature) {
        check.snapshot = signature.error();
        return check;
    }
    const int current = migrations.empty() ? 0 : migrations.back().version;
    if (file->header.schemaVersion > current) {
        check.snapshot =
            ConfigSnapshot::upgrade({}, file->header.schemaVersion, migrations, scratchDir).error();
        return check;
    }
    progress(0.2);
    auto plain = BackupCipher::open(file.value(), passphrase);
    if (!plain || cancel.isCancelled()) {
        check.snapshot = plain ? Error{} : plain.error();
        return check;
    }
    progress(0.6);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(plain.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        check.snapshot =
            Error::make(QStringLiteral("backup_contents_invalid"),
                        QStringLiteral("The backup's contents are not the configuration document Vigil "
                                       "writes; nothing was changed."));
        return check;
    }
    QDir(scratchDir).removeRecursively();
    QDir().mkpath(scratchDir);
    check.snapshot =
        ConfigSnapshot::upgrade(document.object(), file->header.schemaVersion, migrations, scratchDir);
    QDir(scratchDir).removeRecursively();
    progress(0.8);
    return check;
}

}  // namespace

// --- JSON -----------------------------------------------------------------------------------------

QJsonObject BackupEntry::toJson() const {
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("scheduled"), scheduled},
                       {QStringLiteral("problem"), problem},
                       {QStringLiteral("createdMs"), header.createdMs},
                       {QStringLiteral("reason"), header.reason},
                       {QStringLiteral("platformId"), header.platformId},
                       {QStringLiteral("platformName"), header.platformName},
                       {QStringLiteral("productVersion"), header.productVersion},
                       {QStringLiteral("formatVersion"), header.formatVersion},
                       {QStringLiteral("schemaVersion"), header.schemaVersion}};
}

QJsonObject BackupSchedule::toJson() const {
    return QJsonObject{{QStringLiteral("enabled"), enabled},
                       {QStringLiteral("frequency"), frequency},
                       {QStringLiteral("weekday"), weekday},
                       {QStringLiteral("time"), QStringLiteral("%1:%2")
                                                    .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
                                                    .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'))},
                       {QStringLiteral("keep"), keep},
                       {QStringLiteral("folder"), folder},
                       {QStringLiteral("passphraseSet"), passphraseSet}};
}

Result<BackupSchedule> BackupSchedule::fromRequest(const QJsonObject& json, QString* passphrase) {
    const QString context = QStringLiteral("backup schedule");
    FieldReader read(json, context, FieldReader::Mode::Request);
    BackupSchedule schedule;
    schedule.enabled = read.boolean(QStringLiteral("enabled"));
    schedule.frequency = read.string(QStringLiteral("frequency"));
    if (read.has(QStringLiteral("weekday"))) {
        schedule.weekday = read.smallInteger(QStringLiteral("weekday"));
    }
    const QString time = read.string(QStringLiteral("time"));
    schedule.keep = read.smallInteger(QStringLiteral("keep"));
    if (read.has(QStringLiteral("folder"))) {
        schedule.folder = read.string(QStringLiteral("folder"));
    }
    if (read.has(QStringLiteral("passphrase"))) {
        *passphrase = read.string(QStringLiteral("passphrase"));
    }
    if (!read.finish()) {
        return read.error();
    }
    if (schedule.frequency != QLatin1String("daily") && schedule.frequency != QLatin1String("weekly")) {
        return FieldReader::badRequest(context, QStringLiteral("frequency"),
                                       QStringLiteral("must be daily or weekly"));
    }
    if (schedule.weekday < 1 || schedule.weekday > 7) {
        return FieldReader::badRequest(context, QStringLiteral("weekday"),
                                       QStringLiteral("must be 1 (Monday) to 7 (Sunday)"));
    }
    static const QRegularExpression kTime(QStringLiteral("^([01][0-9]|2[0-3]):([0-5][0-9])$"));
    const auto match = kTime.match(time);
    if (!match.hasMatch()) {
        return FieldReader::badRequest(context, QStringLiteral("time"),
                                       QStringLiteral("must be HH:MM in UTC, 00:00 to 23:59"));
    }
    schedule.minuteOfDay = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    if (schedule.keep < 1 || schedule.keep > kMaxKeep) {
        return FieldReader::badRequest(context, QStringLiteral("keep"),
                                       QStringLiteral("must be 1 to %1").arg(kMaxKeep));
    }
    if (!schedule.folder.isEmpty() && !QDir::isAbsolutePath(schedule.folder)) {
        return FieldReader::badRequest(
            context, QStringLiteral("folder"),
            QStringLiteral(
                "must be an absolute path on the server, or empty for the platform's backup folder"));
    }
    return schedule;
}

QJsonObject BackupState::toJson() const {
    return QJsonObject{{QStringLiteral("scheduleEnabled"), scheduleEnabled},
                       {QStringLiteral("passphraseSet"), passphraseSet},
                       {QStringLiteral("keep"), keep},
                       {QStringLiteral("lastBackupMs"), lastBackupMs},
                       {QStringLiteral("files"), files}};
}

// --- service --------------------------------------------------------------------------------------

BackupService::BackupService(core::store::Database& db, SettingsRepository& settings,
                             AccountsService& accounts, const core::Clock& clock, Options options,
                             QObject* parent)
    : Service(QStringLiteral("backup"), QStringLiteral("Configuration backup"), parent),
      m_db(db),
      m_settings(settings),
      m_accounts(accounts),
      m_clock(clock),
      m_options(std::move(options)),
      m_jobs(clock, JobBoard::Retention{}) {
    m_pool.setMaxThreadCount(1);  // one Argon2id at a time bounds the memory it takes
    m_tick.setInterval(kScheduleTickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (auto made = runDueSchedule(); !made) {
            qCWarning(lcEngine).noquote() << "scheduled backup failed:" << made.error().message;
        }
    });
}

BackupService::~BackupService() {
    m_pool.waitForDone();
}

void BackupService::setMaintenance(std::unique_ptr<FactoryDefaults> defaults,
                                   std::unique_ptr<UpdateCatalogue> updates) {
    m_factoryDefaults = std::move(defaults);
    m_updates = std::move(updates);
}

Status BackupService::doStart() {
    if (!QDir().mkpath(m_options.folder)) {
        return Error::make(
            QStringLiteral("backup_folder_unavailable"),
            QStringLiteral("The backup folder %1 cannot be made. Check the server's permissions there.")
                .arg(m_options.folder));
    }
    QFile::setPermissions(m_options.folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_tick.start();
    return {};
}

void BackupService::doStop() {
    m_tick.stop();
    m_jobs.cancelAll(QStringLiteral("service_stopped"), QStringLiteral("The backup service stopped."));
    m_pool.waitForDone();
}

void BackupService::audit(const QString& kind, const Actor& actor, const QString& target,
                          const QString& detail) {
    m_accounts.record(kind, actor, target, detail);
}

Result<core::license::Ed25519Key> BackupService::signingKey() {
    auto stored = m_settings.value(QLatin1String(kSigningKey));
    if (!stored) {
        return stored.error();
    }
    if (stored.value()) {
        return core::license::Ed25519::fromPrivatePem(stored.value()->toLatin1());
    }
    // Made once per installation; kept in the encrypted database and never part of a backup.
    auto made = core::license::Ed25519::generate();
    if (!made) {
        return made.error();
    }
    if (Status saved = m_settings.setValue(QLatin1String(kSigningKey), QString::fromLatin1(made->privatePem));
        !saved) {
        return saved.error();
    }
    return made;
}

Result<BackupHeader> BackupService::headerFor(const QString& reason) const {
    auto version = core::store::Migrator::currentVersion(m_db);
    if (!version) {
        return version.error();
    }
    BackupHeader header;
    header.schemaVersion = version.value();
    header.platformId = m_options.platformId;
    header.platformName = m_options.platformName;
    header.productVersion = QStringLiteral(VIGIL_VERSION);
    header.createdMs = m_clock.nowMs();
    header.reason = reason.left(128);
    header.kdf = m_options.kdf;
    return header;
}

QString BackupService::folderOf(const BackupSchedule& schedule) const {
    return schedule.folder.isEmpty() ? m_options.folder : schedule.folder;
}

QStringList BackupService::folders() const {
    QStringList result{m_options.folder};
    const QString scheduled = folderOf(schedule());
    if (QDir(scheduled).absolutePath() != QDir(m_options.folder).absolutePath()) {
        result.append(scheduled);
    }
    return result;
}

Result<QString> BackupService::writeBackup(const QString& folder, const QString& prefix,
                                           const QByteArray& bytes, qint64 createdMs) {
    if (!QDir().mkpath(folder)) {
        return Error::make(
            QStringLiteral("backup_folder_unavailable"),
            QStringLiteral("The backup folder %1 cannot be made. Check the path and the server's "
                           "permissions there.")
                .arg(folder));
    }
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    QString name = QStringLiteral("%1-%2%3").arg(prefix, stamp, QLatin1String(kSuffix));
    for (int n = 2; QFileInfo::exists(folder + QLatin1Char('/') + name); ++n) {
        name = QStringLiteral("%1-%2-%3%4").arg(prefix, stamp).arg(n).arg(QLatin1String(kSuffix));
    }
    QSaveFile file(folder + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error::make(
            QStringLiteral("backup_write_failed"),
            QStringLiteral("The backup could not be written to %1: %2. Check the free space and "
                           "permissions there.")
                .arg(folder, file.errorString()));
    }
    QFile::setPermissions(folder + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return name;
}

Result<QList<BackupEntry>> BackupService::list() const {
    QList<BackupEntry> entries;
    for (const QString& folder : folders()) {
        const QFileInfoList files = QDir(folder).entryInfoList({QStringLiteral("*") + QLatin1String(kSuffix)},
                                                               QDir::Files, QDir::Name | QDir::Reversed);
        for (const QFileInfo& info : files) {
            if (!validName(info.fileName())) {
                continue;
            }
            BackupEntry entry;
            entry.name = info.fileName();
            entry.bytes = info.size();
            entry.scheduled = entry.name.startsWith(QLatin1String(kScheduledPrefix));
            auto bytes = readFile(info.absoluteFilePath());
            auto file = bytes ? BackupFile::parse(bytes.value()) : Result<BackupFile>(bytes.error());
            if (file) {
                entry.header = file->header;
            } else {
                entry.problem = file.error().message;
            }
            entries.append(entry);
        }
    }
    std::stable_sort(entries.begin(), entries.end(), [](const BackupEntry& a, const BackupEntry& b) {
        return a.header.createdMs > b.header.createdMs;
    });
    return entries;
}

Result<QString> BackupService::pathOf(const QString& name) const {
    if (!validName(name)) {
        return notFound(name);
    }
    for (const QString& folder : folders()) {
        const QString path = folder + QLatin1Char('/') + name;
        if (QFileInfo(path).isFile()) {
            return path;
        }
    }
    return notFound(name);
}

Status BackupService::remove(const Actor& actor, const QString& name) {
    auto path = pathOf(name);
    if (!path) {
        return path.error();
    }
    if (!QFile::remove(path.value())) {
        return Error::make(
            QStringLiteral("backup_write_failed"),
            QStringLiteral("The backup %1 could not be deleted. Check the server's permissions.").arg(name));
    }
    audit(QStringLiteral("backup"), actor, name, QStringLiteral("backup deleted"));
    return {};
}

Result<BackupEntry> BackupService::store(const Actor& actor, const QString& name, const QByteArray& bytes) {
    if (!validName(name)) {
        return FieldReader::badRequest(
            QStringLiteral("backup upload"), QStringLiteral("name"),
            QStringLiteral("must be letters, digits, dot, dash or underscore ending in .vbk"));
    }
    auto file = BackupFile::parse(bytes);
    if (!file) {
        return file.error();
    }
    if (QFileInfo::exists(m_options.folder + QLatin1Char('/') + name)) {
        return Error::make(
            QStringLiteral("backup_exists"),
            QStringLiteral("A backup named %1 is already kept here. Upload it under another name.")
                .arg(name));
    }
    QSaveFile out(m_options.folder + QLatin1Char('/') + name);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        return Error::make(QStringLiteral("backup_write_failed"),
                           QStringLiteral("The backup could not be stored: %1.").arg(out.errorString()));
    }
    QFile::setPermissions(m_options.folder + QLatin1Char('/') + name,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    audit(QStringLiteral("backup"), actor, name,
          QStringLiteral("backup uploaded (made %1 on %2)")
              .arg(timeText(file->header.createdMs), file->header.platformName));
    BackupEntry entry;
    entry.name = name;
    entry.bytes = bytes.size();
    entry.header = file->header;
    return entry;
}

// --- backup ---------------------------------------------------------------------------------------

Result<Job> BackupService::startBackup(const Actor& actor, const QString& passphrase, const QString& reason) {
    if (Status strong = BackupCipher::checkPassphrase(passphrase); !strong) {
        return strong.error();
    }
    auto header = headerFor(reason.isEmpty() ? QStringLiteral("manual") : reason);
    auto key = signingKey();
    auto snapshot = ConfigSnapshot::capture(m_db);
    if (!header || !key || !snapshot) {
        return !header ? header.error() : !key ? key.error() : snapshot.error();
    }
    const Job job = m_jobs.start(
        QLatin1String(kBackupKind), actor.userName,
        QJsonObject{{QStringLiteral("name"), QString()}, {QStringLiteral("reason"), header->reason}});
    const QString id = job.id;
    m_jobs.update(id, 0.1);
    const QByteArray plain = QJsonDocument(snapshot.value()).toJson(QJsonDocument::Compact);
    const std::shared_ptr<core::Cancellation> cancel = m_jobs.cancellation(id);
    const qint64 createdMs = header->createdMs;
    // The service outlives the pool's work (the destructor and doStop wait for it).
    m_pool.start(
        [this, id, actor, header = header.value(), plain, passphrase, key = key.value(), cancel, createdMs] {
            auto sealed = cancel->isCancelled() ? Result<QByteArray>(Error{})
                                                : BackupCipher::seal(header, plain, passphrase, key);
            QMetaObject::invokeMethod(
                this, [this, id, actor, sealed, createdMs] { backupSealed(id, actor, sealed, createdMs); },
                Qt::QueuedConnection);
        });
    return m_jobs.find(QLatin1String(kBackupKind), id).value_or(job);
}

void BackupService::backupSealed(const QString& jobId, const Actor& actor, const Result<QByteArray>& bytes,
                                 qint64 createdMs) {
    if (!m_jobs.isRunning(jobId)) {
        return;  // cancelled meanwhile: nothing is written
    }
    if (!bytes) {
        m_jobs.fail(jobId, bytes.error().code, bytes.error().message);
        return;
    }
    auto name = writeBackup(m_options.folder, QLatin1String(kManualPrefix), bytes.value(), createdMs);
    if (!name) {
        m_jobs.fail(jobId, name.error().code, name.error().message);
        return;
    }
    audit(QStringLiteral("backup"), actor, name.value(),
          QStringLiteral("configuration backup made (%1 bytes)").arg(bytes->size()));
    m_jobs.succeed(jobId, QJsonObject{{QStringLiteral("name"), name.value()},
                                      {QStringLiteral("reason"),
                                       m_jobs.find({}, jobId)->result.value(QStringLiteral("reason"))},
                                      {QStringLiteral("bytes"), bytes->size()}});
}

Result<QByteArray> BackupService::seal(const QString& passphrase, const QString& reason) {
    auto header = headerFor(reason);
    auto key = signingKey();
    auto snapshot = ConfigSnapshot::capture(m_db);
    if (!header || !key || !snapshot) {
        return !header ? header.error() : !key ? key.error() : snapshot.error();
    }
    return BackupCipher::seal(header.value(), QJsonDocument(snapshot.value()).toJson(QJsonDocument::Compact),
                              passphrase, key.value());
}

Result<QString> BackupService::backupNow(const QString& reason, const QString& passphrase) {
    auto scheduled = m_settings.value(QLatin1String(kSchedulePassphraseKey));
    if (!scheduled) {
        return scheduled.error();
    }
    if (passphrase.isEmpty() && !scheduled.value()) {
        return Error::make(
            QStringLiteral("backup_passphrase_missing"),
            QStringLiteral("A backup is made first, and no backup passphrase is set. Give one with "
                           "the request or set the backup schedule's passphrase (PUT "
                           "/api/v1/system/backups/schedule) first."));
    }
    const qint64 createdMs = m_clock.nowMs();
    auto bytes = seal(passphrase.isEmpty() ? *scheduled.value() : passphrase, reason);
    if (!bytes) {
        return bytes.error();
    }
    auto name = writeBackup(m_options.folder, QLatin1String(kManualPrefix), bytes.value(), createdMs);
    if (!name) {
        return name.error();
    }
    audit(QStringLiteral("backup"), Actor{}, name.value(),
          QStringLiteral("automatic backup: %1").arg(reason));
    return m_options.folder + QLatin1Char('/') + name.value();
}

// --- restore --------------------------------------------------------------------------------------

Result<Job> BackupService::startRestore(const Actor& actor, const QString& name, const QString& passphrase,
                                        bool checkOnly) {
    auto path = pathOf(name);
    if (!path) {
        return path.error();
    }
    for (const Job& running : m_jobs.list(QLatin1String(kRestoreKind))) {
        if (running.isRunning()) {
            return Error::make(QStringLiteral("restore_running"),
                               QStringLiteral("A restore is already running (job %1). Wait for it to finish.")
                                   .arg(running.id));
        }
    }
    const Job job =
        m_jobs.start(QLatin1String(kRestoreKind), actor.userName,
                     QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("checkOnly"), checkOnly}});
    const QString id = job.id;
    const std::shared_ptr<core::Cancellation> cancel = m_jobs.cancellation(id);
    const QString scratch = m_options.scratchFolder + QLatin1Char('/') + id;
    const std::vector<core::store::Migration> migrations = *m_options.migrations;
    m_pool.start(
        [this, id, actor, name, checkOnly, path = path.value(), passphrase, scratch, migrations, cancel] {
            RestoreCheck check =
                checkRestore(path, passphrase, scratch, migrations, *cancel, [this, id](double share) {
                    QMetaObject::invokeMethod(
                        this, [this, id, share] { m_jobs.update(id, share); }, Qt::QueuedConnection);
                });
            QMetaObject::invokeMethod(
                this,
                [this, id, actor, name, checkOnly, check] {
                    restoreChecked(id, actor, name, checkOnly, check.snapshot, check.header);
                },
                Qt::QueuedConnection);
        });
    return job;
}

void BackupService::restoreChecked(const QString& jobId, const Actor& actor, const QString& name,
                                   bool checkOnly, const Result<QJsonObject>& snapshot,
                                   const BackupHeader& header) {
    if (!m_jobs.isRunning(jobId)) {
        return;  // cancelled: nothing was changed
    }
    const QJsonObject about{{QStringLiteral("name"), name},
                            {QStringLiteral("checkOnly"), checkOnly},
                            {QStringLiteral("createdMs"), header.createdMs},
                            {QStringLiteral("platformId"), header.platformId},
                            {QStringLiteral("platformName"), header.platformName},
                            {QStringLiteral("schemaVersion"), header.schemaVersion}};
    if (!snapshot) {
        audit(
            QStringLiteral("restore"), actor, name,
            QStringLiteral("%1 refused, nothing changed: %2")
                .arg(checkOnly ? QStringLiteral("check") : QStringLiteral("restore"), snapshot.error().code));
        m_jobs.fail(jobId, snapshot.error().code, snapshot.error().message);
        return;
    }
    if (checkOnly) {
        m_jobs.succeed(jobId, about);
        return;
    }
    // From here the job cannot be cancelled: the file is checked whole, the rest is one transaction.
    audit(QStringLiteral("restore"), actor, name,
          QStringLiteral("restoring the configuration of %1 made %2 (schema %3); everyone is signed out")
              .arg(header.platformName, timeText(header.createdMs))
              .arg(header.schemaVersion));
    m_accounts.endAllSessions(QStringLiteral("restored"), actor);
    const Status applied = ConfigSnapshot::apply(m_db, snapshot.value());
    if (applied && m_options.reloadServices) {
        m_options.reloadServices();
    }
    if (!applied) {
        audit(QStringLiteral("restore"), actor, name,
              QStringLiteral("restore failed, nothing changed: %1").arg(applied.error().message));
        m_jobs.fail(jobId, applied.error().code, applied.error().message);
        return;
    }
    audit(QStringLiteral("restore"), actor, name, QStringLiteral("configuration restored"));
    qCInfo(lcEngine).noquote() << "configuration restored from" << name;
    m_jobs.succeed(jobId, about);
}

// --- schedule -------------------------------------------------------------------------------------

BackupSchedule BackupService::schedule() const {
    BackupSchedule schedule;
    auto stored = m_settings.value(QLatin1String(kScheduleKey));
    if (stored && stored.value()) {
        QString ignored;
        auto parsed =
            BackupSchedule::fromRequest(QJsonDocument::fromJson(stored.value()->toUtf8()).object(), &ignored);
        if (parsed) {
            schedule = parsed.value();
        }
    }
    auto passphrase = m_settings.value(QLatin1String(kSchedulePassphraseKey));
    schedule.passphraseSet = passphrase && passphrase.value().has_value();
    return schedule;
}

Status BackupService::setSchedule(const Actor& actor, const BackupSchedule& schedule,
                                  const QString& passphrase) {
    if (!passphrase.isEmpty()) {
        if (Status strong = BackupCipher::checkPassphrase(passphrase); !strong) {
            return strong;
        }
    }
    if (schedule.enabled && passphrase.isEmpty() && !this->schedule().passphraseSet) {
        return FieldReader::badRequest(
            QStringLiteral("backup schedule"), QStringLiteral("passphrase"),
            QStringLiteral("is needed to turn the schedule on: scheduled backups are encrypted with it"));
    }
    if (!QDir().mkpath(folderOf(schedule))) {
        return Error::make(
            QStringLiteral("backup_folder_unavailable"),
            QStringLiteral("The folder %1 cannot be made. Check the path and the server's permissions there.")
                .arg(folderOf(schedule)));
    }
    QJsonObject stored = schedule.toJson();
    stored.remove(QStringLiteral("passphraseSet"));
    if (Status saved =
            m_settings.setValue(QLatin1String(kScheduleKey),
                                QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
        !saved) {
        return saved;
    }
    if (!passphrase.isEmpty()) {
        if (Status saved = m_settings.setValue(QLatin1String(kSchedulePassphraseKey), passphrase); !saved) {
            return saved;
        }
    }
    // Slots before now do not run: the first scheduled backup is the next slot.
    if (Status saved = m_settings.setValue(QLatin1String(kScheduleLastKey), QString::number(m_clock.nowMs()));
        !saved) {
        return saved;
    }
    audit(QStringLiteral("backup"), actor, QStringLiteral("schedule"),
          QStringLiteral("schedule set: %1%2")
              .arg(QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)),
                   passphrase.isEmpty() ? QString() : QStringLiteral(", passphrase changed")));
    return {};
}

Result<QString> BackupService::runDueSchedule() {
    const BackupSchedule current = schedule();
    if (!current.enabled || !current.passphraseSet || state() != ServiceState::Running) {
        return QString();
    }
    auto last = m_settings.integer(QLatin1String(kScheduleLastKey));
    const qint64 lastMs = last && last.value() ? *last.value() : 0;
    const qint64 now = m_clock.nowMs();
    if (lastSlot(current, now) <= lastMs) {
        return QString();
    }
    // Marked first, so a failing backup is retried at the next slot rather than every minute.
    if (Status saved = m_settings.setValue(QLatin1String(kScheduleLastKey), QString::number(now)); !saved) {
        return saved.error();
    }
    auto passphrase = m_settings.value(QLatin1String(kSchedulePassphraseKey));
    if (!passphrase || !passphrase.value()) {
        return passphrase ? Result<QString>(QString()) : Result<QString>(passphrase.error());
    }
    auto bytes = seal(*passphrase.value(), QStringLiteral("scheduled"));
    auto name = bytes ? writeBackup(folderOf(current), QLatin1String(kScheduledPrefix), bytes.value(), now)
                      : Result<QString>(bytes.error());
    if (!name) {
        audit(QStringLiteral("backup"), Actor{}, QStringLiteral("schedule"),
              QStringLiteral("scheduled backup failed: %1").arg(name.error().message));
        return name.error();
    }
    audit(QStringLiteral("backup"), Actor{}, name.value(), QStringLiteral("scheduled backup made"));
    rotate(current);
    return name;
}

void BackupService::rotate(const BackupSchedule& schedule) {
    const QDir folder(folderOf(schedule));
    const QStringList names =
        folder.entryList({QLatin1String(kScheduledPrefix) + QStringLiteral("-*") + QLatin1String(kSuffix)},
                         QDir::Files, QDir::Name | QDir::Reversed);
    QStringList removed;
    for (qsizetype i = schedule.keep; i < names.size(); ++i) {
        if (QFile::remove(folder.filePath(names.at(i)))) {
            removed.append(names.at(i));
        }
    }
    if (!removed.isEmpty()) {
        audit(QStringLiteral("backup"), Actor{}, QStringLiteral("schedule"),
              QStringLiteral("rotated, %1 kept; removed %2").arg(schedule.keep).arg(removed.join(u", ")));
    }
}

BackupState BackupService::backupState() const {
    BackupState state;
    const BackupSchedule current = schedule();
    state.scheduleEnabled = current.enabled;
    state.passphraseSet = current.passphraseSet;
    state.keep = current.keep;
    if (auto entries = list(); entries) {
        state.files = static_cast<int>(entries->size());
        for (const BackupEntry& entry : entries.value()) {
            state.lastBackupMs = std::max(state.lastBackupMs, entry.header.createdMs);
        }
    }
    return state;
}

}  // namespace vigil::server
