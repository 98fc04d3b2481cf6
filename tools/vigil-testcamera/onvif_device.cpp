#include "onvif_device.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QRegularExpression>
#include <QUdpSocket>
#include <QTimeZone>
#include <QUuid>
#include <algorithm>
#include <cmath>

namespace vigil::testcamera {

namespace {

constexpr const char* kVelocityGeneric = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace";
constexpr const char* kZoomVelocityGeneric = "http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace";
constexpr const char* kConcreteSet = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet";
const QString kMotionTopic = QStringLiteral("tns1:RuleEngine/CellMotionDetector/Motion");

OnvifAnswer ok(const QString& body) {
    return OnvifAnswer{200, soapEnvelope(body)};
}

OnvifAnswer senderFault(const QString& subcode, const QString& reason) {
    return OnvifAnswer{400, soapFault(QStringLiteral("s:Sender"), subcode, reason)};
}

OnvifAnswer notSupported(const QString& operation) {
    return OnvifAnswer{500, soapFault(QStringLiteral("s:Receiver"), QStringLiteral("ter:ActionNotSupported"),
                                      QStringLiteral("%1 is not implemented by vigil-testcamera").arg(operation))};
}

QString e(const QString& text) {
    return text.toHtmlEscaped();
}

QString boolText(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString number(double value) {
    return QString::number(value, 'g', 6);
}

// xs:duration as ONVIF uses it ("PT60S", "PT1M30S", "PT1H"), or an absolute xs:dateTime; the
// number of seconds from `now`, or -1 when unreadable.
int secondsUntil(const QString& text, const QDateTime& now) {
    static const QRegularExpression kDuration(
        QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = kDuration.match(trimmed);
    if (match.hasMatch() && trimmed != QStringLiteral("P") && trimmed != QStringLiteral("PT")) {
        const double seconds = match.captured(1).toDouble() * 86400 + match.captured(2).toDouble() * 3600 +
                               match.captured(3).toDouble() * 60 + match.captured(4).toDouble();
        return static_cast<int>(std::min(seconds, 1e6));
    }
    const QDateTime absolute = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return absolute.isValid() ? static_cast<int>(std::clamp<qint64>(now.secsTo(absolute), 0, 1'000'000)) : -1;
}

QString isoTime(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

}  // namespace

OnvifDevice::OnvifDevice(OnvifCamera camera, QUrl baseUrl, qint64 clockOffsetMs, Log log, QObject* parent)
    : QObject(parent),
      m_camera(std::move(camera)),
      m_baseUrl(std::move(baseUrl)),
      m_clockOffsetMs(clockOffsetMs),
      m_log(std::move(log)) {
    if (!m_camera.user.isEmpty()) {
        m_users.insert(m_camera.user, User{m_camera.password, QStringLiteral("Administrator")});
    }
    for (const OnvifUserSpec& user : m_camera.extraUsers) {
        m_users.insert(user.name, User{user.password, user.level});
    }
    if (m_camera.anonymous) {
        m_users.insert(QStringLiteral("anonymous"), User{QString(), QStringLiteral("Anonymous")});
    }
    m_discoverable = m_camera.discoverable;
}

QString OnvifDevice::protocolsXml() const {
    const quint16 web = m_hooks.webPort ? m_hooks.webPort() : 0;
    // HTTP is the web interface's port (closed while off, so its number is what it last was);
    // HTTPS is not served by the test camera: always off, without a port.
    return QStringLiteral("<tds:NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>%1</tt:Enabled>"
                          "<tt:Port>%2</tt:Port></tds:NetworkProtocols><tds:NetworkProtocols><tt:Name>HTTPS"
                          "</tt:Name><tt:Enabled>false</tt:Enabled></tds:NetworkProtocols><tds:NetworkProtocols>"
                          "<tt:Name>RTSP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>%3</tt:Port>"
                          "</tds:NetworkProtocols>")
        .arg(boolText(m_camera.web))
        .arg(web != 0 ? web : m_lastWebPort)
        .arg(m_camera.mainStream.port(554));
}

OnvifAnswer OnvifDevice::setNetworkProtocols(const SoapRequest& request) {
    const auto protocols = request.operation()->childrenNamed(QStringLiteral("NetworkProtocols"));
    if (protocols.isEmpty()) {
        return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no NetworkProtocols given"));
    }
    std::optional<bool> web;
    for (const XmlElement* protocol : protocols) {
        const QString name = protocol->textAt({QStringLiteral("Name")});
        const bool enabled = protocol->textAt({QStringLiteral("Enabled")}) == QStringLiteral("true");
        if (name == QStringLiteral("HTTP")) {
            web = enabled;
        } else if (name == QStringLiteral("HTTPS") && enabled) {
            return OnvifAnswer{500, soapFault(QStringLiteral("s:Receiver"), QStringLiteral("ter:ServiceNotSupported"),
                                              QStringLiteral("vigil-testcamera serves no HTTPS"))};
        } else if (name == QStringLiteral("RTSP") && !enabled) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("RTSP cannot be turned off"));
        } else if (name != QStringLiteral("HTTPS") && name != QStringLiteral("RTSP")) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"),
                               QStringLiteral("no protocol \"%1\" (HTTP, HTTPS, RTSP)").arg(name));
        }
    }
    if (web && *web != m_camera.web) {
        if (m_hooks.webPort && m_hooks.webPort() != 0) {
            m_lastWebPort = m_hooks.webPort();
        }
        if (m_hooks.setWeb && !m_hooks.setWeb(*web)) {
            return OnvifAnswer{500, soapFault(QStringLiteral("s:Receiver"), QStringLiteral("ter:Action"),
                                              QStringLiteral("the web port could not be opened again"))};
        }
        m_camera.web = *web;
        m_log(QStringLiteral("onvif security %1 http %2").arg(m_camera.name, *web ? QStringLiteral("on") : QStringLiteral("off")));
    }
    return ok(QStringLiteral("<tds:SetNetworkProtocolsResponse/>"));
}

void OnvifDevice::syncClock() {
    if (!m_ntp || m_ntpServers.isEmpty()) {
        return;
    }
    QHostAddress server(m_ntpServers.first());
    if (server.isNull()) {
        const QHostInfo info = QHostInfo::fromName(m_ntpServers.first());
        if (info.addresses().isEmpty()) {
            return;
        }
        server = info.addresses().first();
    }
    // SNTP (RFC 4330): LI 0, version 4, mode 3 (client); the answer's receive and transmit times
    // give the offset ((t1 - t0) + (t2 - t3)) / 2.
    QByteArray request(48, '\0');
    request[0] = 0x23;
    QUdpSocket socket;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    if (socket.writeDatagram(request, server, m_hooks.ntpPort) != request.size() || !socket.waitForReadyRead(1000)) {
        m_log(QStringLiteral("onvif security %1 ntp no-answer %2").arg(m_camera.name, m_ntpServers.first()));
        return;
    }
    const QByteArray answer = socket.receiveDatagram(512).data();
    const qint64 t3 = QDateTime::currentMSecsSinceEpoch();
    if (answer.size() < 48 || (answer[0] & 0x07) != 4) {
        return;
    }
    const auto ntpMs = [&answer](int at) {
        constexpr qint64 kNtpToUnixSeconds = 2208988800LL;
        const auto word = [&answer](int i) {
            return (quint32(quint8(answer[i])) << 24) | (quint32(quint8(answer[i + 1])) << 16) |
                   (quint32(quint8(answer[i + 2])) << 8) | quint32(quint8(answer[i + 3]));
        };
        return (qint64(word(at)) - kNtpToUnixSeconds) * 1000 + (qint64(word(at + 4)) * 1000 >> 32);
    };
    const qint64 t1 = ntpMs(32);
    const qint64 t2 = ntpMs(40);
    m_clockOffsetMs = ((t1 - t0) + (t2 - t3)) / 2;
    m_log(QStringLiteral("onvif security %1 ntp synced offset_ms=%2")
              .arg(m_camera.name, QString::number(m_clockOffsetMs)));
}

QString OnvifDevice::endpointReference() const {
    // Stable per camera name, so a test (or a VMS) recognises the device after a restart.
    static const QUuid kNamespace(QStringLiteral("{6f0e9f0c-64c7-4c39-9d0a-6e7a7d3b8a11}"));
    return QStringLiteral("urn:uuid:") +
           QUuid::createUuidV5(kNamespace, m_camera.name).toString(QUuid::WithoutBraces);
}

QStringList OnvifDevice::scopes() const {
    return {QStringLiteral("onvif://www.onvif.org/type/video_encoder"),
            QStringLiteral("onvif://www.onvif.org/type/Network_Video_Transmitter"),
            QStringLiteral("onvif://www.onvif.org/Profile/Streaming"),
            QStringLiteral("onvif://www.onvif.org/name/") + QString::fromLatin1(QUrl::toPercentEncoding(m_camera.name)),
            QStringLiteral("onvif://www.onvif.org/hardware/vigil-testcamera"),
            QStringLiteral("onvif://www.onvif.org/location/loopback")};
}

QUrl OnvifDevice::serviceUrl(const QString& service) const {
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QLatin1Char('/') + service);
    return url;
}

QDateTime OnvifDevice::now() const {
    return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs);
}

bool OnvifDevice::isPreAuth(const QString& operation) {
    static const QStringList kPreAuth = {
        QStringLiteral("GetSystemDateAndTime"), QStringLiteral("GetCapabilities"),
        QStringLiteral("GetServices"),          QStringLiteral("GetServiceCapabilities"),
        QStringLiteral("GetHostname"),          QStringLiteral("GetEndpointReference"),
        QStringLiteral("GetWsdlUrl")};
    return kPreAuth.contains(operation);
}

std::optional<QString> OnvifDevice::passwordOf(const QString& user) const {
    const auto found = m_users.find(user);
    return found != m_users.end() ? std::optional<QString>(found->password) : std::nullopt;
}

void OnvifDevice::handle(const QString& service, const SoapRequest& request, Done done) {
    expireSubscriptions();
    if (service == QStringLiteral("device_service")) {
        done(device(request));
    } else if (service == QStringLiteral("media")) {
        done(media(request));
    } else if (service == QStringLiteral("ptz") && m_camera.ptz) {
        done(ptz(request));
    } else if (service == QStringLiteral("events")) {
        done(events(request));
    } else if (service.startsWith(QStringLiteral("pullpoint/"))) {
        bool isNumber = false;
        const int id = service.mid(10).toInt(&isNumber);
        if (!isNumber) {
            done(senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no such pull point")));
            return;
        }
        pullPoint(id, request, std::move(done));
    } else {
        done(OnvifAnswer{404, QByteArray()});
    }
}

QString OnvifDevice::dateTimeXml(const QDateTime& time) const {
    const QDateTime utc = time.toUTC();
    return QStringLiteral("<tt:Time><tt:Hour>%1</tt:Hour><tt:Minute>%2</tt:Minute><tt:Second>%3</tt:Second></tt:Time>"
                          "<tt:Date><tt:Year>%4</tt:Year><tt:Month>%5</tt:Month><tt:Day>%6</tt:Day></tt:Date>")
        .arg(utc.time().hour())
        .arg(utc.time().minute())
        .arg(utc.time().second())
        .arg(utc.date().year())
        .arg(utc.date().month())
        .arg(utc.date().day());
}

OnvifAnswer OnvifDevice::device(const SoapRequest& request) {
    const QString operation = request.operationName();
    if (operation == QStringLiteral("GetSystemDateAndTime")) {
        const QString time = dateTimeXml(now());
        return ok(QStringLiteral("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>%1"
                                 "</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone>"
                                 "<tt:TZ>UTC0</tt:TZ></tt:TimeZone><tt:UTCDateTime>%2</tt:UTCDateTime>"
                                 "<tt:LocalDateTime>%2</tt:LocalDateTime></tds:SystemDateAndTime>"
                                 "</tds:GetSystemDateAndTimeResponse>")
                      .arg(m_ntp ? QStringLiteral("NTP") : QStringLiteral("Manual"), time));
    }
    if (operation == QStringLiteral("SetSystemDateAndTime")) {
        m_ntp = request.value({QStringLiteral("DateTimeType")}) == QStringLiteral("NTP");
        if (const XmlElement* utc = request.operation()->child(QStringLiteral("UTCDateTime")); utc && !m_ntp) {
            const QDate date(utc->textAt({QStringLiteral("Date"), QStringLiteral("Year")}).toInt(),
                             utc->textAt({QStringLiteral("Date"), QStringLiteral("Month")}).toInt(),
                             utc->textAt({QStringLiteral("Date"), QStringLiteral("Day")}).toInt());
            const QTime time(utc->textAt({QStringLiteral("Time"), QStringLiteral("Hour")}).toInt(),
                             utc->textAt({QStringLiteral("Time"), QStringLiteral("Minute")}).toInt(),
                             utc->textAt({QStringLiteral("Time"), QStringLiteral("Second")}).toInt());
            if (!date.isValid() || !time.isValid()) {
                return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("invalid date or time"));
            }
            m_clockOffsetMs = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch();
        }
        syncClock();
        return ok(QStringLiteral("<tds:SetSystemDateAndTimeResponse/>"));
    }
    if (operation == QStringLiteral("GetDeviceInformation")) {
        return ok(QStringLiteral("<tds:GetDeviceInformationResponse><tds:Manufacturer>Vigil</tds:Manufacturer>"
                                 "<tds:Model>vigil-testcamera</tds:Model><tds:FirmwareVersion>%1</tds:FirmwareVersion>"
                                 "<tds:SerialNumber>VTC-%2</tds:SerialNumber><tds:HardwareId>vigil-testcamera-1"
                                 "</tds:HardwareId></tds:GetDeviceInformationResponse>")
                      .arg(m_camera.firmware.isEmpty() ? QStringLiteral(VIGIL_VERSION) : e(m_camera.firmware),
                           e(m_camera.name)));
    }
    if (operation == QStringLiteral("GetCapabilities")) {
        QString ptz;
        if (m_camera.ptz) {
            ptz = QStringLiteral("<tt:PTZ><tt:XAddr>%1</tt:XAddr></tt:PTZ>").arg(e(serviceUrl(QStringLiteral("ptz")).toString()));
        }
        QString storage;  // Profile G's services sit under Extension
        if (m_camera.edgeStorage) {
            storage = QStringLiteral("<tt:Extension><tt:Recording><tt:XAddr>%1</tt:XAddr></tt:Recording>"
                                     "<tt:Search><tt:XAddr>%2</tt:XAddr></tt:Search></tt:Extension>")
                          .arg(e(serviceUrl(QStringLiteral("recording")).toString()),
                               e(serviceUrl(QStringLiteral("search")).toString()));
        }
        return ok(QStringLiteral(
                      "<tds:GetCapabilitiesResponse><tds:Capabilities>"
                      "<tt:Device><tt:XAddr>%1</tt:XAddr><tt:System><tt:DiscoveryResolve>false</tt:DiscoveryResolve>"
                      "<tt:DiscoveryBye>false</tt:DiscoveryBye><tt:RemoteDiscovery>false</tt:RemoteDiscovery>"
                      "<tt:SystemBackup>false</tt:SystemBackup><tt:SystemLogging>false</tt:SystemLogging>"
                      "<tt:FirmwareUpgrade>false</tt:FirmwareUpgrade><tt:SupportedVersions><tt:Major>2</tt:Major>"
                      "<tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System></tt:Device>"
                      "<tt:Events><tt:XAddr>%2</tt:XAddr><tt:WSSubscriptionPolicySupport>false"
                      "</tt:WSSubscriptionPolicySupport><tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
                      "<tt:WSPausableSubscriptionManagerInterfaceSupport>false"
                      "</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>"
                      "<tt:Media><tt:XAddr>%3</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false"
                      "</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>"
                      "</tt:StreamingCapabilities></tt:Media>%4%5"
                      "</tds:Capabilities></tds:GetCapabilitiesResponse>")
                      .arg(e(serviceUrl(QStringLiteral("device_service")).toString()),
                           e(serviceUrl(QStringLiteral("events")).toString()),
                           e(serviceUrl(QStringLiteral("media")).toString()), ptz, storage));
    }
    if (operation == QStringLiteral("GetServices")) {
        QList<std::pair<QString, QString>> services = {
            {QStringLiteral("http://www.onvif.org/ver10/device/wsdl"), QStringLiteral("device_service")},
            {QStringLiteral("http://www.onvif.org/ver10/media/wsdl"), QStringLiteral("media")},
            {QStringLiteral("http://www.onvif.org/ver10/events/wsdl"), QStringLiteral("events")}};
        if (m_camera.ptz) {
            services.append({QStringLiteral("http://www.onvif.org/ver20/ptz/wsdl"), QStringLiteral("ptz")});
        }
        if (m_camera.edgeStorage) {
            services.append({QStringLiteral("http://www.onvif.org/ver10/recording/wsdl"), QStringLiteral("recording")});
            services.append({QStringLiteral("http://www.onvif.org/ver10/search/wsdl"), QStringLiteral("search")});
        }
        QString list;
        for (const auto& [space, path] : services) {
            list += QStringLiteral("<tds:Service><tds:Namespace>%1</tds:Namespace><tds:XAddr>%2</tds:XAddr>"
                                   "<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>"
                                   "</tds:Service>")
                        .arg(space, e(serviceUrl(path).toString()));
        }
        return ok(QStringLiteral("<tds:GetServicesResponse>%1</tds:GetServicesResponse>").arg(list));
    }
    if (operation == QStringLiteral("GetServiceCapabilities")) {
        return ok(QStringLiteral(
            "<tds:GetServiceCapabilitiesResponse><tds:Capabilities><tds:Network IPFilter=\"false\" "
            "ZeroConfiguration=\"false\" IPVersion6=\"false\" DynDNS=\"false\" NTP=\"1\"/><tds:Security "
            "TLS1.0=\"false\" TLS1.1=\"false\" TLS1.2=\"false\" HttpDigest=\"true\" UsernameToken=\"true\" "
            "Dot1X=\"%1\"/>"
            "<tds:System DiscoveryResolve=\"false\" DiscoveryBye=\"false\" RemoteDiscovery=\"false\" "
            "SystemBackup=\"false\" SystemLogging=\"false\" FirmwareUpgrade=\"false\"/></tds:Capabilities>"
            "</tds:GetServiceCapabilitiesResponse>")
                      .arg(boolText(m_camera.dot1x != QStringLiteral("unsupported"))));
    }
    if (operation == QStringLiteral("GetScopes")) {
        QString list;
        for (const QString& scope : scopes()) {
            list += QStringLiteral("<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>%1</tt:ScopeItem>"
                                   "</tds:Scopes>")
                        .arg(e(scope));
        }
        return ok(QStringLiteral("<tds:GetScopesResponse>%1</tds:GetScopesResponse>").arg(list));
    }
    if (operation == QStringLiteral("GetUsers")) {
        QString list;
        for (auto it = m_users.cbegin(); it != m_users.cend(); ++it) {
            list += QStringLiteral("<tds:User><tt:Username>%1</tt:Username><tt:UserLevel>%2</tt:UserLevel></tds:User>")
                        .arg(e(it.key()), e(it->level));
        }
        return ok(QStringLiteral("<tds:GetUsersResponse>%1</tds:GetUsersResponse>").arg(list));
    }
    if (operation == QStringLiteral("SetUser") || operation == QStringLiteral("CreateUsers")) {
        const bool create = operation == QStringLiteral("CreateUsers");
        const auto users = request.operation()->childrenNamed(QStringLiteral("User"));
        if (users.isEmpty()) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no User given"));
        }
        for (const XmlElement* user : users) {
            const QString name = user->textAt({QStringLiteral("Username")});
            if (name.isEmpty() || m_users.contains(name) == create) {
                return senderFault(QStringLiteral("ter:OperationProhibited"),
                                   create ? QStringLiteral("user exists") : QStringLiteral("no such user"));
            }
        }
        for (const XmlElement* user : users) {
            const QString name = user->textAt({QStringLiteral("Username")});
            const QString level = user->textAt({QStringLiteral("UserLevel")});
            const XmlElement* password = user->child(QStringLiteral("Password"));
            User& stored = m_users[name];
            if (password != nullptr || create) {
                stored.password = password != nullptr ? password->text() : QString();
            }
            stored.level = level.isEmpty() ? (stored.level.isEmpty() ? QStringLiteral("User") : stored.level) : level;
            m_log(QStringLiteral("onvif security %1 %2 %3 level=%4")
                      .arg(m_camera.name, create ? QStringLiteral("user-created") : QStringLiteral("user-changed"),
                           name, stored.level));
            if (name == m_camera.user && password != nullptr && m_hooks.passwordChanged) {
                // The device's one account also guards its RTSP streams, as on real cameras.
                m_hooks.passwordChanged(name, stored.password);
            }
        }
        return ok(QStringLiteral("<tds:%1Response/>").arg(operation));
    }
    if (operation == QStringLiteral("DeleteUsers")) {
        const QStringList names = [&] {
            QStringList list;
            for (const XmlElement* name : request.operation()->childrenNamed(QStringLiteral("Username"))) {
                list.append(name->text());
            }
            return list;
        }();
        if (names.isEmpty()) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no Username given"));
        }
        for (const QString& name : names) {
            if (!m_users.contains(name)) {
                return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no user \"%1\"").arg(name));
            }
            if (name == m_camera.user) {
                // As cameras do: the account the device was set up with cannot delete itself.
                return senderFault(QStringLiteral("ter:OperationProhibited"),
                                   QStringLiteral("the administrator \"%1\" cannot be deleted").arg(name));
            }
        }
        for (const QString& name : names) {
            m_users.remove(name);
            m_log(QStringLiteral("onvif security %1 user-deleted %2").arg(m_camera.name, name));
        }
        return ok(QStringLiteral("<tds:DeleteUsersResponse/>"));
    }
    if (operation == QStringLiteral("GetNetworkInterfaces")) {
        return ok(QStringLiteral(
                      "<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token=\"lo\"><tt:Enabled>true"
                      "</tt:Enabled><tt:Info><tt:Name>lo</tt:Name><tt:HwAddress>00:00:00:00:00:00</tt:HwAddress>"
                      "<tt:MTU>65536</tt:MTU></tt:Info><tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Config><tt:Manual>"
                      "<tt:Address>%1</tt:Address><tt:PrefixLength>8</tt:PrefixLength></tt:Manual><tt:DHCP>false"
                      "</tt:DHCP></tt:Config></tt:IPv4></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>")
                      .arg(e(m_baseUrl.host())));
    }
    if (operation == QStringLiteral("GetNTP")) {
        QString list;
        for (const QString& server : m_ntpServers) {
            const bool ipv4 = QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+\\.\\d+$")).match(server).hasMatch();
            list += ipv4 ? QStringLiteral("<tt:NTPManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>%1</tt:IPv4Address>"
                                          "</tt:NTPManual>")
                               .arg(e(server))
                         : QStringLiteral("<tt:NTPManual><tt:Type>DNS</tt:Type><tt:DNSname>%1</tt:DNSname>"
                                          "</tt:NTPManual>")
                               .arg(e(server));
        }
        return ok(QStringLiteral("<tds:GetNTPResponse><tds:NTPInformation><tt:FromDHCP>false</tt:FromDHCP>%1"
                                 "</tds:NTPInformation></tds:GetNTPResponse>")
                      .arg(list));
    }
    if (operation == QStringLiteral("SetNTP")) {
        QStringList servers;
        for (const XmlElement* manual : request.operation()->childrenNamed(QStringLiteral("NTPManual"))) {
            for (const QString& field :
                 {QStringLiteral("IPv4Address"), QStringLiteral("IPv6Address"), QStringLiteral("DNSname")}) {
                if (!manual->textAt({field}).isEmpty()) {
                    servers.append(manual->textAt({field}));
                }
            }
        }
        m_ntpServers = servers;
        syncClock();
        return ok(QStringLiteral("<tds:SetNTPResponse/>"));
    }
    if (operation == QStringLiteral("GetHostname")) {
        return ok(QStringLiteral("<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>false</tt:FromDHCP>"
                                 "<tt:Name>%1</tt:Name></tds:HostnameInformation></tds:GetHostnameResponse>")
                      .arg(e(m_camera.name)));
    }
    if (operation == QStringLiteral("GetDNS")) {
        return ok(QStringLiteral("<tds:GetDNSResponse><tds:DNSInformation><tt:FromDHCP>false</tt:FromDHCP>"
                                 "</tds:DNSInformation></tds:GetDNSResponse>"));
    }
    if (operation == QStringLiteral("GetNetworkDefaultGateway")) {
        return ok(QStringLiteral("<tds:GetNetworkDefaultGatewayResponse><tds:NetworkGateway/>"
                                 "</tds:GetNetworkDefaultGatewayResponse>"));
    }
    if (operation == QStringLiteral("GetNetworkProtocols")) {
        return ok(QStringLiteral("<tds:GetNetworkProtocolsResponse>%1</tds:GetNetworkProtocolsResponse>")
                      .arg(protocolsXml()));
    }
    if (operation == QStringLiteral("SetNetworkProtocols")) {
        return setNetworkProtocols(request);
    }
    if (operation == QStringLiteral("GetDiscoveryMode")) {
        return ok(QStringLiteral("<tds:GetDiscoveryModeResponse><tds:DiscoveryMode>%1</tds:DiscoveryMode>"
                                 "</tds:GetDiscoveryModeResponse>")
                      .arg(m_discoverable ? QStringLiteral("Discoverable") : QStringLiteral("NonDiscoverable")));
    }
    if (operation == QStringLiteral("SetDiscoveryMode")) {
        const QString mode = request.value({QStringLiteral("DiscoveryMode")});
        if (mode != QStringLiteral("Discoverable") && mode != QStringLiteral("NonDiscoverable")) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"),
                               QStringLiteral("DiscoveryMode is Discoverable or NonDiscoverable"));
        }
        m_discoverable = mode == QStringLiteral("Discoverable");
        m_log(QStringLiteral("onvif security %1 discovery %2").arg(m_camera.name, mode));
        return ok(QStringLiteral("<tds:SetDiscoveryModeResponse/>"));
    }
    if (operation == QStringLiteral("GetDot1XConfigurations")) {
        if (m_camera.dot1x == QStringLiteral("unsupported")) {
            return notSupported(operation);
        }
        const QString configuration =
            m_camera.dot1x == QStringLiteral("on")
                ? QStringLiteral("<tds:Dot1XConfiguration><tt:Dot1XConfigurationToken>dot1x</tt:Dot1XConfigurationToken>"
                                 "<tt:Identity>%1</tt:Identity><tt:EAPMethod>13</tt:EAPMethod>"
                                 "</tds:Dot1XConfiguration>")
                      .arg(e(m_camera.name))
                : QString();
        return ok(QStringLiteral("<tds:GetDot1XConfigurationsResponse>%1</tds:GetDot1XConfigurationsResponse>")
                      .arg(configuration));
    }
    if (operation == QStringLiteral("SystemReboot")) {
        return ok(QStringLiteral("<tds:SystemRebootResponse><tds:Message>A virtual camera does not reboot"
                                 "</tds:Message></tds:SystemRebootResponse>"));
    }
    return notSupported(operation);
}

QString OnvifDevice::sourceConfigurationXml(const QString& element) const {
    return QStringLiteral("<%1 token=\"vsc\"><tt:Name>VideoSource</tt:Name><tt:UseCount>2</tt:UseCount>"
                          "<tt:SourceToken>vs</tt:SourceToken><tt:Bounds x=\"0\" y=\"0\" width=\"%2\" height=\"%3\"/>"
                          "</%1>")
        .arg(element)
        .arg(m_camera.width)
        .arg(m_camera.height);
}

QString OnvifDevice::encoderXml(const QString& token, const QString& element) const {
    const bool h265 = m_camera.codec == QStringLiteral("h265");
    const int fps = std::max(1, static_cast<int>(std::lround(m_camera.fps)));
    return QStringLiteral("<%1 token=\"%2\"><tt:Name>%2</tt:Name><tt:UseCount>1</tt:UseCount>"
                          "<tt:Encoding>%3</tt:Encoding><tt:Resolution><tt:Width>%4</tt:Width><tt:Height>%5"
                          "</tt:Height></tt:Resolution><tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>%6"
                          "</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>4096"
                          "</tt:BitrateLimit></tt:RateControl>%7<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type>"
                          "<tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>1</tt:TTL>"
                          "<tt:AutoStart>false</tt:AutoStart></tt:Multicast><tt:SessionTimeout>PT60S"
                          "</tt:SessionTimeout></%1>")
        .arg(element, QStringLiteral("vec_") + token, h265 ? QStringLiteral("H265") : QStringLiteral("H264"))
        .arg(m_camera.width)
        .arg(m_camera.height)
        .arg(fps)
        .arg(h265 ? QString()
                  : QStringLiteral("<tt:H264><tt:GovLength>%1</tt:GovLength><tt:H264Profile>Main</tt:H264Profile>"
                                   "</tt:H264>")
                        .arg(fps));
}

QString OnvifDevice::ptzConfigurationXml(const QString& element) const {
    return QStringLiteral("<%1 token=\"ptzc\"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>"
                          "<tt:NodeToken>ptznode</tt:NodeToken><tt:DefaultContinuousPanTiltVelocitySpace>%2"
                          "</tt:DefaultContinuousPanTiltVelocitySpace><tt:DefaultContinuousZoomVelocitySpace>%3"
                          "</tt:DefaultContinuousZoomVelocitySpace><tt:DefaultPTZTimeout>PT10S</tt:DefaultPTZTimeout>"
                          "</%1>")
        .arg(element, QLatin1String(kVelocityGeneric), QLatin1String(kZoomVelocityGeneric));
}

QString OnvifDevice::profileXml(const QString& token, const QString& element) const {
    return QStringLiteral("<%1 token=\"%2\" fixed=\"true\"><tt:Name>%2</tt:Name>%3%4%5</%1>")
        .arg(element, token, sourceConfigurationXml(QStringLiteral("tt:VideoSourceConfiguration")),
             encoderXml(token, QStringLiteral("tt:VideoEncoderConfiguration")),
             m_camera.ptz ? ptzConfigurationXml(QStringLiteral("tt:PTZConfiguration")) : QString());
}

OnvifAnswer OnvifDevice::media(const SoapRequest& request) {
    const QString operation = request.operationName();
    const QString profile = request.value({QStringLiteral("ProfileToken")});
    const bool knownProfile = profile == QStringLiteral("main") || profile == QStringLiteral("sub");
    const auto noProfile = [&] {
        return senderFault(QStringLiteral("ter:InvalidArgVal"),
                           QStringLiteral("no profile \"%1\" (there are main and sub)").arg(profile));
    };
    if (operation == QStringLiteral("GetProfiles")) {
        return ok(QStringLiteral("<trt:GetProfilesResponse>%1%2</trt:GetProfilesResponse>")
                      .arg(profileXml(QStringLiteral("main"), QStringLiteral("trt:Profiles")),
                           profileXml(QStringLiteral("sub"), QStringLiteral("trt:Profiles"))));
    }
    if (operation == QStringLiteral("GetProfile")) {
        if (!knownProfile) {
            return noProfile();
        }
        return ok(QStringLiteral("<trt:GetProfileResponse>%1</trt:GetProfileResponse>")
                      .arg(profileXml(profile, QStringLiteral("trt:Profile"))));
    }
    if (operation == QStringLiteral("GetVideoSources")) {
        return ok(QStringLiteral("<trt:GetVideoSourcesResponse><trt:VideoSources token=\"vs\"><tt:Framerate>%1"
                                 "</tt:Framerate><tt:Resolution><tt:Width>%2</tt:Width><tt:Height>%3</tt:Height>"
                                 "</tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>")
                      .arg(number(m_camera.fps))
                      .arg(m_camera.width)
                      .arg(m_camera.height));
    }
    if (operation == QStringLiteral("GetVideoSourceConfigurations")) {
        return ok(QStringLiteral("<trt:GetVideoSourceConfigurationsResponse>%1</trt:GetVideoSourceConfigurationsResponse>")
                      .arg(sourceConfigurationXml(QStringLiteral("trt:Configurations"))));
    }
    if (operation == QStringLiteral("GetVideoEncoderConfigurations")) {
        return ok(QStringLiteral("<trt:GetVideoEncoderConfigurationsResponse>%1%2</trt:GetVideoEncoderConfigurationsResponse>")
                      .arg(encoderXml(QStringLiteral("main"), QStringLiteral("trt:Configurations")),
                           encoderXml(QStringLiteral("sub"), QStringLiteral("trt:Configurations"))));
    }
    if (operation == QStringLiteral("GetVideoEncoderConfiguration")) {
        const QString token = request.value({QStringLiteral("ConfigurationToken")});
        if (token != QStringLiteral("vec_main") && token != QStringLiteral("vec_sub")) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no such configuration"));
        }
        return ok(QStringLiteral("<trt:GetVideoEncoderConfigurationResponse>%1</trt:GetVideoEncoderConfigurationResponse>")
                      .arg(encoderXml(token.mid(4), QStringLiteral("trt:Configuration"))));
    }
    if (operation == QStringLiteral("GetStreamUri")) {
        if (!knownProfile) {
            return noProfile();
        }
        const QUrl uri = profile == QStringLiteral("sub") && !m_camera.subStream.isEmpty() ? m_camera.subStream
                                                                                          : m_camera.mainStream;
        return ok(QStringLiteral("<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>%1</tt:Uri><tt:InvalidAfterConnect>"
                                 "false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
                                 "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>")
                      .arg(e(uri.toString())));
    }
    if (operation == QStringLiteral("GetSnapshotUri")) {
        if (!knownProfile) {
            return noProfile();
        }
        return ok(QStringLiteral("<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>%1</tt:Uri><tt:InvalidAfterConnect>"
                                 "false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
                                 "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetSnapshotUriResponse>")
                      .arg(e(serviceUrl(QStringLiteral("snapshot.jpg")).toString())));
    }
    if (operation == QStringLiteral("GetServiceCapabilities")) {
        return ok(QStringLiteral("<trt:GetServiceCapabilitiesResponse><trt:Capabilities SnapshotUri=\"true\" "
                                 "Rotation=\"false\"><trt:ProfileCapabilities MaximumNumberOfProfiles=\"2\"/>"
                                 "<trt:StreamingCapabilities RTPMulticast=\"false\" RTP_TCP=\"true\" "
                                 "RTP_RTSP_TCP=\"true\"/></trt:Capabilities></trt:GetServiceCapabilitiesResponse>"));
    }
    return notSupported(operation);
}

void OnvifDevice::settlePosition() {
    if (m_moving.isValid()) {
        const double seconds = m_moving.elapsed() / 1000.0;
        m_pan = std::clamp(m_pan + m_panSpeed * seconds, -1.0, 1.0);
        m_tilt = std::clamp(m_tilt + m_tiltSpeed * seconds, -1.0, 1.0);
        m_zoom = std::clamp(m_zoom + m_zoomSpeed * seconds, 0.0, 1.0);
        m_moving.restart();
    }
}

void OnvifDevice::logPtz(const QString& operation, const QString& details) {
    if (m_log) {
        m_log(QStringLiteral("onvif ptz %1 %2 %3").arg(m_camera.name, operation, details).trimmed());
    }
}

OnvifAnswer OnvifDevice::ptz(const SoapRequest& request) {
    const QString operation = request.operationName();
    const XmlElement& body = *request.operation();
    const QString profile = request.value({QStringLiteral("ProfileToken")});
    const bool needsProfile = operation != QStringLiteral("GetNodes") && operation != QStringLiteral("GetNode") &&
                              operation != QStringLiteral("GetConfigurations") &&
                              operation != QStringLiteral("GetConfiguration") &&
                              operation != QStringLiteral("GetServiceCapabilities");
    if (needsProfile && profile != QStringLiteral("main") && profile != QStringLiteral("sub")) {
        logPtz(operation, QStringLiteral("profile=%1 refused=no-such-profile").arg(profile));
        return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no profile \"%1\"").arg(profile));
    }
    const auto attribute = [&](const QStringList& path, const QString& name, double fallback) {
        const XmlElement* element = body.find(path);
        bool isNumber = false;
        const double value = element != nullptr ? element->attribute(name).toDouble(&isNumber) : 0;
        return isNumber && std::isfinite(value) ? value : fallback;
    };
    settlePosition();
    if (operation == QStringLiteral("ContinuousMove")) {
        m_panSpeed = std::clamp(attribute({QStringLiteral("Velocity"), QStringLiteral("PanTilt")}, QStringLiteral("x"), 0), -1.0, 1.0);
        m_tiltSpeed = std::clamp(attribute({QStringLiteral("Velocity"), QStringLiteral("PanTilt")}, QStringLiteral("y"), 0), -1.0, 1.0);
        m_zoomSpeed = std::clamp(attribute({QStringLiteral("Velocity"), QStringLiteral("Zoom")}, QStringLiteral("x"), 0), -1.0, 1.0);
        m_moving.start();
        logPtz(operation, QStringLiteral("profile=%1 pan=%2 tilt=%3 zoom=%4")
                              .arg(profile, number(m_panSpeed), number(m_tiltSpeed), number(m_zoomSpeed)));
        return ok(QStringLiteral("<tptz:ContinuousMoveResponse/>"));
    }
    if (operation == QStringLiteral("Stop")) {
        const bool panTilt = request.value({QStringLiteral("PanTilt")}) != QStringLiteral("false");
        const bool zoom = request.value({QStringLiteral("Zoom")}) != QStringLiteral("false");
        if (panTilt) {
            m_panSpeed = m_tiltSpeed = 0;
        }
        if (zoom) {
            m_zoomSpeed = 0;
        }
        logPtz(operation, QStringLiteral("profile=%1 pantilt=%2 zoom=%3").arg(profile, boolText(panTilt), boolText(zoom)));
        return ok(QStringLiteral("<tptz:StopResponse/>"));
    }
    if (operation == QStringLiteral("AbsoluteMove") || operation == QStringLiteral("RelativeMove")) {
        const bool absolute = operation == QStringLiteral("AbsoluteMove");
        const QString where = absolute ? QStringLiteral("Position") : QStringLiteral("Translation");
        const double pan = attribute({where, QStringLiteral("PanTilt")}, QStringLiteral("x"), absolute ? m_pan : 0);
        const double tilt = attribute({where, QStringLiteral("PanTilt")}, QStringLiteral("y"), absolute ? m_tilt : 0);
        const double zoom = attribute({where, QStringLiteral("Zoom")}, QStringLiteral("x"), absolute ? m_zoom : 0);
        m_pan = std::clamp(absolute ? pan : m_pan + pan, -1.0, 1.0);
        m_tilt = std::clamp(absolute ? tilt : m_tilt + tilt, -1.0, 1.0);
        m_zoom = std::clamp(absolute ? zoom : m_zoom + zoom, 0.0, 1.0);
        logPtz(operation, QStringLiteral("profile=%1 pan=%2 tilt=%3 zoom=%4")
                              .arg(profile, number(pan), number(tilt), number(zoom)));
        return ok(QStringLiteral("<tptz:%1Response/>").arg(operation));
    }
    if (operation == QStringLiteral("GetStatus")) {
        const bool moving = m_panSpeed != 0 || m_tiltSpeed != 0 || m_zoomSpeed != 0;
        return ok(QStringLiteral("<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position><tt:PanTilt x=\"%1\" y=\"%2\" "
                                 "space=\"http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace\"/>"
                                 "<tt:Zoom x=\"%3\" space=\"http://www.onvif.org/ver10/tptz/ZoomSpaces/"
                                 "PositionGenericSpace\"/></tt:Position><tt:MoveStatus><tt:PanTilt>%4</tt:PanTilt>"
                                 "<tt:Zoom>%4</tt:Zoom></tt:MoveStatus><tt:UtcTime>%5</tt:UtcTime></tptz:PTZStatus>"
                                 "</tptz:GetStatusResponse>")
                      .arg(number(m_pan), number(m_tilt), number(m_zoom),
                           moving ? QStringLiteral("MOVING") : QStringLiteral("IDLE"), isoTime(now())));
    }
    if (operation == QStringLiteral("GetPresets")) {
        QString list;
        for (auto it = m_presets.cbegin(); it != m_presets.cend(); ++it) {
            list += QStringLiteral("<tptz:Preset token=\"%1\"><tt:Name>%2</tt:Name><tt:PTZPosition><tt:PanTilt x=\"%3\" "
                                   "y=\"%4\"/><tt:Zoom x=\"%5\"/></tt:PTZPosition></tptz:Preset>")
                        .arg(e(it.key()), e(it->name), number(it->pan), number(it->tilt), number(it->zoom));
        }
        logPtz(operation,
               QStringLiteral("profile=%1 count=%2").arg(profile, QString::number(m_presets.size())));
        return ok(QStringLiteral("<tptz:GetPresetsResponse>%1</tptz:GetPresetsResponse>").arg(list));
    }
    if (operation == QStringLiteral("SetPreset")) {
        QString token = request.value({QStringLiteral("PresetToken")});
        const QString name = request.value({QStringLiteral("PresetName")});
        if (!token.isEmpty() && !m_presets.contains(token)) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no preset \"%1\"").arg(token));
        }
        if (token.isEmpty()) {
            token = QString::number(m_nextPreset++);
        }
        m_presets[token] = Preset{name.isEmpty() ? token : name, m_pan, m_tilt, m_zoom};
        logPtz(operation, QStringLiteral("profile=%1 name=%2 token=%3").arg(profile, name, token));
        return ok(QStringLiteral("<tptz:SetPresetResponse><tptz:PresetToken>%1</tptz:PresetToken>"
                                 "</tptz:SetPresetResponse>")
                      .arg(e(token)));
    }
    if (operation == QStringLiteral("GotoPreset") || operation == QStringLiteral("RemovePreset")) {
        const QString token = request.value({QStringLiteral("PresetToken")});
        const auto preset = m_presets.find(token);
        if (preset == m_presets.end()) {
            logPtz(operation, QStringLiteral("profile=%1 token=%2 refused=no-such-preset").arg(profile, token));
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("no preset \"%1\"").arg(token));
        }
        if (operation == QStringLiteral("GotoPreset")) {
            m_pan = preset->pan;
            m_tilt = preset->tilt;
            m_zoom = preset->zoom;
            m_panSpeed = m_tiltSpeed = m_zoomSpeed = 0;
        } else {
            m_presets.erase(preset);
        }
        logPtz(operation, QStringLiteral("profile=%1 token=%2").arg(profile, token));
        return ok(QStringLiteral("<tptz:%1Response/>").arg(operation));
    }
    const QString node = QStringLiteral(
        "<tptz:PTZNode token=\"ptznode\" FixedHomePosition=\"false\"><tt:Name>PTZ</tt:Name><tt:SupportedPTZSpaces>"
        "<tt:ContinuousPanTiltVelocitySpace><tt:URI>%1</tt:URI><tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max>"
        "</tt:XRange><tt:YRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></tt:YRange></tt:ContinuousPanTiltVelocitySpace>"
        "<tt:ContinuousZoomVelocitySpace><tt:URI>%2</tt:URI><tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max>"
        "</tt:XRange></tt:ContinuousZoomVelocitySpace></tt:SupportedPTZSpaces><tt:MaximumNumberOfPresets>100"
        "</tt:MaximumNumberOfPresets><tt:HomeSupported>false</tt:HomeSupported></tptz:PTZNode>")
                             .arg(QLatin1String(kVelocityGeneric), QLatin1String(kZoomVelocityGeneric));
    if (operation == QStringLiteral("GetNodes")) {
        return ok(QStringLiteral("<tptz:GetNodesResponse>%1</tptz:GetNodesResponse>").arg(node));
    }
    if (operation == QStringLiteral("GetNode")) {
        return ok(QStringLiteral("<tptz:GetNodeResponse>%1</tptz:GetNodeResponse>")
                      .arg(node));
    }
    if (operation == QStringLiteral("GetConfigurations")) {
        return ok(QStringLiteral("<tptz:GetConfigurationsResponse>%1</tptz:GetConfigurationsResponse>")
                      .arg(ptzConfigurationXml(QStringLiteral("tptz:PTZConfiguration"))));
    }
    if (operation == QStringLiteral("GetConfiguration")) {
        return ok(QStringLiteral("<tptz:GetConfigurationResponse>%1</tptz:GetConfigurationResponse>")
                      .arg(ptzConfigurationXml(QStringLiteral("tptz:PTZConfiguration"))));
    }
    if (operation == QStringLiteral("GetServiceCapabilities")) {
        return ok(QStringLiteral("<tptz:GetServiceCapabilitiesResponse><tptz:Capabilities EFlip=\"false\" "
                                 "Reverse=\"false\" GetCompatibleConfigurations=\"false\" MoveStatus=\"true\" "
                                 "StatusPosition=\"true\"/></tptz:GetServiceCapabilitiesResponse>"));
    }
    return notSupported(operation);
}

OnvifAnswer OnvifDevice::events(const SoapRequest& request) {
    const QString operation = request.operationName();
    if (operation == QStringLiteral("CreatePullPointSubscription")) {
        if (m_subscriptions.size() >= kMaxSubscriptions) {
            return OnvifAnswer{500, soapFault(QStringLiteral("s:Receiver"), QStringLiteral("ter:MaxPullPointsReached"),
                                              QStringLiteral("too many pull points"))};
        }
        const QString initial = request.value({QStringLiteral("InitialTerminationTime")});
        int seconds = initial.isEmpty() ? kDefaultTerminationSeconds : secondsUntil(initial, now());
        if (seconds < 0) {
            return senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("unreadable InitialTerminationTime"));
        }
        seconds = std::clamp(seconds, 1, kMaxTerminationSeconds);
        Subscription subscription;
        subscription.id = m_nextSubscription++;
        subscription.termination = now().addSecs(seconds);
        // As cameras do: the current state of each property first.
        subscription.messages.append(motionMessage(QStringLiteral("Initialized")));
        const QString address = serviceUrl(QStringLiteral("pullpoint/%1").arg(subscription.id)).toString();
        const QString answer = QStringLiteral("<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference>"
                                              "<wsa:Address>%1</wsa:Address></tev:SubscriptionReference>"
                                              "<wsnt:CurrentTime>%2</wsnt:CurrentTime><wsnt:TerminationTime>%3"
                                              "</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>")
                                   .arg(e(address), isoTime(now()), isoTime(subscription.termination));
        m_subscriptions.emplace(subscription.id, std::move(subscription));
        return ok(answer);
    }
    if (operation == QStringLiteral("GetServiceCapabilities")) {
        return ok(QStringLiteral("<tev:GetServiceCapabilitiesResponse><tev:Capabilities WSSubscriptionPolicySupport="
                                 "\"false\" WSPullPointSupport=\"true\" WSPausableSubscriptionManagerInterfaceSupport="
                                 "\"false\" MaxNotificationProducers=\"0\" MaxPullPoints=\"%1\"/>"
                                 "</tev:GetServiceCapabilitiesResponse>")
                      .arg(kMaxSubscriptions));
    }
    if (operation == QStringLiteral("GetEventProperties")) {
        return ok(QStringLiteral(
            "<tev:GetEventPropertiesResponse><tev:TopicNamespaceLocation>http://www.onvif.org/onvif/ver10/topics/"
            "topicns.xml</tev:TopicNamespaceLocation><wsnt:FixedTopicSet>true</wsnt:FixedTopicSet>"
            "<wstop:TopicSet xmlns:wstop=\"http://docs.oasis-open.org/wsn/t-1\"><tns1:RuleEngine><CellMotionDetector>"
            "<Motion wstop:topic=\"true\"><tt:MessageDescription IsProperty=\"true\"><tt:Source>"
            "<tt:SimpleItemDescription Name=\"VideoSourceConfigurationToken\" Type=\"tt:ReferenceToken\"/>"
            "<tt:SimpleItemDescription Name=\"VideoAnalyticsConfigurationToken\" Type=\"tt:ReferenceToken\"/>"
            "<tt:SimpleItemDescription Name=\"Rule\" Type=\"xs:string\"/></tt:Source><tt:Data>"
            "<tt:SimpleItemDescription Name=\"IsMotion\" Type=\"xs:boolean\"/></tt:Data></tt:MessageDescription>"
            "</Motion></CellMotionDetector></tns1:RuleEngine></wstop:TopicSet>"
            "<wsnt:TopicExpressionDialect>http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
            "</wsnt:TopicExpressionDialect><tev:MessageContentFilterDialect>http://www.onvif.org/ver10/tev/"
            "messageContentFilter/ItemFilter</tev:MessageContentFilterDialect><tev:MessageContentSchemaLocation>"
            "http://www.onvif.org/onvif/ver10/schema/onvif.xsd</tev:MessageContentSchemaLocation>"
            "</tev:GetEventPropertiesResponse>"));
    }
    return notSupported(operation);
}

QString OnvifDevice::motionMessage(const QString& operation) const {
    return QStringLiteral("<wsnt:NotificationMessage><wsnt:Topic Dialect=\"%1\">%2</wsnt:Topic><wsnt:Message>"
                          "<tt:Message UtcTime=\"%3\" PropertyOperation=\"%4\"><tt:Source><tt:SimpleItem "
                          "Name=\"VideoSourceConfigurationToken\" Value=\"vsc\"/><tt:SimpleItem "
                          "Name=\"VideoAnalyticsConfigurationToken\" Value=\"vac\"/><tt:SimpleItem Name=\"Rule\" "
                          "Value=\"MotionDetectorRule\"/></tt:Source><tt:Data><tt:SimpleItem Name=\"IsMotion\" "
                          "Value=\"%5\"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>")
        .arg(QLatin1String(kConcreteSet), kMotionTopic, now().toString(Qt::ISODateWithMs), operation,
             boolText(m_motion));
}

QString OnvifDevice::pullResponse(Subscription& subscription, int limit) {
    const int count = std::min<int>(limit, static_cast<int>(subscription.messages.size()));
    const QString messages = subscription.messages.mid(0, count).join(QString());
    subscription.messages.remove(0, count);
    return QStringLiteral("<tev:PullMessagesResponse><tev:CurrentTime>%1</tev:CurrentTime><tev:TerminationTime>%2"
                          "</tev:TerminationTime>%3</tev:PullMessagesResponse>")
        .arg(isoTime(now()), isoTime(subscription.termination), messages);
}

void OnvifDevice::pullPoint(int id, const SoapRequest& request, Done done) {
    const auto found = m_subscriptions.find(id);
    if (found == m_subscriptions.end()) {
        done(senderFault(QStringLiteral("ter:InvalidArgVal"),
                         QStringLiteral("no pull point %1 (it ended or expired)").arg(id)));
        return;
    }
    Subscription& subscription = found->second;
    const QString operation = request.operationName();
    if (operation == QStringLiteral("PullMessages")) {
        bool isNumber = false;
        int limit = request.value({QStringLiteral("MessageLimit")}).toInt(&isNumber);
        limit = isNumber && limit > 0 ? limit : 1;
        int seconds = secondsUntil(request.value({QStringLiteral("Timeout")}), now());
        seconds = std::clamp(seconds < 0 ? 10 : seconds, 0, kMaxPullSeconds);
        if (subscription.waiter) {
            // A second pull replaces the first, which gets what there is (nothing).
            subscription.waiter->done(ok(pullResponse(subscription, 0)));
            subscription.waiter.reset();
        }
        if (!subscription.messages.isEmpty() || seconds == 0) {
            done(ok(pullResponse(subscription, limit)));
            return;
        }
        auto waiter = std::make_unique<Waiter>();
        waiter->done = std::move(done);
        waiter->limit = limit;
        waiter->timer = std::make_unique<QTimer>();
        waiter->timer->setSingleShot(true);
        connect(waiter->timer.get(), &QTimer::timeout, this, [this, id] {
            const auto pending = m_subscriptions.find(id);
            if (pending != m_subscriptions.end() && pending->second.waiter) {
                std::unique_ptr<Waiter> expired = std::move(pending->second.waiter);
                expired->done(ok(pullResponse(pending->second, expired->limit)));
            }
        });
        waiter->timer->start(seconds * 1000);
        subscription.waiter = std::move(waiter);
        return;
    }
    if (operation == QStringLiteral("Renew")) {
        int seconds = secondsUntil(request.value({QStringLiteral("TerminationTime")}), now());
        if (seconds < 0) {
            done(senderFault(QStringLiteral("ter:InvalidArgVal"), QStringLiteral("unreadable TerminationTime")));
            return;
        }
        subscription.termination = now().addSecs(std::clamp(seconds, 1, kMaxTerminationSeconds));
        done(ok(QStringLiteral("<wsnt:RenewResponse><wsnt:TerminationTime>%1</wsnt:TerminationTime><wsnt:CurrentTime>"
                               "%2</wsnt:CurrentTime></wsnt:RenewResponse>")
                    .arg(isoTime(subscription.termination), isoTime(now()))));
        return;
    }
    if (operation == QStringLiteral("Unsubscribe")) {
        if (subscription.waiter) {
            subscription.waiter->done(ok(pullResponse(subscription, 0)));
        }
        m_subscriptions.erase(found);
        done(ok(QStringLiteral("<wsnt:UnsubscribeResponse/>")));
        return;
    }
    if (operation == QStringLiteral("SetSynchronizationPoint")) {
        subscription.messages.append(motionMessage(QStringLiteral("Initialized")));
        done(ok(QStringLiteral("<tev:SetSynchronizationPointResponse/>")));
        return;
    }
    done(notSupported(operation));
}

void OnvifDevice::motion(bool active) {
    m_motion = active;
    const QString message = motionMessage(QStringLiteral("Changed"));
    for (auto& [id, subscription] : m_subscriptions) {
        if (subscription.messages.size() >= kMaxQueuedMessages) {
            subscription.messages.removeFirst();
        }
        subscription.messages.append(message);
        if (subscription.waiter) {
            std::unique_ptr<Waiter> waiter = std::move(subscription.waiter);
            waiter->done(ok(pullResponse(subscription, waiter->limit)));
        }
    }
}

void OnvifDevice::expireSubscriptions() {
    const QDateTime current = now();
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end();) {
        if (it->second.termination < current) {
            if (it->second.waiter) {
                it->second.waiter->done(senderFault(QStringLiteral("ter:InvalidArgVal"),
                                                    QStringLiteral("the pull point expired")));
            }
            it = m_subscriptions.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace vigil::testcamera
