#pragma once
// Test fixture: options for a real engine on 127.0.0.1 in a throw-away data folder. Secrets go to
// 0600 files (never the developer's keyring); the port is chosen by the OS unless one is given.

#include <QTcpServer>

#include "engine/engine.h"

namespace vigil::test {

inline server::EngineOptions engineOptions(const QString& root, quint16 port = 0) {
    server::EngineOptions options;
    options.location = core::platform::DataLocation::at(root);
    options.listenAddress = QHostAddress(QHostAddress::LocalHost);
    options.port = port;
    options.ephemeralPort = port == 0;
    options.secretPolicy = core::security::SecretStore::Policy::FileOnly;
    return options;
}

// A port on 127.0.0.1 where nothing listens: bound by the OS, then let go.
inline quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

}  // namespace vigil::test
