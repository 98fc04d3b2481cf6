#include "system/network_log.h"

#include <QDateTime>
#include <QJsonDocument>

#include "accounts/accounts_service.h"
#include "engine/settings_repository.h"
#include "events/event_service.h"
#include "model/json_fields.h"
#include "server_logging.h"

namespace vigil::server {

using core::model::FieldReader;

namespace {

constexpr auto kSettingKey = "syslog.network_log";
const QString kContext = QStringLiteral("network log settings");

// Security log kinds that are warnings on the wire; the rest are information.
bool isWarning(const QString& kind) {
    static const QStringList kWarnings = {QStringLiteral("login_failed"), QStringLiteral("lockout"),
                                          QStringLiteral("address_refused"), QStringLiteral("password_reset_failed")};
    return kWarnings.contains(kind);
}

}  // namespace

QJsonObject NetworkLogSettings::toJson() const {
    return {{QStringLiteral("enabled"), enabled}, {QStringLiteral("host"), host},
            {QStringLiteral("port"), port},       {QStringLiteral("caPem"), caPem},
            {QStringLiteral("security"), security}, {QStringLiteral("events"), events}};
}

core::Result<NetworkLogSettings> NetworkLogSettings::fromRequest(const QJsonObject& json,
                                                                 const NetworkLogSettings& current) {
    FieldReader read(json, kContext, FieldReader::Mode::Request);
    NetworkLogSettings settings = current;
    if (read.has(QStringLiteral("enabled"))) {
        settings.enabled = read.boolean(QStringLiteral("enabled"));
    }
    if (read.has(QStringLiteral("host"))) {
        settings.host = read.string(QStringLiteral("host")).trimmed();
    }
    if (read.has(QStringLiteral("port"))) {
        settings.port = read.smallInteger(QStringLiteral("port"));
    }
    if (read.has(QStringLiteral("caPem"))) {
        settings.caPem = read.string(QStringLiteral("caPem")).trimmed();
    }
    if (read.has(QStringLiteral("security"))) {
        settings.security = read.boolean(QStringLiteral("security"));
    }
    if (read.has(QStringLiteral("events"))) {
        settings.events = read.boolean(QStringLiteral("events"));
    }
    if (read.ok() && (settings.port < 1 || settings.port > 65535)) {
        read.failWith(FieldReader::badRequest(kContext, QStringLiteral("port"), QStringLiteral("must be from 1 to 65535")));
    }
    if (read.ok() && settings.enabled && settings.host.isEmpty()) {
        read.failWith(FieldReader::badRequest(kContext, QStringLiteral("host"),
                                              QStringLiteral("is empty; the network log needs the syslog server's "
                                                             "name or address to be enabled")));
    }
    if (read.ok() && settings.host.contains(QLatin1Char(' '))) {
        read.failWith(FieldReader::badRequest(kContext, QStringLiteral("host"), QStringLiteral("holds a space")));
    }
    if (read.ok() && !settings.caPem.isEmpty() && QSslCertificate::fromData(settings.caPem.toUtf8(), QSsl::Pem).isEmpty()) {
        read.failWith(FieldReader::badRequest(kContext, QStringLiteral("caPem"),
                                              QStringLiteral("holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\")")));
    }
    return core::model::finished(read, settings);
}

NetworkLog::NetworkLog(SettingsRepository& settings, AccountsService& accounts, EventService& events,
                       QString hostName, QObject* parent)
    : Service(QLatin1String(kId), QStringLiteral("Network log (syslog over TLS)"), parent),
      m_store(settings),
      m_forwarder(std::move(hostName)) {
    connect(&accounts, &AccountsService::logged, this, &NetworkLog::forwardEntry);
    connect(&events, &EventService::eventRaised, this, &NetworkLog::forward);
    connect(&m_forwarder, &SyslogForwarder::failed, this, [this](const QString& where, const QString& why) {
        m_lastError = QStringLiteral("%1: %2").arg(where, why);
        m_lastErrorMs = QDateTime::currentMSecsSinceEpoch();
    });
}

core::Status NetworkLog::doStart() {
    auto stored = m_store.value(QLatin1String(kSettingKey));
    if (!stored) {
        return stored.error();
    }
    m_settings = {};
    if (stored.value()) {
        auto parsed = NetworkLogSettings::fromRequest(QJsonDocument::fromJson(stored.value()->toUtf8()).object(), {});
        if (parsed) {
            m_settings = parsed.value();
        } else {
            qCWarning(lcSystem).noquote() << "network log settings unreadable, left off:" << parsed.error().message;
        }
    }
    return {};
}

void NetworkLog::doStop() {}

core::Status NetworkLog::configure(const NetworkLogSettings& settings) {
    const QString text = QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact));
    if (core::Status saved = m_store.setValue(QLatin1String(kSettingKey), text); !saved) {
        return saved;
    }
    m_settings = settings;
    m_lastError.clear();
    m_lastErrorMs = 0;
    return {};
}

QJsonObject NetworkLog::status() const {
    QJsonObject json = m_settings.toJson();
    json.insert(QStringLiteral("sent"), m_forwarder.sent());
    json.insert(QStringLiteral("dropped"), m_forwarder.dropped());
    json.insert(QStringLiteral("lastError"), m_lastError);
    json.insert(QStringLiteral("lastErrorMs"), m_lastErrorMs);
    return json;
}

SyslogForwarder::Destination NetworkLog::destination() const {
    return SyslogForwarder::Destination{m_settings.host, static_cast<quint16>(m_settings.port),
                                        QSslCertificate::fromData(m_settings.caPem.toUtf8(), QSsl::Pem)};
}

bool NetworkLog::sendTest(const QString& userName) {
    if (!active()) {
        return false;
    }
    core::model::Event event;
    event.timeMs = QDateTime::currentMSecsSinceEpoch();
    event.sourceType = QLatin1String(core::model::EventSourceTypes::kServer);
    event.sourceName = QStringLiteral("network-log");
    event.kind = QStringLiteral("network_log_test");
    event.severity = QLatin1String(core::model::EventSeverities::kInfo);
    event.message = QStringLiteral("Vigil network log test, sent by %1").arg(userName);
    m_forwarder.send(destination(), event);
    return true;
}

void NetworkLog::forward(const core::model::Event& event) {
    if (!active() || !m_settings.events) {
        return;
    }
    m_forwarder.send(destination(), event);
}

void NetworkLog::forwardEntry(const core::model::LogEntry& entry) {
    if (!active() || !m_settings.security) {
        return;
    }
    // The security log entry in the forwarder's event form: its kind is the message id.
    core::model::Event event;
    event.id = entry.id;
    event.timeMs = entry.timeMs;
    event.sourceType = QLatin1String(core::model::EventSourceTypes::kUser);
    event.sourceName = entry.userName;
    event.kind = entry.kind;
    event.severity = QLatin1String(isWarning(entry.kind) ? core::model::EventSeverities::kWarning
                                                         : core::model::EventSeverities::kInfo);
    event.message = QStringLiteral("security: %1 by \"%2\" from %3 on \"%4\": %5")
                        .arg(entry.kind, entry.userName, entry.address, entry.target, entry.detail);
    m_forwarder.send(destination(), event);
}

}  // namespace vigil::server
