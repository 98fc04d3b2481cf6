#include "devices/media_encryption_routes.h"

#include "devices/devices_service.h"
#include "devices/media_encryption.h"
#include "model/permissions.h"

namespace vigil::server {

QList<Route> mediaEncryptionRoutes(DevicesService& devices) {
    return {
        {QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/devices/encryption"),
         QString::fromLatin1(core::model::Permissions::kDeviceConfig),
         [&devices](const RouteRequest& request) {
             auto all = devices.devices();
             if (!all) {
                 return errorResponse(all.error());
             }
             const ChannelScope scope =
                 request.caller ? devices.access().forSession(request.caller->sessionId) : ChannelScope{};
             QList<core::model::Device> visible;
             for (const core::model::Device& device : all.value()) {
                 if (auto filtered = scope.filter(device)) {
                     visible.append(*filtered);
                 }
             }
             return jsonResponse(MediaEncryption::report(visible));
         }},
    };
}

}  // namespace vigil::server
