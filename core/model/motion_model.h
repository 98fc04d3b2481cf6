#pragma once
// API value types of server-side motion detection (issue 6, "Event sources"; server/motion/README.md):
// a channel's settings (GET/PUT /api/v1/channels/{id}/motion; server/api/devices.yaml,
// MotionSettings) with the 16 x 12 region grid, and what its detector is doing (MotionStatus). Shared
// by the server (its checks and storage) and the workstation (the Devices page's motion panel).
//
// As elsewhere in the model: fromJson reads what a server sent (tolerant), fromRequest what a client
// sent (strict: unknown fields, wrong types, out-of-range values and bad grids are refused).

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <bitset>

#include "common/result.h"

namespace vigil::core::model {

// Where motion counts: a grid of kColumns x kRows cells over the picture, row by row from the top
// left. On the API: kRows strings of kColumns '0'/'1' characters ('1': motion here counts).
struct MotionRegions {
    static constexpr int kColumns = 16;
    static constexpr int kRows = 12;
    static constexpr int kCells = kColumns * kRows;

    std::bitset<kCells> cells;  // all set: the whole picture

    static MotionRegions all();
    bool includes(int column, int row) const { return cells.test(row * kColumns + column); }
    void set(int column, int row, bool on) { cells.set(row * kColumns + column, on); }
    int count() const { return static_cast<int>(cells.count()); }

    QStringList toRows() const;
    // Strict: exactly kRows strings of kColumns '0'/'1'; "bad_request" saying what is wrong.
    static Result<MotionRegions> fromRows(const QStringList& rows);
    QString toText() const { return toRows().join(QString()); }  // stored form: kCells characters
    static Result<MotionRegions> fromText(const QString& text);
    bool operator==(const MotionRegions& other) const = default;
};

struct MotionSettings {
    static constexpr int kMinSensitivity = 1;    // only large, strong changes
    static constexpr int kMaxSensitivity = 100;  // small, faint ones

    QString channelId;
    bool enabled = false;  // off until someone turns it on: cameras with their own detection need none
    int sensitivity = 50;  // kMinSensitivity .. kMaxSensitivity
    MotionRegions regions = MotionRegions::all();
    qint64 updatedMs = 0;

    QJsonObject toJson() const;
    // The PUT body that sets these settings: enabled, sensitivity, regions.
    QJsonObject toInput() const;
    // A server's answer (the status beside the settings is read by MotionStatus::fromJson).
    static Result<MotionSettings> fromJson(const QJsonObject& json);
    // A PUT body: any of enabled, sensitivity, regions over `current`; strict ("bad_request").
    static Result<MotionSettings> fromRequest(const QJsonObject& json, MotionSettings current);
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
    static Result<MotionStatus> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::model
