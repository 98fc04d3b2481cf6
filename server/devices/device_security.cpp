#include "devices/device_security.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include "devices/devices_logging.h"
#include "devices/devices_service.h"
#include "model/device_model.h"
#include "security/password_policy.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::devices::Cancellation;
using core::devices::DeviceAddress;
using core::devices::DeviceDriver;
using core::devices::DeviceSecurityInfo;

namespace {

const QString kSetPassword = QStringLiteral("set_password");
const QString kSetNtp = QStringLiteral("set_ntp");
const QString kDiscoveryOff = QStringLiteral("discovery_off");
const QString kHttpOff = QStringLiteral("http_off");
const QString kDeleteUser = QStringLiteral("delete_user");

Error badFix(const QString& message) {
    return Error::make(QStringLiteral("bad_request"), message);
}

// The fix request's fields: strings only, and only those this fix takes.
Result<QHash<QString, QJsonValue>> fixFields(const QJsonObject& request, const QStringList& allowed) {
    QHash<QString, QJsonValue> fields;
    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() == QStringLiteral("fix")) {
            continue;
        }
        if (!allowed.contains(it.key())) {
            return badFix(QStringLiteral("The fix \"%1\" takes no field \"%2\"%3.")
                              .arg(request.value(QStringLiteral("fix")).toString(), it.key(),
                                   allowed.isEmpty() ? QString()
                                                     : QStringLiteral(" (it takes %1)").arg(allowed.join(QStringLiteral(", ")))));
        }
        fields.insert(it.key(), it.value());
    }
    return fields;
}

}  // namespace

DeviceSecurity::DeviceSecurity(DevicesService& devices, const core::Clock& clock, QObject* parent)
    : QObject(parent), m_devices(devices), m_clock(clock), m_cancel(std::make_shared<Cancellation>()) {
    m_pool.setMaxThreadCount(kWorkerThreads);
    connect(&m_devices, &DevicesService::deviceRemoved, this,
            [this](const QString& deviceId, const QStringList&) { m_entries.remove(deviceId); });
}

DeviceSecurity::~DeviceSecurity() {
    m_cancel->cancel();
    m_pool.waitForDone();
}

QStringList DeviceSecurity::fixIds() {
    return {kSetPassword, kSetNtp, kDiscoveryOff, kHttpOff, kDeleteUser};
}

template <typename T>
void DeviceSecurity::run(const DeviceAddress& address,
                         std::function<Result<T>(DeviceDriver&, const Cancellation&)> call,
                         std::function<void(const Result<T>&)> done) {
    const core::devices::DriverRegistry* registry = &m_devices.drivers();
    const std::shared_ptr<Cancellation> cancel = m_cancel;
    // The destructor waits for the pool, so `this` outlives every task.
    m_pool.start([this, registry, address, cancel, call, done] {
        std::unique_ptr<DeviceDriver> driver = registry->create(address.driver);
        Result<T> result = driver ? call(*driver, *cancel)
                                  : Result<T>(Error::make(QStringLiteral("unknown_driver"),
                                                          QStringLiteral("No driver \"%1\" is installed.").arg(address.driver)));
        QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

Result<QJsonObject> DeviceSecurity::posture(const QString& deviceId, bool refresh) {
    Result<DeviceAddress> address = m_devices.driverAddress(deviceId);
    if (!address) {
        return address.error();
    }
    Entry& entry = m_entries[deviceId];
    if (entry.state != QStringLiteral("reading") &&
        (refresh || entry.state.isEmpty() || m_clock.nowMs() - entry.readMs > kFreshMs)) {
        read(deviceId);
    }
    return toJson(deviceId, m_entries.value(deviceId));
}

QList<DeviceFinding> DeviceSecurity::findings(const QString& deviceId) const {
    const auto found = m_entries.constFind(deviceId);
    if (found == m_entries.cend() || !found->info) {
        return {};
    }
    return DeviceFindings::all(*found->info, found->context);
}

void DeviceSecurity::read(const QString& deviceId) {
    Result<DeviceAddress> address = m_devices.driverAddress(deviceId);
    if (!address) {
        return;
    }
    Entry& entry = m_entries[deviceId];
    entry.state = QStringLiteral("reading");
    const quint64 reading = ++entry.reading;
    const DeviceFindingContext context{address->user, address->password, address->address};
    run<DeviceSecurityInfo>(
        *address,
        [address = *address](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.securityInfo(address, cancel);
        },
        [this, deviceId, context, reading](const Result<DeviceSecurityInfo>& result) {
            const auto found = m_entries.find(deviceId);
            if (found == m_entries.end()) {
                return;  // removed meanwhile
            }
            if (found->reading != reading) {
                return;  // a newer reading runs (started by a fix): this answer may predate the change
            }
            found->readMs = m_clock.nowMs();
            if (result) {
                found->state = QStringLiteral("ready");
                found->info = result.value();
                found->context = context;
                found->error.clear();
                found->message.clear();
            } else {
                found->state = QStringLiteral("failed");
                found->error = result.error().code;
                found->message = result.error().message;
            }
            emit postureRead(deviceId);
        });
}

Status DeviceSecurity::applyFix(const QString& deviceId, const QJsonObject& request, const Requester& who) {
    Result<DeviceAddress> found = m_devices.driverAddress(deviceId);
    if (!found) {
        return found.error();
    }
    const DeviceAddress address = found.value();
    const QString fix = request.value(QStringLiteral("fix")).toString();
    if (!fixIds().contains(fix)) {
        return badFix(QStringLiteral("\"fix\" must be one of %1.").arg(fixIds().join(QStringLiteral(", "))));
    }
    Entry& entry = m_entries[deviceId];
    if (entry.fixing) {
        return Error::make(QStringLiteral("fix_running"),
                           QStringLiteral("A fix is still running on this device; wait for it to finish."));
    }
    std::function<Status(DeviceDriver&, const Cancellation&)> call;
    std::function<Status()> after;  // on our thread, once the device took the change
    QString what;                   // for the security log and the answer
    if (fix == kSetPassword) {
        auto fields = fixFields(request, {QStringLiteral("password"), QStringLiteral("user")});
        if (!fields) {
            return fields.error();
        }
        const QString user = fields->value(QStringLiteral("user")).toString(address.user);
        const QString password = fields->value(QStringLiteral("password")).toString();
        if (password.isEmpty()) {
            return badFix(QStringLiteral("set_password needs \"password\": the device's new password."));
        }
        if (Status policy = core::security::PasswordPolicy::enforce(password, user); !policy) {
            return policy;
        }
        what = QStringLiteral("new password for the device account \"%1\"").arg(user);
        call = [address, user, password](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.setUserPassword(address, user, password, cancel);
        };
        if (user == address.user) {
            // The device now wants the new password: store it, so the device reconnects and
            // recording goes on with it.
            after = [this, deviceId, password]() -> Status {
                core::model::DeviceInput input;
                input.password = password;
                input.present.insert(QStringLiteral("password"));
                if (auto updated = m_devices.updateDevice(deviceId, input); !updated) {
                    return Error::make(QStringLiteral("credentials_not_stored"),
                                       QStringLiteral("The device took the new password but Vigil could not store it "
                                                      "(%1). Enter the new password in the device's settings so "
                                                      "recording can go on.")
                                           .arg(updated.error().message));
                }
                return {};
            };
        }
    } else if (fix == kSetNtp) {
        auto fields = fixFields(request, {QStringLiteral("servers")});
        if (!fields) {
            return fields.error();
        }
        QStringList servers;
        if (fields->contains(QStringLiteral("servers"))) {
            const QJsonValue given = fields->value(QStringLiteral("servers"));
            for (const QJsonValue& server : given.toArray()) {
                if (!server.isString() || server.toString().trimmed().isEmpty() || server.toString().size() > 255) {
                    return badFix(QStringLiteral("\"servers\" must be a list of NTP host names or addresses."));
                }
                servers.append(server.toString().trimmed());
            }
            if (!given.isArray()) {
                return badFix(QStringLiteral("\"servers\" must be a list of NTP host names or addresses."));
            }
        } else if (m_timeServers) {
            servers = m_timeServers();
        }
        if (servers.isEmpty()) {
            return Error::make(QStringLiteral("no_time_source"),
                               QStringLiteral("The platform has no NTP server configured to give the device. Set the "
                                              "platform's time servers first, or name them in \"servers\"."));
        }
        what = QStringLiteral("time from NTP (%1)").arg(servers.join(QStringLiteral(", ")));
        call = [address, servers](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.setNtp(address, servers, cancel);
        };
    } else if (fix == kDiscoveryOff) {
        if (auto fields = fixFields(request, {}); !fields) {
            return fields.error();
        }
        what = QStringLiteral("WS-Discovery off");
        call = [address](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.setDiscoverable(address, false, cancel);
        };
    } else if (fix == kHttpOff) {
        if (auto fields = fixFields(request, {}); !fields) {
            return fields.error();
        }
        // Refused when Vigil itself talks to the device over plain HTTP on the port that would close.
        if (entry.info) {
            const DeviceFinding http = DeviceFindings::http(*entry.info, entry.context);
            if (http.state == QLatin1String(DeviceFindingStates::kFail) && http.fix.isEmpty()) {
                return Error::make(QStringLiteral("fix_not_possible"), http.evidence);
            }
        }
        what = QStringLiteral("plain HTTP off");
        call = [address](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.setProtocolEnabled(address, QStringLiteral("HTTP"), false, cancel);
        };
    } else {
        auto fields = fixFields(request, {QStringLiteral("user")});
        if (!fields) {
            return fields.error();
        }
        const QString user = fields->value(QStringLiteral("user")).toString();
        if (user.isEmpty()) {
            return badFix(QStringLiteral("delete_user needs \"user\": the device account to delete."));
        }
        if (user == address.user) {
            return Error::make(QStringLiteral("fix_not_possible"),
                               QStringLiteral("\"%1\" is the account Vigil signs in with; it cannot be deleted.").arg(user));
        }
        what = QStringLiteral("device account \"%1\" deleted").arg(user);
        call = [address, user](DeviceDriver& driver, const Cancellation& cancel) {
            return driver.deleteUser(address, user, cancel);
        };
    }
    entry.fixing = true;
    entry.fix = QJsonObject{{QStringLiteral("id"), fix}, {QStringLiteral("state"), QStringLiteral("running")},
                            {QStringLiteral("atMs"), m_clock.nowMs()}};
    run<bool>(
        address,
        [call](DeviceDriver& driver, const Cancellation& cancel) -> Result<bool> {
            Status done = call(driver, cancel);
            return done ? Result<bool>(true) : Result<bool>(done.error());
        },
        [this, deviceId, fix, who, what, after](const Result<bool>& result) {
            Status outcome = result ? Status() : Status(result.error());
            if (outcome && after) {
                outcome = after();
            }
            finishFix(deviceId, fix, outcome, who, what);
        });
    return {};
}

void DeviceSecurity::finishFix(const QString& deviceId, const QString& fix, const Status& result, const Requester& who,
                               const QString& what) {
    const auto device = m_devices.device(deviceId);
    const QString target = QStringLiteral("device %1 (%2)").arg(device ? device->name : deviceId, deviceId);
    const QString detail = result ? QStringLiteral("device security fix %1: %2").arg(fix, what)
                                  : QStringLiteral("device security fix %1 failed: %2").arg(fix, result.error().message);
    if (m_audit) {
        m_audit(who, target, detail);
    }
    const auto found = m_entries.find(deviceId);
    if (found != m_entries.end()) {
        found->fixing = false;
        found->fix = QJsonObject{{QStringLiteral("id"), fix},
                                 {QStringLiteral("state"), result ? QStringLiteral("done") : QStringLiteral("failed")},
                                 {QStringLiteral("error"), result ? QString() : result.error().code},
                                 {QStringLiteral("message"), result ? what : result.error().message},
                                 {QStringLiteral("atMs"), m_clock.nowMs()}};
        // What the device says now (after a new password, the restarted device's new address).
        found->state.clear();
        read(deviceId);
    }
    emit fixDone(deviceId, fix, result.ok(), result ? what : result.error().message);
}

QJsonObject DeviceSecurity::postureJson(const DeviceSecurityInfo& info, const DeviceFindingContext& context) {
    QJsonArray users;
    for (const auto& user : info.users.value_or(QList<core::devices::DeviceUser>())) {
        users.append(QJsonObject{{QStringLiteral("name"), user.name},
                                 {QStringLiteral("level"), user.level},
                                 {QStringLiteral("vigilAccount"), user.name == context.userName}});
    }
    QJsonArray protocols;
    for (const auto& protocol : info.protocols.value_or(QList<core::devices::DeviceProtocol>())) {
        QJsonArray ports;
        for (int port : protocol.ports) {
            ports.append(port);
        }
        protocols.append(QJsonObject{{QStringLiteral("name"), protocol.name},
                                     {QStringLiteral("enabled"), protocol.enabled},
                                     {QStringLiteral("ports"), ports}});
    }
    const auto check = core::security::PasswordPolicy::check(context.password, context.userName);
    QJsonArray broken;
    for (const auto& violation : check.violations) {
        broken.append(core::security::PasswordPolicy::ruleCode(violation.rule));
    }
    QJsonObject unavailable;
    for (auto it = info.unavailable.cbegin(); it != info.unavailable.cend(); ++it) {
        unavailable.insert(it.key(), it.value());
    }
    const auto nullable = [](const auto& optional, auto convert) {
        return optional ? QJsonValue(convert(*optional)) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("manufacturer"), info.manufacturer},
        {QStringLiteral("model"), info.model},
        {QStringLiteral("firmware"), info.firmware},
        {QStringLiteral("users"), info.users ? QJsonValue(users) : QJsonValue()},
        {QStringLiteral("anonymousAccess"), info.anonymousAccess},
        {QStringLiteral("password"),
         QJsonObject{{QStringLiteral("user"), context.userName},
                     {QStringLiteral("acceptable"), check.acceptable},
                     {QStringLiteral("strength"), core::security::PasswordPolicy::strengthName(check.strength)},
                     {QStringLiteral("violations"), broken}}},
        {QStringLiteral("time"),
         info.time ? QJsonValue(QJsonObject{{QStringLiteral("ntp"), info.time->ntp},
                                            {QStringLiteral("ntpServers"), QJsonArray::fromStringList(info.time->ntpServers)},
                                            {QStringLiteral("deviceUtcMs"), info.time->utc.toMSecsSinceEpoch()},
                                            {QStringLiteral("offsetMs"), nullable(info.clockOffsetMs, [](qint64 v) {
                                                 return static_cast<double>(v);
                                             })}})
                   : QJsonValue()},
        {QStringLiteral("discoverable"), nullable(info.discoverable, [](bool v) { return v; })},
        {QStringLiteral("protocols"), info.protocols ? QJsonValue(protocols) : QJsonValue()},
        {QStringLiteral("dot1xConfigurations"), nullable(info.dot1xConfigurations, [](int v) { return v; })},
        {QStringLiteral("edgeStorage"), nullable(info.edgeStorage, [](const QString& v) { return v; })},
        {QStringLiteral("unavailable"), unavailable},
    };
}

QJsonObject DeviceSecurity::toJson(const QString& deviceId, const Entry& entry) const {
    QJsonObject json{{QStringLiteral("deviceId"), deviceId},
                     {QStringLiteral("state"), entry.state},
                     {QStringLiteral("readMs"), entry.readMs},
                     {QStringLiteral("error"), entry.error},
                     {QStringLiteral("message"), entry.message},
                     {QStringLiteral("fix"), entry.fix.isEmpty() ? QJsonValue() : QJsonValue(entry.fix)}};
    if (entry.info) {
        json.insert(QStringLiteral("posture"), postureJson(*entry.info, entry.context));
        QJsonArray findings;
        for (const DeviceFinding& finding : DeviceFindings::all(*entry.info, entry.context)) {
            findings.append(finding.toJson());
        }
        json.insert(QStringLiteral("findings"), findings);
    } else {
        json.insert(QStringLiteral("posture"), QJsonValue());
        json.insert(QStringLiteral("findings"), QJsonArray());
    }
    return json;
}

}  // namespace vigil::server
