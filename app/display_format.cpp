#include "display_format.h"

#include <QDateTime>
#include <QObject>

namespace vigil::app {

namespace {

QString local(qint64 utcMs, const char* format) {
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QString::fromLatin1(format));
}

}  // namespace

QString DisplayFormat::date(qint64 utcMs, const QString& empty) {
    return utcMs <= 0 ? empty : local(utcMs, kDate);
}

QString DisplayFormat::dateTime(qint64 utcMs, const QString& empty) {
    return utcMs <= 0 ? empty : local(utcMs, kDateTime);
}

QString DisplayFormat::dateTimeSeconds(qint64 utcMs) {
    return local(utcMs, kDateTimeSeconds);
}

QString DisplayFormat::ago(qint64 utcMs, qint64 nowMs) {
    const qint64 seconds = (nowMs - utcMs) / 1000;
    if (utcMs <= 0) {
        return {};
    }
    if (seconds < 60) {
        return QObject::tr("just now");
    }
    if (seconds < 3600) {
        return QObject::tr("%1 min ago").arg(seconds / 60);
    }
    if (seconds < 24 * 3600) {
        return QObject::tr("%1 h ago").arg(seconds / 3600);
    }
    return dateTime(utcMs);
}

std::optional<qint64> DisplayFormat::parse(const QString& text, bool endOfDay) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return 0;
    }
    QDateTime when = QDateTime::fromString(trimmed, QString::fromLatin1(kDateTime));
    if (when.isValid()) {
        return when.toMSecsSinceEpoch();
    }
    const QDate day = QDate::fromString(trimmed, QString::fromLatin1(kDate));
    if (!day.isValid()) {
        return std::nullopt;
    }
    when = endOfDay ? day.endOfDay() : day.startOfDay();
    return when.toMSecsSinceEpoch();
}

}  // namespace vigil::app
