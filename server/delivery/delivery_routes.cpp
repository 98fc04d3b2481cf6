#include "delivery/delivery_routes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>
#include <cmath>

#include "delivery/delivery_errors.h"
#include "delivery/delivery_service.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using core::Error;
using core::Status;
using core::model::Permissions;

constexpr qint64 kOpenEndMs = 24LL * 60 * 60 * 1000;              // an archive stream without `to`
constexpr double kMaxSpeed = 1000;

QString need(const char* permission) {
    return QString::fromLatin1(permission);
}

// The query parameters of a media request: only the known ones, each at most once, with clear
// errors. `token` is always allowed: the gateway has already taken it (route.h).
class QueryReader {
public:
    QueryReader(const RouteRequest& request, QString context, const QStringList& known) : m_context(std::move(context)) {
        const QUrlQuery query(request.http.url());
        for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (name == QLatin1String("token")) {
                continue;
            }
            if (!known.contains(name)) {
                failWith(name, QStringLiteral("is not a parameter here; the parameters are %1")
                                   .arg(known.join(QStringLiteral(", "))));
            } else if (m_values.contains(name)) {
                failWith(name, QStringLiteral("is given twice"));
            }
            m_values.insert(name, value);
        }
    }

    QString text(const QString& name, const QString& fallback) const { return m_values.value(name, fallback); }

    // UTC milliseconds; nullopt when absent (and not required).
    std::optional<qint64> time(const QString& name, bool required) {
        if (!m_values.contains(name)) {
            if (required) {
                failWith(name, QStringLiteral("is missing; give it in UTC milliseconds since 1970"));
            }
            return std::nullopt;
        }
        bool ok = false;
        const qint64 value = m_values.value(name).toLongLong(&ok);
        if (!ok || value < 0) {
            failWith(name, QStringLiteral("is \"%1\", not a time in UTC milliseconds since 1970").arg(m_values.value(name)));
            return std::nullopt;
        }
        return value;
    }

    double number(const QString& name, double fallback, double min, double max) {
        if (!m_values.contains(name)) {
            return fallback;
        }
        bool ok = false;
        const double value = m_values.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < min || value > max) {
            failWith(name, QStringLiteral("is \"%1\", not a number from %2 to %3")
                               .arg(m_values.value(name), QString::number(min), QString::number(max)));
            return fallback;
        }
        return value;
    }

    void failWith(const QString& name, const QString& problem) {
        if (!m_error) {
            m_error = core::model::FieldReader::badRequest(m_context, name, problem);
        }
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    QString m_context;
    QHash<QString, QString> m_values;
    std::optional<Error> m_error;
};

std::optional<QHttpServerResponse> refused(const Status& status) {
    return status ? std::nullopt : std::optional(deliveryFailure(status.error()));
}

// The caller is always set on these routes (they need a permission); the checks before streaming.
Status admit(const DeliveryService& d, const RouteRequest& r, const QString& channelId) {
    return d.mayUse(*r.caller, channelId);
}

// What a streaming request on one channel asks for, from its path and query.
struct StreamAsk {
    QString channel;
    QString stream;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    double speed = 1.0;
};
using AskReader = std::function<void(QueryReader&, StreamAsk&)>;
using StreamOpener = std::function<Status(const Caller&, const StreamAsk&, QHttpServerResponder&)>;

// A streaming GET of one channel's stream (token in the query allowed): the query first (400), then
// the channel's rights (403/404), then `open` takes the connection or refuses.
Route channelStreamRoute(QString path, const char* permission, QString context, const QStringList& parameters,
                         DeliveryService& d, AskReader read, StreamOpener open) {
    return Route{
        .method = Method::Get,
        .path = std::move(path),
        .permission = need(permission),
        .streamHandler = [&d, context, parameters, read, open](const RouteRequest& r, QHttpServerResponder& responder)
            -> std::optional<QHttpServerResponse> {
            QueryReader query(r, context, QStringList{QStringLiteral("stream")} + parameters);
            StreamAsk ask{r.param(QStringLiteral("channel")), query.text(QStringLiteral("stream"), QStringLiteral("main"))};
            if (read) {
                read(query, ask);
            }
            if (query.error()) {
                return deliveryFailure(*query.error());
            }
            if (Status may = admit(d, r, ask.channel); !may) {
                return refused(may);
            }
            return refused(open(*r.caller, ask, responder));
        },
        .tokenInQuery = true,
    };
}

QList<Route> streamRoutes(DeliveryService& d) {
    const auto readRange = [](QueryReader& query, StreamAsk& ask) {
        const auto from = query.time(QStringLiteral("from"), true);
        const auto to = query.time(QStringLiteral("to"), false);
        ask.speed = query.number(QStringLiteral("speed"), 1.0, 0.0, kMaxSpeed);
        ask.fromMs = from.value_or(0);
        ask.toMs = to.value_or(ask.fromMs + kOpenEndMs);
        if (!query.error() && ask.toMs <= ask.fromMs) {
            query.failWith(QStringLiteral("to"), QStringLiteral("is not after \"from\""));
        }
    };
    return {
        channelStreamRoute(QStringLiteral("/api/v1/media/live/{channel}"), Permissions::kLive,
                           QStringLiteral("live stream request"), {}, d, nullptr,
                           [&d](const Caller& caller, const StreamAsk& ask, QHttpServerResponder& responder) {
                               return d.openLive(caller, ask.channel, ask.stream, responder);
                           }),
        channelStreamRoute(QStringLiteral("/api/v1/media/archive/{channel}"), Permissions::kPlayback,
                           QStringLiteral("archive stream request"),
                           {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("speed")}, d, readRange,
                           [&d](const Caller& caller, const StreamAsk& ask, QHttpServerResponder& responder) {
                               return d.openArchive(caller, ask.channel, ask.stream, ask.fromMs, ask.toMs, ask.speed,
                                                    responder);
                           }),
        channelStreamRoute(QStringLiteral("/api/v1/media/snapshot/{channel}"), Permissions::kLive,
                           QStringLiteral("snapshot request"), {}, d, nullptr,
                           [&d](const Caller& caller, const StreamAsk& ask, QHttpServerResponder& responder) {
                               return d.snapshot(caller, ask.channel, ask.stream, responder);
                           }),
    };
}

QList<Route> exportRoutes(DeliveryService& d) {
    const auto jobJson = [](const core::model::Job& job) { return job.toJson(); };
    return {
        {Method::Post, QStringLiteral("/api/v1/media/exports"), need(Permissions::kExport),
         [&d, jobJson](const RouteRequest& r) {
             core::model::FieldReader read(r.body, QStringLiteral("export request"),
                                           core::model::FieldReader::Mode::Request);
             const QString channel = read.string(QStringLiteral("channelId"));
             const qint64 from = read.integer(QStringLiteral("fromMs"));
             const qint64 to = read.integer(QStringLiteral("toMs"));
             const QString stream = read.has(QStringLiteral("stream")) ? read.string(QStringLiteral("stream"))
                                                                       : QStringLiteral("main");
             if (!read.finish()) {
                 return deliveryFailure(read.error());
             }
             if (Status may = admit(d, r, channel); !may) {
                 return deliveryFailure(may.error());
             }
             auto job = d.startExport(*r.caller, channel, stream, from, to);
             return job ? jsonResponse(jobJson(job.value()), QHttpServerResponse::StatusCode::Accepted)
                        : deliveryFailure(job.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/media/exports"), need(Permissions::kExport),
         [&d, jobJson](const RouteRequest& r) {
             QJsonArray jobs;
             for (const core::model::Job& job : d.exports(*r.caller)) {
                 jobs.append(jobJson(job));
             }
             return jsonResponse(QJsonObject{{QStringLiteral("jobs"), jobs}});
         }},
        {Method::Get, QStringLiteral("/api/v1/media/exports/{id}"), need(Permissions::kExport),
         [&d, jobJson](const RouteRequest& r) {
             auto job = d.exportJob(*r.caller, r.param(QStringLiteral("id")));
             return job ? jsonResponse(jobJson(job.value())) : deliveryFailure(job.error());
         }},
        {Method::Delete, QStringLiteral("/api/v1/media/exports/{id}"), need(Permissions::kExport),
         [&d, jobJson](const RouteRequest& r) {
             auto done = d.cancelOrDeleteExport(*r.caller, r.param(QStringLiteral("id")));
             if (!done) {
                 return deliveryFailure(done.error());
             }
             return done.value() ? jsonResponse(jobJson(*done.value())) : noContentResponse();
         }},
        Route{
            .method = Method::Get,
            .path = QStringLiteral("/api/v1/media/exports/{id}/file"),
            .permission = need(Permissions::kExport),
            .streamHandler = [&d](const RouteRequest& r, QHttpServerResponder& responder) -> std::optional<QHttpServerResponse> {
                QueryReader query(r, QStringLiteral("export download"), {});
                if (query.error()) {
                    return deliveryFailure(*query.error());
                }
                return refused(d.downloadExport(*r.caller, r.param(QStringLiteral("id")),
                                                r.http.value(QByteArrayLiteral("Range")), responder));
            },
            .tokenInQuery = true,
        },
    };
}

}  // namespace

QList<Route> deliveryRoutes(DeliveryService& delivery) {
    return streamRoutes(delivery) + exportRoutes(delivery);
}

}  // namespace vigil::server
