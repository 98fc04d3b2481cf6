#include "client/layouts_api.h"

#include <QJsonDocument>
#include <QUrl>

#include "client/json_reply.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;

QString layoutPath(const QString& id) {
    return QStringLiteral("/api/v1/layouts/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Error notConnected() {
    return Error::make(QStringLiteral("client_not_connected"),
                       QStringLiteral("The connection to the server is gone. Sign in again."));
}

}  // namespace

LayoutsApi::LayoutsApi(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {}

void LayoutsApi::fetchLayouts(Callback<QList<model::Layout>> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Get, QStringLiteral("/api/v1/layouts")),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseList<model::Layout>(answer, QStringLiteral("layouts")));
                       });
}

void LayoutsApi::createLayout(const model::LayoutInput& input, Callback<model::Layout> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Post, QStringLiteral("/api/v1/layouts"), input.toJson()),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseObject<model::Layout>(answer));
                       });
}

void LayoutsApi::replaceLayout(const QString& id, const model::LayoutInput& input, Callback<model::Layout> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Put, layoutPath(id), input.toJson()),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseObject<model::Layout>(answer));
                       });
}

void LayoutsApi::deleteLayout(const QString& id, ApiClient::StatusCallback done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendStatus(Request(Method::Delete, layoutPath(id)), std::move(done));
}

}  // namespace vigil::core::client
