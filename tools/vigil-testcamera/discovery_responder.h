#pragma once
// DiscoveryResponder: answers WS-Discovery (2005/04) Probe messages for vigil-testcamera's ONVIF
// devices with one ProbeMatches datagram per matching device, sent to the prober's address and
// port. Listens on a UDP port of the bind address (tests probe it by unicast) and, when asked,
// on 239.255.255.250:3702 (multicast reaches it only where the network allows: on loopback that
// means a network namespace whose lo has multicast on and a route for 224.0.0.0/4).

#include <QList>
#include <QObject>
#include <QUdpSocket>
#include <memory>
#include <optional>

#include "common/result.h"

namespace vigil::testcamera {

class OnvifDevice;

class DiscoveryResponder : public QObject {
    Q_OBJECT

public:
    static constexpr quint16 kMulticastPort = 3702;

    explicit DiscoveryResponder(QList<const OnvifDevice*> devices, QObject* parent = nullptr);

    // `port`: the unicast port on `address` (nullopt: none); `multicast`: also the group.
    core::Status start(const QHostAddress& address, std::optional<quint16> port, bool multicast);
    std::optional<quint16> port() const;

    // The ProbeMatches answers to one datagram (empty when it is not a Probe we match).
    QList<QByteArray> answer(const QByteArray& datagram) const;

private:
    void read(QUdpSocket* socket);

    QList<const OnvifDevice*> m_devices;
    std::unique_ptr<QUdpSocket> m_unicast;
    std::unique_ptr<QUdpSocket> m_multicast;
};

}  // namespace vigil::testcamera
