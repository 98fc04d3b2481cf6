#include "events/onvif_event_source.h"

#include <QThread>

#include "devices/devices_service.h"
#include "devices/driver_registry.h"
#include "events/events_logging.h"

namespace vigil::server {

using core::devices::DeviceAddress;
using core::devices::DeviceEvent;

namespace {

// Waits up to `ms`, returning early (false) once cancelled.
bool pause(int ms, const core::Cancellation& cancel) {
    for (int waited = 0; waited < ms; waited += 100) {
        if (cancel.isCancelled()) {
            return false;
        }
        QThread::msleep(100);
    }
    return !cancel.isCancelled();
}


}  // namespace

OnvifEventSource::OnvifEventSource(DevicesService& devices, const core::devices::DriverRegistry& drivers,
                                   QObject* parent)
    : QObject(parent), m_devices(devices), m_drivers(drivers) {
}

OnvifEventSource::~OnvifEventSource() {
    stopAll();
}

void OnvifEventSource::follow(const core::model::Device& device) {
    const bool wanted = device.driver == QLatin1String("onvif") && device.enabled &&
                        device.status.state == QLatin1String(core::model::DeviceStates::kOnline) &&
                        m_drivers.has(device.driver);
    auto current = m_subscriptions.constFind(device.id);
    if (current != m_subscriptions.cend() && (*current)->address == device.address && wanted) {
        return;
    }
    if (current != m_subscriptions.cend()) {
        // Kept while the device is merely offline: the thread resubscribes when it comes back.
        if (device.enabled && (*current)->address == device.address) {
            return;
        }
        forget(device.id);
    }
    if (!wanted) {
        return;
    }
    auto address = m_devices.driverAddress(device.id);
    if (!address) {
        return;
    }
    auto subscription = std::make_shared<Subscription>();
    subscription->address = device.address;
    subscription->cancel = std::make_shared<core::Cancellation>();
    subscription->thread = std::thread(&OnvifEventSource::pullLoop, this, device.id, address.value(), subscription->cancel);
    m_subscriptions.insert(device.id, subscription);
    qCInfo(lcEvents).noquote() << "subscribed to the ONVIF events of" << device.name;
}

void OnvifEventSource::forget(const QString& deviceId) {
    auto subscription = m_subscriptions.take(deviceId);
    if (subscription) {
        subscription->cancel->cancel();
        if (subscription->thread.joinable()) {
            subscription->thread.join();
        }
    }
}

void OnvifEventSource::stopAll() {
    // Cancel all first, then join: the threads end together rather than one after another.
    for (const auto& subscription : std::as_const(m_subscriptions)) {
        subscription->cancel->cancel();
    }
    for (const auto& subscription : std::as_const(m_subscriptions)) {
        if (subscription->thread.joinable()) {
            subscription->thread.join();
        }
    }
    m_subscriptions.clear();
}

void OnvifEventSource::pullLoop(const QString& deviceId, DeviceAddress address,
                                std::shared_ptr<core::Cancellation> cancel) {
    // A driver object per thread: the registry's drivers are not shared between threads.
    std::unique_ptr<core::devices::DeviceDriver> driver = m_drivers.create(address.driver);
    if (!driver) {
        return;
    }
    while (!cancel->isCancelled()) {
        auto stream = driver->subscribeEvents(address, *cancel);
        if (!stream) {
            qCInfo(lcEvents).noquote() << "ONVIF events of" << deviceId << "unavailable:" << stream.error().message;
            pause(kRetryMs, *cancel);
            continue;
        }
        while (!cancel->isCancelled()) {
            auto pulled = stream.value()->pull(kPullMs, *cancel);
            if (!pulled) {
                if (!cancel->isCancelled()) {
                    qCInfo(lcEvents).noquote() << "ONVIF subscription of" << deviceId << "lost:" << pulled.error().message;
                }
                break;
            }
            if (!pulled->isEmpty()) {
                QMetaObject::invokeMethod(
                    this, [this, deviceId, events = pulled.value()] { emit received(deviceId, events); },
                    Qt::QueuedConnection);
            }
        }
        pause(cancel->isCancelled() ? 0 : 500, *cancel);
    }
}

}  // namespace vigil::server
