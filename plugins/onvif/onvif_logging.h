#pragma once
// Logging category of the ONVIF driver: QT_LOGGING_RULES="vigil.plugins.onvif.debug=true" shows
// each SOAP call and its HTTP status (never the credentials or the WS-Security header).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOnvif)
