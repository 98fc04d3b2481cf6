#pragma once
// The audit's WebSocket pushes: "security.job" (a SecurityJob: an audit or fix job as it progresses)
// to the sessions that hold `security`, so the wizard shows progress without polling.

namespace vigil::server {

class AccountsService;
class AuditService;
class WebSocketHub;

void connectAuditPushes(AuditService& audit, AccountsService& accounts, WebSocketHub& hub);

}  // namespace vigil::server
