#pragma once
// OnvifEventStream: a pull-point subscription of the ONVIF Events service. pull() renews the
// subscription when half its time has gone, then waits in PullMessages; events come back with our
// topic names ("motion", "tamper") and the channel (video source) token. The destructor
// unsubscribes (a short call) so the device can free the pull point at once.
//
// Not thread-safe: one worker pulls at a time. Each pull makes its own SoapClient on the calling
// thread, so successive pulls may come from different worker threads.

#include <QElapsedTimer>
#include <QHash>

#include "devices/device_driver.h"
#include "event_service.h"

namespace vigil::plugins::onvif {

class SoapClient;

class OnvifEventStream final : public core::devices::DeviceEventStream {
public:
    static constexpr int kTerminationSeconds = 60;
    static constexpr int kMaxPullSeconds = 60;
    static constexpr int kMessageLimit = 64;
    static constexpr int kUnsubscribeTimeoutMs = 2'000;

    // Subscribes; `sourceOfConfiguration` maps video source configuration tokens to source tokens.
    static core::Result<std::unique_ptr<core::devices::DeviceEventStream>> subscribe(
        const core::devices::DeviceAddress& device, const QUrl& eventService, qint64 clockOffsetMs,
        QHash<QString, QString> sourceOfConfiguration, const core::devices::Cancellation& cancel);

    ~OnvifEventStream() override;

    core::Result<QList<core::devices::DeviceEvent>> pull(int timeoutMs,
                                                         const core::devices::Cancellation& cancel) override;

private:
    OnvifEventStream(core::devices::DeviceAddress device, PullPointSubscription subscription, qint64 clockOffsetMs,
                     QHash<QString, QString> sourceOfConfiguration);

    core::Status renew(SoapClient& soap);

    core::devices::DeviceAddress m_device;
    PullPointSubscription m_subscription;
    qint64 m_clockOffsetMs;
    QHash<QString, QString> m_sourceOfConfiguration;
    QElapsedTimer m_sinceRenewal;
    bool m_renewUnsupported = false;
};

}  // namespace vigil::plugins::onvif
