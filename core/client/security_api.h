#pragma once
// SecurityApi: the workstation's client for the security audit (issue 8, WIZ-1..4; routes under
// /api/v1/security, shapes in server/api/security.yaml): the catalogue of items (data: a new check
// needs no client change), the level recommendation, audits and fixes as server jobs, stored runs,
// attestations, the audit settings (chosen level, re-audit schedule) and the report files.
//
// Jobs: the server pushes each change of an audit or fix job as "security.job" over the session's
// WebSocket (ApiClient::connectEvents; server/audit/audit_push.h), and followJob() follows those
// pushes. It reads the job once when following starts (a push may have come before the answer that
// started it) and again when the WebSocket comes back (pushes missed meanwhile); it polls only while
// the WebSocket is not connected. Requests go through ApiClient::sendJson (same trust, token, timeouts and errors as every
// call). Lives on the ApiClient's thread; callbacks run there.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

#include "client/api_client.h"
#include "model/audit_model.h"
#include "model/job_model.h"

class QTimer;

namespace vigil::core::client {

class FileDownload;

// GET /api/v1/security/recommendation: the level the server advises for the site.
struct AuditRecommendation {
    int level = 1;
    QString siteType;  // "" when judged from the site's size
    int channels = 0;
    int users = 0;
    bool higherPossible = false;

    static Result<AuditRecommendation> fromJson(const QJsonObject& json);
};

// One applied fix of a fix job's result: what changed, or why it did not.
struct AppliedFix {
    QString fixId;
    QString title;
    QStringList changes;  // empty: nothing needed changing
    QString error;        // "" when it went through
};

// The result of a security_fixes job (also while it runs: the fixes applied so far).
struct FixJobResult {
    QString backup;  // the backup taken before any change; "none: why" when none could be
    QList<AppliedFix> fixes;

    static FixJobResult fromJob(const model::Job& job);
};

class SecurityApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;
    using StatusCallback = ApiClient::StatusCallback;
    using JobUpdate = std::function<void(const model::Job&)>;

    static constexpr auto kAuditJob = "security_audit";
    static constexpr auto kFixJob = "security_fixes";
    static constexpr auto kJobPush = "security.job";
    static constexpr int kJobPollMs = 400;  // only while the WebSocket is down

    // `client` must outlive this object.
    explicit SecurityApi(ApiClient* client, QObject* parent = nullptr);
    ~SecurityApi() override;

    ApiClient* client() const { return m_client; }

    // The language of the texts for people the server words (items, fixes, the report): sent as
    // ?lang= (server/audit/README.md, "Languages"); "" leaves it to the server (English).
    void setLanguage(const QString& language) { m_language = language; }
    QString language() const { return m_language; }

    void fetchCatalogue(Callback<QList<model::AuditItem>> done);
    // `siteType` "" lets the server judge from the number of channels and users.
    void fetchRecommendation(const QString& siteType, Callback<AuditRecommendation> done);
    void fetchSettings(Callback<model::AuditSettings> done);
    void saveSettings(const model::AuditSettings& settings, Callback<model::AuditSettings> done);

    // Audits and fixes run as jobs on the server; the answer is the running job.
    void startAudit(int level, Callback<model::Job> done);
    // `backupPassphrase` protects the backup the server makes first; "" uses the backup schedule's.
    void startFixes(const QStringList& fixIds, const QString& backupPassphrase, Callback<model::Job> done);
    void fetchJob(const QString& id, Callback<model::Job> done);
    void cancelJob(const QString& id, Callback<model::Job> done);
    // Calls `update` with each new state of the job until it has ended (the last call has a state
    // other than running) or stopFollowing(). A failed poll ends it with a failed job.
    void followJob(const model::Job& job, JobUpdate update);
    void stopFollowing(const QString& jobId);
    // True while followed jobs are polled (the WebSocket is down); for the status line and tests.
    bool pollingJobs() const;

    // A stored run with its results; `id` "latest" for the newest.
    void fetchRun(const QString& id, Callback<model::AuditRun> done);

    void attest(const QString& itemId, const QString& comment, Callback<model::Attestation> done);
    void withdraw(const QString& itemId, StatusCallback done);

    // Fetches the report of a stored run as HTML or PDF into `filePath`; the download belongs to the
    // caller and says when it ended.
    FileDownload* downloadReport(const QString& runId, bool pdf, const QString& filePath);

private:
    struct Followed {
        JobUpdate update;
        bool polling = false;
    };

    template <typename T>
    void call(ApiClient::Method method, const QString& path, std::optional<QJsonObject> body, Callback<T> done,
              const QUrlQuery& query = {});
    void poll();
    void polled(const QString& id, const Result<model::Job>& job);
    void onPush(const model::PushMessage& message);
    void onEventsConnected(bool connected);
    void deliver(const model::Job& job);
    void updatePolling();  // the poll runs while jobs are followed and no push can come
    QUrlQuery languageQuery() const;

    QPointer<ApiClient> m_client;
    QTimer* m_poll;
    QHash<QString, Followed> m_followed;  // by job id
    QString m_language;
};

}  // namespace vigil::core::client
