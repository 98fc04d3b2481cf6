#pragma once
// The ONVIF options of vigil-testcamera's command line (onvif_server.h says what they do).

#include <QCommandLineParser>
#include <QString>
#include <optional>

#include "common/result.h"

namespace vigil::testcamera {

struct OnvifOptions {
    bool enabled = false;        // --onvif-port given
    quint16 httpPort = 0;        // 0: the OS picks
    std::optional<quint16> discoveryPort;  // --discovery-port (0: the OS picks); none: no responder
    bool discoveryMulticast = false;       // also join 239.255.255.250 on port 3702
    QString auth = QStringLiteral("any");  // any | wsse | digest
    qint64 clockOffsetMs = 0;
    quint16 ntpPort = 123;  // where the cameras ask their NTP servers (tests: a chronyd on a high port)

    static void addTo(QCommandLineParser& parser);
    static core::Result<OnvifOptions> read(const QCommandLineParser& parser);
};

}  // namespace vigil::testcamera
