#include "http/address_gate_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "server_logging.h"

namespace vigil::server {

namespace {

// The peer of an accepted descriptor, read from the kernel; null when the client already left.
QHostAddress peerOf(qintptr descriptor) {
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API's own idiom
    auto* address = reinterpret_cast<sockaddr*>(&storage);
    if (::getpeername(static_cast<int>(descriptor), address, &length) != 0) {
        return {};
    }
    return QHostAddress(address);
}

}  // namespace

AddressGateServer::AddressGateServer(QObject* parent) : QSslServer(parent) {}

void AddressGateServer::setFilter(core::net::AddressFilter filter) {
    m_admission = [filter = std::move(filter)](const QHostAddress& peer) { return filter.permits(peer); };
}

void AddressGateServer::setAdmission(Admission admission) {
    m_admission = std::move(admission);
}

void AddressGateServer::incomingConnection(qintptr descriptor) {
    const QHostAddress peer = peerOf(descriptor);
    // A null peer (the client reset before we looked) is refused whenever a decision is set: there
    // is nothing to judge and nobody left to serve.
    if (!m_admission || (!peer.isNull() && m_admission(peer))) {
        QSslServer::incomingConnection(descriptor);
        return;
    }
    ++m_refusedCount;
    qCDebug(lcHttp).noquote() << "address filter refused a connection from" << peer.toString();
    ::close(static_cast<int>(descriptor));
    emit connectionRefused(peer);
}

}  // namespace vigil::server
