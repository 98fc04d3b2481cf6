#pragma once
// Test helpers for the security audit's API (issue 8): follow a job, run an audit of a level and read
// the stored run, index its results by item.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "../accounts/api_session.h"

namespace vigil::test {

// Polls /api/v1/security/jobs/{id} until the job is no longer running (60 s bound a hang); returns it.
inline QJsonObject waitForSecurityJob(ApiSession& api, const QString& id) {
    QJsonObject job;
    for (int i = 0; i < 1200; ++i) {
        job = api.get(QStringLiteral("/api/v1/security/jobs/") + id).json;
        if (job.value(QStringLiteral("state")).toString() != QLatin1String("running")) {
            return job;
        }
        QTest::qWait(50);
    }
    return job;
}

// Runs an audit of `level` (0: the chosen level) through the API and returns the stored run ({} when
// it did not succeed, with a warning saying why).
inline QJsonObject runAudit(ApiSession& api, int level) {
    const QJsonObject body = level > 0 ? QJsonObject{{QStringLiteral("level"), level}} : QJsonObject{};
    const ApiReply started = api.post(QStringLiteral("/api/v1/security/audits"), body);
    if (started.status != 202) {
        qWarning().noquote() << describe(started);
        return {};
    }
    const QJsonObject job = waitForSecurityJob(api, started.json.value(QStringLiteral("id")).toString());
    if (job.value(QStringLiteral("state")).toString() != QLatin1String("succeeded")) {
        qWarning() << job;
        return {};
    }
    const QString runId = job.value(QStringLiteral("result")).toObject().value(QStringLiteral("runId")).toString();
    return api.get(QStringLiteral("/api/v1/security/audits/") + runId).json;
}

inline QHash<QString, QJsonObject> resultsById(const QJsonObject& run) {
    QHash<QString, QJsonObject> results;
    for (const QJsonValue& value : run.value(QStringLiteral("results")).toArray()) {
        results.insert(value.toObject().value(QStringLiteral("itemId")).toString(), value.toObject());
    }
    return results;
}

// The state of one item in a run, and the evidence of its findings joined, for messages.
inline QString stateOf(const QJsonObject& run, const QString& itemId) {
    return resultsById(run).value(itemId).value(QStringLiteral("state")).toString();
}
inline QString evidenceOf(const QJsonObject& run, const QString& itemId) {
    QStringList evidence;
    for (const QJsonValue& finding : resultsById(run).value(itemId).value(QStringLiteral("findings")).toArray()) {
        evidence << finding.toObject().value(QStringLiteral("evidence")).toString();
    }
    return evidence.join(QStringLiteral(" | "));
}

}  // namespace vigil::test
