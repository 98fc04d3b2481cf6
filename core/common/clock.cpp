#include "common/clock.h"

#include <QDateTime>

namespace vigil::core {

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

const SystemClock& SystemClock::instance() {
    static const SystemClock clock;
    return clock;
}

}  // namespace vigil::core
