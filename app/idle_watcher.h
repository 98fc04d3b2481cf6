#pragma once
// IdleWatcher: says when nobody has touched the workstation for a while (CLI-2 idle auto-lock).
// It filters the application's events, so every window and control counts, and only looks: it never
// consumes an event. A timeout of 0 switches it off.

#include <QObject>

class QTimer;

namespace vigil::app {

class IdleWatcher : public QObject {
    Q_OBJECT
public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    // Starts watching with `timeoutMs` (0: off); the count starts again at every call.
    void start(qint64 timeoutMs);
    void stop();
    bool isWatching() const;

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer* m_timer;
    bool m_installed = false;
};

}  // namespace vigil::app
