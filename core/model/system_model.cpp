#include "model/system_model.h"

#include <QJsonArray>
#include <QJsonValue>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

QJsonObject diskToJson(const DiskUsage& disk) {
    return QJsonObject{{QStringLiteral("path"), disk.path},
                       {QStringLiteral("totalBytes"), disk.totalBytes},
                       {QStringLiteral("freeBytes"), disk.freeBytes}};
}

}  // namespace

QJsonObject SystemInfo::toJson() const {
    return QJsonObject{{QStringLiteral("product"), product},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("serverId"), serverId},
                       {QStringLiteral("serverName"), serverName},
                       {QStringLiteral("role"), role},
                       {QStringLiteral("startedMs"), startedMs},
                       {QStringLiteral("uptimeMs"), uptimeMs},
                       {QStringLiteral("nowMs"), nowMs},
                       {QStringLiteral("caFingerprint"), caFingerprint}};
}

Result<SystemInfo> SystemInfo::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("system information"));
    SystemInfo info;
    info.product = read.string(QStringLiteral("product"));
    info.version = read.string(QStringLiteral("version"));
    info.serverId = read.string(QStringLiteral("serverId"));
    info.serverName = read.string(QStringLiteral("serverName"));
    info.role = read.string(QStringLiteral("role"));
    info.startedMs = read.integer(QStringLiteral("startedMs"));
    info.uptimeMs = read.integer(QStringLiteral("uptimeMs"));
    info.nowMs = read.integer(QStringLiteral("nowMs"));
    info.caFingerprint = read.string(QStringLiteral("caFingerprint"));
    if (!read.ok()) {
        return read.error();
    }
    return info;
}

QJsonObject HealthSnapshot::toJson() const {
    QJsonArray diskArray;
    for (const DiskUsage& disk : disks) {
        diskArray.append(diskToJson(disk));
    }
    return QJsonObject{{QStringLiteral("sampledMs"), sampledMs},
                       {QStringLiteral("cpuPercent"), cpuPercent},
                       {QStringLiteral("cpuCores"), cpuCores},
                       {QStringLiteral("memoryTotalBytes"), memoryTotalBytes},
                       {QStringLiteral("memoryUsedBytes"), memoryUsedBytes},
                       {QStringLiteral("networkRxBytesPerSec"), networkRxBytesPerSec},
                       {QStringLiteral("networkTxBytesPerSec"), networkTxBytesPerSec},
                       {QStringLiteral("disks"), diskArray}};
}

Result<HealthSnapshot> HealthSnapshot::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("health snapshot"));
    HealthSnapshot snapshot;
    snapshot.sampledMs = read.integer(QStringLiteral("sampledMs"));
    snapshot.cpuPercent = read.number(QStringLiteral("cpuPercent"));
    snapshot.cpuCores = read.smallInteger(QStringLiteral("cpuCores"));
    snapshot.memoryTotalBytes = read.integer(QStringLiteral("memoryTotalBytes"));
    snapshot.memoryUsedBytes = read.integer(QStringLiteral("memoryUsedBytes"));
    snapshot.networkRxBytesPerSec = read.integer(QStringLiteral("networkRxBytesPerSec"));
    snapshot.networkTxBytesPerSec = read.integer(QStringLiteral("networkTxBytesPerSec"));
    const QJsonArray diskArray = read.array(QStringLiteral("disks"));
    for (qsizetype i = 0; read.ok() && i < diskArray.size(); ++i) {
        const QJsonValue entry = diskArray.at(i);
        if (!entry.isObject()) {
            read.failWith(
                Error::make(QStringLiteral("bad_response"),
                            QStringLiteral("The server's health snapshot has a bad field \"disks[%1]\": "
                                           "expected an object. Check that the client and the "
                                           "server versions match.")
                                .arg(i)));
            break;
        }
        FieldReader readDisk(entry.toObject(), QStringLiteral("health snapshot disk %1").arg(i));
        DiskUsage disk;
        disk.path = readDisk.string(QStringLiteral("path"));
        disk.totalBytes = readDisk.integer(QStringLiteral("totalBytes"));
        disk.freeBytes = readDisk.integer(QStringLiteral("freeBytes"));
        if (!readDisk.ok()) {
            read.failWith(readDisk.error());
            break;
        }
        snapshot.disks.append(disk);
    }
    if (!read.ok()) {
        return read.error();
    }
    return snapshot;
}

QJsonObject ServiceStatus::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("port"), port},
                       {QStringLiteral("problem"), problem}};
}

Result<ServiceStatus> ServiceStatus::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("service status"));
    ServiceStatus status;
    status.id = read.string(QStringLiteral("id"));
    status.name = read.string(QStringLiteral("name"));
    status.state = read.string(QStringLiteral("state"));
    status.port = read.smallInteger(QStringLiteral("port"));
    status.problem = read.string(QStringLiteral("problem"));
    if (!read.ok()) {
        return read.error();
    }
    return status;
}

QJsonObject PushMessage::toJson() const {
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("data"), data}};
}

Result<PushMessage> PushMessage::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("pushed message"));
    PushMessage message;
    message.type = read.string(QStringLiteral("type"));
    message.data = read.object(QStringLiteral("data"));
    if (!read.ok()) {
        return read.error();
    }
    return message;
}

}  // namespace vigil::core::model
