#pragma once
// An ApiClient of a test engine as the workstation holds one: it trusts the engine's CA only (pinned
// in `trust`) and carries `token`. Shared by the client, player and bench tests.

#include <QDebug>
#include <memory>

#include "client/api_client.h"
#include "client/trust_store.h"
#include "engine/engine.h"

namespace vigil::test {

inline std::unique_ptr<core::client::ApiClient> pinnedClient(server::Engine& engine, core::client::TrustStore* trust,
                                                             const QString& token) {
    auto client = std::make_unique<core::client::ApiClient>(trust);
    client->setSite(engine.baseUrl().host(), static_cast<quint16>(engine.baseUrl().port()));
    if (const core::Status pinned = client->pinAuthority(engine.authority().certificate); !pinned) {
        qWarning().noquote() << "pinning the CA failed:" << pinned.error().message;
    }
    client->setBearerToken(token);
    return client;
}

}  // namespace vigil::test
