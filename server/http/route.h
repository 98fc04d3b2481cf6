#pragma once
// Route: one entry of the access gateway's route table. Each domain contributes its routes from its
// own file (systemRoutes() in https_service.cpp, accountsRoutes() in accounts/accounts_routes.cpp);
// the gateway owns the one table and enforces, before any handler runs:
//  - permission: "public" (anyone reaching the port), "authenticated" (any valid session) or one
//    permission id (model/permissions.h). tst_route_permissions fails on a route without a valid one.
//  - initialisation: before it, only public routes and those marked answersBeforeSetup answer.
//  - bodies: JSON objects only, at most kMaxBodyBytes.
// Paths match segment by segment; a segment "{name}" takes any one non-empty segment and hands it to
// the handler as a parameter. No regular expressions, so "/users/{id}" never matches "/users/a/b".
//
// Streaming routes (media, downloads) have a streamHandler instead of a handler: after the same
// checks it receives the responder and may take it (std::move) to answer later or at length over
// the connection (http/streaming_response.h); it returns an answer instead when it refuses. Only
// they may take the session token from a `token` query parameter (tokenInQuery), for players that
// cannot send headers (ffplay, VLC; docs/design/delivery.md says why and how it stays out of logs).

#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "common/result.h"

namespace vigil::server {

// Who is calling, once the gateway has checked the bearer token.
struct Caller {
    QString sessionId;
    QString userId;
    QString userName;
    QStringList permissions;
    bool mustChangePassword = false;

    bool has(const QString& permission) const { return permissions.contains(permission); }
};

struct RouteRequest {
    const QHttpServerRequest& http;
    QHostAddress address;            // the client's address
    QHash<QString, QString> params;  // from "{name}" path segments
    QJsonObject body;                // empty when the request had none
    std::optional<Caller> caller;    // set on non-public routes once the platform is initialised

    QString param(const QString& name) const { return params.value(name); }
};

using RouteHandler = std::function<QHttpServerResponse(const RouteRequest&)>;
// nullopt: the handler took the responder and answers on its own.
using StreamRouteHandler =
    std::function<std::optional<QHttpServerResponse>(const RouteRequest&, QHttpServerResponder& responder)>;

// Request bodies above this are refused with 413 before they are parsed.
constexpr qsizetype kMaxBodyBytes = 64 * 1024;

struct Route {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path;        // "/api/v1/users/{id}"
    QString permission;  // public | authenticated | a permission id
    RouteHandler handler = {};
    // Answers without a session while the platform is not initialised (first-run screens, the daemon
    // check); needs `permission` afterwards.
    bool answersBeforeSetup = false;
    StreamRouteHandler streamHandler = {};  // instead of `handler` (see above)
    bool tokenInQuery = false;         // streaming GET routes only: ?token= when no Authorization header
    qsizetype maxBodyBytes = kMaxBodyBytes;  // more only for routes that take files (a backup upload)
};

// The parameters when `path` matches the route pattern, nullopt otherwise.
std::optional<QHash<QString, QString>> matchRoutePath(const QString& pattern, const QString& path);

QHttpServerResponse errorResponse(QHttpServerResponse::StatusCode status, const QString& code,
                                  const QString& message);
// Maps an Error's code to its HTTP status (bad_request 400, *_not_found 404, ...); others are 500.
QHttpServerResponse errorResponse(const core::Error& error);
QHttpServerResponse jsonResponse(
    const QJsonObject& json, QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse noContentResponse();

// The headers every answer carries (no caching, HSTS, no MIME sniffing).
const QList<std::pair<QByteArray, QByteArray>>& securityHeaders();

}  // namespace vigil::server
