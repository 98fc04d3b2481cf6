#include "camera_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace vigil::testcamera {

namespace {

Error configError(const QString& message) {
    return Error::make(QStringLiteral("bad_camera_config"), message);
}

Status finish(CameraConfig& camera, const QString& where) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!kName.match(camera.name).hasMatch()) {
        return configError(QStringLiteral("%1: the camera name \"%2\" must be 1-64 letters, digits, '.', '-' or '_' "
                                          "(it becomes the RTSP URL path).")
                               .arg(where, camera.name));
    }
    if (camera.file.isEmpty()) {
        return configError(QStringLiteral("%1: camera \"%2\" has no file=; make one with "
                                          "tests/support/make_clip.sh.")
                               .arg(where, camera.name));
    }
    if (camera.auth != QLatin1String("digest") && camera.auth != QLatin1String("basic") &&
        camera.auth != QLatin1String("any")) {
        return configError(
            QStringLiteral("%1: auth must be digest, basic or any, not \"%2\".").arg(where, camera.auth));
    }
    if (camera.user.isEmpty() != camera.password.isEmpty()) {
        return configError(QStringLiteral("%1: camera \"%2\" needs both user and password, or neither.")
                               .arg(where, camera.name));
    }
    camera.path = QLatin1Char('/') + camera.name;
    return {};
}

bool truthy(const QString& value);

// One of the ONVIF security posture keys (camera_config.h); an error names what is wrong.
Status readPosture(CameraConfig& camera, const QString& key, const QString& value) {
    static const QStringList kLevels = {QStringLiteral("Administrator"), QStringLiteral("Operator"),
                                        QStringLiteral("User"), QStringLiteral("Anonymous"), QStringLiteral("Extended")};
    const auto onOff = [&](bool& target) -> Status {
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            return configError(QStringLiteral("%1 is on or off, not \"%2\".").arg(key, value));
        }
        target = value == QLatin1String("on");
        return {};
    };
    if (key == QLatin1String("extra-user")) {
        const QStringList parts = value.split(QLatin1Char(':'));
        if (parts.size() != 3 || parts.at(0).isEmpty() || !kLevels.contains(parts.at(2))) {
            return configError(QStringLiteral("extra-user is name:password:level with a level of %1, not \"%2\".")
                                   .arg(kLevels.join(QStringLiteral(", ")), value));
        }
        camera.extraUsers.append(OnvifUserSpec{parts.at(0), parts.at(1), parts.at(2)});
        return {};
    }
    if (key == QLatin1String("anonymous")) {
        camera.anonymous = truthy(value);
        return {};
    }
    if (key == QLatin1String("discovery")) {
        return onOff(camera.discoverable);
    }
    if (key == QLatin1String("http")) {
        return onOff(camera.web);
    }
    if (key == QLatin1String("firmware")) {
        camera.firmware = value;
        return {};
    }
    if (key == QLatin1String("dot1x")) {
        if (value != QLatin1String("on") && value != QLatin1String("off") && value != QLatin1String("unsupported")) {
            return configError(QStringLiteral("dot1x is on, off or unsupported, not \"%1\".").arg(value));
        }
        camera.dot1x = value;
        return {};
    }
    if (key == QLatin1String("edge-storage")) {
        camera.edgeStorage = truthy(value);
        return {};
    }
    return configError(QStringLiteral("unknown key \"%1\" (name, file, user, password, auth, ptz, extra-user, anonymous, "
                                      "discovery, http, firmware, dot1x, edge-storage).")
                           .arg(key));
}

bool truthy(const QString& value) {
    return value == QLatin1String("1") || value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
           value.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

}  // namespace

Result<CameraConfig> parseCameraSpec(const QString& spec) {
    CameraConfig camera;
    for (const QString& item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return configError(
                QStringLiteral("--camera \"%1\": \"%2\" is not key=value.").arg(spec, item));
        }
        const QString key = item.first(equals).trimmed();
        const QString value = item.sliced(equals + 1).trimmed();
        if (key == QLatin1String("name")) {
            camera.name = value;
        } else if (key == QLatin1String("file")) {
            camera.file = value;
        } else if (key == QLatin1String("user")) {
            camera.user = value;
        } else if (key == QLatin1String("password")) {
            camera.password = value;
        } else if (key == QLatin1String("auth")) {
            camera.auth = value;
        } else if (key == QLatin1String("ptz")) {
            camera.ptz = truthy(value);
        } else if (Status posture = readPosture(camera, key, value); !posture) {
            return configError(QStringLiteral("--camera \"%1\": %2").arg(spec, posture.error().message));
        }
    }
    if (Status done = finish(camera, QStringLiteral("--camera \"%1\"").arg(spec)); !done) {
        return done.error();
    }
    return camera;
}

Result<QList<CameraConfig>> loadCameraConfig(const QString& jsonPath) {
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return configError(QStringLiteral("Cannot read %1: %2.").arg(jsonPath, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return configError(QStringLiteral("%1 is not a JSON object: %2 at offset %3.")
                               .arg(jsonPath, parseError.errorString())
                               .arg(parseError.offset));
    }
    const QJsonValue list = document.object().value(QStringLiteral("cameras"));
    if (!list.isArray()) {
        return configError(QStringLiteral("%1 has no \"cameras\" array.").arg(jsonPath));
    }
    const QDir base = QFileInfo(jsonPath).absoluteDir();
    QList<CameraConfig> cameras;
    for (qsizetype i = 0; i < list.toArray().size(); ++i) {
        const QJsonObject entry = list.toArray().at(i).toObject();
        CameraConfig camera;
        camera.name = entry.value(QStringLiteral("name")).toString();
        const QString fileName = entry.value(QStringLiteral("file")).toString();
        camera.file = fileName.isEmpty() ? QString() : base.absoluteFilePath(fileName);
        camera.user = entry.value(QStringLiteral("user")).toString();
        camera.password = entry.value(QStringLiteral("password")).toString();
        camera.auth = entry.value(QStringLiteral("auth")).toString(QStringLiteral("digest"));
        camera.ptz = entry.value(QStringLiteral("ptz")).toBool();
        if (Status done =
                finish(camera, QStringLiteral("%1 camera %2").arg(jsonPath, QString::number(i + 1)));
            !done) {
            return done.error();
        }
        cameras.append(camera);
    }
    return cameras;
}

Status checkCameras(const QList<CameraConfig>& cameras) {
    if (cameras.isEmpty()) {
        return configError(QStringLiteral("No cameras: give --camera name=cam1,file=clip.mp4 or --config cameras.json."));
    }
    QSet<QString> names;
    for (const CameraConfig& camera : cameras) {
        if (names.contains(camera.name)) {
            return configError(QStringLiteral("Two cameras are named \"%1\"; names must be unique.").arg(camera.name));
        }
        names.insert(camera.name);
        if (!QFileInfo(camera.file).isFile()) {
            return configError(QStringLiteral("Camera \"%1\": the file %2 does not exist.").arg(camera.name, camera.file));
        }
    }
    return {};
}

}  // namespace vigil::testcamera
