#pragma once
// RefusalLog: the server log's record of connections the address filter refused (SEC-2.5). A
// scanner or a client retrying in a loop can knock thousands of times a minute; writing each
// knock would flood the log and cost more than refusing it. So each address gets at most one line
// per minute, which also says how many refusals the previous line left out.

#include <QHash>
#include <QHostAddress>
#include <QString>

#include "common/clock.h"

namespace vigil::server {

class RefusalLog {
public:
    static constexpr qint64 kIntervalMs = 60 * 1000;
    // Addresses remembered at once; older ones are dropped first so a sweep of addresses costs
    // bounded memory.
    static constexpr qsizetype kMaxAddresses = 4096;

    explicit RefusalLog(const core::Clock& clock) : m_clock(clock) {}

    // Counts a refusal; returns the line to log now, or an empty string when this address was
    // already logged within the last minute.
    QString record(const QHostAddress& peer);

private:
    struct Window {
        qint64 loggedMs = 0;
        quint64 unlogged = 0;  // refusals since the last line
    };

    void forgetOld(qint64 nowMs);

    const core::Clock& m_clock;
    QHash<QString, Window> m_windows;
};

}  // namespace vigil::server
