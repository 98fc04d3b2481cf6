#include "motion/motion_routes.h"

#include "devices/devices_service.h"
#include "model/permissions.h"
#include "motion/motion_service.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;

// A channel outside the caller's role looks like one that does not exist, as in devices_routes.
core::Status mayUseChannel(DevicesService& devices, const RouteRequest& request, const QString& id) {
    const ChannelScope scope = request.caller ? devices.access().forUser(request.caller->userId) : ChannelScope{};
    if (scope.reaches(id)) {
        return {};
    }
    return core::Error::make(QStringLiteral("channel_not_found"),
                             QStringLiteral("There is no channel with the id \"%1\". Reload the list; it may have "
                                            "been deleted.")
                                 .arg(id));
}

QHttpServerResponse failure(const core::Error& error) {
    if (error.code == QLatin1String("channel_not_found")) {
        return errorResponse(QHttpServerResponse::StatusCode::NotFound, error.code, error.message);
    }
    return errorResponse(error);
}

QHttpServerResponse answer(const core::Result<QJsonObject>& result) {
    return result ? jsonResponse(result.value()) : failure(result.error());
}

}  // namespace

QList<Route> motionRoutes(MotionService& motion, DevicesService& devices) {
    const QString permission = QString::fromLatin1(core::model::Permissions::kDeviceConfig);
    return {
        {Method::Get, QStringLiteral("/api/v1/channels/{id}/motion"), permission,
         [&motion, &devices](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = mayUseChannel(devices, r, id); !may) {
                 return failure(may.error());
             }
             return answer(motion.motion(id));
         }},
        {Method::Put, QStringLiteral("/api/v1/channels/{id}/motion"), permission,
         [&motion, &devices](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = mayUseChannel(devices, r, id); !may) {
                 return failure(may.error());
             }
             return answer(motion.setMotion(id, r.body));
         }},
    };
}

}  // namespace vigil::server
