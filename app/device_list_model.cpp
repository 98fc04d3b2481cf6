#include "device_list_model.h"

#include <QDateTime>
#include <algorithm>

#include "app_logging.h"
#include "display_format.h"
#include "motion_settings_model.h"

namespace vigil::app {

using core::Result;
using core::client::DeviceChange;
using core::client::DevicesApi;
using core::model::Device;
using core::model::DeviceGroup;
using core::model::DeviceStates;
using core::model::Job;

namespace {

QString field(const QVariantMap& form, const char* name) {
    return form.value(QLatin1String(name)).toString().trimmed();
}

QString codecName(const QString& codec) {
    if (codec == QLatin1String("h264")) {
        return QStringLiteral("H.264");
    }
    if (codec == QLatin1String("h265") || codec == QLatin1String("hevc")) {
        return QStringLiteral("H.265");
    }
    return codec.toUpper();
}

}  // namespace

DeviceListModel::DeviceListModel(DevicesApi* api, QObject* parent)
    : RequestListModel(parent), m_api(api), m_motion(new MotionSettingsModel(api->client(), this)) {
    connect(m_api, &DevicesApi::deviceChanged, this, &DeviceListModel::upsert);
    connect(m_api, &DevicesApi::deviceRemoved, this, &DeviceListModel::drop);
    connect(m_api, &DevicesApi::groupsChanged, this,
            [this](const QList<DeviceGroup>& groups) { setGroups(groups); });
}

int DeviceListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QObject* DeviceListModel::motion() const {
    return m_motion;
}

QString DeviceListModel::summary() const {
    const auto online = std::count_if(m_devices.cbegin(), m_devices.cend(), [](const Device& d) {
        return d.status.state == QLatin1String(DeviceStates::kOnline);
    });
    if (m_devices.isEmpty()) {
        return tr("No devices");
    }
    return tr("%n device(s), %1 online", nullptr, count()).arg(online);
}

QString DeviceListModel::statusOf(const QString& state) const {
    if (state == QLatin1String(DeviceStates::kOnline)) {
        return QStringLiteral("online");
    }
    if (state == QLatin1String(DeviceStates::kConnecting) || state.isEmpty()) {
        return QStringLiteral("connecting");
    }
    if (state == QLatin1String(DeviceStates::kDisabled) || state == QLatin1String(DeviceStates::kOffline)) {
        return QStringLiteral("offline");
    }
    return QStringLiteral("error");  // unauthorised, unreachable, stream error, no driver: someone must act
}

QString DeviceListModel::stateText(const QString& state) const {
    static const QHash<QString, const char*> kTexts = {
        {QLatin1String(DeviceStates::kConnecting), QT_TR_NOOP("Connecting")},
        {QLatin1String(DeviceStates::kOnline), QT_TR_NOOP("Online")},
        {QLatin1String(DeviceStates::kOffline), QT_TR_NOOP("Offline")},
        {QLatin1String(DeviceStates::kUnauthorised), QT_TR_NOOP("Wrong credentials")},
        {QLatin1String(DeviceStates::kUnreachable), QT_TR_NOOP("Unreachable")},
        {QLatin1String(DeviceStates::kStreamError), QT_TR_NOOP("Stream error")},
        {QLatin1String(DeviceStates::kDisabled), QT_TR_NOOP("Disabled")},
        {QLatin1String(DeviceStates::kNoDriver), QT_TR_NOOP("No driver")},
    };
    const auto text = kTexts.constFind(state);
    return text == kTexts.cend() ? state : tr(*text);
}

QString DeviceListModel::streamText(const core::model::StreamInfoJson& stream, bool present, bool withRate) const {
    if (!present) {
        return tr("none");
    }
    if (stream.codec.isEmpty() || stream.width <= 0) {
        return stream.state == QLatin1String("live") || stream.state.isEmpty() || stream.state == QLatin1String("idle")
                   ? tr("waiting for the stream")
                   : stateText(stream.state == QLatin1String("not_a_stream") ? QString::fromLatin1(DeviceStates::kStreamError)
                                                                              : stream.state);
    }
    QString text = QStringLiteral("%1 · %2×%3").arg(codecName(stream.codec)).arg(stream.width).arg(stream.height);
    if (stream.fps > 0) {
        text += QStringLiteral(" · ") + tr("%1 fps").arg(qRound(stream.fps));
    }
    if (withRate && stream.bitsPerSecond > 0) {
        text += QStringLiteral(" · ") + tr("%1 kbit/s").arg(stream.bitsPerSecond / 1000);
    }
    return text;
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) {
        return {};
    }
    const Device& device = m_devices.at(index.row());
    const core::model::Channel* first = device.channels.isEmpty() ? nullptr : &device.channels.first();
    switch (role) {
        case IdRole:
            return device.id;
        case NameRole:
            return device.name;
        case DriverRole:
            return device.driver;
        case AddressRole:
            return device.address;
        case StatusRole:
            return statusOf(device.status.state);
        case StateRole:
            return device.status.state;
        case StateTextRole:
            return stateText(device.status.state);
        case ReasonRole:
            return device.status.reason;
        case SinceTextRole:
            return device.status.sinceMs > 0
                       ? tr("since %1").arg(DisplayFormat::ago(device.status.sinceMs, QDateTime::currentMSecsSinceEpoch()))
                       : QString();
        case GroupNameRole:
            return groupName(device.groupId);
        case ModelTextRole:
            return QStringList{device.manufacturer, device.model}.join(QLatin1Char(' ')).trimmed();
        case FirmwareRole:
            return device.firmware;
        case MainStreamRole:
            return first ? streamText(first->mainStream, true) : tr("none");
        case SubStreamRole:
            return first ? streamText(first->subStream, !first->subUrl.isEmpty()) : tr("none");
        case PtzRole:
            return first && first->ptz;
        default:
            return {};
    }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const {
    return {{IdRole, "deviceId"},          {NameRole, "name"},
            {DriverRole, "driver"},        {AddressRole, "address"},
            {StatusRole, "status"},        {StateRole, "deviceState"},
            {StateTextRole, "stateText"},  {ReasonRole, "reason"},
            {SinceTextRole, "sinceText"},  {GroupNameRole, "groupName"},
            {ModelTextRole, "modelText"},  {FirmwareRole, "firmware"},
            {MainStreamRole, "mainStream"}, {SubStreamRole, "subStream"},
            {PtzRole, "ptz"}};
}

// --- lists -----------------------------------------------------------------------------------------

void DeviceListModel::refresh() {
    setBusy(true);
    QPointer<DeviceListModel> self(this);
    m_api->fetchGroups([self](const Result<QList<DeviceGroup>>& groups) {
        if (self && groups) {
            self->setGroups(groups.value());
        }
    });
    m_api->fetchDevices([self](const Result<QList<Device>>& devices) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!devices) {
            self->setError(devices.error().message);
            return;
        }
        self->setDevices(devices.value());
        qCInfo(lcApp).noquote() << "devices: listed" << self->count();
    });
}

void DeviceListModel::clear() {
    setDevices({});
    setGroups({});
    m_found.clear();
    m_discoveryJob.clear();
    m_testJob.clear();
    m_motion->close();
    emit discoveryChanged();
    emit testChanged();
}

void DeviceListModel::setDevices(QList<Device> devices) {
    std::sort(devices.begin(), devices.end(),
              [](const Device& a, const Device& b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    beginResetModel();
    m_devices = std::move(devices);
    endResetModel();
    emit countChanged();
}

int DeviceListModel::indexOf(const QString& deviceId) const {
    for (int i = 0; i < count(); ++i) {
        if (m_devices.at(i).id == deviceId) {
            return i;
        }
    }
    return -1;
}

void DeviceListModel::upsert(const Device& device) {
    const int row = indexOf(device.id);
    if (row >= 0) {
        const QString oldState = m_devices.at(row).status.state;
        m_devices[row] = device;
        emit dataChanged(index(row), index(row));
        if (oldState != device.status.state) {
            qCInfo(lcApp).noquote() << "devices:" << device.name << "is" << device.status.state;
            emit countChanged();  // the summary counts the online ones
        }
        return;
    }
    QList<Device> devices = m_devices;
    devices.append(device);
    setDevices(devices);
}

void DeviceListModel::drop(const QString& deviceId) {
    const int row = indexOf(deviceId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_devices.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

// --- editor ----------------------------------------------------------------------------------------

QVariantMap DeviceListModel::editorFor(const QString& deviceId) const {
    const int row = indexOf(deviceId);
    if (row < 0) {
        return {{QStringLiteral("id"), QString()},       {QStringLiteral("isNew"), true},
                {QStringLiteral("driver"), QStringLiteral("rtsp")},
                {QStringLiteral("name"), QString()},     {QStringLiteral("address"), QString()},
                {QStringLiteral("subAddress"), QString()}, {QStringLiteral("userName"), QString()},
                {QStringLiteral("passwordSet"), false},  {QStringLiteral("groupId"), QString()},
                {QStringLiteral("enabled"), true}};
    }
    const Device& device = m_devices.at(row);
    return {{QStringLiteral("id"), device.id},
            {QStringLiteral("isNew"), false},
            {QStringLiteral("driver"), device.driver},
            {QStringLiteral("name"), device.name},
            {QStringLiteral("address"), device.address},
            {QStringLiteral("subAddress"), device.subAddress},
            {QStringLiteral("userName"), device.userName},
            {QStringLiteral("passwordSet"), device.passwordSet},
            {QStringLiteral("groupId"), device.groupId},
            {QStringLiteral("enabled"), device.enabled}};
}

QVariantMap DeviceListModel::detailsFor(const QString& deviceId) const {
    const int row = indexOf(deviceId);
    if (row < 0) {
        return {};
    }
    const Device& device = m_devices.at(row);
    QVariantList channels;
    for (const auto& channel : device.channels) {
        channels.append(QVariantMap{{QStringLiteral("id"), channel.id},
                                    {QStringLiteral("name"), channel.name},
                                    {QStringLiteral("main"), streamText(channel.mainStream, true, true)},
                                    {QStringLiteral("sub"), streamText(channel.subStream, !channel.subUrl.isEmpty(), true)},
                                    {QStringLiteral("hasSub"), !channel.subUrl.isEmpty()},
                                    {QStringLiteral("ptz"), channel.ptz}});
    }
    const QModelIndex at = index(row);
    return {{QStringLiteral("state"), device.status.state},
            {QStringLiteral("stateText"), stateText(device.status.state)},
            {QStringLiteral("status"), statusOf(device.status.state)},
            {QStringLiteral("reason"), device.status.reason},
            {QStringLiteral("sinceText"), data(at, SinceTextRole)},
            {QStringLiteral("manufacturer"), device.manufacturer},
            {QStringLiteral("model"), device.model},
            {QStringLiteral("firmware"), device.firmware},
            {QStringLiteral("serialNumber"), device.serialNumber},
            {QStringLiteral("channels"), channels}};
}

void DeviceListModel::save(const QVariantMap& form) {
    const QString id = field(form, "id");
    const QString address = field(form, "address");
    if (address.isEmpty()) {
        setError(tr("Enter the camera's address: an RTSP URL (rtsp://host:554/path) or, for ONVIF, its host "
                    "name or IP address."));
        return;
    }
    const QString password = form.value(QStringLiteral("password")).toString();
    setBusy(true);
    setError({});
    QPointer<DeviceListModel> self(this);
    const auto done = [self](const Result<Device>& device) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!device) {
            self->setError(device.error().message);
            return;
        }
        self->upsert(device.value());
        qCInfo(lcApp).noquote() << "devices: saved" << device->name;
        emit self->saved(device->id);
    };
    if (id.isEmpty()) {
        const QString driver = field(form, "driver");
        const QString name = field(form, "name");
        const QString user = field(form, "userName");
        const QString group = field(form, "groupId");
        m_api->addDevice(driver == QLatin1String("onvif")
                             ? DevicesApi::onvifInput(address, name, user, password, group)
                             : DevicesApi::rtspInput(address, name, user, password, group, field(form, "subAddress")),
                         done);
        return;
    }
    DeviceChange change;
    change.name = field(form, "name");
    change.address = address;
    change.userName = field(form, "userName");
    change.groupId = field(form, "groupId");
    change.enabled = form.value(QStringLiteral("enabled"), true).toBool();
    if (form.value(QStringLiteral("driver")).toString() == QLatin1String("rtsp")) {
        change.subAddress = field(form, "subAddress");
    }
    if (form.value(QStringLiteral("clearPassword")).toBool()) {
        change.password = QString();
    } else if (!password.isEmpty()) {
        change.password = password;  // else the stored one stays: the server never sends it back
    }
    m_api->updateDevice(id, change, done);
}

void DeviceListModel::remove(const QString& deviceId) {
    setBusy(true);
    QPointer<DeviceListModel> self(this);
    m_api->removeDevice(deviceId, [self, deviceId](const core::Status& status) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!status) {
            self->setError(status.error().message);
            return;
        }
        self->drop(deviceId);
        qCInfo(lcApp).noquote() << "devices: removed" << deviceId;
        emit self->removed();
    });
}

// --- connection test -------------------------------------------------------------------------------

void DeviceListModel::testConnection(const QVariantMap& form) {
    cancelTest();
    const QString id = field(form, "id");
    const QString password = form.value(QStringLiteral("password")).toString();
    m_testStatus.clear();
    m_testText = tr("Testing the connection…");
    m_testJob = QStringLiteral("starting");
    emit testChanged();
    QPointer<DeviceListModel> self(this);
    const auto started = [self](const Result<Job>& job) {
        if (self) {
            self->testStarted(job);
        }
    };
    const QString address = field(form, "address");
    const QString driver = field(form, "driver");
    const bool storedCredentials = !id.isEmpty() && password.isEmpty() && indexOf(id) >= 0 &&
                                   m_devices.at(indexOf(id)).address == address;
    if (storedCredentials) {
        m_api->testDevice(id, started);
        return;
    }
    const QString user = field(form, "userName");
    m_api->testConnection(driver == QLatin1String("onvif")
                              ? DevicesApi::onvifInput(address, {}, user, password)
                              : DevicesApi::rtspInput(address, {}, user, password, {}, field(form, "subAddress")),
                          started);
}

void DeviceListModel::testStarted(const Result<Job>& job) {
    if (!job) {
        m_testJob.clear();
        m_testStatus = QStringLiteral("error");
        m_testText = job.error().message;
        emit testChanged();
        return;
    }
    m_testJob = job->id;
    QPointer<DeviceListModel> self(this);
    m_api->followJob(job.value(), [self](const Job& update) {
        if (self) {
            self->onTestJob(update);
        }
    });
}

void DeviceListModel::onTestJob(const Job& job) {
    if (job.id != m_testJob || job.isRunning()) {
        return;
    }
    m_testJob.clear();
    if (job.state == QLatin1String(Job::kSucceeded)) {
        auto description = core::client::DeviceDescription::fromJson(job.result);
        m_testStatus = QStringLiteral("ok");
        if (description) {
            const QString who = QStringList{description->manufacturer, description->model}.join(QLatin1Char(' ')).trimmed();
            m_testText = tr("Connected: %1, firmware %2, %n channel(s).", nullptr, int(description->channels.size()))
                             .arg(who.isEmpty() ? tr("the camera answered") : who,
                                  description->firmware.isEmpty() ? tr("unknown") : description->firmware);
        } else {
            m_testText = tr("Connected.");
        }
    } else if (job.state == QLatin1String(Job::kCancelled)) {
        m_testStatus.clear();
        m_testText = tr("Test cancelled.");
    } else {
        m_testStatus = QStringLiteral("error");
        m_testText = tr("Failed: %1").arg(job.message);
    }
    qCInfo(lcApp).noquote() << "devices: connection test" << job.state << m_testText;
    emit testChanged();
}

void DeviceListModel::cancelTest() {
    const QString id = m_testJob;
    m_testJob.clear();
    m_testText.clear();
    m_testStatus.clear();
    if (!id.isEmpty() && id != QLatin1String("starting")) {
        m_api->stopFollowing(id);
        m_api->cancelJob(QString::fromLatin1(DevicesApi::kConnectionTest), id, [](const Result<Job>&) {});
    }
    emit testChanged();
}

// --- discovery -------------------------------------------------------------------------------------

void DeviceListModel::startDiscovery(const QString& probeAddress) {
    cancelDiscovery();
    core::model::DiscoveryInput input;
    input.drivers = {QStringLiteral("onvif")};
    input.timeoutMs = kDiscoveryTimeoutMs;
    const QString probe = probeAddress.trimmed();
    if (!probe.isEmpty()) {
        const qsizetype colon = probe.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const int port = colon > 0 ? probe.mid(colon + 1).toInt(&portOk) : kDiscoveryPort;
        if (colon > 0 && (!portOk || port <= 0 || port > 65535)) {
            m_discoveryText = tr("\"%1\" is not a host or host:port. Enter an address such as 192.168.1.20 or "
                                 "192.168.1.20:3702, or leave it empty to search the local network.")
                                  .arg(probe);
            emit discoveryChanged();
            return;
        }
        input.unicastHost = colon > 0 ? probe.left(colon) : probe;
        input.unicastPort = port;
    }
    m_found.clear();
    m_discoveryProgress = 0;
    m_discoveryText = tr("Searching for ONVIF cameras…");
    m_discoveryJob = QStringLiteral("starting");
    emit discoveryChanged();
    QPointer<DeviceListModel> self(this);
    m_api->startDiscovery(input, [self](const Result<Job>& job) {
        if (self) {
            self->discoveryStarted(job);
        }
    });
}

void DeviceListModel::discoveryStarted(const Result<Job>& job) {
    if (!job) {
        m_discoveryJob.clear();
        m_discoveryText = job.error().message;
        emit discoveryChanged();
        return;
    }
    m_discoveryJob = job->id;
    qCInfo(lcApp).noquote() << "devices: discovery started";
    QPointer<DeviceListModel> self(this);
    m_api->followJob(job.value(), [self](const Job& update) {
        if (self) {
            self->onDiscoveryJob(update);
        }
    });
}

void DeviceListModel::onDiscoveryJob(const Job& job) {
    if (job.id != m_discoveryJob) {
        return;
    }
    m_discoveryProgress = job.progress;
    if (auto result = core::client::DiscoveryResult::fromJson(job.result)) {
        m_found = result->devices;
        if (!job.isRunning() && !result->problems.isEmpty()) {
            m_discoveryText = result->problems.join(QLatin1Char('\n'));
        }
    }
    if (!job.isRunning()) {
        m_discoveryJob.clear();
        m_discoveryProgress = 1;
        if (job.state == QLatin1String(Job::kCancelled)) {
            m_discoveryText = tr("Search cancelled; %n camera(s) found.", nullptr, int(m_found.size()));
        } else if (job.state == QLatin1String(Job::kFailed)) {
            m_discoveryText = tr("The search failed: %1").arg(job.message);
        } else {
            m_discoveryText = m_found.isEmpty()
                                  ? tr("No ONVIF camera answered. Check that the cameras are on this network "
                                       "(or enter one's address to probe) and that ONVIF discovery is on.")
                                  : tr("%n camera(s) found.", nullptr, int(m_found.size()));
        }
        qCInfo(lcApp).noquote() << "devices: discovery" << job.state << "found" << m_found.size();
    }
    emit discoveryChanged();
}

void DeviceListModel::cancelDiscovery() {
    if (m_discoveryJob.isEmpty()) {
        return;
    }
    const QString id = m_discoveryJob;
    if (id == QLatin1String("starting")) {
        m_discoveryJob.clear();
        emit discoveryChanged();
        return;
    }
    QPointer<DeviceListModel> self(this);
    // The follower hears the cancelled state and ends the search (onDiscoveryJob).
    m_api->cancelJob(QString::fromLatin1(DevicesApi::kDiscovery), id, [self](const Result<Job>& job) {
        if (self && !job) {
            self->setError(job.error().message);
        }
    });
}

QVariantList DeviceListModel::discovered() const {
    QVariantList list;
    for (int i = 0; i < m_found.size(); ++i) {
        const auto& found = m_found.at(i);
        const bool added = !found.deviceId.isEmpty() || std::any_of(m_devices.cbegin(), m_devices.cend(), [&](const Device& d) {
            return d.address == found.address;
        });
        list.append(QVariantMap{{QStringLiteral("index"), i},
                                {QStringLiteral("name"), found.name.isEmpty() ? found.address : found.name},
                                {QStringLiteral("address"), found.address},
                                {QStringLiteral("hardware"), found.hardware},
                                {QStringLiteral("driver"), found.driver},
                                {QStringLiteral("added"), added}});
    }
    return list;
}

void DeviceListModel::addDiscovered(int index, const QString& name, const QString& userName, const QString& password,
                                    const QString& groupId) {
    if (index < 0 || index >= m_found.size()) {
        return;
    }
    setBusy(true);
    setError({});
    QPointer<DeviceListModel> self(this);
    m_api->addDevice(DevicesApi::discoveredInput(m_found.at(index), name.trimmed(), userName.trimmed(), password, groupId),
                     [self](const Result<Device>& device) {
                         if (!self) {
                             return;
                         }
                         self->setBusy(false);
                         if (!device) {
                             self->setError(device.error().message);
                             return;
                         }
                         self->upsert(device.value());
                         qCInfo(lcApp).noquote() << "devices: added" << device->name << "from discovery";
                         emit self->discoveryChanged();  // it shows as added now
                         emit self->saved(device->id);
                     });
}

// --- groups ----------------------------------------------------------------------------------------

void DeviceListModel::setGroups(QList<DeviceGroup> groups) {
    std::sort(groups.begin(), groups.end(),
              [](const DeviceGroup& a, const DeviceGroup& b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    m_groups = std::move(groups);
    m_groupRows.clear();
    // Depth first from the top level, so each group follows its parent.
    std::function<void(const QString&, int)> add = [&](const QString& parentId, int depth) {
        for (const DeviceGroup& group : std::as_const(m_groups)) {
            if (group.parentId != parentId) {
                continue;
            }
            const auto devices = std::count_if(m_devices.cbegin(), m_devices.cend(),
                                               [&group](const Device& d) { return d.groupId == group.id; });
            m_groupRows.append(QVariantMap{{QStringLiteral("id"), group.id},
                                           {QStringLiteral("name"), group.name},
                                           {QStringLiteral("kind"), group.kind},
                                           {QStringLiteral("parentId"), group.parentId},
                                           {QStringLiteral("depth"), depth},
                                           {QStringLiteral("devices"), int(devices)}});
            add(group.id, depth + 1);
        }
    };
    add(QString(), 0);
    emit groupsChanged();
    if (!m_devices.isEmpty()) {
        emit dataChanged(index(0), index(count() - 1), {GroupNameRole});
    }
}

QVariantList DeviceListModel::groupChoices() const {
    QVariantList choices{QVariantMap{{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("(no group)")}}};
    for (const QVariant& row : m_groupRows) {
        const QVariantMap group = row.toMap();
        choices.append(QVariantMap{
            {QStringLiteral("id"), group.value(QStringLiteral("id"))},
            {QStringLiteral("name"), QString(group.value(QStringLiteral("depth")).toInt() * 3, QLatin1Char(' ')) +
                                         group.value(QStringLiteral("name")).toString()}});
    }
    return choices;
}

QString DeviceListModel::groupName(const QString& groupId) const {
    for (const DeviceGroup& group : m_groups) {
        if (group.id == groupId) {
            return group.name;
        }
    }
    return {};
}

void DeviceListModel::groupDone(const Result<DeviceGroup>& group) {
    setBusy(false);
    if (!group) {
        setError(group.error().message);
        return;
    }
    qCInfo(lcApp).noquote() << "devices: group saved" << group->name;
    // The devices.groups push brings the whole tree; fetch it too, in case the events are down.
    QPointer<DeviceListModel> self(this);
    m_api->fetchGroups([self](const Result<QList<DeviceGroup>>& groups) {
        if (self && groups) {
            self->setGroups(groups.value());
        }
    });
    emit groupSaved(group->id);
}

DevicesApi::Callback<DeviceGroup> DeviceListModel::groupCall() {
    setBusy(true);
    setError({});
    QPointer<DeviceListModel> self(this);
    return [self](const Result<DeviceGroup>& group) {
        if (self) {
            self->groupDone(group);
        }
    };
}

void DeviceListModel::createGroup(const QString& name, const QString& parentId) {
    if (name.trimmed().isEmpty()) {
        setError(tr("Enter the group's name."));
        return;
    }
    // A top-level entry is an organisation (a site or a customer); everything below it a group.
    m_api->createGroup(name, parentId,
                       parentId.isEmpty() ? QString::fromLatin1(DeviceGroup::kOrganisation)
                                          : QString::fromLatin1(DeviceGroup::kGroup),
                       groupCall());
}

void DeviceListModel::renameGroup(const QString& groupId, const QString& name) {
    m_api->renameGroup(groupId, name, groupCall());
}

void DeviceListModel::moveGroup(const QString& groupId, const QString& parentId) {
    m_api->moveGroup(groupId, parentId, groupCall());
}

void DeviceListModel::deleteGroup(const QString& groupId, const QString& contents) {
    const core::client::GroupContents what = contents == QLatin1String("move")     ? core::client::GroupContents::Move
                                             : contents == QLatin1String("delete") ? core::client::GroupContents::Delete
                                                                                   : core::client::GroupContents::Refuse;
    setBusy(true);
    setError({});
    QPointer<DeviceListModel> self(this);
    m_api->deleteGroup(groupId, what, [self](const core::Status& status) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!status) {
            self->setError(status.error().message);
            return;
        }
        self->refresh();  // devices may have moved or gone with it
    });
}

}  // namespace vigil::app
