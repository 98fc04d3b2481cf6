#include "audit/audit_service.h"

#include <QJsonDocument>
#include <QPointer>

#include "accounts/accounts_service.h"
#include "audit/audit_catalogue.h"
#include "audit/audit_registrations.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "engine/settings_repository.h"
#include "events/event_service.h"
#include "model/event_model.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::Attestation;
using core::model::AuditFinding;
using core::model::AuditItem;
using core::model::AuditItemResult;
using core::model::AuditRun;
using core::model::AuditSettings;
using core::model::AuditStates;
using core::model::Job;
using core::model::NetworkFunction;

namespace {

constexpr auto kFunctionsKey = "security.functions";  // {"<id>": {"by": name, "ms": UTC ms}}: declared needed
constexpr qint64 kHourMs = 60LL * 60 * 1000;

// The item's state from its findings: the worst one wins; nothing found is unknown.
QString overallState(const QList<AuditFinding>& findings) {
    if (findings.isEmpty()) {
        return QLatin1String(AuditStates::kUnknown);
    }
    bool allNotApplicable = true;
    bool unknown = false;
    for (const AuditFinding& finding : findings) {
        if (finding.state == QLatin1String(AuditStates::kFail)) {
            return finding.state;
        }
        unknown = unknown || finding.state == QLatin1String(AuditStates::kUnknown);
        allNotApplicable = allNotApplicable && finding.state == QLatin1String(AuditStates::kNotApplicable);
    }
    if (unknown) {
        return QLatin1String(AuditStates::kUnknown);
    }
    return QLatin1String(allNotApplicable ? AuditStates::kNotApplicable : AuditStates::kPass);
}

Error unknownItem(const QString& itemId) {
    return Error::make(QStringLiteral("audit_item_not_found"),
                       QStringLiteral("There is no audit item \"%1\"; GET /api/v1/security/catalogue lists them.")
                           .arg(itemId.left(64)));
}

// The states of a stored run's items, by item id.
QHash<QString, QString> statesOf(const QJsonObject& run) {
    QHash<QString, QString> states;
    for (const QJsonValue& value : run.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = value.toObject();
        states.insert(result.value(QStringLiteral("itemId")).toString(), result.value(QStringLiteral("state")).toString());
    }
    return states;
}

}  // namespace

AuditService::AuditService(Engine& engine, const core::Clock& clock, QObject* parent)
    : Service(QStringLiteral("audit"), QStringLiteral("Security audit"), parent),
      m_engine(engine),
      m_clock(clock),
      m_repository(engine.database()),
      m_jobs(clock, JobBoard::Retention{}) {
    connect(&m_jobs, &JobBoard::changed, this, &AuditService::jobChanged);
    m_schedule.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_schedule, &QTimer::timeout, this, &AuditService::runScheduled);
    registerAuditChecks(m_registry, engine, *this);
}

AuditService::~AuditService() = default;

Status AuditService::doStart() {
    loadSettings();
    m_started = true;
    armSchedule();
    return {};
}

void AuditService::doStop() {
    m_started = false;
    m_schedule.stop();
    m_jobs.cancelAll(QStringLiteral("service_stopped"), QStringLiteral("The audit service stopped."));
    m_running.clear();
}

void AuditService::loadSettings() {
    auto stored = m_engine.settings().value(QLatin1String(kSettingsKey));
    if (stored && stored.value()) {
        const QJsonObject json = QJsonDocument::fromJson(stored.value()->toUtf8()).object();
        if (auto settings = AuditSettings::fromRequest(json)) {
            m_settings = settings.value();
        }
    }
}

void AuditService::armSchedule() {
    m_schedule.stop();
    if (m_started && m_settings.scheduleHours > 0) {
        m_schedule.start(std::chrono::milliseconds(m_settings.scheduleHours * kHourMs));
    }
}

QList<AuditItem> AuditService::catalogue() const {
    QList<AuditItem> items = auditCatalogue();
    for (AuditItem& item : items) {
        const AuditFix* fix = m_registry.fixFor(item.id);
        item.fixId = fix ? fix->id : QString();
        item.fixTitle = fix ? fix->title : QString();
        item.checkAvailable = item.kind == QLatin1String(AuditItem::kAttestation) || m_registry.check(item.id);
    }
    return items;
}

Status AuditService::setSettings(const Actor& actor, const AuditSettings& settings) {
    if (Status saved = m_engine.settings().setValue(
            QLatin1String(kSettingsKey), QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact)));
        !saved) {
        return saved;
    }
    record(actor, QStringLiteral("security.audit"),
           QStringLiteral("target level %1 -> %2, re-audit every %3 -> %4 hours (0: never)")
               .arg(m_settings.targetLevel)
               .arg(settings.targetLevel)
               .arg(m_settings.scheduleHours)
               .arg(settings.scheduleHours));
    m_settings = settings;
    armSchedule();
    return {};
}

Result<QJsonObject> AuditService::recommendation(const QString& siteType) const {
    static const QHash<QString, int> kByType = {{QStringLiteral("home"), 1},  {QStringLiteral("small"), 1},
                                                {QStringLiteral("medium"), 2}, {QStringLiteral("large"), 3},
                                                {QStringLiteral("infrastructure"), 3}};
    if (!siteType.isEmpty() && !kByType.contains(siteType)) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("The site type \"%1\" is unknown; use home, small, medium, large or "
                                          "infrastructure, or leave it out to judge from the site's size.")
                               .arg(siteType.left(32)));
    }
    const int channels = m_engine.devices() ? m_engine.devices()->channelsInUse() : 0;
    auto users = m_engine.accounts()->users();
    const int userCount = users ? int(users->size()) : 0;
    int level = 1;
    QString reason;
    if (!siteType.isEmpty()) {
        level = kByType.value(siteType);
        reason = QStringLiteral("A %1 site").arg(siteType);
    } else {
        // Our reading of the guide's home / medium / large split, in cameras and people.
        level = channels > 64 || userCount > 20 ? 3 : (channels > 8 || userCount > 3 ? 2 : 1);
        reason = QStringLiteral("%1 channels and %2 users").arg(channels).arg(userCount);
    }
    reason += QStringLiteral(" calls for level %1").arg(level);
    if (level < 3) {
        reason += QStringLiteral("; a higher level is better where the site can keep it up");
    }
    return QJsonObject{{QStringLiteral("level"), level},
                       {QStringLiteral("siteType"), siteType},
                       {QStringLiteral("channels"), channels},
                       {QStringLiteral("users"), userCount},
                       {QStringLiteral("higherPossible"), level < 3},
                       {QStringLiteral("reason"), reason}};
}

Result<Job> AuditService::startAudit(const Actor& actor, int level) {
    if (!m_started) {
        return Error::make(QStringLiteral("service_unavailable"), QStringLiteral("The audit service is not running."));
    }
    if (level == 0) {
        level = m_settings.targetLevel > 0 ? m_settings.targetLevel : 1;
    }
    RunState state;
    state.run.level = level;
    state.run.userName = actor.userName;
    state.run.startedMs = m_clock.nowMs();
    for (const AuditItem& item : catalogue()) {
        if (item.level <= level) {
            state.items.append(item);
        }
    }
    const Job job = m_jobs.start(QLatin1String(kAuditJob), actor.userName,
                                 QJsonObject{{QStringLiteral("level"), level}, {QStringLiteral("runId"), QString()}});
    state.run.id = job.id;
    m_running.insert(job.id, state);
    // The first check runs from the event loop, so the caller has the job before any progress arrives.
    QTimer::singleShot(0, this, [this, id = job.id] { step(id); });
    return job;
}

void AuditService::step(const QString& jobId) {
    auto it = m_running.find(jobId);
    if (it == m_running.end()) {
        return;
    }
    if (!m_jobs.isRunning(jobId)) {  // cancelled: nothing is stored
        m_running.erase(it);
        return;
    }
    if (it->next >= it->items.size()) {
        finishRun(jobId);
        return;
    }
    const int index = it->next;
    const AuditItem item = it->items.at(index);
    const AuditCheck* check = m_registry.check(item.id);
    if (!check) {
        // Attestation items without a check still get their state from the attestation (finishItem).
        const bool attestation = item.kind == QLatin1String(AuditItem::kAttestation);
        finishItem(jobId, index,
                   {AuditFinding{QStringLiteral("platform"), {}, QLatin1String(AuditStates::kUnknown),
                                 attestation ? QString()
                                             : QStringLiteral("No check for this item in this build (its owner: %1).")
                                                   .arg(item.owner)}});
        return;
    }
    auto cancellation = m_jobs.cancellation(jobId);
    QPointer<AuditService> self(this);
    auto answered = std::make_shared<bool>(false);
    check->run(*cancellation, [self, jobId, index, answered, cancellation](QList<AuditFinding> findings) {
        if (!self || *answered) {
            return;  // a check that answers twice is heard once
        }
        *answered = true;
        self->finishItem(jobId, index, std::move(findings));
    });
}

void AuditService::finishItem(const QString& jobId, int index, QList<AuditFinding> findings) {
    auto it = m_running.find(jobId);
    if (it == m_running.end() || it->next != index) {
        return;
    }
    const AuditItem& item = it->items.at(index);
    AuditItemResult result;
    result.itemId = item.id;
    if (item.kind == QLatin1String(AuditItem::kAttestation)) {
        // A person's word decides; what a check saw is kept as evidence for them.
        auto attestations = m_repository.attestations();
        if (attestations) {
            for (const Attestation& attestation : attestations.value()) {
                if (attestation.itemId == item.id) {
                    result.attestation = attestation;
                }
            }
        }
        for (AuditFinding& finding : findings) {
            finding.state = QLatin1String(result.attestation ? AuditStates::kAttested : AuditStates::kFail);
        }
        findings.removeIf([](const AuditFinding& finding) { return finding.evidence.isEmpty(); });
        const QString state = QLatin1String(result.attestation ? AuditStates::kAttested : AuditStates::kFail);
        findings.prepend(AuditFinding{QStringLiteral("platform"), {}, state,
                                      result.attestation
                                          ? QStringLiteral("Confirmed by %1: %2")
                                                .arg(result.attestation->userName, result.attestation->comment)
                                          : QStringLiteral("Nobody has confirmed this yet.")});
        result.state = state;
    } else {
        result.state = overallState(findings);
    }
    result.findings = std::move(findings);
    const AuditFix* fix = m_registry.fixFor(item.id);
    if (fix && result.state == QLatin1String(AuditStates::kFail)) {
        result.fixId = fix->id;
    }
    it->run.results.append(result);
    it->next = index + 1;
    m_jobs.update(jobId, double(it->next) / double(it->items.size()),
                  QJsonObject{{QStringLiteral("level"), it->run.level},
                              {QStringLiteral("runId"), QString()},
                              {QStringLiteral("current"), item.id}});
    QTimer::singleShot(0, this, [this, jobId] { step(jobId); });
}

void AuditService::finishRun(const QString& jobId) {
    RunState state = m_running.take(jobId);
    AuditRun& run = state.run;
    run.finishedMs = std::max(m_clock.nowMs(), run.startedMs);
    run.met = std::all_of(run.results.cbegin(), run.results.cend(),
                          [](const AuditItemResult& r) { return AuditStates::meets(r.state); });
    auto previous = m_repository.latestRun();
    if (Status saved = m_repository.saveRun(run); !saved) {
        m_jobs.fail(jobId, saved.error().code, saved.error().message);
        return;
    }
    QJsonObject result = run.toJson(false);
    result.insert(QStringLiteral("runId"), run.id);
    m_jobs.succeed(jobId, result);
    checkDrift(run, previous ? previous.value() : std::nullopt);
}

void AuditService::checkDrift(const AuditRun& run, const std::optional<QJsonObject>& previous) {
    const int target = m_settings.targetLevel;
    if (target == 0 || run.level < target) {
        return;
    }
    const QHash<QString, QString> before = previous ? statesOf(*previous) : QHash<QString, QString>{};
    const bool metBefore = previous && previous->value(QStringLiteral("met")).toBool() &&
                           previous->value(QStringLiteral("level")).toInt() >= target;
    QStringList failing;
    QStringList newlyFailing;
    for (const AuditItemResult& result : run.results) {
        const AuditItem* item = auditItem(result.itemId);
        if (!item || item->level > target || AuditStates::meets(result.state)) {
            continue;
        }
        failing.append(result.itemId);
        if (AuditStates::meets(before.value(result.itemId))) {
            newlyFailing.append(result.itemId);
        }
    }
    // Drift: the site met its level last time, or something that met it no longer does.
    if (failing.isEmpty() || (!metBefore && newlyFailing.isEmpty())) {
        return;
    }
    const QStringList named = newlyFailing.isEmpty() ? failing : newlyFailing;
    core::model::Event event;
    event.sourceType = QLatin1String(core::model::EventSourceTypes::kServer);
    event.sourceName = QStringLiteral("security audit");
    event.kind = QLatin1String(core::model::EventKinds::kSecurityDrift);
    event.severity = QLatin1String(core::model::EventSeverities::kWarning);
    event.message = QStringLiteral("The site is below its chosen protection level %1: %2 no longer met.")
                        .arg(target)
                        .arg(named.join(QStringLiteral(", ")));
    event.details = QJsonObject{{QStringLiteral("targetLevel"), target},
                                {QStringLiteral("runId"), run.id},
                                {QStringLiteral("items"), QJsonArray::fromStringList(named)},
                                {QStringLiteral("failing"), QJsonArray::fromStringList(failing)}};
    if (m_engine.events()) {
        m_engine.events()->raise(event);
    }
    emit drifted(target, named);
}

void AuditService::runScheduled() {
    if (!m_jobs.list(QLatin1String(kAuditJob)).isEmpty() && m_jobs.list(QLatin1String(kAuditJob)).first().isRunning()) {
        return;
    }
    (void)startAudit(Actor{}, 0);
}

Result<Job> AuditService::startFixes(const Actor& actor, const QStringList& fixIds, const QString& backupPassphrase) {
    if (!m_started) {
        return Error::make(QStringLiteral("service_unavailable"), QStringLiteral("The audit service is not running."));
    }
    for (const QString& id : fixIds) {
        if (!m_registry.fix(id)) {
            return Error::make(QStringLiteral("fix_not_found"),
                               QStringLiteral("There is no fix \"%1\"; the catalogue names each item's fixId.")
                                   .arg(id.left(64)));
        }
    }
    const Job job = m_jobs.start(QLatin1String(kFixJob), actor.userName,
                                 QJsonObject{{QStringLiteral("backup"), QString()}, {QStringLiteral("changes"), QJsonArray()}});
    const QString jobId = job.id;
    QPointer<AuditService> self(this);
    auto begin = [self, jobId, actor, fixIds](const QString& backup) {
        if (!self || !self->m_jobs.isRunning(jobId)) {
            return;
        }
        self->m_jobs.update(jobId, 0, QJsonObject{{QStringLiteral("backup"), backup}, {QStringLiteral("changes"), QJsonArray()}});
        self->applyFixes(jobId, actor, fixIds, 0, {});
    };
    if (!m_backupHook) {
        // No backup service in this build yet: the fixes go ahead and the result says so.
        QTimer::singleShot(0, this, [begin] { begin(QStringLiteral("none: no backup service in this build")); });
        return job;
    }
    m_backupHook(actor, backupPassphrase, [self, jobId, begin](Result<QString> backup) {
        if (!self) {
            return;
        }
        if (!backup) {
            self->m_jobs.fail(jobId, backup.error().code,
                              QStringLiteral("No fix was applied: the backup before them failed. ") + backup.error().message);
            return;
        }
        begin(backup.value());
    });
    return job;
}

void AuditService::applyFixes(const QString& jobId, const Actor& actor, const QStringList& fixIds, int index,
                              QJsonArray changes) {
    if (!m_jobs.isRunning(jobId)) {
        return;
    }
    if (index >= fixIds.size()) {
        m_jobs.succeed(jobId);
        return;
    }
    const AuditFix* fix = m_registry.fix(fixIds.at(index));
    QPointer<AuditService> self(this);
    const QString fixId = fix->id;
    const QString title = fix->title;
    fix->apply(actor, [self, jobId, actor, fixIds, index, changes, fixId, title](Result<QStringList> changed) mutable {
        if (!self) {
            return;
        }
        QJsonObject entry{{QStringLiteral("fixId"), fixId}, {QStringLiteral("title"), title}};
        if (changed) {
            entry.insert(QStringLiteral("changes"), QJsonArray::fromStringList(changed.value()));
            entry.insert(QStringLiteral("error"), QString());
            self->record(actor, QStringLiteral("security.fix.") + fixId,
                         changed->isEmpty() ? QStringLiteral("fix %1: nothing needed changing").arg(fixId)
                                            : QStringLiteral("fix %1: %2").arg(fixId, changed->join(QStringLiteral("; "))));
        } else {
            entry.insert(QStringLiteral("changes"), QJsonArray());
            entry.insert(QStringLiteral("error"), changed.error().message);
        }
        changes.append(entry);
        const double fraction = double(index + 1) / double(fixIds.size());
        const QString backup = self->m_jobs.find({}, jobId)->result.value(QStringLiteral("backup")).toString();
        self->m_jobs.update(jobId, fraction, QJsonObject{{QStringLiteral("backup"), backup}, {QStringLiteral("changes"), changes}});
        QTimer::singleShot(0, self, [self, jobId, actor, fixIds, index, changes] {
            if (self) {
                self->applyFixes(jobId, actor, fixIds, index + 1, changes);
            }
        });
    });
}

std::optional<Job> AuditService::job(const QString& id) const {
    return m_jobs.find({}, id);
}

QList<Job> AuditService::jobs() const {
    return m_jobs.list(QLatin1String(kAuditJob)) + m_jobs.list(QLatin1String(kFixJob));
}

std::optional<Job> AuditService::cancel(const Actor& actor, const QString& id) {
    auto found = m_jobs.find({}, id);
    if (!found) {
        return std::nullopt;
    }
    auto cancelled = m_jobs.cancel(found->kind, id, QStringLiteral("Cancelled by %1.").arg(actor.userName));
    m_running.remove(id);
    return cancelled;
}

Result<std::optional<QJsonObject>> AuditService::run(const QString& id) const {
    return id == QLatin1String("latest") ? m_repository.latestRun() : m_repository.run(id);
}

Result<Attestation> AuditService::attest(const Actor& actor, const QString& itemId, const QString& comment) {
    const AuditItem* item = auditItem(itemId);
    if (!item) {
        return unknownItem(itemId);
    }
    if (item->kind != QLatin1String(AuditItem::kAttestation)) {
        return Error::make(QStringLiteral("not_attestable"),
                           QStringLiteral("\"%1\" is checked by the platform itself; only attestation items "
                                          "take a person's confirmation.")
                               .arg(itemId));
    }
    const Attestation attestation{itemId, actor.userName, m_clock.nowMs(), comment};
    if (Status saved = m_repository.saveAttestation(attestation); !saved) {
        return saved.error();
    }
    record(actor, QStringLiteral("security.attestation.") + itemId, QStringLiteral("confirmed: ") + comment);
    return attestation;
}

Status AuditService::withdraw(const Actor& actor, const QString& itemId) {
    if (!auditItem(itemId)) {
        return unknownItem(itemId);
    }
    auto removed = m_repository.removeAttestation(itemId);
    if (!removed) {
        return removed.error();
    }
    if (!removed.value()) {
        return Error::make(QStringLiteral("attestation_not_found"),
                           QStringLiteral("Nobody has confirmed \"%1\"; there is nothing to withdraw.").arg(itemId));
    }
    record(actor, QStringLiteral("security.attestation.") + itemId, QStringLiteral("confirmation withdrawn"));
    return {};
}

QHash<QString, QString> AuditService::functionConfirmations() const {
    QHash<QString, QString> confirmations;
    auto stored = m_engine.settings().value(QLatin1String(kFunctionsKey));
    if (stored && stored.value()) {
        const QJsonObject json = QJsonDocument::fromJson(stored.value()->toUtf8()).object();
        for (auto it = json.begin(); it != json.end(); ++it) {
            confirmations.insert(it.key(), QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact)));
        }
    }
    return confirmations;
}

std::optional<std::pair<QString, qint64>> AuditService::functionConfirmation(const QString& id) const {
    const QString raw = functionConfirmations().value(id);
    if (raw.isEmpty()) {
        return std::nullopt;
    }
    const QJsonObject json = QJsonDocument::fromJson(raw.toUtf8()).object();
    return std::make_pair(json.value(QStringLiteral("by")).toString(), qint64(json.value(QStringLiteral("ms")).toDouble()));
}

QList<NetworkFunction> AuditService::functions() const {
    QList<NetworkFunction> list;
    for (const NetworkFunctionSwitch& entry : m_registry.functions()) {
        NetworkFunction function = entry.describe;
        function.enabled = entry.enabled ? entry.enabled() : false;
        function.switchable = bool(entry.set);
        if (auto confirmed = functionConfirmation(function.id); confirmed && function.enabled) {
            function.confirmedBy = confirmed->first;
            function.confirmedMs = confirmed->second;
        }
        list.append(function);
    }
    return list;
}

Result<NetworkFunction> AuditService::setFunction(const Actor& actor, const QString& id, bool enabled) {
    const NetworkFunctionSwitch* entry = m_registry.function(id);
    if (!entry) {
        return Error::make(QStringLiteral("function_not_found"),
                           QStringLiteral("There is no network function \"%1\"; GET /api/v1/security/functions "
                                          "lists them.")
                               .arg(id.left(64)));
    }
    if (!entry->set) {
        return Error::make(QStringLiteral("function_not_switchable"),
                           QStringLiteral("\"%1\" cannot be switched here: %2").arg(id, entry->describe.note));
    }
    if (Status done = entry->set(actor, enabled); !done) {
        return done.error();
    }
    // Switching on through this table is the declaration that the function is needed (sec-1.6).
    QJsonObject confirmations;
    auto stored = m_engine.settings().value(QLatin1String(kFunctionsKey));
    if (stored && stored.value()) {
        confirmations = QJsonDocument::fromJson(stored.value()->toUtf8()).object();
    }
    if (enabled) {
        confirmations.insert(id, QJsonObject{{QStringLiteral("by"), actor.userName}, {QStringLiteral("ms"), m_clock.nowMs()}});
    } else {
        confirmations.remove(id);
    }
    (void)m_engine.settings().setValue(QLatin1String(kFunctionsKey),
                                       QString::fromUtf8(QJsonDocument(confirmations).toJson(QJsonDocument::Compact)));
    record(actor, QStringLiteral("security.function.") + id,
           enabled ? QStringLiteral("switched on (declared needed)") : QStringLiteral("switched off"));
    for (const NetworkFunction& function : functions()) {
        if (function.id == id) {
            return function;
        }
    }
    return unknownItem(id);
}

void AuditService::record(const Actor& actor, const QString& target, const QString& detail) {
    m_engine.accounts()->record(QStringLiteral("setting_changed"), actor, target, detail);
}

}  // namespace vigil::server
