#pragma once
// Checks for the URLs people type for cameras, shared by the rtsp driver and the devices service so
// both refuse the same things with the same words.

#include <QString>
#include <QUrl>

#include "common/result.h"

namespace vigil::core::devices {

// A stream URL Vigil can read: rtsp, rtsps, http or https, with a host. The error (bad_request)
// names `field` and says what to type instead.
Status checkStreamUrl(const QUrl& url, const QString& field);

// The URL with user name and password removed (they are kept apart, encrypted; never in a URL we store).
QUrl withoutCredentials(QUrl url);

// The URL without credentials, scheme and host lower-cased, default port made explicit and no
// trailing '/': two ways of writing one camera's address compare equal.
QString normalisedUrl(const QUrl& url);

}  // namespace vigil::core::devices
