#include "health_history.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace vigil::app {

HealthHistory::HealthHistory(QObject* parent) : QAbstractTableModel(parent) {}

int HealthHistory::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

int HealthHistory::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthHistory::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_samples.size() || role != Qt::DisplayRole) {
        return {};
    }
    const Sample& sample = m_samples.at(index.row());
    switch (index.column()) {
    case TimeColumn:
        return static_cast<double>(sample.timeMs);
    case CpuColumn:
        return sample.cpuPercent;
    case MemoryColumn:
        return sample.memoryPercent;
    case RxColumn:
        return sample.rxMbps;
    case TxColumn:
        return sample.txMbps;
    default:
        return {};
    }
}

QDateTime HealthHistory::windowEnd() const {
    const qint64 end = m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().timeMs;
    return QDateTime::fromMSecsSinceEpoch(end);
}

QDateTime HealthHistory::windowStart() const {
    const qint64 end = windowEnd().toMSecsSinceEpoch();
    const qint64 oldest = m_samples.isEmpty() ? end : m_samples.first().timeMs;
    return QDateTime::fromMSecsSinceEpoch(std::min(oldest, end - kMinSpanMs));
}

double HealthHistory::niceCeiling(double value) {
    if (!(value > 1.0)) {
        return 1.0;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * magnitude) {
            return step * magnitude;
        }
    }
    return 10.0 * magnitude;
}

double HealthHistory::networkMax() const {
    double most = 0;
    for (const Sample& sample : m_samples) {
        most = std::max({most, sample.rxMbps, sample.txMbps});
    }
    return niceCeiling(most);
}

double HealthHistory::latestRxMbps() const {
    return m_samples.isEmpty() ? 0 : m_samples.last().rxMbps;
}

double HealthHistory::latestTxMbps() const {
    return m_samples.isEmpty() ? 0 : m_samples.last().txMbps;
}

void HealthHistory::add(const core::model::HealthSnapshot& health) {
    if (!m_samples.isEmpty() && health.sampledMs <= m_samples.last().timeMs) {
        return;
    }
    Sample sample;
    sample.timeMs = health.sampledMs;
    sample.cpuPercent = std::clamp(health.cpuPercent, 0.0, 100.0);
    sample.memoryPercent = health.memoryTotalBytes > 0 ? 100.0 * static_cast<double>(health.memoryUsedBytes) /
                                                             static_cast<double>(health.memoryTotalBytes)
                                                       : 0.0;
    sample.rxMbps = toMbps(health.networkRxBytesPerSec);
    sample.txMbps = toMbps(health.networkTxBytesPerSec);

    // Rows that left the window go first, so the mappers see a remove and an append, not a reset.
    const qint64 oldest = sample.timeMs - kWindowMs;
    qsizetype stale = 0;
    while (stale < m_samples.size() && m_samples.at(stale).timeMs < oldest) {
        ++stale;
    }
    if (stale > 0) {
        beginRemoveRows({}, 0, static_cast<int>(stale) - 1);
        m_samples.remove(0, stale);
        endRemoveRows();
    }
    beginInsertRows({}, count(), count());
    m_samples.append(sample);
    endInsertRows();
    emit changed();
}

void HealthHistory::clear() {
    if (m_samples.isEmpty()) {
        return;
    }
    beginResetModel();
    m_samples.clear();
    endResetModel();
    emit changed();
}

}  // namespace vigil::app
