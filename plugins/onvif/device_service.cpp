#include "device_service.h"

#include <QHostAddress>
#include <QTimeZone>

#include "soap_message.h"

namespace vigil::plugins::onvif {

using core::Result;
using core::devices::DeviceUser;

QString actionUri(const char* serviceNamespace, const QString& operation) {
    return QLatin1String(serviceNamespace) + QLatin1Char('/') + operation;
}

namespace device {

namespace {

QString element(const QString& name, const QString& inner = {}) {
    return inner.isEmpty() ? QStringLiteral("<tds:%1 xmlns:tds=\"%2\"/>").arg(name, QLatin1String(ns::kDevice))
                           : QStringLiteral("<tds:%1 xmlns:tds=\"%2\" xmlns:tt=\"%3\">%4</tds:%1>")
                                 .arg(name, QLatin1String(ns::kDevice), QLatin1String(ns::kSchema), inner);
}

// A service address from a device: only http(s) URLs are taken.
QUrl serviceUrl(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))) {
        return {};
    }
    return url;
}

std::optional<int> number(const XmlElement* parent, const QString& name) {
    if (parent == nullptr) {
        return std::nullopt;
    }
    bool ok = false;
    const int value = parent->textAt({name}).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

QDateTime readDateTime(const XmlElement& dateTime) {
    const XmlElement* date = dateTime.child(QStringLiteral("Date"));
    const XmlElement* time = dateTime.child(QStringLiteral("Time"));
    const auto year = number(date, QStringLiteral("Year"));
    const auto month = number(date, QStringLiteral("Month"));
    const auto day = number(date, QStringLiteral("Day"));
    const auto hour = number(time, QStringLiteral("Hour"));
    const auto minute = number(time, QStringLiteral("Minute"));
    const auto second = number(time, QStringLiteral("Second"));
    if (!year || !month || !day || !hour || !minute || !second) {
        return {};
    }
    const QDate d(*year, *month, *day);
    const QTime t(*hour, *minute, *second);
    if (!d.isValid() || !t.isValid()) {
        return {};
    }
    return QDateTime(d, t, QTimeZone::utc());
}

}  // namespace

QString getSystemDateAndTime() {
    return element(QStringLiteral("GetSystemDateAndTime"));
}

Result<SystemDateAndTime> parseSystemDateAndTime(const XmlElement& response) {
    const XmlElement* info = response.child(QStringLiteral("SystemDateAndTime"));
    if (info == nullptr) {
        return SoapMessage::badAnswer(QStringLiteral("GetSystemDateAndTime"),
                                      QStringLiteral("no SystemDateAndTime element"));
    }
    SystemDateAndTime result;
    result.ntp = info->textAt({QStringLiteral("DateTimeType")}).compare(QStringLiteral("NTP"), Qt::CaseInsensitive) == 0;
    if (const XmlElement* utc = info->child(QStringLiteral("UTCDateTime"))) {
        result.utc = readDateTime(*utc);
    }
    if (!result.utc.isValid()) {
        // Some devices give only their local time; without a usable zone we take it as UTC and the
        // offset then includes the zone difference, which still makes WS-Security work.
        if (const XmlElement* local = info->child(QStringLiteral("LocalDateTime"))) {
            result.utc = readDateTime(*local);
        }
    }
    return result;
}

QString getDeviceInformation() {
    return element(QStringLiteral("GetDeviceInformation"));
}

Result<DeviceInformation> parseDeviceInformation(const XmlElement& response) {
    DeviceInformation info;
    info.manufacturer = response.textAt({QStringLiteral("Manufacturer")});
    info.model = response.textAt({QStringLiteral("Model")});
    info.firmware = response.textAt({QStringLiteral("FirmwareVersion")});
    info.serialNumber = response.textAt({QStringLiteral("SerialNumber")});
    info.hardwareId = response.textAt({QStringLiteral("HardwareId")});
    if (info.manufacturer.isEmpty() && info.model.isEmpty()) {
        return SoapMessage::badAnswer(QStringLiteral("GetDeviceInformation"),
                                      QStringLiteral("neither Manufacturer nor Model"));
    }
    return info;
}

QString getServices() {
    return element(QStringLiteral("GetServices"),
                   QStringLiteral("<tds:IncludeCapability>false</tds:IncludeCapability>"));
}

Result<ServiceAddresses> parseServices(const XmlElement& response) {
    ServiceAddresses addresses;
    for (const XmlElement* service : response.childrenNamed(QStringLiteral("Service"))) {
        const QString space = service->textAt({QStringLiteral("Namespace")});
        const QUrl url = serviceUrl(service->textAt({QStringLiteral("XAddr")}));
        if (space == QLatin1String(ns::kDevice)) {
            addresses.device = url;
        } else if (space == QLatin1String(ns::kMedia)) {
            addresses.media = url;
        } else if (space == QLatin1String(ns::kPtz)) {
            addresses.ptz = url;
        } else if (space == QLatin1String(ns::kEvents)) {
            addresses.events = url;
        } else if (space == QStringLiteral("http://www.onvif.org/ver20/imaging/wsdl")) {
            addresses.imaging = url;
        } else if (space == QStringLiteral("http://www.onvif.org/ver10/recording/wsdl")) {
            addresses.recording = url;
        } else if (space == QStringLiteral("http://www.onvif.org/ver10/search/wsdl")) {
            addresses.search = url;
        }
    }
    if (addresses.media.isEmpty()) {
        return SoapMessage::badAnswer(QStringLiteral("GetServices"), QStringLiteral("no Media service address"));
    }
    return addresses;
}

QString getCapabilities() {
    return element(QStringLiteral("GetCapabilities"), QStringLiteral("<tds:Category>All</tds:Category>"));
}

Result<ServiceAddresses> parseCapabilities(const XmlElement& response) {
    const XmlElement* capabilities = response.child(QStringLiteral("Capabilities"));
    if (capabilities == nullptr) {
        return SoapMessage::badAnswer(QStringLiteral("GetCapabilities"), QStringLiteral("no Capabilities element"));
    }
    ServiceAddresses addresses;
    addresses.device = serviceUrl(capabilities->textAt({QStringLiteral("Device"), QStringLiteral("XAddr")}));
    addresses.media = serviceUrl(capabilities->textAt({QStringLiteral("Media"), QStringLiteral("XAddr")}));
    addresses.ptz = serviceUrl(capabilities->textAt({QStringLiteral("PTZ"), QStringLiteral("XAddr")}));
    addresses.events = serviceUrl(capabilities->textAt({QStringLiteral("Events"), QStringLiteral("XAddr")}));
    addresses.imaging = serviceUrl(capabilities->textAt({QStringLiteral("Imaging"), QStringLiteral("XAddr")}));
    // Profile G's services came after ONVIF 1.0, so they sit under Extension.
    const QString extension = QStringLiteral("Extension");
    const QString address = QStringLiteral("XAddr");
    addresses.recording = serviceUrl(capabilities->textAt({extension, QStringLiteral("Recording"), address}));
    addresses.search = serviceUrl(capabilities->textAt({extension, QStringLiteral("Search"), address}));
    if (addresses.media.isEmpty()) {
        return SoapMessage::badAnswer(QStringLiteral("GetCapabilities"), QStringLiteral("no Media service address"));
    }
    return addresses;
}

QString getUsers() {
    return element(QStringLiteral("GetUsers"));
}

Result<QList<DeviceUser>> parseUsers(const XmlElement& response) {
    QList<DeviceUser> users;
    for (const XmlElement* user : response.childrenNamed(QStringLiteral("User"))) {
        const QString name = user->textAt({QStringLiteral("Username")});
        if (name.isEmpty()) {
            return SoapMessage::badAnswer(QStringLiteral("GetUsers"), QStringLiteral("a User without Username"));
        }
        users.append(DeviceUser{name, user->textAt({QStringLiteral("UserLevel")})});
    }
    return users;
}

QString setUser(const QString& name, const QString& password, const QString& level) {
    return element(QStringLiteral("SetUser"),
                   QStringLiteral("<tds:User><tt:Username>%1</tt:Username><tt:Password>%2</tt:Password>"
                                  "<tt:UserLevel>%3</tt:UserLevel></tds:User>")
                       .arg(name.toHtmlEscaped(), password.toHtmlEscaped(), level.toHtmlEscaped()));
}

QString getNtp() {
    return element(QStringLiteral("GetNTP"));
}

Result<NtpInformation> parseNtp(const XmlElement& response) {
    const XmlElement* info = response.child(QStringLiteral("NTPInformation"));
    if (info == nullptr) {
        return SoapMessage::badAnswer(QStringLiteral("GetNTP"), QStringLiteral("no NTPInformation element"));
    }
    NtpInformation result;
    result.fromDhcp = info->textAt({QStringLiteral("FromDHCP")}) == QStringLiteral("true");
    const QStringList lists = {QStringLiteral("NTPManual"), QStringLiteral("NTPFromDHCP")};
    for (const QString& list : lists) {
        for (const XmlElement* server : info->childrenNamed(list)) {
            for (const QString& field :
                 {QStringLiteral("DNSname"), QStringLiteral("IPv4Address"), QStringLiteral("IPv6Address")}) {
                const QString value = server->textAt({field});
                if (!value.isEmpty()) {
                    result.servers.append(value);
                    break;
                }
            }
        }
    }
    return result;
}

QString setNtp(const QStringList& servers) {
    QString manual;
    for (const QString& server : servers) {
        const QHostAddress address(server);
        QString type = QStringLiteral("DNS");
        QString field = QStringLiteral("DNSname");
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            type = QStringLiteral("IPv4");
            field = QStringLiteral("IPv4Address");
        } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            type = QStringLiteral("IPv6");
            field = QStringLiteral("IPv6Address");
        }
        manual += QStringLiteral("<tds:NTPManual><tt:Type>%1</tt:Type><tt:%2>%3</tt:%2></tds:NTPManual>")
                      .arg(type, field, server.toHtmlEscaped());
    }
    return element(QStringLiteral("SetNTP"), QStringLiteral("<tds:FromDHCP>false</tds:FromDHCP>") + manual);
}

QString setDateTimeFromNtp() {
    return element(QStringLiteral("SetSystemDateAndTime"),
                   QStringLiteral("<tds:DateTimeType>NTP</tds:DateTimeType><tds:DaylightSavings>false"
                                  "</tds:DaylightSavings>"));
}

QString deleteUsers(const QStringList& names) {
    QString list;
    for (const QString& name : names) {
        list += QStringLiteral("<tds:Username>%1</tds:Username>").arg(name.toHtmlEscaped());
    }
    return element(QStringLiteral("DeleteUsers"), list);
}

QString getDiscoveryMode() {
    return element(QStringLiteral("GetDiscoveryMode"));
}

Result<bool> parseDiscoveryMode(const XmlElement& response) {
    const QString mode = response.textAt({QStringLiteral("DiscoveryMode")}).trimmed();
    if (mode == QStringLiteral("Discoverable")) {
        return true;
    }
    if (mode == QStringLiteral("NonDiscoverable")) {
        return false;
    }
    return SoapMessage::badAnswer(QStringLiteral("GetDiscoveryMode"),
                                  QStringLiteral("DiscoveryMode is \"%1\", not Discoverable or NonDiscoverable")
                                      .arg(mode.left(64)));
}

QString setDiscoveryMode(bool discoverable) {
    return element(QStringLiteral("SetDiscoveryMode"),
                   QStringLiteral("<tds:DiscoveryMode>%1</tds:DiscoveryMode>")
                       .arg(discoverable ? QStringLiteral("Discoverable") : QStringLiteral("NonDiscoverable")));
}

QString getNetworkProtocols() {
    return element(QStringLiteral("GetNetworkProtocols"));
}

Result<QList<core::devices::DeviceProtocol>> parseNetworkProtocols(const XmlElement& response) {
    constexpr int kMaxPort = 65535;
    QList<core::devices::DeviceProtocol> protocols;
    for (const XmlElement* protocol : response.childrenNamed(QStringLiteral("NetworkProtocols"))) {
        core::devices::DeviceProtocol entry;
        entry.name = protocol->textAt({QStringLiteral("Name")}).trimmed();
        const QString enabled = protocol->textAt({QStringLiteral("Enabled")}).trimmed();
        if (entry.name.isEmpty() || (enabled != QStringLiteral("true") && enabled != QStringLiteral("false") &&
                                     enabled != QStringLiteral("1") && enabled != QStringLiteral("0"))) {
            return SoapMessage::badAnswer(QStringLiteral("GetNetworkProtocols"),
                                          QStringLiteral("a protocol without Name or a boolean Enabled"));
        }
        entry.enabled = enabled == QStringLiteral("true") || enabled == QStringLiteral("1");
        for (const XmlElement* port : protocol->childrenNamed(QStringLiteral("Port"))) {
            bool ok = false;
            const int number = port->text().trimmed().toInt(&ok);
            if (!ok || number < 1 || number > kMaxPort) {
                return SoapMessage::badAnswer(QStringLiteral("GetNetworkProtocols"),
                                              QStringLiteral("%1 has a port that is not 1-65535").arg(entry.name.left(16)));
            }
            entry.ports.append(number);
        }
        protocols.append(entry);
    }
    return protocols;
}

QString setNetworkProtocols(const QList<core::devices::DeviceProtocol>& protocols) {
    QString list;
    for (const core::devices::DeviceProtocol& protocol : protocols) {
        QString ports;
        for (int port : protocol.ports) {
            ports += QStringLiteral("<tt:Port>%1</tt:Port>").arg(port);
        }
        list += QStringLiteral("<tds:NetworkProtocols><tt:Name>%1</tt:Name><tt:Enabled>%2</tt:Enabled>%3"
                               "</tds:NetworkProtocols>")
                    .arg(protocol.name.toHtmlEscaped(),
                         protocol.enabled ? QStringLiteral("true") : QStringLiteral("false"), ports);
    }
    return element(QStringLiteral("SetNetworkProtocols"), list);
}

QString getDot1XConfigurations() {
    return element(QStringLiteral("GetDot1XConfigurations"));
}

Result<int> parseDot1XConfigurations(const XmlElement& response) {
    if (response.name() != QStringLiteral("GetDot1XConfigurationsResponse")) {
        return SoapMessage::badAnswer(QStringLiteral("GetDot1XConfigurations"),
                                      QStringLiteral("not a GetDot1XConfigurationsResponse"));
    }
    return static_cast<int>(response.childrenNamed(QStringLiteral("Dot1XConfiguration")).size());
}

}  // namespace device

}  // namespace vigil::plugins::onvif
