#include "client/licence_api.h"

#include "client/json_reply.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;

Error notConnected() {
    return Error::make(QStringLiteral("client_not_connected"),
                       QStringLiteral("The connection to the server is gone. Sign in again."));
}

// The JSON object itself (a request or deactivation file), not a model type.
struct RawObject {
    QJsonObject json;
    static Result<RawObject> fromJson(const QJsonObject& json) { return RawObject{json}; }
};

}  // namespace

LicenceApi::LicenceApi(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {}

void LicenceApi::fetchStatus(Callback<model::LicenceStatus> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Get, QStringLiteral("/api/v1/licence")),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           done(parseObject<model::LicenceStatus>(answer));
                       });
}

void LicenceApi::postObject(const QString& path, const QJsonObject& body, Callback<QJsonObject> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Post, path, body), [done = std::move(done)](Result<QJsonDocument> answer) {
        auto object = parseObject<RawObject>(answer);
        done(object ? Result<QJsonObject>(object->json) : Result<QJsonObject>(object.error()));
    });
}

void LicenceApi::postStatus(const QString& path, const QJsonObject& body, Callback<model::LicenceStatus> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Post, path, body), [done = std::move(done)](Result<QJsonDocument> answer) {
        done(parseObject<model::LicenceStatus>(answer));
    });
}

void LicenceApi::activateOnline(const model::ActivationInput& input, Callback<model::LicenceStatus> done) {
    postStatus(QStringLiteral("/api/v1/licence/activation"), input.toJson(), std::move(done));
}

void LicenceApi::makeRequest(const model::ActivationInput& input, Callback<QJsonObject> done) {
    postObject(QStringLiteral("/api/v1/licence/request"), input.toJson(), std::move(done));
}

void LicenceApi::importActivation(const QJsonObject& activationFile, Callback<model::LicenceStatus> done) {
    postStatus(QStringLiteral("/api/v1/licence/import"), activationFile, std::move(done));
}

void LicenceApi::deactivateExpress(Callback<QJsonObject> done) {
    postObject(QStringLiteral("/api/v1/licence/deactivation"), {}, std::move(done));
}

void LicenceApi::setVendorUrl(const QString& url, Callback<QJsonObject> done) {
    if (!m_client) {
        done(notConnected());
        return;
    }
    m_client->sendJson(Request(Method::Put, QStringLiteral("/api/v1/licence/settings"),
                               QJsonObject{{QStringLiteral("vendorUrl"), url}}),
                       [done = std::move(done)](Result<QJsonDocument> answer) {
                           auto object = parseObject<RawObject>(answer);
                           done(object ? Result<QJsonObject>(object->json) : Result<QJsonObject>(object.error()));
                       });
}

}  // namespace vigil::core::client
