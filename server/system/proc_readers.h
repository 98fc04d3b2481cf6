#pragma once
// Parsers for the Linux /proc files the health monitor reads. They take the file's text rather than a
// path so tests can feed them recorded samples; the monitor reads the files and keeps the previous
// sample to turn counters into rates.

#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace vigil::server {

// Jiffies of the aggregate "cpu" line of /proc/stat: all cores together.
struct CpuTimes {
    quint64 busy = 0;
    quint64 total = 0;
};

// Bytes from /proc/meminfo.
struct MemoryInfo {
    qint64 totalBytes = 0;
    qint64 availableBytes = 0;
};

// Byte counters from /proc/net/dev, summed over every interface but loopback.
struct NetworkCounters {
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
};

std::optional<CpuTimes> parseCpuTimes(QStringView procStat);
// The number of "cpuN" lines in /proc/stat: the cores online now.
int countCpuCores(QStringView procStat);
// Busy share of the time between two readings, 0..100; 0 when no time passed.
double cpuPercentBetween(const CpuTimes& before, const CpuTimes& after);

std::optional<MemoryInfo> parseMemoryInfo(QStringView procMeminfo);

std::optional<NetworkCounters> parseNetworkCounters(QStringView procNetDev);
// Bytes per second from two counter readings; 0 when the counter went back (interface reset or gone).
qint64 ratePerSecond(quint64 before, quint64 after, qint64 elapsedMs);

}  // namespace vigil::server
