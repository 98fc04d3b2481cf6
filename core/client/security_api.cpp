#include "client/security_api.h"

#include <QTimer>
#include <QUrlQuery>

#include "client/file_download.h"
#include "client/json_reply.h"
#include "common/logging.h"
#include "model/json_fields.h"
#include "model/system_model.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;
using model::FieldReader;

Error notConnected() {
    return Error::make(QStringLiteral("client_not_connected"),
                       QStringLiteral("The connection to the server is gone. Sign in again."));
}

// The audit model is written by the server only; these read its answers (Response mode: a newer
// server may send more fields than this client knows).
Result<model::AuditItem> readItem(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("audit item"));
    model::AuditItem item;
    item.id = read.string(QStringLiteral("id"));
    item.requirement = read.string(QStringLiteral("requirement"));
    item.level = read.smallInteger(QStringLiteral("level"));
    item.scope = read.string(QStringLiteral("scope"));
    item.kind = read.string(QStringLiteral("kind"));
    item.title = read.string(QStringLiteral("title"));
    item.why = read.string(QStringLiteral("why"));
    item.owner = read.string(QStringLiteral("owner"));
    item.fixId = read.string(QStringLiteral("fixId"));
    item.fixTitle = read.string(QStringLiteral("fixTitle"));
    item.checkAvailable = read.boolean(QStringLiteral("checkAvailable"));
    return model::finished(read, std::move(item));
}

Result<model::Attestation> readAttestation(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("attestation"));
    model::Attestation attestation;
    attestation.itemId = read.string(QStringLiteral("itemId"));
    attestation.userName = read.string(QStringLiteral("userName"));
    attestation.timeMs = read.integer(QStringLiteral("timeMs"));
    attestation.comment = read.string(QStringLiteral("comment"));
    return model::finished(read, std::move(attestation));
}

Result<model::AuditItemResult> readResult(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("audit result"));
    model::AuditItemResult result;
    result.itemId = read.string(QStringLiteral("itemId"));
    result.state = read.string(QStringLiteral("state"));
    result.fixId = read.string(QStringLiteral("fixId"));
    for (const QJsonValue& value : read.array(QStringLiteral("findings"))) {
        FieldReader finding(value.toObject(), QStringLiteral("audit finding"));
        model::AuditFinding found;
        found.subject = finding.string(QStringLiteral("subject"));
        found.subjectName = finding.string(QStringLiteral("subjectName"));
        found.state = finding.string(QStringLiteral("state"));
        found.evidence = finding.string(QStringLiteral("evidence"));
        if (!finding.ok()) {
            read.failWith(finding.error());
            break;
        }
        result.findings.append(found);
    }
    if (read.has(QStringLiteral("attestation")) && json.value(QStringLiteral("attestation")).isObject()) {
        auto attestation = readAttestation(json.value(QStringLiteral("attestation")).toObject());
        if (!attestation) {
            return attestation.error();
        }
        result.attestation = attestation.value();
    }
    return model::finished(read, std::move(result));
}

Result<model::AuditRun> readRun(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("audit run"));
    model::AuditRun run;
    run.id = read.string(QStringLiteral("id"));
    run.startedMs = read.integer(QStringLiteral("startedMs"));
    run.finishedMs = read.integer(QStringLiteral("finishedMs"));
    run.level = read.smallInteger(QStringLiteral("level"));
    run.userName = read.string(QStringLiteral("userName"));
    run.met = read.boolean(QStringLiteral("met"));
    if (read.has(QStringLiteral("results"))) {
        for (const QJsonValue& value : read.array(QStringLiteral("results"))) {
            auto result = readResult(value.toObject());
            if (!result) {
                return result.error();
            }
            run.results.append(result.value());
        }
    }
    return model::finished(read, std::move(run));
}

Result<model::AuditSettings> readSettings(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("audit settings"));
    model::AuditSettings settings;
    settings.targetLevel = read.smallInteger(QStringLiteral("targetLevel"));
    settings.scheduleHours = read.smallInteger(QStringLiteral("scheduleHours"));
    return model::finished(read, settings);
}

Result<QList<model::AuditItem>> readCatalogue(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("audit catalogue"));
    QList<model::AuditItem> items;
    for (const QJsonValue& value : read.array(QStringLiteral("items"))) {
        auto item = readItem(value.toObject());
        if (!item) {
            return item.error();
        }
        items.append(item.value());
    }
    return model::finished(read, std::move(items));
}

// parseObject() wants T::fromJson; the audit shapes are read by the functions above.
template <typename T>
Result<T> readAs(const QJsonObject& json);
template <>
Result<model::AuditRun> readAs(const QJsonObject& json) {
    return readRun(json);
}
template <>
Result<model::AuditSettings> readAs(const QJsonObject& json) {
    return readSettings(json);
}
template <>
Result<model::Attestation> readAs(const QJsonObject& json) {
    return readAttestation(json);
}
template <>
Result<QList<model::AuditItem>> readAs(const QJsonObject& json) {
    return readCatalogue(json);
}
template <>
Result<model::Job> readAs(const QJsonObject& json) {
    return model::Job::fromJson(json);
}
template <>
Result<AuditRecommendation> readAs(const QJsonObject& json) {
    return AuditRecommendation::fromJson(json);
}

template <typename T>
struct Reader {
    T value;
    static Result<Reader> fromJson(const QJsonObject& json) {
        auto read = readAs<T>(json);
        if (!read) {
            return read.error();
        }
        return Reader{std::move(read).value()};
    }
};

}  // namespace

Result<AuditRecommendation> AuditRecommendation::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("level recommendation"));
    AuditRecommendation advice;
    advice.level = read.smallInteger(QStringLiteral("level"));
    advice.siteType = read.string(QStringLiteral("siteType"));
    advice.channels = read.smallInteger(QStringLiteral("channels"));
    advice.users = read.smallInteger(QStringLiteral("users"));
    advice.higherPossible = read.boolean(QStringLiteral("higherPossible"));
    return model::finished(read, advice);
}

FixJobResult FixJobResult::fromJob(const model::Job& job) {
    FixJobResult result;
    result.backup = job.result.value(QStringLiteral("backup")).toString();
    for (const QJsonValue& value : job.result.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject entry = value.toObject();
        AppliedFix fix;
        fix.fixId = entry.value(QStringLiteral("fixId")).toString();
        fix.title = entry.value(QStringLiteral("title")).toString();
        for (const QJsonValue& change : entry.value(QStringLiteral("changes")).toArray()) {
            fix.changes.append(change.toString());
        }
        fix.error = entry.value(QStringLiteral("error")).toString();
        result.fixes.append(fix);
    }
    return result;
}

SecurityApi::SecurityApi(ApiClient* client, QObject* parent)
    : QObject(parent), m_client(client), m_poll(new QTimer(this)) {
    m_poll->setInterval(kJobPollMs);
    connect(m_poll, &QTimer::timeout, this, &SecurityApi::poll);
    if (m_client) {
        connect(m_client, &ApiClient::pushReceived, this, &SecurityApi::onPush);
        connect(m_client, &ApiClient::eventsConnectedChanged, this, &SecurityApi::onEventsConnected);
    }
}

SecurityApi::~SecurityApi() = default;

template <typename T>
void SecurityApi::call(Method method, const QString& path, std::optional<QJsonObject> body, Callback<T> done,
                       const QUrlQuery& query) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    Request request(method, path, std::move(body));
    request.query = query;
    m_client->sendJson(request, [done = std::move(done)](Result<QJsonDocument> answer) {
        auto read = parseObject<Reader<T>>(answer);
        done(read ? Result<T>(std::move(read)->value) : Result<T>(read.error()));
    });
}

QUrlQuery SecurityApi::languageQuery() const {
    QUrlQuery query;
    if (!m_language.isEmpty()) {
        query.addQueryItem(QStringLiteral("lang"), m_language);
    }
    return query;
}

void SecurityApi::fetchCatalogue(Callback<QList<model::AuditItem>> done) {
    call<QList<model::AuditItem>>(Method::Get, QStringLiteral("/api/v1/security/catalogue"), std::nullopt, std::move(done),
                                  languageQuery());
}

void SecurityApi::fetchRecommendation(const QString& siteType, Callback<AuditRecommendation> done) {
    QUrlQuery query;
    if (!siteType.isEmpty()) {
        query.addQueryItem(QStringLiteral("type"), siteType);
    }
    call<AuditRecommendation>(Method::Get, QStringLiteral("/api/v1/security/recommendation"), std::nullopt, std::move(done),
                              query);
}

void SecurityApi::fetchSettings(Callback<model::AuditSettings> done) {
    call<model::AuditSettings>(Method::Get, QStringLiteral("/api/v1/security/settings"), std::nullopt, std::move(done));
}

void SecurityApi::saveSettings(const model::AuditSettings& settings, Callback<model::AuditSettings> done) {
    call<model::AuditSettings>(Method::Put, QStringLiteral("/api/v1/security/settings"), settings.toJson(), std::move(done));
}

void SecurityApi::startAudit(int level, Callback<model::Job> done) {
    call<model::Job>(Method::Post, QStringLiteral("/api/v1/security/audits"), QJsonObject{{QStringLiteral("level"), level}},
                     std::move(done));
}

void SecurityApi::startFixes(const QStringList& fixIds, const QString& backupPassphrase, Callback<model::Job> done) {
    QJsonObject body{{QStringLiteral("fixIds"), QJsonArray::fromStringList(fixIds)}};
    if (!backupPassphrase.isEmpty()) {
        body.insert(QStringLiteral("backupPassphrase"), backupPassphrase);
    }
    call<model::Job>(Method::Post, QStringLiteral("/api/v1/security/fixes"), body, std::move(done));
}

void SecurityApi::fetchJob(const QString& id, Callback<model::Job> done) {
    call<model::Job>(Method::Get, QStringLiteral("/api/v1/security/jobs/") + id, std::nullopt, std::move(done));
}

void SecurityApi::cancelJob(const QString& id, Callback<model::Job> done) {
    call<model::Job>(Method::Delete, QStringLiteral("/api/v1/security/jobs/") + id, std::nullopt, std::move(done));
}

void SecurityApi::fetchRun(const QString& id, Callback<model::AuditRun> done) {
    call<model::AuditRun>(Method::Get, QStringLiteral("/api/v1/security/audits/") + id, std::nullopt, std::move(done));
}

void SecurityApi::attest(const QString& itemId, const QString& comment, Callback<model::Attestation> done) {
    call<model::Attestation>(Method::Put, QStringLiteral("/api/v1/security/attestations/") + itemId,
                             QJsonObject{{QStringLiteral("comment"), comment}}, std::move(done));
}

void SecurityApi::withdraw(const QString& itemId, StatusCallback done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendStatus(Request(Method::Delete, QStringLiteral("/api/v1/security/attestations/") + itemId), std::move(done));
}

FileDownload* SecurityApi::downloadReport(const QString& runId, bool pdf, const QString& filePath) {
    QUrlQuery query = languageQuery();
    query.addQueryItem(QStringLiteral("run"), runId);
    auto* download = new FileDownload(
        m_client, pdf ? QStringLiteral("/api/v1/security/report.pdf") : QStringLiteral("/api/v1/security/report"), filePath);
    download->setQuery(query);
    return download;
}

void SecurityApi::followJob(const model::Job& job, JobUpdate update) {
    if (!job.isRunning()) {
        update(job);
        return;
    }
    m_followed.insert(job.id, Followed{std::move(update), false});
    poll();  // once: a push that came before this follow is not lost
    updatePolling();
    qCInfo(lcClient).noquote() << "following security job" << job.id
                               << (m_poll->isActive() ? "by polling (the event WebSocket is down)"
                                                      : "through its security.job pushes");
}

void SecurityApi::stopFollowing(const QString& jobId) {
    m_followed.remove(jobId);
    updatePolling();
}

bool SecurityApi::pollingJobs() const {
    return m_poll->isActive();
}

void SecurityApi::updatePolling() {
    const ApiClient* client = m_client.data();
    const bool pushes = client != nullptr && client->eventsConnected();
    if (m_followed.isEmpty() || pushes) {
        m_poll->stop();
    } else if (!m_poll->isActive()) {
        m_poll->start();
    }
}

void SecurityApi::onEventsConnected(bool connected) {
    if (connected) {
        poll();  // what changed while no push could come
    }
    updatePolling();
}

void SecurityApi::onPush(const model::PushMessage& message) {
    if (message.type != QLatin1String(kJobPush)) {
        return;
    }
    auto job = model::Job::fromJson(message.data);
    if (!job) {
        qCWarning(lcClient).noquote() << "ignoring a" << message.type << "push:" << job.error().message;
        return;
    }
    deliver(job.value());
}

void SecurityApi::deliver(const model::Job& job) {
    auto followed = m_followed.find(job.id);
    if (followed == m_followed.end()) {
        return;  // not followed, or ended already
    }
    const JobUpdate update = followed->update;  // the callback may stop following (and erase it)
    if (!job.isRunning()) {
        stopFollowing(job.id);
    }
    update(job);
}

void SecurityApi::poll() {
    if (m_followed.isEmpty()) {
        m_poll->stop();
        return;
    }
    // Ids first: an answer may come at once (not connected) and stop following while we walk.
    QStringList due;
    for (auto it = m_followed.begin(); it != m_followed.end(); ++it) {
        if (!it->polling) {
            it->polling = true;
            due.append(it.key());
        }
    }
    QPointer<SecurityApi> self(this);
    for (const QString& id : due) {
        fetchJob(id, [self, id](const Result<model::Job>& job) {
            if (self) {
                self->polled(id, job);
            }
        });
    }
}

void SecurityApi::polled(const QString& id, const Result<model::Job>& job) {
    auto followed = m_followed.find(id);
    if (followed == m_followed.end()) {
        return;  // stopped meanwhile
    }
    followed->polling = false;
    model::Job seen;
    if (job) {
        seen = job.value();
    } else {
        // The job cannot be read any more (the server restarted, the session ended): say so once.
        seen.id = id;
        seen.state = QLatin1String(model::Job::kFailed);
        seen.error = job.error().code;
        seen.message = job.error().message;
    }
    deliver(seen);
}

}  // namespace vigil::core::client
