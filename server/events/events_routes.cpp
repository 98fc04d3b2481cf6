#include "events/events_routes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

#include "accounts/security_log.h"
#include "devices/devices_service.h"
#include "events/event_service.h"
#include "events/rule_engine.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::model::Event;
using core::model::Permissions;

constexpr int kMaxPage = 500;
constexpr int kMaxCsvRows = 100000;

QString need(const char* permission) {
    return QString::fromLatin1(permission);
}

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("alarm_not_found"), StatusCode::NotFound},
        {QStringLiteral("event_not_found"), StatusCode::NotFound},
        {QStringLiteral("channel_not_found"), StatusCode::NotFound},
        {QStringLiteral("alarm_state_conflict"), StatusCode::Conflict},
        {QStringLiteral("rule_not_found"), StatusCode::NotFound},
        {QStringLiteral("rule_name_taken"), StatusCode::Conflict},
        {QStringLiteral("rule_never_fires"), StatusCode::UnprocessableEntity},
        {QStringLiteral("service_unavailable"), StatusCode::ServiceUnavailable},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

QString callerName(const RouteRequest& request) {
    return request.caller ? request.caller->userName : QString();
}

EventScope scopeOf(const DevicesService& devices, const RouteRequest& request) {
    if (!request.caller) {
        return EventScope{};
    }
    const ChannelScope channels = devices.access().forUser(request.caller->userId);
    return EventScope{channels.all, channels.channels};
}

QJsonArray toArray(const QList<Event>& events) {
    QJsonArray array;
    for (const Event& event : events) {
        array.append(event.toJson());
    }
    return array;
}

QByteArray toCsv(const QList<Event>& events) {
    // CRLF line ends (RFC 4180); the time twice: UTC ms for programs, ISO 8601 for people.
    QString csv = QStringLiteral("id,timeMs,timeUtc,kind,severity,sourceType,sourceId,sourceName,channelId,"
                                 "message,alarmState,lastComment\r\n");
    for (const Event& event : events) {
        const QString iso = QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
        const QString comment = event.trail.isEmpty() ? QString() : event.trail.last().comment;
        const QStringList cells = {QString::number(event.id),
                                   QString::number(event.timeMs),
                                   iso,
                                   SecurityLog::csvCell(event.kind),
                                   SecurityLog::csvCell(event.severity),
                                   SecurityLog::csvCell(event.sourceType),
                                   SecurityLog::csvCell(event.sourceId),
                                   SecurityLog::csvCell(event.sourceName),
                                   SecurityLog::csvCell(event.channelId),
                                   SecurityLog::csvCell(event.message),
                                   SecurityLog::csvCell(event.alarmState),
                                   SecurityLog::csvCell(comment)};
        csv += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

QHttpServerResponse searchAnswer(EventService& events, const DevicesService& devices, const RouteRequest& request) {
    auto query = parseEventQuery(QUrlQuery(request.http.url()), kMaxPage);
    if (!query) {
        return failure(query.error());
    }
    query->scope = scopeOf(devices, request);
    const int wanted = query->limit;
    query->limit = wanted + 1;  // one more tells whether another page follows
    auto found = events.search(query.value());
    if (!found) {
        return failure(found.error());
    }
    const bool more = found->size() > wanted;
    if (more) {
        found->removeLast();
    }
    return jsonResponse(QJsonObject{{QStringLiteral("events"), toArray(found.value())},
                                    {QStringLiteral("offset"), query->offset},
                                    {QStringLiteral("limit"), wanted},
                                    {QStringLiteral("more"), more},
                                    {QStringLiteral("lastId"), events.lastId()}});
}

QHttpServerResponse exportAnswer(EventService& events, const DevicesService& devices, const RouteRequest& request) {
    const QUrlQuery url(request.http.url());
    auto query = parseEventQuery(url, kMaxCsvRows);
    if (!query) {
        return failure(query.error());
    }
    if (!url.hasQueryItem(QStringLiteral("limit"))) {
        query->limit = kMaxCsvRows;
    }
    query->scope = scopeOf(devices, request);
    auto found = events.search(query.value());
    if (!found) {
        return failure(found.error());
    }
    QHttpServerResponse response(QByteArrayLiteral("text/csv; charset=utf-8"), toCsv(found.value()));
    response.setHeader(QByteArrayLiteral("Content-Disposition"),
                       QByteArrayLiteral("attachment; filename=\"vigil-events.csv\""));
    return response;
}

QHttpServerResponse actAnswer(EventService& events, const DevicesService& devices, const RouteRequest& request,
                              EventService::AlarmAction action) {
    auto parsed = core::model::AlarmActionRequest::fromRequest(request.body,
                                                               action == EventService::AlarmAction::Comment);
    if (!parsed) {
        return failure(parsed.error());
    }
    auto changed = events.act(action, parsed.value(), callerName(request),
                              scopeOf(devices, request));
    if (!changed) {
        return failure(changed.error());
    }
    return jsonResponse(QJsonObject{{QStringLiteral("events"), toArray(changed.value())}});
}

QHttpServerResponse manualAlarmAnswer(EventService& events, DevicesService& devices, const RouteRequest& request) {
    auto parsed = core::model::ManualAlarmRequest::fromRequest(request.body);
    if (!parsed) {
        return failure(parsed.error());
    }
    QString sourceName;
    if (!parsed->channelId.isEmpty()) {
        auto channel = devices.channel(parsed->channelId);
        if (!channel || !devices.access().forUser(request.caller ? request.caller->userId : QString()).reaches(parsed->channelId)) {
            return failure(Error::make(QStringLiteral("channel_not_found"),
                                       QStringLiteral("There is no channel with the id \"%1\". Reload the list; "
                                                      "it may have been deleted.")
                                           .arg(parsed->channelId)));
        }
        sourceName = channel->name;
    }
    auto raised = events.raiseManualAlarm(parsed.value(), sourceName,
                                          callerName(request));
    if (!raised) {
        return failure(raised.error());
    }
    return jsonResponse(raised->toJson(), StatusCode::Created);
}

}  // namespace

core::Result<EventQuery> parseEventQuery(const QUrlQuery& query, int maxLimit) {
    EventQuery parsed;
    parsed.limit = std::min(100, maxLimit);
    const QString context = QStringLiteral("event search");
    static const QStringList kKnown = {QStringLiteral("from"),  QStringLiteral("to"),       QStringLiteral("source"),
                                       QStringLiteral("kind"),  QStringLiteral("severity"), QStringLiteral("state"),
                                       QStringLiteral("alarms"), QStringLiteral("limit"),   QStringLiteral("offset")};
    QStringList states = core::model::AlarmStates::all();
    states << QStringLiteral("pending");
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!kKnown.contains(name)) {
            return core::model::FieldReader::badRequest(
                context, name, QStringLiteral("is not a parameter it takes; use %1").arg(kKnown.join(u", ")));
        }
        // Lists come comma-separated or as repeated parameters.
        const QStringList values = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        bool ok = true;
        QString expected = QStringLiteral("a non-negative integer (UTC ms for times)");
        auto checkAll = [&](const QStringList& allowed) {
            expected = QStringLiteral("one or more of %1, separated by commas").arg(allowed.join(u", "));
            return !values.isEmpty() && std::all_of(values.cbegin(), values.cend(), [&allowed](const QString& v) {
                return allowed.contains(v);
            });
        };
        if (name == QLatin1String("from")) {
            parsed.fromMs = value.toLongLong(&ok);
            ok = ok && parsed.fromMs >= 0;
        } else if (name == QLatin1String("to")) {
            parsed.toMs = value.toLongLong(&ok);
            ok = ok && parsed.toMs >= 0;
        } else if (name == QLatin1String("limit")) {
            parsed.limit = value.toInt(&ok);
            ok = ok && parsed.limit >= 1 && parsed.limit <= maxLimit;
            expected = QStringLiteral("an integer from 1 to %1").arg(maxLimit);
        } else if (name == QLatin1String("offset")) {
            parsed.offset = value.toInt(&ok);
            ok = ok && parsed.offset >= 0;
        } else if (name == QLatin1String("source")) {
            parsed.sourceIds << values;
            ok = !values.isEmpty();
            expected = QStringLiteral("source ids separated by commas");
        } else if (name == QLatin1String("kind")) {
            ok = checkAll(core::model::EventKinds::all());
            parsed.kinds << values;
        } else if (name == QLatin1String("severity")) {
            ok = checkAll(core::model::EventSeverities::all());
            parsed.severities << values;
        } else if (name == QLatin1String("state")) {
            ok = checkAll(states);
            parsed.alarmStates << values;
        } else if (name == QLatin1String("alarms")) {
            ok = value == QLatin1String("true") || value == QLatin1String("false");
            parsed.alarmsOnly = value == QLatin1String("true");
            expected = QStringLiteral("true or false");
        }
        if (!ok) {
            return core::model::FieldReader::badRequest(context, name,
                                                        QStringLiteral("is \"%1\"; use %2").arg(value, expected));
        }
    }
    if (parsed.toMs > 0 && parsed.toMs <= parsed.fromMs) {
        return core::model::FieldReader::badRequest(context, QStringLiteral("to"), QStringLiteral("must be after from"));
    }
    return parsed;
}

QList<Route> eventsRoutes(EventService& events, DevicesService& devices) {
    EventService* e = &events;
    DevicesService* d = &devices;
    using Action = EventService::AlarmAction;
    return {
        {Method::Get, QStringLiteral("/api/v1/events"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return searchAnswer(*e, *d, request); }},
        {Method::Get, QStringLiteral("/api/v1/events/export"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return exportAnswer(*e, *d, request); }},
        {Method::Get, QStringLiteral("/api/v1/events/counters"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) {
             auto counters = e->counters(scopeOf(*d, request));
             return counters ? jsonResponse(counters->toJson()) : failure(counters.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/events/{id}"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) {
             bool ok = false;
             const qint64 id = request.param(QStringLiteral("id")).toLongLong(&ok);
             auto found = ok ? e->event(id, scopeOf(*d, request)) : core::Result<std::optional<Event>>(std::nullopt);
             if (!found) {
                 return failure(found.error());
             }
             if (!found.value()) {
                 return failure(Error::make(QStringLiteral("event_not_found"),
                                            QStringLiteral("There is no event with the id \"%1\" that you may see. "
                                                           "It may have been deleted by retention.")
                                                .arg(request.param(QStringLiteral("id")))));
             }
             return jsonResponse(found.value()->toJson());
         }},
        {Method::Post, QStringLiteral("/api/v1/events/acknowledge"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return actAnswer(*e, *d, request, Action::Acknowledge); }},
        {Method::Post, QStringLiteral("/api/v1/events/handle"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return actAnswer(*e, *d, request, Action::Handle); }},
        {Method::Post, QStringLiteral("/api/v1/events/comment"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return actAnswer(*e, *d, request, Action::Comment); }},
        {Method::Post, QStringLiteral("/api/v1/events/alarms"), need(Permissions::kEventHandling),
         [e, d](const RouteRequest& request) { return manualAlarmAnswer(*e, *d, request); }},
        {Method::Get, QStringLiteral("/api/v1/events/settings"), need(Permissions::kEventHandling),
         [e](const RouteRequest&) { return jsonResponse(e->settings().toJson()); }},
        {Method::Put, QStringLiteral("/api/v1/events/settings"), need(Permissions::kSystemSettings),
         [e](const RouteRequest& request) {
             auto settings = core::model::EventSettings::fromRequest(request.body);
             if (!settings) {
                 return failure(settings.error());
             }
             const core::Status saved = e->setSettings(settings.value());
             return saved ? jsonResponse(e->settings().toJson()) : failure(saved.error());
         }},
    };
}

QList<Route> ruleRoutes(RuleEngine& rules) {
    RuleEngine* r = &rules;
    return {
        {Method::Get, QStringLiteral("/api/v1/events/rules"), need(Permissions::kEventHandling),
         [r](const RouteRequest&) {
             auto all = r->rules();
             if (!all) {
                 return failure(all.error());
             }
             QJsonArray array;
             for (const EventRule& rule : all.value()) {
                 array.append(rule.toJson());
             }
             return jsonResponse(QJsonObject{{QStringLiteral("rules"), array}});
         }},
        {Method::Post, QStringLiteral("/api/v1/events/rules"), need(Permissions::kSystemSettings),
         [r](const RouteRequest& request) {
             auto rule = EventRule::fromRequest(request.body);
             if (!rule) {
                 return failure(rule.error());
             }
             auto created = r->create(rule.value(), callerName(request));
             return created ? jsonResponse(created->toJson(), StatusCode::Created) : failure(created.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/events/rules/{id}"), need(Permissions::kEventHandling),
         [r](const RouteRequest& request) {
             auto rule = r->rule(request.param(QStringLiteral("id")));
             return rule ? jsonResponse(rule->toJson()) : failure(rule.error());
         }},
        {Method::Put, QStringLiteral("/api/v1/events/rules/{id}"), need(Permissions::kSystemSettings),
         [r](const RouteRequest& request) {
             auto rule = EventRule::fromRequest(request.body);
             if (!rule) {
                 return failure(rule.error());
             }
             auto updated = r->update(request.param(QStringLiteral("id")), rule.value(), callerName(request));
             return updated ? jsonResponse(updated->toJson()) : failure(updated.error());
         }},
        {Method::Delete, QStringLiteral("/api/v1/events/rules/{id}"), need(Permissions::kSystemSettings),
         [r](const RouteRequest& request) {
             const core::Status removed = r->remove(request.param(QStringLiteral("id")), callerName(request));
             return removed ? noContentResponse() : failure(removed.error());
         }},
    };
}

}  // namespace vigil::server
