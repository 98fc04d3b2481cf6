// The /proc parsers behind the health monitor, fed recorded file texts: CPU load from two /proc/stat
// readings, memory from /proc/meminfo (with and without MemAvailable), network counters from
// /proc/net/dev with loopback left out, and rates from counter deltas.

#include <QFile>
#include <QTest>

#include "system/proc_readers.h"

using namespace vigil::server;

namespace {

const QString kStatBefore = QStringLiteral(
    "cpu  100 0 100 700 100 0 0 0 0 0\n"
    "cpu0 50 0 50 350 50 0 0 0 0 0\n"
    "cpu1 50 0 50 350 50 0 0 0 0 0\n"
    "intr 12345 0 0\n"
    "ctxt 999\n"
    "btime 1700000000\n");

// 200 jiffies later: 150 busy (user 100 + system 50), 50 idle.
const QString kStatAfter = QStringLiteral(
    "cpu  200 0 150 750 100 0 0 0 0 0\n"
    "cpu0 100 0 75 375 50 0 0 0 0 0\n"
    "cpu1 100 0 75 375 50 0 0 0 0 0\n");

const QString kMeminfo = QStringLiteral(
    "MemTotal:       16303340 kB\n"
    "MemFree:         1000000 kB\n"
    "MemAvailable:    8000000 kB\n"
    "Buffers:          200000 kB\n"
    "Cached:          3000000 kB\n"
    "HugePages_Total:       0\n");

const QString kNetDev = QStringLiteral(
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls "
    "carrier compressed\n"
    "    lo: 9000000    1000    0    0    0     0          0         0  9000000    1000    0    0    0     0 "
    "      0          0\n"
    "  eth0: 1000 10 0 0 0 0 0 0 2000 20 0 0 0 0 0 0\n"
    "wlan0:5000 50 0 0 0 0 0 0 7000 70 0 0 0 0 0 0\n");

}  // namespace

class TestProcReaders : public QObject {
    Q_OBJECT

private slots:
    void cpuTimesSumTheAggregateLine() {
        const auto times = parseCpuTimes(kStatBefore);
        QVERIFY(times.has_value());
        QCOMPARE(times->total, quint64(1000));
        QCOMPARE(times->busy, quint64(200));  // idle and iowait are not busy
    }

    void cpuPercentIsBusyShareOfTheInterval() {
        const auto before = parseCpuTimes(kStatBefore);
        const auto after = parseCpuTimes(kStatAfter);
        QVERIFY(before && after);
        QCOMPARE(cpuPercentBetween(*before, *after), 75.0);
    }

    void cpuPercentWithoutElapsedTimeIsZero() {
        const auto times = parseCpuTimes(kStatBefore);
        QVERIFY(times.has_value());
        QCOMPARE(cpuPercentBetween(*times, *times), 0.0);
        QCOMPARE(cpuPercentBetween(*parseCpuTimes(kStatAfter), *times), 0.0);  // counters went back
    }

    void cpuCoresCountPerCoreLines() {
        QCOMPARE(countCpuCores(kStatBefore), 2);
        QCOMPARE(countCpuCores(QStringLiteral("cpu  1 2 3 4 5\n")), 0);
    }

    void cpuTimesRejectGarbage() {
        QVERIFY(!parseCpuTimes(QString()).has_value());
        QVERIFY(!parseCpuTimes(QStringLiteral("cpu  x y z w v\n")).has_value());
        QVERIFY(!parseCpuTimes(QStringLiteral("intr 1 2 3\n")).has_value());
    }

    void memoryUsesMemAvailable() {
        const auto memory = parseMemoryInfo(kMeminfo);
        QVERIFY(memory.has_value());
        QCOMPARE(memory->totalBytes, qint64(16303340) * 1024);
        QCOMPARE(memory->availableBytes, qint64(8000000) * 1024);
    }

    void memoryWithoutMemAvailableCountsCachesAsFree() {
        QString old = kMeminfo;
        old.remove(QStringLiteral("MemAvailable:    8000000 kB\n"));
        const auto memory = parseMemoryInfo(old);
        QVERIFY(memory.has_value());
        QCOMPARE(memory->availableBytes, qint64(1000000 + 200000 + 3000000) * 1024);
    }

    void memoryWithoutTotalIsUnknown() {
        QVERIFY(!parseMemoryInfo(QStringLiteral("MemFree: 10 kB\n")).has_value());
    }

    void networkSumsAllButLoopback() {
        const auto counters = parseNetworkCounters(kNetDev);
        QVERIFY(counters.has_value());
        QCOMPARE(counters->rxBytes, quint64(1000 + 5000));
        QCOMPARE(counters->txBytes, quint64(2000 + 7000));
    }

    void networkWithOnlyLoopbackIsZero() {
        const QString onlyLoopback = kNetDev.section(QLatin1Char('\n'), 0, 2) + QLatin1Char('\n');
        const auto counters = parseNetworkCounters(onlyLoopback);
        QVERIFY(counters.has_value());
        QCOMPARE(counters->rxBytes, quint64(0));
        QCOMPARE(counters->txBytes, quint64(0));
    }

    void networkRejectsShortLines() {
        QVERIFY(!parseNetworkCounters(QStringLiteral("eth0: 1 2 3\n")).has_value());
        QVERIFY(!parseNetworkCounters(QString()).has_value());
    }

    void rateComesFromTheDelta() {
        QCOMPARE(ratePerSecond(1000, 5000, 2000), qint64(2000));
        QCOMPARE(ratePerSecond(1000, 1000, 2000), qint64(0));
        QCOMPARE(ratePerSecond(5000, 1000, 2000), qint64(0));  // counter reset
        QCOMPARE(ratePerSecond(1000, 5000, 0), qint64(0));
    }

    void realProcFilesParse() {
        // On the machine running the tests the parsers must understand the kernel's own output.
        QFile stat(QStringLiteral("/proc/stat"));
        if (!stat.open(QIODevice::ReadOnly)) {
            QSKIP("no /proc on this machine");
        }
        const QString statText = QString::fromLatin1(stat.readAll());
        QVERIFY(parseCpuTimes(statText).has_value());
        QVERIFY(countCpuCores(statText) > 0);
        QFile meminfo(QStringLiteral("/proc/meminfo"));
        QVERIFY(meminfo.open(QIODevice::ReadOnly));
        const auto memory = parseMemoryInfo(QString::fromLatin1(meminfo.readAll()));
        QVERIFY(memory && memory->totalBytes > 0);
        QFile netDev(QStringLiteral("/proc/net/dev"));
        QVERIFY(netDev.open(QIODevice::ReadOnly));
        QVERIFY(parseNetworkCounters(QString::fromLatin1(netDev.readAll())).has_value());
    }
};

QTEST_GUILESS_MAIN(TestProcReaders)
#include "tst_proc_readers.moc"
