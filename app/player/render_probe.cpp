#include "player/render_probe.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <atomic>

namespace vigil::app::player {

namespace {

Q_LOGGING_CATEGORY(lcRenderProbe, "vigil.app.player.render")

std::atomic<bool> g_software{false};
QMutex g_nameLock;
QString g_name;

void noteRenderer(const QString& name) {
    {
        QMutexLocker lock(&g_nameLock);
        if (!g_name.isEmpty()) {
            return;  // one GL for the process: the first window tells
        }
        g_name = name;
    }
    g_software = RenderProbe::isSoftwareRenderer(name);
    qCInfo(lcRenderProbe).noquote() << "scene graph renderer:" << name
                                    << (g_software ? "(software: pictures converted to RGB on the decoder threads)"
                                                   : "(GPU: pictures stay YUV)");
}

}  // namespace

void RenderProbe::watch(QQuickWindow* window) {
    if (!window) {
        return;
    }
    // Direct: the GL context is current only on the render thread, during this signal.
    QObject::connect(
        window, &QQuickWindow::sceneGraphInitialized, window,
        [window] {
            const QSGRendererInterface* renderer = window->rendererInterface();
            if (renderer && renderer->graphicsApi() == QSGRendererInterface::Software) {
                noteRenderer(QStringLiteral("Qt Quick software renderer"));
                return;
            }
            QOpenGLContext* context = QOpenGLContext::currentContext();
            if (!context) {
                return;  // not OpenGL (Vulkan, Direct3D, Metal): a GPU
            }
            const auto* name = reinterpret_cast<const char*>(context->functions()->glGetString(GL_RENDERER));
            noteRenderer(QString::fromLatin1(name ? name : "unknown"));
        },
        Qt::DirectConnection);
}

MediaSource::Pictures RenderProbe::preferredPictures() {
    static const QByteArray forced = qgetenv("VIGIL_PLAYER_PICTURES");
    if (forced == "rgb") {
        return MediaSource::Pictures::Rgb;
    }
    if (forced == "yuv") {
        return MediaSource::Pictures::Yuv420;
    }
    return g_software ? MediaSource::Pictures::Rgb : MediaSource::Pictures::Yuv420;
}

QString RenderProbe::rendererName() {
    QMutexLocker lock(&g_nameLock);
    return g_name;
}

bool RenderProbe::isSoftwareRenderer(const QString& name) {
    static const char* const kSoftware[] = {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swr (",
                                            "qt quick software renderer", "microsoft basic render"};
    const QString lower = name.toLower();
    for (const char* software : kSoftware) {
        if (lower.contains(QLatin1String(software))) {
            return true;
        }
    }
    return false;
}

}  // namespace vigil::app::player
