// HealthHistory (CLI-2): the Home page's chart table keeps the last five minutes of health samples in
// order, converts them (memory %, Mbit/s), ignores late answers and rounds the network axis.

#include <QSignalSpy>
#include <QTest>

#include "health_history.h"

using vigil::app::HealthHistory;
using vigil::core::model::HealthSnapshot;

namespace {

HealthSnapshot sample(qint64 timeMs, double cpu, qint64 rxBytesPerSec = 0) {
    HealthSnapshot health;
    health.sampledMs = timeMs;
    health.cpuPercent = cpu;
    health.memoryTotalBytes = 8'000'000'000;
    health.memoryUsedBytes = 2'000'000'000;
    health.networkRxBytesPerSec = rxBytesPerSec;
    health.networkTxBytesPerSec = rxBytesPerSec / 2;
    return health;
}

double cell(const HealthHistory& history, int row, int column) {
    return history.data(history.index(row, column), Qt::DisplayRole).toDouble();
}

}  // namespace

class TstHealthHistory : public QObject {
    Q_OBJECT

private slots:
    void keepsTheWindowInOrder() {
        HealthHistory history;
        QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&history, &QAbstractItemModel::rowsRemoved);
        const qint64 t0 = 1'800'000'000'000;
        for (int i = 0; i <= 150; ++i) {  // five minutes of 2-second samples, plus the one at t0
            history.add(sample(t0 + i * 2000, i % 100));
        }
        QCOMPARE(history.count(), 151);
        QCOMPARE(removed.count(), 0);
        history.add(sample(t0 + 151 * 2000, 50));  // t0 leaves the window
        QCOMPARE(history.count(), 151);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 152);
        QCOMPARE(cell(history, 0, HealthHistory::TimeColumn), double(t0 + 2000));
        QCOMPARE(history.windowEnd().toMSecsSinceEpoch(), t0 + 151 * 2000);
        QCOMPARE(history.windowStart().toMSecsSinceEpoch(), t0 + 2000);  // the oldest kept

        history.add(sample(t0 + 10 * 2000, 99));  // a late answer
        QCOMPARE(history.count(), 151);
        QCOMPARE(cell(history, 150, HealthHistory::CpuColumn), 50.0);
    }

    void theFirstSamplesSpanAMinute() {
        HealthHistory history;
        history.add(sample(100'000, 1));
        history.add(sample(110'000, 2));
        QCOMPARE(history.windowEnd().toMSecsSinceEpoch(), 110'000);
        QCOMPARE(history.windowStart().toMSecsSinceEpoch(), 110'000 - HealthHistory::kMinSpanMs);
    }

    void convertsTheFigures() {
        HealthHistory history;
        history.add(sample(1000, 150.0, 12'500'000));  // CPU clamped; 100 Mbit/s in
        QCOMPARE(cell(history, 0, HealthHistory::CpuColumn), 100.0);
        QCOMPARE(cell(history, 0, HealthHistory::MemoryColumn), 25.0);
        QCOMPARE(cell(history, 0, HealthHistory::RxColumn), 100.0);
        QCOMPARE(cell(history, 0, HealthHistory::TxColumn), 50.0);
        QCOMPARE(history.latestRxMbps(), 100.0);
        QCOMPARE(history.networkMax(), 100.0);
        QCOMPARE(history.columnCount(), int(HealthHistory::ColumnCount));
        history.clear();
        QCOMPARE(history.count(), 0);
        QCOMPARE(history.networkMax(), 1.0);
    }

    void theNetworkAxisGrowsInSteps_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("ceiling");
        QTest::newRow("idle") << 0.0 << 1.0;
        QTest::newRow("0.3") << 0.3 << 1.0;
        QTest::newRow("2.4") << 2.4 << 5.0;
        QTest::newRow("7") << 7.0 << 10.0;
        QTest::newRow("13") << 13.0 << 20.0;
        QTest::newRow("60") << 60.0 << 100.0;
        QTest::newRow("100") << 100.0 << 100.0;
        QTest::newRow("950") << 950.0 << 1000.0;
    }
    void theNetworkAxisGrowsInSteps() {
        QFETCH(double, value);
        QFETCH(double, ceiling);
        QCOMPARE(HealthHistory::niceCeiling(value), ceiling);
    }
};

QTEST_GUILESS_MAIN(TstHealthHistory)
#include "tst_health_history.moc"
