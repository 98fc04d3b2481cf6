#pragma once
// The ONVIF Device service (ver10/device/wsdl): request bodies and answer parsers. Parsers take the
// Body's first element (SoapMessage::parseResponse) and are tolerant of prefixes and of optional
// elements, strict about what the driver needs (a parser that cannot find it says so).

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "common/result.h"
#include "devices/device_driver.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

struct DeviceInformation {
    QString manufacturer;
    QString model;
    QString firmware;
    QString serialNumber;
    QString hardwareId;
};

// Where a device's services answer (from GetServices, or GetCapabilities on older devices).
struct ServiceAddresses {
    QUrl device;
    QUrl media;
    QUrl ptz;
    QUrl events;
    QUrl imaging;
    QUrl recording;  // Profile G: the device records on its own storage
    QUrl search;     // Profile G: its recordings can be searched
};

struct SystemDateAndTime {
    QDateTime utc;  // invalid when the device gave none
    bool ntp = false;
};

struct NtpInformation {
    bool fromDhcp = false;
    QStringList servers;
};

namespace device {

QString getSystemDateAndTime();
core::Result<SystemDateAndTime> parseSystemDateAndTime(const XmlElement& response);

QString getDeviceInformation();
core::Result<DeviceInformation> parseDeviceInformation(const XmlElement& response);

QString getServices();
core::Result<ServiceAddresses> parseServices(const XmlElement& response);

QString getCapabilities();
core::Result<ServiceAddresses> parseCapabilities(const XmlElement& response);

QString getUsers();
core::Result<QList<core::devices::DeviceUser>> parseUsers(const XmlElement& response);

QString setUser(const QString& name, const QString& password, const QString& level);

QString getNtp();
core::Result<NtpInformation> parseNtp(const XmlElement& response);

// Manual NTP servers: IPv4, IPv6 or DNS names, each typed as ONVIF asks.
QString setNtp(const QStringList& servers);
// Switches the clock to NTP (SetSystemDateAndTime with DateTimeType NTP), keeping daylight saving off.
QString setDateTimeFromNtp();

QString deleteUsers(const QStringList& names);

// WS-Discovery mode: true when Discoverable.
QString getDiscoveryMode();
core::Result<bool> parseDiscoveryMode(const XmlElement& response);
QString setDiscoveryMode(bool discoverable);

QString getNetworkProtocols();
core::Result<QList<core::devices::DeviceProtocol>> parseNetworkProtocols(const XmlElement& response);
QString setNetworkProtocols(const QList<core::devices::DeviceProtocol>& protocols);

// The number of 802.1X configurations the device holds (0: none set).
QString getDot1XConfigurations();
core::Result<int> parseDot1XConfigurations(const XmlElement& response);

}  // namespace device

// The action URI for an operation of a service namespace: "<namespace>/<operation>".
QString actionUri(const char* serviceNamespace, const QString& operation);

}  // namespace vigil::plugins::onvif
