#pragma once
// OnvifEventSource: one ONVIF pull-point subscription per running ONVIF device (issue 6: motion and
// other camera events). Each subscription is a thread of its own that subscribes through the
// driver, pulls (long polls of kPullMs) and hands what it got to the engine's thread as received();
// a lost subscription is renewed after kRetryMs. A device that is removed, disabled or changes
// address ends its subscription (a new one starts for the new address).
//
// Threads: the object lives on the engine's thread; the pull threads only call the driver and
// post back to it. stopAll() (and the destructor) cancel and join every thread.

#include <QHash>
#include <QList>
#include <QObject>
#include <memory>
#include <thread>

#include "devices/device_driver.h"
#include "model/device_model.h"

namespace vigil::core::devices {
class DriverRegistry;
}

namespace vigil::server {

class DevicesService;

class OnvifEventSource : public QObject {
    Q_OBJECT
public:
    static constexpr int kPullMs = 2000;
    static constexpr int kRetryMs = 5000;

    OnvifEventSource(DevicesService& devices, const core::devices::DriverRegistry& drivers, QObject* parent = nullptr);
    ~OnvifEventSource() override;

    // Starts or ends the device's subscription to match its state (online ONVIF devices only).
    void follow(const core::model::Device& device);
    void forget(const QString& deviceId);
    void stopAll();
    int subscriptionCount() const { return static_cast<int>(m_subscriptions.size()); }

signals:
    void received(const QString& deviceId, const QList<vigil::core::devices::DeviceEvent>& events);

private:
    struct Subscription {
        QString address;
        std::shared_ptr<core::Cancellation> cancel;
        std::thread thread;
    };
    void pullLoop(const QString& deviceId, core::devices::DeviceAddress address,
                  std::shared_ptr<core::Cancellation> cancel);

    DevicesService& m_devices;
    const core::devices::DriverRegistry& m_drivers;
    QHash<QString, std::shared_ptr<Subscription>> m_subscriptions;  // by device id
};

}  // namespace vigil::server
