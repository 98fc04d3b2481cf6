// A rule's pop-up on the workstation without a server (issue 6, EVT-2): EventPopup takes the
// events.popup push (the server decides who gets it, see tst_event_rules), shows the newest camera
// with the event's name, hides the name after a while and closes by itself or when dismissed; the
// Live view owns it and a sign-out closes it. The pushes are built here as the server sends them.

#include <QSignalSpy>
#include <QTest>

#include "event_popup.h"
#include "live_view.h"

using namespace vigil;
using app::EventPopup;
using core::model::Event;
using core::model::PushMessage;

namespace {

Event motion(qint64 id, const QString& message) {
    Event event;
    event.id = id;
    event.timeMs = 1700000000000 + id;
    event.sourceType = QStringLiteral("channel");
    event.sourceId = QStringLiteral("ch-gate");
    event.sourceName = QStringLiteral("Gate");
    event.channelId = QStringLiteral("ch-gate");
    event.kind = QStringLiteral("motion");
    event.severity = QStringLiteral("critical");
    event.message = message;
    event.alarmState = QStringLiteral("new");
    return event;
}

PushMessage popupPush(const Event& event, const QString& channelId) {
    return PushMessage{QStringLiteral("events.popup"),
                       QJsonObject{{QStringLiteral("event"), event.toJson()}, {QStringLiteral("channelId"), channelId}}};
}

}  // namespace

class TstEventPopup : public QObject {
    Q_OBJECT
private slots:
    void aPopupPushShowsTheCameraWithTheEventsName() {
        EventPopup popup;
        QSignalSpy shown(&popup, &EventPopup::shown);
        QVERIFY(!popup.active());
        popup.apply(popupPush(motion(7, QStringLiteral("Motion at the gate")), QStringLiteral("ch-gate")));
        QVERIFY(popup.active());
        QCOMPARE(popup.channelId(), QStringLiteral("ch-gate"));
        QCOMPARE(popup.title(), QStringLiteral("Motion at the gate"));
        QVERIFY2(popup.detail().startsWith(QStringLiteral("Gate \u00b7 ")), qPrintable(popup.detail()));
        QCOMPARE(popup.severity(), QStringLiteral("critical"));
        QCOMPARE(popup.eventId(), 7);
        QVERIFY(popup.titleShown());
        QCOMPARE(popup.count(), 1);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().first().toString(), QStringLiteral("ch-gate"));
    }

    void anEventWithoutMessageIsNamedByItsKind() {
        EventPopup popup;
        popup.apply(popupPush(motion(1, QString()), QStringLiteral("ch-gate")));
        QCOMPARE(popup.title(), QStringLiteral("motion"));
    }

    void otherPushesAndPopupsWithoutACameraAreIgnored() {
        EventPopup popup;
        QSignalSpy shown(&popup, &EventPopup::shown);
        popup.apply(PushMessage{QStringLiteral("events.event"), motion(1, QStringLiteral("x")).toJson()});
        popup.apply(PushMessage{QStringLiteral("events.sound"), QJsonObject{{QStringLiteral("sound"), QStringLiteral("siren")}}});
        popup.apply(popupPush(motion(2, QStringLiteral("x")), QString()));
        popup.apply(PushMessage{QStringLiteral("events.popup"), QJsonObject{{QStringLiteral("channelId"), QStringLiteral("ch-gate")}}});
        QVERIFY(!popup.active());
        QCOMPARE(shown.size(), 0);
        QCOMPARE(popup.count(), 0);
    }

    void theNewestPopupReplacesTheOneShowing() {
        EventPopup popup;
        popup.apply(popupPush(motion(1, QStringLiteral("First")), QStringLiteral("ch-gate")));
        popup.apply(popupPush(motion(2, QStringLiteral("Second")), QStringLiteral("ch-yard")));
        QCOMPARE(popup.channelId(), QStringLiteral("ch-yard"));
        QCOMPARE(popup.title(), QStringLiteral("Second"));
        QCOMPARE(popup.count(), 2);
    }

    void theNameGoesAfterAWhileAndThePopupClosesByItself() {
        EventPopup popup;
        popup.setDurations(400, 100);
        popup.apply(popupPush(motion(1, QStringLiteral("Gate")), QStringLiteral("ch-gate")));
        QVERIFY(popup.titleShown());
        QTRY_VERIFY_WITH_TIMEOUT(!popup.titleShown(), 5000);
        QVERIFY(popup.active());  // the camera stays longer than its caption
        QTRY_VERIFY_WITH_TIMEOUT(!popup.active(), 5000);
        QCOMPARE(popup.channelId(), QString());
        QCOMPARE(popup.detail(), QString());
    }

    void dismissCloses() {
        EventPopup popup;
        QSignalSpy changed(&popup, &EventPopup::changed);
        popup.apply(popupPush(motion(1, QStringLiteral("Gate")), QStringLiteral("ch-gate")));
        popup.dismiss();
        QVERIFY(!popup.active());
        QVERIFY(!popup.titleShown());
        QCOMPARE(popup.count(), 1);  // what was shown stays counted until sign-out
        const qsizetype before = changed.size();
        popup.dismiss();  // nothing open: nothing happens
        QCOMPARE(changed.size(), before);
    }

    void theLiveViewOwnsThePopupAndASignOutClosesIt() {
        app::LiveView live(nullptr, nullptr, QString());
        QCOMPARE(live.popup(), live.eventPopup());
        live.eventPopup()->apply(popupPush(motion(1, QStringLiteral("Gate")), QStringLiteral("ch-gate")));
        QVERIFY(live.eventPopup()->active());
        live.clear();
        QVERIFY(!live.eventPopup()->active());
        QCOMPARE(live.eventPopup()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TstEventPopup)
#include "tst_event_popup.moc"
