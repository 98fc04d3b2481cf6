#include "audit/audit_push.h"

#include "accounts/accounts_service.h"
#include "audit/audit_service.h"
#include "http/websocket_hub.h"
#include "model/permissions.h"

namespace vigil::server {

void connectAuditPushes(AuditService& audit, AccountsService& accounts, WebSocketHub& hub) {
    QObject::connect(&audit, &AuditService::jobChanged, &hub, [&hub, &accounts](const core::model::Job& job) {
        hub.broadcastTo(core::model::PushMessage{QStringLiteral("security.job"), job.toJson()},
                        [&accounts](const QString& sessionId) {
                            return !sessionId.isEmpty() &&
                                   accounts.sessionPermissions(sessionId).contains(
                                       QLatin1String(core::model::Permissions::kSecurity));
                        });
    });
}

}  // namespace vigil::server
