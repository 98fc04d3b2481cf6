#include "engine/headless_runner.h"

#include "engine/engine.h"
#include "platform/shutdown_signals.h"
#include "server_logging.h"

#include <QCoreApplication>
#include <QTextStream>

namespace vigil::server {

int runHeadless(const HeadlessOptions& options) {
    EngineOptions engineOptions;
    engineOptions.location = options.dataDir.isEmpty()
                                 ? core::platform::DataLocation::resolve(options.portable)
                                 : core::platform::DataLocation::at(options.dataDir, options.portable);
    engineOptions.listenAddress = options.listenAddress;
    engineOptions.port = options.port;
    engineOptions.ephemeralPort = options.ephemeralPort;
    if (engineOptions.location.portable) {
        // A portable folder travels between machines: its key must travel with it.
        engineOptions.secretPolicy = core::security::SecretStore::Policy::FileOnly;
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    Engine engine(engineOptions);
    core::Status started = engine.start();
    if (!started) {
        err << "vigild: cannot start: " << started.error().message << Qt::endl;
        return 1;
    }
    Service* gateway = engine.service(QStringLiteral("access-gateway"));
    if (gateway && gateway->state() != ServiceState::Running) {
        err << "vigild: the HTTPS service is unavailable: " << gateway->problem() << Qt::endl;
        engine.stop();
        return 1;
    }

    out << "Vigil server " << VIGIL_VERSION << " running (server id " << engine.serverId() << ")" << Qt::endl;
    out << "  address:         " << engine.baseUrl().toString() << Qt::endl;
    out << "  CA fingerprint:  "
        << core::security::CertificateAuthority::fingerprint(engine.authority().certificate) << Qt::endl;
    out << "  data folder:     " << engine.dataDir() << Qt::endl;
    out << "Stop with Ctrl+C or SIGTERM." << Qt::endl;

    core::platform::ShutdownSignals shutdown;
    QObject::connect(&shutdown, &core::platform::ShutdownSignals::shutdownRequested, &engine, [&](int number) {
        qCInfo(lcEngine) << "signal" << number << "received, stopping";
        engine.stop();
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

}  // namespace vigil::server
