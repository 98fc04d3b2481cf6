#include "http/refusal_log.h"

namespace vigil::server {

QString RefusalLog::record(const QHostAddress& peer) {
    const qint64 nowMs = m_clock.nowMs();
    const QString address = peer.isNull() ? QStringLiteral("an unknown address") : peer.toString();
    auto found = m_windows.find(address);
    if (found != m_windows.end() && nowMs - found->loggedMs < kIntervalMs) {
        ++found->unlogged;
        return {};
    }
    const quint64 leftOut = found == m_windows.end() ? 0 : found->unlogged;
    if (found == m_windows.end() && m_windows.size() >= kMaxAddresses) {
        forgetOld(nowMs);
    }
    m_windows.insert(address, Window{nowMs, 0});
    QString line = QStringLiteral("address filter refused a connection from %1").arg(address);
    if (leftOut > 0) {
        line += QStringLiteral(" (and %1 more since the last line about it)").arg(leftOut);
    }
    return line;
}

void RefusalLog::forgetOld(qint64 nowMs) {
    m_windows.removeIf([nowMs](const auto& item) { return nowMs - item.value().loggedMs >= kIntervalMs; });
    // Still full: every address knocked within the minute. Start over rather than grow.
    if (m_windows.size() >= kMaxAddresses) {
        m_windows.clear();
    }
}

}  // namespace vigil::server
