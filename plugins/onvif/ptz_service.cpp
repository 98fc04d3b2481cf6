#include "ptz_service.h"

#include <algorithm>
#include <cmath>

#include "soap_message.h"

namespace vigil::plugins::onvif::ptz {

using core::Result;
using core::devices::PtzPreset;

namespace {

QString element(const QString& name, const QString& inner) {
    return QStringLiteral("<tptz:%1 xmlns:tptz=\"%2\" xmlns:tt=\"%3\">%4</tptz:%1>")
        .arg(name, QLatin1String(ns::kPtz), QLatin1String(ns::kSchema), inner);
}

QString profile(const QString& token) {
    return QStringLiteral("<tptz:ProfileToken>%1</tptz:ProfileToken>").arg(token.toHtmlEscaped());
}

// xs:float text; NaN becomes 0 so a bad caller cannot send "nan" to a camera.
QString speed(double value) {
    if (std::isnan(value)) {
        value = 0;
    }
    return QString::number(std::clamp(value, -1.0, 1.0), 'g', 4);
}

}  // namespace

QString continuousMove(const QString& profileToken, double pan, double tilt, double zoom) {
    return element(QStringLiteral("ContinuousMove"),
                   profile(profileToken) + QStringLiteral("<tptz:Velocity><tt:PanTilt x=\"%1\" y=\"%2\"/>"
                                                          "<tt:Zoom x=\"%3\"/></tptz:Velocity>")
                                               .arg(speed(pan), speed(tilt), speed(zoom)));
}

QString stop(const QString& profileToken) {
    return element(QStringLiteral("Stop"), profile(profileToken) + QStringLiteral("<tptz:PanTilt>true</tptz:PanTilt>"
                                                                                  "<tptz:Zoom>true</tptz:Zoom>"));
}

QString getPresets(const QString& profileToken) {
    return element(QStringLiteral("GetPresets"), profile(profileToken));
}

Result<QList<PtzPreset>> parsePresets(const XmlElement& response) {
    QList<PtzPreset> presets;
    for (const XmlElement* preset : response.childrenNamed(QStringLiteral("Preset"))) {
        const QString token = preset->attribute(QStringLiteral("token"));
        if (token.isEmpty()) {
            return SoapMessage::badAnswer(QStringLiteral("GetPresets"), QStringLiteral("a preset without a token"));
        }
        presets.append(PtzPreset{token, preset->textAt({QStringLiteral("Name")})});
    }
    return presets;
}

QString gotoPreset(const QString& profileToken, const QString& presetToken) {
    return element(QStringLiteral("GotoPreset"),
                   profile(profileToken) +
                       QStringLiteral("<tptz:PresetToken>%1</tptz:PresetToken>").arg(presetToken.toHtmlEscaped()));
}

QString setPreset(const QString& profileToken, const QString& name) {
    return element(QStringLiteral("SetPreset"),
                   profile(profileToken) +
                       QStringLiteral("<tptz:PresetName>%1</tptz:PresetName>").arg(name.toHtmlEscaped()));
}

Result<QString> parseSetPreset(const XmlElement& response) {
    const QString token = response.textAt({QStringLiteral("PresetToken")});
    if (token.isEmpty()) {
        return SoapMessage::badAnswer(QStringLiteral("SetPreset"), QStringLiteral("no PresetToken"));
    }
    return token;
}

}  // namespace vigil::plugins::onvif::ptz
