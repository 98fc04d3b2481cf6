// Engine lifecycle and service management (SRV-1): services start, stop and restart on their own and
// report their state; a failing service is Unavailable with its reason while the others run; the
// engine keeps its identity and TLS material across restarts; a wrong database key stops the start
// with a clear error and touches nothing.

#include "engine/engine.h"
#include "support/test_engine.h"
#include "engine/settings_repository.h"
#include "security/certificate_authority.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::server::Engine;
using vigil::server::EngineOptions;
using vigil::server::Service;
using vigil::server::ServiceState;

namespace {

// A service whose start can be made to fail, to watch the lifecycle without sockets.
class ProbeService : public Service {
public:
    ProbeService() : Service(QStringLiteral("probe"), QStringLiteral("Probe")) {}
    bool failNextStart = false;
    int starts = 0;
    int stops = 0;

protected:
    core::Status doStart() override {
        ++starts;
        if (failNextStart) {
            failNextStart = false;
            return core::Error::make(QStringLiteral("probe_failed"), QStringLiteral("The probe was told to fail."));
        }
        return {};
    }
    void doStop() override { ++stops; }
};

EngineOptions optionsFor(const QString& root) { return test::engineOptions(root); }

}  // namespace

class TestEngine : public QObject {
    Q_OBJECT

private slots:
    void serviceLifecycleReportsEveryState() {
        ProbeService probe;
        QSignalSpy spy(&probe, &Service::stateChanged);
        QVERIFY(probe.start().ok());
        QCOMPARE(probe.state(), ServiceState::Running);
        QVERIFY(probe.restart().ok());
        probe.stop();
        QCOMPARE(probe.state(), ServiceState::Stopped);
        QList<ServiceState> seen;
        for (const auto& args : spy) {
            seen << args.at(1).value<ServiceState>();
        }
        const QList<ServiceState> expected = {ServiceState::Starting, ServiceState::Running,
                                              ServiceState::Stopping, ServiceState::Stopped,
                                              ServiceState::Starting, ServiceState::Running,
                                              ServiceState::Stopping, ServiceState::Stopped};
        QCOMPARE(seen, expected);
        QCOMPARE(probe.starts, 2);
        QCOMPARE(probe.stops, 2);
    }

    void failingServiceIsUnavailableWithItsReason() {
        ProbeService probe;
        probe.failNextStart = true;
        const core::Status status = probe.start();
        QVERIFY(!status.ok());
        QCOMPARE(probe.state(), ServiceState::Unavailable);
        QVERIFY(probe.problem().contains(QStringLiteral("told to fail")));
        QVERIFY(probe.start().ok());  // a later start recovers and clears the reason
        QCOMPARE(probe.state(), ServiceState::Running);
        QVERIFY(probe.problem().isEmpty());
    }

    void engineStartsServicesAndRestartsOneAlone() {
        QTemporaryDir dir;
        Engine engine(optionsFor(dir.path()));
        QVERIFY2(engine.start().ok(), "engine should start on an empty folder");
        QVERIFY(engine.services().size() >= 2);
        for (Service* service : engine.services()) {
            QCOMPARE(service->state(), ServiceState::Running);
        }
        Service* gateway = engine.service(QStringLiteral("access-gateway"));
        Service* system = engine.service(QStringLiteral("system-management"));
        QVERIFY(gateway && system);
        QVERIFY(gateway->port() > 0);

        QSignalSpy spy(&engine, &Engine::serviceStateChanged);
        gateway->stop();
        QCOMPARE(gateway->state(), ServiceState::Stopped);
        QCOMPARE(system->state(), ServiceState::Running);  // the others are untouched
        QVERIFY(gateway->start().ok());
        QCOMPARE(gateway->state(), ServiceState::Running);
        QVERIFY(spy.count() >= 4);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("access-gateway"));
    }

    void busyPortMakesTheGatewayUnavailableNotTheEngine() {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        EngineOptions options = optionsFor(dir.path());
        options.ephemeralPort = false;
        options.port = squatter.serverPort();
        Engine engine(options);
        QVERIFY(engine.start().ok());
        Service* gateway = engine.service(QStringLiteral("access-gateway"));
        QCOMPARE(gateway->state(), ServiceState::Unavailable);
        QVERIFY2(!gateway->problem().isEmpty(), "an unavailable service says why");
        QCOMPARE(engine.service(QStringLiteral("system-management"))->state(), ServiceState::Running);
    }

    void identityAndAuthoritySurviveRestart() {
        QTemporaryDir dir;
        QString id;
        QString fingerprint;
        {
            Engine engine(optionsFor(dir.path()));
            QVERIFY(engine.start().ok());
            id = engine.serverId();
            fingerprint = core::security::CertificateAuthority::fingerprint(engine.authority().certificate);
            QVERIFY(!id.isEmpty());
            QVERIFY(core::security::CertificateAuthority::isSignedBy(engine.serverCertificate().certificate,
                                                                     engine.authority().certificate));
            QVERIFY(engine.settings().setValue(QStringLiteral("test.marker"), QStringLiteral("kept")).ok());
        }
        Engine again(optionsFor(dir.path()));
        QVERIFY(again.start().ok());
        QCOMPARE(again.serverId(), id);
        QCOMPARE(core::security::CertificateAuthority::fingerprint(again.authority().certificate), fingerprint);
        auto marker = again.settings().value(QStringLiteral("test.marker"));
        QVERIFY(marker.ok() && marker.value().has_value());
        QCOMPARE(*marker.value(), QStringLiteral("kept"));
        QCOMPARE(again.secretBackend(), QStringLiteral("file"));
    }

    void wrongKeyStopsTheStartWithAClearError() {
        // A database copied to another installation meets that installation's key, not its own.
        QTemporaryDir original;
        QTemporaryDir other;
        for (const QTemporaryDir* dir : {&original, &other}) {
            Engine engine(optionsFor(dir->path()));
            QVERIFY(engine.start().ok());
        }
        const QString source = original.path() + QStringLiteral("/server/vigil.db");
        const QString target = other.path() + QStringLiteral("/server/vigil.db");
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(target + suffix);
        }
        QVERIFY(QFile::copy(source, target));
        QFile copied(target);
        QVERIFY(copied.open(QIODevice::ReadOnly));
        const QByteArray before = copied.readAll();
        copied.close();

        Engine engine(optionsFor(other.path()));
        const core::Status status = engine.start();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("store_wrong_key"));
        QVERIFY(!status.error().message.isEmpty());
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), before);  // nothing stored was touched
    }

    void missingKeyForAnExistingDatabaseIsNotReplaced() {
        QTemporaryDir dir;
        {
            Engine engine(optionsFor(dir.path()));
            QVERIFY(engine.start().ok());
        }
        QDir secrets(dir.path() + QStringLiteral("/secrets"));
        QVERIFY(secrets.removeRecursively());
        Engine engine(optionsFor(dir.path()));
        const core::Status status = engine.start();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("store_key_missing"));
        QVERIFY(status.error().message.contains(QStringLiteral("keyring")));
        // No new key was made: it could never open the database and would hide the real one.
        QVERIFY(!QDir(dir.path() + QStringLiteral("/secrets")).exists() ||
                QDir(dir.path() + QStringLiteral("/secrets")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
