#pragma once
// ShutdownSignals turns SIGTERM and SIGINT into a Qt signal on the main thread (self-pipe), so a
// daemon stops its services in order instead of dying mid-write.

#include <QObject>

class QSocketNotifier;

namespace vigil::core::platform {

class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void shutdownRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier* m_notifier = nullptr;
};

}  // namespace vigil::core::platform
