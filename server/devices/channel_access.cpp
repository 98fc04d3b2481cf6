#include "devices/channel_access.h"

#include "accounts/accounts_service.h"
#include "accounts/session_repository.h"

namespace vigil::server {

bool ChannelScope::reachesAll(const core::model::Device& device) const {
    if (all) {
        return true;
    }
    return std::all_of(device.channels.cbegin(), device.channels.cend(),
                       [this](const core::model::Channel& channel) { return channels.contains(channel.id); });
}

std::optional<core::model::Device> ChannelScope::filter(core::model::Device device) const {
    if (all) {
        return device;
    }
    device.channels.removeIf([this](const core::model::Channel& channel) { return !channels.contains(channel.id); });
    if (device.channels.isEmpty()) {
        return std::nullopt;
    }
    return device;
}

ChannelScope ChannelAccess::forUser(const QString& userId) const {
    auto user = m_accounts.user(userId);
    if (!user) {
        return {};
    }
    auto role = m_accounts.role(user->roleId);
    if (!role) {
        return {};
    }
    return ChannelScope{role->allChannels, QSet<QString>(role->channels.cbegin(), role->channels.cend())};
}

ChannelScope ChannelAccess::forSession(const QString& sessionId) const {
    auto session = SessionRepository(m_db).findById(sessionId);
    if (!session || !session.value()) {
        return {};
    }
    return forUser(session.value()->userId);
}

}  // namespace vigil::server
