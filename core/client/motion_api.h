#pragma once
// MotionApi: a channel's server-side motion detection (issue 6, "Event sources"; server/motion) over
// an ApiClient's connection and session: GET and PUT /api/v1/channels/{id}/motion (device_config).
// Both answer the settings with what the detector is doing. Lives on the ApiClient's thread;
// callbacks run there.

#include <QObject>
#include <QPointer>

#include "client/api_client.h"
#include "model/motion_model.h"

namespace vigil::core::client {

// The server's answer: the settings and, beside them, the detector's status.
struct ChannelMotion {
    model::MotionSettings settings;
    model::MotionStatus status;

    static Result<ChannelMotion> fromJson(const QJsonObject& json);
};

class MotionApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit MotionApi(ApiClient* client, QObject* parent = nullptr);

    void fetch(const QString& channelId, Callback<ChannelMotion> done);
    // Sends enabled, sensitivity and regions; the server's refusal (bad_request with its reason) or
    // what it now holds comes back.
    void save(const QString& channelId, const model::MotionSettings& settings, Callback<ChannelMotion> done);

private:
    void send(const ApiClient::Request& request, Callback<ChannelMotion> done);

    QPointer<ApiClient> m_client;
};

}  // namespace vigil::core::client
