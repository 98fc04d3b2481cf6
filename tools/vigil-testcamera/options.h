#pragma once
// Command line of vigil-testcamera (README.md) and the JSON line it prints once it serves.

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "camera_config.h"
#include "onvif_options.h"

namespace vigil::testcamera {

class RtspServer;

struct Options {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 rtspPort = 0;  // 0: the OS picks
    QList<CameraConfig> cameras;
    int sessionTimeoutSeconds = 60;
    bool quitOnEof = false;
    OnvifOptions onvif;  // the ONVIF side (onvif_server.h)
};

// Result<Options> with an error naming the bad option; "--help" gives an Error whose code is "help"
// and whose message is the usage text.
Result<Options> parseOptions(const QStringList& arguments);

// {"ready": true, "port": P, "rtsp_port": P, "urls": {name: url}, "cameras": [{name, url, codec,
// width, height, fps, audio, ptz, auth}]}
QJsonObject readyLine(const RtspServer& server);

}  // namespace vigil::testcamera
