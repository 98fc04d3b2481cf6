#include "site_counts.h"

#include <QJsonDocument>
#include <algorithm>

#include "app_logging.h"
#include "client/api_client.h"
#include "client/devices_api.h"
#include "model/device_model.h"
#include "model/permissions.h"
#include "model/system_model.h"
#include "session_controller.h"

namespace vigil::app {

using core::client::ApiClient;
using core::model::Permissions;

namespace {
constexpr auto kCountersPush = "events.counters";
}

SiteCounts::SiteCounts(ApiClient* client, core::client::DevicesApi* devices, SessionController* session,
                       QObject* parent)
    : QObject(parent), m_client(client), m_devices(devices), m_session(session) {
    connect(devices, &core::client::DevicesApi::deviceChanged, this, &SiteCounts::applyDevice);
    connect(devices, &core::client::DevicesApi::deviceRemoved, this, &SiteCounts::removeDevice);
    connect(client, &ApiClient::pushReceived, this, &SiteCounts::applyPush);
}

int SiteCounts::devicesOnline() const {
    return static_cast<int>(std::count(m_online.cbegin(), m_online.cend(), true));
}

void SiteCounts::refresh() {
    fetchDevices();
    fetchAlarms();
}

void SiteCounts::clear() {
    m_online.clear();
    m_hasDevices = false;
    m_alarms = {};
    m_hasAlarms = false;
    emit devicesChanged();
    emit alarmsChanged();
}

void SiteCounts::fetchDevices() {
    if (!m_session->hasPermission(QLatin1String(Permissions::kDeviceConfig))) {
        return;
    }
    const QString site = m_client->site();
    m_devices->fetchDevices([this, site](core::Result<QList<core::model::Device>> devices) {
        if (site != m_client->site()) {
            return;
        }
        if (!devices) {
            qCWarning(lcApp).noquote() << "site counts: devices:" << devices.error().message;
            return;
        }
        m_online.clear();
        for (const core::model::Device& device : devices.value()) {
            m_online.insert(device.id, device.status.state == QLatin1String(core::model::DeviceStates::kOnline));
        }
        m_hasDevices = true;
        emit devicesChanged();
    });
}

void SiteCounts::applyDevice(const core::model::Device& device) {
    if (!m_hasDevices) {
        return;  // the list is not read yet (or not allowed): a push alone would count one device
    }
    const bool online = device.status.state == QLatin1String(core::model::DeviceStates::kOnline);
    const auto known = m_online.constFind(device.id);
    if (known != m_online.cend() && known.value() == online) {
        return;
    }
    m_online.insert(device.id, online);
    emit devicesChanged();
}

void SiteCounts::removeDevice(const QString& id) {
    if (m_online.remove(id) > 0) {
        emit devicesChanged();
    }
}

void SiteCounts::fetchAlarms() {
    if (!m_session->hasPermission(QLatin1String(Permissions::kEventHandling))) {
        return;
    }
    const QString site = m_client->site();
    m_client->sendJson(ApiClient::Request(ApiClient::Method::Get, QStringLiteral("/api/v1/events/counters")),
                       [this, site](core::Result<QJsonDocument> answer) {
                           if (site != m_client->site()) {
                               return;
                           }
                           if (!answer) {
                               qCWarning(lcApp).noquote() << "site counts: alarms:" << answer.error().message;
                               return;
                           }
                           auto counters = core::model::AlarmCounters::fromJson(answer->object());
                           if (!counters) {
                               qCWarning(lcApp).noquote() << "site counts: alarms:" << counters.error().message;
                               return;
                           }
                           setAlarms(counters.value());
                       });
}

void SiteCounts::applyPush(const core::model::PushMessage& message) {
    if (message.type != QLatin1String(kCountersPush)) {
        return;
    }
    auto counters = core::model::AlarmCounters::fromJson(message.data);
    if (!counters) {
        qCWarning(lcApp).noquote() << "site counts: events.counters push:" << counters.error().message;
        return;
    }
    setAlarms(counters.value());
}

void SiteCounts::setAlarms(const core::model::AlarmCounters& counters) {
    m_alarms = counters;
    m_hasAlarms = true;
    qCInfo(lcApp).noquote() << "alarms:" << counters.pending() << "pending," << counters.handled << "handled";
    emit alarmsChanged();
}

}  // namespace vigil::app
