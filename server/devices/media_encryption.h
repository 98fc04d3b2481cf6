#pragma once
// MediaEncryption: which legs of each camera's video are encrypted (SEC-2.4). Clients always get
// media over the platform's HTTPS/WSS port, so the client leg is always encrypted; the camera legs
// are what the camera is reached with: its control address (ONVIF over HTTPS or HTTP) and each
// stream (RTSPS or RTSP, HTTPS or HTTP). A leg whose scheme is not known (a virtual camera, no URL
// yet) is "unknown", never counted as encrypted. GET /api/v1/devices/encryption answers with it,
// and the audit's check reads summary().

#include <QJsonObject>
#include <QList>
#include <QString>

#include "model/device_model.h"

namespace vigil::server {

struct EncryptionLeg {
    QString leg;       // client | control | main | sub
    QString channelId; // "" for the client and control legs
    QString protocol;  // https, rtsps, http, rtsp, ... ("" when unknown)
    QString state;     // encrypted | unencrypted | unknown

    QJsonObject toJson() const;
};

struct DeviceEncryption {
    QString deviceId;
    QString name;
    QList<EncryptionLeg> legs;
    bool cameraEncrypted = false;  // every camera leg encrypted

    QJsonObject toJson() const;
};

class MediaEncryption {
public:
    static EncryptionLeg legFor(const QString& leg, const QString& channelId, const QString& url);
    static DeviceEncryption of(const core::model::Device& device);
    // {devices: [...], summary: {devices, cameraEncrypted, unencryptedLegs}}.
    static QJsonObject report(const QList<core::model::Device>& devices);
};

}  // namespace vigil::server
