// The devices API model and the pure rules behind the service (issue 4): strict request parsing
// (unknown fields and wrong types refused, naming the field), server/api/devices.yaml listing exactly
// the fields the model sends, how driver and stream results become device states
// (server/devices/device_status.h), and how typed addresses become one form per driver
// (server/devices/device_endpoint.h).

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include "devices/device_driver.h"
#include "devices/device_endpoint.h"
#include "devices/device_status.h"
#include "model/device_model.h"
#include "support/api_yaml.h"

using namespace vigil;
using namespace vigil::core::model;
using server::DeviceEndpoint;
using server::DeviceStatus;
using server::StreamState;
using server::StreamStatus;

namespace {

QStringList sortedKeys(const QJsonObject& json) {
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

StreamStatus stream(StreamState state, const QString& reason = {}) {
    StreamStatus status;
    status.state = state;
    status.reason = reason;
    return status;
}

}  // namespace

class TestDeviceModel : public QObject {
    Q_OBJECT

private slots:
    void devicesYamlListsTheFieldsTheModelSends() {
        const QString source = qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR");
        const auto required = test::requiredFields(source + "/server/api/devices.yaml");
        QVERIFY(!required.isEmpty());
        const QMap<QString, QJsonObject> sent = {
            {"StateInfo", StateInfo{}.toJson()},
            {"StreamInfo", StreamInfoJson{}.toJson()},
            {"DeviceGroup", DeviceGroup{}.toJson()},
            {"Channel", Channel{}.toJson()},
            {"ChannelStreams", Channel{}.toJson().value("streams").toObject()},
            {"Device", Device{}.toJson()},
            {"DeviceJob", DeviceJob{}.toJson()},
        };
        for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
            QVERIFY2(required.value(it.key()) == sortedKeys(it.value()), qPrintable(it.key()));
        }
        // What the server sends, the client reads back.
        Device device;
        device.id = "d";
        device.channels.append(Channel{});
        device.channels.first().id = "c";
        auto parsed = Device::fromJson(device.toJson());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->channels.first().id, QStringLiteral("c"));
        QVERIFY(parsed->groupId.isEmpty());
        QVERIFY(device.toJson().value("groupId").isNull());
    }

    void requestsAreStrict() {
        auto input = DeviceInput::fromRequest({{"driver", "rtsp"}, {"address", " rtsp://cam/1 "}, {"groupId", QJsonValue::Null}});
        QVERIFY(input.ok());
        QCOMPARE(input->address, QStringLiteral("rtsp://cam/1"));
        QVERIFY(input->has("groupId") && input->groupId.isEmpty());
        QVERIFY(!input->has("password"));

        auto unknown = DeviceInput::fromRequest({{"driver", "rtsp"}, {"colour", "red"}});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("bad_request"));
        QVERIFY(unknown.error().message.contains("\"colour\""));
        auto wrongType = DeviceInput::fromRequest({{"enabled", "yes"}});
        QVERIFY(!wrongType.ok());
        QVERIFY(wrongType.error().message.contains("\"enabled\""));

        QVERIFY(!GroupInput::fromRequest({{"name", 5}}).ok());
        QVERIFY(GroupInput::fromRequest({{"name", "A"}, {"parentId", QJsonValue::Null}}).ok());
        QVERIFY(!ChannelInput::fromRequest({{"ptz", true}}).ok());

        QVERIFY(ConnectionTestInput::fromRequest({{"deviceId", "x"}}).ok());
        QVERIFY(ConnectionTestInput::fromRequest({{"driver", "rtsp"}, {"address", "rtsp://x"}}).ok());
        QVERIFY(!ConnectionTestInput::fromRequest({}).ok());  // neither
        QVERIFY(!ConnectionTestInput::fromRequest({{"deviceId", "x"}, {"driver", "rtsp"}}).ok());  // both

        QVERIFY(DiscoveryInput::fromRequest({}).ok());
        QVERIFY(!DiscoveryInput::fromRequest({{"timeoutMs", 50}}).ok());
        QVERIFY(!DiscoveryInput::fromRequest({{"unicastPort", 70000}}).ok());

        QVERIFY(PtzMoveInput::fromRequest({{"pan", 0.5}}).ok());
        QVERIFY(!PtzMoveInput::fromRequest({{"pan", 1.5}}).ok());
        QVERIFY(!PtzMoveInput::fromRequest({}).ok());  // all zero: use stop
    }

    void describeFailuresNameTheState() {
        using namespace core::devices;
        const auto error = [](const char* code) { return core::Error::make(QString::fromLatin1(code), "x"); };
        QCOMPARE(DeviceStatus::describeFailure(error(kErrorUnauthorised), false), QStringLiteral("unauthorised"));
        QCOMPARE(DeviceStatus::describeFailure(error(kErrorUnreachable), false), QStringLiteral("unreachable"));
        // The same failure on a device that was online in this run: it went offline.
        QCOMPARE(DeviceStatus::describeFailure(error(kErrorUnreachable), true), QStringLiteral("offline"));
        QCOMPARE(DeviceStatus::describeFailure(error(kErrorBadAnswer), false), QStringLiteral("stream_error"));
    }

    void channelsFollowTheirMainStream() {
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Live), "", false), QStringLiteral("online"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Unauthorised), "", false), QStringLiteral("unauthorised"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Unreachable), "", false), QStringLiteral("unreachable"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Unreachable), "online", true), QStringLiteral("offline"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::NotAStream), "", false), QStringLiteral("stream_error"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::StreamError), "online", true), QStringLiteral("stream_error"));
        // Retrying keeps the failure it had (no flicker); before any result it is connecting.
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Connecting), "offline", true), QStringLiteral("offline"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Connecting), "", false), QStringLiteral("connecting"));
        QCOMPARE(DeviceStatus::channelState(stream(StreamState::Idle), "online", true), QStringLiteral("connecting"));
        // Reasons: the hub's when it gives one, else one that says what to do.
        QCOMPARE(DeviceStatus::channelReason("unreachable", stream(StreamState::Unreachable, "refused")), QStringLiteral("refused"));
        QVERIFY(DeviceStatus::channelReason("unauthorised", stream(StreamState::Unauthorised)).contains("credentials"));
        QVERIFY(DeviceStatus::channelReason("online", stream(StreamState::Live, "x")).isEmpty());
    }

    void aDeviceIsAsBadAsItsWorstChannel() {
        QCOMPARE(DeviceStatus::worst({}), QStringLiteral("online"));
        QCOMPARE(DeviceStatus::worst({"online", "connecting"}), QStringLiteral("connecting"));
        QCOMPARE(DeviceStatus::worst({"online", "stream_error", "connecting"}), QStringLiteral("stream_error"));
        QCOMPARE(DeviceStatus::worst({"offline", "stream_error"}), QStringLiteral("offline"));
        QCOMPARE(DeviceStatus::worst({"offline", "unreachable"}), QStringLiteral("unreachable"));
        QCOMPARE(DeviceStatus::worst({"unreachable", "unauthorised", "online"}), QStringLiteral("unauthorised"));
    }

    void addressesTakeOneFormPerDriver() {
        auto rtsp = DeviceEndpoint::parse("rtsp", "rtsp://admin:p%40ss@Cam.Example/s1", "rtsp://cam.example/s2");
        QVERIFY(rtsp.ok());
        QCOMPARE(rtsp->address, QStringLiteral("rtsp://cam.example/s1"));  // QUrl lower-cases hosts
        QCOMPARE(rtsp->userName, QStringLiteral("admin"));
        QCOMPARE(rtsp->password, QStringLiteral("p@ss"));
        QCOMPARE(rtsp->subAddress, QStringLiteral("rtsp://cam.example/s2"));
        QCOMPARE(rtsp->key, DeviceEndpoint::parse("rtsp", "RTSP://cam.example:554/s1/", {})->key);
        QCOMPARE(rtsp->defaultName(), QStringLiteral("cam.example"));
        QVERIFY(!DeviceEndpoint::parse("rtsp", "ftp://cam/x", {}).ok());
        QVERIFY(!DeviceEndpoint::parse("rtsp", "rtsp://cam/x", "udp://cam/y").ok());
        QVERIFY(!DeviceEndpoint::parse("rtsp", "", {}).ok());

        auto onvif = DeviceEndpoint::parse("onvif", "192.0.2.10:8080", {});
        QVERIFY(onvif.ok());
        QCOMPARE(onvif->address, QStringLiteral("http://192.0.2.10:8080/onvif/device_service"));
        QCOMPARE(onvif->key, DeviceEndpoint::parse("onvif", "http://192.0.2.10:8080/onvif/device_service", {})->key);
        QVERIFY(DeviceEndpoint::parse("onvif", "https://cam/custom/path", {})->address.endsWith("/custom/path"));
        QVERIFY(!DeviceEndpoint::parse("onvif", "rtsp://cam/x", {}).ok());
        QVERIFY(!DeviceEndpoint::parse("onvif", "cam", "rtsp://cam/sub").ok());  // sub stream is rtsp-only

        QCOMPARE(DeviceEndpoint::parse("virtual", "Lobby", {})->address, QStringLiteral("virtual://lobby"));
        QCOMPARE(DeviceEndpoint::parse("virtual", "virtual://lobby", {})->key,
                 DeviceEndpoint::parse("virtual", "lobby", {})->key);
        QVERIFY(!DeviceEndpoint::parse("virtual", "a b", {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeviceModel)
#include "tst_device_model.moc"
