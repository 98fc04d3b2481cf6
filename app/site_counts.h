#pragma once
// SiteCounts: the figures of the Home page's site tiles and the top bar's alarm counter (CLI-2),
// kept live for the signed-in session:
//   devices  total / online / offline: GET /api/v1/devices, then the devices pushes (a device added,
//            its state moved, removed) through DevicesApi;
//   alarms   new + acknowledged (pending), handled and their total: GET /api/v1/events/counters, then
//            the events.counters push (server/events/events_push.h), which the server sends after
//            alarms change, for the session's scope.
// A figure the session may not read (no device_config / event_handling) stays unavailable.

#include <QHash>
#include <QObject>

#include "model/event_model.h"

namespace vigil::core::client {
class ApiClient;
class DevicesApi;
}  // namespace vigil::core::client

namespace vigil::core::model {
struct Device;
struct PushMessage;
}  // namespace vigil::core::model

namespace vigil::app {

class SessionController;

class SiteCounts : public QObject {
    Q_OBJECT
public:
    SiteCounts(core::client::ApiClient* client, core::client::DevicesApi* devices, SessionController* session,
               QObject* parent = nullptr);

    // Reads both again (sign-in, Home shown, the event connection back after a break).
    void refresh();
    // Signed out: nothing is known any more.
    void clear();

    bool hasDevices() const { return m_hasDevices; }
    int devicesTotal() const { return static_cast<int>(m_online.size()); }
    int devicesOnline() const;
    bool hasAlarms() const { return m_hasAlarms; }
    const core::model::AlarmCounters& alarms() const { return m_alarms; }

signals:
    void devicesChanged();
    void alarmsChanged();

private:
    void fetchDevices();
    void fetchAlarms();
    void applyDevice(const core::model::Device& device);
    void removeDevice(const QString& id);
    void applyPush(const core::model::PushMessage& message);
    void setAlarms(const core::model::AlarmCounters& counters);

    core::client::ApiClient* m_client;     // the workstation's, outlives this
    core::client::DevicesApi* m_devices;  // likewise
    SessionController* m_session;
    QHash<QString, bool> m_online;  // device id -> online
    bool m_hasDevices = false;
    core::model::AlarmCounters m_alarms;
    bool m_hasAlarms = false;
};

}  // namespace vigil::app
