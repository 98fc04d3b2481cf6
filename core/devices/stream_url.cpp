#include "devices/stream_url.h"

namespace vigil::core::devices {

namespace {

int defaultPort(const QString& scheme) {
    if (scheme == QLatin1String("rtsp")) {
        return 554;
    }
    if (scheme == QLatin1String("rtsps")) {
        return 322;
    }
    if (scheme == QLatin1String("http")) {
        return 80;
    }
    if (scheme == QLatin1String("https")) {
        return 443;
    }
    return -1;
}

}  // namespace

Status checkStreamUrl(const QUrl& url, const QString& field) {
    auto bad = [&field](const QString& problem) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("The %1 %2. Give the camera's stream address, for example "
                                          "rtsp://192.0.2.10:554/stream1.")
                               .arg(field, problem));
    };
    if (!url.isValid()) {
        return bad(QStringLiteral("is not a valid URL (%1)").arg(url.errorString()));
    }
    const QString scheme = url.scheme().toLower();
    if (defaultPort(scheme) < 0) {
        return bad(scheme.isEmpty()
                       ? QStringLiteral("\"%1\" has no scheme; it must start with rtsp://, rtsps://, http:// or https://")
                             .arg(url.toString(QUrl::RemoveUserInfo))
                       : QStringLiteral("uses \"%1\"; only rtsp, rtsps, http and https streams can be read").arg(scheme));
    }
    if (url.host().isEmpty()) {
        return bad(QStringLiteral("has no host name or address"));
    }
    return {};
}

QUrl withoutCredentials(QUrl url) {
    url.setUserInfo(QString());
    return url;
}

QString normalisedUrl(const QUrl& url) {
    QUrl normal = withoutCredentials(url);
    const QString scheme = normal.scheme().toLower();
    normal.setScheme(scheme);
    normal.setHost(normal.host().toLower());
    if (normal.port() < 0 && defaultPort(scheme) > 0) {
        normal.setPort(defaultPort(scheme));
    }
    QString text = normal.toString(QUrl::FullyEncoded);
    while (text.endsWith(QLatin1Char('/'))) {
        text.chop(1);
    }
    return text;
}

}  // namespace vigil::core::devices
