#include "delivery/delivery_push.h"

#include "accounts/accounts_service.h"
#include "accounts/session_repository.h"
#include "delivery/delivery_service.h"
#include "http/websocket_hub.h"
#include "model/permissions.h"

namespace vigil::server {

void connectDeliveryPushes(DeliveryService& delivery, AccountsService& accounts, core::store::Database& db,
                           WebSocketHub& hub) {
    QObject::connect(&delivery, &DeliveryService::exportChanged, &hub,
                     [&hub, &accounts, &db](const core::model::Job& job, const QString& owner) {
                         const core::model::PushMessage message{QStringLiteral("media.export"), job.toJson()};
                         const QString exportPermission = QString::fromLatin1(core::model::Permissions::kExport);
                         hub.broadcastTo(message, [&](const QString& sessionId) {
                             if (sessionId.isEmpty() || !accounts.sessionPermissions(sessionId).contains(exportPermission)) {
                                 return false;
                             }
                             auto session = SessionRepository(db).findById(sessionId);
                             return session && session.value() && session.value()->userId == owner;
                         });
                     });
}

}  // namespace vigil::server
