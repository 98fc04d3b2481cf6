// vigil-testcamera: virtual RTSP cameras for tests, demos and benchmarks (README.md).

#include <QCoreApplication>
#include <QJsonDocument>
#include <cstdio>

#include "fault_control.h"
#include "onvif_server.h"
#include "options.h"
#include "rtsp_server.h"

using namespace vigil::testcamera;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-testcamera"));
    Result<Options> options = parseOptions(QCoreApplication::arguments());
    if (!options) {
        const bool help = options.error().code == QLatin1String("help");
        std::fprintf(help ? stdout : stderr, "%s%s\n", help ? "" : "vigil-testcamera: ",
                     qPrintable(options.error().message));
        return help ? 0 : 2;
    }
    RtspServer server;
    server.setSessionTimeout(options->sessionTimeoutSeconds);
    if (Status started = server.start(options->cameras, options->bind, options->rtspPort); !started) {
        std::fprintf(stderr, "vigil-testcamera: %s\n", qPrintable(started.error().message));
        return 1;
    }
    FaultControl control(&server, options->quitOnEof);
    QJsonObject ready = readyLine(server);
    OnvifServer onvif([](const QString& line) {
        std::fprintf(stdout, "%s\n", qPrintable(line));
        std::fflush(stdout);
    });
    if (options->onvif.enabled) {
        if (Status started = onvif.start(onvifCameras(server), options->bind, options->onvif); !started) {
            std::fprintf(stderr, "vigil-testcamera: %s\n", qPrintable(started.error().message));
            return 1;
        }
        onvif.setPasswordChanged([&server](const QString& camera, const QString&, const QString& password) {
            if (Status changed = server.setPassword(camera, password); !changed) {
                std::fprintf(stderr, "vigil-testcamera: %s\n", qPrintable(changed.error().message));
            }
        });
        control.addCommands([&onvif](const QString& line) { return onvif.execute(line); });
        onvif.describe(ready);
    }
    std::fprintf(stdout, "%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
