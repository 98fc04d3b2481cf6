#include "audit/audit_routes.h"

#include <QJsonArray>
#include <QUrlQuery>

#include "accounts/accounts_service.h"
#include "audit/audit_report.h"
#include "audit/audit_service.h"
#include "audit/audit_translation.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::model::Permissions;

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("audit_item_not_found"), StatusCode::NotFound},
        {QStringLiteral("attestation_not_found"), StatusCode::NotFound},
        {QStringLiteral("function_not_found"), StatusCode::NotFound},
        {QStringLiteral("audit_run_not_found"), StatusCode::NotFound},
        {QStringLiteral("job_not_found"), StatusCode::NotFound},
        {QStringLiteral("fix_not_found"), StatusCode::BadRequest},
        {QStringLiteral("not_attestable"), StatusCode::Conflict},
        {QStringLiteral("function_not_switchable"), StatusCode::Conflict},
        {QStringLiteral("smtp_not_configured"), StatusCode::Conflict},
        {QStringLiteral("service_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("pdf_unavailable"), StatusCode::NotImplemented},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

Error jobNotFound(const QString& id) {
    return Error::make(QStringLiteral("job_not_found"),
                       QStringLiteral("There is no audit or fix job \"%1\" (finished jobs are kept for an hour).").arg(id.left(64)));
}

// The stored run a report or GET names: ?run=<id>, else the newest.
core::Result<QJsonObject> chosenRun(AuditService& audit, const QString& id) {
    auto run = audit.run(id.isEmpty() ? QStringLiteral("latest") : id);
    if (!run) {
        return run.error();
    }
    if (!run.value()) {
        return Error::make(QStringLiteral("audit_run_not_found"),
                           id.isEmpty() ? QStringLiteral("No audit has finished yet; start one with POST /api/v1/security/audits.")
                                        : QStringLiteral("There is no stored audit \"%1\".").arg(id.left(64)));
    }
    return *run.value();
}

}  // namespace

QList<Route> auditRoutes(AuditService& audit, Engine& engine) {
    const QString need = QString::fromLatin1(Permissions::kSecurity);
    AuditService* a = &audit;
    Engine* e = &engine;
    QList<Route> routes;
    // Texts for people in the language of ?lang= (AuditTranslation); ids, states and evidence as they are.
    routes.append({Method::Get, QStringLiteral("/api/v1/security/catalogue"), need, [a](const RouteRequest& request) {
                       const auto items = AuditTranslation::of(request.http).items(a->catalogue());
                       return jsonResponse(QJsonObject{{QStringLiteral("items"), core::model::toJsonArray(items)}});
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/settings"), need,
                   [a](const RouteRequest&) { return jsonResponse(a->settings().toJson()); }});
    routes.append({Method::Put, QStringLiteral("/api/v1/security/settings"), need, [a](const RouteRequest& request) {
                       auto settings = core::model::AuditSettings::fromRequest(request.body);
                       if (!settings) {
                           return failure(settings.error());
                       }
                       if (auto saved = a->setSettings(Actor::of(request), settings.value()); !saved) {
                           return failure(saved.error());
                       }
                       return jsonResponse(a->settings().toJson());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/recommendation"), need, [a](const RouteRequest& request) {
                       auto advice = a->recommendation(QUrlQuery(request.http.url()).queryItemValue(QStringLiteral("type")));
                       return advice ? jsonResponse(advice.value()) : failure(advice.error());
                   }});
    routes.append({Method::Post, QStringLiteral("/api/v1/security/audits"), need, [a](const RouteRequest& request) {
                       auto input = core::model::AuditStartInput::fromRequest(request.body);
                       if (!input) {
                           return failure(input.error());
                       }
                       auto job = a->startAudit(Actor::of(request), input->level);
                       return job ? jsonResponse(job->toJson(), StatusCode::Accepted) : failure(job.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/audits"), need, [a](const RouteRequest&) {
                       auto runs = a->runs(AuditRepository::kKeptRuns);
                       if (!runs) {
                           return failure(runs.error());
                       }
                       QJsonArray list;
                       for (const QJsonObject& run : runs.value()) {
                           list.append(run);
                       }
                       return jsonResponse(QJsonObject{{QStringLiteral("runs"), list}});
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/audits/{id}"), need, [a](const RouteRequest& request) {
                       const QString id = request.param(QStringLiteral("id"));
                       auto run = chosenRun(*a, id == QLatin1String("latest") ? QString() : id);
                       return run ? jsonResponse(run.value()) : failure(run.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/jobs"), need, [a](const RouteRequest&) {
                       return jsonResponse(QJsonObject{{QStringLiteral("jobs"), core::model::toJsonArray(a->jobs())}});
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/jobs/{id}"), need, [a](const RouteRequest& request) {
                       auto job = a->job(request.param(QStringLiteral("id")));
                       return job ? jsonResponse(job->toJson()) : failure(jobNotFound(request.param(QStringLiteral("id"))));
                   }});
    routes.append({Method::Delete, QStringLiteral("/api/v1/security/jobs/{id}"), need, [a](const RouteRequest& request) {
                       auto job = a->cancel(Actor::of(request), request.param(QStringLiteral("id")));
                       return job ? jsonResponse(job->toJson()) : failure(jobNotFound(request.param(QStringLiteral("id"))));
                   }});
    routes.append({Method::Post, QStringLiteral("/api/v1/security/fixes"), need, [a](const RouteRequest& request) {
                       auto input = core::model::FixInput::fromRequest(request.body);
                       if (!input) {
                           return failure(input.error());
                       }
                       auto job = a->startFixes(Actor::of(request), input->fixIds, input->backupPassphrase);
                       return job ? jsonResponse(job->toJson(), StatusCode::Accepted) : failure(job.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/attestations"), need, [a](const RouteRequest&) {
                       auto list = a->attestations();
                       return list ? jsonResponse(QJsonObject{{QStringLiteral("attestations"), core::model::toJsonArray(list.value())}})
                                   : failure(list.error());
                   }});
    routes.append({Method::Put, QStringLiteral("/api/v1/security/attestations/{itemId}"), need,
                   [a](const RouteRequest& request) {
                       auto input = core::model::AttestationInput::fromRequest(request.body);
                       if (!input) {
                           return failure(input.error());
                       }
                       auto attestation = a->attest(Actor::of(request), request.param(QStringLiteral("itemId")), input->comment);
                       return attestation ? jsonResponse(attestation->toJson()) : failure(attestation.error());
                   }});
    routes.append({Method::Delete, QStringLiteral("/api/v1/security/attestations/{itemId}"), need,
                   [a](const RouteRequest& request) {
                       auto done = a->withdraw(Actor::of(request), request.param(QStringLiteral("itemId")));
                       return done ? noContentResponse() : failure(done.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/functions"), need, [a](const RouteRequest& request) {
                       const auto functions = AuditTranslation::of(request.http).functions(a->functions());
                       return jsonResponse(QJsonObject{{QStringLiteral("functions"), core::model::toJsonArray(functions)}});
                   }});
    routes.append({Method::Put, QStringLiteral("/api/v1/security/functions/{id}"), need, [a](const RouteRequest& request) {
                       auto input = core::model::FunctionSwitchInput::fromRequest(request.body);
                       if (!input) {
                           return failure(input.error());
                       }
                       auto function = a->setFunction(Actor::of(request), request.param(QStringLiteral("id")), input->enabled);
                       return function ? jsonResponse(function->toJson()) : failure(function.error());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/report"), need, [a, e](const RouteRequest& request) {
                       const QUrlQuery query(request.http.url());
                       auto run = chosenRun(*a, query.queryItemValue(QStringLiteral("run")));
                       if (!run) {
                           return failure(run.error());
                       }
                       const AuditReport report = AuditReport::gather(*a, *e, run.value(), Actor::of(request).userName,
                                                                      AuditTranslation::of(request.http));
                       return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"), report.html().toUtf8());
                   }});
    routes.append({Method::Get, QStringLiteral("/api/v1/security/report.pdf"), need, [a, e](const RouteRequest& request) {
                       const QUrlQuery query(request.http.url());
                       auto run = chosenRun(*a, query.queryItemValue(QStringLiteral("run")));
                       if (!run) {
                           return failure(run.error());
                       }
                       const AuditReport report = AuditReport::gather(*a, *e, run.value(), Actor::of(request).userName,
                                                                      AuditTranslation::of(request.http));
                       auto pdf = report.pdf();
                       return pdf ? QHttpServerResponse(QByteArrayLiteral("application/pdf"), pdf.value()) : failure(pdf.error());
                   }});
    return routes;
}

}  // namespace vigil::server
