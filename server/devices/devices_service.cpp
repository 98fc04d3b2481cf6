#include "devices/devices_service.h"

#include <QJsonArray>
#include <QPointer>
#include <QUuid>

#include "devices/device_endpoint.h"
#include "devices/device_status.h"
#include "devices/devices_logging.h"
#include "model/json_fields.h"
#include "store/database.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::devices::Cancellation;
using core::devices::DeviceAddress;
using core::devices::DeviceDescription;
using core::devices::DeviceDriver;
using core::devices::DiscoveredDevice;
using core::model::Channel;
using core::model::Device;
using core::model::DeviceGroup;
using core::model::DeviceJob;
using core::model::DeviceStates;
using core::model::StateInfo;

namespace {

const QString kConnectionTest = QStringLiteral("connection_test");
const QString kDiscovery = QStringLiteral("discovery");

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString mainKey(const QString& channelId) {
    return channelId + QStringLiteral("/main");
}

QString subKey(const QString& channelId) {
    return channelId + QStringLiteral("/sub");
}

Error badRequest(const QString& context, const QString& field, const QString& problem) {
    return core::model::FieldReader::badRequest(context, field, problem);
}

Error notFound(const char* code, const QString& what, const QString& id) {
    return Error::make(QString::fromLatin1(code),
                       QStringLiteral("There is no %1 with the id \"%2\". Reload the list; it may have been deleted.")
                           .arg(what, id));
}

Status checkName(const QString& name, const QString& context) {
    const bool controls = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    if (name.isEmpty() || name.size() > DevicesService::kMaxNameLength || controls) {
        return badRequest(context, QStringLiteral("name"),
                          QStringLiteral("must be 1 to %1 characters without control characters")
                              .arg(DevicesService::kMaxNameLength));
    }
    return {};
}

Error unknownDriver(const QString& driver, const QStringList& installed) {
    return Error::make(QStringLiteral("unknown_driver"),
                       QStringLiteral("There is no device driver \"%1\" installed. Use one of: %2.")
                           .arg(driver, installed.isEmpty() ? QStringLiteral("(none installed)") : installed.join(u", ")));
}

QJsonObject descriptionJson(const DeviceDescription& description) {
    QJsonArray channels;
    for (const auto& channel : description.channels) {
        channels.append(QJsonObject{{QStringLiteral("token"), channel.token},
                                    {QStringLiteral("name"), channel.name},
                                    {QStringLiteral("mainUrl"), channel.mainStream.toString()},
                                    {QStringLiteral("subUrl"), channel.subStream.toString()},
                                    {QStringLiteral("snapshotUrl"), channel.snapshot.toString()},
                                    {QStringLiteral("ptz"), channel.ptz},
                                    {QStringLiteral("audio"), channel.audio}});
    }
    return QJsonObject{{QStringLiteral("manufacturer"), description.manufacturer},
                       {QStringLiteral("model"), description.model},
                       {QStringLiteral("firmware"), description.firmware},
                       {QStringLiteral("serialNumber"), description.serialNumber},
                       {QStringLiteral("hardwareId"), description.hardwareId},
                       {QStringLiteral("clockOffsetMs"), description.clockOffsetMs
                                                             ? QJsonValue(double(*description.clockOffsetMs))
                                                             : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("channels"), channels}};
}

}  // namespace

DevicesService::DevicesService(core::store::Database& db, const core::Clock& clock,
                               core::devices::DriverRegistry& drivers, StreamHub& streams, ChannelAccess access,
                               QObject* parent)
    : Service(QStringLiteral("devices"), QStringLiteral("Devices"), parent),
      m_db(db),
      m_clock(clock),
      m_drivers(drivers),
      m_streams(streams),
      m_access(access),
      m_devices(db),
      m_groups(db),
      m_jobs(clock, JobBoard::Retention{kKeptJobs, kKeptJobMs}) {
    m_pool.setMaxThreadCount(kWorkerThreads);
    m_security = std::make_unique<DeviceSecurity>(*this, clock);
    connect(&m_jobs, &JobBoard::changed, this, &DevicesService::jobChanged);
    connect(&m_streams, &StreamHub::statusChanged, this, &DevicesService::onStreamStatus);
}

DevicesService::~DevicesService() {
    m_security.reset();  // waits for its driver calls, which use this service
    doStop();
}

// --- lifecycle ----------------------------------------------------------------------------------

Status DevicesService::doStart() {
    m_drivers.load();
    auto stored = m_devices.list();
    if (!stored) {
        return stored.error();
    }
    m_running = true;
    for (const Device& device : stored.value()) {
        startDevice(device);
    }
    qCInfo(lcDevices).noquote() << "devices service running:" << stored->size() << "devices, drivers"
                                << m_drivers.ids().join(u", ");
    return {};
}

void DevicesService::doStop() {
    if (!m_running) {
        return;
    }
    m_running = false;
    const QStringList ids = m_runtime.keys();
    for (const QString& id : ids) {
        stopDevice(id, true);
    }
    m_jobs.cancelAll(QStringLiteral("service_stopped"),
                     QStringLiteral("The devices service stopped before the job ended. Start it again."));
    m_discoveries.clear();
    // Every driver call honours its Cancellation; wait so none outlives the service.
    m_pool.waitForDone();
}

Status DevicesService::available() const {
    if (!m_running) {
        return Error::make(QStringLiteral("devices_unavailable"),
                           QStringLiteral("The devices service is not running. Start it (system services), then "
                                          "try again."));
    }
    return {};
}

// --- worker pool --------------------------------------------------------------------------------

template <typename T>
void DevicesService::runDriver(const QString& driverId, std::shared_ptr<Cancellation> cancel,
                               std::function<Result<T>(DeviceDriver&, const Cancellation&)> call,
                               std::function<void(const Result<T>&)> done) {
    const core::devices::DriverRegistry* registry = &m_drivers;
    const QStringList installed = m_drivers.ids();
    // The pool is drained in doStop() before the service goes, so `this` outlives every task; the
    // queued call is dropped by Qt if the service is gone by the time it would run.
    m_pool.start([this, registry, installed, driverId, cancel, call, done] {
        std::unique_ptr<DeviceDriver> driver = registry->create(driverId);
        Result<T> result = driver ? call(*driver, *cancel) : Result<T>(unknownDriver(driverId, installed));
        QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

// --- reading ------------------------------------------------------------------------------------

Result<Device> DevicesService::stored(const QString& id) const {
    auto found = m_devices.find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("device_not_found", QStringLiteral("device"), id);
    }
    return *found.value();
}

void DevicesService::fillChannel(Channel& channel) const {
    const QString deviceId = m_channelDevice.value(channel.id);
    if (auto rt = m_runtime.constFind(deviceId); rt != m_runtime.cend()) {
        const ChannelRuntime runtime = rt->channels.value(channel.id);
        channel.status = StateInfo{runtime.state, runtime.reason, runtime.sinceMs, 0};
    }
    auto fill = [this](const QString& key, core::model::StreamInfoJson& out) {
        const StreamStatus status = m_streams.status(key);
        const StreamStats stats = m_streams.stats(key);
        out.state = streamStateName(status.state);
        out.reason = status.reason;
        out.sinceMs = status.sinceMs;
        out.nextRetryMs = status.nextRetryMs;
        out.codec = stats.codec;
        out.width = stats.width;
        out.height = stats.height;
        out.fps = stats.fps;
        out.bitsPerSecond = stats.bitsPerSecond;
        out.lastKeyframeMs = stats.lastKeyframeMs;
        out.packets = stats.packets;
        out.bytes = stats.bytes;
        out.reconnects = stats.reconnects;
    };
    fill(mainKey(channel.id), channel.mainStream);
    fill(subKey(channel.id), channel.subStream);
}

Device DevicesService::withLiveState(Device device) const {
    if (auto rt = m_runtime.constFind(device.id); rt != m_runtime.cend()) {
        device.status = rt->status;
    }
    for (Channel& channel : device.channels) {
        fillChannel(channel);
    }
    return device;
}

Result<QList<Device>> DevicesService::devices() const {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto list = m_devices.list();
    if (!list) {
        return list.error();
    }
    for (Device& device : list.value()) {
        device = withLiveState(device);
    }
    return list;
}

Result<Device> DevicesService::device(const QString& id) const {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto found = stored(id);
    if (!found) {
        return found.error();
    }
    return withLiveState(found.value());
}

Result<Channel> DevicesService::channel(const QString& id) const {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto found = m_devices.channel(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("channel_not_found", QStringLiteral("channel"), id);
    }
    Channel channel = *found.value();
    fillChannel(channel);
    return channel;
}

// --- licensed capacity (LIC-1) -------------------------------------------------------------------

int DevicesService::channelsOf(const Device& device) {
    if (!device.enabled) {
        return 0;
    }
    if (device.channels.isEmpty()) {
        return 1;
    }
    return static_cast<int>(std::count_if(device.channels.cbegin(), device.channels.cend(),
                                          [](const Channel& channel) { return channel.enabled; }));
}

int DevicesService::channelsInUse() const {
    auto list = m_devices.list();
    if (!list) {
        return 0;
    }
    int count = 0;
    for (const Device& device : list.value()) {
        count += channelsOf(device);
    }
    return count;
}

Status DevicesService::checkQuota(int adding) const {
    return m_quota ? m_quota(channelsInUse(), adding) : Status{};
}

// --- devices ------------------------------------------------------------------------------------

Result<Device> DevicesService::addDevice(const core::model::DeviceInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    const QString context = QStringLiteral("device");
    if (!input.has("driver") || input.driver.isEmpty()) {
        return badRequest(context, QStringLiteral("driver"),
                          QStringLiteral("is missing; name the driver: %1").arg(m_drivers.ids().join(u", ")));
    }
    if (!m_drivers.has(input.driver)) {
        return unknownDriver(input.driver, m_drivers.ids());
    }
    if (!input.has("address")) {
        return badRequest(context, QStringLiteral("address"), QStringLiteral("is missing; give the camera's address"));
    }
    auto endpoint = DeviceEndpoint::parse(input.driver, input.address, input.subAddress);
    if (!endpoint) {
        return endpoint.error();
    }
    Device device;
    device.id = newId();
    device.driver = input.driver;
    device.address = endpoint->address;
    device.subAddress = endpoint->subAddress;
    device.name = input.has("name") ? input.name : endpoint->defaultName();
    if (Status valid = checkName(device.name, context); !valid) {
        return valid.error();
    }
    device.userName = input.has("userName") ? input.userName : endpoint->userName;
    const QString password = input.has("password") ? input.password : endpoint->password;
    device.passwordSet = !password.isEmpty();
    device.enabled = input.has("enabled") ? input.enabled : true;
    device.groupId = input.groupId;
    if (Status group = checkGroupExists(device.groupId); !group) {
        return group.error();
    }
    auto existing = m_devices.findByAddressKey(endpoint->key);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        auto other = m_devices.find(*existing.value());
        const QString otherName = other && other.value() ? other.value()->name : *existing.value();
        return Error::make(QStringLiteral("device_exists"),
                           QStringLiteral("The device \"%1\" (id %2) already has this address. Edit that one "
                                          "instead of adding it twice.")
                               .arg(otherName, *existing.value()));
    }
    if (device.enabled) {
        if (Status quota = checkQuota(1); !quota) {
            return quota.error();
        }
    }
    device.createdMs = m_clock.nowMs();
    device.updatedMs = device.createdMs;
    if (Status inserted = m_devices.insert(device, endpoint->key, password); !inserted) {
        return inserted.error();
    }
    qCInfo(lcDevices).noquote() << "device added:" << device.id << device.driver << device.address;
    startDevice(device);
    return withLiveState(device);
}

Result<Device> DevicesService::updateDevice(const QString& id, const core::model::DeviceInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto found = stored(id);
    if (!found) {
        return found.error();
    }
    const QString context = QStringLiteral("device");
    Device device = found.value();
    if (input.has("driver") && input.driver != device.driver) {
        return badRequest(context, QStringLiteral("driver"),
                          QStringLiteral("cannot change (it is \"%1\"); remove the device and add it with the "
                                         "other driver")
                              .arg(device.driver));
    }
    bool reconnect = false;
    const bool addressChanged = input.has("address") || input.has("subAddress");
    auto endpoint = DeviceEndpoint::parse(device.driver, input.has("address") ? input.address : device.address,
                                          input.has("subAddress") ? input.subAddress : device.subAddress);
    if (!endpoint) {
        return endpoint.error();
    }
    if (addressChanged) {
        auto existing = m_devices.findByAddressKey(endpoint->key);
        if (!existing) {
            return existing.error();
        }
        if (existing.value() && *existing.value() != id) {
            return Error::make(QStringLiteral("device_exists"),
                               QStringLiteral("Another device (id %1) already has this address. Edit that one, or "
                                              "give this device another address.")
                                   .arg(*existing.value()));
        }
        reconnect |= endpoint->address != device.address || endpoint->subAddress != device.subAddress;
        device.address = endpoint->address;
        device.subAddress = endpoint->subAddress;
    }
    if (input.has("name")) {
        if (Status valid = checkName(input.name, context); !valid) {
            return valid.error();
        }
        device.name = input.name;
    }
    if (input.has("userName") || (addressChanged && !endpoint->userName.isEmpty())) {
        const QString userName = input.has("userName") ? input.userName : endpoint->userName;
        reconnect |= userName != device.userName;
        device.userName = userName;
    }
    std::optional<QString> password;
    if (input.has("password")) {
        password = input.password;
    } else if (addressChanged && !endpoint->password.isEmpty()) {
        password = endpoint->password;
    }
    reconnect |= password.has_value();
    if (input.has("groupId") && input.groupId != device.groupId) {
        if (Status group = checkGroupExists(input.groupId); !group) {
            return group.error();
        }
        device.groupId = input.groupId;
    }
    if (input.has("enabled")) {
        if (input.enabled && !device.enabled) {
            Device enabled = device;
            enabled.enabled = true;
            if (Status quota = checkQuota(channelsOf(enabled)); !quota) {
                return quota.error();
            }
        }
        reconnect |= input.enabled != device.enabled;
        device.enabled = input.enabled;
    }
    device.updatedMs = std::max(m_clock.nowMs(), device.createdMs);
    core::store::Transaction transaction(m_db);
    Status saved = transaction.status();
    if (saved) {
        saved = m_devices.update(device, endpoint->key);
    }
    if (saved && password) {
        saved = m_devices.setPassword(id, *password);
    }
    if (saved) {
        saved = transaction.commit();
    }
    if (!saved) {
        return saved.error();
    }
    if (reconnect) {
        restartDevice(id);
    } else if (auto rt = m_runtime.find(id); rt != m_runtime.end()) {
        auto fresh = stored(id);
        if (fresh) {
            rt->device = fresh.value();
        }
        announce(id);
    }
    return this->device(id);
}

Status DevicesService::removeDevice(const QString& id) {
    if (Status status = available(); !status) {
        return status;
    }
    auto found = stored(id);
    if (!found) {
        return found.error();
    }
    QStringList channelIds;
    for (const Channel& channel : found->channels) {
        channelIds.append(channel.id);
    }
    stopDevice(id, true);
    closeStreams(found.value());  // also the ones a runtime that never started would not know
    if (Status removed = m_devices.remove(id); !removed) {
        return removed;
    }
    qCInfo(lcDevices).noquote() << "device removed:" << id << found->name;
    emit deviceRemoved(id, channelIds);
    return {};
}

Result<Channel> DevicesService::updateChannel(const QString& id, const core::model::ChannelInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto found = m_devices.channel(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("channel_not_found", QStringLiteral("channel"), id);
    }
    Channel channel = *found.value();
    if (input.has("name")) {
        if (Status valid = checkName(input.name, QStringLiteral("channel")); !valid) {
            return valid.error();
        }
        channel.name = input.name;
    }
    if (input.has("enabled")) {
        if (input.enabled && !channel.enabled) {
            if (Status quota = checkQuota(1); !quota) {
                return quota.error();
            }
        }
        channel.enabled = input.enabled;
    }
    channel.updatedMs = std::max(m_clock.nowMs(), channel.createdMs);
    if (Status saved = m_devices.updateChannel(channel); !saved) {
        return saved.error();
    }
    if (auto rt = m_runtime.find(channel.deviceId); rt != m_runtime.end()) {
        for (Channel& known : rt->device.channels) {
            if (known.id == id) {
                known = channel;
            }
        }
        openStreams(*rt);
        updateStatus(*rt, false);
        announce(channel.deviceId);
    }
    return this->channel(id);
}

// --- device runtime -----------------------------------------------------------------------------

core::Result<DeviceAddress> DevicesService::driverAddress(const QString& deviceId) const {
    const auto runtime = m_runtime.constFind(deviceId);
    if (runtime == m_runtime.cend()) {
        return core::Error::make(QStringLiteral("device_not_found"),
                                 QStringLiteral("The device \"%1\" is not running.").arg(deviceId));
    }
    return addressOf(*runtime);
}

DeviceAddress DevicesService::addressOf(const DeviceRuntime& runtime) const {
    const Device& device = runtime.device;
    return DeviceAddress{device.driver, QUrl(device.address), device.userName, runtime.password,
                         device.subAddress.isEmpty() ? QUrl() : QUrl(device.subAddress)};
}

void DevicesService::startDevice(const Device& device) {
    static quint64 generations = 0;
    DeviceRuntime runtime;
    runtime.device = device;
    auto password = m_devices.password(device.id);
    runtime.password = password ? password.value() : QString();
    runtime.cancel = std::make_shared<Cancellation>();
    runtime.generation = ++generations;
    runtime.retry = new QTimer(this);
    runtime.retry->setSingleShot(true);
    const QString id = device.id;
    connect(runtime.retry, &QTimer::timeout, this, [this, id] { describe(id); });
    for (const Channel& channel : device.channels) {
        m_channelDevice.insert(channel.id, id);
    }
    DeviceRuntime& rt = m_runtime.insert(id, std::move(runtime)).value();
    const bool usable = device.enabled && m_drivers.has(device.driver);
    if (usable) {
        // Streams known from an earlier describe open at once, so recording resumes without waiting
        // for the device's control interface; describe() re-points them if the device says otherwise.
        openStreams(rt);
    }
    updateStatus(rt, false);
    announce(id);
    if (usable) {
        describe(id);
    }
}

void DevicesService::stopDevice(const QString& id, bool forget) {
    auto rt = m_runtime.find(id);
    if (rt == m_runtime.end()) {
        return;
    }
    rt->cancel->cancel();
    rt->retry->stop();
    rt->retry->deleteLater();
    rt->retry = nullptr;
    closeStreams(rt->device);
    if (forget) {
        for (const Channel& channel : rt->device.channels) {
            m_channelDevice.remove(channel.id);
        }
        m_runtime.erase(rt);
    }
}

void DevicesService::restartDevice(const QString& id) {
    stopDevice(id, true);
    auto fresh = stored(id);
    if (fresh) {
        startDevice(fresh.value());
    }
}

void DevicesService::describe(const QString& id) {
    auto rt = m_runtime.find(id);
    if (rt == m_runtime.end() || rt->describing || !m_running) {
        return;
    }
    rt->describing = true;
    rt->nextRetryMs = 0;
    const DeviceAddress address = addressOf(*rt);
    const quint64 generation = rt->generation;
    runDriver<DeviceDescription>(
        rt->device.driver, rt->cancel,
        [address](DeviceDriver& driver, const Cancellation& cancel) { return driver.describe(address, cancel); },
        [this, id, generation](const Result<DeviceDescription>& result) { described(id, generation, result); });
}

void DevicesService::described(const QString& id, quint64 generation, const Result<DeviceDescription>& result) {
    auto rt = m_runtime.find(id);
    if (rt == m_runtime.end() || rt->generation != generation) {
        return;  // the device changed or went while the driver worked
    }
    rt->describing = false;
    if (result) {
        if (Status applied = applyDescription(*rt, result.value()); !applied) {
            qCWarning(lcDevices).noquote() << "cannot store the description of" << id << ":" << applied.error().message;
        }
        rt->failures = 0;
        rt->described = true;
        rt->describeState.clear();
        rt->describeReason.clear();
        openStreams(*rt);
        updateStatus(*rt);
        return;
    }
    if (result.error().code == QLatin1String(core::devices::kErrorCancelled)) {
        return;
    }
    ++rt->failures;
    rt->described = false;
    rt->describeState = DeviceStatus::describeFailure(result.error(), rt->everOnline);
    rt->describeReason = result.error().message;
    qCInfo(lcDevices).noquote() << "device" << id << rt->describeState << "-" << result.error().message;
    scheduleRetry(*rt);
    updateStatus(*rt);
}

Status DevicesService::applyDescription(DeviceRuntime& runtime, const DeviceDescription& description) {
    Device& device = runtime.device;
    device.manufacturer = description.manufacturer;
    device.model = description.model;
    device.firmware = description.firmware;
    device.serialNumber = description.serialNumber;
    device.hardwareId = description.hardwareId;
    device.describedMs = std::max<qint64>(m_clock.nowMs(), 0);
    core::store::Transaction transaction(m_db);
    Status status = transaction.status();
    if (status) {
        status = m_devices.setDescription(device);
    }
    const qint64 now = std::max<qint64>(m_clock.nowMs(), 0);
    int newChannels = device.channels.isEmpty() ? 0 : 1;  // the first of an undescribed device is counted already
    for (qsizetype i = 0; status && i < description.channels.size(); ++i) {
        const auto& described = description.channels.at(i);
        auto known = std::find_if(device.channels.begin(), device.channels.end(),
                                  [&described](const Channel& c) { return c.token == described.token; });
        Channel channel = known != device.channels.end() ? *known : Channel{};
        channel.mainUrl = described.mainStream.toString();
        channel.subUrl = described.subStream.toString();
        channel.snapshotUrl = described.snapshot.toString();
        channel.ptz = described.ptz;
        channel.audio = described.audio;
        channel.mainProfileToken = described.mainProfileToken;
        channel.subProfileToken = described.subProfileToken;
        channel.position = static_cast<int>(i);
        if (known != device.channels.end()) {
            if (channel.mainUrl == known->mainUrl && channel.subUrl == known->subUrl &&
                channel.snapshotUrl == known->snapshotUrl && channel.ptz == known->ptz &&
                channel.audio == known->audio && channel.position == known->position &&
                channel.mainProfileToken == known->mainProfileToken &&
                channel.subProfileToken == known->subProfileToken) {
                continue;
            }
            channel.updatedMs = std::max(now, channel.createdMs);
            status = m_devices.updateChannel(channel);
            continue;
        }
        channel.id = newId();
        channel.deviceId = device.id;
        channel.token = described.token.isEmpty() ? QString::number(i) : described.token;
        // One channel takes the device's name; several take the driver's names (or a number).
        channel.name = description.channels.size() == 1 ? device.name
                       : described.name.isEmpty()
                           ? QStringLiteral("%1 %2").arg(device.name, QString::number(i + 1))
                           : described.name.left(kMaxNameLength);
        // A device counts as one channel until described; the channels beyond that one are new to the
        // licence, and those over its capacity are kept disabled (the log says why) rather than dropped.
        channel.enabled = newChannels == 0 || checkQuota(1);
        if (!channel.enabled) {
            qCWarning(lcDevices).noquote() << "channel" << channel.name << "of device" << device.id
                                           << "kept disabled: over the licensed channel capacity";
        }
        ++newChannels;
        channel.createdMs = now;
        channel.updatedMs = now;
        status = m_devices.insertChannel(channel);
    }
    if (status) {
        status = transaction.commit();
    }
    if (!status) {
        return status;
    }
    auto fresh = stored(device.id);
    if (!fresh) {
        return fresh.error();
    }
    runtime.device = fresh.value();
    for (const Channel& channel : runtime.device.channels) {
        m_channelDevice.insert(channel.id, device.id);
    }
    return {};
}

void DevicesService::scheduleRetry(DeviceRuntime& runtime) {
    qint64 delay = m_reconnect.firstDelayMs;
    for (int i = 1; i < runtime.failures && delay < m_reconnect.maxDelayMs; ++i) {
        delay *= 2;
    }
    delay = std::min<qint64>(delay, m_reconnect.maxDelayMs);
    runtime.nextRetryMs = m_clock.nowMs() + delay;
    runtime.retry->start(static_cast<int>(delay));
}

void DevicesService::openStreams(DeviceRuntime& runtime) {
    const Device& device = runtime.device;
    const bool deviceOn = device.enabled && m_drivers.has(device.driver);
    for (const Channel& channel : device.channels) {
        const bool on = deviceOn && channel.enabled && !channel.mainUrl.isEmpty();
        if (on) {
            m_streams.open(mainKey(channel.id), StreamSource{QUrl(channel.mainUrl), device.userName, runtime.password});
        } else {
            m_streams.close(mainKey(channel.id));
        }
        if (on && !channel.subUrl.isEmpty()) {
            m_streams.open(subKey(channel.id), StreamSource{QUrl(channel.subUrl), device.userName, runtime.password});
        } else {
            m_streams.close(subKey(channel.id));
        }
    }
}

void DevicesService::closeStreams(const Device& device) {
    for (const Channel& channel : device.channels) {
        m_streams.close(mainKey(channel.id));
        m_streams.close(subKey(channel.id));
    }
}

void DevicesService::onStreamStatus(const QString& key, const StreamStatus& status) {
    const QString channelId = key.section(QLatin1Char('/'), 0, 0);
    auto rt = m_runtime.find(m_channelDevice.value(channelId));
    if (rt == m_runtime.end()) {
        return;
    }
    const bool live = key.endsWith(QStringLiteral("/main")) && status.state == StreamState::Live;
    if (live) {
        rt->channels[channelId].everLive = true;
        rt->everOnline = true;
    }
    updateStatus(*rt);
    if (live && !rt->describeState.isEmpty() && !rt->describing && rt->retry) {
        // The device answers again: describe it now rather than at the end of its back-off.
        rt->retry->stop();
        describe(rt.key());
    }
}

void DevicesService::updateStatus(DeviceRuntime& runtime, bool announceChange) {
    const Device& device = runtime.device;
    const qint64 now = m_clock.nowMs();
    bool changed = false;
    auto set = [&](QString& state, QString& reason, qint64& since, const QString& newState, const QString& newReason) {
        if (state != newState || reason != newReason) {
            if (state != newState) {
                since = now;
            }
            state = newState;
            reason = newReason;
            changed = true;
        }
    };
    const QString disabled = QString::fromLatin1(DeviceStates::kDisabled);
    const bool driverInstalled = m_drivers.has(device.driver);
    QStringList channelStates;
    for (const Channel& channel : device.channels) {
        ChannelRuntime& ch = runtime.channels[channel.id];
        QString state;
        QString reason;
        if (!device.enabled || !channel.enabled) {
            state = disabled;
            reason = device.enabled ? QStringLiteral("This channel is disabled in its settings.")
                                    : QStringLiteral("The device is disabled in its settings.");
        } else {
            const StreamStatus main = m_streams.status(mainKey(channel.id));
            state = DeviceStatus::channelState(main, ch.state, ch.everLive);
            reason = DeviceStatus::channelReason(state, main);
            channelStates.append(state);
        }
        set(ch.state, ch.reason, ch.sinceMs, state, reason);
    }
    // The device's own state.
    StateInfo next = runtime.status;
    QString state;
    QString reason;
    if (!device.enabled) {
        state = disabled;
        reason = QStringLiteral("The device is disabled in its settings. Enable it to connect.");
    } else if (!driverInstalled) {
        state = QString::fromLatin1(DeviceStates::kNoDriver);
        reason = QStringLiteral("The driver \"%1\" is not installed on this server, so the device cannot be "
                                "reached. Install the plugin or remove the device.")
                     .arg(device.driver);
    } else if (!runtime.describeState.isEmpty()) {
        state = runtime.describeState;
        reason = runtime.describeReason;
    } else if (channelStates.isEmpty()) {
        const bool connecting = !runtime.described;
        state = QString::fromLatin1(connecting ? DeviceStates::kConnecting : DeviceStates::kOnline);
        reason = connecting ? QStringLiteral("Connecting to the device.") : QString();
    } else {
        state = DeviceStatus::worst(channelStates);
        for (const Channel& channel : device.channels) {
            const ChannelRuntime& ch = runtime.channels.value(channel.id);
            if (ch.state == state) {
                reason = device.channels.size() == 1 ? ch.reason
                                                     : QStringLiteral("%1: %2").arg(channel.name, ch.reason);
                break;
            }
        }
        if (state == QLatin1String(DeviceStates::kOnline)) {
            reason.clear();
        }
    }
    set(next.state, next.reason, next.sinceMs, state, reason);
    const qint64 retryMs = runtime.describeState.isEmpty() ? 0 : runtime.nextRetryMs;
    if (next.nextRetryMs != retryMs) {
        next.nextRetryMs = retryMs;
        changed = true;
    }
    runtime.status = next;
    if (changed && announceChange) {
        announce(device.id);
    }
}

void DevicesService::announce(const QString& deviceId) {
    auto rt = m_runtime.constFind(deviceId);
    if (rt != m_runtime.cend()) {
        emit deviceChanged(withLiveState(rt->device));
    }
}

// --- groups -------------------------------------------------------------------------------------

Result<QList<DeviceGroup>> DevicesService::groups() const {
    if (Status status = available(); !status) {
        return status.error();
    }
    return m_groups.list();
}

Status DevicesService::checkGroupExists(const QString& groupId) const {
    if (groupId.isEmpty()) {
        return {};  // in no group
    }
    auto group = m_groups.find(groupId);
    if (!group) {
        return group.error();
    }
    if (!group.value()) {
        return badRequest(QStringLiteral("device"), QStringLiteral("groupId"),
                          QStringLiteral("names no group (\"%1\"); use the id of an existing group, or null").arg(groupId));
    }
    return {};
}

Status DevicesService::checkGroupName(const QString& name, const QString& parentId, const QString& exceptId) const {
    if (Status valid = checkName(name, QStringLiteral("group")); !valid) {
        return valid;
    }
    auto sibling = m_groups.siblingNamed(parentId, name);
    if (!sibling) {
        return sibling.error();
    }
    if (sibling.value() && *sibling.value() != exceptId) {
        return Error::make(QStringLiteral("group_exists"),
                           QStringLiteral("There is already a group named \"%1\" in the same place. Choose "
                                          "another name.")
                               .arg(name));
    }
    return {};
}

Result<DeviceGroup> DevicesService::createGroup(const core::model::GroupInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    const QString context = QStringLiteral("group");
    if (!input.has("name")) {
        return badRequest(context, QStringLiteral("name"), QStringLiteral("is missing; give the group a name"));
    }
    DeviceGroup group{newId(), input.parentId, input.kind, input.name, std::max<qint64>(m_clock.nowMs(), 0)};
    if (group.kind != QLatin1String(DeviceGroup::kGroup) && group.kind != QLatin1String(DeviceGroup::kOrganisation)) {
        return badRequest(context, QStringLiteral("kind"),
                          QStringLiteral("is \"%1\"; use \"organisation\" or \"group\"").arg(group.kind));
    }
    if (group.kind == QLatin1String(DeviceGroup::kOrganisation) && !group.parentId.isEmpty()) {
        return badRequest(context, QStringLiteral("parentId"),
                          QStringLiteral("must be null for an organisation: organisations are at the top of "
                                         "the tree"));
    }
    if (!group.parentId.isEmpty()) {
        auto parent = m_groups.find(group.parentId);
        if (!parent) {
            return parent.error();
        }
        if (!parent.value()) {
            return badRequest(context, QStringLiteral("parentId"),
                              QStringLiteral("names no group (\"%1\"); use an existing group's id, or null for "
                                             "the top level")
                                  .arg(group.parentId));
        }
    }
    if (Status valid = checkGroupName(group.name, group.parentId, {}); !valid) {
        return valid.error();
    }
    if (Status inserted = m_groups.insert(group); !inserted) {
        return inserted.error();
    }
    emit groupsChanged();
    return group;
}

Result<DeviceGroup> DevicesService::updateGroup(const QString& id, const core::model::GroupInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    const QString context = QStringLiteral("group");
    auto found = m_groups.find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("group_not_found", QStringLiteral("group"), id);
    }
    DeviceGroup group = *found.value();
    if (input.has("kind") && input.kind != group.kind) {
        return badRequest(context, QStringLiteral("kind"),
                          QStringLiteral("cannot change (it is \"%1\"); make a new one instead").arg(group.kind));
    }
    if (input.has("name")) {
        group.name = input.name;
    }
    if (input.has("parentId") && input.parentId != group.parentId) {
        if (group.kind == QLatin1String(DeviceGroup::kOrganisation) && !input.parentId.isEmpty()) {
            return badRequest(context, QStringLiteral("parentId"),
                              QStringLiteral("must be null: an organisation stays at the top of the tree"));
        }
        // Walk up from the new parent: meeting this group means the move would make a loop.
        QString cursor = input.parentId;
        while (!cursor.isEmpty()) {
            if (cursor == id) {
                return badRequest(context, QStringLiteral("parentId"),
                                  QStringLiteral("is this group or one inside it; a group cannot move into itself"));
            }
            auto ancestor = m_groups.find(cursor);
            if (!ancestor) {
                return ancestor.error();
            }
            if (!ancestor.value()) {
                return badRequest(context, QStringLiteral("parentId"),
                                  QStringLiteral("names no group (\"%1\"); use an existing group's id, or null")
                                      .arg(cursor));
            }
            cursor = ancestor.value()->parentId;
        }
        group.parentId = input.parentId;
    }
    if (Status valid = checkGroupName(group.name, group.parentId, id); !valid) {
        return valid.error();
    }
    if (Status updated = m_groups.update(group); !updated) {
        return updated.error();
    }
    emit groupsChanged();
    return group;
}

Status DevicesService::deleteGroupTree(const QString& id, QStringList& removedDevices) {
    auto all = m_groups.list();
    if (!all) {
        return all.error();
    }
    // Children before parents, so the foreign keys hold at every step.
    QStringList order{id};
    for (qsizetype i = 0; i < order.size(); ++i) {
        for (const DeviceGroup& group : all.value()) {
            if (group.parentId == order.at(i)) {
                order.append(group.id);
            }
        }
    }
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        auto devices = m_devices.idsInGroup(*it);
        if (!devices) {
            return devices.error();
        }
        for (const QString& deviceId : devices.value()) {
            if (Status removed = m_devices.remove(deviceId); !removed) {
                return removed;
            }
            removedDevices.append(deviceId);
        }
        if (Status removed = m_groups.remove(*it); !removed) {
            return removed;
        }
    }
    return {};
}

Status DevicesService::deleteGroup(const QString& id, GroupContents contents) {
    if (Status status = available(); !status) {
        return status;
    }
    auto found = m_groups.find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return notFound("group_not_found", QStringLiteral("group"), id);
    }
    const DeviceGroup group = *found.value();
    auto childGroups = m_groups.childGroupCount(id);
    auto childDevices = m_devices.countInGroup(id);
    if (!childGroups || !childDevices) {
        return !childGroups ? childGroups.error() : childDevices.error();
    }
    const bool empty = childGroups.value() == 0 && childDevices.value() == 0;
    if (!empty && contents == GroupContents::Refuse) {
        return Error::make(
            QStringLiteral("group_not_empty"),
            QStringLiteral("The group \"%1\" holds %2 group(s) and %3 device(s). Move them out first, "
                           "or say what to do with them: ?contents=move moves them up one level, "
                           "?contents=delete removes them with the group.")
                .arg(group.name, QString::number(childGroups.value()),
                     QString::number(childDevices.value())));
    }
    QStringList removedDevices;
    QStringList movedDevices;
    core::store::Transaction transaction(m_db);
    Status status = transaction.status();
    if (status && contents == GroupContents::Move && !empty) {
        auto all = m_groups.list();
        if (!all) {
            return all.error();
        }
        for (const DeviceGroup& child : all.value()) {
            if (child.parentId != id) {
                continue;
            }
            if (Status free = checkGroupName(child.name, group.parentId, child.id); !free) {
                return Error::make(QStringLiteral("group_exists"),
                                   QStringLiteral("The group \"%1\" cannot move up: a group with that name is "
                                                  "already there. Rename one of them first.")
                                       .arg(child.name));
            }
        }
        auto devices = m_devices.idsInGroup(id);
        if (!devices) {
            return devices.error();
        }
        movedDevices = devices.value();
        status = m_groups.moveContents(id, group.parentId);
        if (status) {
            status = m_groups.remove(id);
        }
    } else if (status) {
        status = deleteGroupTree(id, removedDevices);
    }
    if (status) {
        status = transaction.commit();
    }
    if (!status) {
        return status;
    }
    for (const QString& deviceId : std::as_const(removedDevices)) {
        QStringList channelIds;
        if (auto rt = m_runtime.constFind(deviceId); rt != m_runtime.cend()) {
            for (const Channel& channel : rt->device.channels) {
                channelIds.append(channel.id);
            }
        }
        stopDevice(deviceId, true);
        emit deviceRemoved(deviceId, channelIds);
    }
    for (const QString& deviceId : std::as_const(movedDevices)) {
        if (auto rt = m_runtime.find(deviceId); rt != m_runtime.end()) {
            rt->device.groupId = group.parentId;
            announce(deviceId);
        }
    }
    emit groupsChanged();
    return {};
}

// --- jobs ---------------------------------------------------------------------------------------

QList<DeviceJob> DevicesService::jobs(const QString& kind) const {
    return m_jobs.list(kind);
}

Result<DeviceJob> DevicesService::job(const QString& kind, const QString& id) const {
    if (auto found = m_jobs.find(kind, id)) {
        return *found;
    }
    return notFound("job_not_found", kind == kDiscovery ? QStringLiteral("discovery job")
                                                        : QStringLiteral("connection test"), id);
}

Result<DeviceJob> DevicesService::cancelJob(const QString& kind, const QString& id) {
    if (auto cancelled = m_jobs.cancel(kind, id, QStringLiteral("Cancelled at your request."))) {
        m_discoveries.remove(id);
        return *cancelled;
    }
    return job(kind, id);
}

Result<DeviceJob> DevicesService::startConnectionTest(const core::model::ConnectionTestInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    DeviceAddress address;
    if (!input.deviceId.isEmpty()) {
        auto found = stored(input.deviceId);
        if (!found) {
            return found.error();
        }
        auto password = m_devices.password(input.deviceId);
        if (!password) {
            return password.error();
        }
        address = DeviceAddress{found->driver, QUrl(found->address), found->userName, password.value(),
                                found->subAddress.isEmpty() ? QUrl() : QUrl(found->subAddress)};
    } else {
        const core::model::DeviceInput& connection = input.connection;
        if (connection.driver.isEmpty()) {
            return badRequest(QStringLiteral("connection test"), QStringLiteral("driver"),
                              QStringLiteral("is missing; name the driver: %1").arg(m_drivers.ids().join(u", ")));
        }
        if (!m_drivers.has(connection.driver)) {
            return unknownDriver(connection.driver, m_drivers.ids());
        }
        auto endpoint = DeviceEndpoint::parse(connection.driver, connection.address, connection.subAddress);
        if (!endpoint) {
            return endpoint.error();
        }
        address = DeviceAddress{connection.driver, QUrl(endpoint->address),
                                connection.has("userName") ? connection.userName : endpoint->userName,
                                connection.has("password") ? connection.password : endpoint->password,
                                endpoint->subAddress.isEmpty() ? QUrl() : QUrl(endpoint->subAddress)};
    }
    if (!m_drivers.has(address.driver)) {
        return unknownDriver(address.driver, m_drivers.ids());
    }
    const DeviceJob job = m_jobs.start(kConnectionTest);
    const QString jobId = job.id;
    runDriver<DeviceDescription>(
        address.driver, m_jobs.cancellation(jobId),
        [address](DeviceDriver& driver, const Cancellation& cancel) { return driver.describe(address, cancel); },
        [this, jobId](const Result<DeviceDescription>& result) {
            if (result) {
                m_jobs.succeed(jobId, QJsonObject{{QStringLiteral("description"), descriptionJson(result.value())}});
            } else {
                m_jobs.fail(jobId, result.error().code, result.error().message);
            }
        });
    return job;
}

QString DevicesService::discoveredDeviceId(const DiscoveredDevice& found) const {
    auto endpoint = DeviceEndpoint::parse(found.driver, found.address.toString(), {});
    if (!endpoint) {
        return {};
    }
    auto existing = m_devices.findByAddressKey(endpoint->key);
    return existing && existing.value() ? *existing.value() : QString();
}

Result<DeviceJob> DevicesService::startDiscovery(const core::model::DiscoveryInput& input) {
    if (Status status = available(); !status) {
        return status.error();
    }
    if (input.unicastHost.isEmpty() && m_multicastAllowed && !m_multicastAllowed()) {
        return Error::make(QStringLiteral("multicast_discovery_off"),
                           QStringLiteral("Multicast camera search is switched off (PUT "
                                          "/api/v1/security/functions/camera_discovery); search one address with "
                                          "unicastHost, or switch it on."));
    }
    QStringList drivers = input.drivers.isEmpty() ? m_drivers.ids() : input.drivers;
    for (const QString& driver : std::as_const(drivers)) {
        if (!m_drivers.has(driver)) {
            return unknownDriver(driver, m_drivers.ids());
        }
    }
    const DeviceJob job = m_jobs.start(
        kDiscovery, {}, QJsonObject{{QStringLiteral("devices"), QJsonArray()}, {QStringLiteral("problems"), QJsonArray()}});
    const QString jobId = job.id;
    if (drivers.isEmpty()) {
        m_jobs.succeed(jobId);
        return *m_jobs.find(kDiscovery, jobId);
    }
    m_discoveries.insert(jobId, DiscoveryProgress{static_cast<int>(drivers.size()), static_cast<int>(drivers.size()), {}, {}});
    const core::devices::DiscoveryRequest request{input.timeoutMs, input.unicastHost,
                                                  static_cast<quint16>(input.unicastPort)};
    const auto cancel = m_jobs.cancellation(jobId);
    for (const QString& driver : std::as_const(drivers)) {
        runDriver<QList<DiscoveredDevice>>(
            driver, cancel,
            [request](DeviceDriver& d, const Cancellation& c) { return d.discover(request, c); },
            [this, jobId, driver](const Result<QList<DiscoveredDevice>>& result) {
                auto running = m_discoveries.find(jobId);
                if (running == m_discoveries.end() || !m_jobs.isRunning(jobId)) {
                    return;  // cancelled, or the service stopped
                }
                --running->pending;
                if (result) {
                    for (const DiscoveredDevice& found : result.value()) {
                        const QString knownId = discoveredDeviceId(found);
                        running->found.append(QJsonObject{
                            {QStringLiteral("driver"), found.driver.isEmpty() ? driver : found.driver},
                            {QStringLiteral("address"), found.address.toString()},
                            {QStringLiteral("name"), found.name},
                            {QStringLiteral("hardware"), found.hardware},
                            {QStringLiteral("scopes"), QJsonArray::fromStringList(found.scopes)},
                            {QStringLiteral("endpointReference"), found.endpointReference},
                            {QStringLiteral("deviceId"),
                             knownId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(knownId)}});
                    }
                } else if (result.error().code != QLatin1String(core::devices::kErrorNotSupported)) {
                    running->failures.append(QStringLiteral("%1: %2").arg(driver, result.error().message));
                }
                const QJsonObject sofar{{QStringLiteral("devices"), running->found},
                                        {QStringLiteral("problems"), QJsonArray::fromStringList(running->failures)}};
                if (running->pending > 0) {
                    m_jobs.update(jobId, double(running->total - running->pending) / double(running->total), sofar);
                } else {
                    m_discoveries.erase(running);
                    m_jobs.succeed(jobId, sofar);
                }
            });
    }
    return job;
}

// --- PTZ ----------------------------------------------------------------------------------------

Result<DevicesService::DeviceRuntime*> DevicesService::ptzTarget(const QString& channelId, QString* token) {
    if (Status status = available(); !status) {
        return status.error();
    }
    auto rt = m_runtime.find(m_channelDevice.value(channelId));
    const Channel* channel = nullptr;
    if (rt != m_runtime.end()) {
        for (const Channel& known : rt->device.channels) {
            if (known.id == channelId) {
                channel = &known;
            }
        }
    }
    if (!channel) {
        return notFound("channel_not_found", QStringLiteral("channel"), channelId);
    }
    if (!channel->ptz) {
        return Error::make(QStringLiteral("ptz_not_supported"),
                           QStringLiteral("The channel \"%1\" has no pan, tilt or zoom (its device did not offer "
                                          "PTZ). Use a PTZ camera added through ONVIF.")
                               .arg(channel->name));
    }
    if (!rt->device.enabled) {
        return Error::make(QStringLiteral("device_disabled"),
                           QStringLiteral("The device \"%1\" is disabled. Enable it first.").arg(rt->device.name));
    }
    *token = channel->token;
    return &rt.value();
}

void DevicesService::runPtz(const QString& channelId, const QString& operation,
                            std::function<Status(DeviceDriver&, const DeviceAddress&, const QString&,
                                                 const Cancellation&)> call) {
    QString token;
    auto target = ptzTarget(channelId, &token);
    if (!target) {
        return;
    }
    DeviceRuntime& runtime = *target.value();
    const DeviceAddress address = addressOf(runtime);
    runDriver<bool>(
        runtime.device.driver, runtime.cancel,
        [call, address, token](DeviceDriver& driver, const Cancellation& cancel) -> Result<bool> {
            Status status = call(driver, address, token, cancel);
            return status ? Result<bool>(true) : Result<bool>(status.error());
        },
        [this, channelId, operation](const Result<bool>& result) {
            emit ptzResult(QJsonObject{{QStringLiteral("channelId"), channelId},
                                       {QStringLiteral("operation"), operation},
                                       {QStringLiteral("ok"), result.ok()},
                                       {QStringLiteral("error"), result ? QString() : result.error().code},
                                       {QStringLiteral("message"), result ? QString() : result.error().message}});
            if (result && operation == QLatin1String("set_preset")) {
                refreshPresets(channelId);
            }
        });
}

Status DevicesService::ptzMove(const QString& channelId, const core::model::PtzMoveInput& move) {
    QString token;
    if (auto target = ptzTarget(channelId, &token); !target) {
        return target.error();
    }
    runPtz(channelId, QStringLiteral("move"),
           [move](DeviceDriver& d, const DeviceAddress& a, const QString& t, const Cancellation& c) {
               return d.ptzMove(a, t, move.pan, move.tilt, move.zoom, c);
           });
    return {};
}

Status DevicesService::ptzStop(const QString& channelId) {
    QString token;
    if (auto target = ptzTarget(channelId, &token); !target) {
        return target.error();
    }
    runPtz(channelId, QStringLiteral("stop"),
           [](DeviceDriver& d, const DeviceAddress& a, const QString& t, const Cancellation& c) {
               return d.ptzStop(a, t, c);
           });
    return {};
}

Status DevicesService::ptzGotoPreset(const QString& channelId, const QString& presetToken) {
    QString token;
    if (auto target = ptzTarget(channelId, &token); !target) {
        return target.error();
    }
    runPtz(channelId, QStringLiteral("goto_preset"),
           [presetToken](DeviceDriver& d, const DeviceAddress& a, const QString& t, const Cancellation& c) {
               return d.ptzGotoPreset(a, t, presetToken, c);
           });
    return {};
}

Status DevicesService::ptzSetPreset(const QString& channelId, const QString& name) {
    if (Status valid = checkName(name, QStringLiteral("PTZ preset")); !valid) {
        return valid;
    }
    QString token;
    if (auto target = ptzTarget(channelId, &token); !target) {
        return target.error();
    }
    runPtz(channelId, QStringLiteral("set_preset"),
           [name](DeviceDriver& d, const DeviceAddress& a, const QString& t, const Cancellation& c) -> Status {
               auto made = d.ptzSetPreset(a, t, name, c);
               return made ? Status() : Status(made.error());
           });
    return {};
}

void DevicesService::refreshPresets(const QString& channelId) {
    QString token;
    auto target = ptzTarget(channelId, &token);
    if (!target) {
        return;
    }
    DeviceRuntime& runtime = *target.value();
    ChannelRuntime& channel = runtime.channels[channelId];
    if (channel.presetsState == QLatin1String("loading")) {
        return;
    }
    channel.presetsState = QStringLiteral("loading");
    const DeviceAddress address = addressOf(runtime);
    const QString deviceId = runtime.device.id;
    const quint64 generation = runtime.generation;
    runDriver<QList<core::devices::PtzPreset>>(
        runtime.device.driver, runtime.cancel,
        [address, token](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.ptzPresets(address, token, cancel);
        },
        [this, deviceId, channelId, generation](const Result<QList<core::devices::PtzPreset>>& result) {
            auto rt = m_runtime.find(deviceId);
            if (rt == m_runtime.end() || rt->generation != generation) {
                return;
            }
            ChannelRuntime& ch = rt->channels[channelId];
            ch.presetsMs = m_clock.nowMs();
            if (result) {
                QJsonArray presets;
                for (const auto& preset : result.value()) {
                    presets.append(QJsonObject{{QStringLiteral("token"), preset.token},
                                               {QStringLiteral("name"), preset.name}});
                }
                ch.presets = presets;
                ch.presetsState = QStringLiteral("ready");
                ch.presetsMessage.clear();
            } else {
                ch.presetsState = QStringLiteral("failed");
                ch.presetsMessage = result.error().message;
            }
            emit ptzResult(QJsonObject{{QStringLiteral("channelId"), channelId},
                                       {QStringLiteral("operation"), QStringLiteral("presets")},
                                       {QStringLiteral("ok"), result.ok()},
                                       {QStringLiteral("error"), result ? QString() : result.error().code},
                                       {QStringLiteral("message"), ch.presetsMessage},
                                       {QStringLiteral("presets"), ch.presets}});
        });
}

Result<QJsonObject> DevicesService::ptzPresets(const QString& channelId) {
    QString token;
    auto target = ptzTarget(channelId, &token);
    if (!target) {
        return target.error();
    }
    const ChannelRuntime& channel = target.value()->channels[channelId];
    if (channel.presetsState.isEmpty() || m_clock.nowMs() - channel.presetsMs > kPresetsFreshMs) {
        refreshPresets(channelId);
    }
    const ChannelRuntime& now = m_runtime[m_channelDevice.value(channelId)].channels[channelId];
    return QJsonObject{{QStringLiteral("presets"), now.presets},
                       {QStringLiteral("fetchedMs"), now.presetsMs},
                       {QStringLiteral("state"), now.presetsState},
                       {QStringLiteral("message"), now.presetsMessage}};
}

}  // namespace vigil::server
