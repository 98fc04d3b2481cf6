#include "accounts/accounts_routes.h"

#include <QJsonArray>
#include <QUrlQuery>

#include "accounts/accounts_service.h"
#include "accounts/address_filter_settings.h"
#include "accounts/password_reset.h"
#include "accounts/smtp_settings_document.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::model::Permissions;

QString need(const char* permission) {
    return QString::fromLatin1(permission);
}

template <typename T>
QJsonArray arrayOf(const QList<T>& items) {
    QJsonArray array;
    for (const T& item : items) {
        array.append(item.toJson());
    }
    return array;
}

// Answers a Result: its value as JSON with `status`, or its error.
template <typename T, typename ToJson>
QHttpServerResponse answer(const core::Result<T>& result, ToJson toJson, StatusCode status = StatusCode::Ok) {
    if (!result) {
        return errorResponse(result.error());
    }
    return jsonResponse(toJson(result.value()), status);
}

QHttpServerResponse answer(const core::Status& status) {
    return status ? noContentResponse() : errorResponse(status.error());
}

QHttpServerResponse refuseBody(const RouteRequest& request) {
    return errorResponse(
        StatusCode::BadRequest, QStringLiteral("bad_request"),
        QStringLiteral("%1 takes no request body. Send it without one.").arg(request.http.url().path()));
}

// The security log's query: every parameter optional, unknown ones refused like unknown fields.
core::Result<LogQuery> parseLogQuery(const QUrlQuery& query) {
    LogQuery parsed;
    const QString context = QStringLiteral("security log query");
    static const QStringList kKnown = {QStringLiteral("fromMs"), QStringLiteral("toMs"),
                                       QStringLiteral("user"),   QStringLiteral("kind"),
                                       QStringLiteral("limit"),  QStringLiteral("offset")};
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!kKnown.contains(name)) {
            return core::model::FieldReader::badRequest(
                context, name, QStringLiteral("is not a parameter it takes; use %1").arg(kKnown.join(u", ")));
        }
        bool ok = true;
        if (name == QLatin1String("fromMs")) {
            parsed.fromMs = value.toLongLong(&ok);
            ok = ok && parsed.fromMs >= 0;
        } else if (name == QLatin1String("toMs")) {
            parsed.toMs = value.toLongLong(&ok);
            ok = ok && parsed.toMs >= 0;
        } else if (name == QLatin1String("limit")) {
            parsed.limit = value.toInt(&ok);
            ok = ok && parsed.limit >= 1 && parsed.limit <= LogQuery::kMaxLimit;
        } else if (name == QLatin1String("offset")) {
            parsed.offset = value.toInt(&ok);
            ok = ok && parsed.offset >= 0;
        } else if (name == QLatin1String("user")) {
            parsed.userName = value;
        } else if (name == QLatin1String("kind")) {
            ok = core::model::LogEntry::kinds().contains(value);
            parsed.kind = value;
        }
        if (!ok) {
            const QString expected =
                name == QLatin1String("kind")
                    ? QStringLiteral("one of %1").arg(core::model::LogEntry::kinds().join(u", "))
                : name == QLatin1String("limit")
                    ? QStringLiteral("an integer from 1 to %1").arg(LogQuery::kMaxLimit)
                    : QStringLiteral("a non-negative integer (UTC ms for times)");
            return core::model::FieldReader::badRequest(
                context, name, QStringLiteral("is \"%1\"; use %2").arg(value, expected));
        }
    }
    return parsed;
}

QList<Route> sessionRoutes(AccountsService& a) {
    using namespace core::model;
    return {
        {Method::Get, QStringLiteral("/api/v1/setup"), need(Permissions::kPublic),
         [&a](const RouteRequest&) { return jsonResponse(a.setupStatus().toJson()); }},
        {Method::Post, QStringLiteral("/api/v1/setup"), need(Permissions::kPublic),
         [&a](const RouteRequest& r) {
             auto request = SetupRequest::fromRequest(r.body);
             if (!request) {
                 return errorResponse(request.error());
             }
             return answer(
                 a.setup(request.value(), r.address),
                 [](const User& user) {
                     return QJsonObject{{QStringLiteral("user"), user.toJson()}};
                 },
                 StatusCode::Created);
         }},
        {Method::Post, QStringLiteral("/api/v1/auth/login"), need(Permissions::kPublic),
         [&a](const RouteRequest& r) {
             auto request = LoginRequest::fromRequest(r.body);
             if (!request) {
                 return errorResponse(request.error());
             }
             return answer(a.login(request.value(), r.address),
                           [](const LoginResponse& l) { return l.toJson(); });
         }},
        {Method::Post, QStringLiteral("/api/v1/auth/logout"), need(Permissions::kAuthenticated),
         [&a](const RouteRequest& r) {
             return r.body.isEmpty() ? answer(a.logout(Actor::of(r))) : refuseBody(r);
         }},
        {Method::Get, QStringLiteral("/api/v1/auth/me"), need(Permissions::kAuthenticated),
         [&a](const RouteRequest& r) {
             return answer(a.me(*r.caller), [](const MeResponse& me) { return me.toJson(); });
         }},
        {Method::Post, QStringLiteral("/api/v1/auth/password"), need(Permissions::kAuthenticated),
         [&a](const RouteRequest& r) {
             auto request = PasswordChangeRequest::fromRequest(r.body);
             return request ? answer(a.changeOwnPassword(Actor::of(r), request.value()))
                            : errorResponse(request.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/permissions"), need(Permissions::kAuthenticated),
         [](const RouteRequest&) {
             return jsonResponse(QJsonObject{{QStringLiteral("permissions"), arrayOf(Permissions::all())}});
         }},
        {Method::Get, QStringLiteral("/api/v1/sessions"), need(Permissions::kSecurity),
         [&a](const RouteRequest& r) {
             return answer(a.sessions(Actor::of(r)), [](const QList<Session>& sessions) {
                 return QJsonObject{{QStringLiteral("sessions"), arrayOf(sessions)}};
             });
         }},
        {Method::Delete, QStringLiteral("/api/v1/sessions/{id}"), need(Permissions::kSecurity),
         [&a](const RouteRequest& r) {
             return answer(a.endSession(Actor::of(r), r.param(QStringLiteral("id"))));
         }},
    };
}

QList<Route> userRoutes(AccountsService& a) {
    using namespace core::model;
    const auto userJson = [](const User& user) { return user.toJson(); };
    const auto roleJson = [](const Role& role) { return role.toJson(); };
    return {
        {Method::Get, QStringLiteral("/api/v1/users"), need(Permissions::kUserAdmin),
         [&a](const RouteRequest&) {
             return answer(a.users(), [](const QList<User>& users) {
                 return QJsonObject{{QStringLiteral("users"), arrayOf(users)}};
             });
         }},
        {Method::Post, QStringLiteral("/api/v1/users"), need(Permissions::kUserAdmin),
         [&a, userJson](const RouteRequest& r) {
             auto input = UserInput::fromRequest(r.body);
             return input ? answer(a.createUser(Actor::of(r), input.value()), userJson, StatusCode::Created)
                          : errorResponse(input.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/users/{id}"), need(Permissions::kUserAdmin),
         [&a, userJson](const RouteRequest& r) {
             return answer(a.user(r.param(QStringLiteral("id"))), userJson);
         }},
        {Method::Put, QStringLiteral("/api/v1/users/{id}"), need(Permissions::kUserAdmin),
         [&a, userJson](const RouteRequest& r) {
             auto input = UserInput::fromRequest(r.body);
             return input ? answer(a.updateUser(Actor::of(r), r.param(QStringLiteral("id")), input.value()),
                                   userJson)
                          : errorResponse(input.error());
         }},
        {Method::Delete, QStringLiteral("/api/v1/users/{id}"), need(Permissions::kUserAdmin),
         [&a](const RouteRequest& r) {
             return answer(a.deleteUser(Actor::of(r), r.param(QStringLiteral("id"))));
         }},
        {Method::Get, QStringLiteral("/api/v1/roles"), need(Permissions::kUserAdmin),
         [&a](const RouteRequest&) {
             return answer(a.roles(), [](const QList<Role>& roles) {
                 return QJsonObject{{QStringLiteral("roles"), arrayOf(roles)}};
             });
         }},
        {Method::Post, QStringLiteral("/api/v1/roles"), need(Permissions::kUserAdmin),
         [&a, roleJson](const RouteRequest& r) {
             auto input = RoleInput::fromRequest(r.body);
             return input ? answer(a.createRole(Actor::of(r), input.value()), roleJson, StatusCode::Created)
                          : errorResponse(input.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/roles/{id}"), need(Permissions::kUserAdmin),
         [&a, roleJson](const RouteRequest& r) {
             return answer(a.role(r.param(QStringLiteral("id"))), roleJson);
         }},
        {Method::Put, QStringLiteral("/api/v1/roles/{id}"), need(Permissions::kUserAdmin),
         [&a, roleJson](const RouteRequest& r) {
             auto input = RoleInput::fromRequest(r.body);
             return input ? answer(a.updateRole(Actor::of(r), r.param(QStringLiteral("id")), input.value()),
                                   roleJson)
                          : errorResponse(input.error());
         }},
        {Method::Delete, QStringLiteral("/api/v1/roles/{id}"), need(Permissions::kUserAdmin),
         [&a](const RouteRequest& r) {
             return answer(a.deleteRole(Actor::of(r), r.param(QStringLiteral("id"))));
         }},
    };
}

QList<Route> logAndSettingsRoutes(AccountsService& a) {
    using namespace core::model;
    return {
        {Method::Get, QStringLiteral("/api/v1/security-log"), need(Permissions::kLogs),
         [&a](const RouteRequest& r) {
             auto query = parseLogQuery(r.http.query());
             if (!query) {
                 return errorResponse(query.error());
             }
             return answer(a.searchLog(query.value()), [](const LogPage& page) {
                 return QJsonObject{{QStringLiteral("entries"), arrayOf(page.entries)},
                                    {QStringLiteral("total"), page.total}};
             });
         }},
        {Method::Get, QStringLiteral("/api/v1/security-log.csv"), need(Permissions::kLogs),
         [&a](const RouteRequest& r) {
             auto query = parseLogQuery(r.http.query());
             if (!query) {
                 return errorResponse(query.error());
             }
             // Without a limit the export holds everything that matches, up to kMaxCsvRows.
             if (!r.http.query().hasQueryItem(QStringLiteral("limit"))) {
                 query->limit = LogQuery::kMaxCsvRows;
             }
             auto page = a.searchLog(query.value());
             if (!page) {
                 return errorResponse(page.error());
             }
             QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"),
                                          SecurityLog::toCsv(page->entries));
             response.setHeader(QByteArrayLiteral("Content-Disposition"),
                                QByteArrayLiteral("attachment; filename=\"vigil-security-log.csv\""));
             return response;
         }},
        {Method::Get, QStringLiteral("/api/v1/settings/security"), need(Permissions::kSecurity),
         [&a](const RouteRequest&) { return jsonResponse(a.securitySettings().toJson()); }},
        {Method::Put, QStringLiteral("/api/v1/settings/security"), need(Permissions::kSecurity),
         [&a](const RouteRequest& r) {
             auto settings = SecuritySettings::fromRequest(r.body);
             if (!settings) {
                 return errorResponse(settings.error());
             }
             const core::Status saved = a.setSecuritySettings(Actor::of(r), settings.value());
             return saved ? jsonResponse(a.securitySettings().toJson()) : errorResponse(saved.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/settings/address-filter"), need(Permissions::kSecurity),
         [&a](const RouteRequest&) {
             return jsonResponse(AddressFilterSettings::toJson(a.addressFilter()));
         }},
        {Method::Put, QStringLiteral("/api/v1/settings/address-filter"), need(Permissions::kSecurity),
         [&a](const RouteRequest& r) {
             auto change = AddressFilterSettings::fromRequest(r.body);
             if (!change) {
                 return errorResponse(change.error());
             }
             const core::Status saved = a.setAddressFilter(Actor::of(r), change->filter, change->confirm);
             return saved ? jsonResponse(AddressFilterSettings::toJson(a.addressFilter()))
                          : errorResponse(saved.error());
         }},
    };
}

// Parses the body as T, then runs `act`; answers 204, or the error.
template <typename T, typename Act>
QHttpServerResponse parseAndRun(const RouteRequest& r, Act act) {
    auto request = T::fromRequest(r.body);
    return request ? answer(act(request.value())) : errorResponse(request.error());
}

QList<Route> resetRoutes(AccountsService& a) {
    using namespace core::model;
    return {
        // 202 with one body whatever happens to the user name: it must not tell who exists.
        {Method::Post, QStringLiteral("/api/v1/auth/reset/request"), need(Permissions::kPublic),
         [&a](const RouteRequest& r) {
             auto request = ResetCodeRequest::fromRequest(r.body);
             if (!request) {
                 return errorResponse(request.error());
             }
             const core::Status done = a.requestReset(request.value(), r.address);
             if (!done) {
                 return errorResponse(done.error());
             }
             return jsonResponse(
                 QJsonObject{
                     {QStringLiteral("message"),
                      QStringLiteral("If this user has a reserved e-mail, a code is on its way to it. "
                                     "It works once, for %1 minutes.")
                          .arg(PasswordReset::kCodeLifetimeMs / 60000)}},
                 StatusCode::Accepted);
         }},
        {Method::Post, QStringLiteral("/api/v1/auth/reset/complete"), need(Permissions::kPublic),
         [&a](const RouteRequest& r) {
             return parseAndRun<ResetCompletion>(
                 r, [&](const ResetCompletion& request) { return a.completeReset(request, r.address); });
         }},
        {Method::Post, QStringLiteral("/api/v1/auth/reset/questions"), need(Permissions::kPublic),
         [&a](const RouteRequest& r) {
             return parseAndRun<QuestionsReset>(
                 r, [&](const QuestionsReset& request) { return a.resetWithQuestions(request, r.address); });
         }},
        {Method::Get, QStringLiteral("/api/v1/settings/smtp"), need(Permissions::kSystemSettings),
         [&a](const RouteRequest&) { return jsonResponse(SmtpSettingsDocument::toJson(a.smtpSettings())); }},
        {Method::Put, QStringLiteral("/api/v1/settings/smtp"), need(Permissions::kSystemSettings),
         [&a](const RouteRequest& r) {
             auto settings = SmtpSettingsDocument::fromRequest(r.body, a.smtpSettings());
             if (!settings) {
                 return errorResponse(settings.error());
             }
             const core::Status saved = a.setSmtpSettings(Actor::of(r), settings.value());
             return saved ? jsonResponse(SmtpSettingsDocument::toJson(a.smtpSettings()))
                          : errorResponse(saved.error());
         }},
        {Method::Post, QStringLiteral("/api/v1/settings/smtp/test"), need(Permissions::kSystemSettings),
         [&a](const RouteRequest& r) {
             return r.body.isEmpty() ? answer(a.testSmtp(Actor::of(r))) : refuseBody(r);
         }},
    };
}

}  // namespace

QList<Route> accountsRoutes(AccountsService& accounts) {
    return sessionRoutes(accounts) + userRoutes(accounts) + logAndSettingsRoutes(accounts) +
           resetRoutes(accounts);
}

}  // namespace vigil::server
