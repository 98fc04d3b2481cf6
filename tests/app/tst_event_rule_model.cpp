// The rule editor's model without a server (issue 6, EVT-2): EventRuleModel turns a rule's JSON (as
// server/api/events.yaml gives it) into the form's fields and the form's fields back into the API
// body: source cameras, the weekly schedule (chosen days between two times, past midnight into the
// next day; a schedule the form cannot show is kept as it is) and the PTZ action (camera + preset
// token; PTZ actions the form does not show are kept). A form that makes no rule is refused with a
// reason before anything is sent. Kind names keep their translations (German here). The server's
// own checks are tested in tests/events.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "client_settings.h"
#include "event_kind_name.h"
#include "event_rule_model.h"
#include "interface_language.h"

using namespace vigil;
using app::EventRuleModel;

namespace {

QJsonObject range(int day, int start, int end) {
    return {{"day", day}, {"startMinute", start}, {"endMinute", end}};
}

QJsonObject ptz(const QString& channel, const QString& token) {
    return {{"type", "ptz"}, {"channelId", channel}, {"presetToken", token}};
}

QJsonObject storedRule() {
    return QJsonObject{
        {"id", "r1"},
        {"name", "Night gate"},
        {"enabled", true},
        {"filter", QJsonObject{{"kinds", QJsonArray{"motion"}},
                               {"sourceIds", QJsonArray{"ch-gate", "device-9"}},
                               {"severities", QJsonArray{}},
                               {"schedule", QJsonArray{range(1, 480, 1020), range(2, 480, 1020), range(3, 480, 1020),
                                                       range(4, 480, 1020), range(5, 480, 1020)}}}},
        {"actions", QJsonArray{QJsonObject{{"type", "alarm"}, {"severity", ""}}, ptz("ch-dome", "tok-door"),
                               ptz("ch-mast", "tok-road")}},
        {"debounceMs", 0}};
}

QList<int> days(const QVariant& list) {
    QList<int> out;
    for (const QVariant& day : list.toList()) {
        out.append(day.toInt());
    }
    return out;
}

}  // namespace

class TstEventRuleModel : public QObject {
    Q_OBJECT
private slots:
    void aNewRuleAlwaysWorksOnAnySourceWithoutPtz() {
        const QVariantMap fields = EventRuleModel::fieldsOf({});
        QCOMPARE(fields.value("scheduleMode").toString(), QStringLiteral("always"));
        QVERIFY(fields.value("sourceIds").toStringList().isEmpty());
        QCOMPARE(fields.value("ptzChannelId").toString(), QString());
        QCOMPARE(EventRuleModel::problemOf(fields), QString());
        const QJsonObject input = EventRuleModel::ruleInput({}, fields);
        QCOMPARE(input.value("filter").toObject().value("schedule").toArray(), QJsonArray{});
        QVERIFY(input.value("filter").toObject().value("sourceIds").toArray().isEmpty());
    }

    void sourcesScheduleAndPtzComeIntoTheForm() {
        const QVariantMap fields = EventRuleModel::fieldsOf(storedRule());
        QCOMPARE(fields.value("sourceIds").toStringList(), (QStringList{"ch-gate", "device-9"}));
        QCOMPARE(fields.value("scheduleMode").toString(), QStringLiteral("weekly"));
        QCOMPARE(days(fields.value("scheduleDays")), (QList<int>{1, 2, 3, 4, 5}));
        QCOMPARE(fields.value("scheduleFrom").toString(), QStringLiteral("08:00"));
        QCOMPARE(fields.value("scheduleTo").toString(), QStringLiteral("17:00"));
        QCOMPARE(fields.value("ptzChannelId").toString(), QStringLiteral("ch-dome"));
        QCOMPARE(fields.value("ptzPresetToken").toString(), QStringLiteral("tok-door"));
    }

    void theFormGoesBackUnchanged() {
        const QJsonObject rule = storedRule();
        const QJsonObject input = EventRuleModel::ruleInput(rule, EventRuleModel::fieldsOf(rule));
        const QJsonObject filter = input.value("filter").toObject();
        QCOMPARE(filter.value("sourceIds").toArray(), rule.value("filter").toObject().value("sourceIds").toArray());
        QCOMPARE(filter.value("schedule").toArray(), rule.value("filter").toObject().value("schedule").toArray());
        QJsonArray ptzActions;
        for (const QJsonValue& action : input.value("actions").toArray()) {
            if (action.toObject().value("type").toString() == "ptz") {
                ptzActions.append(action);
            }
        }
        // The form's PTZ action and the one it does not show, both kept.
        QCOMPARE(ptzActions.size(), 2);
        QVERIFY(ptzActions.contains(ptz("ch-dome", "tok-door")));
        QVERIFY(ptzActions.contains(ptz("ch-mast", "tok-road")));
    }

    void editedSourcesScheduleAndPtzReachTheBody() {
        QVariantMap fields = EventRuleModel::fieldsOf(storedRule());
        fields.insert("sourceIds", QStringList{"ch-yard"});
        fields.insert("scheduleDays", QVariantList{6, 7});
        fields.insert("scheduleFrom", "9:30");
        fields.insert("scheduleTo", "12:00");
        fields.insert("ptzChannelId", "ch-dome");
        fields.insert("ptzPresetToken", "tok-gate");
        QCOMPARE(EventRuleModel::problemOf(fields), QString());
        const QJsonObject input = EventRuleModel::ruleInput(storedRule(), fields);
        const QJsonObject filter = input.value("filter").toObject();
        QCOMPARE(filter.value("sourceIds").toArray(), QJsonArray{"ch-yard"});
        QCOMPARE(filter.value("schedule").toArray(), (QJsonArray{range(6, 570, 720), range(7, 570, 720)}));
        const QJsonArray actions = input.value("actions").toArray();
        QVERIFY(actions.contains(ptz("ch-dome", "tok-gate")));
        QVERIFY(!actions.contains(ptz("ch-dome", "tok-door")));

        fields.insert("ptzChannelId", "");  // no PTZ camera: the form's PTZ action goes
        const QJsonArray without = EventRuleModel::ruleInput(storedRule(), fields).value("actions").toArray();
        QVERIFY(!without.contains(ptz("ch-dome", "tok-door")));
        QVERIFY(without.contains(ptz("ch-mast", "tok-road")));

        fields.insert("scheduleMode", "always");
        QCOMPARE(EventRuleModel::ruleInput(storedRule(), fields).value("filter").toObject().value("schedule").toArray(), QJsonArray{});
    }

    void aRangePastMidnightGoesOnIntoTheNextDay() {
        // Friday and Sunday nights 22:00-06:00: Sunday's night ends on Monday morning.
        const QJsonArray ranges = EventRuleModel::scheduleRanges({5, 7}, 22 * 60, 6 * 60);
        QCOMPARE(ranges, (QJsonArray{range(5, 1320, 1440), range(6, 0, 360), range(7, 1320, 1440), range(1, 0, 360)}));
        const QVariantMap fields = EventRuleModel::scheduleFields(ranges);
        QCOMPARE(fields.value("scheduleMode").toString(), QStringLiteral("weekly"));
        QCOMPARE(days(fields.value("scheduleDays")), (QList<int>{5, 7}));
        QCOMPARE(fields.value("scheduleFrom").toString(), QStringLiteral("22:00"));
        QCOMPARE(fields.value("scheduleTo").toString(), QStringLiteral("06:00"));
        // Until midnight only: nothing on the next day.
        QCOMPARE(EventRuleModel::scheduleRanges({3}, 22 * 60, 0), QJsonArray{range(3, 1320, 1440)});
    }

    void theSameTimeTwiceIsTheWholeDay() {
        QCOMPARE(EventRuleModel::scheduleRanges({2}, 0, 0), QJsonArray{range(2, 0, 1440)});
        QCOMPARE(EventRuleModel::scheduleRanges({2}, 600, 600), QJsonArray{range(2, 0, 1440)});
        const QVariantMap fields = EventRuleModel::scheduleFields(QJsonArray{range(2, 0, 1440)});
        QCOMPARE(fields.value("scheduleFrom").toString(), QStringLiteral("00:00"));
        QCOMPARE(fields.value("scheduleTo").toString(), QStringLiteral("24:00"));
    }

    void aScheduleTheFormCannotShowIsKept() {
        const QJsonArray lunch{range(1, 480, 720), range(1, 780, 1020)};
        QJsonObject rule = storedRule();
        QJsonObject filter = rule.value("filter").toObject();
        filter.insert("schedule", lunch);
        rule.insert("filter", filter);
        const QVariantMap fields = EventRuleModel::fieldsOf(rule);
        QCOMPARE(fields.value("scheduleMode").toString(), QStringLiteral("custom"));
        QVERIFY2(fields.value("scheduleText").toString().contains("08:00\u201312:00"), qPrintable(fields.value("scheduleText").toString()));
        QCOMPARE(EventRuleModel::ruleInput(rule, fields).value("filter").toObject().value("schedule").toArray(), lunch);
    }

    void aFormThatMakesNoRuleIsRefusedWithTheReason() {
        QVariantMap fields = EventRuleModel::fieldsOf(storedRule());
        fields.insert("scheduleDays", QVariantList{});
        QVERIFY(EventRuleModel::problemOf(fields).contains("no day"));
        fields.insert("scheduleDays", QVariantList{1});
        fields.insert("scheduleTo", "25:00");
        QVERIFY(EventRuleModel::problemOf(fields).contains("HH:mm"));
        fields.insert("scheduleTo", "7.30");
        QVERIFY(EventRuleModel::problemOf(fields).contains("HH:mm"));
        fields.insert("scheduleTo", "24:00");
        QCOMPARE(EventRuleModel::problemOf(fields), QString());
        fields.insert("ptzPresetToken", "");
        QVERIFY(EventRuleModel::problemOf(fields).contains("preset"));
    }

    void thePopupsUsersAreEdited() {
        QJsonObject rule = storedRule();
        QJsonArray actions = rule.value("actions").toArray();
        actions.append(QJsonObject{{"type", "popup"}, {"channelIds", QJsonArray{"ch-gate"}}, {"userNames", QJsonArray{"pia", "quinn"}}});
        rule.insert("actions", actions);
        QVariantMap fields = EventRuleModel::fieldsOf(rule);
        QVERIFY(fields.value("popup").toBool());
        QCOMPARE(fields.value("popupUsers").toString(), QStringLiteral("pia, quinn"));
        fields.insert("popupUsers", "rita;  sam");
        QJsonObject popup;
        for (const QJsonValue& action : EventRuleModel::ruleInput(rule, fields).value("actions").toArray()) {
            if (action.toObject().value("type").toString() == "popup") {
                popup = action.toObject();
            }
        }
        QCOMPARE(popup.value("userNames").toArray(), (QJsonArray{"rita", "sam"}));
        QCOMPARE(popup.value("channelIds").toArray(), QJsonArray{"ch-gate"});  // what the form does not show stays
        fields.insert("popupUsers", "");
        const QJsonArray actionsAfter = EventRuleModel::ruleInput(rule, fields).value("actions").toArray();
        QVERIFY(std::any_of(actionsAfter.begin(), actionsAfter.end(), [](const QJsonValue& a) {
            return a.toObject().value("type").toString() == "popup" && a.toObject().value("userNames").toArray().isEmpty();
        }));
    }

    void kindNamesKeepTheirTranslations() {
        QTemporaryDir dir;
        core::platform::DataLocation where = core::platform::DataLocation::at(dir.path(), true);
        QString problem;
        QVERIFY2(where.ensureExists(&problem), qPrintable(problem));
        app::ClientSettings settings(where);
        app::InterfaceLanguage language(&settings);
        QVERIFY(language.select(QStringLiteral("de")));
        QCOMPARE(app::eventKindName(QStringLiteral("device_online")), QStringLiteral("Gerät online"));
        QCOMPARE(app::eventKindName(QStringLiteral("no_such_kind")), QStringLiteral("no_such_kind"));
        QVERIFY(language.select(QStringLiteral("en")));
        QCOMPARE(app::eventKindName(QStringLiteral("device_online")), QStringLiteral("Device online"));
    }

    void theSummarySaysSourcesAndSchedule() {
        const QString summary = EventRuleModel::summaryOf(storedRule());
        QVERIFY2(summary.contains("Motion") && summary.contains("2 source") && summary.contains("schedule") &&
                     summary.contains("alarm, PTZ preset, PTZ preset"),
                 qPrintable(summary));
    }
};

QTEST_GUILESS_MAIN(TstEventRuleModel)
#include "tst_event_rule_model.moc"
