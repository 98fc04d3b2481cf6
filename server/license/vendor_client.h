#pragma once
// VendorClient: online activation (LIC-1). Posts a request file to the vendor's activation service
// (POST <vendorUrl>/api/v1/activations, the body the request file's JSON) and hands back the
// activation file it answers with, or an error that says what went wrong. When the vendor cannot be
// reached the error is "vendor_unreachable" and suggests offline activation.
//
// TLS: the system's CAs, or only the CA in the licence settings when one is set (a vendor that hosts
// the service with its own CA, and tests). Runs on the engine's thread; the callback comes there too.

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

#include "common/result.h"

namespace vigil::server {

class VendorClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 30000;
    static constexpr qint64 kMaxAnswerBytes = 64 * 1024;
    static constexpr auto kActivationPath = "/api/v1/activations";

    using Done = std::function<void(core::Result<QByteArray>)>;

    explicit VendorClient(QObject* parent = nullptr);
    void activate(const QUrl& vendorUrl, const QByteArray& caPem, const QByteArray& request, Done done);

private:
    QNetworkAccessManager m_network;
};

}  // namespace vigil::server
