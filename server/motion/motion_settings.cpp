#include "motion/motion_settings.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::server {

using core::model::FieldReader;

QJsonObject MotionSettings::toJson() const {
    return QJsonObject{{QStringLiteral("channelId"), channelId},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("sensitivity"), sensitivity},
                       {QStringLiteral("regions"), QJsonArray::fromStringList(regions.toRows())},
                       {QStringLiteral("updatedMs"), updatedMs}};
}

core::Result<MotionSettings> MotionSettings::fromRequest(const QJsonObject& json, MotionSettings current) {
    const QString context = QStringLiteral("motion settings");
    FieldReader reader(json, context, FieldReader::Mode::Request);
    if (reader.has(QStringLiteral("enabled"))) {
        current.enabled = reader.boolean(QStringLiteral("enabled"));
    }
    if (reader.has(QStringLiteral("sensitivity"))) {
        const int sensitivity = reader.smallInteger(QStringLiteral("sensitivity"));
        if (reader.ok() && (sensitivity < MotionDetector::kMinSensitivity || sensitivity > MotionDetector::kMaxSensitivity)) {
            return FieldReader::badRequest(context, QStringLiteral("sensitivity"),
                                           QStringLiteral("must be %1 (large, strong changes only) to %2 (small, faint ones)")
                                               .arg(MotionDetector::kMinSensitivity)
                                               .arg(MotionDetector::kMaxSensitivity));
        }
        current.sensitivity = sensitivity;
    }
    if (reader.has(QStringLiteral("regions"))) {
        const QStringList rows = reader.stringList(QStringLiteral("regions"));
        if (reader.ok()) {
            auto regions = MotionRegions::fromRows(rows);
            if (!regions) {
                return regions.error();
            }
            current.regions = regions.value();
        }
    }
    if (!reader.finish()) {
        return reader.error();
    }
    return current;
}

QJsonObject MotionStatus::toJson() const {
    return QJsonObject{{QStringLiteral("state"), state},
                       {QStringLiteral("stream"), stream},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("packets"), packets},
                       {QStringLiteral("dropped"), dropped},
                       {QStringLiteral("decoded"), decoded},
                       {QStringLiteral("compared"), compared},
                       {QStringLiteral("lastMotionMs"), lastMotionMs}};
}

}  // namespace vigil::server
