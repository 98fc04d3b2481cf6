#pragma once
// Clock: where time-dependent code (lockout windows, session timeouts, ...) reads "now", so tests
// can move time with a ManualClock instead of sleeping. Time is UTC milliseconds since the epoch,
// as everywhere on the wire and in storage (ARCHITECTURE.md, Protocol).

#include <QtGlobal>
#include <atomic>

namespace vigil::core {

class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

// The wall clock. Stateless, so one shared instance serves every user.
class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
    static const SystemClock& instance();
};

// A clock that moves only when told to. Safe to read from several threads while a test moves it.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs = 0) : m_nowMs(startMs) {}

    qint64 nowMs() const override { return m_nowMs.load(std::memory_order_relaxed); }
    void set(qint64 nowMs) { m_nowMs.store(nowMs, std::memory_order_relaxed); }
    void advance(qint64 deltaMs) { m_nowMs.fetch_add(deltaMs, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_nowMs;
};

}  // namespace vigil::core
