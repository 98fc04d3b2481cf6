// Fuzz target: what an ONVIF device (or anything answering on its address) sends the ONVIF driver
// (plugins/onvif): the bounded XML reader, SOAP envelopes and faults, the parsers of the Device,
// Media, PTZ and Events answers (the device security reads of issue 8 among them), and WS-Discovery ProbeMatches datagrams (issue 4, bad input).
// Invariants beyond "no crash, no sanitizer report": every failure is one of the device_* codes
// with a message; what parses obeys what the driver relies on (tokens present, stream addresses
// rtsp(s) without credentials, discovered addresses http(s), channels made of known profiles);
// and an element written back (as reference parameters are) reads back the same.

#include <QByteArray>
#include <QHostAddress>
#include <QSet>
#include <cstddef>
#include <cstdint>

#include "devices/device_driver.h"
#include "fuzz_check.h"
#include "onvif/device_service.h"
#include "onvif/event_service.h"
#include "onvif/media_service.h"
#include "onvif/ptz_service.h"
#include "onvif/soap_message.h"
#include "onvif/ws_discovery.h"
#include "onvif/xml_element.h"

namespace devices = vigil::core::devices;
using namespace vigil::plugins::onvif;
using vigil::core::Error;

namespace {

void checkError(const Error& error) {
    FUZZ_CHECK(error.code == QLatin1String(devices::kErrorBadAnswer) ||
               error.code == QLatin1String(devices::kErrorUnauthorised) ||
               error.code == QLatin1String(devices::kErrorNotSupported));
    FUZZ_CHECK(!error.message.isEmpty());
}

template <typename T>
void check(const vigil::core::Result<T>& result) {
    if (!result.ok()) {
        checkError(result.error());
    }
}

void checkSame(const XmlElement& a, const XmlElement& b) {
    FUZZ_CHECK(a.name() == b.name());
    FUZZ_CHECK(a.namespaceUri() == b.namespaceUri());
    FUZZ_CHECK(a.text() == b.text());
    FUZZ_CHECK(a.children().size() == b.children().size());
    for (qsizetype i = 0; i < a.children().size(); ++i) {
        checkSame(a.children().at(i), b.children().at(i));
    }
}

void parseBody(const XmlElement& body) {
    check(device::parseSystemDateAndTime(body));
    check(device::parseDeviceInformation(body));
    auto services = device::parseServices(body);
    check(services);
    if (services.ok()) {
        FUZZ_CHECK(services->media.scheme().startsWith(QStringLiteral("http")));
    }
    check(device::parseCapabilities(body));
    auto users = device::parseUsers(body);
    check(users);
    if (users.ok()) {
        for (const auto& user : *users) {
            FUZZ_CHECK(!user.name.isEmpty());
        }
    }
    check(device::parseNtp(body));
    check(device::parseDiscoveryMode(body));
    auto protocols = device::parseNetworkProtocols(body);
    check(protocols);
    if (protocols.ok()) {
        for (const auto& protocol : *protocols) {
            FUZZ_CHECK(!protocol.name.isEmpty());
            for (int port : protocol.ports) {
                FUZZ_CHECK(port >= 1 && port <= 65535);
            }
        }
    }
    auto dot1x = device::parseDot1XConfigurations(body);
    check(dot1x);
    FUZZ_CHECK(!dot1x.ok() || *dot1x >= 0);

    auto profiles = media::parseProfiles(body);
    check(profiles);
    auto sources = media::parseVideoSources(body);
    check(sources);
    if (profiles.ok()) {
        QSet<QString> tokens;
        for (const MediaProfile& profile : *profiles) {
            FUZZ_CHECK(!profile.token.isEmpty());
            tokens.insert(profile.token);
        }
        const auto channels = media::channelsFrom(*profiles, sources.ok() ? *sources : QList<VideoSource>());
        for (const auto& channel : channels) {
            FUZZ_CHECK(tokens.contains(channel.mainProfileToken));
            FUZZ_CHECK(channel.subProfileToken.isEmpty() || tokens.contains(channel.subProfileToken));
            FUZZ_CHECK(channel.mainProfileToken != channel.subProfileToken);
        }
    }
    auto stream = media::parseMediaUri(body, QStringLiteral("GetStreamUri"),
                                       {QStringLiteral("rtsp"), QStringLiteral("rtsps")});
    check(stream);
    if (stream.ok()) {
        FUZZ_CHECK(stream->scheme().compare(QStringLiteral("rtsp"), Qt::CaseInsensitive) == 0 ||
                   stream->scheme().compare(QStringLiteral("rtsps"), Qt::CaseInsensitive) == 0);
        FUZZ_CHECK(stream->userInfo().isEmpty());
    }

    check(ptz::parsePresets(body));
    check(ptz::parseSetPreset(body));

    auto subscription = events::parseSubscription(body);
    check(subscription);
    if (subscription.ok()) {
        // The headers we would echo must stay well-formed XML.
        const QString headers = events::addressingHeaders(QStringLiteral("urn:a"), *subscription);
        FUZZ_CHECK(XmlElement::parse(("<h>" + headers + "</h>").toUtf8()).ok());
    }
    auto pulled = events::parsePullMessages(body, {{QStringLiteral("vsc"), QStringLiteral("vs")}});
    check(pulled);
    if (pulled.ok()) {
        for (const auto& event : pulled->events) {
            FUZZ_CHECK(!event.topic.isEmpty());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    auto document = XmlElement::parse(input);
    if (document.ok()) {
        auto again = XmlElement::parse(document->toXml());
        FUZZ_CHECK(again.ok());
        checkSame(*document, *again);
    } else {
        FUZZ_CHECK(document.error().code == QStringLiteral("xml_malformed"));
    }

    auto body = SoapMessage::parseResponse(input, QStringLiteral("Fuzz"));
    if (body.ok()) {
        parseBody(*body);
    } else {
        checkError(body.error());
    }

    auto matches = WsDiscovery::parseProbeMatches(input, {QStringLiteral("urn:uuid:fuzz")},
                                                  QHostAddress(QHostAddress::LocalHost));
    check(matches);
    if (matches.ok()) {
        for (const auto& device : *matches) {
            FUZZ_CHECK(device.address.scheme() == QStringLiteral("http") ||
                       device.address.scheme() == QStringLiteral("https"));
            FUZZ_CHECK(device.driver == QStringLiteral("onvif"));
        }
    }
    return 0;
}
