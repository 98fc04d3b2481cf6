#include "devices/devices_push.h"

#include <QJsonArray>

#include "accounts/accounts_service.h"
#include "devices/devices_service.h"
#include "http/websocket_hub.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using core::model::Permissions;
using core::model::PushMessage;

bool hasAny(const QStringList& granted, std::initializer_list<const char*> wanted) {
    return std::any_of(wanted.begin(), wanted.end(),
                       [&granted](const char* permission) { return granted.contains(QLatin1String(permission)); });
}

// Sends to each session that holds one of `permissions` the message `make` builds for its channel
// scope (nullopt: nothing for that session). Sessions that reach every channel share one message.
void pushScoped(WebSocketHub& hub, AccountsService& accounts, const ChannelAccess& access,
                std::initializer_list<const char*> permissions,
                const std::function<std::optional<PushMessage>(const ChannelScope&)>& make) {
    QStringList restricted;
    const std::optional<PushMessage> full = make(ChannelScope::everything());
    if (full) {
        hub.broadcastTo(*full, [&](const QString& sessionId) {
            if (sessionId.isEmpty() || !hasAny(accounts.sessionPermissions(sessionId), permissions)) {
                return false;
            }
            if (access.forSession(sessionId).all) {
                return true;
            }
            restricted.append(sessionId);
            return false;
        });
    }
    restricted.removeDuplicates();
    for (const QString& sessionId : std::as_const(restricted)) {
        if (auto message = make(access.forSession(sessionId))) {
            hub.broadcastTo(*message, [&sessionId](const QString& id) { return id == sessionId; });
        }
    }
}

}  // namespace

void connectDevicePushes(DevicesService& devices, AccountsService& accounts, WebSocketHub& hub) {
    const ChannelAccess& access = devices.access();
    QObject::connect(&devices, &DevicesService::deviceChanged, &hub,
                     [&hub, &accounts, &access](const core::model::Device& device) {
                         pushScoped(hub, accounts, access, {Permissions::kLive, Permissions::kDeviceConfig},
                                    [&device](const ChannelScope& scope) -> std::optional<PushMessage> {
                                        auto visible = scope.filter(device);
                                        if (!visible) {
                                            return std::nullopt;
                                        }
                                        return PushMessage{QStringLiteral("devices.device"), visible->toJson()};
                                    });
                     });
    QObject::connect(&devices, &DevicesService::deviceRemoved, &hub,
                     [&hub, &accounts, &access](const QString& id, const QStringList& channelIds) {
                         pushScoped(hub, accounts, access, {Permissions::kLive, Permissions::kDeviceConfig},
                                    [&](const ChannelScope& scope) -> std::optional<PushMessage> {
                                        const bool seen = scope.all || std::any_of(channelIds.cbegin(), channelIds.cend(),
                                                                                   [&scope](const QString& c) {
                                                                                       return scope.reaches(c);
                                                                                   });
                                        if (!seen) {
                                            return std::nullopt;
                                        }
                                        return PushMessage{QStringLiteral("devices.device_removed"),
                                                           QJsonObject{{QStringLiteral("id"), id}}};
                                    });
                     });
    QObject::connect(&devices, &DevicesService::groupsChanged, &hub, [&hub, &accounts, &devices] {
        auto groups = devices.groups();
        if (!groups) {
            return;
        }
        QJsonArray array;
        for (const auto& group : groups.value()) {
            array.append(group.toJson());
        }
        const PushMessage message{QStringLiteral("devices.groups"), QJsonObject{{QStringLiteral("groups"), array}}};
        hub.broadcastTo(message, [&accounts](const QString& sessionId) {
            return !sessionId.isEmpty() &&
                   hasAny(accounts.sessionPermissions(sessionId), {Permissions::kLive, Permissions::kDeviceConfig});
        });
    });
    QObject::connect(&devices, &DevicesService::jobChanged, &hub,
                     [&hub, &accounts](const core::model::DeviceJob& job) {
                         hub.broadcastTo(PushMessage{QStringLiteral("devices.job"), job.toJson()},
                                         [&accounts](const QString& sessionId) {
                                             return !sessionId.isEmpty() &&
                                                    hasAny(accounts.sessionPermissions(sessionId),
                                                           {Permissions::kDeviceConfig});
                                         });
                     });
    QObject::connect(&devices, &DevicesService::ptzResult, &hub,
                     [&hub, &accounts, &access](const QJsonObject& result) {
                         const QString channelId = result.value(QStringLiteral("channelId")).toString();
                         pushScoped(hub, accounts, access, {Permissions::kPtz},
                                    [&](const ChannelScope& scope) -> std::optional<PushMessage> {
                                        if (!scope.reaches(channelId)) {
                                            return std::nullopt;
                                        }
                                        return PushMessage{QStringLiteral("devices.ptz"), result};
                                    });
                     });
}

}  // namespace vigil::server
