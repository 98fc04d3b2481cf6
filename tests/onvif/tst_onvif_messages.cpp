// The ONVIF driver's messages without a network: WS-Security digest against the ONVIF Application
// Programmer's Guide example, envelopes, the bounded XML reader, SOAP faults into device_* errors,
// and the parsers of each service on answers written the way real devices write them (other
// prefixes, optional parts missing, SOAP 1.1 faults). Issue 4 (ONVIF driver); SEC-1.2 (users).

#include <QTest>
#include <QTimeZone>

#include "devices/device_driver.h"
#include "onvif/device_service.h"
#include "onvif/event_service.h"
#include "onvif/media_service.h"
#include "onvif/ptz_service.h"
#include "onvif/soap_message.h"
#include "onvif/ws_discovery.h"
#include "onvif/ws_security.h"
#include "onvif/xml_element.h"

using namespace vigil::plugins::onvif;
namespace devices = vigil::core::devices;

namespace {

QByteArray envelope(const QByteArray& body, const QByteArray& prefix = "env") {
    return "<?xml version=\"1.0\"?><" + prefix + ":Envelope xmlns:" + prefix +
           "=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
           "xmlns:ter=\"http://www.onvif.org/ver10/error\"><" +
           prefix + ":Body>" + body + "</" + prefix + ":Body></" + prefix + ":Envelope>";
}

XmlElement answer(const QByteArray& body) {
    auto parsed = SoapMessage::parseResponse(envelope(body), QStringLiteral("Test"));
    if (!parsed) {
        qWarning().noquote() << parsed.error().message;
        return {};
    }
    return *parsed;
}

QByteArray fault(const QByteArray& subcode, const QByteArray& reason) {
    return envelope("<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>" + subcode +
                    "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">" + reason +
                    "</env:Text></env:Reason></env:Fault>");
}

}  // namespace

class TestOnvifMessages : public QObject {
    Q_OBJECT

private slots:
    void usernameTokenMatchesTheProgrammersGuide() {
        // ONVIF Application Programmer's Guide, 6.1.1.3: the example token.
        const QByteArray nonce = QByteArray::fromBase64("LKqI6G/AikKCQrN0zqZFlg==");
        const UsernameToken token = UsernameToken::make(QStringLiteral("user"), QStringLiteral("userpassword"),
                                                        QStringLiteral("2010-09-16T07:50:45Z"), nonce);
        QCOMPARE(token.digest, QStringLiteral("tuOSpGlFlIXsozq4HFNeeGeFLEI="));
    }

    void usernameTokenUsesTheDeviceClockAndFreshNonces() {
        const QDateTime deviceTime(QDate(2031, 2, 3), QTime(4, 5, 6, 789), QTimeZone::utc());
        const UsernameToken a = UsernameToken::make(QStringLiteral("u"), QStringLiteral("p"), deviceTime);
        const UsernameToken b = UsernameToken::make(QStringLiteral("u"), QStringLiteral("p"), deviceTime);
        QCOMPARE(a.created, QStringLiteral("2031-02-03T04:05:06Z"));
        QCOMPARE(a.nonce.size(), 16);
        QVERIFY(a.nonce != b.nonce);
        QCOMPARE(a.digest, UsernameToken::digestOf(a.nonce, a.created, QStringLiteral("p")));
    }

    void envelopeCarriesAnEscapedSecurityHeader() {
        const UsernameToken token = UsernameToken::make(QStringLiteral("a<b&\"c"), QStringLiteral("pw"),
                                                        QStringLiteral("2020-01-01T00:00:00Z"), "0123456789abcdef");
        const QByteArray message =
            SoapMessage::envelope(token.toHeaderXml(QStringLiteral("s")), device::getDeviceInformation());
        auto parsed = XmlElement::parse(message);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->namespaceUri(), QLatin1String(ns::kSoap));
        const XmlElement* security = parsed->find({QStringLiteral("Header"), QStringLiteral("Security")});
        QVERIFY(security != nullptr);
        QCOMPARE(security->namespaceUri(), QLatin1String(ns::kWsse));
        QCOMPARE(security->attribute(QStringLiteral("mustUnderstand")), QStringLiteral("1"));
        QCOMPARE(security->textAt({QStringLiteral("UsernameToken"), QStringLiteral("Username")}),
                 QStringLiteral("a<b&\"c"));
        QCOMPARE(security->textAt({QStringLiteral("UsernameToken"), QStringLiteral("Nonce")}),
                 QString::fromLatin1(QByteArray("0123456789abcdef").toBase64()));
        const XmlElement* body = parsed->find({QStringLiteral("Body"), QStringLiteral("GetDeviceInformation")});
        QVERIFY(body != nullptr);
        QCOMPARE(body->namespaceUri(), QLatin1String(ns::kDevice));
    }

    void xmlReaderRefusesDtdsAndDepthAndTrailingContent() {
        const QByteArray laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
            "<l>&b;&b;&b;</l>";
        auto dtd = XmlElement::parse(laughs);
        QVERIFY(!dtd.ok());
        QCOMPARE(dtd.error().code, QStringLiteral("xml_malformed"));
        QVERIFY2(dtd.error().message.contains(QStringLiteral("document type")), qPrintable(dtd.error().message));

        QByteArray deep;
        for (int i = 0; i < XmlElement::kMaxDepth + 1; ++i) {
            deep += "<a>";
        }
        for (int i = 0; i < XmlElement::kMaxDepth + 1; ++i) {
            deep += "</a>";
        }
        auto tooDeep = XmlElement::parse(deep);
        QVERIFY(!tooDeep.ok());
        QVERIFY(tooDeep.error().message.contains(QStringLiteral("deeper")));

        QVERIFY(!XmlElement::parse("<a/><b/>").ok());
        QVERIFY(!XmlElement::parse("<a>").ok());
        QVERIFY(!XmlElement::parse("").ok());
        QVERIFY(!XmlElement::parse("not xml").ok());
        QVERIFY(!XmlElement::parse("<a>&undeclared;</a>").ok());
    }

    void xmlReaderKeepsTextAttributesAndNamespaces() {
        auto parsed = XmlElement::parse("<x:a xmlns:x=\"urn:x\" k=\"v\"> one <x:b>two</x:b><c>three</c></x:a>");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->name(), QStringLiteral("a"));
        QCOMPARE(parsed->namespaceUri(), QStringLiteral("urn:x"));
        QCOMPARE(parsed->attribute(QStringLiteral("k")), QStringLiteral("v"));
        QCOMPARE(parsed->text(), QStringLiteral("one"));
        QCOMPARE(parsed->textAt({QStringLiteral("b")}), QStringLiteral("two"));
        QCOMPARE(parsed->descendant(QStringLiteral("c"))->text(), QStringLiteral("three"));
        QVERIFY(parsed->find({QStringLiteral("b"), QStringLiteral("zz")}) == nullptr);
        // Written back (for reference parameters) and read again: the same element.
        auto again = XmlElement::parse(parsed->child(QStringLiteral("b"))->toXml());
        QVERIFY(again.ok());
        QCOMPARE(again->namespaceUri(), QStringLiteral("urn:x"));
        QCOMPARE(again->text(), QStringLiteral("two"));
    }

    void faultsBecomeDeviceErrors_data() {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("not authorized") << fault("ter:NotAuthorized", "Sender not Authorized")
                                        << QString::fromLatin1(devices::kErrorUnauthorised)
                                        << QStringLiteral("Sender not Authorized");
        QTest::newRow("wsse failed authentication")
            << fault("wsse:FailedAuthentication", "The security token could not be authenticated")
            << QString::fromLatin1(devices::kErrorUnauthorised) << QStringLiteral("could not be authenticated");
        QTest::newRow("action not supported") << fault("ter:ActionNotSupported", "Optional Action Not Implemented")
                                              << QString::fromLatin1(devices::kErrorNotSupported)
                                              << QStringLiteral("Optional Action Not Implemented");
        QTest::newRow("invalid argument") << fault("ter:InvalidArgVal", "No such preset")
                                          << QString::fromLatin1(devices::kErrorBadAnswer)
                                          << QStringLiteral("No such preset");
        QTest::newRow("soap 1.1 fault")
            << QByteArray("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                          "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode>"
                          "<faultstring>Unauthorized</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body>"
                          "</SOAP-ENV:Envelope>")
            << QString::fromLatin1(devices::kErrorUnauthorised) << QStringLiteral("Unauthorized");
        QTest::newRow("html page") << QByteArray("<html><body>Login</body></html>")
                                   << QString::fromLatin1(devices::kErrorBadAnswer) << QStringLiteral("<html>");
        QTest::newRow("not xml") << QByteArray("HTTP/1.1 200 OK garbage")
                                 << QString::fromLatin1(devices::kErrorBadAnswer) << QStringLiteral("not valid XML");
        QTest::newRow("empty body") << envelope("") << QString::fromLatin1(devices::kErrorBadAnswer)
                                    << QStringLiteral("empty SOAP body");
    }

    void faultsBecomeDeviceErrors() {
        QFETCH(QByteArray, answer);
        QFETCH(QString, code);
        QFETCH(QString, quoted);
        auto parsed = SoapMessage::parseResponse(answer, QStringLiteral("GetProfiles"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QVERIFY2(parsed.error().message.contains(quoted), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("GetProfiles")) ||
                     code == QLatin1String(devices::kErrorUnauthorised) || quoted == QStringLiteral("<html>"),
                 qPrintable(parsed.error().message));
    }

    void unexpectedElementIsABadAnswer() {
        auto parsed = SoapMessage::parseResponse(envelope("<tds:Other xmlns:tds=\"urn:d\"/>"),
                                                 QStringLiteral("GetUsers"), QStringLiteral("GetUsersResponse"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QString::fromLatin1(devices::kErrorBadAnswer));
        QVERIFY(parsed.error().message.contains(QStringLiteral("<Other>")));
    }

    void deviceServiceAnswers() {
        auto time = device::parseSystemDateAndTime(answer(
            "<tds:GetSystemDateAndTimeResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
            "<tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false"
            "</tt:DaylightSavings><tt:TimeZone><tt:TZ>CET-1</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time>"
            "<tt:Hour>23</tt:Hour><tt:Minute>59</tt:Minute><tt:Second>58</tt:Second></tt:Time><tt:Date>"
            "<tt:Year>2030</tt:Year><tt:Month>12</tt:Month><tt:Day>31</tt:Day></tt:Date></tt:UTCDateTime>"
            "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"));
        QVERIFY(time.ok());
        QVERIFY(time->ntp);
        QCOMPARE(time->utc, QDateTime(QDate(2030, 12, 31), QTime(23, 59, 58), QTimeZone::utc()));

        auto badTime = device::parseSystemDateAndTime(answer(
            "<r:GetSystemDateAndTimeResponse xmlns:r=\"urn:r\"><r:SystemDateAndTime><tt:UTCDateTime><tt:Time>"
            "<tt:Hour>25</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time><tt:Date>"
            "<tt:Year>2030</tt:Year><tt:Month>13</tt:Month><tt:Day>1</tt:Day></tt:Date></tt:UTCDateTime>"
            "</r:SystemDateAndTime></r:GetSystemDateAndTimeResponse>"));
        QVERIFY(badTime.ok());
        QVERIFY(!badTime->utc.isValid());

        auto info = device::parseDeviceInformation(
            answer("<d:GetDeviceInformationResponse xmlns:d=\"urn:d\"><d:Manufacturer>Acme</d:Manufacturer>"
                   "<d:Model>Eye 2</d:Model><d:FirmwareVersion>V5.5.0 build 1</d:FirmwareVersion>"
                   "<d:SerialNumber>SN1</d:SerialNumber><d:HardwareId>HW9</d:HardwareId>"
                   "</d:GetDeviceInformationResponse>"));
        QVERIFY(info.ok());
        QCOMPARE(info->manufacturer, QStringLiteral("Acme"));
        QCOMPARE(info->firmware, QStringLiteral("V5.5.0 build 1"));
        QCOMPARE(info->hardwareId, QStringLiteral("HW9"));
        QVERIFY(!device::parseDeviceInformation(answer("<d:GetDeviceInformationResponse xmlns:d=\"urn:d\"/>")).ok());

        auto services = device::parseServices(answer(
            "<tds:GetServicesResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
            "<tds:Service><tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>"
            "<tds:XAddr>http://10.0.0.5/onvif/Media</tds:XAddr></tds:Service>"
            "<tds:Service><tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl</tds:Namespace>"
            "<tds:XAddr>http://10.0.0.5/onvif/PTZ</tds:XAddr></tds:Service>"
            "<tds:Service><tds:Namespace>http://www.onvif.org/ver10/events/wsdl</tds:Namespace>"
            "<tds:XAddr>javascript:alert(1)</tds:XAddr></tds:Service>"
            "<tds:Service><tds:Namespace>http://www.axis.com/vapix/ws/action1</tds:Namespace>"
            "<tds:XAddr>http://10.0.0.5/vapix/services</tds:XAddr></tds:Service>"
            "<tds:Service><tds:Namespace>http://www.onvif.org/ver10/search/wsdl</tds:Namespace>"
            "<tds:XAddr>http://10.0.0.5/onvif/Search</tds:XAddr></tds:Service>"
            "</tds:GetServicesResponse>"));
        QVERIFY(services.ok());
        QCOMPARE(services->media, QUrl(QStringLiteral("http://10.0.0.5/onvif/Media")));
        QCOMPARE(services->ptz, QUrl(QStringLiteral("http://10.0.0.5/onvif/PTZ")));
        QVERIFY2(services->events.isEmpty(), "only http(s) service addresses are taken");
        // Profile G (SEC-2.8): a search service without a recording one still means storage of its own.
        QCOMPARE(services->search, QUrl(QStringLiteral("http://10.0.0.5/onvif/Search")));
        QVERIFY(services->recording.isEmpty());

        auto capabilities = device::parseCapabilities(
            answer("<tds:GetCapabilitiesResponse xmlns:tds=\"urn:d\"><tds:Capabilities>"
                   "<tt:Device><tt:XAddr>http://h/onvif/device_service</tt:XAddr></tt:Device>"
                   "<tt:Events><tt:XAddr>http://h/onvif/Events</tt:XAddr></tt:Events>"
                   "<tt:Media><tt:XAddr>https://h:8443/onvif/Media</tt:XAddr></tt:Media>"
                   "<tt:Extension><tt:Recording><tt:XAddr>http://h/onvif/Recording</tt:XAddr></tt:Recording>"
                   "</tt:Extension></tds:Capabilities></tds:GetCapabilitiesResponse>"));
        QVERIFY(capabilities.ok());
        QCOMPARE(capabilities->media, QUrl(QStringLiteral("https://h:8443/onvif/Media")));
        QCOMPARE(capabilities->events, QUrl(QStringLiteral("http://h/onvif/Events")));
        QVERIFY(capabilities->ptz.isEmpty());
        QCOMPARE(capabilities->recording, QUrl(QStringLiteral("http://h/onvif/Recording")));
        QVERIFY(capabilities->search.isEmpty());
        QVERIFY(!device::parseCapabilities(answer("<tds:GetCapabilitiesResponse xmlns:tds=\"urn:d\"/>")).ok());

        auto users = device::parseUsers(answer(
            "<tds:GetUsersResponse xmlns:tds=\"urn:d\"><tds:User><tt:Username>admin</tt:Username>"
            "<tt:UserLevel>Administrator</tt:UserLevel></tds:User><tds:User><tt:Username>view</tt:Username>"
            "<tt:UserLevel>User</tt:UserLevel></tds:User></tds:GetUsersResponse>"));
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(1).name, QStringLiteral("view"));
        QCOMPARE(users->at(1).level, QStringLiteral("User"));

        auto ntp = device::parseNtp(answer(
            "<tds:GetNTPResponse xmlns:tds=\"urn:d\"><tds:NTPInformation><tt:FromDHCP>false</tt:FromDHCP>"
            "<tt:NTPManual><tt:Type>DNS</tt:Type><tt:DNSname>pool.ntp.org</tt:DNSname></tt:NTPManual>"
            "<tt:NTPManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>192.0.2.1</tt:IPv4Address></tt:NTPManual>"
            "</tds:NTPInformation></tds:GetNTPResponse>"));
        QVERIFY(ntp.ok());
        QCOMPARE(ntp->servers, (QStringList{QStringLiteral("pool.ntp.org"), QStringLiteral("192.0.2.1")}));
    }

    void setNtpTypesEachServer() {
        auto body = XmlElement::parse(
            device::setNtp({QStringLiteral("192.0.2.7"), QStringLiteral("2001:db8::1"), QStringLiteral("ntp.example")})
                .toUtf8());
        QVERIFY(body.ok());
        const auto manual = body->childrenNamed(QStringLiteral("NTPManual"));
        QCOMPARE(manual.size(), 3);
        QCOMPARE(manual.at(0)->textAt({QStringLiteral("Type")}), QStringLiteral("IPv4"));
        QCOMPARE(manual.at(0)->textAt({QStringLiteral("IPv4Address")}), QStringLiteral("192.0.2.7"));
        QCOMPARE(manual.at(1)->textAt({QStringLiteral("Type")}), QStringLiteral("IPv6"));
        QCOMPARE(manual.at(2)->textAt({QStringLiteral("DNSname")}), QStringLiteral("ntp.example"));
        QCOMPARE(body->textAt({QStringLiteral("FromDHCP")}), QStringLiteral("false"));
    }

    // Issue 8: the device security reads and writes.
    void securityAnswersAndRequests() {
        QCOMPARE(device::parseDiscoveryMode(answer(
                     "<tds:GetDiscoveryModeResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><tds:DiscoveryMode>"
                     "NonDiscoverable</tds:DiscoveryMode></tds:GetDiscoveryModeResponse>"))
                     .value(),
                 false);
        auto odd = device::parseDiscoveryMode(answer("<GetDiscoveryModeResponse><DiscoveryMode>Maybe</DiscoveryMode>"
                                                     "</GetDiscoveryModeResponse>"));
        QCOMPARE(odd.error().code, QString::fromLatin1(devices::kErrorBadAnswer));

        auto protocols = device::parseNetworkProtocols(answer(
            "<GetNetworkProtocolsResponse><NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled>"
            "<tt:Port>80</tt:Port><tt:Port>8080</tt:Port></NetworkProtocols><NetworkProtocols><tt:Name>HTTPS</tt:Name>"
            "<tt:Enabled>false</tt:Enabled></NetworkProtocols></GetNetworkProtocolsResponse>"));
        QVERIFY(protocols.ok());
        QCOMPARE(protocols->size(), 2);
        QCOMPARE(protocols->at(0).ports, (QList<int>{80, 8080}));
        QVERIFY(protocols->at(0).enabled);
        QVERIFY(!protocols->at(1).enabled);
        auto badPort = device::parseNetworkProtocols(answer(
            "<GetNetworkProtocolsResponse><NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled>"
            "<tt:Port>70000</tt:Port></NetworkProtocols></GetNetworkProtocolsResponse>"));
        QCOMPARE(badPort.error().code, QString::fromLatin1(devices::kErrorBadAnswer));

        auto set = XmlElement::parse(device::setNetworkProtocols({{QStringLiteral("HTTP"), false, {80}}}).toUtf8());
        QVERIFY(set.ok());
        QCOMPARE(set->textAt({QStringLiteral("NetworkProtocols"), QStringLiteral("Enabled")}), QStringLiteral("false"));
        QCOMPARE(set->textAt({QStringLiteral("NetworkProtocols"), QStringLiteral("Port")}), QStringLiteral("80"));

        QCOMPARE(device::parseDot1XConfigurations(answer("<GetDot1XConfigurationsResponse/>")).value(), 0);
        QCOMPARE(device::parseDot1XConfigurations(
                     answer("<GetDot1XConfigurationsResponse><Dot1XConfiguration/><Dot1XConfiguration/>"
                            "</GetDot1XConfigurationsResponse>"))
                     .value(),
                 2);

        auto deleted = XmlElement::parse(device::deleteUsers({QStringLiteral("a<b")}).toUtf8());
        QVERIFY(deleted.ok());
        QCOMPARE(deleted->textAt({QStringLiteral("Username")}), QStringLiteral("a<b"));
    }

    void profilesBecomeChannels() {
        // Two sources: three profiles on the first (listed small to large), one on the second, one
        // audio-only profile that gives no channel stream.
        auto profiles = media::parseProfiles(answer(
            "<trt:GetProfilesResponse xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\">"
            "<trt:Profiles token=\"p-small\" fixed=\"true\"><tt:Name>third</tt:Name>"
            "<tt:VideoSourceConfiguration token=\"vsc1\"><tt:SourceToken>vs1</tt:SourceToken>"
            "</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration><tt:Encoding>JPEG</tt:Encoding>"
            "<tt:Resolution><tt:Width>320</tt:Width><tt:Height>240</tt:Height></tt:Resolution>"
            "</tt:VideoEncoderConfiguration></trt:Profiles>"
            "<trt:Profiles token=\"p-sub\"><tt:Name>sub</tt:Name>"
            "<tt:VideoSourceConfiguration token=\"vsc1\"><tt:SourceToken>vs1</tt:SourceToken>"
            "</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration><tt:Encoding>H264</tt:Encoding>"
            "<tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution>"
            "</tt:VideoEncoderConfiguration><tt:PTZConfiguration token=\"ptz\"/></trt:Profiles>"
            "<trt:Profiles token=\"p-main\"><tt:Name>main</tt:Name>"
            "<tt:VideoSourceConfiguration token=\"vsc1\"><tt:SourceToken>vs1</tt:SourceToken>"
            "</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration><tt:Encoding>H265</tt:Encoding>"
            "<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution>"
            "</tt:VideoEncoderConfiguration><tt:AudioEncoderConfiguration token=\"a\"/>"
            "<tt:PTZConfiguration token=\"ptz\"/></trt:Profiles>"
            "<trt:Profiles token=\"p-audio\"><tt:Name>audio</tt:Name><tt:AudioEncoderConfiguration token=\"a\"/>"
            "</trt:Profiles>"
            "<trt:Profiles token=\"p2\"><tt:Name>second camera</tt:Name>"
            "<tt:VideoSourceConfiguration token=\"vsc2\"><tt:SourceToken>vs2</tt:SourceToken>"
            "</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration><tt:Encoding>H264</tt:Encoding>"
            "<tt:Resolution><tt:Width>1280</tt:Width><tt:Height>720</tt:Height></tt:Resolution>"
            "</tt:VideoEncoderConfiguration></trt:Profiles>"
            "</trt:GetProfilesResponse>"));
        QVERIFY(profiles.ok());
        QCOMPARE(profiles->size(), 5);
        QCOMPARE(profiles->at(2).encoding, QStringLiteral("H265"));
        QCOMPARE(profiles->at(2).videoSourceConfigurationToken, QStringLiteral("vsc1"));
        QVERIFY(profiles->at(2).audio);

        auto sources = media::parseVideoSources(answer(
            "<trt:GetVideoSourcesResponse xmlns:trt=\"urn:m\"><trt:VideoSources token=\"vs2\"><tt:Framerate>25"
            "</tt:Framerate><tt:Resolution><tt:Width>1280</tt:Width><tt:Height>720</tt:Height></tt:Resolution>"
            "</trt:VideoSources><trt:VideoSources token=\"vs1\"/></trt:GetVideoSourcesResponse>"));
        QVERIFY(sources.ok());
        const QList<devices::ChannelDescription> channels = media::channelsFrom(*profiles, *sources);
        QCOMPARE(channels.size(), 2);
        QCOMPARE(channels.at(0).token, QStringLiteral("vs2"));  // the sources' order
        QCOMPARE(channels.at(0).mainProfileToken, QStringLiteral("p2"));
        QVERIFY(channels.at(0).subProfileToken.isEmpty());
        QVERIFY(!channels.at(0).ptz);
        QCOMPARE(channels.at(1).token, QStringLiteral("vs1"));
        QCOMPARE(channels.at(1).mainProfileToken, QStringLiteral("p-main"));
        QCOMPARE(channels.at(1).subProfileToken, QStringLiteral("p-sub"));
        QVERIFY(channels.at(1).ptz);
        QVERIFY(channels.at(1).audio);

        // Without GetVideoSources the profiles alone still give the channels.
        QCOMPARE(media::channelsFrom(*profiles, {}).size(), 2);
        QVERIFY(!media::parseProfiles(answer("<m:GetProfilesResponse xmlns:m=\"urn:m\"><m:Profiles/>"
                                             "</m:GetProfilesResponse>"))
                     .ok());
    }

    void mediaUrisDropCredentialsAndWrongSchemes() {
        const QStringList rtsp = {QStringLiteral("rtsp"), QStringLiteral("rtsps")};
        auto uri = media::parseMediaUri(
            answer("<trt:GetStreamUriResponse xmlns:trt=\"urn:m\"><trt:MediaUri><tt:Uri>"
                   "rtsp://admin:secret@192.0.2.5:554/Streaming/Channels/101?transportmode=unicast&amp;profile=1"
                   "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect></trt:MediaUri>"
                   "</trt:GetStreamUriResponse>"),
            QStringLiteral("GetStreamUri"), rtsp);
        QVERIFY(uri.ok());
        QCOMPARE(uri->toString(), QStringLiteral("rtsp://192.0.2.5:554/Streaming/Channels/101?transportmode=unicast&"
                                                 "profile=1"));
        auto http = media::parseMediaUri(answer("<trt:GetStreamUriResponse xmlns:trt=\"urn:m\"><trt:MediaUri><tt:Uri>"
                                                "http://192.0.2.5/video</tt:Uri></trt:MediaUri>"
                                                "</trt:GetStreamUriResponse>"),
                                         QStringLiteral("GetStreamUri"), rtsp);
        QVERIFY(!http.ok());
        QCOMPARE(http.error().code, QString::fromLatin1(devices::kErrorBadAnswer));
    }

    void ptzRequestsAndPresets() {
        auto move = XmlElement::parse(ptz::continuousMove(QStringLiteral("p&1"), 0.5, -7.0, qQNaN()).toUtf8());
        QVERIFY(move.ok());
        QCOMPARE(move->namespaceUri(), QLatin1String(ns::kPtz));
        QCOMPARE(move->textAt({QStringLiteral("ProfileToken")}), QStringLiteral("p&1"));
        const XmlElement* panTilt = move->find({QStringLiteral("Velocity"), QStringLiteral("PanTilt")});
        QVERIFY(panTilt != nullptr);
        QCOMPARE(panTilt->attribute(QStringLiteral("x")), QStringLiteral("0.5"));
        QCOMPARE(panTilt->attribute(QStringLiteral("y")), QStringLiteral("-1"));  // clamped
        QCOMPARE(move->find({QStringLiteral("Velocity"), QStringLiteral("Zoom")})->attribute(QStringLiteral("x")),
                 QStringLiteral("0"));

        auto presets = ptz::parsePresets(answer(
            "<tptz:GetPresetsResponse xmlns:tptz=\"urn:p\"><tptz:Preset token=\"1\"><tt:Name>Door</tt:Name>"
            "</tptz:Preset><tptz:Preset token=\"2\"/></tptz:GetPresetsResponse>"));
        QVERIFY(presets.ok());
        QCOMPARE(presets->size(), 2);
        QCOMPARE(presets->at(0).name, QStringLiteral("Door"));
        QCOMPARE(presets->at(1).token, QStringLiteral("2"));
        auto set = ptz::parseSetPreset(answer("<tptz:SetPresetResponse xmlns:tptz=\"urn:p\"><tptz:PresetToken>7"
                                              "</tptz:PresetToken></tptz:SetPresetResponse>"));
        QVERIFY(set.ok());
        QCOMPARE(*set, QStringLiteral("7"));
        QVERIFY(!ptz::parseSetPreset(answer("<tptz:SetPresetResponse xmlns:tptz=\"urn:p\"/>")).ok());
    }

    void eventTopicsMapToOurs_data() {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("expected");
        QTest::newRow("motion alarm") << QStringLiteral("tns1:VideoSource/MotionAlarm") << QStringLiteral("motion");
        QTest::newRow("cell motion") << QStringLiteral("tns1:RuleEngine/CellMotionDetector/Motion")
                                     << QStringLiteral("motion");
        QTest::newRow("vendor prefixes") << QStringLiteral(" tns1:RuleEngine/tnsaxis:VMD3/Motion ")
                                         << QStringLiteral("motion");
        QTest::newRow("region motion") << QStringLiteral("tns1:RuleEngine/MotionRegionDetector/Motion")
                                       << QStringLiteral("motion");
        QTest::newRow("tamper") << QStringLiteral("tns1:RuleEngine/TamperDetector/Tamper") << QStringLiteral("tamper");
        QTest::newRow("scene change") << QStringLiteral("tns1:VideoSource/GlobalSceneChange/ImagingService")
                                      << QStringLiteral("tamper");
        QTest::newRow("other") << QStringLiteral("tns1:Device/Trigger/DigitalInput")
                               << QStringLiteral("Device/Trigger/DigitalInput");
    }

    void eventTopicsMapToOurs() {
        QFETCH(QString, topic);
        QFETCH(QString, expected);
        QCOMPARE(events::topicName(topic), expected);
    }

    void pullMessagesGiveChannelAndState() {
        auto pulled = events::parsePullMessages(
            answer("<tev:PullMessagesResponse xmlns:tev=\"urn:e\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\">"
                   "<tev:CurrentTime>2030-01-01T10:00:00Z</tev:CurrentTime>"
                   "<tev:TerminationTime>2030-01-01T10:01:00Z</tev:TerminationTime>"
                   "<wsnt:NotificationMessage><wsnt:Topic Dialect=\"x\">tns1:RuleEngine/CellMotionDetector/Motion"
                   "</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\"2030-01-01T09:59:59.500Z\" "
                   "PropertyOperation=\"Changed\"><tt:Source><tt:SimpleItem Name=\"VideoSourceConfigurationToken\" "
                   "Value=\"vsc1\"/><tt:SimpleItem Name=\"Rule\" Value=\"MyMotion\"/></tt:Source><tt:Data>"
                   "<tt:SimpleItem Name=\"IsMotion\" Value=\"true\"/></tt:Data></tt:Message></wsnt:Message>"
                   "</wsnt:NotificationMessage>"
                   "<wsnt:NotificationMessage><wsnt:Topic>tns1:VideoSource/MotionAlarm</wsnt:Topic><wsnt:Message>"
                   "<tt:Message UtcTime=\"2030-01-01T10:00:00Z\"><tt:Source><tt:SimpleItem Name=\"Source\" "
                   "Value=\"vs9\"/></tt:Source><tt:Data><tt:SimpleItem Name=\"State\" Value=\"false\"/></tt:Data>"
                   "</tt:Message></wsnt:Message></wsnt:NotificationMessage>"
                   "</tev:PullMessagesResponse>"),
            {{QStringLiteral("vsc1"), QStringLiteral("vs1")}});
        QVERIFY(pulled.ok());
        QCOMPARE(pulled->events.size(), 2);
        const devices::DeviceEvent& first = pulled->events.at(0);
        QCOMPARE(first.topic, QStringLiteral("motion"));
        QCOMPARE(first.channelToken, QStringLiteral("vs1"));
        QVERIFY(first.active);
        QCOMPARE(first.time, QDateTime(QDate(2030, 1, 1), QTime(9, 59, 59, 500), QTimeZone::utc()));
        QCOMPARE(first.detail, QStringLiteral("IsMotion=true"));
        QCOMPARE(pulled->events.at(1).channelToken, QStringLiteral("vs9"));
        QVERIFY(!pulled->events.at(1).active);
        QCOMPARE(pulled->terminationTime, QDateTime(QDate(2030, 1, 1), QTime(10, 1), QTimeZone::utc()));
    }

    void subscriptionKeepsReferenceParameters() {
        auto subscription = events::parseSubscription(answer(
            "<tev:CreatePullPointSubscriptionResponse xmlns:tev=\"urn:e\" xmlns:wsa=\"http://www.w3.org/2005/08/"
            "addressing\"><tev:SubscriptionReference><wsa:Address>http://192.0.2.9/onvif/pull?id=4</wsa:Address>"
            "<wsa:ReferenceParameters><ax:SubscriptionId xmlns:ax=\"urn:axis\">42</ax:SubscriptionId>"
            "</wsa:ReferenceParameters></tev:SubscriptionReference>"
            "<wsnt:CurrentTime xmlns:wsnt=\"urn:n\">2030-01-01T00:00:00Z</wsnt:CurrentTime>"
            "<wsnt:TerminationTime xmlns:wsnt=\"urn:n\">2030-01-01T00:01:00Z</wsnt:TerminationTime>"
            "</tev:CreatePullPointSubscriptionResponse>"));
        QVERIFY(subscription.ok());
        QCOMPARE(subscription->address, QUrl(QStringLiteral("http://192.0.2.9/onvif/pull?id=4")));
        const QString headers = events::addressingHeaders(QStringLiteral("urn:act"), *subscription);
        auto parsed = XmlElement::parse(("<h>" + headers + "</h>").toUtf8());
        QVERIFY2(parsed.ok(), qPrintable(headers));
        QCOMPARE(parsed->textAt({QStringLiteral("To")}), QStringLiteral("http://192.0.2.9/onvif/pull?id=4"));
        QCOMPARE(parsed->child(QStringLiteral("SubscriptionId"))->namespaceUri(), QStringLiteral("urn:axis"));
        QCOMPARE(parsed->textAt({QStringLiteral("SubscriptionId")}), QStringLiteral("42"));
        QVERIFY(!events::parseSubscription(answer("<tev:CreatePullPointSubscriptionResponse xmlns:tev=\"urn:e\"/>"))
                     .ok());
    }

    void discoveryProbeAndMatches() {
        const QByteArray probe = WsDiscovery::probe(QStringLiteral("urn:uuid:1234"), QStringLiteral("dn:NetworkVideoTransmitter"));
        auto parsed = XmlElement::parse(probe);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->textAt({QStringLiteral("Header"), QStringLiteral("MessageID")}), QStringLiteral("urn:uuid:1234"));
        QCOMPARE(parsed->textAt({QStringLiteral("Body"), QStringLiteral("Probe"), QStringLiteral("Types")}),
                 QStringLiteral("dn:NetworkVideoTransmitter"));

        const QByteArray matches =
            "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" "
            "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
            "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><SOAP-ENV:Header>"
            "<wsa:MessageID>uuid:9</wsa:MessageID><wsa:RelatesTo>urn:uuid:1234</wsa:RelatesTo></SOAP-ENV:Header>"
            "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>"
            "urn:uuid:cafe</wsa:Address></wsa:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>"
            "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/name/Front%20Door "
            "onvif://www.onvif.org/hardware/Eye-2</d:Scopes>"
            "<d:XAddrs>http://[fe80::1]/onvif/device_service http://10.1.1.1/onvif/device_service "
            "http://192.0.2.44:8080/onvif/device_service</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>"
            "</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        auto found = WsDiscovery::parseProbeMatches(matches, {QStringLiteral("urn:uuid:1234")},
                                                    QHostAddress(QStringLiteral("192.0.2.44")));
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        const devices::DiscoveredDevice& device = found->first();
        QCOMPARE(device.driver, QStringLiteral("onvif"));
        QCOMPARE(device.address, QUrl(QStringLiteral("http://192.0.2.44:8080/onvif/device_service")));
        QCOMPARE(device.name, QStringLiteral("Front Door"));
        QCOMPARE(device.hardware, QStringLiteral("Eye-2"));
        QCOMPARE(device.endpointReference, QStringLiteral("urn:uuid:cafe"));
        QCOMPARE(device.scopes.size(), 3);

        // Without a sender match the first http(s) address is taken.
        auto other = WsDiscovery::parseProbeMatches(matches, {QStringLiteral("urn:uuid:1234")},
                                                    QHostAddress(QStringLiteral("198.51.100.1")));
        QVERIFY(other.ok());
        QCOMPARE(other->first().address, QUrl(QStringLiteral("http://[fe80::1]/onvif/device_service")));
        // An answer to someone else's probe is not ours.
        auto notOurs = WsDiscovery::parseProbeMatches(matches, {QStringLiteral("urn:uuid:other")}, QHostAddress());
        QVERIFY(notOurs.ok());
        QVERIFY(notOurs->isEmpty());
        QVERIFY(!WsDiscovery::parseProbeMatches("<Envelope/>", {}, QHostAddress()).ok());
    }
};

QTEST_GUILESS_MAIN(TestOnvifMessages)
#include "tst_onvif_messages.moc"
