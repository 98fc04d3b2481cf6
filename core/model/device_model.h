#pragma once
// API value types for devices (issue 4, docs/design/devices.md): the group tree, devices, their
// channels with live status and stream statistics, connection tests and discovery jobs. The server
// sends them; server/api/devices.yaml describes the same shapes. Times are UTC milliseconds.
//
// As in account_model.h: fromJson reads what a server sent (unknown fields ignored, "bad_response"),
// fromRequest reads what a client sent (strict: unknown fields and wrong types refused, "bad_request").
// An id that may be "none" (a device in no group, a top-level group) is null on the wire and an empty
// string here.

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "model/job_model.h"

namespace vigil::core::model {

// Device and channel states (API values). A device is "online" when it answered its last describe
// and every enabled channel's main stream is live.
struct DeviceStates {
    static constexpr auto kConnecting = "connecting";      // first describe or stream not yet live
    static constexpr auto kOnline = "online";
    static constexpr auto kOffline = "offline";            // was online, stopped answering or streaming
    static constexpr auto kUnauthorised = "unauthorised";  // credentials refused
    static constexpr auto kUnreachable = "unreachable";    // nothing answers at the address
    static constexpr auto kStreamError = "stream_error";   // answers, but a stream cannot be read
    static constexpr auto kDisabled = "disabled";          // switched off by a user
    static constexpr auto kNoDriver = "no_driver";         // its driver plugin is not installed

    static const QStringList& all();
};

struct StateInfo {
    QString state;   // DeviceStates
    QString reason;  // for people: what happened and what to do; empty when online
    qint64 sinceMs = 0;
    qint64 nextRetryMs = 0;  // when the next attempt is due while failing, else 0

    QJsonObject toJson() const;
    static Result<StateInfo> fromJson(const QJsonObject& json);
    bool operator==(const StateInfo& other) const = default;
};

// One stream of a channel ("main" or "sub") as the stream hub reports it.
struct StreamInfoJson {
    QString state;  // the hub's: idle, connecting, live, unauthorised, unreachable, not_a_stream, stream_error
    QString reason;
    qint64 sinceMs = 0;
    qint64 nextRetryMs = 0;
    QString codec;
    int width = 0;
    int height = 0;
    double fps = 0;
    qint64 bitsPerSecond = 0;
    qint64 lastKeyframeMs = 0;
    qint64 packets = 0;
    qint64 bytes = 0;
    int reconnects = 0;

    QJsonObject toJson() const;
    static Result<StreamInfoJson> fromJson(const QJsonObject& json);
};

struct DeviceGroup {
    QString id;
    QString parentId;  // empty: top level
    QString kind;      // "organisation" (top level only) | "group"
    QString name;
    qint64 createdMs = 0;

    static constexpr auto kOrganisation = "organisation";
    static constexpr auto kGroup = "group";

    QJsonObject toJson() const;
    static Result<DeviceGroup> fromJson(const QJsonObject& json);
};

// POST /groups needs name; kind defaults to "group", parentId to none. PUT /groups/{id} renames
// (name) and/or moves (parentId); kind is fixed once made.
struct GroupInput {
    QString name;
    QString kind = QString::fromLatin1(DeviceGroup::kGroup);
    QString parentId;
    QSet<QString> present;

    bool has(const char* field) const { return present.contains(QLatin1String(field)); }
    QJsonObject toJson() const;
    static Result<GroupInput> fromRequest(const QJsonObject& json);
};

struct Channel {
    QString id;  // stable: media URLs and role channel rights use it
    QString deviceId;
    QString token;  // the driver's id for it
    int position = 0;
    QString name;
    QString mainUrl;  // without credentials
    QString subUrl;
    QString snapshotUrl;
    bool ptz = false;
    bool audio = false;
    bool enabled = true;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    // Stored for the driver (ONVIF media profiles), not sent:
    QString mainProfileToken;
    QString subProfileToken;
    // Live, not stored:
    StateInfo status;
    StreamInfoJson mainStream;
    StreamInfoJson subStream;  // state "idle" when there is no sub stream

    QJsonObject toJson() const;
    static Result<Channel> fromJson(const QJsonObject& json);
};

// PUT /channels/{id}: a new name and/or enabled.
struct ChannelInput {
    QString name;
    bool enabled = true;
    QSet<QString> present;

    bool has(const char* field) const { return present.contains(QLatin1String(field)); }
    static Result<ChannelInput> fromRequest(const QJsonObject& json);
};

struct Device {
    QString id;
    QString name;
    QString driver;
    QString address;     // never with credentials
    QString subAddress;  // rtsp driver only
    QString groupId;     // empty: in no group
    bool enabled = true;
    QString userName;
    bool passwordSet = false;  // the password itself never leaves the server
    QString manufacturer;
    QString model;
    QString firmware;
    QString serialNumber;
    QString hardwareId;
    qint64 describedMs = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    StateInfo status;  // live, not stored
    QList<Channel> channels;

    QJsonObject toJson() const;
    static Result<Device> fromJson(const QJsonObject& json);
};

// The body of POST /devices (driver and address required; name defaults to the address's host) and
// PUT /devices/{id} (changes only what it carries; driver fixed once made). A missing password
// keeps the stored one; "" clears it.
struct DeviceInput {
    QString name;
    QString driver;
    QString address;
    QString subAddress;
    QString userName;
    QString password;
    QString groupId;
    bool enabled = true;
    QSet<QString> present;

    bool has(const char* field) const { return present.contains(QLatin1String(field)); }
    QJsonObject toJson() const;  // the fields present, password included (a client sends it)
    static Result<DeviceInput> fromRequest(const QJsonObject& json);
};

// POST /connection-tests: how to reach a device that may not be added yet, or {"deviceId"} to test
// a stored device with its stored credentials.
struct ConnectionTestInput {
    QString deviceId;
    DeviceInput connection;  // driver, address, subAddress, userName, password

    static Result<ConnectionTestInput> fromRequest(const QJsonObject& json);
};

// POST /discovery-jobs.
struct DiscoveryInput {
    QStringList drivers;  // empty: every driver that discovers
    int timeoutMs = 3000;
    QString unicastHost;  // empty: multicast
    int unicastPort = 3702;

    static constexpr int kMaxTimeoutMs = 30000;

    QJsonObject toJson() const;
    static Result<DiscoveryInput> fromRequest(const QJsonObject& json);
};

// A background operation on devices (model/job_model.h): kind "connection_test" (result
// {description}) or "discovery" (result {devices, problems}).
using DeviceJob = Job;

// POST /channels/{id}/ptz/move.
struct PtzMoveInput {
    double pan = 0;  // speeds -1..1
    double tilt = 0;
    double zoom = 0;

    static Result<PtzMoveInput> fromRequest(const QJsonObject& json);
};

}  // namespace vigil::core::model
