#pragma once
// AddressGateServer: the TLS listener of the access gateway with the address filter (SEC-2.5) in
// front of it. It judges each accepted connection by its peer address before Qt creates a socket
// object for it, so a refused client costs one accept() and one close(): no TLS handshake, no
// certificate sent, not a byte written. Admitted connections go on to QSslServer's handshake and
// reach whoever takes them with nextPendingConnection() (QAbstractHttpServer::bind() in the gateway).

#include <QHostAddress>
#include <QSslServer>
#include <functional>

#include "net/address_filter.h"

namespace vigil::server {

class AddressGateServer : public QSslServer {
    Q_OBJECT
public:
    // Decides on one peer address; true lets the connection on to the TLS handshake.
    using Admission = std::function<bool(const QHostAddress& peer)>;

    explicit AddressGateServer(QObject* parent = nullptr);

    // Applies the platform's filter from the next connection on; connections already open stay.
    void setFilter(core::net::AddressFilter filter);
    // Any other decision (the filter's own, or a test's); an empty function admits everyone.
    void setAdmission(Admission admission);

    quint64 refusedCount() const { return m_refusedCount; }

signals:
    // A connection from `peer` was closed unheard. Many may come from one scanner: whoever logs
    // them should aggregate.
    void connectionRefused(const QHostAddress& peer);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Admission m_admission;
    quint64 m_refusedCount = 0;
};

}  // namespace vigil::server
