#pragma once
// DeviceSecurity: each running device's security posture and its fixes (issue 8, the device checks;
// SEC-1.2, 1.4, 1.5, 1.6, 1.10, 3.2). Reads a device's report through its driver
// (DeviceDriver::securityInfo) on its own small worker pool, judges it (device_findings.h: the same
// PasswordPolicy as the platform's accounts), and keeps the last reading per device for the API and
// the audit engine: GET answers at once with what it has and starts a new reading when that is
// older than kFreshMs or asked to.
//
// Fixes go through the driver too, one at a time per device, each recorded in the security log
// (who, from where, which device, what changed; never a password):
//  - set_password {password, user?}: checked with PasswordPolicy first; on the device through
//    ONVIF SetUser, then the device's stored credentials, so recording goes on with the new one;
//  - set_ntp {servers?}: the platform's time servers (the time service) or the ones given;
//  - discovery_off, http_off, delete_user {user}.
// After a fix the posture is read again, so the answer shows what the device now says.
//
// Threads: the engine's, like the devices service; driver calls on the pool, results queued back.

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>

#include "common/clock.h"
#include "common/result.h"
#include "devices/device_driver.h"
#include "devices/device_findings.h"

namespace vigil::server {

class DevicesService;

class DeviceSecurity : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kFreshMs = 5 * 60 * 1000;
    static constexpr int kWorkerThreads = 2;

    // Who asked for a fix, for the security log.
    struct Requester {
        QString userName;
        QString address;
    };
    using AuditSink = std::function<void(const Requester& who, const QString& target, const QString& detail)>;
    using TimeServers = std::function<QStringList()>;

    DeviceSecurity(DevicesService& devices, const core::Clock& clock, QObject* parent = nullptr);
    ~DeviceSecurity() override;

    void setAuditSink(AuditSink sink) { m_audit = std::move(sink); }
    // The platform's time source (host names or addresses), what set_ntp pushes by default.
    void setTimeServers(TimeServers servers) { m_timeServers = std::move(servers); }

    // {deviceId, state: "" | reading | ready | failed, readMs, error, message, posture, findings,
    //  fix: {id, state: running | done | failed, message, atMs}}. Starts a reading when the last one
    // is older than kFreshMs, or when `refresh`.
    core::Result<QJsonObject> posture(const QString& deviceId, bool refresh);
    // The findings of the last reading (empty when none succeeded yet): what the audit checks use.
    QList<DeviceFinding> findings(const QString& deviceId) const;
    // Starts a fix; its end shows in posture() and in fixDone().
    core::Status applyFix(const QString& deviceId, const QJsonObject& request, const Requester& who);

    static QStringList fixIds();

signals:
    void postureRead(const QString& deviceId);
    void fixDone(const QString& deviceId, const QString& fix, bool ok, const QString& message);

private:
    struct Entry {
        QString state;
        qint64 readMs = 0;
        QString error;
        QString message;
        std::optional<core::devices::DeviceSecurityInfo> info;
        DeviceFindingContext context;
        QJsonObject fix;
        bool fixing = false;
        // Each reading's number: a fix starts a new reading while an older one may still run, and the
        // older one's answer (from before the fix) must not land after the newer one's.
        quint64 reading = 0;
    };

    void read(const QString& deviceId);
    void finishFix(const QString& deviceId, const QString& fix, const core::Status& result, const Requester& who,
                   const QString& what);
    QJsonObject toJson(const QString& deviceId, const Entry& entry) const;
    static QJsonObject postureJson(const core::devices::DeviceSecurityInfo& info, const DeviceFindingContext& context);
    // Runs `call` with a new driver of the device's kind on the pool; `done` back on our thread.
    template <typename T>
    void run(const core::devices::DeviceAddress& address,
             std::function<core::Result<T>(core::devices::DeviceDriver&, const core::devices::Cancellation&)> call,
             std::function<void(const core::Result<T>&)> done);

    DevicesService& m_devices;
    const core::Clock& m_clock;
    AuditSink m_audit;
    TimeServers m_timeServers;
    QHash<QString, Entry> m_entries;  // by device id
    std::shared_ptr<core::devices::Cancellation> m_cancel;
    QThreadPool m_pool;
};

}  // namespace vigil::server
