#pragma once
// LicenceApi: the client side of licensing (LIC-1) over an ApiClient's connection and session:
// the licence status, online activation, the offline request file and activation file import, the
// Express deactivation file, and the vendor address. Files travel as their JSON objects.
// Lives on the ApiClient's thread; callbacks run there.

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include "client/api_client.h"
#include "model/licence_model.h"

namespace vigil::core::client {

class LicenceApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit LicenceApi(ApiClient* client, QObject* parent = nullptr);

    void fetchStatus(Callback<model::LicenceStatus> done);
    void activateOnline(const model::ActivationInput& input, Callback<model::LicenceStatus> done);
    void makeRequest(const model::ActivationInput& input, Callback<QJsonObject> done);
    void importActivation(const QJsonObject& activationFile, Callback<model::LicenceStatus> done);
    void deactivateExpress(Callback<QJsonObject> done);
    void setVendorUrl(const QString& url, Callback<QJsonObject> done);

private:
    void postObject(const QString& path, const QJsonObject& body, Callback<QJsonObject> done);
    void postStatus(const QString& path, const QJsonObject& body, Callback<model::LicenceStatus> done);

    QPointer<ApiClient> m_client;
};

}  // namespace vigil::core::client
