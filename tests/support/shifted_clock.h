#pragma once
// Test clock: the wall clock moved by a shift the test sets, so the engine's "now" can be as wrong as
// a test needs (a platform clock behind an NTP server, a certificate seen after its expiry) while
// time still passes.

#include <QDateTime>
#include <atomic>

#include "common/clock.h"

namespace vigil::test {

class ShiftedClock final : public core::Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_shiftMs.load(); }
    void shift(qint64 ms) { m_shiftMs.store(ms); }

private:
    std::atomic<qint64> m_shiftMs{0};
};

}  // namespace vigil::test
