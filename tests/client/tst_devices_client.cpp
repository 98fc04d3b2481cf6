// DevicesApi (core/client/devices_api.h) against a real engine on 127.0.0.1 with vigil-testcamera's
// RTSP and ONVIF cameras (issue 5, the workstation's devices client): a discovery job followed to
// its end finds the ONVIF cameras; one is added from the discovery result, one by its RTSP URL; both
// show online through the devices pushes, with model/firmware and stream details; a connection test
// with a wrong password fails with the reason, a test of a stored device describes it; a discovery
// that waits on a silent host is cancelled and its followers hear so; an edit keeps the write-only
// password; the group tree is made, renamed, moved, refused when not empty and deleted with its
// contents moved up; PTZ calls reach the camera and their results come back as pushes; a removed
// device is pushed as removed and is gone.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <memory>

#include "../accounts/api_session.h"
#include "../onvif/onvif_test_camera.h"
#include "await_call.h"
#include "client/api_client.h"
#include "client/devices_api.h"
#include "client/trust_store.h"
#include "devices/devices_service.h"
#include "engine/engine.h"
#include "support/pinned_client.h"
#include "support/test_engine.h"

using namespace vigil;
using core::client::ApiClient;
using core::client::DeviceChange;
using core::client::DeviceDescription;
using core::client::DevicesApi;
using core::client::DiscoveredDevice;
using core::client::DiscoveryResult;
using core::client::GroupContents;
using core::client::PtzResult;
using core::client::TrustStore;
using core::model::Device;
using core::model::DeviceGroup;
using core::model::Job;
using test::await;
using test::awaitStatus;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kCameraUser = QStringLiteral("operator");
const QString kCameraPassword = QStringLiteral("Lens-Secret-83q");
constexpr int kStateTimeoutMs = 45000;  // bounds a hang only: describes and streams take seconds

template <typename T>
T valueOf(const std::optional<core::Result<T>>& answer) {
    if (!answer) {
        qWarning("no answer in time");
        return T{};
    }
    if (!answer->ok()) {
        qWarning().noquote() << answer->error().code << answer->error().message;
        return T{};
    }
    return answer->value();
}

}  // namespace

class TestDevicesClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::OnvifTestCamera m_camera;
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<DevicesApi> m_api;
    QHash<QString, Device> m_pushed;  // the last devices.device push per device id
    QStringList m_removed;
    QList<PtzResult> m_ptz;
    QString m_gate;  // ONVIF, PTZ, added from discovery
    QString m_yard;  // added by RTSP URL

    // Follows a job until it ends; returns every update seen.
    QList<Job> follow(const Job& started) {
        QList<Job> updates;
        m_api->followJob(started, [&updates](const Job& job) { updates.append(job); });
        QDeadlineTimer deadline(kStateTimeoutMs);
        while ((updates.isEmpty() || updates.last().isRunning()) && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return updates;
    }

    Job start(const std::function<void(DevicesApi::Callback<Job>)>& call) {
        return valueOf(await<Job>([&](auto done) { call(done); }));
    }

    QList<DiscoveredDevice> discover() {
        core::model::DiscoveryInput input;
        input.drivers = {QStringLiteral("onvif")};
        input.timeoutMs = 1500;
        input.unicastHost = QStringLiteral("127.0.0.1");
        input.unicastPort = m_camera.discoveryPort();
        const Job started = start([&](auto done) { m_api->startDiscovery(input, done); });
        if (started.id.isEmpty()) {
            return {};
        }
        const QList<Job> updates = follow(started);
        if (updates.isEmpty() || updates.last().state != QLatin1String(Job::kSucceeded)) {
            qWarning() << "discovery did not succeed";
            return {};
        }
        // Progress only ever grows.
        for (qsizetype i = 1; i < updates.size(); ++i) {
            if (updates.at(i).progress < updates.at(i - 1).progress) {
                qWarning() << "progress went back";
                return {};
            }
        }
        auto result = DiscoveryResult::fromJson(updates.last().result);
        return result ? result->devices : QList<DiscoveredDevice>{};
    }

    bool pushedState(const QString& id, const QString& state) const {
        return m_pushed.contains(id) && m_pushed.value(id).status.state == state;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_camera.start({QStringLiteral("name=gate,user=%1,password=%2,ptz=1").arg(kCameraUser, kCameraPassword),
                                 QStringLiteral("name=yard,user=%1,password=%2").arg(kCameraUser, kCameraPassword)},
                                {}, &error),
                 qPrintable(error));
        server::EngineOptions options = test::engineOptions(m_dir.filePath(QStringLiteral("engine")));
        options.passwordHashing = core::security::Argon2Parameters{64, 1, 1};  // quick; not what is tested here
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_engine->devices()->setReconnectPolicy({500, 2000});

        test::ApiSession session(*m_engine);
        QCOMPARE(session.post("/api/v1/setup", test::setupBody(kAdmin, kAdminPassword)).status, 201);
        QCOMPARE(session.login(kAdmin, kAdminPassword).status, 200);

        m_trust = std::make_unique<TrustStore>(m_dir.filePath(QStringLiteral("trust.json")));
        m_client = test::pinnedClient(*m_engine, m_trust.get(), session.token());
        m_api = std::make_unique<DevicesApi>(m_client.get());
        connect(m_api.get(), &DevicesApi::deviceChanged, this, [this](const Device& d) { m_pushed.insert(d.id, d); });
        connect(m_api.get(), &DevicesApi::deviceRemoved, this, [this](const QString& id) { m_removed << id; });
        connect(m_api.get(), &DevicesApi::ptzResult, this, [this](const PtzResult& r) { m_ptz << r; });
        QSignalSpy connected(m_client.get(), &ApiClient::eventsConnectedChanged);
        m_client->connectEvents();
        QVERIFY(connected.wait(15000));

        const auto drivers = valueOf(await<core::client::DriverList>([&](auto done) { m_api->fetchDrivers(done); }));
        QStringList ids;
        for (const auto& driver : drivers.drivers) {
            ids << driver.id;
        }
        QVERIFY2(ids.contains("rtsp") && ids.contains("onvif"), qPrintable(ids.join(',')));
    }

    void cleanupTestCase() {
        m_api.reset();
        m_client.reset();
        m_engine.reset();
        m_camera.stop();
    }

    void discoverAndAddFromTheResult() {
        const QList<DiscoveredDevice> found = discover();
        QCOMPARE(found.size(), 2);
        DiscoveredDevice gate;
        for (const DiscoveredDevice& device : found) {
            QCOMPARE(device.driver, QStringLiteral("onvif"));
            QVERIFY(device.deviceId.isEmpty());  // not added yet
            if (device.name == QLatin1String("gate")) {
                gate = device;
            }
        }
        QCOMPARE(QUrl(gate.address), m_camera.deviceUrl(QStringLiteral("gate")));

        const Device added = valueOf(await<Device>([&](auto done) {
            m_api->addDevice(DevicesApi::discoveredInput(gate, QStringLiteral("Gate"), kCameraUser, kCameraPassword), done);
        }));
        QVERIFY(!added.id.isEmpty());
        m_gate = added.id;
        QCOMPARE(added.name, QStringLiteral("Gate"));
        QCOMPARE(added.driver, QStringLiteral("onvif"));
        QVERIFY(added.passwordSet);
        // Online through the pushes alone, with what the camera says about itself.
        QTRY_VERIFY_WITH_TIMEOUT(pushedState(m_gate, "online"), kStateTimeoutMs);
        const Device online = m_pushed.value(m_gate);
        QCOMPARE(online.manufacturer, QStringLiteral("Vigil"));
        QCOMPARE(online.model, QStringLiteral("vigil-testcamera"));
        QCOMPARE(online.firmware, QStringLiteral(VIGIL_VERSION));
        QCOMPARE(online.channels.size(), 1);
        QVERIFY(online.channels.first().ptz);

        // A second discovery names the device already added.
        for (const DiscoveredDevice& device : discover()) {
            QCOMPARE(device.deviceId, device.name == QLatin1String("gate") ? m_gate : QString());
        }
    }

    void addByRtspUrlWithStreamDetails() {
        const QString url = m_camera.rtspUrl(QStringLiteral("yard")).toString();
        const Device added = valueOf(await<Device>([&](auto done) {
            m_api->addDevice(DevicesApi::rtspInput(url, QStringLiteral("Yard"), kCameraUser, kCameraPassword), done);
        }));
        QVERIFY(!added.id.isEmpty());
        m_yard = added.id;
        QCOMPARE(added.driver, QStringLiteral("rtsp"));
        QCOMPARE(added.userName, kCameraUser);
        QTRY_VERIFY_WITH_TIMEOUT(pushedState(m_yard, "online"), kStateTimeoutMs);
        // Stream statistics come with the device as packets flow.
        core::model::StreamInfoJson main;
        QTRY_VERIFY_WITH_TIMEOUT(
            (main = valueOf(await<Device>([&](auto done) { m_api->fetchDevice(m_yard, done); }))
                        .channels.value(0)
                        .mainStream)
                    .fps > 0,
            20000);
        QCOMPARE(main.state, QStringLiteral("live"));
        QCOMPARE(main.codec, QStringLiteral("h264"));
        QCOMPARE(main.width, 640);
        QCOMPARE(main.height, 360);

        const QList<Device> all = valueOf(await<QList<Device>>([&](auto done) { m_api->fetchDevices(done); }));
        QCOMPARE(all.size(), 2);
        const auto channels =
            valueOf(await<QList<core::model::Channel>>([&](auto done) { m_api->fetchChannels(done); }));
        QCOMPARE(channels.size(), 2);
    }

    void connectionTests() {
        // A wrong password: the test fails with the camera's refusal, said for people.
        const QString url = m_camera.rtspUrl(QStringLiteral("yard")).toString();
        Job started = start([&](auto done) {
            m_api->testConnection(DevicesApi::rtspInput(url, {}, kCameraUser, QStringLiteral("not-it")), done);
        });
        QCOMPARE(started.kind, QStringLiteral("connection_test"));
        QList<Job> updates = follow(started);
        QCOMPARE(updates.last().state, QStringLiteral("failed"));
        QVERIFY(!updates.last().error.isEmpty());
        QVERIFY2(updates.last().message.contains(QStringLiteral("credentials"), Qt::CaseInsensitive) ||
                     updates.last().message.contains(QStringLiteral("password"), Qt::CaseInsensitive),
                 qPrintable(updates.last().message));

        // A stored device with its stored credentials: described.
        started = start([&](auto done) { m_api->testDevice(m_gate, done); });
        updates = follow(started);
        QCOMPARE(updates.last().state, QStringLiteral("succeeded"));
        auto description = DeviceDescription::fromJson(updates.last().result);
        QVERIFY2(description.ok(), description.ok() ? "" : qPrintable(description.error().message));
        QCOMPARE(description->model, QStringLiteral("vigil-testcamera"));
        QCOMPARE(description->channels.size(), 1);
        QCOMPARE(QUrl(description->channels.first().mainUrl), m_camera.rtspUrl(QStringLiteral("gate")));
        QVERIFY(description->channels.first().ptz);
    }

    void discoveryIsCancelled() {
        // A host that takes probes and never answers: the job waits its whole timeout unless cancelled.
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        core::model::DiscoveryInput input;
        input.drivers = {QStringLiteral("onvif")};
        input.timeoutMs = core::model::DiscoveryInput::kMaxTimeoutMs;
        input.unicastHost = QStringLiteral("127.0.0.1");
        input.unicastPort = silent.localPort();
        const Job started = start([&](auto done) { m_api->startDiscovery(input, done); });
        QVERIFY(started.isRunning());
        QList<Job> updates;
        m_api->followJob(started, [&updates](const Job& job) { updates.append(job); });
        const Job cancelled = start([&](auto done) { m_api->cancelJob(started.kind, started.id, done); });
        QCOMPARE(cancelled.state, QStringLiteral("cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty() && updates.last().state == QLatin1String("cancelled"), 10000);
        QVERIFY(!m_api->isFollowing(started.id));
        const auto jobs = valueOf(await<QList<Job>>([&](auto done) { m_api->fetchJobs(started.kind, done); }));
        QVERIFY(std::any_of(jobs.cbegin(), jobs.cend(), [&](const Job& j) {
            return j.id == started.id && j.state == QLatin1String("cancelled");
        }));
    }

    void editKeepsThePassword() {
        DeviceChange change;
        change.name = QStringLiteral("Yard east");
        const Device renamed = valueOf(await<Device>([&](auto done) { m_api->updateDevice(m_yard, change, done); }));
        QCOMPARE(renamed.name, QStringLiteral("Yard east"));
        QVERIFY(renamed.passwordSet);  // not sent, so kept
        QTRY_COMPARE_WITH_TIMEOUT(m_pushed.value(m_yard).name, QStringLiteral("Yard east"), 10000);
        // Still online with the kept credentials (a lost password would show unauthorised).
        QTRY_VERIFY_WITH_TIMEOUT(pushedState(m_yard, "online"), kStateTimeoutMs);

        // A wrong password is written, shown as unauthorised with the reason, then put right.
        change = {};
        change.password = QStringLiteral("not-it");
        QVERIFY(!valueOf(await<Device>([&](auto done) { m_api->updateDevice(m_yard, change, done); })).id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(pushedState(m_yard, "unauthorised"), kStateTimeoutMs);
        QVERIFY(!m_pushed.value(m_yard).status.reason.isEmpty());
        change.password = kCameraPassword;
        QVERIFY(!valueOf(await<Device>([&](auto done) { m_api->updateDevice(m_yard, change, done); })).id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(pushedState(m_yard, "online"), kStateTimeoutMs);
    }

    void groupTree() {
        QList<QList<DeviceGroup>> pushedGroups;
        connect(m_api.get(), &DevicesApi::groupsChanged, this,
                [&pushedGroups](const QList<DeviceGroup>& groups) { pushedGroups << groups; });
        const DeviceGroup site = valueOf(await<DeviceGroup>([&](auto done) {
            m_api->createGroup(QStringLiteral("Harbour"), {}, QStringLiteral("organisation"), done);
        }));
        QCOMPARE(site.kind, QStringLiteral("organisation"));
        QVERIFY(site.parentId.isEmpty());
        const DeviceGroup north = valueOf(await<DeviceGroup>([&](auto done) {
            m_api->createGroup(QStringLiteral("North"), site.id, {}, done);
        }));
        QCOMPARE(north.parentId, site.id);
        QCOMPARE(north.kind, QStringLiteral("group"));
        const DeviceGroup south = valueOf(await<DeviceGroup>([&](auto done) {
            m_api->createGroup(QStringLiteral("South"), site.id, {}, done);
        }));
        QVERIFY(!south.id.isEmpty());

        // A sibling with the same name (ignoring case) is refused with a clear error.
        auto twin = await<DeviceGroup>([&](auto done) { m_api->createGroup(QStringLiteral("north"), site.id, {}, done); });
        QVERIFY(twin && !twin->ok());
        QCOMPARE(twin->error().code, QStringLiteral("group_exists"));

        QCOMPARE(valueOf(await<DeviceGroup>([&](auto done) { m_api->renameGroup(north.id, "North quay", done); })).name,
                 QStringLiteral("North quay"));
        QCOMPARE(valueOf(await<DeviceGroup>([&](auto done) { m_api->moveGroup(south.id, north.id, done); })).parentId,
                 north.id);
        DeviceChange into;
        into.groupId = south.id;
        QCOMPARE(valueOf(await<Device>([&](auto done) { m_api->updateDevice(m_yard, into, done); })).groupId, south.id);
        QTRY_VERIFY_WITH_TIMEOUT(!pushedGroups.isEmpty() && std::any_of(pushedGroups.last().cbegin(), pushedGroups.last().cend(),
                                                                          [&](const DeviceGroup& g) {
                                                                              return g.id == south.id && g.parentId == north.id;
                                                                          }),
                                 10000);

        // Not empty: refused unless told what to do with the contents; moved up, the device stays.
        auto refused = awaitStatus([&](auto done) { m_api->deleteGroup(south.id, GroupContents::Refuse, done); });
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().code, QStringLiteral("group_not_empty"));
        auto moved = awaitStatus([&](auto done) { m_api->deleteGroup(south.id, GroupContents::Move, done); });
        QVERIFY(moved && moved->ok());
        QCOMPARE(valueOf(await<Device>([&](auto done) { m_api->fetchDevice(m_yard, done); })).groupId, north.id);
        const auto groups = valueOf(await<QList<DeviceGroup>>([&](auto done) { m_api->fetchGroups(done); }));
        QCOMPARE(groups.size(), 2);
    }

    void ptzReachesTheCamera() {
        const Device gate = valueOf(await<Device>([&](auto done) { m_api->fetchDevice(m_gate, done); }));
        QCOMPARE(gate.channels.size(), 1);
        const QString channel = gate.channels.first().id;
        const auto status = [](auto call) {
            auto answer = awaitStatus(call);
            return answer && answer->ok();
        };
        QVERIFY(status([&](auto done) { m_api->ptzMove(channel, -0.5, 0, 0.25, done); }));
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz gate ContinuousMove"), 20000),
                 QStringLiteral("onvif ptz gate ContinuousMove profile=main pan=-0.5 tilt=0 zoom=0.25"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_ptz.cbegin(), m_ptz.cend(),
                                             [&](const PtzResult& r) { return r.channelId == channel && r.operation == "move" && r.ok; }),
                                 20000);
        QVERIFY(status([&](auto done) { m_api->ptzStop(channel, done); }));
        QVERIFY(!m_camera.waitForLine(QStringLiteral("onvif ptz gate Stop"), 20000).isEmpty());
        QVERIFY(status([&](auto done) { m_api->ptzSetPreset(channel, QStringLiteral("Dock"), done); }));
        const QString set = m_camera.waitForLine(QStringLiteral("onvif ptz gate SetPreset"), 20000);
        QVERIFY2(set.contains(QStringLiteral("name=Dock token=")), qPrintable(set));
        const QString token = set.section(QStringLiteral("token="), 1);
        QVERIFY(status([&](auto done) { m_api->ptzGotoPreset(channel, token, done); }));
        QCOMPARE(m_camera.waitForLine(QStringLiteral("onvif ptz gate GotoPreset"), 20000),
                 QStringLiteral("onvif ptz gate GotoPreset profile=main token=") + token);
        core::client::PtzPresets presets;
        QTRY_VERIFY_WITH_TIMEOUT(
            (presets = valueOf(await<core::client::PtzPresets>([&](auto done) { m_api->fetchPtzPresets(channel, done); })))
                    .presets.size() == 1,
            20000);
        QCOMPARE(presets.presets.first().name, QStringLiteral("Dock"));
        QCOMPARE(presets.presets.first().token, token);

        // A camera without PTZ: refused with the reason, nothing sent.
        const QString yardChannel =
            valueOf(await<Device>([&](auto done) { m_api->fetchDevice(m_yard, done); })).channels.value(0).id;
        auto refused = awaitStatus([&](auto done) { m_api->ptzStop(yardChannel, done); });
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().code, QStringLiteral("ptz_not_supported"));
    }

    void removeIsPushed() {
        auto removed = awaitStatus([&](auto done) { m_api->removeDevice(m_yard, done); });
        QVERIFY(removed && removed->ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_removed.contains(m_yard), 10000);
        auto gone = await<Device>([&](auto done) { m_api->fetchDevice(m_yard, done); });
        QVERIFY(gone && !gone->ok());
        QCOMPARE(gone->error().code, QStringLiteral("device_not_found"));
    }
};

QTEST_GUILESS_MAIN(TestDevicesClient)

#include "tst_devices_client.moc"
