#include "client/motion_api.h"

#include <QUrl>

#include "client/json_reply.h"

namespace vigil::core::client {

namespace {

using Method = ApiClient::Method;
using Request = ApiClient::Request;

QString motionPath(const QString& channelId) {
    return QStringLiteral("/api/v1/channels/%1/motion").arg(QString::fromLatin1(QUrl::toPercentEncoding(channelId)));
}

}  // namespace

Result<ChannelMotion> ChannelMotion::fromJson(const QJsonObject& json) {
    auto settings = model::MotionSettings::fromJson(json);
    if (!settings) {
        return settings.error();
    }
    auto status = model::MotionStatus::fromJson(json.value(QStringLiteral("status")).toObject());
    if (!status) {
        return status.error();
    }
    return ChannelMotion{std::move(settings).value(), std::move(status).value()};
}

MotionApi::MotionApi(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) {}

void MotionApi::fetch(const QString& channelId, Callback<ChannelMotion> done) {
    send(Request(Method::Get, motionPath(channelId)), std::move(done));
}

void MotionApi::save(const QString& channelId, const model::MotionSettings& settings, Callback<ChannelMotion> done) {
    send(Request(Method::Put, motionPath(channelId), settings.toInput()), std::move(done));
}

void MotionApi::send(const ApiClient::Request& request, Callback<ChannelMotion> done) {
    if (!m_client) {
        done(Error::make(QStringLiteral("client_not_connected"),
                         QStringLiteral("The connection to the server is gone. Sign in again.")));
        return;
    }
    m_client->sendJson(request, [done = std::move(done)](Result<QJsonDocument> answer) {
        done(parseObject<ChannelMotion>(answer));
    });
}

}  // namespace vigil::core::client
