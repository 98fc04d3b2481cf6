#include "system/proc_readers.h"

#include <QList>
#include <QString>

namespace vigil::server {

namespace {

constexpr qint64 kBytesPerKibibyte = 1024;
constexpr int kCpuFieldsCounted = 8;  // user nice system idle iowait irq softirq steal (guest is in user)
constexpr int kCpuIdleField = 3;
constexpr int kCpuIowaitField = 4;
constexpr int kNetRxBytesField = 0;
constexpr int kNetTxBytesField = 8;

// Splits on runs of blanks (spaces or tabs), the way /proc separates its columns.
QList<QStringView> fieldsOf(QStringView line) {
    QList<QStringView> fields;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        const bool blank = i == line.size() || line.at(i).isSpace();
        if (blank && start >= 0) {
            fields.append(line.mid(start, i - start));
            start = -1;
        } else if (!blank && start < 0) {
            start = i;
        }
    }
    return fields;
}

std::optional<quint64> unsignedNumber(QStringView text) {
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

// "MemTotal:       16303340 kB" -> bytes, for the line whose key is `key`.
std::optional<qint64> meminfoBytes(QStringView text, QStringView key) {
    for (QStringView line : text.tokenize(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0 || line.left(colon).trimmed() != key) {
            continue;
        }
        const QList<QStringView> fields = fieldsOf(line.mid(colon + 1));
        if (fields.isEmpty()) {
            return std::nullopt;
        }
        const std::optional<quint64> value = unsignedNumber(fields.first());
        if (!value) {
            return std::nullopt;
        }
        // The kernel writes "kB" but means KiB; a line without a unit is a plain count.
        const bool kibibytes = fields.size() > 1 && fields.at(1) == u"kB";
        return static_cast<qint64>(*value) * (kibibytes ? kBytesPerKibibyte : 1);
    }
    return std::nullopt;
}

}  // namespace

std::optional<CpuTimes> parseCpuTimes(QStringView procStat) {
    for (QStringView line : procStat.tokenize(u'\n', Qt::SkipEmptyParts)) {
        const QList<QStringView> fields = fieldsOf(line);
        if (fields.isEmpty() || fields.first() != u"cpu") {
            continue;
        }
        if (fields.size() < 1 + kCpuIowaitField + 1) {
            return std::nullopt;
        }
        CpuTimes times;
        quint64 idle = 0;
        for (int i = 0; i < kCpuFieldsCounted && i + 1 < fields.size(); ++i) {
            const std::optional<quint64> value = unsignedNumber(fields.at(i + 1));
            if (!value) {
                return std::nullopt;
            }
            times.total += *value;
            if (i == kCpuIdleField || i == kCpuIowaitField) {
                idle += *value;
            }
        }
        times.busy = times.total - idle;
        return times;
    }
    return std::nullopt;
}

int countCpuCores(QStringView procStat) {
    int cores = 0;
    for (QStringView line : procStat.tokenize(u'\n', Qt::SkipEmptyParts)) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.startsWith(u"cpu") && trimmed.size() > 3 && trimmed.at(3).isDigit()) {
            ++cores;
        }
    }
    return cores;
}

double cpuPercentBetween(const CpuTimes& before, const CpuTimes& after) {
    if (after.total <= before.total || after.busy < before.busy) {
        return 0;
    }
    const double busy = static_cast<double>(after.busy - before.busy);
    const double total = static_cast<double>(after.total - before.total);
    return qBound(0.0, 100.0 * busy / total, 100.0);
}

std::optional<MemoryInfo> parseMemoryInfo(QStringView procMeminfo) {
    const std::optional<qint64> total = meminfoBytes(procMeminfo, u"MemTotal");
    if (!total) {
        return std::nullopt;
    }
    MemoryInfo info;
    info.totalBytes = *total;
    if (const std::optional<qint64> available = meminfoBytes(procMeminfo, u"MemAvailable")) {
        info.availableBytes = *available;
    } else {
        // Kernels before 3.14 have no MemAvailable; free plus caches is the usual estimate.
        info.availableBytes = meminfoBytes(procMeminfo, u"MemFree").value_or(0) +
                              meminfoBytes(procMeminfo, u"Buffers").value_or(0) +
                              meminfoBytes(procMeminfo, u"Cached").value_or(0);
    }
    info.availableBytes = qMin(info.availableBytes, info.totalBytes);
    return info;
}

std::optional<NetworkCounters> parseNetworkCounters(QStringView procNetDev) {
    NetworkCounters counters;
    bool sawInterface = false;
    for (QStringView line : procNetDev.tokenize(u'\n', Qt::SkipEmptyParts)) {
        // "  eth0: 1234 ..." (large counters may touch the colon); the two header lines have none.
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            continue;
        }
        const QStringView name = line.left(colon).trimmed();
        const QList<QStringView> fields = fieldsOf(line.mid(colon + 1));
        if (fields.size() <= kNetTxBytesField) {
            return std::nullopt;
        }
        const std::optional<quint64> rx = unsignedNumber(fields.at(kNetRxBytesField));
        const std::optional<quint64> tx = unsignedNumber(fields.at(kNetTxBytesField));
        if (!rx || !tx) {
            return std::nullopt;
        }
        sawInterface = true;
        if (name == u"lo") {
            continue;  // traffic to ourselves is not network load
        }
        counters.rxBytes += *rx;
        counters.txBytes += *tx;
    }
    return sawInterface ? std::optional<NetworkCounters>(counters) : std::nullopt;
}

qint64 ratePerSecond(quint64 before, quint64 after, qint64 elapsedMs) {
    if (elapsedMs <= 0 || after < before) {
        return 0;
    }
    constexpr qint64 kMsPerSecond = 1000;
    return static_cast<qint64>((after - before) * kMsPerSecond / static_cast<quint64>(elapsedMs));
}

}  // namespace vigil::server
