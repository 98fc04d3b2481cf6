#include "system/health_monitor.h"

#include <QDateTime>
#include <QFile>
#include <QStorageInfo>
#include <QThread>

#include "server_logging.h"

namespace vigil::server {

namespace {

constexpr auto kProcStat = "/proc/stat";
constexpr auto kProcMeminfo = "/proc/meminfo";
constexpr auto kProcNetDev = "/proc/net/dev";

// /proc files report a size of 0, so read until the end rather than trusting size().
QString readProcFile(const char* path) {
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    return QString::fromLatin1(file.readAll());
}

core::model::DiskUsage diskUsageOf(const QString& path, const QStorageInfo& storage) {
    return core::model::DiskUsage{path, storage.bytesTotal(), storage.bytesAvailable()};
}

}  // namespace

HealthMonitor::HealthMonitor(QString dataDir, QObject* parent)
    : Service(QStringLiteral("system-management"), QStringLiteral("System management"), parent),
      m_dataDir(std::move(dataDir)) {
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::sample);
}

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::setIntervalMs(int intervalMs) {
    m_timer.setInterval(qMax(1, intervalMs));
}

core::Status HealthMonitor::doStart() {
    if (readProcFile(kProcStat).isEmpty()) {
        return core::Error::make(QStringLiteral("health_unavailable"),
                                 QStringLiteral("Cannot read /proc/stat, so host health cannot be measured. "
                                                "Run the server where /proc is mounted."));
    }
    m_lastCpu.reset();
    m_lastNetwork.reset();
    sample();
    m_timer.start();
    return {};
}

void HealthMonitor::doStop() {
    m_timer.stop();
}

void HealthMonitor::sample() {
    core::model::HealthSnapshot snapshot;
    snapshot.sampledMs = QDateTime::currentMSecsSinceEpoch();
    sampleCpu(snapshot);
    if (const std::optional<MemoryInfo> memory = parseMemoryInfo(readProcFile(kProcMeminfo))) {
        snapshot.memoryTotalBytes = memory->totalBytes;
        snapshot.memoryUsedBytes = memory->totalBytes - memory->availableBytes;
    }
    sampleNetwork(snapshot);
    snapshot.disks = sampleDisks();
    m_snapshot = snapshot;
    emit sampled(m_snapshot);
}

void HealthMonitor::sampleCpu(core::model::HealthSnapshot& snapshot) {
    const QString stat = readProcFile(kProcStat);
    snapshot.cpuCores = countCpuCores(stat);
    if (snapshot.cpuCores == 0) {
        snapshot.cpuCores = QThread::idealThreadCount();
    }
    const std::optional<CpuTimes> now = parseCpuTimes(stat);
    if (!now) {
        qCWarning(lcSystem) << "cannot parse /proc/stat; CPU load reported as 0";
        return;
    }
    // The first sample has no previous reading: the counters since boot give the average load, which
    // is a fair figure until the next tick replaces it.
    snapshot.cpuPercent = cpuPercentBetween(m_lastCpu.value_or(CpuTimes{}), *now);
    m_lastCpu = now;
}

void HealthMonitor::sampleNetwork(core::model::HealthSnapshot& snapshot) {
    const std::optional<NetworkCounters> now = parseNetworkCounters(readProcFile(kProcNetDev));
    if (!now) {
        return;
    }
    if (m_lastNetwork) {
        const qint64 elapsedMs = m_sinceLastNetwork.elapsed();
        snapshot.networkRxBytesPerSec = ratePerSecond(m_lastNetwork->rxBytes, now->rxBytes, elapsedMs);
        snapshot.networkTxBytesPerSec = ratePerSecond(m_lastNetwork->txBytes, now->txBytes, elapsedMs);
    }
    m_lastNetwork = now;
    m_sinceLastNetwork.start();
}

QList<core::model::DiskUsage> HealthMonitor::sampleDisks() const {
    QList<core::model::DiskUsage> disks;
    const QStorageInfo data(m_dataDir);
    if (data.isValid()) {
        disks.append(diskUsageOf(m_dataDir, data));
    }
    // The system volume too when it is another one: a full root stops the server as surely.
    const QStorageInfo root = QStorageInfo::root();
    if (root.isValid() && (!data.isValid() || root.rootPath() != data.rootPath())) {
        disks.append(diskUsageOf(root.rootPath(), root));
    }
    return disks;
}

}  // namespace vigil::server
