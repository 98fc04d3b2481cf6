#pragma once
// EventsApi: the client side of events and rules (issue 6, EVT-1, EVT-2) over an ApiClient's
// connection and session: history search with paging, CSV export, alarm actions on several alarms at
// once, a manual alarm, and the rules (kept as the server's JSON: the server checks them and its
// refusal, with the reason, is what the editor shows). Lives on the ApiClient's thread.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "client/api_client.h"
#include "model/event_model.h"

namespace vigil::core::client {

// GET /api/v1/events and /export: empty fields do not filter.
struct EventSearch {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QStringList sourceIds;
    QStringList kinds;
    QStringList severities;
    QStringList states;  // new, acknowledged, handled, pending
    bool alarmsOnly = false;
    int limit = 100;
    int offset = 0;

    QUrlQuery toQuery() const;
};

struct EventPage {
    QList<model::Event> events;  // newest first
    bool more = false;
    qint64 lastId = 0;
    static Result<EventPage> fromJson(const QJsonObject& json);
};

class EventsApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit EventsApi(ApiClient* client, QObject* parent = nullptr);

    void search(const EventSearch& query, Callback<EventPage> done);
    void exportCsv(const EventSearch& query, Callback<QByteArray> done);
    // action: "acknowledge", "handle" or "comment"; the alarms as they are now come back.
    void act(const QString& action, const QList<qint64>& ids, const QString& comment,
             Callback<QList<model::Event>> done);
    void raiseAlarm(const QString& channelId, const QString& message, Callback<model::Event> done);

    void fetchRules(Callback<QList<QJsonObject>> done);
    // id "" creates the rule; the saved rule comes back (or the server's refusal, with its reason).
    void saveRule(const QString& id, const QJsonObject& input, Callback<QJsonObject> done);
    void deleteRule(const QString& id, ApiClient::StatusCallback done);

private:
    QPointer<ApiClient> m_client;
};

}  // namespace vigil::core::client
