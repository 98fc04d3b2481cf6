#include "devices/devices_routes.h"

#include <QJsonArray>
#include <QUrlQuery>

#include "devices/devices_service.h"
#include "model/json_fields.h"
#include "model/permissions.h"

namespace vigil::server {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using core::Error;
using core::Result;
using core::model::Channel;
using core::model::Device;
using core::model::DeviceGroup;
using core::model::DeviceJob;
using core::model::Permissions;

const QString kConnectionTest = QStringLiteral("connection_test");
const QString kDiscovery = QStringLiteral("discovery");

QString need(const char* permission) {
    return QString::fromLatin1(permission);
}

// The devices' error codes and their HTTP statuses; the gateway's table (http/route.cpp) has the
// shared ones.
QHttpServerResponse failure(const Error& error) {
    static const QHash<QString, StatusCode> kStatusByCode = {
        {QStringLiteral("device_not_found"), StatusCode::NotFound},
        {QStringLiteral("channel_not_found"), StatusCode::NotFound},
        {QStringLiteral("group_not_found"), StatusCode::NotFound},
        {QStringLiteral("job_not_found"), StatusCode::NotFound},
        {QStringLiteral("unknown_driver"), StatusCode::BadRequest},
        {QStringLiteral("device_exists"), StatusCode::Conflict},
        {QStringLiteral("group_exists"), StatusCode::Conflict},
        {QStringLiteral("group_not_empty"), StatusCode::Conflict},
        {QStringLiteral("ptz_not_supported"), StatusCode::Conflict},
        {QStringLiteral("device_disabled"), StatusCode::Conflict},
        {QStringLiteral("fix_running"), StatusCode::Conflict},
        {QStringLiteral("fix_not_possible"), StatusCode::Conflict},
        {QStringLiteral("no_time_source"), StatusCode::Conflict},
        {QStringLiteral("multicast_discovery_off"), StatusCode::Conflict},
        {QStringLiteral("devices_unavailable"), StatusCode::ServiceUnavailable},
        {QStringLiteral("licence_capacity"), StatusCode::Forbidden},
        {QStringLiteral("licence_inactive"), StatusCode::Forbidden},
    };
    if (auto status = kStatusByCode.constFind(error.code); status != kStatusByCode.cend()) {
        return errorResponse(*status, error.code, error.message);
    }
    return errorResponse(error);
}

template <typename T, typename ToJson>
QHttpServerResponse answer(const Result<T>& result, ToJson toJson, StatusCode status = StatusCode::Ok) {
    return result ? jsonResponse(toJson(result.value()), status) : failure(result.error());
}

QHttpServerResponse accepted(const core::Status& status) {
    return status ? jsonResponse(QJsonObject{{QStringLiteral("accepted"), true}}, StatusCode::Accepted)
                  : failure(status.error());
}

QHttpServerResponse refuseBody(const RouteRequest& request) {
    return errorResponse(
        StatusCode::BadRequest, QStringLiteral("bad_request"),
        QStringLiteral("%1 takes no request body. Send it without one.").arg(request.http.url().path()));
}

Error deviceNotFound(const QString& id) {
    return Error::make(QStringLiteral("device_not_found"),
                       QStringLiteral("There is no device with the id \"%1\". Reload the list; it may have been "
                                      "deleted.")
                           .arg(id));
}

Error channelNotFound(const QString& id) {
    return Error::make(QStringLiteral("channel_not_found"),
                       QStringLiteral("There is no channel with the id \"%1\". Reload the list; it may have been "
                                      "deleted.")
                           .arg(id));
}

// What a caller may see: channels outside its role's rights are left out, and a device with none
// left looks absent (404), so the answer does not tell that it exists.
class Scoped {
public:
    Scoped(DevicesService& devices, const RouteRequest& request)
        : m_scope(request.caller ? devices.access().forUser(request.caller->userId) : ChannelScope{}) {}

    const ChannelScope& scope() const { return m_scope; }

    Result<Device> visible(const Result<Device>& device, const QString& id) const {
        if (!device) {
            return device;
        }
        auto filtered = m_scope.filter(device.value());
        return filtered ? Result<Device>(*filtered) : Result<Device>(deviceNotFound(id));
    }

    // Configuring a device needs every one of its channels in reach.
    core::Status mayConfigure(DevicesService& devices, const QString& id) const {
        if (m_scope.all) {
            return {};
        }
        auto device = devices.device(id);
        if (!device) {
            return device.error();
        }
        if (!m_scope.filter(device.value())) {
            return deviceNotFound(id);
        }
        if (!m_scope.reachesAll(device.value())) {
            return Error::make(QStringLiteral("forbidden"),
                               QStringLiteral("Your role does not reach every channel of this device, so it cannot "
                                              "change it. Ask an administrator."));
        }
        return {};
    }

    core::Status mayUseChannel(const QString& id) const {
        return m_scope.reaches(id) ? core::Status() : core::Status(channelNotFound(id));
    }

private:
    ChannelScope m_scope;
};

QJsonArray devicesArray(const QList<Device>& devices, const ChannelScope& scope) {
    QJsonArray array;
    for (const Device& device : devices) {
        if (auto filtered = scope.filter(device)) {
            array.append(filtered->toJson());
        }
    }
    return array;
}

QList<Route> deviceRoutes(DevicesService& d) {
    using namespace core::model;
    const auto deviceJson = [](const Device& device) { return device.toJson(); };
    return {
        {Method::Get, QStringLiteral("/api/v1/device-drivers"), need(Permissions::kDeviceConfig),
         [&d](const RouteRequest&) {
             QJsonArray drivers;
             for (const auto& driver : d.drivers().drivers()) {
                 drivers.append(QJsonObject{{QStringLiteral("id"), driver.id},
                                            {QStringLiteral("displayName"), driver.displayName}});
             }
             QJsonArray problems;
             for (const auto& problem : d.drivers().problems()) {
                 problems.append(QJsonObject{{QStringLiteral("file"), problem.file},
                                             {QStringLiteral("reason"), problem.reason}});
             }
             return jsonResponse(QJsonObject{{QStringLiteral("drivers"), drivers}, {QStringLiteral("problems"), problems}});
         }},
        {Method::Get, QStringLiteral("/api/v1/devices"), need(Permissions::kLive),
         [&d](const RouteRequest& r) {
             const Scoped scoped(d, r);
             return answer(d.devices(), [&scoped](const QList<Device>& devices) {
                 return QJsonObject{{QStringLiteral("devices"), devicesArray(devices, scoped.scope())}};
             });
         }},
        {Method::Post, QStringLiteral("/api/v1/devices"), need(Permissions::kDeviceConfig),
         [&d, deviceJson](const RouteRequest& r) {
             auto input = DeviceInput::fromRequest(r.body);
             return input ? answer(d.addDevice(input.value()), deviceJson, StatusCode::Created)
                          : failure(input.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/devices/{id}"), need(Permissions::kLive),
         [&d, deviceJson](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             return answer(Scoped(d, r).visible(d.device(id), id), deviceJson);
         }},
        {Method::Put, QStringLiteral("/api/v1/devices/{id}"), need(Permissions::kDeviceConfig),
         [&d, deviceJson](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             auto input = DeviceInput::fromRequest(r.body);
             if (!input) {
                 return failure(input.error());
             }
             if (core::Status may = Scoped(d, r).mayConfigure(d, id); !may) {
                 return failure(may.error());
             }
             return answer(d.updateDevice(id, input.value()), deviceJson);
         }},
        {Method::Delete, QStringLiteral("/api/v1/devices/{id}"), need(Permissions::kDeviceConfig),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             core::Status done = Scoped(d, r).mayConfigure(d, id);
             if (done) {
                 done = d.removeDevice(id);
             }
             return done ? noContentResponse() : failure(done.error());
         }},
    };
}

QList<Route> channelRoutes(DevicesService& d) {
    using namespace core::model;
    const auto channelJson = [](const Channel& channel) { return channel.toJson(); };
    return {
        {Method::Get, QStringLiteral("/api/v1/channels"), need(Permissions::kLive),
         [&d](const RouteRequest& r) {
             const Scoped scoped(d, r);
             return answer(d.devices(), [&scoped](const QList<Device>& devices) {
                 QJsonArray channels;
                 for (const Device& device : devices) {
                     for (const Channel& channel : device.channels) {
                         if (scoped.scope().reaches(channel.id)) {
                             channels.append(channel.toJson());
                         }
                     }
                 }
                 return QJsonObject{{QStringLiteral("channels"), channels}};
             });
         }},
        {Method::Get, QStringLiteral("/api/v1/channels/{id}"), need(Permissions::kLive),
         [&d, channelJson](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = Scoped(d, r).mayUseChannel(id); !may) {
                 return failure(may.error());
             }
             return answer(d.channel(id), channelJson);
         }},
        {Method::Put, QStringLiteral("/api/v1/channels/{id}"), need(Permissions::kDeviceConfig),
         [&d, channelJson](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             auto input = ChannelInput::fromRequest(r.body);
             if (!input) {
                 return failure(input.error());
             }
             if (core::Status may = Scoped(d, r).mayUseChannel(id); !may) {
                 return failure(may.error());
             }
             return answer(d.updateChannel(id, input.value()), channelJson);
         }},
        {Method::Post, QStringLiteral("/api/v1/channels/{id}/ptz/move"), need(Permissions::kPtz),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             auto input = PtzMoveInput::fromRequest(r.body);
             if (!input) {
                 return failure(input.error());
             }
             core::Status done = Scoped(d, r).mayUseChannel(id);
             return accepted(done ? d.ptzMove(id, input.value()) : done);
         }},
        {Method::Post, QStringLiteral("/api/v1/channels/{id}/ptz/stop"), need(Permissions::kPtz),
         [&d](const RouteRequest& r) {
             if (!r.body.isEmpty()) {
                 return refuseBody(r);
             }
             const QString id = r.param(QStringLiteral("id"));
             core::Status done = Scoped(d, r).mayUseChannel(id);
             return accepted(done ? d.ptzStop(id) : done);
         }},
        {Method::Get, QStringLiteral("/api/v1/channels/{id}/ptz/presets"), need(Permissions::kPtz),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = Scoped(d, r).mayUseChannel(id); !may) {
                 return failure(may.error());
             }
             return answer(d.ptzPresets(id), [](const QJsonObject& presets) { return presets; });
         }},
        {Method::Post, QStringLiteral("/api/v1/channels/{id}/ptz/presets"), need(Permissions::kPtz),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             core::model::FieldReader read(r.body, QStringLiteral("PTZ preset"), core::model::FieldReader::Mode::Request);
             const QString name = read.string(QStringLiteral("name")).trimmed();
             if (!read.finish()) {
                 return failure(read.error());
             }
             core::Status done = Scoped(d, r).mayUseChannel(id);
             return accepted(done ? d.ptzSetPreset(id, name) : done);
         }},
        {Method::Post, QStringLiteral("/api/v1/channels/{id}/ptz/presets/{token}/goto"), need(Permissions::kPtz),
         [&d](const RouteRequest& r) {
             if (!r.body.isEmpty()) {
                 return refuseBody(r);
             }
             const QString id = r.param(QStringLiteral("id"));
             core::Status done = Scoped(d, r).mayUseChannel(id);
             return accepted(done ? d.ptzGotoPreset(id, r.param(QStringLiteral("token"))) : done);
         }},
    };
}

QList<Route> groupRoutes(DevicesService& d) {
    using namespace core::model;
    const auto groupJson = [](const DeviceGroup& group) { return group.toJson(); };
    return {
        {Method::Get, QStringLiteral("/api/v1/device-groups"), need(Permissions::kLive),
         [&d](const RouteRequest&) {
             return answer(d.groups(), [](const QList<DeviceGroup>& groups) {
                 QJsonArray array;
                 for (const DeviceGroup& group : groups) {
                     array.append(group.toJson());
                 }
                 return QJsonObject{{QStringLiteral("groups"), array}};
             });
         }},
        {Method::Post, QStringLiteral("/api/v1/device-groups"), need(Permissions::kDeviceConfig),
         [&d, groupJson](const RouteRequest& r) {
             auto input = GroupInput::fromRequest(r.body);
             return input ? answer(d.createGroup(input.value()), groupJson, StatusCode::Created)
                          : failure(input.error());
         }},
        {Method::Put, QStringLiteral("/api/v1/device-groups/{id}"), need(Permissions::kDeviceConfig),
         [&d, groupJson](const RouteRequest& r) {
             auto input = GroupInput::fromRequest(r.body);
             return input ? answer(d.updateGroup(r.param(QStringLiteral("id")), input.value()), groupJson)
                          : failure(input.error());
         }},
        {Method::Delete, QStringLiteral("/api/v1/device-groups/{id}"), need(Permissions::kDeviceConfig),
         [&d](const RouteRequest& r) {
             GroupContents contents = GroupContents::Refuse;
             const QUrlQuery query(r.http.url());
             for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
                 if (name == QLatin1String("contents") && value == QLatin1String("move")) {
                     contents = GroupContents::Move;
                 } else if (name == QLatin1String("contents") && value == QLatin1String("delete")) {
                     contents = GroupContents::Delete;
                 } else {
                     return failure(core::model::FieldReader::badRequest(
                         QStringLiteral("group deletion"), name,
                         QStringLiteral("is \"%1\"; the only parameter is contents=move or contents=delete")
                             .arg(value)));
                 }
             }
             const core::Status done = d.deleteGroup(r.param(QStringLiteral("id")), contents);
             return done ? noContentResponse() : failure(done.error());
         }},
    };
}

QList<Route> jobRoutes(DevicesService& d) {
    using namespace core::model;
    const auto jobJson = [](const DeviceJob& job) { return job.toJson(); };
    const auto jobsJson = [](const QList<DeviceJob>& jobs) {
        QJsonArray array;
        for (const DeviceJob& job : jobs) {
            array.append(job.toJson());
        }
        return QJsonObject{{QStringLiteral("jobs"), array}};
    };
    return {
        {Method::Post, QStringLiteral("/api/v1/connection-tests"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             auto input = ConnectionTestInput::fromRequest(r.body);
             if (!input) {
                 return failure(input.error());
             }
             if (!input->deviceId.isEmpty()) {
                 if (core::Status may = Scoped(d, r).mayConfigure(d, input->deviceId); !may) {
                     return failure(may.error());
                 }
             }
             return answer(d.startConnectionTest(input.value()), jobJson, StatusCode::Accepted);
         }},
        {Method::Get, QStringLiteral("/api/v1/connection-tests"), need(Permissions::kDeviceConfig),
         [&d, jobsJson](const RouteRequest&) { return jsonResponse(jobsJson(d.jobs(kConnectionTest))); }},
        {Method::Get, QStringLiteral("/api/v1/connection-tests/{id}"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             return answer(d.job(kConnectionTest, r.param(QStringLiteral("id"))), jobJson);
         }},
        {Method::Delete, QStringLiteral("/api/v1/connection-tests/{id}"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             return answer(d.cancelJob(kConnectionTest, r.param(QStringLiteral("id"))), jobJson);
         }},
        {Method::Post, QStringLiteral("/api/v1/discovery-jobs"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             auto input = DiscoveryInput::fromRequest(r.body);
             return input ? answer(d.startDiscovery(input.value()), jobJson, StatusCode::Accepted)
                          : failure(input.error());
         }},
        {Method::Get, QStringLiteral("/api/v1/discovery-jobs"), need(Permissions::kDeviceConfig),
         [&d, jobsJson](const RouteRequest&) { return jsonResponse(jobsJson(d.jobs(kDiscovery))); }},
        {Method::Get, QStringLiteral("/api/v1/discovery-jobs/{id}"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             return answer(d.job(kDiscovery, r.param(QStringLiteral("id"))), jobJson);
         }},
        {Method::Delete, QStringLiteral("/api/v1/discovery-jobs/{id}"), need(Permissions::kDeviceConfig),
         [&d, jobJson](const RouteRequest& r) {
             return answer(d.cancelJob(kDiscovery, r.param(QStringLiteral("id"))), jobJson);
         }},
    };
}

}  // namespace

// Device security (issue 8; device_security.h): the posture and findings, and fixes through the
// device's protocol, each in the security log.
QList<Route> securityRoutes(DevicesService& d) {
    return {
        {Method::Get, QStringLiteral("/api/v1/devices/{id}/security"), need(Permissions::kDeviceConfig),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = Scoped(d, r).mayConfigure(d, id); !may) {
                 return failure(may.error());
             }
             const QUrlQuery query(r.http.url());
             const bool refresh = query.queryItemValue(QStringLiteral("refresh")) == QStringLiteral("1");
             return answer(d.security().posture(id, refresh), [](const QJsonObject& posture) { return posture; });
         }},
        {Method::Post, QStringLiteral("/api/v1/devices/{id}/security/fixes"), need(Permissions::kDeviceConfig),
         [&d](const RouteRequest& r) {
             const QString id = r.param(QStringLiteral("id"));
             if (core::Status may = Scoped(d, r).mayConfigure(d, id); !may) {
                 return failure(may.error());
             }
             const DeviceSecurity::Requester who{r.caller ? r.caller->userName : QString(), r.address.toString()};
             return accepted(d.security().applyFix(id, r.body, who));
         }},
    };
}

QList<Route> devicesRoutes(DevicesService& devices) {
    return deviceRoutes(devices) + channelRoutes(devices) + groupRoutes(devices) + jobRoutes(devices) +
           securityRoutes(devices);
}

}  // namespace vigil::server
