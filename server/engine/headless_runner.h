#pragma once
// runHeadless: runs the engine without a window until SIGTERM/SIGINT. Used by vigild and by the
// workstation on a machine with no display, so both behave the same with the same data.

#include <QHostAddress>
#include <QString>

namespace vigil::server {

struct HeadlessOptions {
    QString dataDir;        // empty: the user's data folder (or beside the executable when portable)
    bool portable = false;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;       // 0: stored setting or the default port
    bool ephemeralPort = false;  // any free port (tests); the address printed says which
};

// Needs a running QCoreApplication; returns the process exit code.
int runHeadless(const HeadlessOptions& options);

}  // namespace vigil::server
