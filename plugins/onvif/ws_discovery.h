#pragma once
// WS-Discovery (2005/04) as ONVIF devices speak it: a Probe for NetworkVideoTransmitter and Device
// types, sent by UDP to the multicast group 239.255.255.250:3702 on every multicast-capable
// interface, or unicast to one host and port; devices answer with ProbeMatches to our socket.
// ProbeMatch gives the device's endpoint reference (urn:uuid:...), its service addresses (XAddrs)
// and scopes (onvif://www.onvif.org/name/..., /hardware/..., /location/...).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "devices/device_driver.h"

namespace vigil::plugins::onvif {

class WsDiscovery {
public:
    static constexpr quint16 kPort = 3702;
    static constexpr const char* kMulticastGroup = "239.255.255.250";

    // The Probe datagram for a message id ("urn:uuid:..."); `types` as in <d:Types>.
    static QByteArray probe(const QString& messageId, const QString& types);

    // The matches in one datagram that answer one of `messageIds` (RelatesTo); the chosen address
    // is the XAddr whose host is `sender` when there is one, else the first http(s) XAddr. An
    // error means the datagram is not a ProbeMatches message.
    static core::Result<QList<core::devices::DiscoveredDevice>> parseProbeMatches(const QByteArray& datagram,
                                                                                  const QStringList& messageIds,
                                                                                  const QHostAddress& sender);

    // Name and hardware from ONVIF scopes (percent-decoded), empty when absent.
    static QString scopeValue(const QStringList& scopes, const QString& kind);

    // Probes and collects answers until the request's timeout (or cancellation), without
    // duplicates (same endpoint reference).
    static core::Result<QList<core::devices::DiscoveredDevice>> run(const core::devices::DiscoveryRequest& request,
                                                                    const core::devices::Cancellation& cancel);
};

}  // namespace vigil::plugins::onvif
