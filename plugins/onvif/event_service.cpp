#include "event_service.h"

#include <QRegularExpression>

#include "device_service.h"
#include "soap_message.h"

namespace vigil::plugins::onvif::events {

using core::Result;
using core::devices::DeviceEvent;

namespace {

QDateTime dateTime(const QString& text) {
    QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QString duration(int seconds) {
    return QStringLiteral("PT%1S").arg(seconds);
}

bool isTrue(const QString& value) {
    const QString v = value.trimmed().toLower();
    return v == QStringLiteral("true") || v == QStringLiteral("1") || v == QStringLiteral("active") ||
           v == QStringLiteral("on");
}

struct SimpleItem {
    QString name;
    QString value;
};

QList<SimpleItem> simpleItems(const XmlElement* parent) {
    QList<SimpleItem> items;
    if (parent != nullptr) {
        for (const XmlElement* item : parent->childrenNamed(QStringLiteral("SimpleItem"))) {
            items.append({item->attribute(QStringLiteral("Name")), item->attribute(QStringLiteral("Value"))});
        }
    }
    return items;
}

DeviceEvent readNotification(const XmlElement& notification, const QHash<QString, QString>& sourceOfConfiguration) {
    DeviceEvent event;
    event.topic = topicName(notification.textAt({QStringLiteral("Topic")}));
    const XmlElement* message = notification.find({QStringLiteral("Message"), QStringLiteral("Message")});
    if (message == nullptr) {
        return event;
    }
    event.time = dateTime(message->attribute(QStringLiteral("UtcTime")));
    for (const SimpleItem& item : simpleItems(message->child(QStringLiteral("Source")))) {
        if (item.name == QStringLiteral("VideoSourceConfigurationToken")) {
            event.channelToken = sourceOfConfiguration.value(item.value, item.value);
        } else if (event.channelToken.isEmpty() &&
                   (item.name == QStringLiteral("VideoSourceToken") || item.name == QStringLiteral("VideoSource") ||
                    item.name == QStringLiteral("Source"))) {
            event.channelToken = item.value;
        }
    }
    const QList<SimpleItem> data = simpleItems(message->child(QStringLiteral("Data")));
    static const QStringList kStateNames = {QStringLiteral("IsMotion"), QStringLiteral("State"),
                                            QStringLiteral("Motion"), QStringLiteral("IsTamper"),
                                            QStringLiteral("IsInside"), QStringLiteral("LogicalState")};
    bool found = false;
    QStringList detail;
    for (const SimpleItem& item : data) {
        detail.append(item.name + QLatin1Char('=') + item.value);
        if (!found && kStateNames.contains(item.name)) {
            event.active = isTrue(item.value);
            found = true;
        }
    }
    if (!found && !data.isEmpty()) {
        event.active = isTrue(data.first().value);
    }
    event.detail = detail.join(QLatin1Char(' '));
    return event;
}

}  // namespace

QString createPullPointSubscription(int terminationSeconds) {
    return QStringLiteral("<tev:CreatePullPointSubscription xmlns:tev=\"%1\"><tev:InitialTerminationTime>%2"
                          "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>")
        .arg(QLatin1String(ns::kEvents), duration(terminationSeconds));
}

Result<PullPointSubscription> parseSubscription(const XmlElement& response) {
    const XmlElement* reference = response.child(QStringLiteral("SubscriptionReference"));
    const QString address = reference != nullptr ? reference->textAt({QStringLiteral("Address")}) : QString();
    PullPointSubscription subscription;
    subscription.address = QUrl(address, QUrl::StrictMode);
    if (!subscription.address.isValid() || subscription.address.host().isEmpty() ||
        !subscription.address.scheme().startsWith(QStringLiteral("http"))) {
        return SoapMessage::badAnswer(QStringLiteral("CreatePullPointSubscription"),
                                      QStringLiteral("no usable subscription address"));
    }
    if (const XmlElement* parameters = reference->child(QStringLiteral("ReferenceParameters"))) {
        for (const XmlElement& parameter : parameters->children()) {
            subscription.referenceParameters += parameter.toXml();
        }
    }
    subscription.currentTime = dateTime(response.textAt({QStringLiteral("CurrentTime")}));
    subscription.terminationTime = dateTime(response.textAt({QStringLiteral("TerminationTime")}));
    return subscription;
}

QString pullMessages(int timeoutSeconds, int messageLimit) {
    return QStringLiteral("<tev:PullMessages xmlns:tev=\"%1\"><tev:Timeout>%2</tev:Timeout>"
                          "<tev:MessageLimit>%3</tev:MessageLimit></tev:PullMessages>")
        .arg(QLatin1String(ns::kEvents), duration(timeoutSeconds))
        .arg(messageLimit);
}

Result<PulledMessages> parsePullMessages(const XmlElement& response,
                                         const QHash<QString, QString>& sourceOfConfiguration) {
    PulledMessages pulled;
    pulled.currentTime = dateTime(response.textAt({QStringLiteral("CurrentTime")}));
    pulled.terminationTime = dateTime(response.textAt({QStringLiteral("TerminationTime")}));
    for (const XmlElement* notification : response.childrenNamed(QStringLiteral("NotificationMessage"))) {
        DeviceEvent event = readNotification(*notification, sourceOfConfiguration);
        if (event.topic.isEmpty()) {
            return SoapMessage::badAnswer(QStringLiteral("PullMessages"), QStringLiteral("a message without a topic"));
        }
        pulled.events.append(event);
    }
    return pulled;
}

QString renew(int terminationSeconds) {
    return QStringLiteral("<wsnt:Renew xmlns:wsnt=\"%1\"><wsnt:TerminationTime>%2</wsnt:TerminationTime></wsnt:Renew>")
        .arg(QLatin1String(ns::kWsnt), duration(terminationSeconds));
}

QString unsubscribe() {
    return QStringLiteral("<wsnt:Unsubscribe xmlns:wsnt=\"%1\"/>").arg(QLatin1String(ns::kWsnt));
}

QString addressingHeaders(const QString& action, const PullPointSubscription& subscription) {
    return QStringLiteral("<wsa:Action xmlns:wsa=\"%1\">%2</wsa:Action><wsa:To xmlns:wsa=\"%1\">%3</wsa:To>")
               .arg(QLatin1String(ns::kWsa), action.toHtmlEscaped(),
                    subscription.address.toString(QUrl::FullyEncoded).toHtmlEscaped()) +
           QString::fromUtf8(subscription.referenceParameters);
}

QString topicName(const QString& deviceTopic) {
    // "tns1:RuleEngine/tnsvendor:CellMotionDetector/Motion" -> "RuleEngine/CellMotionDetector/Motion"
    static const QRegularExpression kPrefix(QStringLiteral("(^|/)[A-Za-z_][\\w.-]*:"));
    QString topic = deviceTopic.trimmed();
    topic.replace(kPrefix, QStringLiteral("\\1"));
    const QString lower = topic.toLower();
    if (lower.contains(QStringLiteral("motionalarm")) || lower.contains(QStringLiteral("motiondetector")) ||
        lower.endsWith(QStringLiteral("/motion"))) {
        return QStringLiteral("motion");
    }
    if (lower.contains(QStringLiteral("tamper")) || lower.contains(QStringLiteral("globalscenechange"))) {
        return QStringLiteral("tamper");
    }
    return topic;
}

}  // namespace vigil::plugins::onvif::events
