#include "model/motion_model.h"

#include <QJsonArray>

#include "model/json_fields.h"

namespace vigil::core::model {

namespace {

Error badRegions(const QString& what) {
    return Error::make(QStringLiteral("bad_request"),
                       QStringLiteral("\"regions\" %1. Send %2 strings of %3 characters, '1' where motion counts and "
                                      "'0' where it does not, top row first.")
                           .arg(what, QString::number(MotionRegions::kRows), QString::number(MotionRegions::kColumns)));
}

}  // namespace

MotionRegions MotionRegions::all() {
    MotionRegions regions;
    regions.cells.set();
    return regions;
}

QStringList MotionRegions::toRows() const {
    QStringList rows;
    for (int row = 0; row < kRows; ++row) {
        QString text(kColumns, QLatin1Char('0'));
        for (int column = 0; column < kColumns; ++column) {
            if (includes(column, row)) {
                text[column] = QLatin1Char('1');
            }
        }
        rows.append(text);
    }
    return rows;
}

Result<MotionRegions> MotionRegions::fromRows(const QStringList& rows) {
    if (rows.size() != kRows) {
        return badRegions(QStringLiteral("has %1 rows").arg(rows.size()));
    }
    MotionRegions regions;
    for (int row = 0; row < kRows; ++row) {
        const QString& text = rows[row];
        if (text.size() != kColumns) {
            return badRegions(
                QStringLiteral("row %1 has %2 characters").arg(QString::number(row + 1), QString::number(text.size())));
        }
        for (int column = 0; column < kColumns; ++column) {
            const QChar cell = text[column];
            if (cell != QLatin1Char('0') && cell != QLatin1Char('1')) {
                return badRegions(QStringLiteral("row %1 holds '%2'").arg(QString::number(row + 1), QString(cell)));
            }
            regions.set(column, row, cell == QLatin1Char('1'));
        }
    }
    return regions;
}

Result<MotionRegions> MotionRegions::fromText(const QString& text) {
    if (text.size() != kCells) {
        return badRegions(
            QStringLiteral("has %1 cells instead of %2").arg(QString::number(text.size()), QString::number(kCells)));
    }
    QStringList rows;
    for (int row = 0; row < kRows; ++row) {
        rows.append(text.mid(row * kColumns, kColumns));
    }
    return fromRows(rows);
}

QJsonObject MotionSettings::toJson() const {
    QJsonObject json = toInput();
    json.insert(QStringLiteral("channelId"), channelId);
    json.insert(QStringLiteral("updatedMs"), updatedMs);
    return json;
}

QJsonObject MotionSettings::toInput() const {
    return QJsonObject{{QStringLiteral("enabled"), enabled},
                       {QStringLiteral("sensitivity"), sensitivity},
                       {QStringLiteral("regions"), QJsonArray::fromStringList(regions.toRows())}};
}

Result<MotionSettings> MotionSettings::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("motion settings"));
    MotionSettings settings;
    settings.channelId = read.string(QStringLiteral("channelId"));
    settings.enabled = read.boolean(QStringLiteral("enabled"));
    settings.sensitivity = read.smallInteger(QStringLiteral("sensitivity"));
    settings.updatedMs = read.integer(QStringLiteral("updatedMs"));
    const QStringList rows = read.stringList(QStringLiteral("regions"));
    if (read.ok()) {
        auto regions = MotionRegions::fromRows(rows);
        if (!regions) {
            read.fail(QStringLiteral("regions"), QStringLiteral("%1 rows of %2 '0'/'1' characters")
                                                     .arg(QString::number(MotionRegions::kRows),
                                                          QString::number(MotionRegions::kColumns)),
                      json.value(QStringLiteral("regions")));
        } else {
            settings.regions = regions.value();
        }
    }
    return finished(read, settings);
}

Result<MotionSettings> MotionSettings::fromRequest(const QJsonObject& json, MotionSettings current) {
    const QString context = QStringLiteral("motion settings");
    FieldReader reader(json, context, FieldReader::Mode::Request);
    if (reader.has(QStringLiteral("enabled"))) {
        current.enabled = reader.boolean(QStringLiteral("enabled"));
    }
    if (reader.has(QStringLiteral("sensitivity"))) {
        const int sensitivity = reader.smallInteger(QStringLiteral("sensitivity"));
        if (reader.ok() && (sensitivity < kMinSensitivity || sensitivity > kMaxSensitivity)) {
            return FieldReader::badRequest(
                context, QStringLiteral("sensitivity"),
                QStringLiteral("must be %1 (large, strong changes only) to %2 (small, faint ones)")
                    .arg(QString::number(kMinSensitivity), QString::number(kMaxSensitivity)));
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
    return finished(reader, current);
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

Result<MotionStatus> MotionStatus::fromJson(const QJsonObject& json) {
    FieldReader read(json, QStringLiteral("motion status"));
    MotionStatus status;
    status.state = read.string(QStringLiteral("state"));
    status.stream = read.string(QStringLiteral("stream"));
    status.message = read.string(QStringLiteral("message"));
    status.packets = read.integer(QStringLiteral("packets"));
    status.dropped = read.integer(QStringLiteral("dropped"));
    status.decoded = read.integer(QStringLiteral("decoded"));
    status.compared = read.integer(QStringLiteral("compared"));
    status.lastMotionMs = read.integer(QStringLiteral("lastMotionMs"));
    return finished(read, status);
}

}  // namespace vigil::core::model
