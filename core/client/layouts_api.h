#pragma once
// LayoutsApi: the signed-in user's saved Live view layouts (VID-1; server/api/layouts.yaml) over an
// ApiClient's connection and session. The server keeps them per user, so every call sees only the
// caller's own. Lives on the ApiClient's thread; callbacks run there.

#include <QObject>
#include <QPointer>

#include "client/api_client.h"
#include "model/layout_model.h"

namespace vigil::core::client {

class LayoutsApi : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Callback = ApiClient::Callback<T>;

    explicit LayoutsApi(ApiClient* client, QObject* parent = nullptr);

    void fetchLayouts(Callback<QList<model::Layout>> done);  // by name
    // Fails with layout_exists when the user already has one of that name (whatever the case).
    void createLayout(const model::LayoutInput& input, Callback<model::Layout> done);
    void replaceLayout(const QString& id, const model::LayoutInput& input, Callback<model::Layout> done);
    void deleteLayout(const QString& id, ApiClient::StatusCallback done);

private:
    QPointer<ApiClient> m_client;
};

}  // namespace vigil::core::client
