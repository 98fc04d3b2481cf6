#pragma once
// Service: one part of the engine with its own lifecycle (SRV-1). Each service can be started,
// stopped and restarted on its own, may own a port, and reports its state. Services live on the
// engine's thread; start/stop are called there.

#include "common/result.h"

#include <QObject>
#include <QString>

namespace vigil::server {

enum class ServiceState { Stopped, Starting, Running, Stopping, Unavailable };
QString serviceStateName(ServiceState state);  // "stopped", "starting", ... (API values)

class Service : public QObject {
    Q_OBJECT
public:
    Service(QString id, QString displayName, QObject* parent = nullptr);
    ~Service() override;

    QString id() const { return m_id; }
    QString displayName() const { return m_displayName; }
    ServiceState state() const { return m_state; }
    // Why the service is unavailable (empty otherwise): what went wrong and what to do.
    QString problem() const { return m_problem; }
    // The port the service listens on, 0 when it has none or is not running.
    virtual quint16 port() const { return 0; }

    core::Status start();
    void stop();
    core::Status restart();

signals:
    void stateChanged(const QString& serviceId, vigil::server::ServiceState state);

protected:
    // Brings the service up; on error the service becomes Unavailable with the error's message.
    virtual core::Status doStart() = 0;
    virtual void doStop() = 0;

private:
    void setState(ServiceState state, QString problem = {});

    QString m_id;
    QString m_displayName;
    ServiceState m_state = ServiceState::Stopped;
    QString m_problem;
};

}  // namespace vigil::server

Q_DECLARE_METATYPE(vigil::server::ServiceState)
