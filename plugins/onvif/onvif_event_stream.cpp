#include "onvif_event_stream.h"

#include <algorithm>

#include "device_service.h"
#include "onvif_logging.h"
#include "soap_client.h"
#include "soap_message.h"

namespace vigil::plugins::onvif {

using core::Error;
using core::Result;
using core::Status;
using core::devices::Cancellation;
using core::devices::DeviceAddress;
using core::devices::DeviceEvent;
using core::devices::DeviceEventStream;
namespace devices = core::devices;

namespace {

constexpr const char* kCreateAction =
    "http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest";
constexpr const char* kPullAction = "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest";
constexpr const char* kRenewAction = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest";
constexpr const char* kUnsubscribeAction = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest";
// Extra time the HTTP exchange may take beyond the PullMessages timeout the device waits for.
constexpr int kPullMarginMs = 10'000;

}  // namespace

Result<std::unique_ptr<DeviceEventStream>> OnvifEventStream::subscribe(const DeviceAddress& device,
                                                                       const QUrl& eventService, qint64 clockOffsetMs,
                                                                       QHash<QString, QString> sourceOfConfiguration,
                                                                       const Cancellation& cancel) {
    SoapClient soap(device.user, device.password, cancel);
    soap.setClockOffsetMs(clockOffsetMs);
    const QString operation = QStringLiteral("CreatePullPointSubscription");
    SoapClient::Request request;
    request.url = eventService;
    request.action = QLatin1String(kCreateAction);
    request.operation = operation;
    request.body = events::createPullPointSubscription(kTerminationSeconds);
    request.headers = QStringLiteral("<wsa:Action xmlns:wsa=\"%1\">%2</wsa:Action><wsa:To xmlns:wsa=\"%1\">%3</wsa:To>")
                          .arg(QLatin1String(ns::kWsa), QLatin1String(kCreateAction),
                               eventService.toString(QUrl::FullyEncoded).toHtmlEscaped());
    request.expectedElement = QStringLiteral("CreatePullPointSubscriptionResponse");
    Result<XmlElement> answer = soap.call(request);
    if (!answer) {
        return answer.error();
    }
    Result<PullPointSubscription> subscription = events::parseSubscription(*answer);
    if (!subscription) {
        return subscription.error();
    }
    qCDebug(lcOnvif) << "pull point" << subscription->address.toString(QUrl::RemoveUserInfo);
    return std::unique_ptr<DeviceEventStream>(
        new OnvifEventStream(device, *subscription, clockOffsetMs, std::move(sourceOfConfiguration)));
}

OnvifEventStream::OnvifEventStream(DeviceAddress device, PullPointSubscription subscription, qint64 clockOffsetMs,
                                   QHash<QString, QString> sourceOfConfiguration)
    : m_device(std::move(device)),
      m_subscription(std::move(subscription)),
      m_clockOffsetMs(clockOffsetMs),
      m_sourceOfConfiguration(std::move(sourceOfConfiguration)) {
    m_sinceRenewal.start();
}

OnvifEventStream::~OnvifEventStream() {
    // Best effort and brief: the subscription ends by itself at its termination time anyway.
    Cancellation never;
    SoapClient soap(m_device.user, m_device.password, never);
    soap.setClockOffsetMs(m_clockOffsetMs);
    SoapClient::Request request;
    request.url = m_subscription.address;
    request.action = QLatin1String(kUnsubscribeAction);
    request.operation = QStringLiteral("Unsubscribe");
    request.body = events::unsubscribe();
    request.headers = events::addressingHeaders(request.action, m_subscription);
    request.timeoutMs = kUnsubscribeTimeoutMs;
    Result<XmlElement> answer = soap.call(request);
    if (!answer) {
        qCDebug(lcOnvif).noquote() << "unsubscribe failed:" << answer.error().message;
    }
}

Status OnvifEventStream::renew(SoapClient& soap) {
    SoapClient::Request request;
    request.url = m_subscription.address;
    request.action = QLatin1String(kRenewAction);
    request.operation = QStringLiteral("Renew");
    request.body = events::renew(kTerminationSeconds);
    request.headers = events::addressingHeaders(request.action, m_subscription);
    request.expectedElement = QStringLiteral("RenewResponse");
    Result<XmlElement> answer = soap.call(request);
    if (!answer) {
        if (answer.error().code == QLatin1String(devices::kErrorNotSupported)) {
            // Devices without Renew extend the subscription on each PullMessages instead.
            m_renewUnsupported = true;
            return {};
        }
        return answer.error();
    }
    m_sinceRenewal.restart();
    return {};
}

Result<QList<DeviceEvent>> OnvifEventStream::pull(int timeoutMs, const Cancellation& cancel) {
    SoapClient soap(m_device.user, m_device.password, cancel);
    soap.setClockOffsetMs(m_clockOffsetMs);
    if (!m_renewUnsupported && m_sinceRenewal.elapsed() >= kTerminationSeconds * 1000 / 2) {
        if (Status renewed = renew(soap); !renewed) {
            return renewed.error();
        }
    }
    const int seconds = std::clamp((timeoutMs + 999) / 1000, 1, kMaxPullSeconds);
    SoapClient::Request request;
    request.url = m_subscription.address;
    request.action = QLatin1String(kPullAction);
    request.operation = QStringLiteral("PullMessages");
    request.body = events::pullMessages(seconds, kMessageLimit);
    request.headers = events::addressingHeaders(request.action, m_subscription);
    request.timeoutMs = seconds * 1000 + kPullMarginMs;
    request.expectedElement = QStringLiteral("PullMessagesResponse");
    Result<XmlElement> answer = soap.call(request);
    if (!answer) {
        return answer.error();
    }
    Result<PulledMessages> pulled = events::parsePullMessages(*answer, m_sourceOfConfiguration);
    if (!pulled) {
        return pulled.error();
    }
    if (m_renewUnsupported) {
        m_sinceRenewal.restart();
    }
    return pulled->events;
}

}  // namespace vigil::plugins::onvif
