#include "recording/recording_routes.h"

#include <QJsonArray>
#include <QUrlQuery>

#include "devices/channel_access.h"
#include "model/permissions.h"
#include "recording/recording_service.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::model::Permissions;

constexpr qint64 kMaxPeriodSpanMs = 366LL * 24 * 60 * 60 * 1000;

QString need(const char* permission) {
    return QString::fromLatin1(permission);
}

QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("channel_not_found"), StatusCode::NotFound},
        {QStringLiteral("storage_unavailable"), StatusCode::Conflict},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

Error channelNotFound(const QString& id) {
    return Error::make(QStringLiteral("channel_not_found"),
                       QStringLiteral("There is no channel with the id \"%1\". Reload the list; it may have been "
                                      "deleted.")
                           .arg(id));
}

bool reaches(const ChannelAccess& access, const RouteRequest& request, const QString& channelId) {
    return !request.caller || access.forUser(request.caller->userId).reaches(channelId);
}

QJsonObject storageJson(RecordingService& recording) {
    auto settings = recording.storage();
    QJsonArray health;
    for (const StorageHealth& location : recording.storageHealth()) {
        health.append(location.toJson());
    }
    return QJsonObject{{QStringLiteral("settings"), settings ? settings->toJson() : QJsonObject()},
                       {QStringLiteral("health"), health}};
}

QHttpServerResponse channelAnswer(RecordingService& recording, const QString& channelId) {
    auto settings = recording.channelSettings(channelId);
    if (!settings) {
        return failure(settings.error());
    }
    QJsonObject json = settings->toJson();
    json.insert(QStringLiteral("status"),
                QJsonObject{{QStringLiteral("main"), recording.recorderStatus(channelId, QStringLiteral("main")).toJson()},
                            {QStringLiteral("sub"), recording.recorderStatus(channelId, QStringLiteral("sub")).toJson()}});
    return jsonResponse(json);
}

// from, to: UTC ms; stream: main (default) or sub.
QHttpServerResponse periodsAnswer(RecordingService& recording, const RouteRequest& request, const QString& channelId) {
    const QUrlQuery query(request.http.url());
    auto number = [&query](const QString& name, bool* ok) {
        return query.queryItemValue(name).toLongLong(ok);
    };
    bool fromOk = false;
    bool toOk = false;
    const qint64 from = number(QStringLiteral("from"), &fromOk);
    const qint64 to = number(QStringLiteral("to"), &toOk);
    const QString stream = query.hasQueryItem(QStringLiteral("stream")) ? query.queryItemValue(QStringLiteral("stream"))
                                                                        : QStringLiteral("main");
    for (const auto& [name, value] : query.queryItems()) {
        if (name != QLatin1String("from") && name != QLatin1String("to") && name != QLatin1String("stream")) {
            return errorResponse(StatusCode::BadRequest, QStringLiteral("bad_request"),
                                 QStringLiteral("Unknown query parameter \"%1\"; this route takes from, to and stream.")
                                     .arg(name));
        }
    }
    if (!fromOk || !toOk || from < 0 || to <= from || to - from > kMaxPeriodSpanMs) {
        return errorResponse(StatusCode::BadRequest, QStringLiteral("bad_request"),
                             QStringLiteral("Give from and to as UTC milliseconds with from < to, at most 366 days "
                                            "apart, e.g. ?from=1700000000000&to=1700086400000."));
    }
    if (stream != QLatin1String("main") && stream != QLatin1String("sub")) {
        return errorResponse(StatusCode::BadRequest, QStringLiteral("bad_request"),
                             QStringLiteral("stream must be main or sub."));
    }
    auto periods = recording.periods(channelId, stream, from, to);
    if (!periods) {
        return failure(periods.error());
    }
    QJsonArray ranges;
    for (const TimeRange& range : periods->periods) {
        ranges.append(QJsonObject{{QStringLiteral("startMs"), static_cast<double>(range.startMs)},
                                  {QStringLiteral("endMs"), static_cast<double>(range.endMs)}});
    }
    QJsonArray gaps;
    for (const RecordingGap& gap : periods->gaps) {
        gaps.append(gap.toJson());
    }
    return jsonResponse(QJsonObject{{QStringLiteral("channelId"), channelId},
                                    {QStringLiteral("stream"), stream},
                                    {QStringLiteral("fromMs"), static_cast<double>(from)},
                                    {QStringLiteral("toMs"), static_cast<double>(to)},
                                    {QStringLiteral("periods"), ranges},
                                    {QStringLiteral("gaps"), gaps}});
}

}  // namespace

QList<Route> recordingRoutes(RecordingService& recording, const ChannelAccess& access) {
    RecordingService* r = &recording;
    const ChannelAccess* a = &access;
    return {
        {Method::Get, QStringLiteral("/api/v1/recording/storage"), need(Permissions::kSystemSettings),
         [r](const RouteRequest&) { return jsonResponse(storageJson(*r)); }},
        {Method::Put, QStringLiteral("/api/v1/recording/storage"), need(Permissions::kSystemSettings),
         [r](const RouteRequest& request) {
             auto settings = StorageSettings::fromRequest(request.body);
             if (!settings) {
                 return failure(settings.error());
             }
             core::Status saved = r->setStorage(settings.value());
             return saved ? jsonResponse(storageJson(*r)) : failure(saved.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/recording/channels"), need(Permissions::kPlayback),
         [r, a](const RouteRequest& request) {
             auto stored = r->storedChannelSettings();
             if (!stored) {
                 return failure(stored.error());
             }
             QJsonArray channels;
             for (const ChannelRecording& settings : stored.value()) {
                 if (reaches(*a, request, settings.channelId)) {
                     channels.append(settings.toJson());
                 }
             }
             auto storage = r->storage();
             return jsonResponse(QJsonObject{
                 {QStringLiteral("defaultMode"), storage ? storage->defaultMode : QString()},
                 {QStringLiteral("channels"), channels}});
         }},
        {Method::Get, QStringLiteral("/api/v1/recording/channels/{id}"), need(Permissions::kPlayback),
         [r, a](const RouteRequest& request) {
             const QString id = request.param(QStringLiteral("id"));
             return reaches(*a, request, id) ? channelAnswer(*r, id) : failure(channelNotFound(id));
         }},
        {Method::Put, QStringLiteral("/api/v1/recording/channels/{id}"), need(Permissions::kDeviceConfig),
         [r, a](const RouteRequest& request) {
             const QString id = request.param(QStringLiteral("id"));
             if (!reaches(*a, request, id)) {
                 return failure(channelNotFound(id));
             }
             auto settings = ChannelRecording::fromRequest(id, request.body);
             if (!settings) {
                 return failure(settings.error());
             }
             core::Status saved = r->setChannelSettings(settings.value());
             return saved ? channelAnswer(*r, id) : failure(saved.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/recording/channels/{id}/periods"), need(Permissions::kPlayback),
         [r, a](const RouteRequest& request) {
             const QString id = request.param(QStringLiteral("id"));
             return reaches(*a, request, id) ? periodsAnswer(*r, request, id) : failure(channelNotFound(id));
         }},
    };
}

}  // namespace vigil::server
