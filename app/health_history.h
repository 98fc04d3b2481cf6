#pragma once
// HealthHistory: the server's recent health samples (CPU, memory, network) for the Home page's live
// charts (CLI-2), as a table the charts map by column (VXYModelMapper): 0 time (UTC ms), 1 CPU %,
// 2 memory %, 3 received Mbit/s, 4 sent Mbit/s. The last kWindowMs are kept; older rows drop off.
// Samples come from the health pushes (every 2 s by default) that Workstation already receives.

#include <QAbstractTableModel>
#include <QList>

#include "model/system_model.h"

namespace vigil::app {

class HealthHistory : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY changed)
    // The x axis: from the oldest sample kept (at least kMinSpanMs back) to the newest.
    Q_PROPERTY(QDateTime windowStart READ windowStart NOTIFY changed)
    Q_PROPERTY(QDateTime windowEnd READ windowEnd NOTIFY changed)
    // A round upper bound for the network chart's y axis (Mbit/s), at least 1.
    Q_PROPERTY(double networkMax READ networkMax NOTIFY changed)
    Q_PROPERTY(double latestRxMbps READ latestRxMbps NOTIFY changed)
    Q_PROPERTY(double latestTxMbps READ latestTxMbps NOTIFY changed)

public:
    static constexpr qint64 kWindowMs = 5 * 60 * 1000;
    // Until that much has been seen, the axis spans what there is (at least kMinSpanMs), so the
    // first samples draw a line across the chart rather than a dot at its right edge.
    static constexpr qint64 kMinSpanMs = 60 * 1000;
    enum Column { TimeColumn, CpuColumn, MemoryColumn, RxColumn, TxColumn, ColumnCount };

    explicit HealthHistory(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    int count() const { return static_cast<int>(m_samples.size()); }
    QDateTime windowStart() const;
    QDateTime windowEnd() const;
    double networkMax() const;
    double latestRxMbps() const;
    double latestTxMbps() const;

    // Adds a sample; one older than the newest (a late answer) is ignored.
    void add(const core::model::HealthSnapshot& health);
    void clear();

    static double toMbps(qint64 bytesPerSec) { return static_cast<double>(bytesPerSec) * 8.0 / 1e6; }
    // 0.3 -> 1, 2.4 -> 5, 7 -> 10, 13 -> 20, 60 -> 100: the axis grows in 1-2-5 steps.
    static double niceCeiling(double value);

signals:
    void changed();

private:
    struct Sample {
        qint64 timeMs = 0;
        double cpuPercent = 0;
        double memoryPercent = 0;
        double rxMbps = 0;
        double txMbps = 0;
    };
    QList<Sample> m_samples;
};

}  // namespace vigil::app
