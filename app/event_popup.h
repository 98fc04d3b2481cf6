#pragma once
// EventPopup: a rule's "pop the camera up" action on this workstation (issue 6, EVT-2). The server
// pushes events.popup {event, channelId} only to the sessions that may watch the camera live and,
// when the rule names users, only to theirs (server/events/events_push.cpp). Here the newest one
// becomes the pop-up: the Live page shows the camera over its layout with the event's name on the
// tile, and the workstation brings the Live page up (shown()). The mute setting is for sounds only:
// a pop-up always shows. It closes when the operator closes it or after showMs; the event's name
// stays on the tile for titleMs. QML binds to it as `workstation.live.popup`.

#include <QObject>
#include <QTimer>

#include "model/event_model.h"
#include "model/system_model.h"

namespace vigil::app {

class EventPopup : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString channelId READ channelId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)    // the event's name
    Q_PROPERTY(QString detail READ detail NOTIFY changed)  // where and when
    Q_PROPERTY(QString severity READ severity NOTIFY changed)
    Q_PROPERTY(qint64 eventId READ eventId NOTIFY changed)
    Q_PROPERTY(bool titleShown READ titleShown NOTIFY titleShownChanged)
    Q_PROPERTY(int count READ count NOTIFY changed)  // pop-ups since sign-in
public:
    static constexpr int kShowMs = 2 * 60 * 1000;
    static constexpr int kTitleMs = 30 * 1000;

    explicit EventPopup(QObject* parent = nullptr);

    bool active() const { return !m_channelId.isEmpty(); }
    QString channelId() const { return m_channelId; }
    QString title() const;
    QString detail() const;
    QString severity() const { return m_event.severity; }
    qint64 eventId() const { return m_event.id; }
    bool titleShown() const { return m_titleShown; }
    int count() const { return m_count; }

    // An events.popup push; other pushes, and one without a channel, are ignored.
    void apply(const core::model::PushMessage& message);
    Q_INVOKABLE void dismiss();
    void clear();  // signed out: closed, the count back to 0
    void setDurations(int showMs, int titleMs);  // tests

signals:
    void changed();
    void titleShownChanged();
    void shown(const QString& channelId);

private:
    void setTitleShown(bool shown);

    core::model::Event m_event;
    QString m_channelId;
    bool m_titleShown = false;
    int m_count = 0;
    QTimer m_showTimer;
    QTimer m_titleTimer;
};

}  // namespace vigil::app
