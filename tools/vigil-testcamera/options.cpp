#include "options.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include "rtsp_server.h"

namespace vigil::testcamera {

namespace {

Error optionError(const QString& message) {
    return Error::make(QStringLiteral("bad_option"), message);
}

}  // namespace

Result<Options> parseOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Plays virtual RTSP cameras by looping media files without transcoding (tools/vigil-testcamera/README.md)."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("rtsp-port"), QStringLiteral("RTSP port (0: the OS picks)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption camera(QStringLiteral("camera"),
                                    QStringLiteral("A camera: name=cam1,file=a.mp4[,user=u,password=p,auth=digest|basic|any,ptz=1]. "
                                                   "Repeat for more."),
                                    QStringLiteral("spec"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Cameras from a JSON file."),
                                    QStringLiteral("file"));
    const QCommandLineOption timeout(QStringLiteral("session-timeout"),
                                     QStringLiteral("Seconds an RTSP session lives without a sign of life."),
                                     QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption quitOnEof(QStringLiteral("quit-on-eof"),
                                       QStringLiteral("Quit when stdin closes (the parent has gone)."));
    parser.addOptions({port, bind, camera, config, timeout, quitOnEof});
    OnvifOptions::addTo(parser);
    if (!parser.parse(arguments)) {
        return optionError(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        return Error::make(QStringLiteral("help"), parser.helpText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return optionError(QStringLiteral("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    }
    Options options;
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        return optionError(QStringLiteral("--rtsp-port must be 0-65535, not \"%1\".").arg(parser.value(port)));
    }
    options.rtspPort = static_cast<quint16>(portNumber);
    if (!options.bind.setAddress(parser.value(bind))) {
        return optionError(QStringLiteral("--bind \"%1\" is not an IP address.").arg(parser.value(bind)));
    }
    options.sessionTimeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || options.sessionTimeoutSeconds < 1 || options.sessionTimeoutSeconds > 3600) {
        return optionError(QStringLiteral("--session-timeout must be 1-3600 seconds."));
    }
    options.quitOnEof = parser.isSet(quitOnEof);
    Result<OnvifOptions> onvif = OnvifOptions::read(parser);
    if (!onvif) {
        return onvif.error();
    }
    options.onvif = onvif.value();
    if (parser.isSet(config)) {
        Result<QList<CameraConfig>> loaded = loadCameraConfig(parser.value(config));
        if (!loaded) {
            return loaded.error();
        }
        options.cameras += loaded.value();
    }
    for (const QString& spec : parser.values(camera)) {
        Result<CameraConfig> parsed = parseCameraSpec(spec);
        if (!parsed) {
            return parsed.error();
        }
        options.cameras.append(parsed.value());
    }
    if (Status checked = checkCameras(options.cameras); !checked) {
        return checked.error();
    }
    return options;
}

QJsonObject readyLine(const RtspServer& server) {
    QJsonArray cameras;
    QJsonObject urls;
    for (const CameraConfig& camera : server.cameras()) {
        const QString url = server.rtspUrl(camera.name).toString();
        urls.insert(camera.name, url);
        cameras.append(QJsonObject{
            {QStringLiteral("name"), camera.name},
            {QStringLiteral("url"), url},
            {QStringLiteral("codec"), camera.codec},
            {QStringLiteral("width"), camera.width},
            {QStringLiteral("height"), camera.height},
            {QStringLiteral("fps"), camera.fps},
            {QStringLiteral("audio"), camera.audio},
            {QStringLiteral("ptz"), camera.ptz},
            {QStringLiteral("auth"), camera.user.isEmpty() ? QStringLiteral("none") : camera.auth},
        });
    }
    return QJsonObject{{QStringLiteral("ready"), true},
                       {QStringLiteral("port"), server.port()},
                       {QStringLiteral("rtsp_port"), server.port()},
                       {QStringLiteral("urls"), urls},
                       {QStringLiteral("cameras"), cameras}};
}

}  // namespace vigil::testcamera
