#include "idle_watcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <limits>

namespace vigil::app {

namespace {

bool isUserInput(QEvent::Type type) {
    switch (type) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TabletPress:
            return true;
        default:
            return false;
    }
}

}  // namespace

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
}

IdleWatcher::~IdleWatcher() {
    stop();
}

void IdleWatcher::start(qint64 timeoutMs) {
    if (timeoutMs <= 0) {
        stop();
        return;
    }
    // QTimer takes an int: anything longer than ~24 days is "never" for a workstation.
    m_timer->setInterval(static_cast<int>(std::min<qint64>(timeoutMs, std::numeric_limits<int>::max())));
    m_timer->start();
    if (!m_installed && QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
        m_installed = true;
    }
}

void IdleWatcher::stop() {
    m_timer->stop();
    if (m_installed && QCoreApplication::instance()) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
    m_installed = false;
}

bool IdleWatcher::isWatching() const {
    return m_timer->isActive();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event) {
    if (isUserInput(event->type()) && m_timer->isActive()) {
        m_timer->start();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace vigil::app
