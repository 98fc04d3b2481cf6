#pragma once
// What the player tests share: ApiClients of the test engine that trust its CA only (as the
// workstation's), each with a token of the test's choosing, and the folder for pictures people look
// at (<build>/tests/player/artifacts).

#include <QDir>
#include <memory>
#include <vector>

#include "client/api_client.h"
#include "client/trust_store.h"
#include "engine/engine.h"
#include "support/pinned_client.h"

namespace vigil::test {

class PlayerSite {
public:
    // `trustFile`: where the pinned CA is kept (in the test's temporary folder).
    PlayerSite(server::Engine& engine, const QString& trustFile)
        : m_engine(engine), m_trust(std::make_unique<core::client::TrustStore>(trustFile)) {}

    // A client of the engine with `token`; lives as long as this object.
    core::client::ApiClient* clientWith(const QString& token) {
        m_clients.push_back(pinnedClient(m_engine, m_trust.get(), token));
        return m_clients.back().get();
    }

    static QString artifact(const QString& name) {
        QDir().mkpath(QStringLiteral(VIGIL_PLAYER_ARTIFACTS));
        return QStringLiteral(VIGIL_PLAYER_ARTIFACTS "/") + name;
    }

private:
    server::Engine& m_engine;
    std::unique_ptr<core::client::TrustStore> m_trust;
    std::vector<std::unique_ptr<core::client::ApiClient>> m_clients;
};

}  // namespace vigil::test
