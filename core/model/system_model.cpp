#include "model/system_model.h"

#include <QJsonArray>
#include <QJsonValue>
#include <cmath>
#include <limits>
#include <optional>

namespace vigil::core::model {

namespace {

// Every fromJson reads required fields through these helpers so a wrong or missing field is named in
// the error, and unknown fields are ignored: a newer server may send more than this client knows.
class FieldReader {
public:
    FieldReader(const QJsonObject& json, QString context) : m_json(json), m_context(std::move(context)) {}

    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }

    QString string(const QString& name) {
        const QJsonValue value = m_json.value(name);
        if (!value.isString()) {
            fail(name, QStringLiteral("a string"), value);
            return {};
        }
        return value.toString();
    }

    // JSON numbers are doubles; an integer field must hold a whole number within qint64's range.
    qint64 integer(const QString& name) {
        const QJsonValue value = m_json.value(name);
        const double number = value.toDouble();
        constexpr double kLimit = 9007199254740992.0;  // 2^53: the largest exact integer in a double
        if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) > kLimit) {
            fail(name, QStringLiteral("an integer"), value);
            return 0;
        }
        return static_cast<qint64>(number);
    }

    int smallInteger(const QString& name) {
        const qint64 number = integer(name);
        if (ok() && (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())) {
            fail(name, QStringLiteral("an integer in 32-bit range"), m_json.value(name));
            return 0;
        }
        return static_cast<int>(number);
    }

    double number(const QString& name) {
        const QJsonValue value = m_json.value(name);
        if (!value.isDouble()) {
            fail(name, QStringLiteral("a number"), value);
            return 0;
        }
        return value.toDouble();
    }

    QJsonObject object(const QString& name) {
        const QJsonValue value = m_json.value(name);
        if (!value.isObject()) {
            fail(name, QStringLiteral("an object"), value);
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QString& name) {
        const QJsonValue value = m_json.value(name);
        if (!value.isArray()) {
            fail(name, QStringLiteral("an array"), value);
            return {};
        }
        return value.toArray();
    }

    void failWith(const Error& error) {
        if (ok()) {
            m_error = error;
        }
    }

private:
    static QString typeName(const QJsonValue& value) {
        switch (value.type()) {
            case QJsonValue::Null:
                return QStringLiteral("null");
            case QJsonValue::Bool:
                return QStringLiteral("a boolean");
            case QJsonValue::Double:
                return QStringLiteral("a number");
            case QJsonValue::String:
                return QStringLiteral("a string");
            case QJsonValue::Array:
                return QStringLiteral("an array");
            case QJsonValue::Object:
                return QStringLiteral("an object");
            case QJsonValue::Undefined:
                return QStringLiteral("missing");
        }
        return QStringLiteral("unknown");
    }

    void fail(const QString& name, const QString& expected, const QJsonValue& value) {
        if (!ok()) {
            return;  // the first problem is the one worth reporting
        }
        const QString found = value.isUndefined() ? QStringLiteral("it is missing")
                                                  : QStringLiteral("it is %1").arg(typeName(value));
        m_error = Error::make(QStringLiteral("bad_response"),
                              QStringLiteral("The server's %1 has a bad field \"%2\": expected %3, but %4. "
                                             "Check that the client and the server versions match.")
                                  .arg(m_context, name, expected, found));
    }

    QJsonObject m_json;  // a copy: callers may pass a temporary
    QString m_context;
    std::optional<Error> m_error;
};

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
