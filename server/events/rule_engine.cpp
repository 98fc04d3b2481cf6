#include "events/rule_engine.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QUuid>

#include "accounts/accounts_service.h"
#include "accounts/mail_sender.h"
#include "devices/devices_service.h"
#include "events/event_service.h"
#include "events/events_logging.h"
#include "events/syslog_forwarder.h"
#include "media/stream_hub.h"
#include "recording/recording_service.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::model::Event;
using core::model::EventKinds;

namespace {

constexpr int kWindowCheckMs = 250;

// Kinds whose events never concern a channel: a record or pop-up action needs channels of its own.
const QSet<QString>& channelFreeKinds() {
    static const QSet<QString> kKinds = {
        QString::fromLatin1(EventKinds::kStorageProblem), QString::fromLatin1(EventKinds::kLoginFailed),
        QString::fromLatin1(EventKinds::kLockout), QString::fromLatin1(EventKinds::kHealth),
        QString::fromLatin1(EventKinds::kLicence)};
    return kKinds;
}

// Kinds whose source is a user name rather than a channel or device.
const QSet<QString>& userKinds() {
    static const QSet<QString> kKinds = {QString::fromLatin1(EventKinds::kLoginFailed),
                                         QString::fromLatin1(EventKinds::kLockout),
                                         QString::fromLatin1(EventKinds::kManualAlarm)};
    return kKinds;
}

Error invalid(const QString& why) {
    return Error::make(QStringLiteral("rule_never_fires"), why);
}

Error ruleNotFound(const QString& id) {
    return Error::make(QStringLiteral("rule_not_found"),
                       QStringLiteral("There is no rule with the id \"%1\". Reload the list; it may have been deleted.")
                           .arg(id));
}

QString describe(const Event& event) {
    return QStringLiteral("%1\n\nWhat: %2 (%3)\nWhere: %4\nWhen: %5 UTC\nEvent id: %6\n")
        .arg(event.message, event.kind, event.severity, event.sourceName,
             QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODateWithMs))
        .arg(event.id);
}

}  // namespace

RuleEngine::RuleEngine(core::store::Database& db, EventService& events, DevicesService& devices,
                       AccountsService& accounts, RecordingService& recording, StreamHub& hub,
                       const core::Clock& clock, const QString& serverName, QObject* parent)
    : QObject(parent),
      m_events(events),
      m_devices(devices),
      m_accounts(accounts),
      m_recording(recording),
      m_hub(hub),
      m_clock(clock),
      m_repository(db),
      m_mail(new MailSender(this)),
      m_syslog(new SyslogForwarder(serverName, this)) {
    m_events.setInspector([this](Event& event) { inspect(event); });
    m_windowTimer.setInterval(kWindowCheckMs);
    connect(&m_windowTimer, &QTimer::timeout, this, &RuleEngine::closeWindows);
    connect(&events, &Service::stateChanged, this, [this](const QString&, ServiceState state) {
        if (state == ServiceState::Running) {
            if (Status loaded = reload(); !loaded) {
                qCWarning(lcEvents).noquote() << "cannot read the rules:" << loaded.error().message;
            }
        }
    });
    // Rules without their own channels record the cameras they see: new cameras get the history too.
    connect(&devices, &DevicesService::deviceRemoved, this, &RuleEngine::applyHistory);
    connect(&devices, &DevicesService::deviceChanged, this, [this](const core::model::Device& device) {
        for (const core::model::Channel& channel : device.channels) {
            if (!m_knownChannels.contains(channel.id)) {
                m_knownChannels.insert(channel.id);
                applyHistory();
            }
        }
    });
    connect(m_syslog, &SyslogForwarder::failed, this, [this](const QString&, const QString&) { ++m_stats.failures; });
}

RuleEngine::~RuleEngine() {
    m_events.setInspector({});
}

Status RuleEngine::reload() {
    auto stored = m_repository.all();
    if (!stored) {
        return stored.error();
    }
    m_rules.clear();
    for (const EventRule& rule : stored.value()) {
        if (rule.enabled) {
            m_rules.append(rule);
        }
    }
    applyHistory();
    return {};
}

void RuleEngine::applyHistory() {
    // The streams a record action may start on, with the longest pre-event time asked of each.
    QHash<QString, qint64> wanted;
    QStringList allChannels;
    if (auto devices = m_devices.devices()) {
        for (const core::model::Device& device : devices.value()) {
            for (const core::model::Channel& channel : device.channels) {
                allChannels.append(channel.id);
            }
        }
    }
    for (const EventRule& rule : std::as_const(m_rules)) {
        for (const RuleAction& action : rule.actions) {
            if (action.type != QLatin1String(RuleAction::kRecord) || action.preEventMs <= 0) {
                continue;
            }
            const QStringList channels = !action.channelIds.isEmpty() ? action.channelIds
                                         : !rule.sourceIds.isEmpty()  ? rule.sourceIds
                                                                      : allChannels;
            for (const QString& channel : channels) {
                const QString key = channel + QLatin1Char('/') + action.stream;
                wanted.insert(key, std::max(wanted.value(key), action.preEventMs));
            }
        }
    }
    for (auto it = m_history.cbegin(); it != m_history.cend(); ++it) {
        if (!wanted.contains(it.key())) {
            m_hub.setHistory(it.key(), 0);
        }
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (m_history.value(it.key()) != it.value()) {
            m_hub.setHistory(it.key(), it.value());
        }
    }
    m_history = wanted;
}

Result<QList<EventRule>> RuleEngine::rules() const {
    return m_repository.all();
}

Result<EventRule> RuleEngine::rule(const QString& id) const {
    auto found = m_repository.find(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return ruleNotFound(id);
    }
    return *found.value();
}

Result<EventRule> RuleEngine::create(EventRule rule, const QString& byUser) {
    if (Status valid = validate(rule); !valid) {
        return valid.error();
    }
    auto taken = m_repository.nameTaken(rule.name, QString());
    if (!taken) {
        return taken.error();
    }
    if (taken.value()) {
        return Error::make(QStringLiteral("rule_name_taken"),
                           QStringLiteral("A rule named \"%1\" exists already. Choose another name.").arg(rule.name));
    }
    rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    rule.createdMs = rule.updatedMs = m_clock.nowMs();
    if (Status saved = m_repository.insert(rule); !saved) {
        return saved.error();
    }
    if (Status loaded = reload(); !loaded) {
        return loaded.error();
    }
    return announce(QStringLiteral("created"), this->rule(rule.id), byUser);
}

Result<EventRule> RuleEngine::update(const QString& id, EventRule rule, const QString& byUser) {
    auto current = this->rule(id);
    if (!current) {
        return current.error();
    }
    if (Status valid = validate(rule); !valid) {
        return valid.error();
    }
    auto taken = m_repository.nameTaken(rule.name, id);
    if (!taken) {
        return taken.error();
    }
    if (taken.value()) {
        return Error::make(QStringLiteral("rule_name_taken"),
                           QStringLiteral("A rule named \"%1\" exists already. Choose another name.").arg(rule.name));
    }
    rule.id = id;
    rule.createdMs = current->createdMs;
    rule.updatedMs = m_clock.nowMs();
    if (Status saved = m_repository.update(rule); !saved) {
        return saved.error();
    }
    if (Status loaded = reload(); !loaded) {
        return loaded.error();
    }
    return announce(QStringLiteral("changed"), this->rule(id), byUser);
}

Result<EventRule> RuleEngine::announce(const QString& change, Result<EventRule> saved, const QString& byUser) {
    if (saved) {
        emit ruleChanged(change, saved->id, saved->toJson(), byUser);
    }
    return saved;
}

Status RuleEngine::remove(const QString& id, const QString& byUser) {
    if (Status removed = m_repository.remove(id); !removed) {
        return removed;
    }
    // Gone from the store: the workstations drop it even if reading the rules back fails.
    emit ruleChanged(QStringLiteral("deleted"), id, {}, byUser);
    return reload();
}

Status RuleEngine::validate(const EventRule& rule) const {
    auto devices = m_devices.devices();
    if (!devices) {
        return devices.error();
    }
    QSet<QString> channels;
    QSet<QString> ptzChannels;
    QSet<QString> deviceIds;
    for (const core::model::Device& device : devices.value()) {
        deviceIds.insert(device.id);
        for (const core::model::Channel& channel : device.channels) {
            channels.insert(channel.id);
            if (channel.ptz) {
                ptzChannels.insert(channel.id);
            }
        }
    }
    const bool userSources = rule.kinds.isEmpty() || std::any_of(rule.kinds.cbegin(), rule.kinds.cend(), [](const QString& k) {
                                 return userKinds().contains(k);
                             });
    for (const QString& source : rule.sourceIds) {
        if (!channels.contains(source) && !deviceIds.contains(source) && !userSources) {
            return invalid(QStringLiteral("The rule can never fire: its filter names the source \"%1\", which is no "
                                          "camera or device here. Pick sources from the device list.")
                               .arg(source));
        }
    }
    const bool onlyChannelFree = !rule.kinds.isEmpty() && std::all_of(rule.kinds.cbegin(), rule.kinds.cend(), [](const QString& k) {
                                     return channelFreeKinds().contains(k);
                                 });
    if (onlyChannelFree && !rule.sourceIds.isEmpty() &&
        std::all_of(rule.sourceIds.cbegin(), rule.sourceIds.cend(),
                    [&channels](const QString& s) { return channels.contains(s); })) {
        return invalid(QStringLiteral("The rule can never fire: it takes only %1 events, which never come from a "
                                      "camera, but its filter names only cameras.")
                           .arg(rule.kinds.join(u", ")));
    }
    for (const RuleAction& action : rule.actions) {
        for (const QString& channel : action.channelIds) {
            if (!channels.contains(channel)) {
                return invalid(QStringLiteral("The %1 action names the channel \"%2\", which does not exist. Pick "
                                              "cameras from the device list.")
                                   .arg(action.type, channel));
            }
        }
        const bool needsChannel = action.type == QLatin1String(RuleAction::kRecord) ||
                                  action.type == QLatin1String(RuleAction::kPopup);
        if (needsChannel && action.channelIds.isEmpty() && onlyChannelFree) {
            return invalid(QStringLiteral("The %1 action can never act: it uses the event's camera, but %2 events "
                                          "have none. Name the cameras in the action.")
                               .arg(action.type, rule.kinds.join(u", ")));
        }
        if (action.type == QLatin1String(RuleAction::kPtz) && !ptzChannels.contains(action.channelId)) {
            return invalid(QStringLiteral("The PTZ action names \"%1\", which is no PTZ camera here. Pick a camera "
                                          "that can move.")
                               .arg(action.channelId));
        }
        if (action.type == QLatin1String(RuleAction::kEmail) && m_accounts.smtpSettings().host.isEmpty()) {
            return invalid(QStringLiteral("The e-mail action cannot send: no mail server is set. Set one in the "
                                          "server's e-mail settings first."));
        }
    }
    return {};
}

void RuleEngine::inspect(Event& event) {
    for (const EventRule& rule : std::as_const(m_rules)) {
        if (!rule.matches(event) || !rule.inSchedule(event.timeMs)) {
            continue;
        }
        ++m_stats.matched;
        if (rule.debounceMs > 0) {
            const QString key = rule.id + QLatin1Char('|') + event.sourceId;
            auto window = m_windows.find(key);
            if (window != m_windows.end() && event.timeMs < window->untilMs) {
                ++m_stats.debounced;
                if (window->count++ == 0) {
                    window->firstMs = event.timeMs;
                }
                window->lastMs = event.timeMs;
                continue;
            }
            m_windows.insert(key, Window{event.timeMs + rule.debounceMs, 0, 0, 0, event.sourceName, event.channelId});
            if (!m_windowTimer.isActive()) {
                m_windowTimer.start();
            }
        }
        // The alarm is part of the event itself: stored and announced as one.
        for (const RuleAction& action : rule.actions) {
            if (action.type == QLatin1String(RuleAction::kAlarm) && !event.isAlarm()) {
                event.alarmState = QString::fromLatin1(core::model::AlarmStates::kNew);
                event.ruleId = rule.id;
                if (!action.severity.isEmpty()) {
                    event.severity = action.severity;
                }
                event.trail.append(core::model::AlarmStep{event.timeMs, QString(),
                                                          QString::fromLatin1(core::model::AlarmStep::kRaised),
                                                          QStringLiteral("rule \"%1\"").arg(rule.name)});
            }
        }
        // The rest after the event is announced.
        QMetaObject::invokeMethod(this, [this, rule, event] { run(rule, event); }, Qt::QueuedConnection);
    }
}

void RuleEngine::run(const EventRule& rule, const Event& event) {
    for (const RuleAction& action : rule.actions) {
        if (action.type != QLatin1String(RuleAction::kAlarm)) {
            ++m_stats.actions;
            runAction(rule, action, event);
        }
    }
}

void RuleEngine::runAction(const EventRule& rule, const RuleAction& action, const Event& event) {
    const QStringList channels =
        action.channelIds.isEmpty() && !event.channelId.isEmpty() ? QStringList{event.channelId} : action.channelIds;
    if (action.type == QLatin1String(RuleAction::kRecord)) {
        for (const QString& channel : channels) {
            if (Status recording = m_recording.recordUntil(channel, action.stream, event.timeMs - action.preEventMs,
                                                           event.timeMs + action.postEventMs);
                !recording) {
                fail(rule, action, recording.error().message);
            }
        }
    } else if (action.type == QLatin1String(RuleAction::kPopup)) {
        for (const QString& channel : channels) {
            emit popup(event, channel, action.userNames);
        }
    } else if (action.type == QLatin1String(RuleAction::kSound)) {
        emit sound(event, action.sound, action.userNames);
    } else if (action.type == QLatin1String(RuleAction::kEmail)) {
        sendMail(rule, action, event);
    } else if (action.type == QLatin1String(RuleAction::kSyslog)) {
        SyslogForwarder::Destination destination{action.host, static_cast<quint16>(action.port), {}};
        if (!action.caCertificate.isEmpty()) {
            destination.extraCa = QSslCertificate::fromData(action.caCertificate.toUtf8(), QSsl::Pem);
        }
        m_syslog->send(destination, event);
    } else if (action.type == QLatin1String(RuleAction::kPtz)) {
        if (Status moved = m_devices.ptzGotoPreset(action.channelId, action.presetToken); !moved) {
            fail(rule, action, moved.error().message);
        }
    }
}

void RuleEngine::sendMail(const EventRule& rule, const RuleAction& action, const Event& event) {
    core::net::MailMessage message;
    message.to = action.to;
    message.subject = action.subject.isEmpty()
                          ? QStringLiteral("[Vigil] %1: %2").arg(event.severity, event.message.left(200))
                          : action.subject;
    message.body = describe(event) + QStringLiteral("\nRule: %1\n").arg(rule.name);
    const QString ruleId = rule.id;
    const Status started = m_mail->send(m_accounts.smtpSettings(), message, [this, ruleId](const Status& status) {
        if (!status) {
            ++m_stats.failures;
            qCWarning(lcEvents).noquote() << "rule" << ruleId << "e-mail failed:" << status.error().message;
            emit actionFailed(ruleId, QString::fromLatin1(RuleAction::kEmail), status.error().message);
        }
    });
    if (!started) {
        fail(rule, action, started.error().message);
    }
}

void RuleEngine::fail(const EventRule& rule, const RuleAction& action, const QString& message) {
    ++m_stats.failures;
    qCWarning(lcEvents).noquote() << "rule" << rule.name << action.type << "failed:" << message;
    emit actionFailed(rule.id, action.type, message);
}

void RuleEngine::closeWindows() {
    const qint64 now = m_clock.nowMs();
    QList<Event> summaries;
    for (auto window = m_windows.begin(); window != m_windows.end();) {
        if (window->untilMs > now) {
            ++window;
            continue;
        }
        if (window->count > 0) {
            const QString ruleId = window.key().section(QLatin1Char('|'), 0, 0);
            Event summary;
            summary.sourceType = QString::fromLatin1(window->channelId.isEmpty() ? core::model::EventSourceTypes::kServer
                                                                                 : core::model::EventSourceTypes::kChannel);
            summary.sourceId = window.key().section(QLatin1Char('|'), 1);
            summary.sourceName = window->sourceName;
            summary.channelId = window->channelId;
            summary.kind = QString::fromLatin1(EventKinds::kAggregated);
            summary.severity = QString::fromLatin1(core::model::EventSeverities::kInfo);
            summary.message = QStringLiteral("%1 more events from %2 while the rule waited").arg(window->count).arg(window->sourceName);
            summary.details = QJsonObject{{QStringLiteral("ruleId"), ruleId},
                                          {QStringLiteral("count"), window->count},
                                          {QStringLiteral("firstMs"), window->firstMs},
                                          {QStringLiteral("lastMs"), window->lastMs}};
            summaries.append(summary);
        }
        window = m_windows.erase(window);
    }
    if (m_windows.isEmpty()) {
        m_windowTimer.stop();
    }
    for (const Event& summary : std::as_const(summaries)) {
        m_events.raise(summary);
    }
}

}  // namespace vigil::server
