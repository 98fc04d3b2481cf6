#pragma once
// Runs vigil-testcamera and one client in a private network namespace (run_in_netns.sh under
// `unshare -rn`): the only place on a shared machine where WS-Discovery multicast can go out and
// come back on loopback alone. Clients that can only discover by multicast (onvif-util, npm
// onvif's Discovery) and our driver's multicast probe are tested there.

#include <QProcess>
#include <QStringList>

#include "onvif_test_camera.h"
#include "testcamera/run_tool.h"

namespace vigil::test {

// Whether this machine lets us make the namespace; `why` says what is missing when not.
inline bool netnsAvailable(QString* why) {
    const ToolRun run = runTool(QStringLiteral("unshare"),
                                {QStringLiteral("-rn"), QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"),
                                 QStringLiteral("lo"), QStringLiteral("multicast"), QStringLiteral("on")},
                                20000);
    if (!run.ok()) {
        *why = QStringLiteral("no private network namespace here (unshare -rn ip link: %1); multicast discovery "
                              "on loopback is not covered on this machine")
                   .arg(run.describe());
        return false;
    }
    return true;
}

// `cameras`: --camera specs without the file; the camera gets --onvif-port 0 --discovery-multicast.
inline ToolRun runInNetns(const QStringList& cameras, const QStringList& client, int boundMs = 120000) {
    QString error;
    const QString file = OnvifTestCamera::clip(&error);
    QStringList arguments{QStringLiteral("-rn"), QStringLiteral(VIGIL_ONVIF_TEST_DIR "/run_in_netns.sh"),
                          TestCamera::binaryPath(), QStringLiteral("--onvif-port"), QStringLiteral("0"),
                          QStringLiteral("--discovery-multicast")};
    for (const QString& camera : cameras) {
        arguments << QStringLiteral("--camera") << camera + QStringLiteral(",file=") + file;
    }
    arguments << QStringLiteral("--");
    arguments += client;
    return runTool(QStringLiteral("unshare"), arguments, boundMs);
}

}  // namespace vigil::test
