#pragma once
// CameraConfig: one virtual camera of vigil-testcamera, from `--camera name=...,file=...` or a
// JSON file. What the media file holds (codec, size, rate, audio) is filled in when the camera's
// media source opens it. The RTSP server and the ONVIF responder both read this list.

#include <QList>
#include <QString>

#include "common/result.h"

namespace vigil::testcamera {

using core::Error;
using core::Result;
using core::Status;

struct OnvifUserSpec {
    QString name;
    QString password;
    QString level;  // Administrator | Operator | User | Anonymous | Extended
};

struct CameraConfig {
    QString name;      // the RTSP URL path: rtsp://host:port/<name> (letters, digits, '-', '_', '.')
    QString path;      // "/" + name
    QString file;      // media file looped without transcoding
    QString user;      // empty: no authentication
    QString password;
    QString auth = QStringLiteral("digest");  // "digest", "basic" or "any" (both offered)
    bool ptz = false;  // the ONVIF side offers PTZ for this camera
    // The ONVIF side's security posture (device checks, issue 8; onvif_device.h):
    QList<OnvifUserSpec> extraUsers;  // extra-user=name:password:level (repeatable)
    bool anonymous = false;           // anonymous=1: ONVIF reads without credentials
    bool discoverable = true;         // discovery=on|off
    bool web = true;                  // http=on|off: the web interface's plain-HTTP port
    QString firmware;                 // firmware=1.2.3
    QString dot1x = QStringLiteral("off");  // dot1x=on|off|unsupported
    bool edgeStorage = false;               // edge-storage=1: lists ONVIF Profile G recording/search services

    // From the file (MediaSource fills these in):
    QString codec;  // "h264" | "h265"
    int width = 0;
    int height = 0;
    double fps = 0;
    bool audio = false;  // the file has AAC, served as a second track
};

// "name=cam1,file=a.mp4[,user=u,password=p,auth=digest|basic|any,ptz=1,extra-user=n:p:level,anonymous=1,
//  discovery=on|off,http=on|off,firmware=x,dot1x=on|off|unsupported,edge-storage=1]"
Result<CameraConfig> parseCameraSpec(const QString& spec);
// {"cameras": [{"name": "cam1", "file": "a.mp4", "user": "u", "password": "p", "ptz": true}, ...]};
// relative file paths are relative to the JSON file.
Result<QList<CameraConfig>> loadCameraConfig(const QString& jsonPath);
// Unique names, files that exist.
Status checkCameras(const QList<CameraConfig>& cameras);

}  // namespace vigil::testcamera
