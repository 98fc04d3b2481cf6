#pragma once
// HealthMonitor: the "system-management" service. Samples the host (CPU, memory, network, the data
// folder's disk) every few seconds so the API and the WebSocket can report health (SRV-3). The first
// sample is taken while starting, so there is always a snapshot to serve.

#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <optional>

#include "engine/service.h"
#include "model/system_model.h"
#include "system/proc_readers.h"

namespace vigil::server {

class HealthMonitor : public Service {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;

    explicit HealthMonitor(QString dataDir, QObject* parent = nullptr);
    ~HealthMonitor() override;

    // Takes effect at once when running (tests use a short interval).
    void setIntervalMs(int intervalMs);
    int intervalMs() const { return m_timer.interval(); }

    core::model::HealthSnapshot snapshot() const { return m_snapshot; }

signals:
    void sampled(const vigil::core::model::HealthSnapshot& snapshot);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    void sample();
    void sampleCpu(core::model::HealthSnapshot& snapshot);
    void sampleNetwork(core::model::HealthSnapshot& snapshot);
    QList<core::model::DiskUsage> sampleDisks() const;

    QString m_dataDir;
    QTimer m_timer;
    core::model::HealthSnapshot m_snapshot;
    std::optional<CpuTimes> m_lastCpu;
    std::optional<NetworkCounters> m_lastNetwork;
    QElapsedTimer m_sinceLastNetwork;
};

}  // namespace vigil::server
