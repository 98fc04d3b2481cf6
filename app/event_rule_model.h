#pragma once
// EventRuleModel: the rules list and editor of the Event Center (issue 6, EVT-2). QML binds to it as
// `workstation.eventRules`. The editor works on the fields people set most (name, on/off, kinds,
// severities, debounce, and the actions alarm, sound, pop-up, record with pre/post time, e-mail,
// syslog); whatever else a rule holds (sources, schedule, action details) is kept as it was. The
// server checks each rule when it is saved; a refusal (a rule that can never fire, with the reason)
// is shown as `errorMessage` in the server's words.

#include <QJsonObject>
#include <QList>
#include <QVariantMap>

#include "client/events_api.h"
#include "request_list_model.h"

namespace vigil::app {

class EventRuleModel : public RequestListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, EnabledRole, SummaryRole };

    explicit EventRuleModel(core::client::ApiClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rules.size()); }
    QString message() const { return m_message; }

    Q_INVOKABLE void refresh();
    // The editor's fields of a rule (row -1: a new rule's defaults): name, enabled, kinds,
    // severities, debounceS, alarm, sound ("" none), popup, record, preEventS, postEventS, emailTo,
    // syslogHost, syslogPort.
    Q_INVOKABLE QVariantMap fieldsAt(int row) const;
    // Saves the fields as a new rule (row -1) or over the rule at `row`; emits saved() when the
    // server took it.
    Q_INVOKABLE void save(int row, const QVariantMap& fields);
    Q_INVOKABLE void remove(int row);
    void clear();

    // The API body from the editor's fields over `base` (an existing rule's JSON, or {}).
    static QJsonObject ruleInput(const QJsonObject& base, const QVariantMap& fields);
    static QString summaryOf(const QJsonObject& rule);

signals:
    void countChanged();
    void messageChanged();
    void saved();

private:
    void say(const QString& text);

    core::client::EventsApi* m_api;
    QList<QJsonObject> m_rules;
    QString m_message;
};

}  // namespace vigil::app
