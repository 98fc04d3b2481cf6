#pragma once
// TimeService: the "time" service (SEC-1.5). Checks the platform's clock against the configured NTP
// servers every interval (core/net/sntp_client.h: SNTP over UDP), first answer wins, and keeps the
// status the API, the audit and the workstation show: synchronised or not, offset, delay, stratum,
// which server answered and when. It measures; the host's own time service sets the clock.
//
// When the offset grows beyond the limit or no server answers, it raises a time_sync event (warning),
// once per change of condition; when the clock is back in bounds, an info event says so.
// The configured servers are also what cameras are told to use (devcheck pushes them over ONVIF).

#include <QObject>
#include <QTimer>
#include <functional>

#include "common/clock.h"
#include "engine/service.h"
#include "model/event_model.h"
#include "model/time_model.h"
#include "net/sntp_client.h"

namespace vigil::server {

class SettingsRepository;

class TimeService : public Service {
    Q_OBJECT
public:
    static constexpr int kQueryTimeoutMs = 2000;  // per server; bounds a silent one

    TimeService(SettingsRepository& settings, const core::Clock& clock, QObject* parent = nullptr);
    ~TimeService() override;

    core::model::TimeStatus status() const { return m_status; }
    // The servers people configured, in order: what cameras should use too.
    QList<core::net::NtpServerAddress> servers() const { return m_status.settings.servers; }

    // Stores the settings and checks at once with them.
    core::Status configure(const core::model::TimeSettings& settings);
    // Starts a check now unless one runs; the result arrives through statusChanged().
    void checkNow();
    bool checking() const { return m_next >= 0; }

    // Where the time_sync events go (the event service); unset: nowhere.
    void setEventSink(std::function<void(core::model::Event)> sink) { m_eventSink = std::move(sink); }

signals:
    void statusChanged(const vigil::core::model::TimeStatus& status);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    enum class Condition { Unknown, InSync, OffsetTooLarge, NoAnswer };

    core::Result<core::model::TimeSettings> loadSettings() const;
    void askNext();
    void answered(const core::net::NtpServerAddress& server, const core::net::SntpSample& sample);
    void noServerAnswered();
    void conclude(Condition condition);
    void raise(Condition condition);

    SettingsRepository& m_settings;
    const core::Clock& m_clock;
    core::net::SntpClient m_client;
    QTimer m_timer;
    core::model::TimeStatus m_status;
    int m_next = -1;             // the server asked now, -1 when no check runs
    QStringList m_failures;      // why each server of this check failed
    Condition m_condition = Condition::Unknown;
    std::function<void(core::model::Event)> m_eventSink;
};

}  // namespace vigil::server
