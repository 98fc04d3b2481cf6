#include "security/security_wizard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QVariantMap>

#include "app_logging.h"
#include "client/devices_api.h"
#include "client/file_download.h"
#include "display_format.h"
#include "security/audit_item_model.h"

namespace vigil::app {

using core::model::AuditStates;
using core::model::Job;

namespace {

constexpr int kMaxLevel = 3;

struct SiteType {
    const char* id;
    const char* name;
    const char* description;
};

// The guide's split of sites, in our words: homes and small shops, medium organisations, large ones
// and infrastructure. "" lets the server judge from the number of cameras and users.
constexpr SiteType kSiteTypes[] = {
    {"", QT_TRANSLATE_NOOP("SecurityWizard", "Judge from the site's size"),
     QT_TRANSLATE_NOOP("SecurityWizard", "Vigil counts the cameras and user accounts and picks the level.")},
    {"home", QT_TRANSLATE_NOOP("SecurityWizard", "Home or very small office"),
     QT_TRANSLATE_NOOP("SecurityWizard", "A few cameras looked after by one person.")},
    {"small", QT_TRANSLATE_NOOP("SecurityWizard", "Small business or shop"),
     QT_TRANSLATE_NOOP("SecurityWizard", "One site, a handful of staff watching.")},
    {"medium", QT_TRANSLATE_NOOP("SecurityWizard", "Medium-sized organisation"),
     QT_TRANSLATE_NOOP("SecurityWizard", "Several operators, cameras on a shared company network.")},
    {"large", QT_TRANSLATE_NOOP("SecurityWizard", "Large organisation or campus"),
     QT_TRANSLATE_NOOP("SecurityWizard", "Many operators and sites, a security team, auditors.")},
    {"infrastructure", QT_TRANSLATE_NOOP("SecurityWizard", "Critical infrastructure or public service"),
     QT_TRANSLATE_NOOP("SecurityWizard", "Energy, transport, water, health, government.")},
};

struct LevelText {
    const char* name;
    const char* summary;
};

constexpr LevelText kLevels[kMaxLevel] = {
    {QT_TRANSLATE_NOOP("SecurityWizard", "Essential"),
     QT_TRANSLATE_NOOP("SecurityWizard",
                       "The baseline every site needs: strong passwords and lockout, HTTPS only, an encrypted "
                       "database, synchronised clocks, current software and nothing open that is not needed.")},
    {QT_TRANSLATE_NOOP("SecurityWizard", "Enhanced"),
     QT_TRANSLATE_NOOP("SecurityWizard",
                       "Adds least-privilege accounts, address filtering, a trusted certificate, encrypted "
                       "video on every leg, configuration backups and recordings kept in two places.")},
    {QT_TRANSLATE_NOOP("SecurityWizard", "High"),
     QT_TRANSLATE_NOOP("SecurityWizard",
                       "Adds protection around the system: logs sent off the server, 802.1X, cameras on "
                       "their own network, standby servers and physical protection of the devices.")},
};

QString trWizard(const char* text) {
    return QCoreApplication::translate("SecurityWizard", text);
}

}  // namespace

SecurityWizard::SecurityWizard(core::client::ApiClient* client, core::client::DevicesApi* devices,
                               QString reportFolder, QObject* parent)
    : QObject(parent),
      m_api(new core::client::SecurityApi(client, this)),
      m_devices(devices),
      m_items(new AuditItemModel(this)),
      m_reportFolder(std::move(reportFolder)) {
    connect(m_items, &AuditItemModel::fixesChanged, this, &SecurityWizard::fixesChanged);
}

SecurityWizard::~SecurityWizard() {
    for (const auto& download : m_downloads) {
        if (download) {
            download->disconnect(this);
        }
    }
}

QString SecurityWizard::defaultReportFolder(const QString& portableRoot) {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!portableRoot.isEmpty() || documents.isEmpty()) {
        return portableRoot + QStringLiteral("/reports");
    }
    return documents + QStringLiteral("/Vigil/Security reports");
}

QObject* SecurityWizard::items() const {
    return m_items;
}

void SecurityWizard::say(const QString& text, const QString& kind) {
    m_message = text;
    m_messageKind = text.isEmpty() ? QString() : kind;
    emit messageChanged();
}

// --- loading -----------------------------------------------------------------------------------------

void SecurityWizard::setLanguage(const QString& language) {
    if (language == m_api->language()) {
        return;
    }
    m_api->setLanguage(language);
    if (m_loaded) {
        fetchCatalogue();
    }
}

void SecurityWizard::fetchCatalogue() {
    m_api->fetchCatalogue([this](core::Result<QList<core::model::AuditItem>> items) {
        if (!items) {
            say(items.error().message);
            return;
        }
        m_items->setCatalogue(items.value());
        qCInfo(lcApp).noquote() << "security wizard:" << items->size() << "items in language"
                                << (m_api->language().isEmpty() ? QStringLiteral("(server's)") : m_api->language());
        m_loaded = true;
        emit changed();
        emit auditChanged();
        emit fixesChanged();  // the applied fixes are named by the catalogue's titles
    });
}

void SecurityWizard::load() {
    fetchCatalogue();
    m_api->fetchSettings([this](core::Result<core::model::AuditSettings> settings) {
        if (!settings) {
            return;
        }
        m_settings = settings.value();
        emit settingsChanged();
        // The site's chosen level is where the wizard starts, unless the administrator picked one here.
        if (m_settings.targetLevel > 0 && !m_levelTouched) {
            m_level = m_settings.targetLevel;
            m_levelTouched = true;
            m_items->setLevel(m_level);
            emit levelChanged();
            emit auditChanged();
        }
    });
    if (m_devices) {
        m_devices->fetchDevices([this](core::Result<QList<core::model::Device>> devices) {
            // Without device_config the list is refused: the server's own count still reaches the advice.
            m_cameraCount = devices ? int(devices->size()) : -1;
            emit recommendationChanged();
        });
    }
    fetchRecommendation();
    fetchLatestRun();
}

void SecurityWizard::clear() {
    m_api->stopFollowing(m_auditJob);
    m_api->stopFollowing(m_fixJob);
    m_step = 1;
    m_loaded = false;
    m_siteType.clear();
    m_cameraCount = -1;
    m_advice = {};
    m_recommended = false;
    m_level = 0;
    m_levelTouched = false;
    m_settings = {};
    m_auditJob.clear();
    m_run = {};
    m_runStale = false;
    m_fixJob.clear();
    m_fixesDone = false;
    m_fixResult = {};
    m_reportHtml.clear();
    m_reportPdf.clear();
    m_items->clearRun();
    say({});
    emit stepChanged();
    emit changed();
    emit recommendationChanged();
    emit levelChanged();
    emit auditChanged();
    emit fixesChanged();
    emit reportChanged();
    emit settingsChanged();
}

void SecurityWizard::fetchRecommendation() {
    const QString asked = m_siteType;
    m_api->fetchRecommendation(asked, [this, asked](core::Result<core::client::AuditRecommendation> advice) {
        if (asked != m_siteType) {
            return;  // another site type was chosen meanwhile
        }
        if (!advice) {
            say(advice.error().message);
            return;
        }
        m_advice = advice.value();
        m_recommended = true;
        qCInfo(lcApp).noquote() << "security wizard: recommended level" << m_advice.level << "for"
                                << m_advice.channels << "channels," << m_advice.users
                                << "users, site type" << (asked.isEmpty() ? QStringLiteral("(by size)") : asked);
        if (!m_levelTouched) {
            m_level = m_advice.level;
            m_items->setLevel(m_level);
            emit levelChanged();
            emit auditChanged();
        }
        emit recommendationChanged();
    });
}

void SecurityWizard::fetchLatestRun() {
    m_api->fetchRun(QStringLiteral("latest"), [this](core::Result<core::model::AuditRun> run) {
        if (!run || run->id == m_run.id) {
            return;  // none yet (audit_run_not_found: step 2 starts one), or the one shown with its changes since
        }
        takeRun(run.value());
    });
}

// --- step 1 ------------------------------------------------------------------------------------------

QVariantList SecurityWizard::siteTypes() const {
    QVariantList list;
    for (const SiteType& type : kSiteTypes) {
        list.append(QVariantMap{{QStringLiteral("id"), QString::fromLatin1(type.id)},
                                {QStringLiteral("name"), trWizard(type.name)},
                                {QStringLiteral("description"), trWizard(type.description)}});
    }
    return list;
}

QString SecurityWizard::recommendationText() const {
    if (!m_recommended) {
        return tr("Looking at the site…");
    }
    QString text;
    if (m_advice.siteType.isEmpty()) {
        const int cameras = m_cameraCount >= 0 ? m_cameraCount : m_advice.channels;
        text = tr("Cameras: %1, user accounts: %2. Level %3 suits a site of this size.")
                   .arg(cameras)
                   .arg(m_advice.users)
                   .arg(m_advice.level);
    } else {
        QString name = m_advice.siteType;
        for (const SiteType& type : kSiteTypes) {
            if (m_advice.siteType == QLatin1String(type.id)) {
                name = trWizard(type.name);
            }
        }
        text = tr("%1: level %2 is the baseline for this kind of site.")
                   .arg(name, QString::number(m_advice.level));
    }
    if (m_advice.higherPossible) {
        text += QLatin1Char(' ') + tr("A higher level is better still where the site can keep it up.");
    }
    return text;
}

QVariantList SecurityWizard::levels() const {
    QVariantList list;
    for (int level = 1; level <= kMaxLevel; ++level) {
        list.append(QVariantMap{{QStringLiteral("level"), level},
                                {QStringLiteral("name"), trWizard(kLevels[level - 1].name)},
                                {QStringLiteral("summary"), trWizard(kLevels[level - 1].summary)},
                                {QStringLiteral("items"), m_items->itemCount(level)},
                                {QStringLiteral("adds"), m_items->titles(level)}});
    }
    return list;
}

void SecurityWizard::chooseSiteType(const QString& siteType) {
    if (siteType == m_siteType && m_recommended) {
        return;
    }
    m_siteType = siteType;
    m_recommended = false;
    m_levelTouched = false;  // a new site type brings its own recommendation
    emit recommendationChanged();
    fetchRecommendation();
}

void SecurityWizard::chooseLevel(int level) {
    if (level < 1 || level > kMaxLevel) {
        return;
    }
    m_levelTouched = true;
    if (level != m_level) {
        m_level = level;
        m_items->setLevel(level);
        emit levelChanged();
        emit auditChanged();
    }
}

void SecurityWizard::saveChosenLevel() {
    if (m_settings.targetLevel == m_level) {
        return;
    }
    saveSettings(m_level, m_settings.scheduleHours);
}

// --- navigation --------------------------------------------------------------------------------------

void SecurityWizard::goTo(int step) {
    if (step < 1 || step > kSteps || step == m_step || (step > 1 && m_level == 0)) {
        return;
    }
    const int from = m_step;
    m_step = step;
    qCInfo(lcApp).noquote() << "security wizard: step" << step;
    emit stepChanged();
    if (from == 1) {
        saveChosenLevel();
    }
    // The audit step starts an audit of the chosen level when there is none to show.
    if (step == 2 && !auditRunning() && !fixesRunning() && (!hasRun() || m_run.level != m_level)) {
        runAudit();
    }
}

void SecurityWizard::next() {
    goTo(m_step + 1);
}

void SecurityWizard::back() {
    goTo(m_step - 1);
}

// --- step 2: the audit -------------------------------------------------------------------------------

void SecurityWizard::runAudit() {
    if (auditRunning() || fixesRunning() || m_level == 0) {
        return;
    }
    say({});
    m_auditJob = QStringLiteral("starting");
    m_auditProgress = 0;
    m_auditStatus = tr("Starting the audit…");
    emit auditChanged();
    const int level = m_level;
    m_api->startAudit(level, [this, level](core::Result<Job> job) {
        if (!job) {
            m_auditJob.clear();
            m_auditStatus.clear();
            m_reportAfterAudit = false;
            emit auditChanged();
            say(job.error().message);
            return;
        }
        m_auditJob = job->id;
        qCInfo(lcApp).noquote() << "security wizard: audit started, level" << level << "job" << job->id;
        m_api->followJob(job.value(), [this](const Job& update) {
            onAuditJob(update);
        });
    });
}

void SecurityWizard::onAuditJob(const Job& job) {
    if (job.id != m_auditJob) {
        return;
    }
    m_auditProgress = job.progress;
    const QString current = job.result.value(QStringLiteral("current")).toString();
    if (job.isRunning()) {
        m_auditStatus = current.isEmpty() ? tr("Auditing…") : tr("Checked: %1").arg(m_items->title(current));
        emit auditChanged();
        return;
    }
    m_auditJob.clear();
    if (job.state == QLatin1String(Job::kSucceeded)) {
        m_auditStatus = tr("Reading the results…");
        emit auditChanged();
        m_api->fetchRun(job.result.value(QStringLiteral("runId")).toString(), [this](core::Result<core::model::AuditRun> run) {
            if (!run) {
                m_auditStatus.clear();
                emit auditChanged();
                say(run.error().message);
                return;
            }
            takeRun(run.value());
            qCInfo(lcApp).noquote() << "security wizard: audit finished, level" << m_run.level << "-"
                                    << m_run.count(QLatin1String(AuditStates::kPass)) << "pass,"
                                    << m_run.count(QLatin1String(AuditStates::kFail)) << "fail,"
                                    << m_run.count(QLatin1String(AuditStates::kAttested)) << "attested,"
                                    << m_run.count(QLatin1String(AuditStates::kUnknown)) << "unknown;"
                                    << (m_run.met ? "level met" : "level not met") << "run" << m_run.id;
            if (m_reportAfterAudit) {
                m_reportAfterAudit = false;
                saveReport();
            }
        });
        return;
    }
    m_reportAfterAudit = false;
    m_auditStatus = job.state == QLatin1String(Job::kCancelled) ? tr("Audit cancelled; the results shown are from the audit before.")
                                                                : QString();
    qCInfo(lcApp).noquote() << "security wizard: audit" << job.state << job.id;
    emit auditChanged();
    if (job.state == QLatin1String(Job::kFailed)) {
        say(job.message.isEmpty() ? tr("The audit failed.") : job.message);
    }
}

void SecurityWizard::takeRun(const core::model::AuditRun& run) {
    m_run = run;
    m_runStale = false;
    m_auditStatus.clear();
    m_items->setRun(run);
    emit auditChanged();
    emit fixesChanged();  // the states after the fixes
}

bool SecurityWizard::runMet() const {
    if (!hasRun() || m_run.level < m_level) {
        return false;
    }
    for (const auto& result : m_run.results) {
        if (!AuditStates::meets(m_items->state(result.itemId))) {
            return false;
        }
    }
    return true;
}

QString SecurityWizard::runText() const {
    if (!hasRun()) {
        return tr("No audit yet.");
    }
    const QString when = DisplayFormat::dateTime(m_run.finishedMs);
    QString text = m_run.userName.isEmpty() ? tr("Level %1 audit of %2 (scheduled)").arg(m_run.level).arg(when)
                                            : tr("Level %1 audit of %2 by %3").arg(m_run.level).arg(when, m_run.userName);
    if (m_run.level < m_level) {
        text += QStringLiteral(" — ") + tr("below the chosen level %1: audit again to see its items").arg(m_level);
    } else if (m_runStale) {
        text += QStringLiteral(" — ") + tr("changes since: audit again to confirm them");
    }
    return text;
}

QVariantMap SecurityWizard::counts() const {
    QVariantMap map;
    for (const QString& state : AuditStates::all()) {
        map.insert(state, m_items->stateCount(state));
    }
    map.insert(QStringLiteral("total"), m_items->itemCount(m_level));
    return map;
}

void SecurityWizard::cancel() {
    const QString id = !m_fixJob.isEmpty() ? m_fixJob : m_auditJob;
    if (id.isEmpty() || id == QLatin1String("starting")) {
        return;
    }
    qCInfo(lcApp).noquote() << "security wizard: cancelling" << id;
    m_api->cancelJob(id, [this, id](core::Result<Job> job) {
        if (!job) {
            say(job.error().message);
            return;
        }
        m_api->stopFollowing(id);
        if (id == m_fixJob) {
            onFixJob(job.value());
        } else {
            onAuditJob(job.value());
        }
    });
}

void SecurityWizard::setFilter(const QString& text, bool onlyOpen) {
    m_filter = text;
    m_onlyOpen = onlyOpen;
    m_items->setFilter(text, onlyOpen);
    emit filterChanged();
}

void SecurityWizard::setFixChosen(const QString& itemId, bool chosen) {
    m_items->setFixChosen(itemId, chosen);
}

void SecurityWizard::attest(const QString& itemId, const QString& comment) {
    if (comment.trimmed().isEmpty()) {
        say(tr("Say what you checked and how, so an auditor can follow it (for example: \"walked the site, "
               "all cameras on VLAN 30\")."),
            QStringLiteral("warning"));
        return;
    }
    m_api->attest(itemId, comment.trimmed(), [this, itemId](core::Result<core::model::Attestation> attestation) {
        if (!attestation) {
            say(attestation.error().message);
            return;
        }
        m_items->setAttestation(itemId, attestation.value());
        m_runStale = true;
        qCInfo(lcApp).noquote() << "security wizard: attested" << itemId << "by" << attestation->userName;
        say(tr("Your confirmation of \"%1\" is recorded with your name and the time.").arg(m_items->title(itemId)),
                  QStringLiteral("success"));
        emit auditChanged();
    });
}

void SecurityWizard::withdraw(const QString& itemId) {
    m_api->withdraw(itemId, [this, itemId](core::Status done) {
        if (!done) {
            say(done.error().message);
            return;
        }
        m_items->setAttestation(itemId, std::nullopt);
        m_runStale = true;
        qCInfo(lcApp).noquote() << "security wizard: confirmation withdrawn" << itemId;
        say(tr("The confirmation of \"%1\" is withdrawn.").arg(m_items->title(itemId)), QStringLiteral("info"));
        emit auditChanged();
    });
}

// --- step 3: fixes -----------------------------------------------------------------------------------

QVariantList SecurityWizard::chosenFixes() const {
    QVariantList list;
    for (const auto& [fixId, itemId] : m_items->chosenFixes()) {
        list.append(QVariantMap{{QStringLiteral("fixId"), fixId},
                                {QStringLiteral("itemId"), itemId},
                                {QStringLiteral("title"), m_items->title(itemId)},
                                {QStringLiteral("fixTitle"), m_items->fixTitle(itemId)}});
    }
    return list;
}

void SecurityWizard::fixNow(const QString& itemId) {
    const QString fixId = m_items->fixFor(itemId);
    if (fixId.isEmpty()) {
        return;
    }
    m_fixedItems = {{fixId, itemId}};
    startFixes({fixId});
}

void SecurityWizard::applyChosenFixes() {
    m_fixedItems.clear();
    QStringList fixIds;
    for (const auto& [fixId, itemId] : m_items->chosenFixes()) {
        fixIds.append(fixId);
        m_fixedItems.insert(fixId, itemId);
    }
    if (fixIds.isEmpty()) {
        say(tr("No fix is chosen. Tick the fixes to apply in the audit step."), QStringLiteral("warning"));
        return;
    }
    startFixes(fixIds);
}

void SecurityWizard::retryFixes() {
    if (!m_lastFixIds.isEmpty()) {
        startFixes(m_lastFixIds);
    }
}

void SecurityWizard::startFixes(const QStringList& fixIds) {
    if (auditRunning() || fixesRunning()) {
        return;
    }
    say({});
    m_statesBefore.clear();
    for (const QString& itemId : m_fixedItems) {
        m_statesBefore.insert(itemId, m_items->state(itemId));
    }
    m_fixJob = QStringLiteral("starting");
    m_fixProgress = 0;
    m_fixesDone = false;
    m_fixResult = {};
    m_fixStatus = tr("Taking a configuration backup before any change…");
    emit fixesChanged();
    goTo(3);
    m_lastFixIds = fixIds;
    m_needsPassphrase = false;
    m_api->startFixes(fixIds, m_backupPassphrase, [this, fixIds](core::Result<Job> job) {
        if (!job) {
            m_fixJob.clear();
            m_fixStatus.clear();
            emit fixesChanged();
            say(job.error().message);
            return;
        }
        m_fixJob = job->id;
        qCInfo(lcApp).noquote() << "security wizard: fixes started:" << fixIds.join(QStringLiteral(", ")) << "job"
                                << job->id;
        m_api->followJob(job.value(), [this](const Job& update) {
            onFixJob(update);
        });
    });
}

void SecurityWizard::onFixJob(const Job& job) {
    if (job.id != m_fixJob) {
        return;
    }
    m_fixProgress = job.progress;
    m_fixResult = core::client::FixJobResult::fromJob(job);
    if (job.isRunning()) {
        m_fixStatus = m_fixResult.backup.isEmpty() ? tr("Taking a configuration backup before any change…")
                                                   : tr("Applying fixes: %1 of %2 done")
                                                         .arg(m_fixResult.fixes.size())
                                                         .arg(m_fixedItems.size());
        emit fixesChanged();
        return;
    }
    m_fixJob.clear();
    m_fixesDone = true;
    QStringList changed;
    for (const auto& fix : m_fixResult.fixes) {
        changed.append(fix.fixId + QLatin1Char('=') + (fix.error.isEmpty() ? fix.changes.join(QStringLiteral("; ")) : fix.error));
    }
    const QString ended = job.error.isEmpty() ? job.state : QStringLiteral("%1 (%2)").arg(job.state, job.error);
    qCInfo(lcApp).noquote() << "security wizard: fixes" << ended << "- backup:"
                            << (m_fixResult.backup.isEmpty() ? QStringLiteral("(none)") : m_fixResult.backup)
                            << "- changed:" << changed.join(QStringLiteral(" | "));
    if (job.state == QLatin1String(Job::kSucceeded)) {
        m_fixStatus = tr("Fixes applied. Auditing again to confirm them…");
    } else if (job.state == QLatin1String(Job::kCancelled)) {
        m_fixStatus = tr("Cancelled: the fixes listed below were applied before the cancel.");
    } else if (job.error == QLatin1String("backup_passphrase_missing")) {
        // Nothing changed: the server wants a passphrase for the backup it makes first.
        m_fixStatus.clear();
        m_needsPassphrase = true;
        say(tr("Nothing was changed: the backup taken before the fixes needs a passphrase (10 characters or more). "
               "Enter one below and press Enter to apply again; keep it, a restore asks for it."),
            QStringLiteral("warning"));
    } else {
        m_fixStatus.clear();
        say(job.message.isEmpty() ? tr("The fixes failed.") : job.message);
    }
    if (!m_fixResult.fixes.isEmpty()) {
        m_runStale = true;
    }
    emit fixesChanged();
    emit auditChanged();
    // Each fixed item's new state comes from a fresh audit, not from the fix's word.
    if (!m_fixResult.fixes.isEmpty()) {
        runAudit();
    }
}

QString SecurityWizard::backupText() const {
    if (m_fixResult.backup.isEmpty()) {
        return {};
    }
    if (!backupTaken()) {
        return tr("No backup was taken: %1").arg(m_fixResult.backup.section(QLatin1Char(':'), 1).trimmed());
    }
    return m_fixResult.backup;
}

bool SecurityWizard::backupTaken() const {
    return !m_fixResult.backup.isEmpty() && !m_fixResult.backup.startsWith(QLatin1String("none"));
}

QVariantList SecurityWizard::appliedFixes() const {
    QVariantList list;
    const bool confirmed = m_fixesDone && !m_runStale && !auditRunning();
    for (const auto& fix : m_fixResult.fixes) {
        const QString itemId = m_fixedItems.value(fix.fixId);
        // Named in the interface language from the catalogue; the job's own title is English.
        const QString catalogueTitle = itemId.isEmpty() ? QString() : m_items->fixTitle(itemId);
        const QString before = m_statesBefore.value(itemId);
        const QString after = confirmed ? m_items->state(itemId) : QString();
        list.append(QVariantMap{{QStringLiteral("fixId"), fix.fixId},
                                {QStringLiteral("title"),
                                 catalogueTitle.isEmpty() || catalogueTitle == fix.fixId ? fix.title : catalogueTitle},
                                {QStringLiteral("itemTitle"), m_items->title(itemId)},
                                {QStringLiteral("changes"), fix.changes},
                                {QStringLiteral("error"), fix.error},
                                {QStringLiteral("before"), before},
                                {QStringLiteral("beforeText"), AuditItemModel::stateText(before)},
                                {QStringLiteral("after"), after},
                                {QStringLiteral("afterText"), after.isEmpty() ? tr("checking…") : AuditItemModel::stateText(after)}});
    }
    return list;
}

QString SecurityWizard::fixStatus() const {
    if (m_fixesDone && !m_fixResult.fixes.isEmpty() && !auditRunning() && !m_runStale) {
        return tr("Fixes applied and audited again: the states below are what the audit sees now.");
    }
    return m_fixStatus;
}

// --- step 4: report and schedule ---------------------------------------------------------------------

void SecurityWizard::setReportFolder(const QString& folder) {
    const QString cleaned = QDir::cleanPath(folder.trimmed());
    if (cleaned != m_reportFolder && !cleaned.isEmpty()) {
        m_reportFolder = cleaned;
        emit reportChanged();
    }
}

QString SecurityWizard::reportBaseName() const {
    const QString when = QDateTime::fromMSecsSinceEpoch(m_run.finishedMs).toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QStringLiteral("vigil-security-report-level%1-%2").arg(m_run.level).arg(when);
}

void SecurityWizard::saveReport() {
    if (m_reportBusy) {
        return;
    }
    if (!hasRun() && !auditRunning()) {
        m_reportAfterAudit = true;
        runAudit();
        return;
    }
    // The report is of a stored audit: after confirmations or fixes, audit again so it tells the truth.
    if (auditRunning() || m_runStale || m_run.level < m_level) {
        m_reportAfterAudit = true;
        say(tr("Auditing again first, so the report includes the changes made since the last audit…"), QStringLiteral("info"));
        runAudit();
        return;
    }
    QDir folder(m_reportFolder);
    if (!folder.mkpath(QStringLiteral("."))) {
        say(tr("Cannot make the folder %1. Choose a folder you may write to.").arg(m_reportFolder));
        return;
    }
    say({});
    m_reportBusy = true;
    m_reportHtml.clear();
    m_reportPdf.clear();
    m_reportPending = 2;
    emit reportChanged();
    downloadReport(false);
    downloadReport(true);
}

void SecurityWizard::downloadReport(bool pdf) {
    const QString path = QDir(m_reportFolder).filePath(reportBaseName() + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".html")));
    core::client::FileDownload* download = m_api->downloadReport(m_run.id, pdf, path);
    download->setParent(this);
    m_downloads.append(download);
    connect(download, &core::client::FileDownload::finished, this, [this, download, path](const core::Status& status) {
        m_downloads.removeAll(download);
        download->deleteLater();
        reportDone(path, status);
    });
    download->start();
}

void SecurityWizard::reportDone(const QString& path, const core::Status& status) {
    if (status) {
        (path.endsWith(QLatin1String(".pdf")) ? m_reportPdf : m_reportHtml) = path;
        qCInfo(lcApp).noquote() << "security wizard: report saved" << path;
    } else {
        say(tr("The report could not be saved as %1: %2").arg(path, status.error().message));
    }
    if (--m_reportPending > 0) {
        emit reportChanged();
        return;
    }
    m_reportBusy = false;
    if (!m_reportHtml.isEmpty() && !m_reportPdf.isEmpty()) {
        say(tr("Report saved as PDF and HTML in %1.").arg(QDir::toNativeSeparators(m_reportFolder)), QStringLiteral("success"));
    }
    emit reportChanged();
}

void SecurityWizard::openReport() {
    const QString path = !m_reportPdf.isEmpty() ? m_reportPdf : m_reportHtml;
    if (!path.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    }
}

void SecurityWizard::openReportFolder() {
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_reportFolder));
}

QVariantList SecurityWizard::scheduleChoices() const {
    return {QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), tr("Never (on demand only)")}},
            QVariantMap{{QStringLiteral("id"), 24}, {QStringLiteral("name"), tr("Every day")}},
            QVariantMap{{QStringLiteral("id"), 168}, {QStringLiteral("name"), tr("Every week")}},
            QVariantMap{{QStringLiteral("id"), 720}, {QStringLiteral("name"), tr("Every 30 days")}}};
}

QString SecurityWizard::settingsText() const {
    if (m_settings.targetLevel == 0) {
        return tr("No level chosen for this site yet.");
    }
    const QString schedule = m_settings.scheduleHours == 0
                                 ? tr("The audit runs only when someone starts it.")
                                 : tr("The server audits again every %1 hours.").arg(m_settings.scheduleHours);
    return tr("The site keeps level %1. %2 When an audit finds it below that level, a security drift event is raised "
              "(rules can turn it into an alarm).")
        .arg(m_settings.targetLevel)
        .arg(schedule);
}

void SecurityWizard::saveSettings(int targetLevel, int scheduleHours) {
    core::model::AuditSettings settings;
    settings.targetLevel = targetLevel;
    settings.scheduleHours = scheduleHours;
    const bool fromStep1 = m_step != kSteps;
    m_api->saveSettings(settings, [this, fromStep1](core::Result<core::model::AuditSettings> saved) {
        if (!saved) {
            say(saved.error().message);
            return;
        }
        m_settings = saved.value();
        qCInfo(lcApp).noquote() << "security wizard: settings saved, level" << m_settings.targetLevel
                                << "re-audit every" << m_settings.scheduleHours << "h";
        emit settingsChanged();
        if (!fromStep1) {
            say(tr("Saved: level %1, %2.")
                          .arg(m_settings.targetLevel)
                          .arg(m_settings.scheduleHours == 0
                                   ? tr("no scheduled audit")
                                   : tr("audit every %1 hours").arg(m_settings.scheduleHours)),
                      QStringLiteral("success"));
        }
    });
}

}  // namespace vigil::app
