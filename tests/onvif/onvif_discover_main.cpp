// onvif_discover: the ONVIF driver's discovery from the command line, for tests that run it where
// a test process cannot go (a private network namespace, tst_onvif_driver's multicast case).
//   onvif_discover [timeoutMs] [host port]   (no host: multicast)
// Prints {"devices": [{"address", "name", "hardware", "endpoint"}]} or {"error", "message"}.

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "onvif/onvif_driver.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    vigil::core::devices::DiscoveryRequest request;
    if (arguments.size() > 1) {
        request.timeoutMs = arguments.at(1).toInt();
    }
    if (arguments.size() > 3) {
        request.unicastHost = arguments.at(2);
        request.unicastPort = static_cast<quint16>(arguments.at(3).toUInt());
    }
    vigil::plugins::onvif::OnvifDriver driver;
    vigil::core::devices::Cancellation cancel;
    auto found = driver.discover(request, cancel);
    QJsonObject output;
    if (!found.ok()) {
        output = {{QStringLiteral("error"), found.error().code}, {QStringLiteral("message"), found.error().message}};
    } else {
        QJsonArray devices;
        for (const auto& device : found.value()) {
            devices.append(QJsonObject{{QStringLiteral("address"), device.address.toString()},
                                       {QStringLiteral("name"), device.name},
                                       {QStringLiteral("hardware"), device.hardware},
                                       {QStringLiteral("endpoint"), device.endpointReference}});
        }
        output.insert(QStringLiteral("devices"), devices);
    }
    std::printf("%s\n", QJsonDocument(output).toJson(QJsonDocument::Compact).constData());
    return found.ok() ? 0 : 1;
}
