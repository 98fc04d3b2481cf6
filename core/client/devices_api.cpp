#include "client/devices_api.h"

#include <QJsonArray>
#include <QTimer>
#include <QUrlQuery>

#include "client/json_reply.h"
#include "common/logging.h"
#include "model/json_fields.h"
#include "model/system_model.h"

namespace vigil::core::client {

using model::FieldReader;
using Method = ApiClient::Method;
using Request = ApiClient::Request;

namespace {

// Reads each object of the array `name` with `readOne`; the first error fails `read`.
template <typename T>
QList<T> readArray(FieldReader& read, const QString& name, const QString& context, T (*readOne)(FieldReader&)) {
    QList<T> items;
    const QJsonArray array = read.array(name);
    for (qsizetype i = 0; read.ok() && i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            read.fail(QStringLiteral("%1[%2]").arg(name, QString::number(i)), QStringLiteral("an object"),
                      array.at(i));
            break;
        }
        FieldReader one(array.at(i).toObject(), context);
        items.append(readOne(one));
        if (!one.finish()) {
            read.failWith(one.error());
        }
    }
    return items;
}

DeviceDescription::Channel readDescribedChannel(FieldReader& read) {
    DeviceDescription::Channel channel;
    channel.token = read.string(QStringLiteral("token"));
    channel.name = read.string(QStringLiteral("name"));
    channel.mainUrl = read.string(QStringLiteral("mainUrl"));
    channel.subUrl = read.string(QStringLiteral("subUrl"));
    channel.snapshotUrl = read.string(QStringLiteral("snapshotUrl"));
    channel.ptz = read.boolean(QStringLiteral("ptz"));
    channel.audio = read.boolean(QStringLiteral("audio"));
    return channel;
}

PtzPresets::Preset readPreset(FieldReader& read) {
    return PtzPresets::Preset{read.string(QStringLiteral("token")), read.string(QStringLiteral("name"))};
}

DriverList::Driver readDriver(FieldReader& read) {
    return DriverList::Driver{read.string(QStringLiteral("id")), read.string(QStringLiteral("displayName"))};
}

QString readProblem(FieldReader& read) {
    return QStringLiteral("%1: %2").arg(read.string(QStringLiteral("file")), read.string(QStringLiteral("reason")));
}

// "/api/v1/<collection>/<id>" with the id percent-encoded; `tail` ("/ptz/stop") is appended as is.
QString idPath(const char* collection, const QString& id, const char* tail = "") {
    return QStringLiteral("/api/v1/%1/%2%3")
        .arg(QLatin1String(collection), QString::fromLatin1(QUrl::toPercentEncoding(id)), QLatin1String(tail));
}

const QString kDevicesPath = QStringLiteral("/api/v1/devices");
const QString kChannelsPath = QStringLiteral("/api/v1/channels");
const QString kGroupsPath = QStringLiteral("/api/v1/device-groups");

}  // namespace

// --- value types -------------------------------------------------------------------------------------

Result<DriverList> DriverList::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("driver list"));
    DriverList list;
    list.drivers = readArray(read, QStringLiteral("drivers"), QStringLiteral("driver"), readDriver);
    list.problems = readArray(read, QStringLiteral("problems"), QStringLiteral("driver problem"), readProblem);
    return model::finished(read, list);
}

namespace {

DiscoveredDevice readDiscovered(FieldReader& read) {
    DiscoveredDevice found;
    found.driver = read.string(QStringLiteral("driver"));
    found.address = read.string(QStringLiteral("address"));
    found.name = read.string(QStringLiteral("name"));
    found.hardware = read.string(QStringLiteral("hardware"));
    found.scopes = read.stringList(QStringLiteral("scopes"));
    found.endpointReference = read.string(QStringLiteral("endpointReference"));
    return found;
}

}  // namespace

QJsonObject DiscoveredDevice::toJson() const {
    return QJsonObject{{QStringLiteral("driver"), driver},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("hardware"), hardware},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                       {QStringLiteral("endpointReference"), endpointReference},
                       {QStringLiteral("deviceId"), model::idOrNull(deviceId)}};
}

Result<DiscoveredDevice> DiscoveredDevice::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("discovered device"));
    DiscoveredDevice found = readDiscovered(read);
    found.deviceId = model::nullableId(read, json, QStringLiteral("deviceId"));
    return model::finished(read, found);
}

QJsonObject DiscoveryResult::toJson() const {
    return QJsonObject{{QStringLiteral("devices"), model::toJsonArray(devices)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

Result<DiscoveryResult> DiscoveryResult::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("discovery result"));
    DiscoveryResult result;
    result.devices = model::objectList<DiscoveredDevice>(read, QStringLiteral("devices"));
    result.problems = read.stringList(QStringLiteral("problems"));
    return model::finished(read, result);
}

QJsonObject DeviceDescription::toJson() const {
    QJsonArray array;
    for (const Channel& channel : channels) {
        array.append(QJsonObject{{QStringLiteral("token"), channel.token},
                                 {QStringLiteral("name"), channel.name},
                                 {QStringLiteral("mainUrl"), channel.mainUrl},
                                 {QStringLiteral("subUrl"), channel.subUrl},
                                 {QStringLiteral("snapshotUrl"), channel.snapshotUrl},
                                 {QStringLiteral("ptz"), channel.ptz},
                                 {QStringLiteral("audio"), channel.audio}});
    }
    const QJsonObject description{
        {QStringLiteral("manufacturer"), manufacturer},
        {QStringLiteral("model"), model},
        {QStringLiteral("firmware"), firmware},
        {QStringLiteral("serialNumber"), serialNumber},
        {QStringLiteral("hardwareId"), hardwareId},
        {QStringLiteral("clockOffsetMs"),
         clockOffsetMs ? QJsonValue(double(*clockOffsetMs)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("channels"), array}};
    return QJsonObject{{QStringLiteral("description"), description}};
}

Result<DeviceDescription> DeviceDescription::fromJson(const QJsonObject& json) {
    FieldReader outer(json, QStringLiteral("connection test result"));
    const QJsonObject inner = outer.object(QStringLiteral("description"));
    if (!outer.finish()) {
        return outer.error();
    }
    FieldReader read(inner, QStringLiteral("device description"));
    DeviceDescription description;
    description.manufacturer = read.string(QStringLiteral("manufacturer"));
    description.model = read.string(QStringLiteral("model"));
    description.firmware = read.string(QStringLiteral("firmware"));
    description.serialNumber = read.string(QStringLiteral("serialNumber"));
    description.hardwareId = read.string(QStringLiteral("hardwareId"));
    if (inner.value(QStringLiteral("clockOffsetMs")).isNull()) {
        read.has(QStringLiteral("clockOffsetMs"));
    } else {
        description.clockOffsetMs = read.integer(QStringLiteral("clockOffsetMs"));
    }
    description.channels =
        readArray(read, QStringLiteral("channels"), QStringLiteral("described channel"), readDescribedChannel);
    return model::finished(read, description);
}

QJsonObject PtzPresets::toJson() const {
    QJsonArray array;
    for (const Preset& preset : presets) {
        array.append(QJsonObject{{QStringLiteral("token"), preset.token}, {QStringLiteral("name"), preset.name}});
    }
    return QJsonObject{{QStringLiteral("presets"), array},
                       {QStringLiteral("fetchedMs"), fetchedMs},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("message"), message}};
}

Result<PtzPresets> PtzPresets::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("PTZ presets"));
    PtzPresets presets;
    presets.presets = readArray(read, QStringLiteral("presets"), QStringLiteral("PTZ preset"), readPreset);
    presets.fetchedMs = read.integer(QStringLiteral("fetchedMs"));
    presets.state = read.string(QStringLiteral("state"));
    presets.message = read.string(QStringLiteral("message"));
    return model::finished(read, presets);
}

QJsonObject PtzResult::toJson() const {
    return QJsonObject{{QStringLiteral("channelId"), channelId}, {QStringLiteral("operation"), operation},
                       {QStringLiteral("ok"), ok},               {QStringLiteral("error"), error},
                       {QStringLiteral("message"), message}};
}

Result<PtzResult> PtzResult::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("PTZ result"));
    PtzResult result;
    result.channelId = read.string(QStringLiteral("channelId"));
    result.operation = read.string(QStringLiteral("operation"));
    result.ok = read.boolean(QStringLiteral("ok"));
    result.error = read.string(QStringLiteral("error"));
    result.message = read.string(QStringLiteral("message"));
    return model::finished(read, result);
}

std::optional<Result<DevicesPush>> DevicesPush::fromPush(const model::PushMessage& message) {
    static const QHash<QString, Kind> kKinds = {
        {QStringLiteral("devices.device"), Kind::Device},  {QStringLiteral("devices.device_removed"), Kind::DeviceRemoved},
        {QStringLiteral("devices.groups"), Kind::Groups},  {QStringLiteral("devices.job"), Kind::Job},
        {QStringLiteral("devices.ptz"), Kind::Ptz},
    };
    const auto kind = kKinds.constFind(message.type);
    if (kind == kKinds.cend()) {
        return std::nullopt;
    }
    DevicesPush push;
    push.kind = *kind;
    switch (push.kind) {
        case Kind::Device: {
            auto device = model::Device::fromJson(message.data);
            if (!device) {
                return Result<DevicesPush>(device.error());
            }
            push.device = std::move(device).value();
            break;
        }
        case Kind::DeviceRemoved: {
            FieldReader read(message.data, QStringLiteral("removed device"));
            push.removedId = read.string(QStringLiteral("id"));
            if (!read.finish()) {
                return Result<DevicesPush>(read.error());
            }
            break;
        }
        case Kind::Groups: {
            auto groups = parseList<model::DeviceGroup>(QJsonDocument(message.data), QStringLiteral("groups"));
            if (!groups) {
                return Result<DevicesPush>(groups.error());
            }
            push.groups = std::move(groups).value();
            break;
        }
        case Kind::Job: {
            auto job = model::Job::fromJson(message.data);
            if (!job) {
                return Result<DevicesPush>(job.error());
            }
            push.job = std::move(job).value();
            break;
        }
        case Kind::Ptz: {
            auto ptz = PtzResult::fromJson(message.data);
            if (!ptz) {
                return Result<DevicesPush>(ptz.error());
            }
            push.ptz = std::move(ptz).value();
            break;
        }
    }
    return Result<DevicesPush>(push);
}

model::DeviceInput DeviceChange::toInput() const {
    model::DeviceInput input;
    const auto set = [&input](const char* field, const std::optional<QString>& value, QString& target) {
        if (value) {
            target = *value;
            input.present.insert(QLatin1String(field));
        }
    };
    set("name", name, input.name);
    set("address", address, input.address);
    set("subAddress", subAddress, input.subAddress);
    set("userName", userName, input.userName);
    set("password", password, input.password);
    set("groupId", groupId, input.groupId);
    if (enabled) {
        input.enabled = *enabled;
        input.present.insert(QStringLiteral("enabled"));
    }
    return input;
}

// --- DevicesApi ------------------------------------------------------------------------------------

template <typename T>
void DevicesApi::callObject(Method method, const QString& path, std::optional<QJsonObject> body, Callback<T> done) {
    m_client->sendJson(Request(method, path, std::move(body)),
                       [done = std::move(done)](const Result<QJsonDocument>& answer) { done(parseObject<T>(answer)); });
}

template <typename T>
void DevicesApi::callList(const QString& path, const QString& key, Callback<QList<T>> done) {
    m_client->sendJson(Request(Method::Get, path),
                       [key, done = std::move(done)](const Result<QJsonDocument>& answer) {
                           done(parseList<T>(answer, key));
                       });
}

DevicesApi::DevicesApi(ApiClient* client, QObject* parent)
    : QObject(parent), m_client(client), m_poll(new QTimer(this)) {
    m_poll->setInterval(kJobPollMs);
    connect(m_poll, &QTimer::timeout, this, &DevicesApi::pollJobs);
    connect(m_client, &ApiClient::pushReceived, this, &DevicesApi::onPush);
}

DevicesApi::~DevicesApi() = default;

void DevicesApi::callStatus(Method method, const QString& path, std::optional<QJsonObject> body,
                            StatusCallback done) {
    m_client->sendStatus(Request(method, path, std::move(body)), std::move(done));
}

void DevicesApi::fetchDrivers(Callback<DriverList> done) {
    callObject<DriverList>(Method::Get, QStringLiteral("/api/v1/device-drivers"), std::nullopt, std::move(done));
}

void DevicesApi::fetchDevices(Callback<QList<model::Device>> done) {
    callList<model::Device>(kDevicesPath, QStringLiteral("devices"), std::move(done));
}

void DevicesApi::fetchDevice(const QString& id, Callback<model::Device> done) {
    callObject<model::Device>(Method::Get, idPath("devices", id), std::nullopt, std::move(done));
}

void DevicesApi::addDevice(const model::DeviceInput& input, Callback<model::Device> done) {
    callObject<model::Device>(Method::Post, kDevicesPath, input.toJson(), std::move(done));
}

void DevicesApi::updateDevice(const QString& id, const DeviceChange& change, Callback<model::Device> done) {
    callObject<model::Device>(Method::Put, idPath("devices", id), change.toInput().toJson(), std::move(done));
}

void DevicesApi::removeDevice(const QString& id, StatusCallback done) {
    callStatus(Method::Delete, idPath("devices", id), std::nullopt, std::move(done));
}

void DevicesApi::fetchChannels(Callback<QList<model::Channel>> done) {
    callList<model::Channel>(kChannelsPath, QStringLiteral("channels"), std::move(done));
}

void DevicesApi::fetchChannel(const QString& id, Callback<model::Channel> done) {
    callObject<model::Channel>(Method::Get, idPath("channels", id), std::nullopt, std::move(done));
}

void DevicesApi::updateChannel(const QString& id, const std::optional<QString>& name,
                               const std::optional<bool>& enabled, Callback<model::Channel> done) {
    QJsonObject body;
    if (name) {
        body.insert(QStringLiteral("name"), *name);
    }
    if (enabled) {
        body.insert(QStringLiteral("enabled"), *enabled);
    }
    callObject<model::Channel>(Method::Put, idPath("channels", id), body, std::move(done));
}

namespace {

model::DeviceInput connectionInput(const char* driver, const QString& address, const QString& name,
                                   const QString& userName, const QString& password, const QString& groupId) {
    DeviceChange change;
    change.address = address.trimmed();
    if (!name.trimmed().isEmpty()) {
        change.name = name.trimmed();  // else the server names it after the address's host
    }
    // Empty credentials are left out, so those written in an RTSP URL are kept.
    if (!userName.isEmpty()) {
        change.userName = userName;
    }
    if (!password.isEmpty()) {
        change.password = password;
    }
    if (!groupId.isEmpty()) {
        change.groupId = groupId;
    }
    model::DeviceInput input = change.toInput();
    input.driver = QString::fromLatin1(driver);
    input.present.insert(QStringLiteral("driver"));
    return input;
}

}  // namespace

model::DeviceInput DevicesApi::rtspInput(const QString& url, const QString& name, const QString& userName,
                                         const QString& password, const QString& groupId, const QString& subUrl) {
    model::DeviceInput input = connectionInput("rtsp", url, name, userName, password, groupId);
    if (!subUrl.trimmed().isEmpty()) {
        input.subAddress = subUrl.trimmed();
        input.present.insert(QStringLiteral("subAddress"));
    }
    return input;
}

model::DeviceInput DevicesApi::onvifInput(const QString& address, const QString& name, const QString& userName,
                                          const QString& password, const QString& groupId) {
    return connectionInput("onvif", address, name, userName, password, groupId);
}

model::DeviceInput DevicesApi::discoveredInput(const DiscoveredDevice& found, const QString& name,
                                               const QString& userName, const QString& password,
                                               const QString& groupId) {
    model::DeviceInput input = connectionInput("onvif", found.address, name.isEmpty() ? found.name : name, userName,
                                               password, groupId);
    input.driver = found.driver;
    return input;
}

// --- groups ----------------------------------------------------------------------------------------

void DevicesApi::fetchGroups(Callback<QList<model::DeviceGroup>> done) {
    callList<model::DeviceGroup>(kGroupsPath, QStringLiteral("groups"), std::move(done));
}

void DevicesApi::createGroup(const QString& name, const QString& parentId, const QString& kind,
                             Callback<model::DeviceGroup> done) {
    model::GroupInput input;
    input.name = name.trimmed();
    input.parentId = parentId;
    input.present = {QStringLiteral("name"), QStringLiteral("parentId")};
    if (!kind.isEmpty()) {
        input.kind = kind;
        input.present.insert(QStringLiteral("kind"));
    }
    callObject<model::DeviceGroup>(Method::Post, kGroupsPath, input.toJson(), std::move(done));
}

void DevicesApi::renameGroup(const QString& id, const QString& name, Callback<model::DeviceGroup> done) {
    model::GroupInput input;
    input.name = name.trimmed();
    input.present = {QStringLiteral("name")};
    callObject<model::DeviceGroup>(Method::Put, idPath("device-groups", id), input.toJson(), std::move(done));
}

void DevicesApi::moveGroup(const QString& id, const QString& parentId, Callback<model::DeviceGroup> done) {
    model::GroupInput input;
    input.parentId = parentId;
    input.present = {QStringLiteral("parentId")};
    callObject<model::DeviceGroup>(Method::Put, idPath("device-groups", id), input.toJson(), std::move(done));
}

void DevicesApi::deleteGroup(const QString& id, GroupContents contents, StatusCallback done) {
    QUrlQuery query;
    if (contents == GroupContents::Move) {
        query.addQueryItem(QStringLiteral("contents"), QStringLiteral("move"));
    } else if (contents == GroupContents::Delete) {
        query.addQueryItem(QStringLiteral("contents"), QStringLiteral("delete"));
    }
    Request request(Method::Delete, idPath("device-groups", id));
    request.query = query;
    m_client->sendStatus(request, std::move(done));
}

// --- jobs ------------------------------------------------------------------------------------------

QString DevicesApi::jobPath(const QString& kind, const QString& id) {
    const char* collection = kind == QLatin1String(kDiscovery) ? "discovery-jobs" : "connection-tests";
    return id.isEmpty() ? QStringLiteral("/api/v1/") + QLatin1String(collection) : idPath(collection, id);
}

void DevicesApi::testConnection(const model::DeviceInput& connection, Callback<model::Job> done) {
    // Only what reaches the device: a test takes no name, group or enabled flag.
    QJsonObject body = connection.toJson();
    for (const char* field : {"name", "groupId", "enabled"}) {
        body.remove(QLatin1String(field));
    }
    callObject<model::Job>(Method::Post, jobPath(QLatin1String(kConnectionTest)), body, std::move(done));
}

void DevicesApi::testDevice(const QString& deviceId, Callback<model::Job> done) {
    callObject<model::Job>(Method::Post, jobPath(QLatin1String(kConnectionTest)),
                           QJsonObject{{QStringLiteral("deviceId"), deviceId}}, std::move(done));
}

void DevicesApi::startDiscovery(const model::DiscoveryInput& input, Callback<model::Job> done) {
    callObject<model::Job>(Method::Post, jobPath(QLatin1String(kDiscovery)), input.toJson(), std::move(done));
}

void DevicesApi::fetchJobs(const QString& kind, Callback<QList<model::Job>> done) {
    callList<model::Job>(jobPath(kind), QStringLiteral("jobs"), std::move(done));
}

void DevicesApi::fetchJob(const QString& kind, const QString& id, Callback<model::Job> done) {
    callObject<model::Job>(Method::Get, jobPath(kind, id), std::nullopt, std::move(done));
}

void DevicesApi::cancelJob(const QString& kind, const QString& id, Callback<model::Job> done) {
    QPointer<DevicesApi> self(this);
    m_client->sendJson(Request(Method::Delete, jobPath(kind, id)),
                       [self, done = std::move(done)](const Result<QJsonDocument>& answer) {
                           auto job = parseObject<model::Job>(answer);
                           if (job && self) {
                               self->deliver(job.value());  // followers hear of the cancel at once
                           }
                           done(job);
                       });
}

void DevicesApi::followJob(const model::Job& job, JobUpdate update) {
    if (job.id.isEmpty() || !update) {
        return;
    }
    m_followed.insert(job.id, Followed{job.kind, std::move(update), model::Job{}, false});
    deliver(job);
    if (!m_followed.isEmpty() && !m_poll->isActive()) {
        m_poll->start();
    }
}

void DevicesApi::stopFollowing(const QString& jobId) {
    m_followed.remove(jobId);
    if (m_followed.isEmpty()) {
        m_poll->stop();
    }
}

void DevicesApi::deliver(const model::Job& job) {
    auto followed = m_followed.find(job.id);
    if (followed == m_followed.end()) {
        return;
    }
    const model::Job& last = followed->last;
    // A poll answer may arrive after a newer push: never step back.
    if (!last.id.isEmpty() && job.isRunning() && (!last.isRunning() || job.progress < last.progress)) {
        return;
    }
    if (!last.id.isEmpty() && job.toJson() == last.toJson()) {
        return;
    }
    followed->last = job;
    const JobUpdate update = followed->update;  // the callback may stop following (and erase it)
    if (!job.isRunning()) {
        stopFollowing(job.id);
    }
    update(job);
}

void DevicesApi::pollJobs() {
    for (auto it = m_followed.begin(); it != m_followed.end(); ++it) {
        if (it->polling) {
            continue;
        }
        it->polling = true;
        const QString id = it.key();
        QPointer<DevicesApi> self(this);
        fetchJob(it->kind, id, [self, id](const Result<model::Job>& job) {
            if (self) {
                self->polled(id, job);
            }
        });
    }
}

void DevicesApi::polled(const QString& id, const Result<model::Job>& job) {
    if (auto followed = m_followed.find(id); followed != m_followed.end()) {
        followed->polling = false;
    }
    if (job) {
        deliver(job.value());
    } else if (job.error().code == QLatin1String("job_not_found")) {
        stopFollowing(id);  // the server restarted or dropped it: nothing more will come
    }
}

// --- PTZ -------------------------------------------------------------------------------------------

void DevicesApi::ptzMove(const QString& channelId, double pan, double tilt, double zoom, StatusCallback done) {
    callStatus(Method::Post, idPath("channels", channelId, "/ptz/move"),
               QJsonObject{{QStringLiteral("pan"), pan}, {QStringLiteral("tilt"), tilt}, {QStringLiteral("zoom"), zoom}},
               std::move(done));
}

void DevicesApi::ptzStop(const QString& channelId, StatusCallback done) {
    callStatus(Method::Post, idPath("channels", channelId, "/ptz/stop"), std::nullopt, std::move(done));
}

void DevicesApi::fetchPtzPresets(const QString& channelId, Callback<PtzPresets> done) {
    callObject<PtzPresets>(Method::Get, idPath("channels", channelId, "/ptz/presets"), std::nullopt, std::move(done));
}

void DevicesApi::ptzSetPreset(const QString& channelId, const QString& name, StatusCallback done) {
    callStatus(Method::Post, idPath("channels", channelId, "/ptz/presets"),
               QJsonObject{{QStringLiteral("name"), name.trimmed()}}, std::move(done));
}

void DevicesApi::ptzGotoPreset(const QString& channelId, const QString& token, StatusCallback done) {
    callStatus(Method::Post,
               idPath("channels", channelId, "/ptz/presets/") + QString::fromLatin1(QUrl::toPercentEncoding(token)) +
                   QStringLiteral("/goto"),
               std::nullopt, std::move(done));
}

// --- pushes ----------------------------------------------------------------------------------------

void DevicesApi::onPush(const model::PushMessage& message) {
    const auto push = DevicesPush::fromPush(message);
    if (!push) {
        return;
    }
    if (!*push) {
        qCWarning(lcClient).noquote() << "ignoring a" << message.type << "push:" << push->error().message;
        return;
    }
    const DevicesPush& p = push->value();
    switch (p.kind) {
        case DevicesPush::Kind::Device:
            emit deviceChanged(p.device);
            break;
        case DevicesPush::Kind::DeviceRemoved:
            emit deviceRemoved(p.removedId);
            break;
        case DevicesPush::Kind::Groups:
            emit groupsChanged(p.groups);
            break;
        case DevicesPush::Kind::Job:
            deliver(p.job);
            emit jobChanged(p.job);
            break;
        case DevicesPush::Kind::Ptz:
            emit ptzResult(p.ptz);
            break;
    }
}

}  // namespace vigil::core::client
