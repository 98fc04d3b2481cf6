// Runs the tst_*.qml files in this folder with the Vigil.UI module available, as the app has it,
// and Vigil.Media's VideoPlayer registered as the app registers it. `vigilTestClip` is a short
// H.264 clip (made once with the ffmpeg tool) for VVideo's file playback.

#include <QFileInfo>
#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include "player/video_player.h"

Q_IMPORT_QML_PLUGIN(Vigil_UIPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { vigil::app::VideoPlayer::registerQmlTypes(); }

    // Qt 6.4 does not search the resource root by default; the module lives at qrc:/Vigil/UI.
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        const QString clip = QStringLiteral(VIGIL_QML_TEST_CLIP);
        if (!QFileInfo::exists(clip)) {
            QProcess::execute(QStringLiteral("ffmpeg"),
                              {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                               QStringLiteral("lavfi"), QStringLiteral("-i"),
                               QStringLiteral("testsrc2=size=320x240:rate=25:duration=20"), QStringLiteral("-c:v"),
                               QStringLiteral("libx264"), QStringLiteral("-g"), QStringLiteral("25"), QStringLiteral("-bf"),
                               QStringLiteral("0"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), clip});
        }
        engine->rootContext()->setContextProperty(QStringLiteral("vigilTestClip"), QUrl::fromLocalFile(clip));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml_controls, Setup)

#include "tst_qml_controls.moc"
