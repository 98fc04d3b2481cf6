#include "ws_discovery.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostInfo>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QTimer>
#include <QUdpSocket>
#include <QUrl>
#include <QUuid>

#include "onvif_logging.h"
#include "soap_message.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
using core::devices::Cancellation;
using core::devices::DiscoveredDevice;
using core::devices::DiscoveryRequest;
namespace devices = core::devices;

namespace {

constexpr const char* kAddressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
constexpr const char* kDiscovery = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
constexpr const char* kNetwork = "http://www.onvif.org/ver10/network/wsdl";
constexpr int kPollMs = 50;
constexpr int kMaxTimeoutMs = 60'000;
constexpr int kMaxDevices = 4096;

QString newMessageId() {
    return QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool sameHost(const QString& host, const QHostAddress& sender) {
    const QHostAddress address(host);
    return !address.isNull() && address.isEqual(sender, QHostAddress::TolerantConversion);
}

QUrl chooseAddress(const QStringList& xaddrs, const QHostAddress& sender) {
    QList<QUrl> usable;
    for (const QString& text : xaddrs) {
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty() &&
            (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https"))) {
            usable.append(url);
        }
    }
    for (const QUrl& url : usable) {
        if (sameHost(url.host(), sender)) {
            return url;
        }
    }
    return usable.isEmpty() ? QUrl() : usable.first();
}

Error unreachable(const QString& what) {
    return Error::make(devices::kErrorUnreachable, what);
}

}  // namespace

QByteArray WsDiscovery::probe(const QString& messageId, const QString& types) {
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
               "<s:Envelope xmlns:s=\"%1\" xmlns:a=\"%2\" xmlns:d=\"%3\" xmlns:dn=\"%4\" xmlns:tds=\"%5\">"
               "<s:Header>"
               "<a:Action s:mustUnderstand=\"1\">%3/Probe</a:Action>"
               "<a:MessageID>%6</a:MessageID>"
               "<a:ReplyTo><a:Address>%2/role/anonymous</a:Address></a:ReplyTo>"
               "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
               "</s:Header>"
               "<s:Body><d:Probe><d:Types>%7</d:Types></d:Probe></s:Body>"
               "</s:Envelope>")
        .arg(QLatin1String(ns::kSoap), QLatin1String(kAddressing), QLatin1String(kDiscovery),
             QLatin1String(kNetwork), QLatin1String(ns::kDevice), messageId.toHtmlEscaped(), types.toHtmlEscaped())
        .toUtf8();
}

Result<QList<DiscoveredDevice>> WsDiscovery::parseProbeMatches(const QByteArray& datagram,
                                                               const QStringList& messageIds,
                                                               const QHostAddress& sender) {
    Result<XmlElement> document = XmlElement::parse(datagram);
    if (!document) {
        return Error::make(devices::kErrorBadAnswer,
                           QStringLiteral("A WS-Discovery answer is not XML: %1").arg(document.error().message));
    }
    const XmlElement* matches = document->find({QStringLiteral("Body"), QStringLiteral("ProbeMatches")});
    if (document->name() != QStringLiteral("Envelope") || matches == nullptr) {
        return Error::make(devices::kErrorBadAnswer,
                           QStringLiteral("A WS-Discovery answer is not a ProbeMatches message."));
    }
    const QString relatesTo = document->textAt({QStringLiteral("Header"), QStringLiteral("RelatesTo")});
    QList<DiscoveredDevice> found;
    if (!messageIds.contains(relatesTo)) {
        return found;  // an answer to someone else's probe
    }
    for (const XmlElement* match : matches->childrenNamed(QStringLiteral("ProbeMatch"))) {
        DiscoveredDevice device;
        device.driver = QStringLiteral("onvif");
        device.endpointReference = match->textAt({QStringLiteral("EndpointReference"), QStringLiteral("Address")});
        device.scopes = match->textAt({QStringLiteral("Scopes")}).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QStringList xaddrs = match->textAt({QStringLiteral("XAddrs")}).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        device.address = chooseAddress(xaddrs, sender);
        if (device.address.isEmpty()) {
            continue;  // nothing we could connect to
        }
        device.name = scopeValue(device.scopes, QStringLiteral("name"));
        device.hardware = scopeValue(device.scopes, QStringLiteral("hardware"));
        found.append(device);
    }
    return found;
}

QString WsDiscovery::scopeValue(const QStringList& scopes, const QString& kind) {
    const QString prefix = QStringLiteral("onvif://www.onvif.org/%1/").arg(kind);
    for (const QString& scope : scopes) {
        if (scope.startsWith(prefix, Qt::CaseInsensitive)) {
            return QUrl::fromPercentEncoding(scope.mid(prefix.size()).toUtf8());
        }
    }
    return {};
}

Result<QList<DiscoveredDevice>> WsDiscovery::run(const DiscoveryRequest& request, const Cancellation& cancel) {
    const int timeoutMs = std::clamp(request.timeoutMs, kPollMs, kMaxTimeoutMs);
    QUdpSocket socket;
    if (!socket.bind(QHostAddress(QHostAddress::AnyIPv4), 0)) {
        return unreachable(QStringLiteral("Could not open a UDP socket for discovery: %1").arg(socket.errorString()));
    }
    const QStringList messageIds = {newMessageId(), newMessageId()};
    const QList<QByteArray> probes = {probe(messageIds.at(0), QStringLiteral("dn:NetworkVideoTransmitter")),
                                      probe(messageIds.at(1), QStringLiteral("tds:Device"))};

    const bool unicast = !request.unicastHost.isEmpty();
    QHostAddress target;
    if (unicast) {
        target = QHostAddress(request.unicastHost);
        if (target.isNull()) {
            const QHostInfo info = QHostInfo::fromName(request.unicastHost);
            for (const QHostAddress& address : info.addresses()) {
                if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                    target = address;
                    break;
                }
            }
        }
        if (target.isNull() || target.protocol() != QAbstractSocket::IPv4Protocol) {
            return unreachable(QStringLiteral("Could not find the IPv4 address of \"%1\" to probe. Check the name.")
                                   .arg(request.unicastHost));
        }
        for (const QByteArray& datagram : probes) {
            socket.writeDatagram(datagram, target, request.unicastPort);
        }
    } else {
        const QHostAddress group(QString::fromLatin1(kMulticastGroup));
        int sent = 0;
        for (const QNetworkInterface& netInterface : QNetworkInterface::allInterfaces()) {
            const auto flags = netInterface.flags();
            const QList<QNetworkAddressEntry> entries = netInterface.addressEntries();
            const bool hasIpv4 = std::any_of(entries.begin(), entries.end(), [](const QNetworkAddressEntry& entry) {
                return entry.ip().protocol() == QAbstractSocket::IPv4Protocol;
            });
            if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::CanMulticast) ||
                !hasIpv4) {
                continue;
            }
            socket.setMulticastInterface(netInterface);
            for (const QByteArray& datagram : probes) {
                if (socket.writeDatagram(datagram, group, kPort) > 0) {
                    ++sent;
                }
            }
        }
        if (sent == 0) {
            return unreachable(QStringLiteral("No network interface could send the discovery probe (none is up "
                                              "with multicast and IPv4). Add the camera by its address instead."));
        }
    }

    QList<DiscoveredDevice> found;
    QStringList seen;
    int malformed = 0;
    QString lastProblem;
    bool refused = false;
    QEventLoop loop;
    QObject::connect(&socket, &QUdpSocket::readyRead, &loop, [&] {
        while (socket.hasPendingDatagrams()) {
            const QNetworkDatagram datagram = socket.receiveDatagram();
            Result<QList<DiscoveredDevice>> matches =
                parseProbeMatches(datagram.data(), messageIds, datagram.senderAddress());
            if (!matches) {
                ++malformed;
                lastProblem = matches.error().message;
                continue;
            }
            for (const DiscoveredDevice& device : *matches) {
                const QString key = device.endpointReference.isEmpty() ? device.address.toString()
                                                                       : device.endpointReference;
                if (!seen.contains(key) && found.size() < kMaxDevices) {
                    seen.append(key);
                    found.append(device);
                }
            }
        }
    });
    QObject::connect(&socket, &QUdpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        // An ICMP "port unreachable" after a unicast probe: nothing listens there.
        if (error == QAbstractSocket::ConnectionRefusedError) {
            refused = true;
        }
    });
    QTimer poll;
    QElapsedTimer elapsed;
    elapsed.start();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancel.isCancelled() || elapsed.elapsed() >= timeoutMs) {
            loop.quit();
        }
    });
    poll.start(kPollMs);
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (cancel.isCancelled()) {
        return Error::make(devices::kErrorCancelled, QStringLiteral("Discovery was cancelled."));
    }
    qCDebug(lcOnvif) << "discovery found" << found.size() << "devices," << malformed << "malformed answers";
    if (unicast && found.isEmpty()) {
        if (malformed > 0) {
            return Error::make(
                devices::kErrorBadAnswer,
                QStringLiteral("%1:%2 answered the discovery probe with something else than "
                               "ProbeMatches: %3")
                    .arg(request.unicastHost, QString::number(request.unicastPort), lastProblem));
        }
        if (refused) {
            return unreachable(
                QStringLiteral("Nothing answers WS-Discovery at %1:%2 (port unreachable). Check the "
                               "address, or add the camera by its ONVIF address.")
                    .arg(request.unicastHost, QString::number(request.unicastPort)));
        }
    }
    return found;
}

}  // namespace vigil::plugins::onvif
