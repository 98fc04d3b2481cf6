#include "onvif_options.h"

#include <cmath>

namespace vigil::testcamera {

using core::Error;
using core::Result;

void OnvifOptions::addTo(QCommandLineParser& parser) {
    parser.addOptions({
        QCommandLineOption(QStringLiteral("onvif-port"),
                           QStringLiteral("Serve ONVIF on this HTTP port (0: the OS picks); each camera is a device "
                                          "at http://host:port/onvif/<camera>/device_service."),
                           QStringLiteral("port")),
        QCommandLineOption(QStringLiteral("discovery-port"),
                           QStringLiteral("Answer WS-Discovery probes on this UDP port of the bind address (0: the "
                                          "OS picks)."),
                           QStringLiteral("port")),
        QCommandLineOption(QStringLiteral("discovery-multicast"),
                           QStringLiteral("Also answer probes sent to 239.255.255.250:3702 (joins the group).")),
        QCommandLineOption(QStringLiteral("onvif-auth"),
                           QStringLiteral("What ONVIF accepts from clients: any (WS-Security or HTTP Digest), wsse, "
                                          "digest."),
                           QStringLiteral("mode"), QStringLiteral("any")),
        QCommandLineOption(QStringLiteral("onvif-clock-offset"),
                           QStringLiteral("Seconds the cameras' clock is ahead of (or, negative, behind) the host's."),
                           QStringLiteral("seconds"), QStringLiteral("0")),
        QCommandLineOption(QStringLiteral("ntp-port"),
                           QStringLiteral("UDP port the cameras ask their NTP servers on once set to NTP (default 123)."),
                           QStringLiteral("port"), QStringLiteral("123")),
    });
}

Result<OnvifOptions> OnvifOptions::read(const QCommandLineParser& parser) {
    const auto bad = [](const QString& message) { return Error::make(QStringLiteral("bad_option"), message); };
    const auto port = [](const QString& text) -> std::optional<quint16> {
        bool ok = false;
        const uint value = text.toUInt(&ok);
        return ok && value <= 65535 ? std::optional<quint16>(static_cast<quint16>(value)) : std::nullopt;
    };
    OnvifOptions options;
    if (parser.isSet(QStringLiteral("onvif-port"))) {
        const auto value = port(parser.value(QStringLiteral("onvif-port")));
        if (!value) {
            return bad(QStringLiteral("--onvif-port must be 0-65535."));
        }
        options.enabled = true;
        options.httpPort = *value;
    }
    if (parser.isSet(QStringLiteral("discovery-port"))) {
        options.discoveryPort = port(parser.value(QStringLiteral("discovery-port")));
        if (!options.discoveryPort) {
            return bad(QStringLiteral("--discovery-port must be 0-65535."));
        }
    }
    options.discoveryMulticast = parser.isSet(QStringLiteral("discovery-multicast"));
    if ((options.discoveryPort || options.discoveryMulticast) && !options.enabled) {
        return bad(QStringLiteral("--discovery-port and --discovery-multicast need --onvif-port."));
    }
    options.auth = parser.value(QStringLiteral("onvif-auth"));
    if (options.auth != QStringLiteral("any") && options.auth != QStringLiteral("wsse") &&
        options.auth != QStringLiteral("digest")) {
        return bad(QStringLiteral("--onvif-auth must be any, wsse or digest."));
    }
    bool ok = false;
    const double offset = parser.value(QStringLiteral("onvif-clock-offset")).toDouble(&ok);
    if (!ok || std::abs(offset) > 10.0 * 365 * 86400) {
        return bad(QStringLiteral("--onvif-clock-offset must be a number of seconds (within ten years)."));
    }
    options.clockOffsetMs = static_cast<qint64>(offset * 1000);
    const auto ntp = port(parser.value(QStringLiteral("ntp-port")));
    if (!ntp || *ntp == 0) {
        return bad(QStringLiteral("--ntp-port must be 1-65535."));
    }
    options.ntpPort = *ntp;
    return options;
}

}  // namespace vigil::testcamera
