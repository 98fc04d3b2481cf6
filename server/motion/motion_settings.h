#pragma once
// A camera's server-side motion settings (GET/PUT /api/v1/channels/{id}/motion; server/api/
// openapi.yaml, MotionSettings) and what its detector is doing (MotionStatus).

#include <QJsonObject>
#include <QSet>
#include <QString>

#include "common/result.h"
#include "motion/motion_detector.h"

namespace vigil::server {

struct MotionSettings {
    QString channelId;
    bool enabled = false;  // off until someone turns it on: cameras with their own detection need none
    int sensitivity = 50;  // MotionDetector::kMinSensitivity .. kMaxSensitivity
    MotionRegions regions = MotionRegions::all();
    qint64 updatedMs = 0;

    QJsonObject toJson() const;
    // A PUT body: any of enabled, sensitivity, regions over `current`; strict ("bad_request").
    static core::Result<MotionSettings> fromRequest(const QJsonObject& json, MotionSettings current);
};

struct MotionStatus {
    static constexpr auto kOff = "off";            // not enabled, or the channel/device is off
    static constexpr auto kWaiting = "waiting";    // enabled, the stream is not live yet
    static constexpr auto kWatching = "watching";  // comparing pictures, no motion
    static constexpr auto kMotion = "motion";      // motion going on
    static constexpr auto kFailed = "failed";      // the stream cannot be decoded (message says why)

    QString state = QString::fromLatin1(kOff);
    QString stream;   // "sub" or "main" (only when the camera has no sub stream), "" when off
    QString message;  // for people: why main, why failed
    qint64 packets = 0;   // video packets received
    qint64 dropped = 0;   // dropped before decoding (not referenced, or behind)
    qint64 decoded = 0;   // pictures decoded
    qint64 compared = 0;  // pictures compared with the background
    qint64 lastMotionMs = 0;

    QJsonObject toJson() const;
};

}  // namespace vigil::server
