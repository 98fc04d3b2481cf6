#pragma once
// VirtualCameraHost: where the virtual driver's cameras run, inside the server's process. Each
// virtual camera (virtual://<name>) is a small RTSP server on 127.0.0.1 with an ephemeral port,
// built from the test camera's server code (tools/vigil-testcamera), serving a main stream (720p)
// and a sub stream (360p) that loop generated clips (clip_generator.h) without transcoding. The
// stream hub reads them like any camera, so recording, live viewing and statistics of a virtual
// camera take the same path as a real one (docs/design/devices.md, Virtual cameras).
//
// One host per process, made on first use and kept until the process ends (the driver plugin is
// never unloaded). Its servers run on its own thread with an event loop: driver calls come from the
// devices service's worker threads, which have none. A camera, once started, keeps running until
// the process ends; starting it again returns the same URLs.

#include <QHash>
#include <QMutex>
#include <QThread>
#include <QUrl>

#include "common/result.h"

namespace vigil::core {
class Cancellation;
namespace devices {
using Cancellation = core::Cancellation;
}
}  // namespace vigil::core

namespace vigil::plugins {

struct VirtualCameraUrls {
    QUrl main;
    QUrl sub;
};

class VirtualCameraHost {
public:
    static VirtualCameraHost& instance();

    // The camera's stream URLs, starting it first if it is not running. The first call of the
    // process also makes the clips (a few seconds of encoding, once; reused from the temporary
    // folder afterwards).
    core::Result<VirtualCameraUrls> ensure(const QString& name, const core::devices::Cancellation& cancel);

    // Where the clips are kept.
    static QString clipFolder();

private:
    VirtualCameraHost();
    ~VirtualCameraHost() = delete;  // lives until the process ends

    core::Status makeClips();

    QMutex m_mutex;  // one ensure() at a time: clips are made once, servers started once
    QThread m_thread;
    QObject* m_context = nullptr;  // lives on m_thread; the servers are its children
    QHash<QString, VirtualCameraUrls> m_cameras;
    QString m_mainClip;
    QString m_subClip;
};

}  // namespace vigil::plugins
