#pragma once
// The ONVIF PTZ service (ver20/ptz/wsdl): continuous move, stop and presets for a media profile.

#include <QList>
#include <QString>

#include "common/result.h"
#include "devices/device_driver.h"
#include "xml_element.h"

namespace vigil::plugins::onvif::ptz {

// Velocities are clamped to -1..1 (the generic velocity space every PTZ node supports).
QString continuousMove(const QString& profileToken, double pan, double tilt, double zoom);
QString stop(const QString& profileToken);
QString getPresets(const QString& profileToken);
core::Result<QList<core::devices::PtzPreset>> parsePresets(const XmlElement& response);
QString gotoPreset(const QString& profileToken, const QString& presetToken);
QString setPreset(const QString& profileToken, const QString& name);
core::Result<QString> parseSetPreset(const XmlElement& response);

}  // namespace vigil::plugins::onvif::ptz
