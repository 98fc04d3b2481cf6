#pragma once
// Pushes the delivery's changes over the events WebSocket (http/websocket_hub.h):
//   media.export   a Job of kind "export" (progress, done, failed, cancelled)   its owner's sessions with `export`

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class AccountsService;
class DeliveryService;
class WebSocketHub;

void connectDeliveryPushes(DeliveryService& delivery, AccountsService& accounts, core::store::Database& db,
                           WebSocketHub& hub);

}  // namespace vigil::server
