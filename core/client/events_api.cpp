#include "client/events_api.h"

#include <QJsonArray>
#include <QUrlQuery>

#include "client/json_reply.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;

Error notConnected() {
    return Error::make(QStringLiteral("client_not_connected"),
                       QStringLiteral("The connection to the server is gone. Sign in again."));
}

// A rule as the server sent it: the editor reads and writes its JSON.
struct RawObject {
    QJsonObject json;
    static Result<RawObject> fromJson(const QJsonObject& json) { return RawObject{json}; }
};

void addList(QUrlQuery& query, const char* name, const QStringList& values) {
    if (!values.isEmpty()) {
        query.addQueryItem(QString::fromLatin1(name), values.join(u','));
    }
}

}  // namespace

QUrlQuery EventSearch::toQuery() const {
    QUrlQuery query;
    if (fromMs > 0) {
        query.addQueryItem(QStringLiteral("from"), QString::number(fromMs));
    }
    if (toMs > 0) {
        query.addQueryItem(QStringLiteral("to"), QString::number(toMs));
    }
    addList(query, "source", sourceIds);
    addList(query, "kind", kinds);
    addList(query, "severity", severities);
    addList(query, "state", states);
    if (alarmsOnly) {
        query.addQueryItem(QStringLiteral("alarms"), QStringLiteral("true"));
    }
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (offset > 0) {
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    }
    return query;
}

Result<EventPage> EventPage::fromJson(const QJsonObject& json) {
    EventPage page;
    for (const QJsonValue& value : json.value(QStringLiteral("events")).toArray()) {
        auto event = model::Event::fromJson(value.toObject());
        if (!event) {
            return event.error();
        }
        page.events.append(std::move(event).value());
    }
    page.more = json.value(QStringLiteral("more")).toBool();
    page.lastId = json.value(QStringLiteral("lastId")).toInteger();
    return page;
}

EventsApi::EventsApi(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {}

void EventsApi::search(const EventSearch& query, Callback<EventPage> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    Request request(Method::Get, QStringLiteral("/api/v1/events"));
    request.query = query.toQuery();
    m_client->sendJson(request, [done = std::move(done)](Result<QJsonDocument> answer) {
        done(parseObject<EventPage>(answer));
    });
}

void EventsApi::exportCsv(const EventSearch& query, Callback<QByteArray> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    Request request(Method::Get, QStringLiteral("/api/v1/events/export"));
    EventSearch all = query;
    all.limit = 100000;  // the export's maximum: the whole search, not the page on screen
    all.offset = 0;
    request.query = all.toQuery();
    request.accept = "text/csv";
    m_client->send(request, std::move(done));
}

void EventsApi::act(const QString& action, const QList<qint64>& ids, const QString& comment,
                    Callback<QList<model::Event>> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    QJsonArray idList;
    for (qint64 id : ids) {
        idList.append(id);
    }
    QJsonObject body{{QStringLiteral("ids"), idList}};
    if (!comment.isEmpty()) {
        body.insert(QStringLiteral("comment"), comment);
    }
    m_client->sendJson(Request(Method::Post, QStringLiteral("/api/v1/events/") + action, body),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseList<model::Event>(answer, QStringLiteral("events")));
                       });
}

void EventsApi::raiseAlarm(const QString& channelId, const QString& message, Callback<model::Event> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    QJsonObject body{{QStringLiteral("message"), message}};
    if (!channelId.isEmpty()) {
        body.insert(QStringLiteral("channelId"), channelId);
    }
    m_client->sendJson(Request(Method::Post, QStringLiteral("/api/v1/events/alarms"), body),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseObject<model::Event>(answer));
                       });
}

void EventsApi::fetchRules(Callback<QList<QJsonObject>> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Get, QStringLiteral("/api/v1/events/rules")),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           auto rules = parseList<RawObject>(answer, QStringLiteral("rules"));
                           if (!rules) {
                               done(rules.error());
                               return;
                           }
                           QList<QJsonObject> list;
                           for (const RawObject& rule : rules.value()) {
                               list.append(rule.json);
                           }
                           done(list);
                       });
}

void EventsApi::saveRule(const QString& id, const QJsonObject& input, Callback<QJsonObject> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    const Request request = id.isEmpty()
                                ? Request(Method::Post, QStringLiteral("/api/v1/events/rules"), input)
                                : Request(Method::Put, QStringLiteral("/api/v1/events/rules/") + id, input);
    m_client->sendJson(request, [done = std::move(done)](Result<QJsonDocument> answer) {
        auto rule = parseObject<RawObject>(answer);
        done(rule ? Result<QJsonObject>(rule->json) : Result<QJsonObject>(rule.error()));
    });
}

void EventsApi::deleteRule(const QString& id, ApiClient::StatusCallback done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendStatus(Request(Method::Delete, QStringLiteral("/api/v1/events/rules/") + id), std::move(done));
}

}  // namespace vigil::core::client
