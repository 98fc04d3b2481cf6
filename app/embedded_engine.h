#pragma once
// EmbeddedEngine: runs the server Engine on its own thread inside the workstation (standalone mode).
// The Engine and every QObject it makes are created, started, stopped and deleted on that thread;
// the workstation talks to it only through HTTPS on loopback, like any remote client.
//
// If the chosen HTTPS port is busy, the engine is started again on a port the OS picks: standalone
// listens on loopback only, so its port number matters to no one else.

#include <QObject>
#include <QSslCertificate>
#include <QThread>
#include <QUrl>

#include "engine/engine.h"

namespace vigil::app {

class EmbeddedEngine : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedEngine(QObject* parent = nullptr);
    ~EmbeddedEngine() override;  // stops the engine and joins the thread

    // Starts the thread and the engine on it; answers with ready() or failed() (on this object's
    // thread). Does nothing while already started.
    void start(const server::EngineOptions& options);
    // Stops the engine on its thread, deletes it there and joins the thread. Blocks.
    void stop();
    bool isStarted() const { return m_thread.isRunning(); }

signals:
    void ready(const QUrl& baseUrl, const QSslCertificate& authority);
    void failed(const QString& message);

private:
    // Runs on m_thread.
    void startOnThread(server::EngineOptions options);
    QString tryStart(const server::EngineOptions& options, bool* gatewayFailed);
    void stopOnThread();

    QThread m_thread;
    QObject* m_anchor;                   // lives on m_thread: the context for calls made there
    server::Engine* m_engine = nullptr;  // lives on m_thread; only touched there
};

}  // namespace vigil::app
