#include "recording/segment_layout.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

namespace vigil::server {

QString SegmentLayout::channelFolder(const QString& channelId) {
    // Dots are encoded too, so no id can become "." or "..".
    return QString::fromLatin1(QUrl::toPercentEncoding(channelId, QByteArray(), QByteArray(".")));
}

QString SegmentLayout::relativePath(const SegmentName& name) {
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(name.startMs, Qt::UTC);
    return QStringLiteral("%1/%2/%3/%4.ts")
        .arg(channelFolder(name.channelId), name.stream, start.toString(QStringLiteral("yyyy-MM-dd")),
             start.toString(QStringLiteral("HH-mm-ss.zzz")));
}

std::optional<SegmentName> SegmentLayout::parse(const QString& relativePath) {
    static const QRegularExpression kPath(QStringLiteral(
        "^([A-Za-z0-9%._~-]+)/(main|sub)/(\\d{4}-\\d{2}-\\d{2})/(\\d{2}-\\d{2}-\\d{2}\\.\\d{3})\\.ts$"));
    const auto match = kPath.match(relativePath);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    // Date and time apart, straight into UTC: a local-time parse could fall into a DST gap.
    const QDate date = QDate::fromString(match.captured(3), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(match.captured(4), QStringLiteral("HH-mm-ss.zzz"));
    const QDateTime utc(date, time, Qt::UTC);
    if (!utc.isValid()) {
        return std::nullopt;
    }
    SegmentName name;
    name.channelId = QUrl::fromPercentEncoding(match.captured(1).toLatin1());
    name.stream = match.captured(2);
    name.startMs = utc.toMSecsSinceEpoch();
    if (name.channelId.isEmpty() || relativePath != SegmentLayout::relativePath(name)) {
        return std::nullopt;  // only names we would have made
    }
    return name;
}

}  // namespace vigil::server
