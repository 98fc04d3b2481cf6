#pragma once
// API value types for /api/v1/system/* and the "system.*" WebSocket messages. Written once here and
// used by the server (toJson) and the clients (fromJson); server/api/openapi.yaml describes the same
// shapes and a test keeps the two in step. Times are UTC milliseconds; sizes in bytes; rates per second.

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vigil::core::model {

struct SystemInfo {
    QString product = QStringLiteral("Vigil");
    QString version;
    QString serverId;
    QString serverName;
    QString role = QStringLiteral("main");  // main | sub | standby (DEP-2..4)
    qint64 startedMs = 0;
    qint64 uptimeMs = 0;
    qint64 nowMs = 0;
    QString caFingerprint;  // SHA-256 of the platform CA, for users to compare (SEC-2.3)

    QJsonObject toJson() const;
    static Result<SystemInfo> fromJson(const QJsonObject& json);
};

struct DiskUsage {
    QString path;
    qint64 totalBytes = 0;
    qint64 freeBytes = 0;
};

struct HealthSnapshot {
    qint64 sampledMs = 0;
    double cpuPercent = 0;          // whole host, all cores, 0..100
    int cpuCores = 0;
    qint64 memoryTotalBytes = 0;
    qint64 memoryUsedBytes = 0;     // total minus available
    qint64 networkRxBytesPerSec = 0; // all non-loopback interfaces
    qint64 networkTxBytesPerSec = 0;
    QList<DiskUsage> disks;         // the data folder's volume first

    QJsonObject toJson() const;
    static Result<HealthSnapshot> fromJson(const QJsonObject& json);
};

struct ServiceStatus {
    QString id;
    QString name;
    QString state;    // stopped | starting | running | stopping | unavailable
    int port = 0;     // 0 when the service has none
    QString problem;  // why it is unavailable

    QJsonObject toJson() const;
    static Result<ServiceStatus> fromJson(const QJsonObject& json);
};

// A message pushed over /api/v1/events/ws: {"type": "...", "data": {...}}.
struct PushMessage {
    QString type;  // "system.health", "system.service", ...
    QJsonObject data;

    QJsonObject toJson() const;
    static Result<PushMessage> fromJson(const QJsonObject& json);
};

}  // namespace vigil::core::model
