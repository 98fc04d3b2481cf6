#pragma once
// Test helper: adds one of vigil-testcamera's ONVIF cameras through the devices API and waits until
// its channel is online; returns the channel id ("" on failure, with the reason logged).

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTest>

#include "accounts/api_session.h"
#include "onvif/onvif_test_camera.h"

namespace vigil::test {

inline QString addOnvifChannel(ApiSession& admin, const OnvifTestCamera& camera, const QString& name,
                               const QString& user, const QString& password, int waitMs) {
    const ApiReply reply = admin.post("/api/v1/devices", QJsonObject{{"driver", "onvif"},
                                                                     {"address", camera.deviceUrl(name).toString()},
                                                                     {"name", name},
                                                                     {"userName", user},
                                                                     {"password", password}});
    if (reply.status != 201) {
        qWarning().noquote() << describe(reply);
        return {};
    }
    const QString id = reply.json.value("id").toString();
    QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired()) {
        const QJsonArray channels = admin.get("/api/v1/devices/" + id).json.value("channels").toArray();
        if (!channels.isEmpty() && channels.first().toObject().value("status").toObject().value("state") == "online") {
            return channels.first().toObject().value("id").toString();
        }
        QTest::qWait(200);
    }
    return {};
}

}  // namespace vigil::test
