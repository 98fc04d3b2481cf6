// The rule editor's model without a server (issue 6, EVT-2): EventRuleModel turns a rule's JSON (as
// server/api/events.yaml gives it) into the form's fields and the form's fields back into the API
// body: source cameras, the weekly schedule (chosen days between two times, past midnight into the
// next day; a schedule the form cannot show is kept as it is) and the PTZ action (camera + preset
// token; PTZ actions the form does not show are kept), the pop-up's and the sound's users. A form that
// makes no rule is refused with a reason before anything is sent. Kind names keep their translations
// (German here). Rule changes pushed from the server (events.rule, built here as the server sends
// them) move the list, and an open rule changed or deleted elsewhere is reported, not overwritten.
// The server's own checks and pushes are tested in tests/events.

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client/api_client.h"
#include "client/trust_store.h"
#include "client_settings.h"
#include "event_kind_name.h"
#include "event_rule_model.h"
#include "interface_language.h"

using namespace vigil;
using app::EventRuleModel;
using core::model::PushMessage;

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

QJsonObject named(const QString& id, const QString& name) {
    QJsonObject rule = storedRule();
    rule.insert("id", id);
    rule.insert("name", name);
    return rule;
}

PushMessage rulePush(const QString& change, const QJsonObject& rule, const QString& deletedId = {}) {
    QJsonObject data{{"change", change}, {"id", rule.isEmpty() ? deletedId : rule.value("id").toString()}, {"userName", "pia"}};
    if (!rule.isEmpty()) {
        data.insert("rule", rule);
    }
    return PushMessage{"events.rule", data};
}

QStringList names(const EventRuleModel& model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row) {
        list.append(model.data(model.index(row), EventRuleModel::NameRole).toString());
    }
    return list;
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
private:
    core::client::TrustStore m_trust{QDir::tempPath() + "/tst_event_rule_model_trust.json"};
    core::client::ApiClient m_client{&m_trust};

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

    // The pop-up's and the sound's users, edited the same way (EVT-2).
    void theUsersOfPopupAndSoundAreEdited_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("kept");  // a detail of the action the form does not show
        QTest::newRow("popup") << "popup" << "popupUsers" << "channelIds";
        QTest::newRow("sound") << "sound" << "soundUsers" << "sound";
    }
    void theUsersOfPopupAndSoundAreEdited() {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QString, kept);
        QJsonObject rule = storedRule();
        QJsonArray actions = rule.value("actions").toArray();
        actions.append(QJsonObject{{"type", "popup"}, {"channelIds", QJsonArray{"ch-gate"}}, {"userNames", QJsonArray{"pia", "quinn"}}});
        actions.append(QJsonObject{{"type", "sound"}, {"sound", "siren"}, {"userNames", QJsonArray{"pia", "quinn"}}});
        rule.insert("actions", actions);
        auto actionIn = [&type](const QJsonObject& input) {
            for (const QJsonValue& action : input.value("actions").toArray()) {
                if (action.toObject().value("type").toString() == type) {
                    return action.toObject();
                }
            }
            return QJsonObject{};
        };
        QVariantMap fields = EventRuleModel::fieldsOf(rule);
        QVERIFY(fields.value("popup").toBool());
        QCOMPARE(fields.value("sound").toString(), QStringLiteral("siren"));
        QCOMPARE(fields.value(field).toString(), QStringLiteral("pia, quinn"));
        fields.insert(field, "rita;  sam");
        QJsonObject action = actionIn(EventRuleModel::ruleInput(rule, fields));
        QCOMPARE(action.value("userNames").toArray(), (QJsonArray{"rita", "sam"}));
        QCOMPARE(action.value(kept), actionIn(rule).value(kept));  // what the form does not show stays
        // The other action's users are its own.
        const QString other = type == "popup" ? "sound" : "popup";
        for (const QJsonValue& a : EventRuleModel::ruleInput(rule, fields).value("actions").toArray()) {
            if (a.toObject().value("type").toString() == other) {
                QCOMPARE(a.toObject().value("userNames").toArray(), (QJsonArray{"pia", "quinn"}));
            }
        }
        fields.insert(field, "");
        action = actionIn(EventRuleModel::ruleInput(rule, fields));
        QVERIFY(!action.isEmpty());
        QVERIFY(action.value("userNames").toArray().isEmpty());  // everyone allowed
        // A new rule's form has nobody in either list.
        QCOMPARE(EventRuleModel::fieldsOf({}).value(field).toString(), QString());
    }

    // Rules changed elsewhere come as events.rule pushes (the server's side: tst_events_api); the
    // list follows them in the server's order (by name), and ignores them before it was read.
    void pushedRuleChangesUpdateTheList() {
        EventRuleModel model(&m_client, nullptr);
        model.applyPush(rulePush("created", named("r9", "Early")));
        QCOMPARE(model.count(), 0);  // never read: nothing to follow yet
        model.setRules({named("r1", "Alpha"), named("r3", "Gamma")});
        QSignalSpy counted(&model, &EventRuleModel::countChanged);
        model.applyPush(rulePush("created", named("r2", "Beta")));
        QCOMPARE(names(model), (QStringList{"Alpha", "Beta", "Gamma"}));
        QCOMPARE(counted.size(), 1);
        model.applyPush(rulePush("changed", named("r1", "Zulu")));
        QCOMPARE(names(model), (QStringList{"Beta", "Gamma", "Zulu"}));
        model.applyPush(rulePush("deleted", {}, "r3"));
        QCOMPARE(names(model), (QStringList{"Beta", "Zulu"}));
        model.applyPush(rulePush("deleted", {}, "r3"));  // again, or one this list never had: nothing
        model.applyPush(PushMessage{"events.event", named("r4", "Not a rule")});
        QCOMPARE(names(model), (QStringList{"Beta", "Zulu"}));
        QCOMPARE(model.data(model.index(1), EventRuleModel::IdRole).toString(), QStringLiteral("r1"));
        model.clear();  // signed out
        model.applyPush(rulePush("created", named("r5", "After sign-out")));
        QCOMPARE(model.count(), 0);
    }

    // The rule open in the editor is followed by its id while the list moves; changed or deleted
    // elsewhere, the model says so (the form keeps what was typed), and opening it again loads theirs.
    void anOpenRuleChangedElsewhereIsReported() {
        EventRuleModel model(&m_client, nullptr);
        model.setRules({named("r1", "Gate"), named("r2", "Yard")});
        QCOMPARE(model.openRow(), -2);
        QCOMPARE(model.open(1).value("name").toString(), QStringLiteral("Yard"));
        QCOMPARE(model.openRow(), 1);
        model.applyPush(rulePush("created", named("r0", "Attic")));  // another rule: no conflict
        QCOMPARE(model.openRow(), 2);
        QCOMPARE(model.conflict(), QString());

        QSignalSpy conflicts(&model, &EventRuleModel::conflictChanged);
        QJsonObject theirs = named("r2", "Yard at night");
        theirs.insert("debounceMs", 60000);
        model.applyPush(rulePush("changed", theirs));
        QCOMPARE(conflicts.size(), 1);
        QVERIFY2(model.conflict().contains("pia") && model.conflict().contains("\"Yard\"") &&
                     model.conflict().contains("changed"),
                 qPrintable(model.conflict()));
        QCOMPARE(model.openRow(), 2);  // still the rule, in its new place
        const QVariantMap loaded = model.open(model.openRow());  // "Load the other version"
        QCOMPARE(loaded.value("name").toString(), QStringLiteral("Yard at night"));
        QCOMPARE(loaded.value("debounceS").toInt(), 60);
        QCOMPARE(model.conflict(), QString());

        // Read again after a reconnect: a change missed meanwhile is reported without a name.
        theirs.insert("enabled", false);
        model.setRules({named("r1", "Gate"), theirs});
        QVERIFY2(model.conflict().contains("elsewhere"), qPrintable(model.conflict()));
        model.open(model.openRow());

        model.applyPush(rulePush("deleted", {}, "r2"));
        QCOMPARE(model.openRow(), -1);  // Save makes it again
        QVERIFY2(model.conflict().contains("pia") && model.conflict().contains("deleted"), qPrintable(model.conflict()));
        model.close();
        QCOMPARE(model.openRow(), -2);
        QCOMPARE(model.conflict(), QString());
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
