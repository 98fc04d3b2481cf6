#pragma once
// EventRuleModel: the rules list and editor of the Event Center (issue 6, EVT-2). QML binds to it as
// `workstation.eventRules`. The editor works on name, on/off, kinds, severities, source cameras, a
// weekly schedule (chosen weekdays, one time range; a range past midnight goes on into the next
// day), debounce, and the actions alarm, sound, pop-up, record with pre/post time, e-mail, syslog and
// moving a PTZ camera to a preset; whatever else a rule holds (a schedule the form cannot show, other
// action details) is kept as it was. A form that cannot make a rule (a weekly schedule without days,
// a PTZ action without a preset) is refused here; the server checks the rest when it is saved, and
// its refusal (a rule that can never fire, with the reason) is shown as `errorMessage` in its words.
//
// Rules edited elsewhere (another workstation, the API) arrive as events.rule pushes and change the
// list at once. The rule open in the editor is followed by its id, so the list may move under it; when
// it is changed or deleted elsewhere, the form keeps what the user typed and `conflict` says what
// happened (Save puts the user's version over theirs, or makes a deleted rule again; open() again
// loads theirs). A dropped events socket reloads the list when it is back (pushes may be missed).

#include <QJsonObject>
#include <QList>
#include <QVariantMap>

#include "client/events_api.h"
#include "model/system_model.h"
#include "request_list_model.h"

namespace vigil::core::client {
class DevicesApi;
}

namespace vigil::app {

class EventRuleModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QVariantList presets READ presets NOTIFY presetsChanged)  // [{id: token, name}]
    // The editor's rule: -2 none open, -1 a new rule (or one deleted elsewhere meanwhile), else its row.
    Q_PROPERTY(int openRow READ openRow NOTIFY openRowChanged)
    // What happened elsewhere to the open rule while it was edited; "" nothing.
    Q_PROPERTY(QString conflict READ conflict NOTIFY conflictChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, EnabledRole, SummaryRole };

    // `devices` (for the PTZ presets) may be null: the preset list then stays empty.
    EventRuleModel(core::client::ApiClient* client, core::client::DevicesApi* devices, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rules.size()); }
    QString message() const { return m_message; }
    QVariantList presets() const { return m_presets; }
    int openRow() const;
    QString conflict() const { return m_conflict; }

    Q_INVOKABLE void refresh();
    // The list as the server has it (refresh()'s answer); from then on pushes change it.
    void setRules(const QList<QJsonObject>& rules);
    // An events.rule push: the rule created, changed or deleted elsewhere.
    void applyPush(const core::model::PushMessage& message);
    // The editor's fields of a rule (row -1: a new rule's defaults): name, enabled, kinds,
    // severities, sourceIds, scheduleMode (always | weekly | custom: kept as it is), scheduleDays
    // (1 = Monday ... 7), scheduleFrom and scheduleTo ("HH:mm"; equal: the whole day), scheduleText,
    // debounceS, alarm, sound ("" none), soundUsers, popup, popupUsers (the users whose workstations
    // the sound or the pop-up reaches, comma-separated; "" everyone allowed), record, preEventS, postEventS, emailTo, syslogHost,
    // syslogPort, ptzChannelId ("" none), ptzPresetToken.
    Q_INVOKABLE QVariantMap fieldsAt(int row) const;
    // Opens the rule at `row` (-1: a new one) in the editor: its fields, as fieldsAt(). close() when
    // the editor goes.
    Q_INVOKABLE QVariantMap open(int row);
    Q_INVOKABLE void close();
    // The presets of a PTZ camera, for the PTZ action's choice (-> presets).
    Q_INVOKABLE void loadPresets(const QString& channelId);
    // Saves the fields over the open rule (as a new rule when it is new or was deleted elsewhere);
    // closes it and emits saved() when the server took it.
    Q_INVOKABLE void save(const QVariantMap& fields);
    Q_INVOKABLE void remove(int row);
    void clear();

    // The API body from the editor's fields over `base` (an existing rule's JSON, or {}).
    static QJsonObject ruleInput(const QJsonObject& base, const QVariantMap& fields);
    // What makes the fields no rule at all, for people; "" when they make one.
    static QString problemOf(const QVariantMap& fields);
    static QVariantMap fieldsOf(const QJsonObject& rule);
    static QString summaryOf(const QJsonObject& rule);
    static QString actionName(const QString& type);  // "popup" -> "pop-up", in the workstation's language
    // The schedule's form fields from its ranges, and the ranges from the form's days and times.
    static QVariantMap scheduleFields(const QJsonArray& schedule);
    static QJsonArray scheduleRanges(const QList<int>& days, int fromMinute, int toMinute);

signals:
    void countChanged();
    void messageChanged();
    void presetsChanged();
    void openRowChanged();
    void conflictChanged();
    void saved();

private:
    void say(const QString& text);
    void setConflict(const QString& text);
    int rowOf(const QString& id) const;
    // Puts `rule` into the list where the server's order (by name) has it, in place of its old row.
    void place(const QJsonObject& rule);
    void removeRow(int row);
    // After the list changed: tells the editor when its rule is no longer what it opened.
    void checkOpenRule(const QString& byUser);

    core::client::EventsApi* m_api;
    core::client::DevicesApi* m_devices;
    QVariantList m_presets;
    QString m_presetsChannel;
    QList<QJsonObject> m_rules;
    bool m_loaded = false;  // the list came from the server: pushes may change it
    QString m_message;
    bool m_open = false;
    QString m_openId;        // "" a new rule
    QJsonObject m_openBase;  // the rule as the editor opened it
    QString m_ownChange;     // the rule this workstation is saving or deleting: its push is no conflict
    QString m_conflict;
};

}  // namespace vigil::app
