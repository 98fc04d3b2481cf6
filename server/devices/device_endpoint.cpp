#include "devices/device_endpoint.h"

#include <QRegularExpression>
#include <QUrl>

#include "devices/stream_url.h"
#include "model/json_fields.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::devices::normalisedUrl;
using core::devices::withoutCredentials;

namespace {

const QString kContext = QStringLiteral("device");

Error bad(const QString& field, const QString& problem) {
    return core::model::FieldReader::badRequest(kContext, field, problem);
}

Result<QUrl> rtspUrl(const QString& text, const QString& field, const QString& words) {
    const QUrl url(text, QUrl::StrictMode);
    if (core::Status valid = core::devices::checkStreamUrl(url, words); !valid) {
        Q_UNUSED(field);
        return valid.error();  // already names the field in words and says what to type
    }
    return url;
}

Result<QUrl> onvifUrl(const QString& text) {
    QUrl url(text.contains(QStringLiteral("://")) ? text : QStringLiteral("http://") + text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return bad(QStringLiteral("address"),
                   QStringLiteral("is \"%1\", which is not an ONVIF device address; give the camera's host name "
                                  "or IP address (192.0.2.10 or 192.0.2.10:8080), or its device service URL "
                                  "(http://192.0.2.10/onvif/device_service)")
                       .arg(withoutCredentials(url).toString()));
    }
    if (url.path().isEmpty() || url.path() == QLatin1String("/")) {
        url.setPath(QStringLiteral("/onvif/device_service"));
    }
    return url;
}

Result<QUrl> virtualUrl(const QString& text) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    const QString name = text.startsWith(QStringLiteral("virtual://")) ? text.mid(10) : text;
    if (!kName.match(name).hasMatch()) {
        return bad(QStringLiteral("address"),
                   QStringLiteral("is \"%1\"; a virtual camera's address is a name of 1 to 64 letters, digits, "
                                  "'-' or '_', such as virtual://lobby")
                       .arg(text));
    }
    return QUrl(QStringLiteral("virtual://") + name.toLower());
}

Result<QUrl> anyUrl(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        return bad(QStringLiteral("address"),
                   QStringLiteral("is \"%1\", which is not a URL with a scheme and a host").arg(text));
    }
    return url;
}

}  // namespace

Result<DeviceEndpoint> DeviceEndpoint::parse(const QString& driver, const QString& address, const QString& subAddress) {
    if (address.trimmed().isEmpty()) {
        return bad(QStringLiteral("address"), QStringLiteral("is empty; give the camera's address"));
    }
    if (!subAddress.isEmpty() && driver != QLatin1String("rtsp")) {
        return bad(QStringLiteral("subAddress"),
                   QStringLiteral("is only for the rtsp driver; the %1 driver finds the streams itself").arg(driver));
    }
    Result<QUrl> url = driver == QLatin1String("rtsp")      ? rtspUrl(address, QStringLiteral("address"),
                                                                      QStringLiteral("stream address"))
                       : driver == QLatin1String("onvif")   ? onvifUrl(address)
                       : driver == QLatin1String("virtual") ? virtualUrl(address)
                                                            : anyUrl(address);
    if (!url) {
        return url.error();
    }
    DeviceEndpoint endpoint;
    endpoint.address = withoutCredentials(url.value()).toString(QUrl::FullyEncoded);
    endpoint.userName = url->userName(QUrl::FullyDecoded);
    endpoint.password = url->password(QUrl::FullyDecoded);
    if (!subAddress.isEmpty()) {
        auto sub = rtspUrl(subAddress, QStringLiteral("subAddress"), QStringLiteral("sub stream address"));
        if (!sub) {
            return sub.error();
        }
        endpoint.subAddress = withoutCredentials(sub.value()).toString(QUrl::FullyEncoded);
    }
    endpoint.key = driver + QLatin1Char(' ') + normalisedUrl(url.value());
    return endpoint;
}

QString DeviceEndpoint::defaultName() const {
    const QUrl url(address);
    return url.host().isEmpty() ? address.left(128) : url.host().left(128);
}

}  // namespace vigil::server
