#include "discovery_responder.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUuid>
#include <cstdio>

#include "onvif_device.h"
#include "onvif_soap.h"

namespace vigil::testcamera {

using core::Error;
using core::Status;

namespace {

constexpr const char* kDiscovery = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
constexpr const char* kAddressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
constexpr int kMaxDatagram = 65'000;

// Probe Types ("dn:NetworkVideoTransmitter tds:Device"): we match when none is given or one of
// them, by local name, is a type we are.
bool typesMatch(const QString& types) {
    const QStringList wanted = types.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (wanted.isEmpty()) {
        return true;
    }
    for (const QString& type : wanted) {
        const QString local = type.mid(type.lastIndexOf(QLatin1Char(':')) + 1);
        if (local == QStringLiteral("NetworkVideoTransmitter") || local == QStringLiteral("Device")) {
            return true;
        }
    }
    return false;
}

// Scopes match by prefix (the default RFC 3986 matching rule).
bool scopesMatch(const QString& wantedText, const QStringList& ours) {
    for (const QString& wanted : wantedText.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const bool found = std::any_of(ours.begin(), ours.end(), [&](const QString& scope) {
            return scope.startsWith(wanted, Qt::CaseInsensitive);
        });
        if (!found) {
            return false;
        }
    }
    return true;
}

}  // namespace

DiscoveryResponder::DiscoveryResponder(QList<const OnvifDevice*> devices, QObject* parent)
    : QObject(parent), m_devices(std::move(devices)) {}

Status DiscoveryResponder::start(const QHostAddress& address, std::optional<quint16> port, bool multicast) {
    if (port) {
        m_unicast = std::make_unique<QUdpSocket>();
        if (!m_unicast->bind(address, *port)) {
            return Error::make(QStringLiteral("discovery_listen"),
                               QStringLiteral("Cannot listen for WS-Discovery on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(*port)
                                   .arg(m_unicast->errorString()));
        }
        connect(m_unicast.get(), &QUdpSocket::readyRead, this, [this] { read(m_unicast.get()); });
    }
    if (multicast) {
        m_multicast = std::make_unique<QUdpSocket>();
        const QHostAddress group(QStringLiteral("239.255.255.250"));
        if (!m_multicast->bind(QHostAddress::AnyIPv4, kMulticastPort,
                               QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
            return Error::make(QStringLiteral("discovery_listen"),
                               QStringLiteral("Cannot listen on UDP port %1 for multicast WS-Discovery: %2")
                                   .arg(kMulticastPort)
                                   .arg(m_multicast->errorString()));
        }
        // Join on the interface of the bind address (loopback in tests), else wherever the
        // system routes multicast.
        bool joined = false;
        for (const QNetworkInterface& netInterface : QNetworkInterface::allInterfaces()) {
            for (const QNetworkAddressEntry& entry : netInterface.addressEntries()) {
                if (entry.ip() == address && m_multicast->joinMulticastGroup(group, netInterface)) {
                    joined = true;
                }
            }
        }
        if (!joined && !m_multicast->joinMulticastGroup(group)) {
            return Error::make(QStringLiteral("discovery_listen"),
                               QStringLiteral("Cannot join the WS-Discovery multicast group: %1")
                                   .arg(m_multicast->errorString()));
        }
        connect(m_multicast.get(), &QUdpSocket::readyRead, this, [this] { read(m_multicast.get()); });
    }
    return {};
}

std::optional<quint16> DiscoveryResponder::port() const {
    return m_unicast ? std::optional<quint16>(m_unicast->localPort()) : std::nullopt;
}

QList<QByteArray> DiscoveryResponder::answer(const QByteArray& datagram) const {
    const std::optional<SoapRequest> probe = parseSoapRequest(datagram);
    if (!probe || probe->operationName() != QStringLiteral("Probe") || probe->header() == nullptr) {
        return {};
    }
    const QString messageId = probe->header()->textAt({QStringLiteral("MessageID")});
    const QString types = probe->value({QStringLiteral("Types")});
    const QString scopes = probe->value({QStringLiteral("Scopes")});
    if (messageId.isEmpty() || !typesMatch(types)) {
        return {};
    }
    QList<QByteArray> answers;
    for (const OnvifDevice* device : m_devices) {
        if (!device->discoverable() || !scopesMatch(scopes, device->scopes())) {
            continue;
        }
        answers.append(
            QStringLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                "xmlns:a=\"%1\" xmlns:d=\"%2\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
                "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Header><a:MessageID>urn:uuid:%3</a:MessageID>"
                "<a:RelatesTo>%4</a:RelatesTo><a:To>%1/role/anonymous</a:To><a:Action>%2/ProbeMatches</a:Action>"
                "<d:AppSequence InstanceId=\"1\" MessageNumber=\"1\"/></s:Header><s:Body><d:ProbeMatches>"
                "<d:ProbeMatch><a:EndpointReference><a:Address>%5</a:Address></a:EndpointReference>"
                "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types><d:Scopes>%6</d:Scopes>"
                "<d:XAddrs>%7</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches>"
                "</s:Body></s:Envelope>")
                .arg(QLatin1String(kAddressing), QLatin1String(kDiscovery),
                     QUuid::createUuid().toString(QUuid::WithoutBraces), messageId.toHtmlEscaped(),
                     device->endpointReference(), device->scopes().join(QLatin1Char(' ')).toHtmlEscaped(),
                     device->serviceUrl(QStringLiteral("device_service")).toString().toHtmlEscaped())
                .toUtf8());
    }
    return answers;
}

void DiscoveryResponder::read(QUdpSocket* socket) {
    while (socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = socket->receiveDatagram(kMaxDatagram);
        const QList<QByteArray> answers = answer(datagram.data());
        if (answers.isEmpty()) {
            continue;
        }
        // Answer from the unicast socket when there is one, so the source is the bind address.
        QUdpSocket* from = m_unicast ? m_unicast.get() : socket;
        for (const QByteArray& reply : answers) {
            if (from->writeDatagram(reply, datagram.senderAddress(), static_cast<quint16>(datagram.senderPort())) < 0) {
                std::fprintf(stderr, "vigil-testcamera: discovery: cannot answer %s:%d: %s\n",
                             qPrintable(datagram.senderAddress().toString()), datagram.senderPort(),
                             qPrintable(from->errorString()));
            }
        }
    }
}

}  // namespace vigil::testcamera
