#pragma once
// The ONVIF Events service (ver10/events/wsdl, WS-BaseNotification): a pull-point subscription,
// PullMessages, Renew, Unsubscribe, and how a device's topics map to ours ("motion", "tamper").

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include "common/result.h"
#include "devices/device_driver.h"
#include "xml_element.h"

namespace vigil::plugins::onvif {

struct PullPointSubscription {
    QUrl address;                    // where PullMessages, Renew and Unsubscribe go
    QByteArray referenceParameters;  // echoed as SOAP headers (some devices identify the pull point so)
    QDateTime currentTime;           // the device's clock
    QDateTime terminationTime;
};

struct PulledMessages {
    QList<core::devices::DeviceEvent> events;
    QDateTime currentTime;
    QDateTime terminationTime;
};

namespace events {

QString createPullPointSubscription(int terminationSeconds);
core::Result<PullPointSubscription> parseSubscription(const XmlElement& response);

QString pullMessages(int timeoutSeconds, int messageLimit);
// `sourceOfConfiguration` maps video source configuration tokens to video source tokens, so events
// that name a configuration (as most do) land on the right channel.
core::Result<PulledMessages> parsePullMessages(const XmlElement& response,
                                               const QHash<QString, QString>& sourceOfConfiguration);

QString renew(int terminationSeconds);
QString unsubscribe();

// WS-Addressing headers for calls to a subscription: Action, To and the reference parameters.
QString addressingHeaders(const QString& action, const PullPointSubscription& subscription);

// "motion" for the motion topics (VideoSource/MotionAlarm, RuleEngine/CellMotionDetector/Motion,
// RuleEngine/MotionRegionDetector/Motion...), "tamper" for tampering, else the topic without prefixes.
QString topicName(const QString& deviceTopic);

}  // namespace events

}  // namespace vigil::plugins::onvif
