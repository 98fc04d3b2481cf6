#pragma once
// ActivationServer: the vendor's online activation endpoint over HTTPS (Qt HttpServer):
// POST /api/v1/activations with a request file as the body answers the activation file (200) or
// {"error", "message"} with 400 (malformed), 404 (unknown code) or 409 (the code cannot be used).
// For tests and for vendors who host the service themselves.

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <memory>

#include "activation_authority.h"

class QHttpServer;

namespace vigil::tools {

class ActivationServer {
public:
    // Reads the registry at each request, so codes issued meanwhile by "vigil-license issue" count.
    ActivationServer(QString registryPath, core::license::Ed25519Key signingKey);
    ~ActivationServer();

    // Listens on address:port (0: the OS chooses) with the certificate; returns the bound port, 0 on failure.
    quint16 listen(const QHostAddress& address, quint16 port, const QSslCertificate& certificate, const QSslKey& key,
                   QString* error);

private:
    core::Result<core::license::SignedLicence> activate(const QByteArray& body, QString* code);

    QString m_registryPath;
    core::license::Ed25519Key m_key;
    std::unique_ptr<QHttpServer> m_server;
};

}  // namespace vigil::tools
