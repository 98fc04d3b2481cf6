#pragma once
// ChannelAccess: which channels a user may see (SEC-2.2, per-channel rights). A role reaches every
// channel (allChannels) or the channel ids listed in role_channels (accounts/role_repository.h); the
// devices routes and the pushes over the events WebSocket show a caller only those. Reads the
// accounts service's users and roles through its public functions, and a session's user from the
// sessions table (read only).

#include <QSet>
#include <QString>

#include "model/device_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class AccountsService;

struct ChannelScope {
    bool all = false;
    QSet<QString> channels;

    static ChannelScope everything() { return ChannelScope{true, {}}; }
    bool reaches(const QString& channelId) const { return all || channels.contains(channelId); }
    // Every channel of the device (a device whose channels are all in scope may be configured).
    bool reachesAll(const core::model::Device& device) const;
    // The device with only the channels in scope; nullopt when none is (a restricted role does not
    // see a device without channels either).
    std::optional<core::model::Device> filter(core::model::Device device) const;
};

class ChannelAccess {
public:
    ChannelAccess(core::store::Database& db, AccountsService& accounts) : m_db(db), m_accounts(accounts) {}

    // Nothing reached when the user or its role cannot be read.
    ChannelScope forUser(const QString& userId) const;
    ChannelScope forSession(const QString& sessionId) const;

private:
    core::store::Database& m_db;
    AccountsService& m_accounts;
};

}  // namespace vigil::server
