#include "event_popup.h"

#include <QDateTime>

#include "app_logging.h"

namespace vigil::app {

EventPopup::EventPopup(QObject* parent) : QObject(parent) {
    m_showTimer.setSingleShot(true);
    m_showTimer.setInterval(kShowMs);
    m_titleTimer.setSingleShot(true);
    m_titleTimer.setInterval(kTitleMs);
    connect(&m_showTimer, &QTimer::timeout, this, &EventPopup::dismiss);
    connect(&m_titleTimer, &QTimer::timeout, this, [this] { setTitleShown(false); });
}

QString EventPopup::title() const {
    return m_event.message.isEmpty() ? m_event.kind : m_event.message;
}

QString EventPopup::detail() const {
    if (!active()) {
        return {};
    }
    const QString time = QDateTime::fromMSecsSinceEpoch(m_event.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    return m_event.sourceName.isEmpty() ? time : QStringLiteral("%1 \u00b7 %2").arg(m_event.sourceName, time);
}

void EventPopup::apply(const core::model::PushMessage& message) {
    if (message.type != QLatin1String("events.popup")) {
        return;
    }
    const QString channelId = message.data.value(QStringLiteral("channelId")).toString();
    auto event = core::model::Event::fromJson(message.data.value(QStringLiteral("event")).toObject());
    if (channelId.isEmpty() || !event) {
        qCWarning(lcApp).noquote() << "live: a pop-up push without a camera or event was ignored";
        return;
    }
    // The newest pop-up replaces the one showing: the latest event is the one to look at.
    m_event = event.value();
    m_channelId = channelId;
    ++m_count;
    m_showTimer.start();
    m_titleTimer.start();
    qCInfo(lcApp).noquote() << "live: pop-up of channel" << channelId << "for event" << m_event.id;
    emit changed();
    setTitleShown(true);
    emit shown(channelId);
}

void EventPopup::dismiss() {
    if (!active()) {
        return;
    }
    qCInfo(lcApp).noquote() << "live: pop-up of channel" << m_channelId << "closed";
    m_channelId.clear();
    m_event = {};
    m_showTimer.stop();
    m_titleTimer.stop();
    emit changed();
    setTitleShown(false);
}

void EventPopup::clear() {
    dismiss();
    if (m_count != 0) {
        m_count = 0;
        emit changed();
    }
}

void EventPopup::setDurations(int showMs, int titleMs) {
    m_showTimer.setInterval(showMs);
    m_titleTimer.setInterval(titleMs);
}

void EventPopup::setTitleShown(bool shown) {
    if (shown != m_titleShown) {
        m_titleShown = shown;
        emit titleShownChanged();
    }
}

}  // namespace vigil::app
