#include "embedded_engine.h"

#include "app_logging.h"

namespace vigil::app {

namespace {
constexpr auto kGatewayId = "access-gateway";
}

EmbeddedEngine::EmbeddedEngine(QObject* parent) : QObject(parent), m_anchor(new QObject) {
    m_thread.setObjectName(QStringLiteral("vigil-engine"));
    m_anchor->moveToThread(&m_thread);
}

EmbeddedEngine::~EmbeddedEngine() {
    stop();
    delete m_anchor;  // its thread has finished: deleting it from here is safe
}

void EmbeddedEngine::start(const server::EngineOptions& options) {
    if (m_thread.isRunning()) {
        return;
    }
    m_thread.start();
    // Queued, not blocking: opening the store and making certificates on first start takes a moment,
    // and the window should paint "starting" meanwhile.
    QMetaObject::invokeMethod(
        m_anchor, [this, options] { startOnThread(options); }, Qt::QueuedConnection);
}

void EmbeddedEngine::stop() {
    if (!m_thread.isRunning()) {
        return;
    }
    QMetaObject::invokeMethod(
        m_anchor, [this] { stopOnThread(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void EmbeddedEngine::startOnThread(server::EngineOptions options) {
    bool gatewayFailed = false;
    QString problem = tryStart(options, &gatewayFailed);
    if (!problem.isEmpty() && gatewayFailed && !options.ephemeralPort) {
        qCWarning(lcApp).noquote()
            << QStringLiteral("HTTPS port unavailable (%1); the embedded engine takes a free port instead")
                   .arg(problem);
        options.ephemeralPort = true;
        problem = tryStart(options, &gatewayFailed);
    }
    if (!problem.isEmpty()) {
        emit failed(problem);
        return;
    }
    // Emitted from this thread; receivers on the GUI thread get it queued.
    emit ready(m_engine->baseUrl(), m_engine->authority().certificate);
}

QString EmbeddedEngine::tryStart(const server::EngineOptions& options, bool* gatewayFailed) {
    *gatewayFailed = false;
    m_engine = new server::Engine(options);
    const core::Status started = m_engine->start();
    QString problem;
    if (!started) {
        problem = started.error().message;
    } else if (server::Service* gateway = m_engine->service(QLatin1String(kGatewayId));
               !gateway || gateway->state() != server::ServiceState::Running) {
        *gatewayFailed = true;
        problem = gateway ? gateway->problem() : tr("The engine has no HTTPS service.");
    }
    if (!problem.isEmpty()) {
        stopOnThread();
        return problem;
    }
    qCInfo(lcApp).noquote() << "embedded engine running at" << m_engine->baseUrl().toString() << "data"
                            << m_engine->dataDir();
    return {};
}

void EmbeddedEngine::stopOnThread() {
    if (!m_engine) {
        return;
    }
    m_engine->stop();
    delete m_engine;
    m_engine = nullptr;
}

}  // namespace vigil::app
