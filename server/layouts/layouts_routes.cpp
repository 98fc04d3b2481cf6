#include "layouts/layouts_routes.h"

#include <QJsonArray>
#include <QUuid>
#include <memory>

#include "common/clock.h"
#include "layouts/layout_repository.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::Result;
using core::model::Layout;
using core::model::LayoutInput;

// Enough for every screen arrangement and tour an operator keeps; bounds one user's rows.
constexpr qint64 kMaxLayoutsPerUser = 200;

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("layout_not_found"), StatusCode::NotFound},
        {QStringLiteral("layout_exists"), StatusCode::Conflict},
        {QStringLiteral("too_many_layouts"), StatusCode::Conflict},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

Error notFound(const QString& id) {
    return Error::make(QStringLiteral("layout_not_found"),
                       QStringLiteral("You have no layout with the id \"%1\". Reload your layouts; it may have been "
                                      "deleted from another workstation.")
                           .arg(id));
}

QString ownerOf(const RouteRequest& request) {
    return request.caller ? request.caller->userId : QString();
}

// Names are unique per user whatever the case; `self` is the layout being renamed, if any.
std::optional<Error> nameClash(const LayoutRepository& layouts, const QString& userId, const QString& name,
                               const QString& self) {
    auto named = layouts.named(userId, name);
    if (!named) {
        return named.error();
    }
    if (named.value() && *named.value() != self) {
        return Error::make(QStringLiteral("layout_exists"),
                           QStringLiteral("You already have a layout called \"%1\". Choose another name, or open "
                                          "that layout and save over it.")
                               .arg(name));
    }
    return std::nullopt;
}

QHttpServerResponse listAnswer(const LayoutRepository& layouts, const RouteRequest& request) {
    auto list = layouts.list(ownerOf(request));
    if (!list) {
        return failure(list.error());
    }
    QJsonArray array;
    for (const Layout& layout : list.value()) {
        array.append(layout.toJson());
    }
    return jsonResponse(QJsonObject{{QStringLiteral("layouts"), array}});
}

QHttpServerResponse create(LayoutRepository& layouts, const core::Clock& clock, const RouteRequest& request) {
    auto input = LayoutInput::fromRequest(request.body);
    if (!input) {
        return failure(input.error());
    }
    const QString userId = ownerOf(request);
    auto count = layouts.count(userId);
    if (!count) {
        return failure(count.error());
    }
    if (count.value() >= kMaxLayoutsPerUser) {
        return failure(Error::make(QStringLiteral("too_many_layouts"),
                                   QStringLiteral("You have %1 layouts, the most one user may keep. Delete layouts you "
                                                  "no longer use, then save again.")
                                       .arg(count.value())));
    }
    if (auto clash = nameClash(layouts, userId, input->name, {})) {
        return failure(*clash);
    }
    const qint64 now = clock.nowMs();
    const LayoutInput& in = input.value();
    const Layout layout{QUuid::createUuid().toString(QUuid::WithoutBraces), in.name, in.grid, in.cells, in.tiles,
                        in.tour, now, now};
    if (core::Status saved = layouts.insert(userId, layout); !saved) {
        return failure(saved.error());
    }
    return jsonResponse(layout.toJson(), StatusCode::Created);
}

QHttpServerResponse replace(LayoutRepository& layouts, const core::Clock& clock, const RouteRequest& request) {
    const QString userId = ownerOf(request);
    const QString id = request.param(QStringLiteral("id"));
    auto stored = layouts.find(userId, id);
    if (!stored) {
        return failure(stored.error());
    }
    if (!stored.value()) {
        return failure(notFound(id));
    }
    auto input = LayoutInput::fromRequest(request.body);
    if (!input) {
        return failure(input.error());
    }
    if (auto clash = nameClash(layouts, userId, input->name, id)) {
        return failure(*clash);
    }
    const LayoutInput& in = input.value();
    const Layout layout{id, in.name, in.grid, in.cells, in.tiles, in.tour, (*stored.value()).createdMs,
                        std::max(clock.nowMs(), (*stored.value()).createdMs)};
    if (core::Status saved = layouts.update(userId, layout); !saved) {
        return failure(saved.error());
    }
    return jsonResponse(layout.toJson());
}

}  // namespace

QList<Route> layoutsRoutes(core::store::Database& db, const core::Clock& clock) {
    // One repository shared by the handlers; it lives as long as the route table.
    auto layouts = std::make_shared<LayoutRepository>(db);
    const core::Clock* c = &clock;
    const QString live = QString::fromLatin1(core::model::Permissions::kLive);
    return {
        {Method::Get, QStringLiteral("/api/v1/layouts"), live,
         [layouts](const RouteRequest& request) { return listAnswer(*layouts, request); }},
        {Method::Post, QStringLiteral("/api/v1/layouts"), live,
         [layouts, c](const RouteRequest& request) { return create(*layouts, *c, request); }},
        {Method::Get, QStringLiteral("/api/v1/layouts/{id}"), live,
         [layouts](const RouteRequest& request) {
             const QString id = request.param(QStringLiteral("id"));
             auto layout = layouts->find(ownerOf(request), id);
             if (!layout) {
                 return failure(layout.error());
             }
             return layout.value() ? jsonResponse((*layout.value()).toJson()) : failure(notFound(id));
         }},
        {Method::Put, QStringLiteral("/api/v1/layouts/{id}"), live,
         [layouts, c](const RouteRequest& request) { return replace(*layouts, *c, request); }},
        {Method::Delete, QStringLiteral("/api/v1/layouts/{id}"), live,
         [layouts](const RouteRequest& request) {
             const QString id = request.param(QStringLiteral("id"));
             auto removed = layouts->remove(ownerOf(request), id);
             if (!removed) {
                 return failure(removed.error());
             }
             return removed.value() ? noContentResponse() : failure(notFound(id));
         }},
    };
}

}  // namespace vigil::server
