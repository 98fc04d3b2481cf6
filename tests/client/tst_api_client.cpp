// ApiClient against a real Engine on 127.0.0.1 (SEC-2.3, trust on first use): the first contact asks
// for trust with the CA's fingerprint; after acceptance the typed calls work and the pin is saved; a
// second client with the same store connects without asking; a rejected prompt pins nothing; a
// different engine (new CA) on the same address is refused with the "changed" error and delivers no
// data; the requests trust only the pinned CA; the WebSocket delivers system.hello and system.health.

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <optional>

#include "await_call.h"
#include "client/api_client.h"
#include "client/trust_store.h"
#include "engine/engine.h"
#include "security/certificate_authority.h"
#include "support/test_engine.h"
#include "system/health_monitor.h"

using namespace vigil;
using core::client::ApiClient;
using core::client::TrustStore;
using core::model::HealthSnapshot;
using core::model::PushMessage;
using core::model::ServiceStatus;
using core::model::SystemInfo;
using core::security::CertificateAuthority;
using server::Engine;
using server::EngineOptions;

using test::await;

namespace {

constexpr int kTimeoutMs = 15000;
const QString kHost = QStringLiteral("127.0.0.1");

std::unique_ptr<Engine> startEngine(const QString& root, quint16 port) {
    auto engine = std::make_unique<Engine>(test::engineOptions(root, port));
    const core::Status started = engine->start();
    if (!started) {
        qWarning() << started.error().message;
        return nullptr;
    }
    return engine;
}

quint16 portOf(const Engine& engine) {
    return static_cast<quint16>(engine.baseUrl().port());
}

}  // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_firstDir.isValid() && m_secondDir.isValid() && m_clientDir.isValid());
        m_engine = startEngine(m_firstDir.path(), 0);
        QVERIFY(m_engine);
        m_engine->health()->setIntervalMs(200);
        m_port = portOf(*m_engine);
        QVERIFY(m_port > 0);
        m_trustFile = m_clientDir.filePath(QStringLiteral("trusted_sites.json"));
    }

    void firstContactAsksForTrustThenConnects() {
        TrustStore store(m_trustFile);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QSignalSpy trust(&client, &ApiClient::trustRequired);
        QSignalSpy ready(&client, &ApiClient::ready);
        client.probe();
        QVERIFY(trust.wait(kTimeoutMs));
        const QString expected = CertificateAuthority::fingerprint(m_engine->authority().certificate);
        QCOMPARE(trust.first().at(0).toString(), expected);
        QVERIFY(!trust.first().at(1).toString().isEmpty());
        QCOMPARE(client.state(), ApiClient::State::TrustRequired);
        QVERIFY(!store.pinnedCa(client.site()));

        // Not trusted yet: nothing is fetched.
        auto early = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(early && !early->ok());
        QCOMPARE(early->error().code, QStringLiteral("client_not_connected"));

        client.acceptTrust();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(client.state(), ApiClient::State::Ready);

        auto info = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(info);
        QVERIFY2(info->ok(), qPrintable(info->ok() ? QString() : info->error().message));
        QCOMPARE(info->value().serverId, m_engine->serverId());
        QCOMPARE(info->value().caFingerprint, expected);

        auto health = await<HealthSnapshot>([&](auto done) { client.fetchHealth(done); });
        QVERIFY(health && health->ok());
        QVERIFY(health->value().memoryTotalBytes > 0);

        auto services = await<QList<ServiceStatus>>([&](auto done) { client.fetchServices(done); });
        QVERIFY(services && services->ok());
        QVERIFY(services->value().size() >= 2);

        // Saved, owner-only, and readable by a fresh store.
        QVERIFY(QFile::exists(m_trustFile));
        QCOMPARE(QFile::permissions(m_trustFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        TrustStore reloaded(m_trustFile);
        const auto pin = reloaded.pinnedCa(TrustStore::siteKey(kHost, m_port));
        QVERIFY(pin);
        QCOMPARE(pin->fingerprint, expected);
        QVERIFY(pin->firstSeenMs > 0);
    }

    void secondClientConnectsWithoutPrompt() {
        TrustStore store(m_trustFile);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QSignalSpy trust(&client, &ApiClient::trustRequired);
        QSignalSpy ready(&client, &ApiClient::ready);
        client.probe();
        QVERIFY(ready.wait(kTimeoutMs));
        QCOMPARE(trust.size(), 0);
        auto info = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(info && info->ok());
    }

    void rejectedTrustPinsNothing() {
        const QString file = m_clientDir.filePath(QStringLiteral("rejected.json"));
        TrustStore store(file);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QSignalSpy trust(&client, &ApiClient::trustRequired);
        client.probe();
        QVERIFY(trust.wait(kTimeoutMs));
        client.rejectTrust();
        QCOMPARE(client.state(), ApiClient::State::Idle);
        QVERIFY(!store.pinnedCa(client.site()));
        QVERIFY(!TrustStore(file).pinnedCa(client.site()));
        auto info = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(info && !info->ok());
    }

    void eventsDeliverHelloAndHealth() {
        TrustStore store(m_trustFile);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QSignalSpy ready(&client, &ApiClient::ready);
        client.probe();
        QVERIFY(ready.wait(kTimeoutMs));

        QList<PushMessage> received;
        connect(&client, &ApiClient::pushReceived, this,
                [&received](const PushMessage& m) { received << m; });
        QSignalSpy connected(&client, &ApiClient::eventsConnectedChanged);
        client.connectEvents();
        QVERIFY(connected.wait(kTimeoutMs));
        QVERIFY(client.eventsConnected());
        const auto has = [&received](const QString& type) {
            return std::any_of(received.cbegin(), received.cend(),
                               [&type](const PushMessage& m) { return m.type == type; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(QStringLiteral("system.hello")) && has(QStringLiteral("system.health")),
                                 kTimeoutMs);
        for (const PushMessage& message : std::as_const(received)) {
            if (message.type == QLatin1String("system.health")) {
                QVERIFY(HealthSnapshot::fromJson(message.data).ok());
            }
        }
        client.disconnectEvents();
        QVERIFY(!client.eventsConnected());
    }

    void requestsTrustOnlyThePinnedAuthority() {
        // A client told to trust some other CA must not get data from this engine, even though the
        // engine's own CA would verify: the pin is the only root.
        const QString file = m_clientDir.filePath(QStringLiteral("other.json"));
        auto other = CertificateAuthority::createAuthority(
            core::security::CertificateSubject{QStringLiteral("Other")});
        QVERIFY(other);
        TrustStore store(file);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QVERIFY(client.pinAuthority(other->certificate).ok());
        auto info = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(info && !info->ok());
        QVERIFY2(info->error().code.startsWith(QStringLiteral("tls_")), qPrintable(info->error().code));
    }

    void changedAuthorityIsRefused() {
        // Same address and port, a new engine with a new CA: what an impostor would look like.
        m_engine->stop();
        m_engine.reset();
        m_engine = startEngine(m_secondDir.path(), m_port);
        QVERIFY(m_engine);
        QCOMPARE(portOf(*m_engine), m_port);

        TrustStore store(m_trustFile);
        ApiClient client(&store);
        client.setSite(kHost, m_port);
        QSignalSpy trust(&client, &ApiClient::trustRequired);
        QSignalSpy ready(&client, &ApiClient::ready);
        QSignalSpy failed(&client, &ApiClient::failed);
        QSignalSpy pushes(&client, &ApiClient::pushReceived);
        client.probe();
        QVERIFY(failed.wait(kTimeoutMs));
        const auto error = failed.first().at(0).value<core::Error>();
        QCOMPARE(error.code, QStringLiteral("tls_authority_changed"));
        QVERIFY2(error.message.contains(QStringLiteral("changed")), qPrintable(error.message));
        const QString oldFingerprint = store.pinnedCa(client.site())->fingerprint;
        const QString newFingerprint = CertificateAuthority::fingerprint(m_engine->authority().certificate);
        QVERIFY(error.message.contains(oldFingerprint));
        QVERIFY(error.message.contains(newFingerprint));
        QCOMPARE(trust.size(), 0);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(client.state(), ApiClient::State::Failed);

        // No data, no events, and the old pin is kept.
        auto info = await<SystemInfo>([&](auto done) { client.fetchInfo(done); });
        QVERIFY(info && !info->ok());
        QCOMPARE(info->error().code, QStringLiteral("tls_authority_changed"));
        client.connectEvents();
        QTest::qWait(500);
        QCOMPARE(pushes.size(), 0);
        QCOMPARE(store.pinnedCa(client.site())->fingerprint, oldFingerprint);

        // After the admin confirmed: forget, probe again, and the new CA is offered for trust.
        QVERIFY(client.forgetSite().ok());
        client.probe();
        QVERIFY(trust.wait(kTimeoutMs));
        QCOMPARE(trust.first().at(0).toString(), newFingerprint);
    }

    void cleanupTestCase() {
        if (m_engine) {
            m_engine->stop();
        }
    }

private:
    QTemporaryDir m_firstDir;
    QTemporaryDir m_secondDir;
    QTemporaryDir m_clientDir;
    std::unique_ptr<Engine> m_engine;
    quint16 m_port = 0;
    QString m_trustFile;
};

QTEST_GUILESS_MAIN(TestApiClient)

#include "tst_api_client.moc"
