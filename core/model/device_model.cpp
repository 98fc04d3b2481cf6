#include "model/device_model.h"

#include <QJsonArray>
#include <cmath>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

using Mode = FieldReader::Mode;

StateInfo readState(FieldReader& read) {
    StateInfo state;
    state.state = read.string(QStringLiteral("state"));
    state.reason = read.string(QStringLiteral("reason"));
    state.sinceMs = read.integer(QStringLiteral("sinceMs"));
    state.nextRetryMs = read.integer(QStringLiteral("nextRetryMs"));
    return state;
}

StreamInfoJson readStream(FieldReader& read) {
    StreamInfoJson stream;
    stream.state = read.string(QStringLiteral("state"));
    stream.reason = read.string(QStringLiteral("reason"));
    stream.sinceMs = read.integer(QStringLiteral("sinceMs"));
    stream.nextRetryMs = read.integer(QStringLiteral("nextRetryMs"));
    stream.codec = read.string(QStringLiteral("codec"));
    stream.width = read.smallInteger(QStringLiteral("width"));
    stream.height = read.smallInteger(QStringLiteral("height"));
    stream.fps = read.number(QStringLiteral("fps"));
    stream.bitsPerSecond = read.integer(QStringLiteral("bitsPerSecond"));
    stream.lastKeyframeMs = read.integer(QStringLiteral("lastKeyframeMs"));
    stream.packets = read.integer(QStringLiteral("packets"));
    stream.bytes = read.integer(QStringLiteral("bytes"));
    stream.reconnects = read.smallInteger(QStringLiteral("reconnects"));
    return stream;
}

DeviceGroup readGroup(FieldReader& read, const QJsonObject& json) {
    DeviceGroup group;
    group.id = read.string(QStringLiteral("id"));
    group.parentId = nullableId(read, json, QStringLiteral("parentId"));
    group.kind = read.string(QStringLiteral("kind"));
    group.name = read.string(QStringLiteral("name"));
    group.createdMs = read.integer(QStringLiteral("createdMs"));
    return group;
}

Channel readChannel(FieldReader& read) {
    Channel channel;
    channel.id = read.string(QStringLiteral("id"));
    channel.deviceId = read.string(QStringLiteral("deviceId"));
    channel.token = read.string(QStringLiteral("token"));
    channel.position = read.smallInteger(QStringLiteral("position"));
    channel.name = read.string(QStringLiteral("name"));
    channel.mainUrl = read.string(QStringLiteral("mainUrl"));
    channel.subUrl = read.string(QStringLiteral("subUrl"));
    channel.snapshotUrl = read.string(QStringLiteral("snapshotUrl"));
    channel.ptz = read.boolean(QStringLiteral("ptz"));
    channel.audio = read.boolean(QStringLiteral("audio"));
    channel.enabled = read.boolean(QStringLiteral("enabled"));
    channel.createdMs = read.integer(QStringLiteral("createdMs"));
    channel.updatedMs = read.integer(QStringLiteral("updatedMs"));
    channel.status = nested(read, QStringLiteral("status"), QStringLiteral("channel status"), readState);
    const QJsonObject streams = read.object(QStringLiteral("streams"));
    if (read.ok()) {
        FieldReader streamsRead(streams, QStringLiteral("channel streams"), read.mode());
        channel.mainStream = nested(streamsRead, QStringLiteral("main"), QStringLiteral("main stream"), readStream);
        channel.subStream = nested(streamsRead, QStringLiteral("sub"), QStringLiteral("sub stream"), readStream);
        if (!streamsRead.ok()) {
            read.failWith(streamsRead.error());
        }
    }
    return channel;
}

// The connection fields of a device body, shared by DeviceInput and ConnectionTestInput.
void readConnection(FieldReader& read, DeviceInput& input) {
    auto note = [&](const char* field) {
        const QString name = QString::fromLatin1(field);
        const bool present = read.has(name);
        if (present) {
            input.present.insert(name);
        }
        return present;
    };
    if (note("driver")) {
        input.driver = read.string(QStringLiteral("driver"));
    }
    if (note("address")) {
        input.address = read.string(QStringLiteral("address")).trimmed();
    }
    if (note("subAddress")) {
        input.subAddress = read.string(QStringLiteral("subAddress")).trimmed();
    }
    if (note("userName")) {
        input.userName = read.string(QStringLiteral("userName"));
    }
    if (note("password")) {
        input.password = read.string(QStringLiteral("password"));
    }
}

}  // namespace

const QStringList& DeviceStates::all() {
    static const QStringList kAll = {
        QString::fromLatin1(kConnecting),   QString::fromLatin1(kOnline),   QString::fromLatin1(kOffline),
        QString::fromLatin1(kUnauthorised), QString::fromLatin1(kUnreachable), QString::fromLatin1(kStreamError),
        QString::fromLatin1(kDisabled),     QString::fromLatin1(kNoDriver)};
    return kAll;
}

// --- StateInfo, StreamInfoJson -----------------------------------------------------------------

QJsonObject StateInfo::toJson() const {
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("sinceMs"), sinceMs},
                       {QStringLiteral("nextRetryMs"), nextRetryMs}};
}

Result<StateInfo> StateInfo::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("status"));
    return finished(read, readState(read));
}

QJsonObject StreamInfoJson::toJson() const {
    // Rounded so a client shows "25.0", not "24.99999"; the hub measures over a few seconds anyway.
    const double roundedFps = std::round(fps * 100.0) / 100.0;
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("sinceMs"), sinceMs},
                       {QStringLiteral("nextRetryMs"), nextRetryMs},
                       {QStringLiteral("codec"), codec},
                       {QStringLiteral("width"), width},
                       {QStringLiteral("height"), height},
                       {QStringLiteral("fps"), roundedFps},
                       {QStringLiteral("bitsPerSecond"), bitsPerSecond},
                       {QStringLiteral("lastKeyframeMs"), lastKeyframeMs},
                       {QStringLiteral("packets"), packets},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("reconnects"), reconnects}};
}

Result<StreamInfoJson> StreamInfoJson::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("stream"));
    return finished(read, readStream(read));
}

// --- DeviceGroup, GroupInput ---------------------------------------------------------------------

QJsonObject DeviceGroup::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("parentId"), idOrNull(parentId)},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("createdMs"), createdMs}};
}

Result<DeviceGroup> DeviceGroup::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("group"));
    return finished(read, readGroup(read, json));
}

QJsonObject GroupInput::toJson() const {
    QJsonObject json;
    if (has("name")) {
        json.insert(QStringLiteral("name"), name);
    }
    if (has("kind")) {
        json.insert(QStringLiteral("kind"), kind);
    }
    if (has("parentId")) {
        json.insert(QStringLiteral("parentId"), idOrNull(parentId));
    }
    return json;
}

Result<GroupInput> GroupInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("group"), Mode::Request);
    GroupInput input;
    if (read.has(QStringLiteral("name"))) {
        input.present.insert(QStringLiteral("name"));
        input.name = read.string(QStringLiteral("name")).trimmed();
    }
    if (read.has(QStringLiteral("kind"))) {
        input.present.insert(QStringLiteral("kind"));
        input.kind = read.string(QStringLiteral("kind"));
    }
    if (read.has(QStringLiteral("parentId"))) {
        input.present.insert(QStringLiteral("parentId"));
        input.parentId = nullableId(read, json, QStringLiteral("parentId"));
    }
    return finished(read, input);
}

// --- Channel, ChannelInput -----------------------------------------------------------------------

QJsonObject Channel::toJson() const {
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("deviceId"), deviceId},
        {QStringLiteral("token"), token},
        {QStringLiteral("position"), position},
        {QStringLiteral("name"), name},
        {QStringLiteral("mainUrl"), mainUrl},
        {QStringLiteral("subUrl"), subUrl},
        {QStringLiteral("snapshotUrl"), snapshotUrl},
        {QStringLiteral("ptz"), ptz},
        {QStringLiteral("audio"), audio},
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("createdMs"), createdMs},
        {QStringLiteral("updatedMs"), updatedMs},
        {QStringLiteral("status"), status.toJson()},
        {QStringLiteral("streams"),
         QJsonObject{{QStringLiteral("main"), mainStream.toJson()}, {QStringLiteral("sub"), subStream.toJson()}}}};
}

Result<Channel> Channel::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("channel"));
    return finished(read, readChannel(read));
}

Result<ChannelInput> ChannelInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("channel"), Mode::Request);
    ChannelInput input;
    if (read.has(QStringLiteral("name"))) {
        input.present.insert(QStringLiteral("name"));
        input.name = read.string(QStringLiteral("name")).trimmed();
    }
    if (read.has(QStringLiteral("enabled"))) {
        input.present.insert(QStringLiteral("enabled"));
        input.enabled = read.boolean(QStringLiteral("enabled"));
    }
    return finished(read, input);
}

// --- Device, DeviceInput -------------------------------------------------------------------------

QJsonObject Device::toJson() const {
    QJsonArray channelArray;
    for (const Channel& channel : channels) {
        channelArray.append(channel.toJson());
    }
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("driver"), driver},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("subAddress"), subAddress},
                       {QStringLiteral("groupId"), idOrNull(groupId)},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("userName"), userName},
                       {QStringLiteral("passwordSet"), passwordSet},
                       {QStringLiteral("manufacturer"), manufacturer},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("firmware"), firmware},
                       {QStringLiteral("serialNumber"), serialNumber},
                       {QStringLiteral("hardwareId"), hardwareId},
                       {QStringLiteral("describedMs"), describedMs},
                       {QStringLiteral("createdMs"), createdMs},
                       {QStringLiteral("updatedMs"), updatedMs},
                       {QStringLiteral("status"), status.toJson()},
                       {QStringLiteral("channels"), channelArray}};
}

Result<Device> Device::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("device"));
    Device device;
    device.id = read.string(QStringLiteral("id"));
    device.name = read.string(QStringLiteral("name"));
    device.driver = read.string(QStringLiteral("driver"));
    device.address = read.string(QStringLiteral("address"));
    device.subAddress = read.string(QStringLiteral("subAddress"));
    device.groupId = nullableId(read, json, QStringLiteral("groupId"));
    device.enabled = read.boolean(QStringLiteral("enabled"));
    device.userName = read.string(QStringLiteral("userName"));
    device.passwordSet = read.boolean(QStringLiteral("passwordSet"));
    device.manufacturer = read.string(QStringLiteral("manufacturer"));
    device.model = read.string(QStringLiteral("model"));
    device.firmware = read.string(QStringLiteral("firmware"));
    device.serialNumber = read.string(QStringLiteral("serialNumber"));
    device.hardwareId = read.string(QStringLiteral("hardwareId"));
    device.describedMs = read.integer(QStringLiteral("describedMs"));
    device.createdMs = read.integer(QStringLiteral("createdMs"));
    device.updatedMs = read.integer(QStringLiteral("updatedMs"));
    device.status = nested(read, QStringLiteral("status"), QStringLiteral("device status"), readState);
    device.channels = objectList<Channel>(read, QStringLiteral("channels"));
    return finished(read, device);
}

QJsonObject DeviceInput::toJson() const {
    QJsonObject json;
    const std::pair<const char*, QJsonValue> fields[] = {
        {"name", name},         {"driver", driver},     {"address", address},
        {"subAddress", subAddress}, {"userName", userName}, {"password", password},
        {"groupId", idOrNull(groupId)}, {"enabled", enabled}};
    for (const auto& [field, value] : fields) {
        if (has(field)) {
            json.insert(QString::fromLatin1(field), value);
        }
    }
    return json;
}

Result<DeviceInput> DeviceInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("device"), Mode::Request);
    DeviceInput input;
    readConnection(read, input);
    if (read.has(QStringLiteral("name"))) {
        input.present.insert(QStringLiteral("name"));
        input.name = read.string(QStringLiteral("name")).trimmed();
    }
    if (read.has(QStringLiteral("groupId"))) {
        input.present.insert(QStringLiteral("groupId"));
        input.groupId = nullableId(read, json, QStringLiteral("groupId"));
    }
    if (read.has(QStringLiteral("enabled"))) {
        input.present.insert(QStringLiteral("enabled"));
        input.enabled = read.boolean(QStringLiteral("enabled"));
    }
    return finished(read, input);
}

Result<ConnectionTestInput> ConnectionTestInput::fromRequest(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("connection test"), Mode::Request);
    ConnectionTestInput input;
    if (read.has(QStringLiteral("deviceId"))) {
        input.deviceId = read.string(QStringLiteral("deviceId"));
    }
    readConnection(read, input.connection);
    if (!read.finish()) {
        return read.error();
    }
    if (input.deviceId.isEmpty() == input.connection.present.isEmpty()) {
        return FieldReader::badRequest(QStringLiteral("connection test"), QStringLiteral("deviceId"),
                                       QStringLiteral("or the connection fields (driver, address, userName, "
                                                      "password) must be given, not both and not neither"));
    }
    return input;
}

// --- DiscoveryInput, DeviceJob, PtzMoveInput ----------------------------------------------------

QJsonObject DiscoveryInput::toJson() const {
    QJsonObject json{{QStringLiteral("timeoutMs"), timeoutMs}};
    if (!drivers.isEmpty()) {
        json.insert(QStringLiteral("drivers"), QJsonArray::fromStringList(drivers));
    }
    if (!unicastHost.isEmpty()) {
        json.insert(QStringLiteral("unicastHost"), unicastHost);
        json.insert(QStringLiteral("unicastPort"), unicastPort);
    }
    return json;
}

Result<DiscoveryInput> DiscoveryInput::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("discovery request");
    FieldReader read(json, context, Mode::Request);
    DiscoveryInput input;
    if (read.has(QStringLiteral("drivers"))) {
        input.drivers = read.stringList(QStringLiteral("drivers"));
    }
    if (read.has(QStringLiteral("timeoutMs"))) {
        input.timeoutMs = read.smallInteger(QStringLiteral("timeoutMs"));
    }
    if (read.has(QStringLiteral("unicastHost"))) {
        input.unicastHost = read.string(QStringLiteral("unicastHost")).trimmed();
    }
    if (read.has(QStringLiteral("unicastPort"))) {
        input.unicastPort = read.smallInteger(QStringLiteral("unicastPort"));
    }
    if (!read.finish()) {
        return read.error();
    }
    if (input.timeoutMs < 100 || input.timeoutMs > kMaxTimeoutMs) {
        return FieldReader::badRequest(
            context, QStringLiteral("timeoutMs"),
            QStringLiteral("is %1; use 100 to %2 (ms)").arg(input.timeoutMs).arg(kMaxTimeoutMs));
    }
    if (input.unicastPort < 1 || input.unicastPort > 65535) {
        return FieldReader::badRequest(context, QStringLiteral("unicastPort"),
                                       QStringLiteral("is %1; use 1 to 65535 (3702 is WS-Discovery's)")
                                           .arg(input.unicastPort));
    }
    return input;
}

Result<PtzMoveInput> PtzMoveInput::fromRequest(const QJsonObject& json) {
    const QString context = QStringLiteral("PTZ move");
    FieldReader read(json, context, Mode::Request);
    PtzMoveInput input;
    const std::pair<const char*, double*> axes[] = {{"pan", &input.pan}, {"tilt", &input.tilt}, {"zoom", &input.zoom}};
    for (const auto& [axis, value] : axes) {
        if (read.has(QString::fromLatin1(axis))) {
            *value = read.number(QString::fromLatin1(axis));
        }
    }
    if (!read.finish()) {
        return read.error();
    }
    for (const auto& [axis, value] : axes) {
        if (!std::isfinite(*value) || *value < -1.0 || *value > 1.0) {
            return FieldReader::badRequest(context, QString::fromLatin1(axis),
                                           QStringLiteral("is %1; use a speed from -1 to 1").arg(*value));
        }
    }
    if (input.pan == 0 && input.tilt == 0 && input.zoom == 0) {
        return FieldReader::badRequest(context, QStringLiteral("pan"),
                                       QStringLiteral("and tilt and zoom are all 0; give a speed to move "
                                                      "with, or call ptz/stop to stop"));
    }
    return input;
}

}  // namespace vigil::core::model
