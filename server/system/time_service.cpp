#include "system/time_service.h"

#include <cmath>

#include "engine/settings_repository.h"
#include "server_logging.h"

namespace vigil::server {

using core::model::EventKinds;
using core::model::EventSeverities;
using core::model::TimeSettings;
using core::net::NtpServerAddress;

namespace {

constexpr auto kSettingServers = "time.ntp.servers";
constexpr auto kSettingMaxOffset = "time.ntp.max_offset_ms";
constexpr auto kSettingInterval = "time.ntp.interval_s";

QString latin(const char* text) {
    return QString::fromLatin1(text);
}

QString conditionName(int condition) {
    static const char* const kNames[] = {"unknown", "synchronised", "offset", "no_answer"};
    return latin(kNames[condition]);
}

}  // namespace

TimeService::TimeService(SettingsRepository& settings, const core::Clock& clock, QObject* parent)
    : Service(QStringLiteral("time"), QStringLiteral("Time synchronisation"), parent),
      m_settings(settings),
      m_clock(clock),
      m_client(clock) {
    connect(&m_timer, &QTimer::timeout, this, &TimeService::checkNow);
}

TimeService::~TimeService() = default;

core::Result<TimeSettings> TimeService::loadSettings() const {
    TimeSettings settings;
    auto servers = m_settings.value(latin(kSettingServers));
    if (!servers) {
        return servers.error();
    }
    if (servers.value()) {
        for (const QString& text : servers.value()->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (auto server = NtpServerAddress::parse(text)) {
                settings.servers.append(server.value());
            }
        }
    }
    auto maxOffset = m_settings.integer(latin(kSettingMaxOffset));
    if (!maxOffset) {
        return maxOffset.error();
    }
    if (maxOffset.value()) {
        settings.maxOffsetMs = *maxOffset.value();
    }
    auto interval = m_settings.integer(latin(kSettingInterval));
    if (!interval) {
        return interval.error();
    }
    if (interval.value()) {
        settings.intervalS = static_cast<int>(*interval.value());
    }
    return settings;
}

core::Status TimeService::doStart() {
    auto settings = loadSettings();
    if (!settings) {
        return settings.error();
    }
    m_status = {};
    m_status.settings = settings.value();
    m_condition = Condition::Unknown;
    m_status.problem = m_status.settings.servers.isEmpty()
                           ? QStringLiteral("No time server is configured. Add one (an NTP server of this "
                                            "network, or a public one) so the platform can check its clock.")
                           : QStringLiteral("Not checked yet.");
    m_timer.start(m_status.settings.intervalS * 1000);
    QTimer::singleShot(0, this, &TimeService::checkNow);
    return {};
}

void TimeService::doStop() {
    m_timer.stop();
    m_next = -1;
    m_client.cancel();
}

core::Status TimeService::configure(const TimeSettings& settings) {
    QStringList servers;
    for (const NtpServerAddress& server : settings.servers) {
        servers.append(server.toString());
    }
    if (core::Status saved = m_settings.setValue(latin(kSettingServers), servers.join(QLatin1Char(','))); !saved) {
        return saved;
    }
    if (core::Status saved = m_settings.setValue(latin(kSettingMaxOffset), QString::number(settings.maxOffsetMs));
        !saved) {
        return saved;
    }
    if (core::Status saved = m_settings.setValue(latin(kSettingInterval), QString::number(settings.intervalS));
        !saved) {
        return saved;
    }
    m_status.settings = settings;
    if (state() == ServiceState::Running) {
        m_timer.start(settings.intervalS * 1000);
        m_next = -1;  // a check with the old servers is dropped
        m_client.cancel();
        checkNow();
    }
    return {};
}

void TimeService::checkNow() {
    if (state() != ServiceState::Running || checking()) {
        return;
    }
    m_failures.clear();
    if (m_status.settings.servers.isEmpty()) {
        m_status.lastCheckMs = m_clock.nowMs();
        m_status.synchronised = false;
        m_status.problem = QStringLiteral("No time server is configured. Add one (an NTP server of this network, "
                                          "or a public one) so the platform can check its clock.");
        emit statusChanged(m_status);
        return;
    }
    m_next = 0;
    askNext();
}

void TimeService::askNext() {
    if (m_next < 0) {
        return;
    }
    if (m_next >= m_status.settings.servers.size()) {
        noServerAnswered();
        return;
    }
    const NtpServerAddress server = m_status.settings.servers.at(m_next);
    m_client.query(server, kQueryTimeoutMs, [this, server](const core::Result<core::net::SntpSample>& result) {
        if (result) {
            answered(server, result.value());
            return;
        }
        m_failures.append(result.error().message);
        ++m_next;
        askNext();
    });
}

void TimeService::answered(const NtpServerAddress& server, const core::net::SntpSample& sample) {
    m_next = -1;
    m_status.lastCheckMs = m_clock.nowMs();
    m_status.lastAnswerMs = m_status.lastCheckMs;
    m_status.server = server.toString();
    m_status.offsetMs = sample.offsetMs;
    m_status.delayMs = sample.delayMs;
    m_status.stratum = sample.stratum;
    const bool within = std::abs(sample.offsetMs) <= static_cast<double>(m_status.settings.maxOffsetMs);
    m_status.synchronised = within;
    m_status.problem =
        within ? QString()
               : QStringLiteral("The platform's clock is %1 ms %2 the time server %3, more than the %4 ms allowed. "
                                "Check the host's time service (chrony, systemd-timesyncd) and that it uses this "
                                "server.")
                     .arg(qRound64(std::abs(sample.offsetMs)))
                     .arg(sample.offsetMs > 0 ? QStringLiteral("behind") : QStringLiteral("ahead of"))
                     .arg(m_status.server)
                     .arg(m_status.settings.maxOffsetMs);
    conclude(within ? Condition::InSync : Condition::OffsetTooLarge);
}

void TimeService::noServerAnswered() {
    m_next = -1;
    m_status.lastCheckMs = m_clock.nowMs();
    m_status.synchronised = false;
    m_status.problem = QStringLiteral("No time server answered: %1").arg(m_failures.join(QLatin1Char(' ')));
    conclude(Condition::NoAnswer);
}

void TimeService::conclude(Condition condition) {
    const Condition before = m_condition;
    m_condition = condition;
    // News only: a first check that finds the clock right is not an event, and neither is a repeat.
    if (condition != before && !(condition == Condition::InSync && before == Condition::Unknown)) {
        raise(condition);
    }
    qCInfo(lcSystem).noquote() << "time check:" << conditionName(static_cast<int>(condition))
                               << (m_status.offsetMs ? QString::number(*m_status.offsetMs, 'f', 1) : QString())
                               << m_status.problem;
    emit statusChanged(m_status);
}

void TimeService::raise(Condition condition) {
    if (!m_eventSink) {
        return;
    }
    core::model::Event event;
    event.sourceType = latin(core::model::EventSourceTypes::kServer);
    event.sourceName = QStringLiteral("time");
    event.kind = latin(EventKinds::kTimeSync);
    const bool good = condition == Condition::InSync;
    event.severity = latin(good ? EventSeverities::kInfo : EventSeverities::kWarning);
    event.message = good ? QStringLiteral("The platform's clock agrees with the time server %1 again (offset %2 ms).")
                               .arg(m_status.server)
                               .arg(qRound64(m_status.offsetMs.value_or(0)))
                         : m_status.problem;
    QJsonObject details{{QStringLiteral("timeKind"), conditionName(static_cast<int>(condition))},
                        {QStringLiteral("server"), m_status.server}};
    if (condition != Condition::NoAnswer && m_status.offsetMs) {
        details.insert(QStringLiteral("offsetMs"), *m_status.offsetMs);
    }
    event.details = details;
    m_eventSink(event);
}

}  // namespace vigil::server
