#pragma once
// Cancellation: set from any thread to end a long operation early (a driver call, a discovery, an
// export); the operation checks it between steps and while waiting.

#include <atomic>

namespace vigil::core {

class Cancellation {
public:
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

private:
    std::atomic<bool> m_cancelled{false};
};

}  // namespace vigil::core
