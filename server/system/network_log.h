#pragma once
// NetworkLog: the "network-log" service (SEC-3.1). Forwards the security log (every entry: logins,
// failures, lockouts, permission and configuration changes, exports...) and the system's events
// (devices, recording, health, time, certificates, alarms...) to a remote syslog server as RFC 5424
// messages over TLS with RFC 5425 framing, through the events' SyslogForwarder (one connection kept
// open, a bounded queue while it reconnects). The server's certificate must verify against the
// system's CAs or the CA given here. Off until configured.
//
// Settings (API shape, stored as JSON in "syslog.network_log"): {enabled, host, port (6514),
// caPem, security, events}.

#include <QJsonObject>
#include <QSslCertificate>
#include <QString>

#include "common/result.h"
#include "engine/service.h"
#include "events/syslog_forwarder.h"
#include "model/account_model.h"
#include "model/event_model.h"

namespace vigil::server {

class AccountsService;
class EventService;
class SettingsRepository;

struct NetworkLogSettings {
    bool enabled = false;
    QString host;
    int port = 6514;  // RFC 5425
    QString caPem;    // extra CA (PEM) for a server with a private CA; "" for the system's
    bool security = true;  // forward the security log
    bool events = true;    // forward the events

    QJsonObject toJson() const;
    // A PUT body over `current`: fields left out keep their value; checked whole.
    static core::Result<NetworkLogSettings> fromRequest(const QJsonObject& json, const NetworkLogSettings& current);
};

class NetworkLog : public Service {
    Q_OBJECT
public:
    static constexpr auto kId = "network-log";

    NetworkLog(SettingsRepository& settings, AccountsService& accounts, EventService& events, QString hostName,
               QObject* parent = nullptr);

    NetworkLogSettings settings() const { return m_settings; }
    core::Status configure(const NetworkLogSettings& settings);
    // {settings..., sent, dropped, lastError, lastErrorMs}: what the API and the audit show.
    QJsonObject status() const;
    // A test message through the forwarder; false when the network log is off.
    bool sendTest(const QString& userName);

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    bool active() const { return state() == ServiceState::Running && m_settings.enabled; }
    SyslogForwarder::Destination destination() const;
    void forward(const core::model::Event& event);
    void forwardEntry(const core::model::LogEntry& entry);

    SettingsRepository& m_store;
    NetworkLogSettings m_settings;
    SyslogForwarder m_forwarder;
    QString m_lastError;
    qint64 m_lastErrorMs = 0;
};

}  // namespace vigil::server
