#include "virtual_camera_host.h"

#include <QDir>
#include <unistd.h>

#include "camera_config.h"
#include "clip_generator.h"
#include "devices/device_driver.h"
#include "rtsp_server.h"

namespace vigil::plugins {

using core::Error;
using core::Result;
using core::Status;

namespace {

const ClipSpec kMainClip{1280, 720, 25, 10, 2'000'000};
const ClipSpec kSubClip{640, 360, 25, 10, 500'000};

}  // namespace

VirtualCameraHost& VirtualCameraHost::instance() {
    // Never deleted: its thread and servers serve until the process ends, and the plugin that
    // holds this code is never unloaded.
    static VirtualCameraHost* host = new VirtualCameraHost;
    return *host;
}

VirtualCameraHost::VirtualCameraHost() {
    m_thread.setObjectName(QStringLiteral("virtual cameras"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

QString VirtualCameraHost::clipFolder() {
    return QDir::tempPath() + QStringLiteral("/vigil-virtual-clips-%1").arg(::getuid());
}

Status VirtualCameraHost::makeClips() {
    if (!m_mainClip.isEmpty()) {
        return {};
    }
    auto main = ClipGenerator::ensure(clipFolder(), kMainClip);
    if (!main) {
        return main.error();
    }
    auto sub = ClipGenerator::ensure(clipFolder(), kSubClip);
    if (!sub) {
        return sub.error();
    }
    m_mainClip = main.value();
    m_subClip = sub.value();
    return {};
}

Result<VirtualCameraUrls> VirtualCameraHost::ensure(const QString& name, const core::devices::Cancellation& cancel) {
    QMutexLocker lock(&m_mutex);
    if (auto known = m_cameras.constFind(name); known != m_cameras.cend()) {
        return *known;
    }
    if (Status clips = makeClips(); !clips) {
        return clips.error();
    }
    if (cancel.isCancelled()) {
        return Error::make(QString::fromLatin1(core::devices::kErrorCancelled), QStringLiteral("Cancelled."));
    }
    testcamera::CameraConfig main;
    main.name = QStringLiteral("main");
    main.path = QStringLiteral("/main");
    main.file = m_mainClip;
    testcamera::CameraConfig sub = main;
    sub.name = QStringLiteral("sub");
    sub.path = QStringLiteral("/sub");
    sub.file = m_subClip;

    Result<VirtualCameraUrls> result = Error::make(QStringLiteral("virtual_camera_failed"), QStringLiteral("not started"));
    QObject* context = m_context;
    QMetaObject::invokeMethod(
        m_context,
        [&result, context, main, sub, name] {
            auto* server = new testcamera::RtspServer(context);
            server->setObjectName(name);
            if (Status started = server->start({main, sub}, QHostAddress(QHostAddress::LocalHost), 0); !started) {
                delete server;
                result = Error::make(QStringLiteral("virtual_camera_failed"),
                                     QStringLiteral("The virtual camera \"%1\" could not start: %2")
                                         .arg(name, started.error().message));
                return;
            }
            result = VirtualCameraUrls{server->rtspUrl(QStringLiteral("main")), server->rtspUrl(QStringLiteral("sub"))};
        },
        Qt::BlockingQueuedConnection);
    if (result) {
        m_cameras.insert(name, result.value());
    }
    return result;
}

}  // namespace vigil::plugins
