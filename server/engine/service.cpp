#include "engine/service.h"

#include "server_logging.h"

namespace vigil::server {

QString serviceStateName(ServiceState state) {
    switch (state) {
    case ServiceState::Stopped: return QStringLiteral("stopped");
    case ServiceState::Starting: return QStringLiteral("starting");
    case ServiceState::Running: return QStringLiteral("running");
    case ServiceState::Stopping: return QStringLiteral("stopping");
    case ServiceState::Unavailable: return QStringLiteral("unavailable");
    }
    return QStringLiteral("unknown");
}

Service::Service(QString id, QString displayName, QObject* parent)
    : QObject(parent), m_id(std::move(id)), m_displayName(std::move(displayName)) {}

Service::~Service() = default;

core::Status Service::start() {
    if (m_state == ServiceState::Running || m_state == ServiceState::Starting) {
        return {};
    }
    setState(ServiceState::Starting);
    core::Status status = doStart();
    if (!status) {
        qCWarning(lcEngine).noquote() << "service" << m_id << "unavailable:" << status.error().message;
        setState(ServiceState::Unavailable, status.error().message);
        return status;
    }
    setState(ServiceState::Running);
    qCInfo(lcEngine).noquote() << "service" << m_id << "running" << (port() ? QString::number(port()) : QString());
    return {};
}

void Service::stop() {
    if (m_state == ServiceState::Stopped) {
        return;
    }
    setState(ServiceState::Stopping);
    doStop();
    setState(ServiceState::Stopped);
    qCInfo(lcEngine).noquote() << "service" << m_id << "stopped";
}

core::Status Service::restart() {
    stop();
    return start();
}

void Service::setState(ServiceState state, QString problem) {
    m_problem = std::move(problem);
    if (m_state == state) {
        return;
    }
    m_state = state;
    emit stateChanged(m_id, state);
}

}  // namespace vigil::server
